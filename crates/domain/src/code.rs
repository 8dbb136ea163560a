//! Stable codes for every validation error, lifecycle error and assessment finding.
//!
//! A code never changes once published: the UI translates it, the API returns it and tests
//! check that each one has a message in every language.

use std::fmt;

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident => $text:literal,)*) => {
        /// A stable, dotted error or finding code such as `ssin.checksum`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $($(#[$doc])* $variant,)* }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as it is published, e.g. `ssin.checksum`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $text,)* }
            }

            /// Looks a published code up.
            pub fn from_str_code(s: &str) -> Option<Code> {
                match s { $($text => Some(Code::$variant),)* _ => None }
            }
        }
    };
}

codes! {
    // --- generic field checks
    /// A required value is missing.
    FieldRequired => "field.required",
    /// A text is longer than allowed.
    FieldTooLong => "field.too_long",
    /// A number outside its allowed range (or not a whole number).
    NumberRange => "number.range",
    /// A yes/no question was not answered.
    FieldYesNoRequired => "field.yes_no_required",
    /// Not a date.
    DateInvalid => "date.invalid",
    /// The end of a period lies before its start.
    PeriodEndBeforeStart => "period.end_before_start",
    /// A telephone or fax number has characters other than digits, spaces and + / . - ( ).
    PhoneFormat => "phone.format",
    /// A search needs at least two letters or a complete SSIN.
    SearchTooShort => "search.too_short",
    /// Nothing matches the search.
    SearchNoResults => "search.no_results",
    /// E-mail or password wrong.
    LoginInvalid => "login.invalid",
    /// Too many failed logins: wait.
    LoginRateLimited => "login.rate_limited",
    /// Too many verifications from one client: wait.
    VerifyRateLimited => "verify.rate_limited",
    /// A lookup by document number needs the holder's date of birth.
    VerifyBirthDateRequired => "verify.birth_date_required",
    /// The form expired or did not come from this site: reload and try again.
    FormExpired => "form.expired",
    /// An employee must be chosen from the directory.
    EmployeeNotSelected => "employee.not_selected",
    /// Not an e-mail address.
    UserEmailInvalid => "user.email_invalid",
    /// The e-mail address already has an account.
    UserEmailTaken => "user.email_taken",
    /// Passwords need at least 12 characters.
    UserPasswordTooShort => "user.password_too_short",
    /// The password is one attackers try first (a common password or close to one).
    UserPasswordWeak => "user.password_weak",
    /// The password contains the person's e-mail address or name.
    UserPasswordPersonal => "user.password_personal",
    /// The password is one character repeated.
    UserPasswordRepeated => "user.password_repeated",
    /// The current password given is wrong.
    UserPasswordWrong => "user.password_wrong",
    /// The two new passwords differ.
    UserPasswordMismatch => "user.password_mismatch",
    /// The address cannot be given a new account.
    UserEmailUnavailable => "user.email_unavailable",
    /// A user cannot disable their own account.
    UserCannotDisableSelf => "user.cannot_disable_self",
    // --- identifiers
    /// SSIN: wrong number of digits.
    SsinLength => "ssin.length",
    /// SSIN: characters other than digits and separators.
    SsinFormat => "ssin.format",
    /// SSIN: the mod-97 check fails in both centuries.
    SsinChecksum => "ssin.checksum",
    /// SSIN: the birth date (month/day) does not exist.
    SsinDate => "ssin.date",
    /// SSIN: sequence 000 or 999 in a national register number.
    SsinSequence => "ssin.sequence",
    /// SSIN: the birth date lies in the future.
    SsinFutureBirthDate => "ssin.future_birth_date",
    /// Enterprise number: wrong number of digits.
    EnterpriseLength => "enterprise.length",
    /// Enterprise number: characters other than digits and separators.
    EnterpriseFormat => "enterprise.format",
    /// Enterprise number: must start with 0 or 1.
    EnterpriseFirstDigit => "enterprise.first_digit",
    /// Enterprise number: mod-97 check fails.
    EnterpriseChecksum => "enterprise.checksum",
    /// NSSO employer number: not a number.
    EmployerFormat => "employer.format",
    /// NSSO employer number: outside 197 … 5 999 999 999.
    EmployerRange => "employer.range",
    /// NSSO employer number: check digits wrong.
    EmployerChecksum => "employer.checksum",
    /// IMO number: not 7 digits.
    ImoFormat => "imo.format",
    /// IMO number: check digit wrong (a warning the user may confirm).
    ImoCheckDigit => "imo.check_digit",
    /// Belgian postal code: not 4 digits in 1000–9992.
    PostalCodeFormat => "postal_code.format",
    /// Unknown country code.
    CountryUnknown => "country.unknown",
    /// Unknown territory.
    TerritoryUnknown => "territory.unknown",
    /// The territory does not belong to the chosen country.
    TerritoryCountryMismatch => "territory.country_mismatch",
    /// Unknown certificate language.
    LanguageUnknown => "language.unknown",
    /// Unknown request kind.
    KindUnknown => "kind.unknown",
    // --- request structure
    /// Belgium cannot be the destination of a posting.
    DestinationBelgium => "destination.belgium",
    /// At least one place of work is needed.
    PlacesRequired => "places.required",
    /// Unknown place-of-work type.
    PlaceTypeUnknown => "place.type_unknown",
    /// Construction site: give a description or a street.
    ConstructionSiteDescriptionOrStreet => "construction_site.description_or_street",
    /// The place's country is not one of the request's countries.
    PlaceCountryNotListed => "place.country_not_listed",
    /// A place of a posting was entered for another country than the destination.
    PlaceOutsideDestination => "place.outside_destination",
    /// A listed country has no place of work.
    CountryWithoutPlace => "countries.without_place",
    /// Time percentage: not a whole number from 1 to 100.
    PercentageRange => "percentage.range",
    /// Time percentages do not add up to 100.
    PercentagesTotal => "percentages.total",
    /// Simultaneous occupation needs at least two countries.
    CountriesMinTwo => "countries.min_two",
    /// A country is listed twice.
    CountriesDuplicate => "countries.duplicate",
    /// Unknown worker classification.
    ClassificationUnknown => "classification.unknown",
    // --- lifecycle
    /// Cancelling needs a justification.
    LifecycleJustificationRequired => "lifecycle.justification_required",
    /// The request was already cancelled.
    LifecycleAlreadyCancelled => "lifecycle.already_cancelled",
    /// The request is closed and can no longer be cancelled.
    LifecycleClosedNotCancellable => "lifecycle.closed_not_cancellable",
    /// The certificate's admitted period has started: it can no longer be cancelled.
    LifecycleAdmittedPeriodStarted => "lifecycle.admitted_period_started",
    /// Only a request in progress can be decided.
    LifecycleNotInProgress => "lifecycle.not_in_progress",
    /// The admitted period must lie inside the requested period.
    LifecycleAdmittedOutsideRequested => "lifecycle.admitted_outside_requested",
    /// A rejection needs a reason.
    LifecycleReasonRequired => "lifecycle.reason_required",
    /// A person has as many unsubmitted drafts as allowed: finish or discard some first.
    DraftsTooMany => "drafts.too_many",
    /// The draft was saved in another window meanwhile: reload it.
    DraftChangedElsewhere => "draft.changed_elsewhere",
    /// Only an approved simultaneous occupation can be extended.
    RequestNotExtendable => "request.not_extendable",
    // --- assessment findings
    /// The period runs past the instrument's maximum.
    PeriodExceedsMax => "period.exceeds_max",
    /// The period starts before today.
    PeriodRetroactive => "period.retroactive",
    /// Days of the period are not covered by a Dimona declaration of this employer.
    DimonaNotCovered => "dimona.not_covered",
    /// The entry into service is after the start of the posting.
    EmployeeEntryAfterStart => "employee.entry_after_start",
    /// Not covered by Belgian social security in the 30 days before the posting.
    PostingNoPriorCoverage => "posting.no_prior_coverage",
    /// Employed for less than the pre-posting period: recruited with a view to posting?
    PostingRecentlyRecruited => "posting.recently_recruited",
    /// The worker replaces another posted worker.
    PostingReplacement => "posting.replacement",
    /// A new posting to the same country less than the minimum gap after the last one.
    PostingGapTooShort => "posting.gap_too_short",
    /// The period overlaps an earlier request for the same worker and country (no longer
    /// raised: see `request.overlaps_approved` and `request.overlaps_pending`).
    PostingOverlapsPrior => "posting.overlaps_prior",
    /// The period overlaps an approved request of the same worker for the same State: it
    /// cannot be saved (cancel that request, or change the period).
    RequestOverlapsApproved => "request.overlaps_approved",
    /// The period overlaps a request of the same worker for the same State still in progress:
    /// the NSSO examines both; it is not approved at once.
    RequestOverlapsPending => "request.overlaps_pending",
    /// An extra employment contract with the host company.
    LinkExtraContract => "link.extra_contract",
    /// The host company can change the base pay.
    LinkHostSetsPay => "link.host_sets_pay",
    /// The host company can dismiss the worker.
    LinkHostCanDismiss => "link.host_can_dismiss",
    /// The host company can take disciplinary measures.
    LinkHostDisciplinary => "link.host_disciplinary",
    /// A share of working time under the marginal threshold.
    Art13MarginalShare => "art13.marginal_share",
    /// The residence State's institution makes the (provisional) determination.
    Art13ResidenceInstitutionDecides => "art13.residence_institution_decides",
    /// A country of work outside the EU/EEA/Switzerland/UK in a multi-State request.
    Art13OutsideCoordination => "art13.outside_coordination",
    /// Another State's legislation applies: the NSSO cannot issue the certificate.
    LegislationOtherState => "legislation.other_state",
    /// The instrument was not yet in force on the start date.
    InstrumentNotInForce => "instrument.not_in_force",
    /// The agreement does not cover the worker's nationality: 6 + 6-month regime.
    AgreementNationalityNotCovered => "agreement.nationality_not_covered",
    /// The agreement's maximum duration is not confirmed: manual review.
    AgreementDurationUnconfirmed => "agreement.duration_unconfirmed",
    /// Whether the agreement covers this territory is not confirmed: manual review.
    AgreementCoverageUnconfirmed => "agreement.coverage_unconfirmed",
    /// No agreement: Belgian coverage for 6 (+6) months only, host affiliation may be due.
    NoAgreementRegime => "no_agreement.regime",
    /// Self-employed activity: to be declared to INASTI as well.
    ClassificationSelfEmployed => "classification.self_employed",
    /// Rhine boatmen agreement: manual review.
    RhineManualReview => "rhine.manual_review",
    // --- reasons behind an applicable-legislation outcome
    /// 25 % or more of working time in the State of residence.
    ReasonResidenceSubstantial => "reason.residence_substantial",
    /// Less than 25 % in the State of residence: the employer's seat decides.
    ReasonEmployerSeat => "reason.employer_seat",
    /// Flight crew: the State of the home base.
    ReasonHomebase => "reason.homebase",
    /// Mariner: the flag State.
    ReasonFlag => "reason.flag",
    /// Mariner on a foreign-flag vessel, paid by a Belgian employer and resident in Belgium.
    ReasonFlagResidencePayer => "reason.flag_residence_payer",
    /// Civil servant: the State of the employing administration.
    ReasonCivilServant => "reason.civil_servant",
    /// Employed and self-employed: the State of the employed activity.
    ReasonEmployedAndSelfEmployed => "reason.employed_and_self_employed",
    /// Rhine boatmen: the seat of the undertaking operating the vessel.
    ReasonRhineOperator => "reason.rhine_operator",
    /// Posted worker: the sending State's legislation continues.
    ReasonPosting => "reason.posting",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Code::from_str_code(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown code {s}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()), "duplicate {c}");
            assert_eq!(Code::from_str_code(c.as_str()), Some(*c));
            assert!(c.as_str().contains('.'), "{c} is not dotted");
        }
    }
}
