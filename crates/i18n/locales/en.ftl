## Wabro — English. Every message here must exist in fr.ftl, nl.ftl and de.ftl (a test checks).

service-name = Working Abroad
service-tagline = A1 attestations and certificates of coverage for employees posted abroad
nsso = National Social Security Office
skip-to-content = Skip to main content
language = Language
log-out = Log out
logged-in-as = Logged in as { $name }
footer-text = Wabro — a service of the National Social Security Office (NSSO). Questions: International Relations Department, 02 509 59 59.

## Navigation
nav-posting = Posting request
nav-home = Home

## Login
login-title = Log in
login-intro = Log in with the e-mail address and password of your employer account.
login-email = E-mail address
login-password = Password
login-submit = Log in
login-demo-hint = Demo accounts are printed by the command that started the service.

## Home / posting tab
home-title = Posting request
home-intro = Request an A1 attestation or a certificate of coverage for an employee who goes to work in one other country.
home-new = Start a new request
home-based-on = Start from an earlier request
home-based-on-label = Earlier request
home-based-on-none = Your enterprise has no earlier requests yet.
home-based-on-submit = Copy its data into a new request
home-drafts = Requests you have not finished
home-drafts-none = No unfinished requests.
home-draft-updated = Last saved { $date }
home-draft-continue = Continue
home-draft-untitled = Posting request (no employee yet)
home-recent = Recent requests
home-recent-none = No requests yet.

## Wizard, common
step-of = Step { $step } of { $steps }
step-1-title = Employee
step-2-title = Destination and places of work
step-3-title = Period and conditions
step-4-title = Contact person and remarks
summary-title = Check your answers
continue = Continue
previous = Previous
cancel-request = Cancel this request
cancel-confirm = Discard this unfinished request?
save = Save the request
yes = Yes
no = No
optional = (optional)
change = Change
error-summary-title = There is a problem
draft-saved = Your answers are saved as you go: you can leave and come back later.

## Step 1
employee-search-label = Find the employee by SSIN or by part of the family name
employee-search-hint = For example 85.07.30-033.28 or "por" for Delporte.
employee-search-submit = Search
employee-results = Employees found
employee-no-results = No employee of your enterprise matches this search.
employee-select = Choose
employee-selected = Selected employee
employee-none-selected = No employee chosen yet. Search the personnel directory above.
col-name = Name
col-ssin = SSIN
col-birth-date = Birth date
col-dimona = Dimona periods
col-status = Status
dimona-open = since { $start }
dimona-closed = { $start } to { $end }
field-entry-into-service = Date of entry into service
field-entry-into-service-hint = The start of the employment with your enterprise.
field-private-sector = Is the employer in the private sector?
field-temporary-address = The employee has a temporary residence address abroad
field-street = Street
field-number = Number
field-po-box = PO box
field-postal-code = Postal code
field-city = City
field-country = Country
field-nationality = Nationality
field-home-address = Home address

## Step 2
field-destination = Country of destination
field-destination-hint = Choose a territory such as Jersey or Québec where it applies.
destination-choose = Choose a country
places-title = Places of work
places-none = No place of work yet. Add at least one.
place-add = Add a place of work
place-type = Type of place
place-edit = Edit
place-remove = Remove
place-save = Save this place
place-back = Back without saving
place-type-region = Region or country
place-type-company = Company
place-type-construction_site = Construction site
place-type-homebase = Home base (aviation)
place-type-inland_vessel = Inland vessel
place-type-ocean_vessel = Ocean vessel
field-place-name = Name
field-foreign-id = Identification number in its country
field-description = Description of the site
field-description-hint = Give a description, a street, or both.
field-registration-number = Registration number
field-operating-area = Harbour or river where it operates
field-operating-country = Country where it operates
field-imo = IMO number
field-imo-confirmed = I confirm this IMO number although its check digit does not match
field-in-territorial-waters = Does the vessel sail in territorial waters or lie in a port?
field-flag = Flag

