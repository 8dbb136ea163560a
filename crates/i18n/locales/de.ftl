## Wabro — Deutsch. Jede Meldung muss in en.ftl, fr.ftl, nl.ftl und de.ftl vorhanden sein (ein Test prüft dies).

service-name = Arbeiten im Ausland
service-tagline = A1-Bescheinigungen und Entsendebescheinigungen für ins Ausland entsandte Arbeitnehmer
nsso = Landesamt für soziale Sicherheit
skip-to-content = Zum Hauptinhalt springen
language = Sprache
log-out = Abmelden
logged-in-as = Angemeldet als { $name }
footer-text = Wabro — ein Dienst des Landesamts für soziale Sicherheit (LSS). Fragen: Direktion Internationale Beziehungen, 02 509 59 59.

## Navigation
nav-posting = Entsendeantrag
nav-home = Startseite

## Anmeldung
login-title = Anmelden
login-intro = Melden Sie sich mit der E-Mail-Adresse und dem Passwort Ihres Arbeitgeberkontos an.
login-email = E-Mail-Adresse
login-password = Passwort
login-submit = Anmelden
login-demo-hint = Die Demokonten werden von dem Befehl ausgegeben, mit dem der Dienst gestartet wurde.

## Startseite / Reiter Entsendung
home-title = Entsendeantrag
home-intro = Beantragen Sie eine A1-Bescheinigung oder eine Entsendebescheinigung für einen Arbeitnehmer, der in einem einzigen anderen Land arbeiten wird.
home-new = Neuen Antrag beginnen
home-based-on = Von einem früheren Antrag ausgehen
home-based-on-label = Früherer Antrag
home-based-on-none = Ihr Unternehmen hat noch keine früheren Anträge.
home-based-on-submit = Seine Daten in einen neuen Antrag übernehmen
home-drafts = Nicht abgeschlossene Anträge
home-drafts-none = Keine nicht abgeschlossenen Anträge.
home-draft-updated = Zuletzt gespeichert am { $date }
home-draft-continue = Fortfahren
home-draft-untitled = Entsendeantrag (noch kein Arbeitnehmer)
home-recent = Letzte Anträge
home-recent-none = Noch keine Anträge.

## Assistent, allgemein
step-of = Schritt { $step } von { $steps }
step-1-title = Arbeitnehmer
step-2-title = Bestimmungsland und Arbeitsorte
step-3-title = Zeitraum und Bedingungen
step-4-title = Kontaktperson und Bemerkungen
summary-title = Überprüfen Sie Ihre Angaben
continue = Weiter
previous = Zurück
cancel-request = Diesen Antrag abbrechen
cancel-confirm = Diesen nicht abgeschlossenen Antrag verwerfen?
save = Antrag speichern
yes = Ja
no = Nein
optional = (optional)
change = Ändern
error-summary-title = Es gibt ein Problem
draft-saved = Ihre Angaben werden laufend gespeichert: Sie können die Seite verlassen und später zurückkehren.

## Schritt 1
employee-search-label = Suchen Sie den Arbeitnehmer anhand der ENSS oder eines Teils des Familiennamens
employee-search-hint = Zum Beispiel 85.07.30-033.28 oder „por“ für Delporte.
employee-search-submit = Suchen
employee-results = Gefundene Arbeitnehmer
employee-no-results = Kein Arbeitnehmer Ihres Unternehmens entspricht dieser Suche.
employee-select = Auswählen
employee-selected = Ausgewählter Arbeitnehmer
employee-none-selected = Noch kein Arbeitnehmer ausgewählt. Suchen Sie oben im Personalverzeichnis.
col-name = Name
col-ssin = ENSS
col-birth-date = Geburtsdatum
col-dimona = Dimona-Zeiträume
col-status = Status
dimona-open = seit dem { $start }
dimona-closed = vom { $start } bis zum { $end }
field-entry-into-service = Datum des Diensteintritts
field-entry-into-service-hint = Der Beginn der Beschäftigung in Ihrem Unternehmen.
field-private-sector = Gehört der Arbeitgeber zum Privatsektor?
field-temporary-address = Der Arbeitnehmer hat eine vorübergehende Wohnadresse im Ausland
field-street = Straße
field-number = Nummer
field-po-box = Briefkasten
field-postal-code = Postleitzahl
field-city = Ort
field-country = Land
field-nationality = Staatsangehörigkeit
field-home-address = Wohnadresse

