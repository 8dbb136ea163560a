//! The assessment entry point and the checks common to every kind.

use super::assessment::{Assessment, Facts, Finding, Instrument, PriorRequest};
use super::data::{RuleSet, Thresholds};
use super::{destination, multistate};
use crate::period::{add_months, uncovered};
use crate::{Code, Country, Period, Request, RequestDetails, WorkConditions};
use time::{Date, Duration};

/// What the kind-specific rules decided.
pub(super) struct Outcome {
    pub instrument: Instrument,
    pub legislation: Country,
    pub reason: Code,
    pub max_end: Option<Date>,
    /// A posting in the Art. 12 sense (or its bilateral equivalent): the link, replacement
    /// and gap rules apply.
    pub posting_like: bool,
}

/// Findings and the manual-review flag, collected while the rules run.
#[derive(Default)]
pub(super) struct Notes {
    pub findings: Vec<Finding>,
    pub manual_review: bool,
}

impl Notes {
    pub fn add(&mut self, f: Finding) {
        self.findings.push(f);
    }
}

/// Assesses a request against the rules in force on its start date.
pub fn assess(request: &Request, facts: &Facts<'_>, rules: &RuleSet) -> Assessment {
    let period = request.period;
    let t = rules.thresholds(period.start);
    let mut notes = Notes::default();
    let (outcome, entry, posting) = match &request.details {
        RequestDetails::Posting(p) => {
            let target = (p.destination.country, p.destination.territory);
            let chain = chain_start(request, target, facts.prior);
            let o = destination::posting(rules, t, request, target, chain, &mut notes);
            (o, p.entry_into_service, Some((p.conditions, target)))
        }
        RequestDetails::Seafarer(s) => {
            let target = (s.ship.flag, None);
            let chain = chain_start(request, target, facts.prior);
            let o = destination::seafarer(rules, t, request, s.ship.flag, chain, &mut notes);
            (o, s.entry_into_service, Some((s.conditions, target)))
        }
        RequestDetails::SimultaneousOccupation(s) => {
            (multistate::assess(rules, t, request, s, &mut notes), s.recruitment_date, None)
        }
    };

    // Checks every kind shares, in the order an agent reads them.
    let gaps = uncovered(period, &facts.dimona.iter().map(|d| (d.start, d.end)).collect::<Vec<_>>());
    if !gaps.is_empty() {
        let days: i64 = gaps.iter().map(Period::days).sum();
        notes.add(Finding::blocking(Code::DimonaNotCovered).with("days", days).with_periods(gaps));
    }
    if entry > period.start {
        notes.add(
            Finding::blocking(Code::EmployeeEntryAfterStart).with("entry", entry).with("start", period.start),
        );
    }
    if let Some(max) = outcome.max_end
        && period.end > max
    {
        notes.add(Finding::blocking(Code::PeriodExceedsMax).with("max_end_date", max));
    }
    if period.start < facts.today {
        let days = (facts.today - period.start).whole_days();
        notes.add(Finding::warning(Code::PeriodRetroactive).with("days", days));
    }
    overlapping_requests(request, facts.prior, &mut notes);
    if let (true, Some((conditions, target))) = (outcome.posting_like, posting) {
        posting_conditions(&conditions, entry, period, t, &mut notes);
        earlier_postings(request, target, facts.prior, t, &mut notes);
    }

    Assessment {
        instrument: outcome.instrument,
        legislation: outcome.legislation,
        reason: outcome.reason,
        max_end_date: outcome.max_end,
        findings: notes.findings,
        manual_review: notes.manual_review,
    }
}

