## Wabro — français. Chaque message doit exister dans en.ftl, fr.ftl, nl.ftl et de.ftl (un test le vérifie).

service-name = Travailler à l'étranger
service-tagline = Attestations A1 et certificats de détachement pour les travailleurs détachés à l'étranger
nsso = Office national de sécurité sociale
skip-to-content = Aller au contenu principal
language = Langue
log-out = Se déconnecter
logged-in-as = Connecté en tant que { $name }
footer-text = Wabro — un service de l'Office national de sécurité sociale (ONSS). Questions : Direction des Relations internationales, 02 509 59 59.

## Navigation
nav-posting = Demande de détachement
nav-home = Accueil

## Connexion
login-title = Connexion
login-intro = Connectez-vous avec l'adresse e-mail et le mot de passe de votre compte employeur.
login-email = Adresse e-mail
login-password = Mot de passe
login-submit = Se connecter
login-demo-hint = Les comptes de démonstration sont affichés par la commande qui a démarré le service.

## Accueil / onglet détachement
home-title = Demande de détachement
home-intro = Demandez une attestation A1 ou un certificat de détachement pour un travailleur qui va travailler dans un seul autre pays.
home-new = Commencer une nouvelle demande
home-based-on = Partir d'une demande antérieure
home-based-on-label = Demande antérieure
home-based-on-none = Votre entreprise n'a pas encore introduit de demande.
home-based-on-submit = Copier ses données dans une nouvelle demande
home-drafts = Demandes non terminées
home-drafts-none = Aucune demande non terminée.
home-draft-updated = Dernier enregistrement le { $date }
home-draft-continue = Continuer
home-draft-untitled = Demande de détachement (pas encore de travailleur)
home-recent = Demandes récentes
home-recent-none = Aucune demande pour l'instant.

## Assistant, éléments communs
step-of = Étape { $step } sur { $steps }
step-1-title = Travailleur
step-2-title = Destination et lieux de travail
step-3-title = Période et conditions
step-4-title = Personne de contact et remarques
summary-title = Vérifiez vos réponses
continue = Continuer
previous = Précédent
cancel-request = Annuler cette demande
cancel-confirm = Abandonner cette demande non terminée ?
save = Enregistrer la demande
yes = Oui
no = Non
optional = (facultatif)
change = Modifier
error-summary-title = Il y a un problème
draft-saved = Vos réponses sont enregistrées au fur et à mesure : vous pouvez quitter la demande et la reprendre plus tard.

## Étape 1
employee-search-label = Recherchez le travailleur par numéro NISS ou par une partie de son nom de famille
employee-search-hint = Par exemple 85.07.30-033.28 ou « por » pour Delporte.
employee-search-submit = Rechercher
employee-results = Travailleurs trouvés
employee-no-results = Aucun travailleur de votre entreprise ne correspond à cette recherche.
employee-select = Choisir
employee-selected = Travailleur sélectionné
employee-none-selected = Aucun travailleur choisi pour l'instant. Faites une recherche dans le répertoire du personnel ci-dessus.
col-name = Nom
col-ssin = NISS
col-birth-date = Date de naissance
col-dimona = Périodes Dimona
col-status = Statut
dimona-open = depuis le { $start }
dimona-closed = du { $start } au { $end }
field-entry-into-service = Date d'entrée en service
field-entry-into-service-hint = Le début de l'occupation dans votre entreprise.
field-private-sector = L'employeur relève-t-il du secteur privé ?
field-temporary-address = Le travailleur a une adresse de résidence temporaire à l'étranger
field-street = Rue
field-number = Numéro
field-po-box = Boîte
field-postal-code = Code postal
field-city = Localité
field-country = Pays
field-nationality = Nationalité
field-home-address = Adresse du domicile

