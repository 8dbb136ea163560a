//! What a password must be: long, not one of the passwords attackers try first, and not made
//! of the person's own e-mail address or name.
//!
//! The list of common passwords is the one `zxcvbn` ships (some 30,000 passwords from
//! published breaches, with English words, names and keyboard patterns); its estimate of the
//! guesses a password needs is the judge, with the person's e-mail and name as words an
//! attacker would try first.

use wabro_domain::{Code, Issue};

/// Shortest password accepted.
pub const MIN_PASSWORD: usize = 12;

/// The least strength accepted: zxcvbn's score 3, "safely unguessable" (about 10⁸ guesses or
/// more), which no password of its common list reaches.
const MIN_SCORE: zxcvbn::Score = zxcvbn::Score::Three;

/// Every reason `password` is refused for the person with this e-mail and name, on the field
/// `path`.
pub fn password_issues(password: &str, email: &str, name: &str, path: &str) -> Vec<Issue> {
    let mut issues = Vec::new();
    let length = password.chars().count();
    if length < MIN_PASSWORD {
        issues.push(Issue::error(Code::UserPasswordTooShort, path).with("min", MIN_PASSWORD));
        return issues;
    }
    if length > 200 {
        issues.push(Issue::error(Code::FieldTooLong, path).with("max", 200));
        return issues;
    }
    let lower = password.to_lowercase();
    let first = lower.chars().next();
    if lower.chars().all(|c| Some(c) == first) || lower.trim().is_empty() {
        issues.push(Issue::error(Code::UserPasswordRepeated, path));
        return issues;
    }
    let email = email.trim().to_lowercase();
    let local = email.split('@').next().unwrap_or("").to_owned();
    let name_parts: Vec<String> = name
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| p.chars().count() >= 3)
        .map(str::to_owned)
        .collect();
    let personal = (!email.is_empty() && lower.contains(&email))
        || (local.chars().count() >= 3 && lower.contains(&local))
        || name_parts.iter().any(|p| lower.contains(p.as_str()));
    if personal {
        issues.push(Issue::error(Code::UserPasswordPersonal, path));
        return issues;
    }
    let mut inputs: Vec<&str> = vec![email.as_str(), local.as_str()];
    inputs.extend(name_parts.iter().map(String::as_str));
    if zxcvbn::zxcvbn(password, &inputs).score() < MIN_SCORE {
        issues.push(Issue::error(Code::UserPasswordWeak, path));
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(password: &str) -> Vec<Code> {
        password_issues(password, "jan.peeters@bouwwerken.be", "Jan Peeters", "password")
            .iter()
            .map(|i| i.code)
            .collect()
    }

    /// Issue 12, finding 11: these were all accepted (only the length was checked).
    #[test]
    fn common_personal_and_repeated_passwords_are_refused() {
        assert_eq!(codes("aaaaaaaaaaaa"), [Code::UserPasswordRepeated]);
        assert_eq!(codes("            "), [Code::UserPasswordRepeated]);
        assert_eq!(codes("jan.peeters@bouwwerken.be"), [Code::UserPasswordPersonal]);
        assert_eq!(codes("JanPeeters2026!"), [Code::UserPasswordPersonal]);
        for common in ["password1234", "123456789012", "qwertyuiop12", "iloveyou1234", "baseball1234"] {
            assert_eq!(codes(common), [Code::UserPasswordWeak], "{common}");
        }
        assert_eq!(codes("short"), [Code::UserPasswordTooShort]);
    }

    #[test]
    fn a_phrase_of_unrelated_words_is_accepted() {
        assert!(codes("staple kettle orbit 41 marsh").is_empty());
        assert!(codes("Zwanenmeer-fiets-Ijzer-97").is_empty());
    }
}