/// The six answers: prior coverage, the direct link with the employer, replacement.
fn posting_conditions(c: &WorkConditions, entry: Date, period: Period, t: &Thresholds, notes: &mut Notes) {
    let days = t.pre_posting_coverage_days;
    if !c.covered_before {
        notes.add(Finding::blocking(Code::PostingNoPriorCoverage).with("days", days));
    } else {
        let needed_from = period.start - Duration::days(i64::from(days));
        if entry > needed_from && entry <= period.start {
            notes.add(
                Finding::warning(Code::PostingRecentlyRecruited).with("entry", entry).with("days", days),
            );
        }
    }
    if c.extra_contract_with_host {
        notes.add(Finding::blocking(Code::LinkExtraContract));
    }
    if c.host_can_dismiss {
        notes.add(Finding::blocking(Code::LinkHostCanDismiss));
    }
    if c.host_can_change_pay {
        notes.add(Finding::warning(Code::LinkHostSetsPay));
    }
    if c.host_disciplinary {
        notes.add(Finding::warning(Code::LinkHostDisciplinary));
    }
    if c.replaces_posted_worker {
        notes.add(Finding::blocking(Code::PostingReplacement));
    }
}

fn same_target(p: &PriorRequest, request: &Request, target: (Country, Option<crate::Territory>)) -> bool {
    p.kind == request.kind() && p.country == target.0 && p.territory == target.1
}

/// The start of the unbroken run of earlier requests to the same place that this one
/// continues (its own start when it continues none).
pub(super) fn chain_start(
    request: &Request,
    target: (Country, Option<crate::Territory>),
    prior: &[PriorRequest],
) -> Date {
    let mut start = request.period.start;
    loop {
        let day_before = start - Duration::days(1);
        let earlier = prior
            .iter()
            .filter(|p| same_target(p, request, target))
            .filter(|p| p.period.start < start && p.period.end >= day_before)
            .map(|p| p.period.start)
            .min();
        match earlier {
            Some(s) => start = s,
            None => return start,
        }
    }
}

/// A worker cannot hold two certificates for the same State over the same days: for every
/// kind, a period that overlaps an approved or pending request of the same worker with a
/// country of work in common is blocking (an approved one cannot be saved over at all; see
/// [`Code::RequestOverlapsApproved`]).
fn overlapping_requests(request: &Request, prior: &[PriorRequest], notes: &mut Notes) {
    let mine = request.countries();
    for p in prior {
        let shared: Vec<Country> = p.states().into_iter().filter(|c| mine.contains(c)).collect();
        if shared.is_empty() || !p.period.overlaps(&request.period) {
            continue;
        }
        let code = if p.approved { Code::RequestOverlapsApproved } else { Code::RequestOverlapsPending };
        notes.add(
            Finding::blocking(code)
                .with("reference", &p.reference)
                .with("country", shared[0].code())
                .with_periods(vec![p.period]),
        );
    }
}

/// The approved request of the same worker that a period in these countries would overlap, if
/// any: a worker never holds two certificates for the same State on the same days, so such an
/// approval is refused whoever gives it.
pub fn approved_overlap<'a>(
    countries: &[Country],
    period: Period,
    prior: &'a [PriorRequest],
) -> Option<&'a PriorRequest> {
    prior
        .iter()
        .filter(|p| p.approved && p.period.overlaps(&period))
        .find(|p| p.states().iter().any(|c| countries.contains(c)))
}

/// Too-short gaps after earlier postings to the same place (overlaps are
/// [`overlapping_requests`]' concern).
fn earlier_postings(
    request: &Request,
    target: (Country, Option<crate::Territory>),
    prior: &[PriorRequest],
    t: &Thresholds,
    notes: &mut Notes,
) {
    let period = request.period;
    for p in prior.iter().filter(|p| same_target(p, request, target)) {
        if p.period.overlaps(&period) {
            continue;
        }
        let contiguous = p.period.end + Duration::days(1) == period.start;
        if p.period.end < period.start && !contiguous {
            let earliest =
                add_months(p.period.end, t.min_gap_between_postings_months as i32) + Duration::days(1);
            if period.start < earliest {
                notes.add(
                    Finding::warning(Code::PostingGapTooShort)
                        .with("reference", &p.reference)
                        .with("months", t.min_gap_between_postings_months)
                        .with("earliest_start", earliest)
                        .with_periods(vec![p.period]),
                );
            }
        }
    }
}
