## Wabro — Nederlands. Elk bericht moet bestaan in en.ftl, fr.ftl, nl.ftl en de.ftl (een test controleert dit).

service-name = Werken in het buitenland
service-tagline = A1-attesten en detacheringsattesten voor werknemers die naar het buitenland gedetacheerd worden
nsso = Rijksdienst voor Sociale Zekerheid
skip-to-content = Naar de hoofdinhoud
language = Taal
log-out = Afmelden
logged-in-as = Aangemeld als { $name }
footer-text = Wabro — een dienst van de Rijksdienst voor Sociale Zekerheid (RSZ). Vragen: Directie Internationale Betrekkingen, 02 509 59 59.

## Navigatie
nav-posting = Detacheringsaanvraag
nav-home = Startpagina

## Aanmelden
login-title = Aanmelden
login-intro = Meld u aan met het e-mailadres en het wachtwoord van uw werkgeversaccount.
login-email = E-mailadres
login-password = Wachtwoord
login-submit = Aanmelden
login-demo-hint = De demo-accounts worden getoond door het commando waarmee de dienst werd gestart.

## Startpagina / tabblad detachering
home-title = Detacheringsaanvraag
home-intro = Vraag een A1-attest of een detacheringsattest aan voor een werknemer die in één ander land gaat werken.
home-new = Een nieuwe aanvraag starten
home-based-on = Vertrekken van een eerdere aanvraag
home-based-on-label = Eerdere aanvraag
home-based-on-none = Uw onderneming heeft nog geen eerdere aanvragen.
home-based-on-submit = De gegevens ervan overnemen in een nieuwe aanvraag
home-drafts = Aanvragen die u nog niet hebt afgerond
home-drafts-none = Geen onafgewerkte aanvragen.
home-draft-updated = Laatst opgeslagen op { $date }
home-draft-continue = Verdergaan
home-draft-untitled = Detacheringsaanvraag (nog geen werknemer)
home-recent = Recente aanvragen
home-recent-none = Nog geen aanvragen.

## Wizard, algemeen
step-of = Stap { $step } van { $steps }
step-1-title = Werknemer
step-2-title = Bestemming en werkplaatsen
step-3-title = Periode en voorwaarden
step-4-title = Contactpersoon en opmerkingen
summary-title = Controleer uw antwoorden
continue = Verder
previous = Vorige
cancel-request = Deze aanvraag annuleren
cancel-confirm = Deze onafgewerkte aanvraag verwijderen?
save = De aanvraag opslaan
yes = Ja
no = Nee
optional = (facultatief)
change = Wijzigen
error-summary-title = Er is een probleem
draft-saved = Uw antwoorden worden gaandeweg opgeslagen: u kunt de aanvraag verlaten en later verdergaan.

## Stap 1
employee-search-label = Zoek de werknemer op INSZ of op een deel van de familienaam
employee-search-hint = Bijvoorbeeld 85.07.30-033.28 of "por" voor Delporte.
employee-search-submit = Zoeken
employee-results = Gevonden werknemers
employee-no-results = Geen enkele werknemer van uw onderneming beantwoordt aan deze zoekopdracht.
employee-select = Kiezen
employee-selected = Gekozen werknemer
employee-none-selected = Nog geen werknemer gekozen. Zoek hierboven in het personeelsbestand.
col-name = Naam
col-ssin = INSZ
col-birth-date = Geboortedatum
col-dimona = Dimona-periodes
col-status = Status
dimona-open = sinds { $start }
dimona-closed = van { $start } tot { $end }
field-entry-into-service = Datum van indiensttreding
field-entry-into-service-hint = Het begin van de tewerkstelling bij uw onderneming.
field-private-sector = Behoort de werkgever tot de privésector?
field-temporary-address = De werknemer heeft een tijdelijk verblijfsadres in het buitenland
field-street = Straat
field-number = Nummer
field-po-box = Bus
field-postal-code = Postcode
field-city = Plaats
field-country = Land
field-nationality = Nationaliteit
field-home-address = Woonadres

