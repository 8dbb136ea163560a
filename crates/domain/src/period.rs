//! Periods of days and calendar-month arithmetic.

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month};

/// A period of whole days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Period {
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
}

impl Period {
    /// A period; `None` when `end` lies before `start`.
    pub fn new(start: Date, end: Date) -> Option<Period> {
        (end >= start).then_some(Period { start, end })
    }

    /// Whether `day` lies in the period.
    pub fn contains(&self, day: Date) -> bool {
        self.start <= day && day <= self.end
    }

    /// Whether `other` lies completely inside this period.
    pub fn encloses(&self, other: &Period) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two periods share at least one day.
    pub fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Number of days, both ends included.
    pub fn days(&self) -> i64 {
        (self.end - self.start).whole_days() + 1
    }
}

/// Adds calendar months, clamping the day to the length of the target month
/// (31 January + 1 month = 28 or 29 February).
pub fn add_months(date: Date, months: i32) -> Date {
    let total = date.year() * 12 + i32::from(date.month() as u8) - 1 + months;
    let year = total.div_euclid(12);
    let month = Month::try_from((total.rem_euclid(12) + 1) as u8).unwrap_or(Month::January);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

/// The last day of a period of `months` calendar months that starts on `start`: the day
/// before the same date `months` later, or, where that date does not exist (the 29th to the
/// 31st), the last day of that month (Regulation 1182/71, article 3(2)(c)).
pub fn last_day_of_months(start: Date, months: u32) -> Date {
    let total = start.year() * 12 + i32::from(start.month() as u8) - 1 + months as i32;
    let year = total.div_euclid(12);
    let month = Month::try_from((total.rem_euclid(12) + 1) as u8).unwrap_or(Month::January);
    if start.day() > month.length(year) {
        return Date::from_calendar_date(year, month, month.length(year)).unwrap_or(start);
    }
    Date::from_calendar_date(year, month, start.day()).map_or(start, |same| same - Duration::days(1))
}

/// The days of `period` that none of `cover` includes, as maximal sub-periods.
/// A cover entry with no end runs on indefinitely.
pub fn uncovered(period: Period, cover: &[(Date, Option<Date>)]) -> Vec<Period> {
    let mut spans: Vec<(Date, Date)> =
        cover.iter().map(|(s, e)| (*s, e.unwrap_or(Date::MAX))).filter(|(s, e)| s <= e).collect();
    spans.sort();
    let mut gaps = Vec::new();
    let mut cursor = period.start;
    for (s, e) in spans {
        if cursor > period.end {
            break;
        }
        if e < cursor {
            continue;
        }
        if s > cursor {
            let gap_end = (s - Duration::days(1)).min(period.end);
            gaps.push(Period { start: cursor, end: gap_end });
        }
        match e.next_day() {
            Some(next) => cursor = cursor.max(next),
            None => return gaps,
        }
    }
    if cursor <= period.end {
        gaps.push(Period { start: cursor, end: period.end });
    }
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn months_clamp_to_month_end() {
        assert_eq!(add_months(date!(2026 - 01 - 31), 1), date!(2026 - 02 - 28));
        assert_eq!(add_months(date!(2027 - 12 - 31), 2), date!(2028 - 02 - 29));
        assert_eq!(add_months(date!(2026 - 03 - 15), -3), date!(2025 - 12 - 15));
        assert_eq!(last_day_of_months(date!(2026 - 03 - 01), 24), date!(2028 - 02 - 29));
        assert_eq!(last_day_of_months(date!(2026 - 01 - 10), 6), date!(2026 - 07 - 09));
    }

    /// Issue 13, finding 8: a period of exactly the maximum that started on a day the last
    /// month lacks was flagged as a day too long.
    #[test]
    fn periods_in_months_end_the_day_before_the_same_date_or_at_the_month_end() {
        let table = [
            // (start, months, last day)
            (date!(2026 - 08 - 29), 6, date!(2027 - 02 - 28)),
            (date!(2026 - 08 - 30), 6, date!(2027 - 02 - 28)),
            (date!(2026 - 08 - 31), 6, date!(2027 - 02 - 28)),
            (date!(2027 - 08 - 29), 6, date!(2028 - 02 - 28)),
            (date!(2027 - 08 - 30), 6, date!(2028 - 02 - 29)),
            (date!(2027 - 08 - 31), 6, date!(2028 - 02 - 29)),
            (date!(2026 - 01 - 31), 3, date!(2026 - 04 - 30)),
            (date!(2026 - 03 - 31), 1, date!(2026 - 04 - 30)),
            (date!(2026 - 05 - 31), 1, date!(2026 - 06 - 30)),
            (date!(2026 - 01 - 30), 1, date!(2026 - 02 - 28)),
            (date!(2028 - 02 - 29), 12, date!(2029 - 02 - 28)),
            (date!(2028 - 02 - 29), 48, date!(2032 - 02 - 28)),
            (date!(2026 - 02 - 28), 12, date!(2027 - 02 - 27)),
            (date!(2026 - 01 - 01), 24, date!(2027 - 12 - 31)),
            (date!(2026 - 12 - 31), 2, date!(2027 - 02 - 28)),
            (date!(2026 - 07 - 15), 24, date!(2028 - 07 - 14)),
        ];
        for (start, months, last) in table {
            assert_eq!(last_day_of_months(start, months), last, "{start} + {months} months");
        }
    }

    #[test]
    fn uncovered_days() {
        let p = Period::new(date!(2026 - 01 - 01), date!(2026 - 12 - 31)).unwrap();
        let cover = [
            (date!(2025 - 06 - 01), Some(date!(2026 - 03 - 31))),
            (date!(2026 - 05 - 01), Some(date!(2026 - 06 - 30))),
            (date!(2026 - 06 - 15), Some(date!(2026 - 08 - 31))),
        ];
        assert_eq!(
            uncovered(p, &cover),
            vec![
                Period { start: date!(2026 - 04 - 01), end: date!(2026 - 04 - 30) },
                Period { start: date!(2026 - 09 - 01), end: date!(2026 - 12 - 31) },
            ]
        );
        assert_eq!(uncovered(p, &[(date!(2020 - 01 - 01), None)]), vec![]);
        assert_eq!(uncovered(p, &[]), vec![p]);
    }
}