## Schritt 2
field-destination = Bestimmungsland
field-destination-hint = Wählen Sie gegebenenfalls ein Gebiet wie Jersey oder Québec.
destination-choose = Wählen Sie ein Land
places-title = Arbeitsorte
places-none = Noch kein Arbeitsort. Fügen Sie mindestens einen hinzu.
place-add = Arbeitsort hinzufügen
place-type = Art des Arbeitsorts
place-edit = Bearbeiten
place-remove = Entfernen
place-save = Diesen Arbeitsort speichern
place-back = Zurück ohne Speichern
place-type-region = Region oder Land
place-type-company = Unternehmen
place-type-construction_site = Baustelle
place-type-homebase = Heimatbasis (Luftfahrt)
place-type-inland_vessel = Binnenschiff
place-type-ocean_vessel = Seeschiff
field-place-name = Name
field-foreign-id = Identifikationsnummer in seinem Land
field-description = Beschreibung der Baustelle
field-description-hint = Geben Sie eine Beschreibung, eine Straße oder beides an.
field-registration-number = Registernummer
field-operating-area = Einsatzgebiet (Hafen oder Fluss)
field-operating-country = Einsatzland
field-imo = IMO-Nummer
field-imo-confirmed = Ich bestätige diese IMO-Nummer, obwohl ihre Prüfziffer nicht stimmt
field-in-territorial-waters = Fährt das Schiff in Hoheitsgewässern oder liegt es in einem Hafen?
field-flag = Flagge

## Schritt 3
field-period-start = Anfangsdatum
field-period-end = Enddatum
field-date-hint = Zum Beispiel 31.12.2027.
conditions-title = Bedingungen der Entsendung
field-covered-before = War der Arbeitnehmer in den 30 Tagen vor der Entsendung der belgischen sozialen Sicherheit unterworfen?
field-extra-contract = Unterzeichnet der Arbeitnehmer einen zusätzlichen Arbeitsvertrag mit dem aufnehmenden Unternehmen?
field-host-pay = Kann das aufnehmende Unternehmen den Grundlohn des Arbeitnehmers ändern?
field-host-dismiss = Kann das aufnehmende Unternehmen den Arbeitnehmer entlassen?
field-host-discipline = Kann das aufnehmende Unternehmen Disziplinarmaßnahmen gegen den Arbeitnehmer ergreifen?
field-replaces = Ersetzt der Arbeitnehmer einen anderen entsandten Arbeitnehmer?
field-mission = Beschreibung des Auftrags
field-language = Sprache der Bescheinigung
lang-fr = Französisch
lang-nl = Niederländisch
lang-de = Deutsch
lang-en = Englisch

## Schritt 4
contact-title = Kontaktperson
field-family-name = Familienname
field-given-name = Vorname
field-company = Unternehmen
field-telephone = Telefon
field-fax = Fax
field-remarks = Bemerkungen für das LSS

## Zusammenfassung
summary-intro = Überprüfen Sie jede Angabe, bevor Sie den Antrag speichern. Mit „Ändern“ können Sie eine Angabe korrigieren.
summary-employee = Arbeitnehmer
summary-destination = Bestimmungsland
summary-places = Arbeitsorte
summary-period = Zeitraum
summary-conditions = Bedingungen
summary-contact = Kontaktperson
summary-not-ready = Der Antrag kann noch nicht gespeichert werden. Vervollständigen oder korrigieren Sie folgende Angaben:
assessment-title = Vorabprüfung
assessment-intro = Was die Regeln des LSS zu diesem Antrag besagen. Die Entscheidung trifft das LSS; dies ist nur ein Hinweis.
assessment-instrument = Dokument
assessment-legislation = Anwendbare Rechtsvorschriften
assessment-max-end = Spätestes zulässiges Enddatum
assessment-no-max = Keine feste Höchstdauer
assessment-clean = Keine Bemerkungen: Der Antrag erfüllt alle Regeln, die geprüft werden konnten.
assessment-blocking = Muss behoben werden
assessment-warning = Zu beachten
assessment-manual = Ein Sachbearbeiter des LSS wird diesen Antrag manuell prüfen.
instrument-a1 = A1-Bescheinigung, Artikel { $article } ({ $framework })
instrument-coc = Entsendebescheinigung ({ $name })
instrument-no-agreement = Weitergeltung der belgischen sozialen Sicherheit ohne Abkommen (Formular K138bis)
instrument-nationality-excluded = Weitergeltung der belgischen sozialen Sicherheit für 6 + 6 Monate ({ $name }: Staatsangehörigkeit nicht erfasst)
framework-regulation_883_2004 = Verordnung (EG) Nr. 883/2004
framework-eea_agreement = EWR-Abkommen
framework-eu_swiss_agreement = Abkommen EU–Schweiz
framework-tca_protocol = Handels- und Kooperationsabkommen EU–Vereinigtes Königreich
save-hint = Mit dem Speichern erklären Sie, dass die Angaben richtig und vollständig sind.

