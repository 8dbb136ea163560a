//! Postings and seafarers: which instrument a destination (or flag) leads to.

use super::assess::{Notes, Outcome};
use super::assessment::{Article, Finding, Instrument};
use super::data::{Agreement, NationalityScope, RuleSet, Thresholds};
use crate::period::last_day_of_months;
use crate::{Code, Country, Membership, Request, RequestDetails, Territory};
use time::Date;

/// A posting to `target` (country and territory), continuing a run that began on `chain_start`.
pub(super) fn posting(
    rules: &RuleSet,
    t: &Thresholds,
    request: &Request,
    target: (Country, Option<Territory>),
    chain_start: Date,
    notes: &mut Notes,
) -> Outcome {
    let (country, territory) = target;
    let start = request.period.start;
    let nationality = request.employee.nationality;
    if let Some(territory) = territory
        && let Some(a) = rules.agreement(country, Some(territory))
    {
        return by_agreement(a, t, nationality, start, chain_start, notes);
    }
    if country.in_coordination()
        && let Some((row, in_force)) = rules.framework(country, start)
    {
        if !in_force {
            notes.add(Finding::blocking(Code::InstrumentNotInForce).with("since", row.effective_from));
        }
        let third_country_national = !matches!(
            nationality.membership(),
            Membership::Eu | Membership::EeaEfta | Membership::Switzerland
        );
        if third_country_national
            && let Some(a) =
                row.third_country_nationals_agreement.as_deref().and_then(|id| rules.agreement_by_id(id))
        {
            return by_agreement(a, t, nationality, start, chain_start, notes);
        }
        return Outcome {
            instrument: Instrument::A1 { framework: row.framework, article: Article::Art12_1 },
            legislation: Country::BE,
            reason: Code::ReasonPosting,
            max_end: Some(last_day_of_months(chain_start, t.posting_max_months)),
            posting_like: true,
        };
    }
    let seafarer = matches!(request.details, RequestDetails::Seafarer(_));
    match rules.agreement(country, None).filter(|a| seafarer || !a.seafarers_only) {
        Some(a) => by_agreement(a, t, nationality, start, chain_start, notes),
        None => {
            notes.add(Finding::warning(Code::NoAgreementRegime).with("months", t.no_agreement_max_months));
            let months =
                six_plus_six(t.no_agreement_max_months, t.no_agreement_extension_months, start, chain_start);
            Outcome {
                instrument: Instrument::NoAgreement { form: "K138bis" },
                legislation: Country::BE,
                reason: Code::ReasonPosting,
                max_end: Some(last_day_of_months(chain_start, months)),
                posting_like: true,
            }
        }
    }
}

/// Months allowed under a 6 + 6 regime: the renewal only for a request that continues one.
fn six_plus_six(initial: u32, renewal: u32, start: Date, chain_start: Date) -> u32 {
    if chain_start < start { initial + renewal } else { initial }
}

/// A posting under a bilateral agreement.
fn by_agreement(
    a: &Agreement,
    t: &Thresholds,
    nationality: Country,
    start: Date,
    chain_start: Date,
    notes: &mut Notes,
) -> Outcome {
    if let Some(since) = a.in_force
        && start < since
    {
        notes.add(
            Finding::blocking(Code::InstrumentNotInForce).with("since", since).with("agreement", &a.name),
        );
    }
    if !a.coverage_confirmed {
        notes.add(Finding::warning(Code::AgreementCoverageUnconfirmed).with("agreement", &a.name));
        notes.manual_review = true;
    }
    let covered = match a.nationality_scope {
        NationalityScope::NationalsOnly => nationality == Country::BE || nationality == a.country,
        NationalityScope::NationalsAndEu => {
            nationality == Country::BE
                || nationality == a.country
                || nationality.membership() == Membership::Eu
        }
        NationalityScope::PostingAllNationalities | NationalityScope::AllNationalities => true,
    };
    if !covered {
        notes.add(
            Finding::warning(Code::AgreementNationalityNotCovered)
                .with("agreement", &a.name)
                .with("nationality", nationality)
                .with("months", t.nationality_excluded_max_months),
        );
        let months = six_plus_six(
            t.nationality_excluded_max_months,
            t.nationality_excluded_extension_months,
            start,
            chain_start,
        );
        return Outcome {
            instrument: Instrument::NationalityExcluded { agreement: a.id.clone(), name: a.name.clone() },
            legislation: Country::BE,
            reason: Code::ReasonPosting,
            max_end: Some(last_day_of_months(chain_start, months)),
            posting_like: true,
        };
    }
    let extending = chain_start < start;
    let max_end = match a.max_months {
        None => {
            notes.add(Finding::warning(Code::AgreementDurationUnconfirmed).with("agreement", &a.name));
            notes.manual_review = true;
            None
        }
        Some(m) => {
            let total = match (extending, a.extension_months) {
                (true, Some(e)) => {
                    if !a.extension_confirmed {
                        notes.add(
                            Finding::warning(Code::AgreementDurationUnconfirmed).with("agreement", &a.name),
                        );
                        notes.manual_review = true;
                    }
                    m + e
                }
                _ => m,
            };
            Some(last_day_of_months(chain_start, total))
        }
    };
    let form = if extending { a.extension_form.clone().or_else(|| a.form.clone()) } else { a.form.clone() };
    Outcome {
        instrument: Instrument::CertificateOfCoverage { agreement: a.id.clone(), name: a.name.clone(), form },
        legislation: Country::BE,
        reason: Code::ReasonPosting,
        max_end,
        posting_like: true,
    }
}

/// A mariner: the flag State (Art. 11(4)), Belgium when the flag is Belgian or when a Belgian
/// employer pays a worker who lives in Belgium; outside Europe, the flag's agreement.
pub(super) fn seafarer(
    rules: &RuleSet,
    t: &Thresholds,
    request: &Request,
    flag: Country,
    chain_start: Date,
    notes: &mut Notes,
) -> Outcome {
    if !flag.in_coordination() {
        return posting(rules, t, request, (flag, None), chain_start, notes);
    }
    flag_state(rules, t, request, flag, notes)
}

/// Art. 11(4) for a flag inside European coordination.
pub(super) fn flag_state(
    rules: &RuleSet,
    t: &Thresholds,
    request: &Request,
    flag: Country,
    notes: &mut Notes,
) -> Outcome {
    let start = request.period.start;
    let framework = match rules.framework(flag, start) {
        Some((row, in_force)) => {
            if !in_force {
                notes.add(Finding::blocking(Code::InstrumentNotInForce).with("since", row.effective_from));
            }
            row.framework
        }
        None => super::data::Framework::Regulation883,
    };
    let (legislation, reason) = if flag == Country::BE {
        (Country::BE, Code::ReasonFlag)
    } else if request.residence() == Country::BE {
        (Country::BE, Code::ReasonFlagResidencePayer)
    } else {
        notes.add(Finding::blocking(Code::LegislationOtherState).with("state", flag));
        (flag, Code::ReasonFlag)
    };
    Outcome {
        instrument: Instrument::A1 { framework, article: Article::Art11_4 },
        legislation,
        reason,
        max_end: Some(last_day_of_months(start, t.article_11_max_months)),
        posting_like: false,
    }
}