## Étape 2
field-destination = Pays de destination
field-destination-hint = Le cas échéant, choisissez un territoire tel que Jersey ou le Québec.
destination-choose = Choisissez un pays
places-title = Lieux de travail
places-none = Pas encore de lieu de travail. Ajoutez-en au moins un.
place-add = Ajouter un lieu de travail
place-type = Type de lieu
place-edit = Modifier
place-remove = Supprimer
place-save = Enregistrer ce lieu
place-back = Retour sans enregistrer
place-type-region = Région ou pays
place-type-company = Entreprise
place-type-construction_site = Chantier
place-type-homebase = Base d'affectation (aviation)
place-type-inland_vessel = Bateau de navigation intérieure
place-type-ocean_vessel = Navire de mer
field-place-name = Nom
field-foreign-id = Numéro d'identification dans son pays
field-description = Description du chantier
field-description-hint = Indiquez une description, une rue, ou les deux.
field-registration-number = Numéro d'immatriculation
field-operating-area = Port ou cours d'eau où il est exploité
field-operating-country = Pays où il est exploité
field-imo = Numéro IMO
field-imo-confirmed = Je confirme ce numéro IMO bien que son chiffre de contrôle ne corresponde pas
field-in-territorial-waters = Le navire navigue-t-il dans les eaux territoriales ou se trouve-t-il dans un port ?
field-flag = Pavillon

## Étape 3
field-period-start = Date de début
field-period-end = Date de fin
field-date-hint = Par exemple 31/12/2027.
conditions-title = Conditions du détachement
field-covered-before = Le travailleur était-il assujetti à la sécurité sociale belge au cours des 30 jours précédant le détachement ?
field-extra-contract = Le travailleur signe-t-il un contrat de travail supplémentaire avec l'entreprise d'accueil ?
field-host-pay = L'entreprise d'accueil peut-elle modifier le salaire de base du travailleur ?
field-host-dismiss = L'entreprise d'accueil peut-elle licencier le travailleur ?
field-host-discipline = L'entreprise d'accueil peut-elle prendre des mesures disciplinaires à l'encontre du travailleur ?
field-replaces = Le travailleur remplace-t-il un autre travailleur détaché ?
field-mission = Description de la mission
field-language = Langue du certificat
lang-fr = Français
lang-nl = Néerlandais
lang-de = Allemand
lang-en = Anglais

## Étape 4
contact-title = Personne de contact
field-family-name = Nom de famille
field-given-name = Prénom
field-company = Entreprise
field-telephone = Téléphone
field-fax = Fax
field-remarks = Remarques à l'intention de l'ONSS

## Récapitulatif
summary-intro = Vérifiez chaque réponse avant d'enregistrer la demande. Utilisez « Modifier » pour en corriger une.
summary-employee = Travailleur
summary-destination = Destination
summary-places = Lieux de travail
summary-period = Période
summary-conditions = Conditions
summary-contact = Personne de contact
summary-not-ready = La demande ne peut pas encore être enregistrée. Complétez ou corrigez les réponses suivantes :
assessment-title = Évaluation préalable
assessment-intro = Ce que prévoient les règles de l'ONSS pour cette demande. C'est l'ONSS qui décide : il ne s'agit que d'une indication.
assessment-instrument = Document
assessment-legislation = Législation applicable
assessment-max-end = Date de fin la plus tardive autorisée
assessment-no-max = Pas de maximum fixe
assessment-clean = Aucune remarque : la demande satisfait à toutes les règles qui ont pu être vérifiées.
assessment-blocking = À résoudre
assessment-warning = À noter
assessment-manual = Un agent de l'ONSS examinera cette demande manuellement.
instrument-a1 = Attestation A1, article { $article } ({ $framework })
instrument-coc = Certificat de détachement ({ $name })
instrument-no-agreement = Maintien de l'assujettissement à la sécurité sociale belge sans convention (formulaire K138bis)
instrument-nationality-excluded = Maintien de l'assujettissement à la sécurité sociale belge pendant 6 + 6 mois ({ $name } : nationalité non couverte)
framework-regulation_883_2004 = Règlement (CE) 883/2004
framework-eea_agreement = Accord EEE
framework-eu_swiss_agreement = Accord UE–Suisse
framework-tca_protocol = Accord de commerce et de coopération UE–Royaume-Uni
save-hint = En enregistrant, vous déclarez que les réponses sont exactes et complètes.

## Confirmation
confirmation-title = Demande enregistrée
confirmation-number = Votre numéro de transaction
confirmation-body = L'ONSS a bien reçu la demande de détachement concernant { $name }. Son statut est : en cours. Conservez le numéro de transaction dans vos dossiers.
confirmation-next = Et ensuite ?
confirmation-reuse = Utiliser ces données pour une autre demande
reuse-other-employee = Autre travailleur, mêmes destination, période et conditions
reuse-other-destination = Même travailleur, autres destination et période, mêmes conditions
reuse-other-period = Même travailleur, mêmes destination et conditions, autre période
back-home = Retour à la page d'accueil