## Bestätigung
confirmation-title = Antrag gespeichert
confirmation-number = Ihre Transaktionsnummer
confirmation-body = Das LSS hat den Entsendeantrag für { $name } erhalten. Sein Status lautet: in Bearbeitung. Bewahren Sie die Transaktionsnummer für Ihre Unterlagen auf.
confirmation-next = Wie geht es weiter?
confirmation-reuse = Diese Daten für einen weiteren Antrag verwenden
reuse-other-employee = Anderer Arbeitnehmer, gleiches Bestimmungsland, gleicher Zeitraum und gleiche Bedingungen
reuse-other-destination = Gleicher Arbeitnehmer, anderes Bestimmungsland und anderer Zeitraum, gleiche Bedingungen
reuse-other-period = Gleicher Arbeitnehmer, gleiches Bestimmungsland und gleiche Bedingungen, anderer Zeitraum
back-home = Zurück zur Startseite

## Status und Antragsarten
status-in_progress = In Bearbeitung
status-cancelled = Annulliert
status-closed = Abgeschlossen
kind-posting = Entsendung
kind-simultaneous_occupation = Gleichzeitige Beschäftigung
kind-seafarer = Seeleute

## Fehlerseiten
error-not-found-title = Seite nicht gefunden
error-not-found = Diese Seite existiert nicht oder Sie haben keinen Zugriff darauf.
error-forbidden-title = Zugriff verweigert
error-forbidden = Mit Ihrem Konto können Sie diese Seite nicht öffnen.
error-server-title = Leider ist ein Fehler aufgetreten
error-server = Der Dienst konnte Ihre Anfrage nicht ausführen. Ihre gespeicherten Angaben gehen nicht verloren; versuchen Sie es gleich noch einmal.
error-form-title = Das Formular ist abgelaufen
error-already-submitted = Dieser Antrag wurde bereits gespeichert.