## Step 3
field-period-start = Start date
field-period-end = End date
field-date-hint = For example 31/12/2027.
conditions-title = Conditions of the posting
field-covered-before = Was the employee covered by Belgian social security in the 30 days before the posting?
field-extra-contract = Does the employee sign an extra employment contract with the host company?
field-host-pay = Can the host company change the employee's base pay?
field-host-dismiss = Can the host company dismiss the employee?
field-host-discipline = Can the host company take disciplinary measures against the employee?
field-replaces = Does the employee replace another posted worker?
field-mission = Description of the mission
field-language = Language of the certificate
lang-fr = French
lang-nl = Dutch
lang-de = German
lang-en = English

## Step 4
contact-title = Contact person
field-family-name = Family name
field-given-name = First name
field-company = Company
field-telephone = Telephone
field-fax = Fax
field-remarks = Remarks for the NSSO

## Summary
summary-intro = Check every answer before you save the request. Use "Change" to correct one.
summary-employee = Employee
summary-destination = Destination
summary-places = Places of work
summary-period = Period
summary-conditions = Conditions
summary-contact = Contact person
summary-not-ready = The request cannot be saved yet. Complete or correct these answers:
assessment-title = Pre-assessment
assessment-intro = What the NSSO's rules say about this request. The NSSO decides; this is an indication.
assessment-instrument = Document
assessment-legislation = Legislation that applies
assessment-max-end = Latest end date allowed
assessment-no-max = No fixed maximum
assessment-clean = No remarks: the request meets every rule that could be checked.
assessment-blocking = Must be solved
assessment-warning = To note
assessment-manual = An NSSO agent will review this request by hand.
instrument-a1 = A1 attestation, article { $article } ({ $framework })
instrument-coc = Certificate of coverage under the { $name }
instrument-no-agreement = Continued Belgian coverage without an agreement (form K138bis)
instrument-nationality-excluded = Continued Belgian coverage for 6 + 6 months ({ $name } does not cover the nationality)
framework-regulation_883_2004 = Regulation (EC) 883/2004
framework-eea_agreement = EEA Agreement
framework-eu_swiss_agreement = EU–Swiss Agreement
framework-tca_protocol = EU–UK Trade and Cooperation Agreement
save-hint = By saving, you declare that the answers are correct and complete.

## Confirmation
confirmation-title = Request saved
confirmation-number = Your transaction number
confirmation-body = The NSSO has received the posting request for { $name }. Its status is: in progress. Keep the transaction number for your records.
confirmation-next = What next?
confirmation-reuse = Use this data for another request
reuse-other-employee = Another employee, same destination, period and conditions
reuse-other-destination = Same employee, another destination and period, same conditions
reuse-other-period = Same employee, destination and conditions, another period
back-home = Back to the home page

## Statuses and kinds
status-in_progress = In progress
status-cancelled = Cancelled
status-closed = Closed
kind-posting = Posting
kind-simultaneous_occupation = Simultaneous occupation
kind-seafarer = Seafarer

## Error pages
error-not-found-title = Page not found
error-not-found = This page does not exist, or you do not have access to it.
error-forbidden-title = Not allowed
error-forbidden = Your account cannot open this page.
error-server-title = Sorry, something went wrong
error-server = The service could not complete your request. Nothing you saved is lost; try again in a moment.
error-form-title = The form has expired
error-already-submitted = This request was already saved.

