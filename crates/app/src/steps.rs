//! The steps of the request wizard, per kind: one engine for postings, seafarers and
//! simultaneous occupations. A step owns the fields (by path root) whose issues it shows.

use wabro_domain::RequestKind;

/// A step of the wizard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The employee (and, for a simultaneous occupation, the classification).
    Employee,
    /// Posting: destination and places of work.
    Destination,
    /// Seafarer: the ship.
    Ship,
    /// Simultaneous occupation: the countries.
    Countries,
    /// Simultaneous occupation: places of work with their shares.
    Places,
    /// Period and conditions (posting, seafarer) or period and remarks (simultaneous occupation).
    Period,
    /// The contact person.
    Contact,
}

const POSTING: [Step; 4] = [Step::Employee, Step::Destination, Step::Period, Step::Contact];
const SEAFARER: [Step; 4] = [Step::Employee, Step::Ship, Step::Period, Step::Contact];
const SIMULTANEOUS: [Step; 5] = [Step::Employee, Step::Countries, Step::Places, Step::Period, Step::Contact];

impl Step {
    /// The steps of a kind, in order.
    pub fn of_kind(kind: RequestKind) -> &'static [Step] {
        match kind {
            RequestKind::Posting => &POSTING,
            RequestKind::Seafarer => &SEAFARER,
            RequestKind::SimultaneousOccupation => &SIMULTANEOUS,
        }
    }

    /// The step with a 1-based number.
    pub fn at(kind: RequestKind, n: u8) -> Option<Step> {
        Step::of_kind(kind).get(usize::from(n).checked_sub(1)?).copied()
    }

    /// The 1-based number of the step in its kind's flow.
    pub fn number(self, kind: RequestKind) -> u8 {
        Step::of_kind(kind).iter().position(|s| *s == self).map_or(1, |i| i as u8 + 1)
    }

    /// A stable code (template and message names).
    pub fn code(self) -> &'static str {
        match self {
            Step::Employee => "employee",
            Step::Destination => "destination",
            Step::Ship => "ship",
            Step::Countries => "countries",
            Step::Places => "places",
            Step::Period => "period",
            Step::Contact => "contact",
        }
    }

    /// Whether an issue at `path` belongs to this step in `kind`'s flow.
    pub fn owns(self, kind: RequestKind, path: &str) -> bool {
        let root = path.split(['.', '[']).next().unwrap_or("");
        let so = kind == RequestKind::SimultaneousOccupation;
        match self {
            Step::Employee => matches!(
                root,
                "employee" | "entry_into_service" | "private_sector" | "recruitment_date" | "classification"
            ),
            Step::Destination => matches!(root, "destination" | "places"),
            Step::Ship => root == "ship",
            Step::Countries => matches!(root, "countries" | "also_in_belgium"),
            Step::Places => root == "places",
            Step::Period => {
                matches!(root, "period" | "language")
                    || (so && root == "remarks")
                    || (!so && matches!(root, "conditions" | "mission"))
            }
            Step::Contact => root == "contact" || (!so && root == "remarks"),
        }
    }

    /// The step an issue belongs to in `kind`'s flow.
    pub fn of_path(kind: RequestKind, path: &str) -> Option<Step> {
        Step::of_kind(kind).iter().copied().find(|s| s.owns(kind, path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_belongs_to_one_step_of_its_flow() {
        let paths = [
            "employee.ssin",
            "entry_into_service",
            "private_sector",
            "recruitment_date",
            "classification.type",
            "destination.country",
            "places[0].name",
            "places",
            "ship.imo",
            "countries[1]",
            "also_in_belgium",
            "period.end",
            "conditions.covered_before",
            "mission",
            "language",
            "remarks",
            "contact.telephone",
        ];
        for kind in RequestKind::ALL {
            for path in paths {
                let owners = Step::of_kind(kind).iter().filter(|s| s.owns(kind, path)).count();
                assert!(owners <= 1, "{path} has {owners} steps in {kind:?}");
            }
        }
        let so = RequestKind::SimultaneousOccupation;
        assert_eq!(Step::of_path(so, "remarks"), Some(Step::Period));
        assert_eq!(Step::of_path(RequestKind::Posting, "remarks"), Some(Step::Contact));
        assert_eq!(Step::of_path(so, "places[2].percentage"), Some(Step::Places));
        assert_eq!(Step::at(RequestKind::Seafarer, 2), Some(Step::Ship));
        assert_eq!(Step::Contact.number(so), 5);
        assert_eq!(Step::at(so, 6), None);
    }
}
