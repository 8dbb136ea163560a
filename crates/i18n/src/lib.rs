//! Translations: Fluent bundles in English, French, Dutch and German, language negotiation,
//! and localised dates, countries and error messages.
#![forbid(unsafe_code)]

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::BTreeMap;
use std::sync::LazyLock;
use time::Date;
use wabro_domain::{Code, Country, Lang};

const SOURCES: [(Lang, &str); 4] = [
    (Lang::En, include_str!("../locales/en.ftl")),
    (Lang::Fr, include_str!("../locales/fr.ftl")),
    (Lang::Nl, include_str!("../locales/nl.ftl")),
    (Lang::De, include_str!("../locales/de.ftl")),
];

struct Bundles(Vec<(Lang, FluentBundle<FluentResource>)>);

static BUNDLES: LazyLock<Bundles> = LazyLock::new(|| {
    Bundles(
        SOURCES
            .iter()
            .map(|(lang, src)| {
                let resource = FluentResource::try_new((*src).to_owned())
                    .unwrap_or_else(|(_, errors)| panic!("{}.ftl does not parse: {errors:?}", lang.tag()));
                let id = lang.tag().parse().unwrap_or_else(|_| panic!("language tag {}", lang.tag()));
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                bundle.set_use_isolating(false);
                bundle
                    .add_resource(resource)
                    .unwrap_or_else(|e| panic!("{}.ftl has duplicates: {e:?}", lang.tag()));
                (*lang, bundle)
            })
            .collect(),
    )
});

/// Parameters that are counts (plural forms choose by them).
const NUMERIC_PARAMS: [&str; 5] = ["minutes", "seconds", "count", "min", "max"];

/// Every country sorted by its name, per language (in `Lang` order).
static SORTED_COUNTRIES: LazyLock<[Vec<Country>; 4]> = LazyLock::new(|| {
    [Lang::En, Lang::Fr, Lang::Nl, Lang::De].map(|lang| {
        let mut all: Vec<Country> = Country::all().collect();
        all.sort_by_cached_key(|c| wabro_domain::search_key(c.name(lang)));
        all
    })
});

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    let b = &BUNDLES.0;
    &b.iter().find(|(l, _)| *l == lang).unwrap_or(&b[0]).1
}

/// The message ids defined for a language (for completeness tests).
pub fn message_ids(lang: Lang) -> Vec<String> {
    let src = SOURCES.iter().find(|(l, _)| *l == lang).map(|(_, s)| *s).unwrap_or("");
    let resource = FluentResource::try_new(src.to_owned()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// The message id of an error or finding code: `ssin.checksum` → `code-ssin-checksum`.
pub fn code_id(code: Code) -> String {
    format!("code-{}", code.as_str().replace('.', "-"))
}

/// Picks the interface language: an explicit choice (cookie), else the first supported
/// language of `Accept-Language` by quality, else English.
pub fn negotiate(choice: Option<&str>, accept_language: Option<&str>) -> Lang {
    if let Some(l) = choice.and_then(Lang::parse) {
        return l;
    }
    let mut offers: Vec<(f32, usize, Lang)> = accept_language
        .unwrap_or("")
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut it = part.split(';');
            let lang = Lang::parse(it.next()?.trim())?;
            let q = it
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            (q > 0.0).then_some((q, i, lang))
        })
        .collect();
    offers.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    offers.first().map(|o| o.2).unwrap_or(Lang::En)
}

/// A translator for one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr {
    lang: Lang,
}