## Statuts et types
status-in_progress = En cours
status-cancelled = Annulée
status-closed = Clôturée
kind-posting = Détachement
kind-simultaneous_occupation = Occupation simultanée
kind-seafarer = Marin

## Pages d'erreur
error-not-found-title = Page introuvable
error-not-found = Cette page n'existe pas ou vous n'y avez pas accès.
error-forbidden-title = Accès refusé
error-forbidden = Votre compte ne permet pas d'ouvrir cette page.
error-server-title = Désolé, une erreur s'est produite
error-server = Le service n'a pas pu mener à bien votre opération. Rien de ce que vous avez enregistré n'est perdu ; réessayez dans un instant.
error-form-title = Le formulaire a expiré
error-already-submitted = Cette demande a déjà été enregistrée.

## Codes : erreurs de validation, erreurs de cycle de vie, constats et motifs
code-field-required = Indiquez cette information.
code-field-too_long = Utilisez au maximum { $max } caractères.
code-field-yes_no_required = Répondez par oui ou par non.
code-date-invalid = Indiquez une date qui existe, par exemple 31/12/2027.
code-period-end_before_start = La date de fin doit être identique ou postérieure à la date de début.
code-phone-format = Indiquez un numéro de téléphone composé uniquement de chiffres, d'espaces et des caractères + / . - ( ).
code-search-too_short = Indiquez au moins deux lettres du nom ou un numéro NISS complet.
code-search-no_results = Aucun travailleur ne correspond à cette recherche.
code-login-invalid = L'adresse e-mail ou le mot de passe est incorrect.
code-login-rate_limited = Trop de tentatives infructueuses. Réessayez dans { $minutes } minutes.
code-form-expired = Ce formulaire a expiré ou ne provient pas de ce site. Rechargez la page et réessayez.
code-employee-not_selected = Choisissez le travailleur dans votre répertoire du personnel.
code-ssin-length = Un numéro NISS comporte 11 chiffres.
code-ssin-format = Un numéro NISS ne comporte que des chiffres (des points, des tirets et des espaces sont admis entre ceux-ci).
code-ssin-checksum = Ce numéro NISS n'existe pas : vérifiez les deux derniers chiffres.
code-ssin-date = Ce numéro NISS contient une date de naissance qui n'existe pas.
code-ssin-sequence = Ce numéro NISS contient un numéro d'ordre non valable.
code-ssin-future_birth_date = Ce numéro NISS contient une date de naissance située dans le futur.
code-enterprise-length = Un numéro d'entreprise comporte 10 chiffres.
code-enterprise-format = Un numéro d'entreprise ne comporte que des chiffres.
code-enterprise-first_digit = Un numéro d'entreprise commence par 0 ou 1.
code-enterprise-checksum = Ce numéro d'entreprise n'existe pas : vérifiez les deux derniers chiffres.
code-employer-format = Un numéro d'employeur ONSS ne comporte que des chiffres.
code-employer-range = Ceci n'est pas un numéro d'employeur ONSS.
code-employer-checksum = Ce numéro d'employeur ONSS n'existe pas : vérifiez les deux derniers chiffres.
code-imo-format = Un numéro IMO comporte 7 chiffres.
code-imo-check_digit = Le chiffre de contrôle du numéro IMO { $imo } ne correspond pas. Vérifiez le numéro ; s'il est correct, confirmez-le.
code-postal_code-format = Un code postal belge comporte 4 chiffres, de 1000 à 9992.
code-country-unknown = Choisissez un pays dans la liste.
code-territory-unknown = Choisissez un territoire dans la liste.
code-territory-country_mismatch = Ce territoire relève du pays suivant : { $country }.
code-language-unknown = Choisissez le français, le néerlandais ou l'allemand.
code-kind-unknown = Type de demande inconnu.
code-destination-belgium = La destination doit être un pays autre que la Belgique.
code-places-required = Ajoutez au moins un lieu de travail.
code-place-type_unknown = Choisissez un type de lieu.
code-construction_site-description_or_street = Indiquez une description du chantier ou sa rue.
code-place-country_not_listed = Ce pays ({ $country }) ne fait pas partie des pays de cette demande.
code-countries-without_place = Ajoutez un lieu de travail situé dans le pays suivant : { $country }.
code-percentage-range = Indiquez un pourcentage entier de 1 à 100.
code-percentages-total = Le total des pourcentages s'élève à { $total } % ; il doit être exactement de 100 %.
code-countries-min_two = Choisissez au moins deux pays.
code-countries-duplicate = Ce pays figure deux fois dans la liste.
code-classification-unknown = Choisissez le statut du travailleur.
code-lifecycle-justification_required = Indiquez le motif de l'annulation.
code-lifecycle-already_cancelled = Cette demande a déjà été annulée.
code-lifecycle-closed_not_cancellable = Cette demande est clôturée et ne peut plus être annulée.
code-lifecycle-admitted_period_started = La période du certificat a commencé : la demande ne peut plus être annulée.
code-lifecycle-not_in_progress = Cette demande n'est plus en cours.
code-lifecycle-admitted_outside_requested = La période accordée doit être comprise dans la période demandée.
code-lifecycle-reason_required = Indiquez le motif du refus.
code-period-exceeds_max = La période dépasse la date de fin la plus tardive autorisée ({ $max_end_date }).
code-period-retroactive = La période a commencé il y a { $days } jours : les demandes doivent être introduites avant le début du détachement.
code-dimona-not_covered = { $days } jours de la période ne sont pas couverts par une déclaration Dimona de votre entreprise pour ce travailleur.
code-employee-entry_after_start = Le travailleur entre en service le { $entry }, soit après le début du détachement ({ $start }).
code-posting-no_prior_coverage = Le travailleur doit avoir été assujetti à la sécurité sociale belge pendant au moins { $days } jours avant le détachement.
code-posting-recently_recruited = Le travailleur est entré en service le { $entry }, moins de { $days } jours avant le détachement : l'ONSS vérifiera son assujettissement antérieur à la sécurité sociale belge.
code-posting-replacement = Un travailleur détaché ne peut pas remplacer un autre travailleur détaché.
code-posting-gap_too_short = Le dernier détachement vers ce pays ({ $reference }) a pris fin il y a moins de { $months } mois ; un nouveau détachement ne devrait pas commencer avant le { $earliest_start }.
code-posting-overlaps_prior = La période chevauche celle de la demande { $reference } pour le même pays.
code-link-extra_contract = Un contrat de travail avec l'entreprise d'accueil rompt le lien direct avec votre entreprise.
code-link-host_sets_pay = Le fait que l'entreprise d'accueil fixe le salaire de base indique un lien avec celle-ci plutôt qu'avec votre entreprise.
code-link-host_can_dismiss = Si l'entreprise d'accueil peut licencier le travailleur, le lien direct avec votre entreprise est rompu.
code-link-host_disciplinary = Le fait que l'entreprise d'accueil prenne des mesures disciplinaires indique un lien avec celle-ci plutôt qu'avec votre entreprise.
code-art13-marginal_share = La part de { $percent } % ({ $country }) est marginale (moins de { $threshold } %) et n'est pas prise en compte dans l'évaluation.
code-art13-residence_institution_decides = Le travailleur réside dans l'État suivant : { $state }. C'est l'institution de cet État qui détermine (provisoirement) la législation applicable.
code-art13-outside_coordination = Ce pays ({ $country }) se situe en dehors de l'Union européenne, de l'EEE, de la Suisse et du Royaume-Uni.
code-legislation-other_state = C'est la législation de l'État suivant qui s'applique : { $state }. L'ONSS ne peut pas délivrer ce certificat.
code-instrument-not_in_force = La convention applicable n'est en vigueur qu'à partir du { $since }.
code-agreement-nationality_not_covered = La convention ({ $agreement }) ne couvre pas cette nationalité ({ $nationality }) : l'assujettissement à la sécurité sociale belge peut être maintenu pendant { $months } mois, renouvelable une fois.
code-agreement-duration_unconfirmed = La durée maximale prévue par la convention ({ $agreement }) doit être confirmée par un agent.
code-agreement-coverage_unconfirmed = Un agent doit confirmer si la convention ({ $agreement }) s'applique à ce territoire.
code-no_agreement-regime = La Belgique n'a pas conclu de convention avec ce pays : l'assujettissement à la sécurité sociale belge peut être maintenu pendant { $months } mois (renouvelable une fois), et le pays d'accueil peut malgré tout exiger une affiliation.
code-classification-self_employed = L'activité indépendante doit également être déclarée à l'INASTI.
code-rhine-manual_review = Bateliers rhénans : un agent examine la demande au regard de l'Accord concernant la sécurité sociale des bateliers rhénans.
code-reason-residence_substantial = 25 % ou plus du temps de travail est exercé dans l'État de résidence.
code-reason-employer_seat = Moins de 25 % du temps de travail est exercé dans l'État de résidence : la législation de l'État du siège de l'employeur s'applique.
code-reason-homebase = Personnel navigant : la législation de l'État de la base d'affectation s'applique.
code-reason-flag = Travail à bord d'un navire : la législation de l'État du pavillon s'applique.
code-reason-flag_residence_payer = Travail à bord d'un navire par un résident belge rémunéré par un employeur belge : la législation belge s'applique.
code-reason-civil_servant = Fonctionnaire : la législation de l'État dont relève l'administration qui l'occupe s'applique.
code-reason-employed_and_self_employed = Activité salariée et activité indépendante : la législation de l'État de l'activité salariée s'applique.
code-reason-rhine_operator = Bateliers rhénans : la législation de l'État de l'entreprise qui exploite le bateau s'applique.
code-reason-posting = Travailleur détaché : la législation belge reste d'application.

