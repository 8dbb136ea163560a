//! Simultaneous occupation: Art. 13 and the special rules by classification.

use super::assess::{Notes, Outcome};
use super::assessment::{Article, Finding, Instrument};
use super::data::{Framework, RuleSet, Thresholds};
use super::destination::flag_state;
use crate::period::last_day_of_months;
use crate::{Classification, Code, Country, Request, SimultaneousOccupation};
use std::collections::BTreeMap;

/// Assesses a simultaneous occupation.
pub(super) fn assess(
    rules: &RuleSet,
    t: &Thresholds,
    request: &Request,
    so: &SimultaneousOccupation,
    notes: &mut Notes,
) -> Outcome {
    let start = request.period.start;
    let mut framework = Framework::Regulation883;
    for &c in &so.countries {
        if !c.in_coordination() {
            notes.add(Finding::blocking(Code::Art13OutsideCoordination).with("country", c));
            continue;
        }
        if let Some((row, in_force)) = rules.framework(c, start) {
            if !in_force {
                notes.add(Finding::blocking(Code::InstrumentNotInForce).with("since", row.effective_from));
            }
            if row.framework != Framework::Regulation883 && framework == Framework::Regulation883 {
                framework = row.framework;
            }
        }
    }
    let mut shares: BTreeMap<Country, u32> = BTreeMap::new();
    for p in &so.places {
        *shares.entry(p.country).or_default() += u32::from(p.percentage);
    }
    let total: u32 = shares.values().sum();
    if total != 100 {
        notes.add(Finding::blocking(Code::PercentagesTotal).with("total", total));
    }
    for (country, share) in &shares {
        if *share < u32::from(t.marginal_share_percent) {
            notes.add(
                Finding::warning(Code::Art13MarginalShare)
                    .with("country", country)
                    .with("percent", share)
                    .with("threshold", t.marginal_share_percent),
            );
        }
    }

    // The State named by a flag or a home base must be inside coordination too.
    let named = match so.classification {
        Classification::Air { homebase_country } => Some(homebase_country),
        Classification::Sea { flag } => Some(flag),
        _ => None,
    };
    if let Some(c) = named.filter(|c| !c.in_coordination() && !so.countries.contains(c)) {
        notes.add(Finding::blocking(Code::Art13OutsideCoordination).with("country", c));
    }

    let art11_max = Some(last_day_of_months(start, t.article_11_max_months));
    let art13_max = Some(last_day_of_months(start, t.article_13_max_months));
    let a1 = |article| Instrument::A1 { framework, article };
    match so.classification {
        Classification::Air { homebase_country } => {
            let legislation = homebase_country;
            if legislation != Country::BE {
                notes.add(Finding::blocking(Code::LegislationOtherState).with("state", legislation));
            }
            Outcome {
                instrument: a1(Article::Art11_5),
                legislation,
                reason: Code::ReasonHomebase,
                max_end: art11_max,
                posting_like: false,
            }
        }
        Classification::Sea { flag } => {
            let mut o = flag_state(rules, t, request, flag, notes);
            o.instrument = a1(Article::Art11_4);
            o
        }
        Classification::CivilServant => Outcome {
            instrument: a1(Article::Art11_3b),
            legislation: Country::BE,
            reason: Code::ReasonCivilServant,
            max_end: art11_max,
            posting_like: false,
        },
        Classification::SelfEmployed => {
            notes.add(Finding::warning(Code::ClassificationSelfEmployed));
            Outcome {
                instrument: a1(Article::Art13_3),
                legislation: Country::BE,
                reason: Code::ReasonEmployedAndSelfEmployed,
                max_end: art13_max,
                posting_like: false,
            }
        }
        Classification::RhineShipping => {
            notes.add(Finding::warning(Code::RhineManualReview));
            notes.manual_review = true;
            Outcome {
                instrument: a1(Article::Art16),
                legislation: Country::BE,
                reason: Code::ReasonRhineOperator,
                max_end: art13_max,
                posting_like: false,
            }
        }
        Classification::Salaried | Classification::RoadRail | Classification::InlandShipping => {
            let residence = request.residence();
            let residence_share = shares.get(&residence).copied().unwrap_or(0);
            if residence_share >= u32::from(t.substantial_share_percent) {
                if residence != Country::BE {
                    notes.add(
                        Finding::blocking(Code::LegislationOtherState)
                            .with("state", residence)
                            .with("percent", residence_share),
                    );
                }
                Outcome {
                    instrument: a1(Article::Art13_1a),
                    legislation: residence,
                    reason: Code::ReasonResidenceSubstantial,
                    max_end: art13_max,
                    posting_like: false,
                }
            } else {
                if residence != Country::BE {
                    notes.add(
                        Finding::warning(Code::Art13ResidenceInstitutionDecides)
                            .with("state", residence)
                            .with("percent", residence_share),
                    );
                }
                Outcome {
                    instrument: a1(Article::Art13_1bi),
                    legislation: Country::BE,
                    reason: Code::ReasonEmployerSeat,
                    max_end: art13_max,
                    posting_like: false,
                }
            }
        }
    }
}