## Codes: validation errors, lifecycle errors, findings and reasons
code-field-required = Enter this information.
code-field-too_long = Use at most { $max } characters.
code-field-yes_no_required = Answer yes or no.
code-date-invalid = Enter a real date, for example 31/12/2027.
code-period-end_before_start = The end date must be on or after the start date.
code-phone-format = Enter a telephone number with digits, spaces and + / . - ( ) only.
code-search-too_short = Enter at least two letters of the name or a complete SSIN.
code-search-no_results = No employee matches this search.
code-login-invalid = The e-mail address or the password is wrong.
code-login-rate_limited = Too many failed attempts. Try again in { $minutes } minutes.
code-form-expired = This form has expired or did not come from this site. Reload the page and try again.
code-employee-not_selected = Choose the employee from your personnel directory.
code-ssin-length = An SSIN has 11 digits.
code-ssin-format = An SSIN has only digits (dots, dashes and spaces are allowed between them).
code-ssin-checksum = This SSIN does not exist: check the last two digits.
code-ssin-date = This SSIN contains a birth date that does not exist.
code-ssin-sequence = This SSIN has an invalid sequence number.
code-ssin-future_birth_date = This SSIN contains a birth date in the future.
code-enterprise-length = An enterprise number has 10 digits.
code-enterprise-format = An enterprise number has only digits.
code-enterprise-first_digit = An enterprise number starts with 0 or 1.
code-enterprise-checksum = This enterprise number does not exist: check the last two digits.
code-employer-format = An NSSO employer number has only digits.
code-employer-range = This is not an NSSO employer number.
code-employer-checksum = This NSSO employer number does not exist: check the last two digits.
code-imo-format = An IMO number has 7 digits.
code-imo-check_digit = The check digit of IMO number { $imo } does not match. Check the number; if it is correct, confirm it.
code-postal_code-format = A Belgian postal code has 4 digits, from 1000 to 9992.
code-country-unknown = Choose a country from the list.
code-territory-unknown = Choose a territory from the list.
code-territory-country_mismatch = This territory belongs to { $country }.
code-language-unknown = Choose French, Dutch or German.
code-kind-unknown = Unknown type of request.
code-destination-belgium = The destination must be a country other than Belgium.
code-places-required = Add at least one place of work.
code-place-type_unknown = Choose a type of place.
code-construction_site-description_or_street = Give a description of the site or its street.
code-place-country_not_listed = { $country } is not one of the countries of this request.
code-countries-without_place = Add a place of work in { $country }.
code-percentage-range = Enter a whole percentage from 1 to 100.
code-percentages-total = The percentages add up to { $total } %; they must add up to exactly 100 %.
code-countries-min_two = Choose at least two countries.
code-countries-duplicate = This country is listed twice.
code-classification-unknown = Choose how the worker is classified.
code-lifecycle-justification_required = Give the reason for cancelling.
code-lifecycle-already_cancelled = This request was already cancelled.
code-lifecycle-closed_not_cancellable = This request is closed and can no longer be cancelled.
code-lifecycle-admitted_period_started = The certificate's period has started: the request can no longer be cancelled.
code-lifecycle-not_in_progress = This request is no longer in progress.
code-lifecycle-admitted_outside_requested = The admitted period must lie within the requested period.
code-lifecycle-reason_required = Give the reason for the rejection.
code-period-exceeds_max = The period runs past the latest end date allowed, { $max_end_date }.
code-period-retroactive = The period started { $days } days ago: requests should be made before the posting starts.
code-dimona-not_covered = { $days } days of the period are not covered by a Dimona declaration of your enterprise for this employee.
code-employee-entry_after_start = The employee enters service on { $entry }, after the start of the posting ({ $start }).
code-posting-no_prior_coverage = The employee must have been covered by Belgian social security for at least { $days } days before the posting.
code-posting-recently_recruited = The employee entered service on { $entry }, less than { $days } days before the posting: the NSSO will check the earlier Belgian coverage.
code-posting-replacement = A posted worker may not replace another posted worker.
code-posting-gap_too_short = The last posting to this country ({ $reference }) ended less than { $months } months ago; a new posting should start on { $earliest_start } at the earliest.
code-posting-overlaps_prior = The period overlaps request { $reference } for the same country.
code-link-extra_contract = An employment contract with the host company breaks the direct link with your enterprise.
code-link-host_sets_pay = The host company setting the base pay points to a link with the host rather than with your enterprise.
code-link-host_can_dismiss = If the host company can dismiss the employee, the direct link with your enterprise is broken.
code-link-host_disciplinary = The host company taking disciplinary measures points to a link with the host rather than with your enterprise.
code-art13-marginal_share = The { $percent } % in { $country } is marginal (under { $threshold } %) and is left out of the assessment.
code-art13-residence_institution_decides = The employee lives in { $state }: its institution makes the (provisional) determination.
code-art13-outside_coordination = { $country } is outside the European Union, the EEA, Switzerland and the United Kingdom.
code-legislation-other_state = The legislation of { $state } applies: the NSSO cannot issue this certificate.
code-instrument-not_in_force = The applicable agreement only applies from { $since }.
code-agreement-nationality_not_covered = The { $agreement } does not cover this nationality ({ $nationality }): Belgian coverage can continue for { $months } months, renewable once.
code-agreement-duration_unconfirmed = The maximum duration under the { $agreement } must be confirmed by an agent.
code-agreement-coverage_unconfirmed = Whether the { $agreement } covers this territory must be confirmed by an agent.
code-no_agreement-regime = Belgium has no agreement with this country: Belgian coverage can continue for { $months } months (renewable once), and the host country may still require affiliation.
code-classification-self_employed = The self-employed activity must also be declared to INASTI.
code-rhine-manual_review = Rhine boatmen: an agent reviews the request under the Rhine agreement.
code-reason-residence_substantial = 25 % or more of the working time is in the state of residence.
code-reason-employer_seat = Less than 25 % of the working time is in the state of residence: the state of the employer's seat applies.
code-reason-homebase = Flight crew: the state of the home base applies.
code-reason-flag = Work on board a ship: the flag state applies.
code-reason-flag_residence_payer = Work on board a ship paid by a Belgian employer, by a resident of Belgium: Belgium applies.
code-reason-civil_servant = Civil servant: the state of the employing administration applies.
code-reason-employed_and_self_employed = Employed and self-employed: the state of the employed activity applies.
code-reason-rhine_operator = Rhine boatmen: the state of the undertaking operating the vessel applies.
code-reason-posting = Posted worker: Belgian legislation continues to apply.