impl Tr {
    /// A translator for `lang`.
    pub fn new(lang: Lang) -> Tr {
        Tr { lang }
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id`; the id itself when missing (a test makes sure none is).
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with arguments.
    pub fn ta(&self, id: &str, args: &[(&str, &str)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            // Counts are numbers, so that plural forms (`[one]`, `*[other]`) can choose by them.
            match v.parse::<f64>() {
                Ok(n) if NUMERIC_PARAMS.contains(k) => fa.set(*k, FluentValue::from(n)),
                _ => fa.set(*k, FluentValue::from(*v)),
            }
        }
        self.format(id, Some(&fa))
    }

    /// The message `id` with a number `$count` (plural forms are chosen by it).
    pub fn count(&self, id: &str, count: u64) -> String {
        let mut fa = FluentArgs::new();
        fa.set("count", FluentValue::from(count as f64));
        self.format(id, Some(&fa))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let b = bundle(self.lang);
        let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else { return id.to_owned() };
        let mut errors = Vec::new();
        b.format_pattern(pattern, args, &mut errors).into_owned()
    }

    /// The message of an error or finding code, with its parameters made readable (country
    /// codes become names, ISO dates local dates).
    pub fn code(&self, code: Code, params: &BTreeMap<String, String>) -> String {
        let readable: Vec<(String, String)> =
            params.iter().map(|(k, v)| (k.clone(), self.param(k, v))).collect();
        let args: Vec<(&str, &str)> = readable.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        self.ta(&code_id(code), &args)
    }

    fn param(&self, key: &str, value: &str) -> String {
        if matches!(key, "country" | "state" | "nationality" | "destination")
            && let Ok(c) = Country::parse(value)
        {
            return self.country(c).to_owned();
        }
        if let Some(d) =
            wabro_domain::parse_date(value).filter(|_| value.len() == 10 && value.as_bytes()[4] == b'-')
        {
            return self.date(d);
        }
        value.to_owned()
    }

    /// A country's name.
    pub fn country(&self, c: Country) -> &'static str {
        c.name(self.lang)
    }

    /// Every country in the order of its name in this language (accents and case aside), sorted
    /// once per language.
    pub fn countries_by_name(&self) -> &'static [Country] {
        &SORTED_COUNTRIES[self.lang as usize]
    }

    /// A date the way the language writes it: 28/11/2026, 28.11.2026, 28 Nov 2026 (English).
    pub fn date(&self, d: Date) -> String {
        let (day, month, year) = (d.day(), d.month() as u8, d.year());
        match self.lang {
            Lang::De => format!("{day:02}.{month:02}.{year}"),
            Lang::Fr | Lang::Nl => format!("{day:02}/{month:02}/{year}"),
            Lang::En => {
                const M: [&str; 12] =
                    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
                format!("{day} {} {year}", M[usize::from(month) - 1])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation() {
        assert_eq!(negotiate(Some("nl"), Some("fr")), Lang::Nl);
        assert_eq!(negotiate(None, Some("de-BE,de;q=0.9,en;q=0.8")), Lang::De);
        assert_eq!(negotiate(None, Some("es, fr;q=0.5, nl;q=0.7")), Lang::Nl);
        assert_eq!(negotiate(None, Some("es")), Lang::En);
        assert_eq!(negotiate(Some("xx"), None), Lang::En);
    }

    #[test]
    fn every_message_exists_in_every_language() {
        let en = message_ids(Lang::En);
        assert!(en.len() > 50);
        for lang in [Lang::Fr, Lang::Nl, Lang::De] {
            let other = message_ids(lang);
            let missing: Vec<_> = en.iter().filter(|id| !other.contains(id)).collect();
            let extra: Vec<_> = other.iter().filter(|id| !en.contains(id)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.tag());
            assert!(extra.is_empty(), "{} has unknown {extra:?}", lang.tag());
        }
    }

    #[test]
    fn every_code_has_a_message_in_every_language() {
        for lang in Lang::ALL {
            let ids = message_ids(lang);
            let missing: Vec<_> =
                Code::ALL.iter().map(|c| code_id(*c)).filter(|id| !ids.contains(id)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.tag());
        }
    }

    #[test]
    fn messages_format_without_errors_in_every_language() {
        for lang in Lang::ALL {
            let b = bundle(lang);
            for id in message_ids(lang) {
                let Some(p) = b.get_message(&id).and_then(|m| m.value()) else { continue };
                let mut errors = Vec::new();
                let mut args = FluentArgs::new();
                for k in [
                    "max",
                    "country",
                    "state",
                    "nationality",
                    "total",
                    "percent",
                    "threshold",
                    "days",
                    "months",
                    "entry",
                    "start",
                    "since",
                    "earliest_start",
                    "max_end_date",
                    "agreement",
                    "reference",
                    "imo",
                    "minutes",
                    "seconds",
                    "destination",
                    "name",
                    "count",
                    "number",
                    "step",
                    "steps",
                    "end",
                    "date",
                    "article",
                    "framework",
                    "email",
                    "min",
                    "pages",
                    "page",
                    "blocking",
                    "posting",
                    "simultaneous",
                    "seafarer",
                ] {
                    args.set(k, FluentValue::from("1"));
                }
                b.format_pattern(p, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{}:{id}: {errors:?}", lang.tag());
            }
        }
    }

    #[test]
    fn plurals_follow_the_number() {
        assert_eq!(Tr::new(Lang::En).count("results-count", 1), "1 request found");
        assert_eq!(Tr::new(Lang::En).count("results-count", 12), "12 requests found");
        assert_eq!(Tr::new(Lang::De).count("results-count", 0), "0 Anträge gefunden");
    }

    #[test]
    fn dates_and_code_parameters_are_localised() {
        let d = Date::from_calendar_date(2027, time::Month::March, 4).unwrap();
        assert_eq!(Tr::new(Lang::De).date(d), "04.03.2027");
        assert_eq!(Tr::new(Lang::Fr).date(d), "04/03/2027");
        let mut p = BTreeMap::new();
        p.insert("state".to_owned(), "NL".to_owned());
        let s = Tr::new(Lang::Fr).code(Code::LegislationOtherState, &p);
        assert!(s.contains("Pays-Bas"), "{s}");
    }
}