## Stap 2
field-destination = Land van bestemming
field-destination-hint = Kies in voorkomend geval een gebied zoals Jersey of Québec.
destination-choose = Kies een land
places-title = Werkplaatsen
places-none = Nog geen werkplaats. Voeg er minstens één toe.
place-add = Een werkplaats toevoegen
place-type = Soort werkplaats
place-edit = Wijzigen
place-remove = Verwijderen
place-save = Deze werkplaats opslaan
place-back = Terug zonder op te slaan
place-type-region = Regio of land
place-type-company = Onderneming
place-type-construction_site = Bouwplaats
place-type-homebase = Thuisbasis (luchtvaart)
place-type-inland_vessel = Binnenschip
place-type-ocean_vessel = Zeeschip
field-place-name = Naam
field-foreign-id = Identificatienummer in het eigen land
field-description = Beschrijving van de bouwplaats
field-description-hint = Geef een beschrijving, een straat of beide.
field-registration-number = Registratienummer
field-operating-area = Haven of rivier waar het schip actief is
field-operating-country = Land waar het schip actief is
field-imo = IMO-nummer
field-imo-confirmed = Ik bevestig dit IMO-nummer, hoewel het controlecijfer niet klopt
field-in-territorial-waters = Vaart het schip in de territoriale wateren of ligt het in een haven?
field-flag = Vlag

## Stap 3
field-period-start = Begindatum
field-period-end = Einddatum
field-date-hint = Bijvoorbeeld 31/12/2027.
conditions-title = Voorwaarden van de detachering
field-covered-before = Was de werknemer in de 30 dagen vóór de detachering onderworpen aan de Belgische sociale zekerheid?
field-extra-contract = Ondertekent de werknemer een bijkomende arbeidsovereenkomst met de ontvangende onderneming?
field-host-pay = Kan de ontvangende onderneming het basisloon van de werknemer wijzigen?
field-host-dismiss = Kan de ontvangende onderneming de werknemer ontslaan?
field-host-discipline = Kan de ontvangende onderneming tuchtmaatregelen nemen tegen de werknemer?
field-replaces = Vervangt de werknemer een andere gedetacheerde werknemer?
field-mission = Beschrijving van de opdracht
field-language = Taal van het attest
lang-fr = Frans
lang-nl = Nederlands
lang-de = Duits
lang-en = Engels

## Stap 4
contact-title = Contactpersoon
field-family-name = Familienaam
field-given-name = Voornaam
field-company = Onderneming
field-telephone = Telefoon
field-fax = Fax
field-remarks = Opmerkingen voor de RSZ

## Overzicht
summary-intro = Controleer elk antwoord voordat u de aanvraag opslaat. Gebruik "Wijzigen" om een antwoord te verbeteren.
summary-employee = Werknemer
summary-destination = Bestemming
summary-places = Werkplaatsen
summary-period = Periode
summary-conditions = Voorwaarden
summary-contact = Contactpersoon
summary-not-ready = De aanvraag kan nog niet worden opgeslagen. Vul de volgende antwoorden aan of verbeter ze:
assessment-title = Voorafgaande beoordeling
assessment-intro = Wat de regels van de RSZ over deze aanvraag zeggen. De RSZ beslist: dit is slechts een indicatie.
assessment-instrument = Document
assessment-legislation = Toepasselijke wetgeving
assessment-max-end = Uiterste toegestane einddatum
assessment-no-max = Geen vast maximum
assessment-clean = Geen opmerkingen: de aanvraag voldoet aan alle regels die konden worden gecontroleerd.
assessment-blocking = Moet worden opgelost
assessment-warning = Ter informatie
assessment-manual = Een medewerker van de RSZ zal deze aanvraag manueel onderzoeken.
instrument-a1 = A1-attest, artikel { $article } ({ $framework })
instrument-coc = Detacheringsattest ({ $name })
instrument-no-agreement = Behoud van de Belgische sociale zekerheid zonder overeenkomst (formulier K138bis)
instrument-nationality-excluded = Behoud van de Belgische sociale zekerheid gedurende 6 + 6 maanden ({ $name }: nationaliteit niet gedekt)
framework-regulation_883_2004 = Verordening (EG) 883/2004
framework-eea_agreement = EER-Overeenkomst
framework-eu_swiss_agreement = Overeenkomst EU–Zwitserland
framework-tca_protocol = Handels- en samenwerkingsovereenkomst EU–VK
save-hint = Door op te slaan verklaart u dat de antwoorden juist en volledig zijn.

## Bevestiging
confirmation-title = Aanvraag opgeslagen
confirmation-number = Uw transactienummer
confirmation-body = De RSZ heeft de detacheringsaanvraag voor { $name } ontvangen. De status is: in behandeling. Bewaar het transactienummer voor uw administratie.
confirmation-next = Wat nu?
confirmation-reuse = Deze gegevens gebruiken voor een andere aanvraag
reuse-other-employee = Andere werknemer, dezelfde bestemming, periode en voorwaarden
reuse-other-destination = Dezelfde werknemer, andere bestemming en periode, dezelfde voorwaarden
reuse-other-period = Dezelfde werknemer, bestemming en voorwaarden, andere periode
back-home = Terug naar de startpagina