## Users (access managers)
nav-users = Users
users-title = Users of your enterprise
users-intro = As access manager you create the accounts of your colleagues and disable those that are no longer needed.
users-create = Create a user
users-password-hint = At least 12 characters. Give it to the person in a safe way.
users-make-manager = This user manages users too (access manager)
users-disable = Disable
users-enable = Enable
users-disabled = Disabled
users-active = Active
users-created = The account { $email } was created.
col-role = Role
role-employer_user = User
role-access_manager = Access manager
code-user-email_invalid = Enter an e-mail address such as name@example.be.
code-user-email_taken = This e-mail address already has an account.
code-user-password_too_short = The password needs at least { $min } characters.
code-user-cannot_disable_self = You cannot disable your own account.

## Consult, search and cancel
nav-consult = Consult a request
nav-cancel = Cancel a request
any = Any
search = Search
clear-criteria = Clear search criteria
from = From
to = To
next = Next
pagination = Pages
col-number = Transaction number
col-kind = Type
col-worker = Worker
col-country = Country
col-territory = Territory of occupation
col-requested = Requested period
col-admitted = Admitted period
col-decision = Decision
col-channel = Delivery
col-cancel-reason = Reason for cancelling
results-count = { $count ->
    [one] 1 request found
   *[other] { $count } requests found
}
results-page = Page { $page } of { $pages }
decision-approved = Approved
decision-rejected = Rejected
channel-e_box = e-Box Enterprise
channel-paper = By post
detail-title = Request
documents-title = Documents
documents-none = No documents yet: the certificate appears here once the NSSO has decided.
history-title = History
history-when = When
history-who = Who
history-what = What
history-submitted = Request saved
history-cancelled = Request cancelled
history-approved = Request approved
history-rejected = Request rejected
history-system = Wabro
cancel-intro = Requests that can still be cancelled: in progress, or approved with a period that has not started yet.
cancel-missing = A request is missing from this list? Contact the NSSO's International Relations Department (02 509 59 59).
cancel-this = Cancel
cancel-title = Cancel request
cancel-withdraws = This request was approved: cancelling it withdraws its certificate.
cancel-justification = Why do you cancel this request?
cancel-confirm-button = Cancel the request
cancel-keep = Keep the request
cancel-done = The request is cancelled.
