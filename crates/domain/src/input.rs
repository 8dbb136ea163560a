//! The raw input of a request, as a form or the JSON API sends it and as a draft keeps it:
//! every field optional and textual, so that nothing the user typed is ever lost.
//! [`crate::validate`] turns it into a typed [`crate::Request`] or a list of every issue.

use serde::{Deserialize, Deserializer, Serialize};

/// Accepts a JSON string or number for a textual field (percentages, numbers typed in forms).
fn lenient_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        S(String),
        N(serde_json::Number),
    }
    Ok(Option::<Raw>::deserialize(d)?.map(|r| match r {
        Raw::S(s) => s,
        Raw::N(n) => n.to_string(),
    }))
}

/// Reads `null` as the default value, so that a client may send `"period": null`.
fn null_default<'de, D: Deserializer<'de>, T: Default + Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// A whole request as typed: the union of the fields of the three kinds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RequestInput {
    /// `posting`, `simultaneous_occupation` or `seafarer`.
    pub kind: Option<String>,
    /// The worker.
    #[serde(deserialize_with = "null_default")]
    pub employee: EmployeeInput,
    /// Posting, seafarer: date of entry into service.
    pub entry_into_service: Option<String>,
    /// Posting, seafarer: private-sector employer.
    pub private_sector: Option<bool>,
    /// Posting: destination.
    #[serde(deserialize_with = "null_default")]
    pub destination: DestinationInput,
    /// Posting, simultaneous occupation: places of work.
    #[serde(deserialize_with = "null_default")]
    pub places: Vec<PlaceInput>,
    /// Requested period.
    #[serde(deserialize_with = "null_default")]
    pub period: PeriodInput,
    /// Posting, seafarer: the six work-condition answers.
    #[serde(deserialize_with = "null_default")]
    pub conditions: ConditionsInput,
    /// Posting, seafarer: mission description.
    pub mission: Option<String>,
    /// Certificate language: `fr`, `nl` or `de`.
    pub language: Option<String>,
    /// Contact person.
    #[serde(deserialize_with = "null_default")]
    pub contact: ContactInput,
    /// Remarks.
    pub remarks: Option<String>,
    /// Simultaneous occupation: recruitment date.
    pub recruitment_date: Option<String>,
    /// Simultaneous occupation: worker classification.
    #[serde(deserialize_with = "null_default")]
    pub classification: ClassificationInput,
    /// Simultaneous occupation: the countries of work (ISO codes).
    #[serde(deserialize_with = "null_default")]
    pub countries: Vec<String>,
    /// Simultaneous occupation: the worker also works in Belgium.
    pub also_in_belgium: Option<bool>,
    /// Seafarer: the ship.
    #[serde(deserialize_with = "null_default")]
    pub ship: ShipInput,
}

/// The worker as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EmployeeInput {
    /// SSIN, with or without separators.
    #[serde(deserialize_with = "lenient_text")]
    pub ssin: Option<String>,
    /// Family name.
    pub family_name: Option<String>,
    /// Given name(s).
    pub given_name: Option<String>,
    /// Nationality (ISO code).
    pub nationality: Option<String>,
    /// Home address.
    #[serde(deserialize_with = "null_default")]
    pub home_address: AddressInput,
    /// Temporary residence address, when the user ticked the box.
    pub temporary_address: Option<AddressInput>,
}

/// An address as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AddressInput {
    /// Street.
    pub street: Option<String>,
    /// House number.
    #[serde(deserialize_with = "lenient_text")]
    pub number: Option<String>,
    /// PO box.
    #[serde(deserialize_with = "lenient_text")]
    pub po_box: Option<String>,
    /// Postal code.
    #[serde(deserialize_with = "lenient_text")]
    pub postal_code: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Country (ISO code).
    pub country: Option<String>,
}

/// A posting's destination as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DestinationInput {
    /// Country (ISO code).
    pub country: Option<String>,
    /// Territory code (`jersey`, `quebec`, ...).
    pub territory: Option<String>,
}

impl RequestInput {
    /// The countries of a simultaneous occupation as chosen, in order, those that are valid:
    /// Belgium first when "also works in Belgium" is ticked and it is not listed already.
    pub fn chosen_countries(&self) -> Vec<crate::Country> {
        let mut countries: Vec<crate::Country> =
            self.countries.iter().filter_map(|c| crate::Country::parse(c).ok()).collect();
        if self.also_in_belgium == Some(true) && !countries.contains(&crate::Country::BE) {
            countries.insert(0, crate::Country::BE);
        }
        countries
    }
}