## Statussen en soorten
status-in_progress = In behandeling
status-cancelled = Geannuleerd
status-closed = Afgesloten
kind-posting = Detachering
kind-simultaneous_occupation = Gelijktijdige tewerkstelling
kind-seafarer = Zeevarende

## Foutpagina's
error-not-found-title = Pagina niet gevonden
error-not-found = Deze pagina bestaat niet of u hebt er geen toegang toe.
error-forbidden-title = Niet toegestaan
error-forbidden = Met uw account kunt u deze pagina niet openen.
error-server-title = Sorry, er is iets misgegaan
error-server = De dienst kon uw verzoek niet afhandelen. Wat u hebt opgeslagen, gaat niet verloren; probeer het zo dadelijk opnieuw.
error-form-title = Het formulier is verlopen
error-already-submitted = Deze aanvraag werd al opgeslagen.

## Codes: validatiefouten, levenscyclusfouten, vaststellingen en redenen
code-field-required = Vul dit gegeven in.
code-field-too_long = Gebruik maximaal { $max } tekens.
code-field-yes_no_required = Antwoord ja of nee.
code-date-invalid = Vul een bestaande datum in, bijvoorbeeld 31/12/2027.
code-period-end_before_start = De einddatum moet op of na de begindatum liggen.
code-phone-format = Vul een telefoonnummer in met alleen cijfers, spaties en + / . - ( ).
code-search-too_short = Vul minstens twee letters van de naam of een volledig INSZ in.
code-search-no_results = Geen enkele werknemer beantwoordt aan deze zoekopdracht.
code-login-invalid = Het e-mailadres of het wachtwoord is onjuist.
code-login-rate_limited = Te veel mislukte pogingen. Probeer het over { $minutes } minuten opnieuw.
code-form-expired = Dit formulier is verlopen of is niet afkomstig van deze site. Laad de pagina opnieuw en probeer het nog eens.
code-employee-not_selected = Kies de werknemer uit uw personeelsbestand.
code-ssin-length = Een INSZ bestaat uit 11 cijfers.
code-ssin-format = Een INSZ bestaat alleen uit cijfers (punten, streepjes en spaties ertussen zijn toegestaan).
code-ssin-checksum = Dit INSZ bestaat niet: controleer de laatste twee cijfers.
code-ssin-date = Dit INSZ bevat een geboortedatum die niet bestaat.
code-ssin-sequence = Dit INSZ heeft een ongeldig volgnummer.
code-ssin-future_birth_date = Dit INSZ bevat een geboortedatum in de toekomst.
code-enterprise-length = Een ondernemingsnummer bestaat uit 10 cijfers.
code-enterprise-format = Een ondernemingsnummer bestaat alleen uit cijfers.
code-enterprise-first_digit = Een ondernemingsnummer begint met 0 of 1.
code-enterprise-checksum = Dit ondernemingsnummer bestaat niet: controleer de laatste twee cijfers.
code-employer-format = Een RSZ-werkgeversnummer bestaat alleen uit cijfers.
code-employer-range = Dit is geen RSZ-werkgeversnummer.
code-employer-checksum = Dit RSZ-werkgeversnummer bestaat niet: controleer de laatste twee cijfers.
code-imo-format = Een IMO-nummer bestaat uit 7 cijfers.
code-imo-check_digit = Het controlecijfer van IMO-nummer { $imo } klopt niet. Controleer het nummer; als het juist is, bevestig het dan.
code-postal_code-format = Een Belgische postcode bestaat uit 4 cijfers, van 1000 tot 9992.
code-country-unknown = Kies een land uit de lijst.
code-territory-unknown = Kies een gebied uit de lijst.
code-territory-country_mismatch = Dit gebied behoort tot { $country }.
code-language-unknown = Kies Frans, Nederlands of Duits.
code-kind-unknown = Onbekende soort aanvraag.
code-destination-belgium = De bestemming moet een ander land dan België zijn.
code-places-required = Voeg minstens één werkplaats toe.
code-place-type_unknown = Kies een soort werkplaats.
code-construction_site-description_or_street = Geef een beschrijving van de bouwplaats of de straat ervan.
code-place-country_not_listed = Dit land ({ $country }) behoort niet tot de landen van deze aanvraag.
code-countries-without_place = Voeg een werkplaats toe in { $country }.
code-percentage-range = Vul een geheel percentage van 1 tot 100 in.
code-percentages-total = De percentages komen samen uit op { $total } %; ze moeten samen precies 100 % bedragen.
code-countries-min_two = Kies minstens twee landen.
code-countries-duplicate = Dit land staat twee keer in de lijst.
code-classification-unknown = Kies het statuut van de werknemer.
code-lifecycle-justification_required = Geef de reden van de annulering op.
code-lifecycle-already_cancelled = Deze aanvraag werd al geannuleerd.
code-lifecycle-closed_not_cancellable = Deze aanvraag is afgesloten en kan niet meer worden geannuleerd.
code-lifecycle-admitted_period_started = De periode van het attest is al begonnen: de aanvraag kan niet meer worden geannuleerd.
code-lifecycle-not_in_progress = Deze aanvraag is niet meer in behandeling.
code-lifecycle-admitted_outside_requested = De toegekende periode moet binnen de aangevraagde periode liggen.
code-lifecycle-reason_required = Geef de reden van de weigering op.
code-period-exceeds_max = De periode loopt verder dan de uiterste toegestane einddatum ({ $max_end_date }).
code-period-retroactive = De periode is { $days } dagen geleden begonnen: aanvragen moeten worden ingediend voordat de detachering begint.
code-dimona-not_covered = { $days } dagen van de periode zijn niet gedekt door een Dimona-aangifte van uw onderneming voor deze werknemer.
code-employee-entry_after_start = De werknemer treedt in dienst op { $entry }, dus na het begin van de detachering ({ $start }).
code-posting-no_prior_coverage = De werknemer moet vóór de detachering minstens { $days } dagen onderworpen zijn geweest aan de Belgische sociale zekerheid.
code-posting-recently_recruited = De werknemer is op { $entry } in dienst getreden, minder dan { $days } dagen vóór de detachering: de RSZ zal de voorafgaande onderwerping aan de Belgische sociale zekerheid controleren.
code-posting-replacement = Een gedetacheerde werknemer mag geen andere gedetacheerde werknemer vervangen.
code-posting-gap_too_short = De laatste detachering naar dit land ({ $reference }) is minder dan { $months } maanden geleden geëindigd; een nieuwe detachering mag ten vroegste op { $earliest_start } beginnen.
code-posting-overlaps_prior = De periode overlapt met aanvraag { $reference } voor hetzelfde land.
code-link-extra_contract = Een arbeidsovereenkomst met de ontvangende onderneming verbreekt de rechtstreekse band met uw onderneming.
code-link-host_sets_pay = Dat de ontvangende onderneming het basisloon vaststelt, wijst op een band met die onderneming in plaats van met uw onderneming.
code-link-host_can_dismiss = Als de ontvangende onderneming de werknemer kan ontslaan, is de rechtstreekse band met uw onderneming verbroken.
code-link-host_disciplinary = Dat de ontvangende onderneming tuchtmaatregelen neemt, wijst op een band met die onderneming in plaats van met uw onderneming.
code-art13-marginal_share = Het aandeel van { $percent } % in { $country } is marginaal (minder dan { $threshold } %) en wordt niet meegerekend in de beoordeling.
code-art13-residence_institution_decides = De werknemer woont in { $state }: de instelling van die staat stelt de toepasselijke wetgeving (voorlopig) vast.
code-art13-outside_coordination = Dit land ({ $country }) ligt buiten de Europese Unie, de EER, Zwitserland en het Verenigd Koninkrijk.
code-legislation-other_state = De wetgeving van de volgende staat is van toepassing: { $state }. De RSZ kan dit attest niet afleveren.
code-instrument-not_in_force = De toepasselijke overeenkomst geldt pas vanaf { $since }.
code-agreement-nationality_not_covered = De overeenkomst ({ $agreement }) geldt niet voor deze nationaliteit ({ $nationality }): de Belgische sociale zekerheid kan gedurende { $months } maanden behouden blijven, eenmaal verlengbaar.
code-agreement-duration_unconfirmed = De maximale duur volgens de overeenkomst ({ $agreement }) moet door een medewerker worden bevestigd.
code-agreement-coverage_unconfirmed = Een medewerker moet bevestigen of de overeenkomst ({ $agreement }) voor dit gebied geldt.
code-no_agreement-regime = België heeft geen overeenkomst met dit land: de Belgische sociale zekerheid kan gedurende { $months } maanden behouden blijven (eenmaal verlengbaar), en het gastland kan toch een aansluiting eisen.
code-classification-self_employed = De zelfstandige activiteit moet ook bij het RSVZ worden aangegeven.
code-rhine-manual_review = Rijnvarenden: een medewerker beoordeelt de aanvraag op grond van de Overeenkomst inzake de sociale zekerheid van Rijnvarenden.
code-reason-residence_substantial = 25 % of meer van de arbeidstijd wordt in de woonstaat verricht.
code-reason-employer_seat = Minder dan 25 % van de arbeidstijd wordt in de woonstaat verricht: de wetgeving van de staat van de zetel van de werkgever is van toepassing.
code-reason-homebase = Cockpit- en cabinepersoneel: de wetgeving van de staat van de thuisbasis is van toepassing.
code-reason-flag = Werk aan boord van een schip: de wetgeving van de vlaggenstaat is van toepassing.
code-reason-flag_residence_payer = Werk aan boord van een schip door een inwoner van België, betaald door een Belgische werkgever: de Belgische wetgeving is van toepassing.
code-reason-civil_servant = Ambtenaar: de wetgeving van de staat waaronder de tewerkstellende administratie ressorteert, is van toepassing.
code-reason-employed_and_self_employed = Werknemer en zelfstandige: de wetgeving van de staat van de activiteit als werknemer is van toepassing.
code-reason-rhine_operator = Rijnvarenden: de wetgeving van de staat van de onderneming die het schip exploiteert, is van toepassing.
code-reason-posting = Gedetacheerde werknemer: de Belgische wetgeving blijft van toepassing.

