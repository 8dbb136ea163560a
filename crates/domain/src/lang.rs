//! Languages: of the user interface, and of a certificate.

use serde::{Deserialize, Serialize};

/// A language of the user interface (and of names of countries and territories).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (the default when nothing else is known).
    #[default]
    En,
    /// French.
    Fr,
    /// Dutch.
    Nl,
    /// German.
    De,
}

impl Lang {
    /// All interface languages.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Nl, Lang::De];

    /// The BCP 47 tag, e.g. `nl`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Nl => "nl",
            Lang::De => "de",
        }
    }

    /// Parses a tag such as `fr` or `nl-BE` (case-insensitive).
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }
}

/// The language a certificate is issued in: one of Belgium's three official languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CertificateLanguage {
    /// French.
    Fr,
    /// Dutch.
    Nl,
    /// German.
    De,
}

impl CertificateLanguage {
    /// All certificate languages.
    pub const ALL: [CertificateLanguage; 3] =
        [CertificateLanguage::Fr, CertificateLanguage::Nl, CertificateLanguage::De];

    /// Parses `fr`, `nl` or `de` (case-insensitive).
    pub fn parse(s: &str) -> Option<Self> {
        match Lang::parse(s)? {
            Lang::Fr => Some(CertificateLanguage::Fr),
            Lang::Nl => Some(CertificateLanguage::Nl),
            Lang::De => Some(CertificateLanguage::De),
            Lang::En => None,
        }
    }

    /// As an interface language.
    pub fn lang(self) -> Lang {
        match self {
            CertificateLanguage::Fr => Lang::Fr,
            CertificateLanguage::Nl => Lang::Nl,
            CertificateLanguage::De => Lang::De,
        }
    }
}
