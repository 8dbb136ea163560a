//! Places of work: each type with its own required fields.

use super::fields::{Ctx, LONG, NORMAL, SHORT};
use super::kinds::imo;
use crate::input::PlaceInput;
use crate::{Code, Country, Issue, PlaceKind, PlaceOfWork, SharedPlace};

/// The places of a posting: at least one.
pub fn for_posting(
    cx: &mut Ctx,
    input: &[PlaceInput],
    confirmed: &mut Vec<Issue>,
) -> Option<Vec<PlaceOfWork>> {
    if input.is_empty() {
        cx.issues.error(Code::PlacesRequired, "places");
        return None;
    }
    let mut out = Vec::new();
    for (i, p) in input.iter().enumerate() {
        out.push(place(cx, p, &format!("places[{i}]"), None, confirmed));
    }
    out.into_iter().collect()
}

/// The places of a simultaneous occupation: each with a listed country and a share of 1–100 %,
/// every country with a place, shares totalling 100 %.
pub fn for_simultaneous(
    cx: &mut Ctx,
    input: &[PlaceInput],
    countries: &[Country],
    countries_ok: bool,
    confirmed: &mut Vec<Issue>,
) -> Option<Vec<SharedPlace>> {
    if input.is_empty() {
        cx.issues.error(Code::PlacesRequired, "places");
        return None;
    }
    let mut out = Vec::new();
    let mut total: u32 = 0;
    let mut shares_ok = true;
    for (i, p) in input.iter().enumerate() {
        let path = format!("places[{i}]");
        let country = cx.country(&p.country, &format!("{path}.country"), true);
        if let Some(c) = country
            && countries_ok
            && !countries.contains(&c)
        {
            cx.issues.push(
                Issue::error(Code::PlaceCountryNotListed, format!("{path}.country")).with("country", c),
            );
        }
        let percentage = percentage(cx, &p.percentage, &format!("{path}.percentage"));
        match percentage {
            Some(v) => total += u32::from(v),
            None => shares_ok = false,
        }
        let place = place(cx, p, &path, Some(country), confirmed);
        out.push((|| Some(SharedPlace { country: country?, percentage: percentage?, place: place? }))());
    }
    if countries_ok {
        for c in countries {
            if !input.iter().any(|p| p.country.as_deref().and_then(|s| Country::parse(s).ok()) == Some(*c)) {
                cx.issues.push(Issue::error(Code::CountryWithoutPlace, "places").with("country", c));
            }
        }
    }
    if shares_ok && total != 100 {
        cx.issues.push(Issue::error(Code::PercentagesTotal, "places").with("total", total));
    }
    out.into_iter().collect()
}

fn percentage(cx: &mut Ctx, v: &Option<String>, path: &str) -> Option<u8> {
    let s = cx.text(v, path, true, 10)?;
    let s = s.trim_end_matches('%').trim();
    match s.parse::<u8>() {
        Ok(n @ 1..=100) => Some(n),
        _ => {
            cx.issues.error(Code::PercentageRange, path);
            None
        }
    }
}

/// One place, with the fields its type requires. `shared` is `Some(country)` for a place of a
/// simultaneous occupation (the country may be unknown when it failed to parse).
fn place(
    cx: &mut Ctx,
    p: &PlaceInput,
    path: &str,
    shared: Option<Option<Country>>,
    confirmed: &mut Vec<Issue>,
) -> Option<PlaceOfWork> {
    let simultaneous = shared.is_some();
    let country = shared.flatten();
    let f = |name: &str| format!("{path}.{name}");
    let kind = match cx.text(&p.kind, &f("type"), true, 30) {
        None => return None,
        Some(k) => match PlaceKind::parse(&k) {
            Some(k) => k,
            None => {
                cx.issues.error(Code::PlaceTypeUnknown, f("type"));
                return None;
            }
        },
    };
    let name = cx.req(&p.name, &f("name"));
    Some(match kind {
        PlaceKind::Region => PlaceOfWork::Region { name: name? },
        PlaceKind::Company => {
            let foreign_id = cx.text(&p.foreign_id, &f("foreign_id"), false, 40);
            let street = cx.req(&p.street, &f("street"));
            let number = cx.text(&p.number, &f("number"), true, SHORT);
            let po_box = cx.text(&p.po_box, &f("po_box"), false, SHORT);
            let postal_code = cx.text(&p.postal_code, &f("postal_code"), true, SHORT);
            let postal_code = cx.postal_for(postal_code, country, &f("postal_code"));
            let city = cx.req(&p.city, &f("city"));
            PlaceOfWork::Company {
                name: name?,
                foreign_id,
                street: street?,
                number: number?,
                po_box,
                postal_code: postal_code?,
                city: city?,
            }
        }
        PlaceKind::ConstructionSite => {
            let description = cx.text(&p.description, &f("description"), false, LONG);
            let street = cx.text(&p.street, &f("street"), false, NORMAL);
            let number = cx.text(&p.number, &f("number"), false, SHORT);
            let postal_code = cx.text(&p.postal_code, &f("postal_code"), false, SHORT);
            let postal_code = cx.postal_for(postal_code, country, &f("postal_code"));
            let city = cx.req(&p.city, &f("city"));
            let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
            if blank(&p.description) && blank(&p.street) {
                cx.issues.error(Code::ConstructionSiteDescriptionOrStreet, f("description"));
                return None;
            }
            PlaceOfWork::ConstructionSite {
                name: name?,
                description,
                street,
                number,
                postal_code,
                city: city?,
            }
        }
        PlaceKind::Homebase => {
            let city = cx.req(&p.city, &f("city"));
            PlaceOfWork::Homebase { name: name?, city: city? }
        }
        PlaceKind::InlandVessel => {
            let registration_number = cx.text(&p.registration_number, &f("registration_number"), true, 40);
            let operating_area = cx.req(&p.operating_area, &f("operating_area"));
            let operating_country = cx.country(&p.operating_country, &f("operating_country"), false);
            PlaceOfWork::InlandVessel {
                name: name?,
                registration_number: registration_number?,
                operating_area: operating_area?,
                operating_country,
            }
        }
        PlaceKind::OceanVessel => {
            let imo = imo(cx, &p.imo, p.imo_confirmed, &f("imo"), confirmed);
            let (waters, flag) = if simultaneous {
                (None, Some(cx.country(&p.flag, &f("flag"), true)?))
            } else {
                (Some(cx.yes_no(p.in_territorial_waters, &f("in_territorial_waters"))?), None)
            };
            PlaceOfWork::OceanVessel { name: name?, imo: imo?, in_territorial_waters: waters, flag }
        }
    })
}