## Users (access managers)
nav-users = Gebruikers
users-title = Gebruikers van uw onderneming
users-intro = Als toegangsbeheerder maakt u de accounts van uw collega's aan en deactiveert u de accounts die niet meer nodig zijn.
users-create = Een gebruiker aanmaken
users-password-hint = Minstens 12 tekens. Bezorg het veilig aan de persoon.
users-make-manager = Deze gebruiker beheert ook gebruikers (toegangsbeheerder)
users-disable = Deactiveren
users-enable = Activeren
users-disabled = Gedeactiveerd
users-active = Actief
users-created = Het account { $email } is aangemaakt.
col-role = Rol
role-employer_user = Gebruiker
role-access_manager = Toegangsbeheerder
code-user-email_invalid = Geef een e-mailadres zoals naam@voorbeeld.be.
code-user-email_taken = Dit e-mailadres heeft al een account.
code-user-password_too_short = Het wachtwoord moet minstens { $min } tekens tellen.
code-user-cannot_disable_self = U kunt uw eigen account niet deactiveren.

## Consult, search and cancel
nav-consult = Een aanvraag raadplegen
nav-cancel = Een aanvraag annuleren
any = Alle
search = Zoeken
clear-criteria = Zoekcriteria wissen
from = Van
to = Tot
next = Volgende
pagination = Pagina's
col-number = Transactienummer
col-kind = Type
col-worker = Werknemer
col-country = Land
col-territory = Tewerkstellingsgebied
col-requested = Gevraagde periode
col-admitted = Toegekende periode
col-decision = Beslissing
col-channel = Verzending
col-cancel-reason = Reden van annulering
results-count = { $count ->
    [one] 1 aanvraag gevonden
   *[other] { $count } aanvragen gevonden
}
results-page = Pagina { $page } van { $pages }
decision-approved = Toegekend
decision-rejected = Geweigerd
channel-e_box = e-Box Enterprise
channel-paper = Per post
detail-title = Aanvraag
documents-title = Documenten
documents-none = Nog geen documenten: het attest verschijnt hier zodra de RSZ heeft beslist.
history-title = Geschiedenis
history-when = Wanneer
history-who = Wie
history-what = Wat
history-submitted = Aanvraag opgeslagen
history-cancelled = Aanvraag geannuleerd
history-approved = Aanvraag toegekend
history-rejected = Aanvraag geweigerd
history-system = Wabro
cancel-intro = Aanvragen die nog geannuleerd kunnen worden: in behandeling, of toegekend met een periode die nog niet begonnen is.
cancel-missing = Ontbreekt er een aanvraag in deze lijst? Neem contact op met de dienst Internationale Betrekkingen van de RSZ (02 509 59 59).
cancel-this = Annuleren
cancel-title = Aanvraag annuleren
cancel-withdraws = Deze aanvraag werd toegekend: door ze te annuleren wordt het attest ingetrokken.
cancel-justification = Waarom annuleert u deze aanvraag?
cancel-confirm-button = De aanvraag annuleren
cancel-keep = De aanvraag behouden
cancel-done = De aanvraag is geannuleerd.