## Codes: Validierungsfehler, Lebenszyklusfehler, Feststellungen und Begründungen
code-field-required = Bitte machen Sie diese Angabe.
code-field-too_long = Verwenden Sie höchstens { $max } Zeichen.
code-field-yes_no_required = Antworten Sie mit Ja oder Nein.
code-date-invalid = Geben Sie ein existierendes Datum ein, zum Beispiel 31.12.2027.
code-period-end_before_start = Das Enddatum darf nicht vor dem Anfangsdatum liegen.
code-phone-format = Geben Sie eine Telefonnummer nur mit Ziffern, Leerzeichen und + / . - ( ) ein.
code-search-too_short = Geben Sie mindestens zwei Buchstaben des Namens oder eine vollständige ENSS ein.
code-search-no_results = Kein Arbeitnehmer entspricht dieser Suche.
code-login-invalid = Die E-Mail-Adresse oder das Passwort ist falsch.
code-login-rate_limited = Zu viele fehlgeschlagene Versuche. Versuchen Sie es in { $minutes } Minuten erneut.
code-form-expired = Dieses Formular ist abgelaufen oder stammt nicht von dieser Website. Laden Sie die Seite neu und versuchen Sie es erneut.
code-employee-not_selected = Wählen Sie den Arbeitnehmer aus Ihrem Personalverzeichnis aus.
code-ssin-length = Eine ENSS besteht aus 11 Ziffern.
code-ssin-format = Eine ENSS besteht nur aus Ziffern (Punkte, Bindestriche und Leerzeichen dazwischen sind erlaubt).
code-ssin-checksum = Diese ENSS existiert nicht: Überprüfen Sie die letzten beiden Ziffern.
code-ssin-date = Diese ENSS enthält ein Geburtsdatum, das es nicht gibt.
code-ssin-sequence = Diese ENSS hat eine ungültige laufende Nummer.
code-ssin-future_birth_date = Diese ENSS enthält ein Geburtsdatum in der Zukunft.
code-enterprise-length = Eine Unternehmensnummer besteht aus 10 Ziffern.
code-enterprise-format = Eine Unternehmensnummer besteht nur aus Ziffern.
code-enterprise-first_digit = Eine Unternehmensnummer beginnt mit 0 oder 1.
code-enterprise-checksum = Diese Unternehmensnummer existiert nicht: Überprüfen Sie die letzten beiden Ziffern.
code-employer-format = Eine LSS-Arbeitgebernummer besteht nur aus Ziffern.
code-employer-range = Dies ist keine LSS-Arbeitgebernummer.
code-employer-checksum = Diese LSS-Arbeitgebernummer existiert nicht: Überprüfen Sie die letzten beiden Ziffern.
code-imo-format = Eine IMO-Nummer besteht aus 7 Ziffern.
code-imo-check_digit = Die Prüfziffer der IMO-Nummer { $imo } stimmt nicht. Überprüfen Sie die Nummer; wenn sie richtig ist, bestätigen Sie sie.
code-postal_code-format = Eine belgische Postleitzahl besteht aus 4 Ziffern, von 1000 bis 9992.
code-country-unknown = Wählen Sie ein Land aus der Liste.
code-territory-unknown = Wählen Sie ein Gebiet aus der Liste.
code-territory-country_mismatch = Dieses Gebiet gehört zu folgendem Staat: { $country }.
code-language-unknown = Wählen Sie Französisch, Niederländisch oder Deutsch.
code-kind-unknown = Unbekannte Antragsart.
code-destination-belgium = Das Bestimmungsland muss ein anderes Land als Belgien sein.
code-places-required = Fügen Sie mindestens einen Arbeitsort hinzu.
code-place-type_unknown = Wählen Sie eine Art von Arbeitsort.
code-construction_site-description_or_street = Geben Sie eine Beschreibung der Baustelle oder ihre Straße an.
code-place-country_not_listed = Dieses Land ({ $country }) gehört nicht zu den Ländern dieses Antrags.
code-countries-without_place = Fügen Sie einen Arbeitsort in folgendem Land hinzu: { $country }.
code-percentage-range = Geben Sie einen ganzzahligen Prozentsatz von 1 bis 100 ein.
code-percentages-total = Die Prozentsätze ergeben zusammen { $total } %; sie müssen genau 100 % ergeben.
code-countries-min_two = Wählen Sie mindestens zwei Länder.
code-countries-duplicate = Dieses Land ist zweimal aufgeführt.
code-classification-unknown = Wählen Sie die Einstufung des Arbeitnehmers.
code-lifecycle-justification_required = Geben Sie den Grund für die Annullierung an.
code-lifecycle-already_cancelled = Dieser Antrag wurde bereits annulliert.
code-lifecycle-closed_not_cancellable = Dieser Antrag ist abgeschlossen und kann nicht mehr annulliert werden.
code-lifecycle-admitted_period_started = Der Zeitraum der Bescheinigung hat bereits begonnen: Der Antrag kann nicht mehr annulliert werden.
code-lifecycle-not_in_progress = Dieser Antrag ist nicht mehr in Bearbeitung.
code-lifecycle-admitted_outside_requested = Der bewilligte Zeitraum muss innerhalb des beantragten Zeitraums liegen.
code-lifecycle-reason_required = Geben Sie den Grund für die Ablehnung an.
code-period-exceeds_max = Der Zeitraum reicht über das späteste zulässige Enddatum ({ $max_end_date }) hinaus.
code-period-retroactive = Der Zeitraum hat vor { $days } Tagen begonnen: Anträge sollten vor Beginn der Entsendung gestellt werden.
code-dimona-not_covered = { $days } Tage des Zeitraums sind nicht durch eine Dimona-Meldung Ihres Unternehmens für diesen Arbeitnehmer abgedeckt.
code-employee-entry_after_start = Der Arbeitnehmer tritt am { $entry } in den Dienst ein, also nach Beginn der Entsendung ({ $start }).
code-posting-no_prior_coverage = Der Arbeitnehmer muss vor der Entsendung mindestens { $days } Tage der belgischen sozialen Sicherheit unterworfen gewesen sein.
code-posting-recently_recruited = Der Arbeitnehmer ist am { $entry } in den Dienst eingetreten, weniger als { $days } Tage vor der Entsendung: Das LSS wird die vorherige Unterwerfung unter die belgische soziale Sicherheit prüfen.
code-posting-replacement = Ein entsandter Arbeitnehmer darf keinen anderen entsandten Arbeitnehmer ablösen.
code-posting-gap_too_short = Die letzte Entsendung in dieses Land ({ $reference }) endete vor weniger als { $months } Monaten; eine neue Entsendung sollte frühestens am { $earliest_start } beginnen.
code-posting-overlaps_prior = Der Zeitraum überschneidet sich mit dem Antrag { $reference } für dasselbe Land.
code-link-extra_contract = Ein Arbeitsvertrag mit dem aufnehmenden Unternehmen unterbricht die unmittelbare Bindung an Ihr Unternehmen.
code-link-host_sets_pay = Dass das aufnehmende Unternehmen den Grundlohn festlegt, deutet auf eine Bindung an dieses Unternehmen statt an Ihr Unternehmen hin.
code-link-host_can_dismiss = Wenn das aufnehmende Unternehmen den Arbeitnehmer entlassen kann, ist die unmittelbare Bindung an Ihr Unternehmen unterbrochen.
code-link-host_disciplinary = Dass das aufnehmende Unternehmen Disziplinarmaßnahmen ergreift, deutet auf eine Bindung an dieses Unternehmen statt an Ihr Unternehmen hin.
code-art13-marginal_share = Der Anteil von { $percent } % ({ $country }) ist marginal (unter { $threshold } %) und wird bei der Beurteilung nicht berücksichtigt.
code-art13-residence_institution_decides = Der Arbeitnehmer wohnt in folgendem Staat: { $state }. Der Träger dieses Staates legt die anzuwendenden Rechtsvorschriften (vorläufig) fest.
code-art13-outside_coordination = Dieses Land ({ $country }) liegt außerhalb der Europäischen Union, des EWR, der Schweiz und des Vereinigten Königreichs.
code-legislation-other_state = Es gelten die Rechtsvorschriften folgenden Staates: { $state }. Das LSS kann diese Bescheinigung nicht ausstellen.
code-instrument-not_in_force = Das anwendbare Abkommen gilt erst ab dem { $since }.
code-agreement-nationality_not_covered = Das Abkommen ({ $agreement }) gilt nicht für diese Staatsangehörigkeit ({ $nationality }): Die belgische soziale Sicherheit kann für { $months } Monate weitergelten, einmal verlängerbar.
code-agreement-duration_unconfirmed = Die Höchstdauer nach dem Abkommen ({ $agreement }) muss von einem Sachbearbeiter bestätigt werden.
code-agreement-coverage_unconfirmed = Ob das Abkommen ({ $agreement }) für dieses Gebiet gilt, muss von einem Sachbearbeiter bestätigt werden.
code-no_agreement-regime = Belgien hat kein Abkommen mit diesem Land: Die belgische soziale Sicherheit kann für { $months } Monate weitergelten (einmal verlängerbar), und das Aufnahmeland kann dennoch den Anschluss an sein System verlangen.
code-classification-self_employed = Die selbständige Tätigkeit muss auch beim LISVS (INASTI) gemeldet werden.
code-rhine-manual_review = Rheinschiffer: Ein Sachbearbeiter prüft den Antrag nach dem Übereinkommen über die soziale Sicherheit der Rheinschiffer.
code-reason-residence_substantial = 25 % oder mehr der Arbeitszeit entfallen auf den Wohnsitzstaat.
code-reason-employer_seat = Weniger als 25 % der Arbeitszeit entfallen auf den Wohnsitzstaat: Es gelten die Rechtsvorschriften des Staates, in dem der Arbeitgeber seinen Sitz hat.
code-reason-homebase = Flugbesatzung: Es gelten die Rechtsvorschriften des Staates der Heimatbasis.
code-reason-flag = Arbeit an Bord eines Schiffes: Es gelten die Rechtsvorschriften des Flaggenstaats.
code-reason-flag_residence_payer = Arbeit an Bord eines Schiffes durch eine in Belgien wohnende Person, entlohnt von einem belgischen Arbeitgeber: Es gelten die belgischen Rechtsvorschriften.
code-reason-civil_servant = Beamter: Es gelten die Rechtsvorschriften des Staates, dem die beschäftigende Verwaltung angehört.
code-reason-employed_and_self_employed = Arbeitnehmer und Selbständiger: Es gelten die Rechtsvorschriften des Staates der Arbeitnehmertätigkeit.
code-reason-rhine_operator = Rheinschiffer: Es gelten die Rechtsvorschriften des Staates des Unternehmens, das das Schiff betreibt.
code-reason-posting = Entsandter Arbeitnehmer: Die belgischen Rechtsvorschriften gelten weiterhin.

