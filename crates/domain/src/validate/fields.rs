//! Field-level checks that record every issue in one pass.

use crate::input::AddressInput;
use crate::{Address, BelgianPostalCode, Code, Country, Issue, Issues, Ssin};
use time::{Date, Month};

pub use crate::limits::{LONG, NORMAL, SHORT};

/// The validation context: today's date and the issues found so far.
pub struct Ctx {
    pub today: Date,
    pub issues: Issues,
}

impl Ctx {
    /// A trimmed text; records `field.required` or `field.too_long`.
    pub fn text(&mut self, v: &Option<String>, path: &str, required: bool, max: usize) -> Option<String> {
        let t = v.as_deref().map(str::trim).filter(|s| !s.is_empty());
        match t {
            None => {
                if required {
                    self.issues.error(Code::FieldRequired, path);
                }
                None
            }
            Some(s) if s.chars().count() > max => {
                self.issues.push(Issue::error(Code::FieldTooLong, path).with("max", max));
                None
            }
            Some(s) => Some(s.to_owned()),
        }
    }

    /// A required text.
    pub fn req(&mut self, v: &Option<String>, path: &str) -> Option<String> {
        self.text(v, path, true, NORMAL)
    }

    /// An optional text of ordinary length.
    pub fn opt(&mut self, v: &Option<String>, path: &str) -> Option<String> {
        self.text(v, path, false, NORMAL)
    }

    /// A date: ISO `2026-03-01`, or Belgian `1/3/2026`, `01.03.2026`, `01-03-2026`.
    pub fn date(&mut self, v: &Option<String>, path: &str) -> Option<Date> {
        let s = self.text(v, path, true, 20)?;
        let parsed = parse_date(&s);
        if parsed.is_none() {
            self.issues.error(Code::DateInvalid, path);
        }
        parsed
    }

    /// A yes/no answer that must be given.
    pub fn yes_no(&mut self, v: Option<bool>, path: &str) -> Option<bool> {
        if v.is_none() {
            self.issues.error(Code::FieldYesNoRequired, path);
        }
        v
    }

    /// A country code.
    pub fn country(&mut self, v: &Option<String>, path: &str, required: bool) -> Option<Country> {
        let s = self.text(v, path, required, NORMAL)?;
        self.code_result(Country::parse(&s), path)
    }

    /// An SSIN (birth date not after today).
    pub fn ssin(&mut self, v: &Option<String>, path: &str, required: bool) -> Option<Ssin> {
        let s = self.text(v, path, required, 30)?;
        let today = self.today;
        self.code_result(Ssin::parse(&s, today), path)
    }

    /// A telephone or fax number.
    pub fn phone(&mut self, v: &Option<String>, path: &str, required: bool) -> Option<String> {
        let s = self.text(v, path, required, 30)?;
        let ok = s.chars().all(|c| c.is_ascii_digit() || " +/.-()".contains(c))
            && s.chars().filter(char::is_ascii_digit).count() >= 6;
        if !ok {
            self.issues.error(Code::PhoneFormat, path);
            return None;
        }
        Some(s)
    }

    /// Records the code of a failed parse as an error on `path`.
    pub fn code_result<T>(&mut self, r: Result<T, Code>, path: &str) -> Option<T> {
        r.map_err(|c| self.issues.error(c, path)).ok()
    }

    /// A full address: street, number, postal code, city and country required; a Belgian
    /// postal code is checked.
    pub fn address(&mut self, a: &AddressInput, path: &str) -> Option<Address> {
        let street = self.req(&a.street, &format!("{path}.street"));
        let number = self.text(&a.number, &format!("{path}.number"), true, SHORT);
        let po_box = self.text(&a.po_box, &format!("{path}.po_box"), false, SHORT);
        let postal = self.text(&a.postal_code, &format!("{path}.postal_code"), true, SHORT);
        let city = self.req(&a.city, &format!("{path}.city"));
        let country = self.country(&a.country, &format!("{path}.country"), true);
        let postal = self.postal_for(postal, country, &format!("{path}.postal_code"))?;
        Some(Address {
            street: street?,
            number: number?,
            po_box,
            postal_code: postal,
            city: city?,
            country: country?,
        })
    }

    /// Normalises and checks a postal code when the country is Belgium.
    pub fn postal_for(
        &mut self,
        postal: Option<String>,
        country: Option<Country>,
        path: &str,
    ) -> Option<String> {
        let postal = postal?;
        if country == Some(Country::BE) {
            let parsed = self.code_result(BelgianPostalCode::parse(&postal), path)?;
            return Some(parsed.as_str().to_owned());
        }
        Some(postal)
    }
}

/// Parses the date notations people type.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let nums: Vec<&str> = s.split(['-', '/', '.']).collect();
    if nums.len() != 3 || nums.iter().any(|n| n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (y, m, d) = if nums[0].len() == 4 {
        (nums[0], nums[1], nums[2])
    } else if nums[2].len() == 4 {
        (nums[2], nums[1], nums[0])
    } else {
        return None;
    };
    let year: i32 = y.parse().ok()?;
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    if !(1900..=2999).contains(&year) {
        return None;
    }
    Date::from_calendar_date(year, month, d.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::parse_date;
    use time::macros::date;

    #[test]
    fn dates_people_type() {
        assert_eq!(parse_date("2026-03-01"), Some(date!(2026 - 03 - 01)));
        assert_eq!(parse_date("1/3/2026"), Some(date!(2026 - 03 - 01)));
        assert_eq!(parse_date("01.03.2026"), Some(date!(2026 - 03 - 01)));
        assert_eq!(parse_date("29/02/2027"), None);
        assert_eq!(parse_date("2026-3"), None);
        assert_eq!(parse_date("tomorrow"), None);
    }
}