## Users (access managers)
nav-users = Utilisateurs
users-title = Utilisateurs de votre entreprise
users-intro = En tant que gestionnaire d'accès, vous créez les comptes de vos collègues et désactivez ceux qui ne sont plus nécessaires.
users-create = Créer un utilisateur
users-password-hint = Au moins 12 caractères. Communiquez-le à la personne de manière sûre.
users-make-manager = Cet utilisateur gère aussi les utilisateurs (gestionnaire d'accès)
users-disable = Désactiver
users-enable = Réactiver
users-disabled = Désactivé
users-active = Actif
users-created = Le compte { $email } a été créé.
col-role = Rôle
role-employer_user = Utilisateur
role-access_manager = Gestionnaire d'accès
code-user-email_invalid = Indiquez une adresse e-mail comme nom@exemple.be.
code-user-email_taken = Cette adresse e-mail a déjà un compte.
code-user-password_too_short = Le mot de passe doit compter au moins { $min } caractères.
code-user-cannot_disable_self = Vous ne pouvez pas désactiver votre propre compte.

## Consult, search and cancel
nav-consult = Consulter une demande
nav-cancel = Annuler une demande
any = Tous
search = Rechercher
clear-criteria = Effacer les critères de recherche
from = Du
to = Au
next = Suivant
pagination = Pages
col-number = Numéro de transaction
col-kind = Type
col-worker = Travailleur
col-country = Pays
col-territory = Territoire d'occupation
col-requested = Période demandée
col-admitted = Période accordée
col-decision = Décision
col-channel = Envoi
col-cancel-reason = Motif de l'annulation
results-count = { $count ->
    [one] 1 demande trouvée
   *[other] { $count } demandes trouvées
}
results-page = Page { $page } sur { $pages }
decision-approved = Accordée
decision-rejected = Refusée
channel-e_box = e-Box Enterprise
channel-paper = Par courrier
detail-title = Demande
documents-title = Documents
documents-none = Pas encore de document : l'attestation apparaîtra ici dès que l'ONSS aura décidé.
history-title = Historique
history-when = Quand
history-who = Qui
history-what = Quoi
history-submitted = Demande enregistrée
history-cancelled = Demande annulée
history-approved = Demande accordée
history-rejected = Demande refusée
history-system = Wabro
cancel-intro = Demandes qui peuvent encore être annulées : en cours, ou accordées avec une période qui n'a pas encore commencé.
cancel-missing = Une demande manque dans cette liste ? Contactez le service Relations internationales de l'ONSS (02 509 59 59).
cancel-this = Annuler
cancel-title = Annuler la demande
cancel-withdraws = Cette demande a été accordée : l'annuler retire son attestation.
cancel-justification = Pourquoi annulez-vous cette demande ?
cancel-confirm-button = Annuler la demande
cancel-keep = Conserver la demande
cancel-done = La demande est annulée.