/// A place of work as typed; `type` selects which fields matter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlaceInput {
    /// Place type code (`company`, `ocean_vessel`, ...).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Name of the region, company, site, base or vessel.
    pub name: Option<String>,
    /// Company: foreign identification number.
    pub foreign_id: Option<String>,
    /// Street.
    pub street: Option<String>,
    /// House number.
    #[serde(deserialize_with = "lenient_text")]
    pub number: Option<String>,
    /// PO box.
    #[serde(deserialize_with = "lenient_text")]
    pub po_box: Option<String>,
    /// Postal code.
    #[serde(deserialize_with = "lenient_text")]
    pub postal_code: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Construction site: description.
    pub description: Option<String>,
    /// Inland vessel: registration number.
    pub registration_number: Option<String>,
    /// Inland vessel: harbour or river.
    pub operating_area: Option<String>,
    /// Inland vessel: country where it operates.
    pub operating_country: Option<String>,
    /// Ocean vessel: IMO number.
    #[serde(deserialize_with = "lenient_text")]
    pub imo: Option<String>,
    /// Ocean vessel: the user confirmed an IMO number whose check digit fails.
    pub imo_confirmed: bool,
    /// Ocean vessel (posting): in territorial waters or a port.
    pub in_territorial_waters: Option<bool>,
    /// Ocean vessel (simultaneous occupation): flag State.
    pub flag: Option<String>,
    /// Simultaneous occupation: the place's country.
    pub country: Option<String>,
    /// Simultaneous occupation: share of working time, 1–100.
    #[serde(deserialize_with = "lenient_text")]
    pub percentage: Option<String>,
}

/// A period as typed: ISO `2026-03-01`, or day first `1/3/2026`, `01.03.2026`, `01-03-2026`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PeriodInput {
    /// First day.
    pub start: Option<String>,
    /// Last day.
    pub end: Option<String>,
}

/// The six yes/no work-condition answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConditionsInput {
    /// Covered by Belgian social security in the 30 days before.
    pub covered_before: Option<bool>,
    /// Extra employment contract with the host company.
    pub extra_contract_with_host: Option<bool>,
    /// The host can change the base pay.
    pub host_can_change_pay: Option<bool>,
    /// The host can dismiss.
    pub host_can_dismiss: Option<bool>,
    /// The host can take disciplinary measures.
    pub host_disciplinary: Option<bool>,
    /// Replaces another posted worker.
    pub replaces_posted_worker: Option<bool>,
}

/// The contact person as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ContactInput {
    /// Family name.
    pub family_name: Option<String>,
    /// Given name.
    pub given_name: Option<String>,
    /// Company.
    pub company: Option<String>,
    /// Street.
    pub street: Option<String>,
    /// House number.
    #[serde(deserialize_with = "lenient_text")]
    pub number: Option<String>,
    /// PO box.
    #[serde(deserialize_with = "lenient_text")]
    pub po_box: Option<String>,
    /// Postal code.
    #[serde(deserialize_with = "lenient_text")]
    pub postal_code: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Country (ISO code; Belgium when left empty).
    pub country: Option<String>,
    /// Telephone.
    pub telephone: Option<String>,
    /// Fax.
    pub fax: Option<String>,
    /// Simultaneous occupation: SSIN.
    #[serde(deserialize_with = "lenient_text")]
    pub ssin: Option<String>,
    /// Simultaneous occupation: employer.
    pub employer: Option<String>,
    /// Simultaneous occupation: function.
    pub function: Option<String>,
}

/// The worker classification as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClassificationInput {
    /// Classification code (`salaried`, `air`, `sea`, ...).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Air crew: country of the home base.
    pub homebase_country: Option<String>,
    /// Mariner: flag of the vessel.
    pub flag: Option<String>,
}

/// The ship of a seafarer request as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ShipInput {
    /// Name.
    pub name: Option<String>,
    /// Flag State (ISO code).
    pub flag: Option<String>,
    /// IMO number.
    #[serde(deserialize_with = "lenient_text")]
    pub imo: Option<String>,
    /// The user confirmed an IMO number whose check digit fails.
    pub imo_confirmed: bool,
}
