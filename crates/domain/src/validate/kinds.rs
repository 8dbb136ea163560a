//! The kind-specific parts: posting, seafarer, simultaneous occupation.

use super::fields::{Ctx, LONG, NORMAL};
use super::{conditions, places};
use crate::input::RequestInput;
use crate::{
    Classification, Code, Country, Destination, ImoNumber, Issue, Posting, RequestDetails, Seafarer, Ship,
    SimultaneousOccupation, Territory,
};

type Checked = (Option<RequestDetails>, Vec<Issue>);

/// A posting: destination, places of work, conditions.
pub fn posting(cx: &mut Ctx, input: &RequestInput) -> Checked {
    let entry = cx.date(&input.entry_into_service, "entry_into_service");
    let private = cx.yes_no(input.private_sector, "private_sector");
    let destination = destination(cx, input);
    let mut confirmed = Vec::new();
    let places = places::for_posting(cx, &input.places, &mut confirmed);
    if let Some(destination) = destination {
        places_in_destination(cx, input, destination.country);
    }
    let conditions = conditions(cx, &input.conditions);
    let mission = cx.text(&input.mission, "mission", false, LONG);
    let details = (|| {
        Some(RequestDetails::Posting(Posting {
            entry_into_service: entry?,
            private_sector: private?,
            destination: destination?,
            places: places?,
            conditions: conditions?,
            mission,
        }))
    })();
    (details, confirmed)
}

/// Every place of a posting lies in its destination: a place entered while the destination was
/// another country must be checked again (changed, or removed) before the request is saved.
fn places_in_destination(cx: &mut Ctx, input: &RequestInput, destination: Country) {
    for (i, place) in input.places.iter().enumerate() {
        let Some(entered) = place.country.as_deref().and_then(|c| Country::parse(c).ok()) else { continue };
        let entered = Territory::from_iso(entered).map_or(entered, |t| t.parent());
        if entered != destination {
            cx.issues.push(
                Issue::error(Code::PlaceOutsideDestination, format!("places[{i}]"))
                    .with("name", place.name.as_deref().unwrap_or("").trim())
                    .with("country", entered)
                    .with("destination", destination),
            );
        }
    }
}

fn destination(cx: &mut Ctx, input: &RequestInput) -> Option<Destination> {
    let country = cx.country(&input.destination.country, "destination.country", true);
    let territory = match cx.text(&input.destination.territory, "destination.territory", false, 30) {
        None => None,
        Some(t) => Some(cx.code_result(Territory::parse(&t), "destination.territory")?),
    };
    let country = country?;
    // A Crown Dependency typed as a country becomes the United Kingdom with that territory.
    let (country, territory) = match Territory::from_iso(country) {
        Some(t) => (t.parent(), territory.or(Some(t))),
        None => (country, territory),
    };
    if country == Country::BE {
        cx.issues.error(Code::DestinationBelgium, "destination.country");
        return None;
    }
    if let Some(t) = territory
        && t.parent() != country
    {
        cx.issues.push(
            Issue::error(Code::TerritoryCountryMismatch, "destination.territory").with("country", t.parent()),
        );
        return None;
    }
    Some(Destination { country, territory })
}

/// A seafarer: the ship instead of a destination and places.
pub fn seafarer(cx: &mut Ctx, input: &RequestInput) -> Checked {
    let entry = cx.date(&input.entry_into_service, "entry_into_service");
    let private = cx.yes_no(input.private_sector, "private_sector");
    let name = cx.req(&input.ship.name, "ship.name");
    let flag = cx.country(&input.ship.flag, "ship.flag", true);
    let mut confirmed = Vec::new();
    let imo = imo(cx, &input.ship.imo, input.ship.imo_confirmed, "ship.imo", &mut confirmed);
    let conditions = conditions(cx, &input.conditions);
    let mission = cx.text(&input.mission, "mission", false, LONG);
    let details = (|| {
        Some(RequestDetails::Seafarer(Seafarer {
            entry_into_service: entry?,
            private_sector: private?,
            ship: Ship { name: name?, flag: flag?, imo: imo? },
            conditions: conditions?,
            mission,
        }))
    })();
    (details, confirmed)
}

/// An IMO number: a malformed one is an error, a failing check digit a warning until confirmed.
pub fn imo(
    cx: &mut Ctx,
    v: &Option<String>,
    user_confirmed: bool,
    path: &str,
    confirmed: &mut Vec<Issue>,
) -> Option<ImoNumber> {
    let s = cx.text(v, path, true, 20)?;
    let imo = cx.code_result(ImoNumber::parse_lenient(&s), path)?;
    if !imo.check_digit_valid() {
        let warning = Issue::warning(Code::ImoCheckDigit, path).with("imo", imo.as_str());
        if user_confirmed {
            confirmed.push(warning);
        } else {
            cx.issues.push(warning);
        }
    }
    Some(imo)
}

/// A simultaneous occupation: classification, countries and shared places.
pub fn simultaneous(cx: &mut Ctx, input: &RequestInput) -> Checked {
    let recruitment = cx.date(&input.recruitment_date, "recruitment_date");
    let classification = classification(cx, input);
    let also_in_belgium = cx.yes_no(input.also_in_belgium, "also_in_belgium");
    let mut countries = Vec::new();
    let mut countries_ok = true;
    for (i, c) in input.countries.iter().enumerate() {
        let path = format!("countries[{i}]");
        match cx.country(&Some(c.clone()), &path, true) {
            Some(c) if countries.contains(&c) => {
                cx.issues.error(Code::CountriesDuplicate, path);
                countries_ok = false;
            }
            Some(c) => countries.push(c),
            None => countries_ok = false,
        }
    }
    if also_in_belgium == Some(true) && !countries.contains(&Country::BE) {
        countries.insert(0, Country::BE);
    }
    // Listing Belgium is the same answer as ticking "also works in Belgium".
    let also_in_belgium = also_in_belgium.map(|b| b || countries.contains(&Country::BE));
    if countries_ok && countries.len() < 2 {
        cx.issues.error(Code::CountriesMinTwo, "countries");
        countries_ok = false;
    }
    let mut confirmed = Vec::new();
    let places = places::for_simultaneous(cx, &input.places, &countries, countries_ok, &mut confirmed);
    let details = (|| {
        if !countries_ok {
            return None;
        }
        Some(RequestDetails::SimultaneousOccupation(SimultaneousOccupation {
            recruitment_date: recruitment?,
            classification: classification?,
            countries: countries.clone(),
            also_in_belgium: also_in_belgium?,
            places: places?,
        }))
    })();
    (details, confirmed)
}

fn classification(cx: &mut Ctx, input: &RequestInput) -> Option<Classification> {
    let c = &input.classification;
    let kind = cx.text(&c.kind, "classification.type", true, NORMAL)?;
    Some(match kind.as_str() {
        "salaried" => Classification::Salaried,
        "civil_servant" => Classification::CivilServant,
        "self_employed" => Classification::SelfEmployed,
        "road_rail" => Classification::RoadRail,
        "inland_shipping" => Classification::InlandShipping,
        "rhine_shipping" => Classification::RhineShipping,
        "air" => Classification::Air {
            homebase_country: cx.country(&c.homebase_country, "classification.homebase_country", true)?,
        },
        "sea" => Classification::Sea { flag: cx.country(&c.flag, "classification.flag", true)? },
        _ => {
            cx.issues.error(Code::ClassificationUnknown, "classification.type");
            return None;
        }
    })
}