## Users (access managers)
nav-users = Benutzer
users-title = Benutzer Ihres Unternehmens
users-intro = Als Zugriffsverwalter legen Sie die Konten Ihrer Kollegen an und deaktivieren die Konten, die nicht mehr benötigt werden.
users-create = Einen Benutzer anlegen
users-password-hint = Mindestens 12 Zeichen. Teilen Sie es der Person auf sicherem Weg mit.
users-make-manager = Dieser Benutzer verwaltet auch Benutzer (Zugriffsverwalter)
users-disable = Deaktivieren
users-enable = Aktivieren
users-disabled = Deaktiviert
users-active = Aktiv
users-created = Das Konto { $email } wurde angelegt.
col-role = Rolle
role-employer_user = Benutzer
role-access_manager = Zugriffsverwalter
code-user-email_invalid = Geben Sie eine E-Mail-Adresse wie name@beispiel.be an.
code-user-email_taken = Für diese E-Mail-Adresse gibt es bereits ein Konto.
code-user-password_too_short = Das Passwort muss mindestens { $min } Zeichen haben.
code-user-cannot_disable_self = Sie können Ihr eigenes Konto nicht deaktivieren.

## Consult, search and cancel
nav-consult = Einen Antrag einsehen
nav-cancel = Einen Antrag stornieren
any = Alle
search = Suchen
clear-criteria = Suchkriterien löschen
from = Vom
to = Bis
next = Weiter
pagination = Seiten
col-number = Transaktionsnummer
col-kind = Art
col-worker = Arbeitnehmer
col-country = Land
col-territory = Beschäftigungsgebiet
col-requested = Beantragter Zeitraum
col-admitted = Bewilligter Zeitraum
col-decision = Entscheidung
col-channel = Zustellung
col-cancel-reason = Grund der Stornierung
results-count = { $count ->
    [one] 1 Antrag gefunden
   *[other] { $count } Anträge gefunden
}
results-page = Seite { $page } von { $pages }
decision-approved = Bewilligt
decision-rejected = Abgelehnt
channel-e_box = e-Box Enterprise
channel-paper = Per Post
detail-title = Antrag
documents-title = Dokumente
documents-none = Noch keine Dokumente: Die Bescheinigung erscheint hier, sobald das LSS entschieden hat.
history-title = Verlauf
history-when = Wann
history-who = Wer
history-what = Was
history-submitted = Antrag gespeichert
history-cancelled = Antrag storniert
history-approved = Antrag bewilligt
history-rejected = Antrag abgelehnt
history-system = Wabro
cancel-intro = Anträge, die noch storniert werden können: in Bearbeitung oder bewilligt mit einem Zeitraum, der noch nicht begonnen hat.
cancel-missing = Fehlt ein Antrag in dieser Liste? Wenden Sie sich an den Dienst Internationale Beziehungen des LSS (02 509 59 59).
cancel-this = Stornieren
cancel-title = Antrag stornieren
cancel-withdraws = Dieser Antrag wurde bewilligt: Mit der Stornierung wird die Bescheinigung zurückgezogen.
cancel-justification = Warum stornieren Sie diesen Antrag?
cancel-confirm-button = Den Antrag stornieren
cancel-keep = Den Antrag behalten
cancel-done = Der Antrag ist storniert.
