//! Demo data for a newcomer: two employers, their users, an NSSO agent, thirty employees with
//! Dimona periods that cover some postings and leave gaps for others.

use crate::app::App;
use crate::auth::hash_password;
use crate::ctx::Role;
use crate::error::AppResult;
use crate::ports::{AuditEntry, DimonaRow, EnterpriseRecord, NewUser, WorkerRecord};
use time::Date;
use time::macros::date;
use wabro_domain::rules::DimonaPeriod;
use wabro_domain::{Country, Ssin};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "wabro-demo";

/// A demo login.
#[derive(Clone, Debug)]
pub struct DemoLogin {
    /// E-mail.
    pub email: &'static str,
    /// Who it is.
    pub description: &'static str,
}

/// The demo logins, all with [`DEMO_PASSWORD`].
pub const LOGINS: [DemoLogin; 6] = [
    DemoLogin {
        email: "manager@bouwwerken.demo",
        description: "access manager, Bouwwerken Vlaanderen NV (e-Box active)",
    },
    DemoLogin { email: "user@bouwwerken.demo", description: "user, Bouwwerken Vlaanderen NV" },
    DemoLogin { email: "manager@techniques.demo", description: "access manager, Techniques Wallonie SA" },
    DemoLogin { email: "user@techniques.demo", description: "user, Techniques Wallonie SA" },
    DemoLogin { email: "agent@nsso.demo", description: "NSSO agent" },
    DemoLogin { email: "admin@nsso.demo", description: "administrator" },
];

/// (family name, given name, birth date, sex odd=male, nationality, street, number, postal code, city, country)
type Person = (
    &'static str,
    &'static str,
    Date,
    bool,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const PEOPLE: [Person; 30] = [
    ("Van den Broeck", "Jan", date!(1985 - 07 - 30), true, "BE", "Veldstraat", "12", "9000", "Gent", "BE"),
    ("De Smet", "Sofie", date!(1990 - 03 - 14), false, "BE", "Meir", "45", "2000", "Antwerpen", "BE"),
    ("Peeters", "Lotte", date!(1994 - 11 - 02), false, "BE", "Bondgenotenlaan", "8", "3000", "Leuven", "BE"),
    ("Janssens", "Pieter", date!(1978 - 01 - 21), true, "BE", "Steenstraat", "3", "8000", "Brugge", "BE"),
    ("Maes", "Wout", date!(1988 - 06 - 09), true, "BE", "Grote Markt", "17", "3500", "Hasselt", "BE"),
    ("Delporte", "Marc", date!(1975 - 09 - 28), true, "BE", "Rue Royale", "101", "1000", "Bruxelles", "BE"),
    (
        "Dubois",
        "Camille",
        date!(1992 - 12 - 05),
        false,
        "BE",
        "Rue de la Cathédrale",
        "22",
        "4000",
        "Liège",
        "BE",
    ),
    ("Lambert", "Hélène", date!(1983 - 04 - 17), false, "FR", "Rue de Fer", "9", "5000", "Namur", "BE"),
    ("Müller", "Jürgen", date!(1971 - 08 - 30), true, "DE", "Klötzerbahn", "4", "4700", "Eupen", "BE"),
    (
        "Schröder",
        "Anneliese",
        date!(1986 - 02 - 11),
        false,
        "BE",
        "Hauptstraße",
        "55",
        "4780",
        "Sankt Vith",
        "BE",
    ),
    ("Van Damme", "Koen", date!(1980 - 10 - 03), true, "BE", "Kouter", "2", "9000", "Gent", "BE"),
    (
        "De Vos",
        "Lien",
        date!(1996 - 05 - 24),
        false,
        "BE",
        "Lange Nieuwstraat",
        "30",
        "2000",
        "Antwerpen",
        "BE",
    ),
    ("Willems", "Elke", date!(1989 - 07 - 07), false, "NL", "Vrijthof", "6", "6211 LD", "Maastricht", "NL"),
    ("Goossens", "Tom", date!(1991 - 09 - 19), true, "BE", "Diestsestraat", "14", "3000", "Leuven", "BE"),
    (
        "El Amrani",
        "Youssef",
        date!(1987 - 03 - 02),
        true,
        "MA",
        "Chaussée de Gand",
        "210",
        "1080",
        "Molenbeek-Saint-Jean",
        "BE",
    ),
    (
        "Dupont",
        "François",
        date!(1979 - 11 - 23),
        true,
        "BE",
        "Boulevard Tirou",
        "40",
        "6000",
        "Charleroi",
        "BE",
    ),
    ("Leclercq", "Anaïs", date!(1995 - 01 - 30), false, "BE", "Grand-Place", "7", "7000", "Mons", "BE"),
    ("Renard", "Jérôme", date!(1984 - 06 - 15), true, "BE", "Rue des Martyrs", "11", "6700", "Arlon", "BE"),
    ("Martin", "Élodie", date!(1993 - 08 - 08), false, "FR", "Rue de Bruxelles", "19", "5000", "Namur", "BE"),
    ("Lejeune", "Cédric", date!(1982 - 02 - 27), true, "BE", "Place du Marché", "1", "4000", "Liège", "BE"),
    ("Weiß", "Günther", date!(1969 - 12 - 12), true, "DE", "Aachener Straße", "88", "4700", "Eupen", "BE"),
    ("Krämer", "Björn", date!(1990 - 10 - 10), true, "BE", "Kirchstraße", "5", "4750", "Bütgenbach", "BE"),
    (
        "Schmitz",
        "Käthe",
        date!(1977 - 04 - 04),
        false,
        "BE",
        "Bahnhofstraße",
        "21",
        "4780",
        "Sankt Vith",
        "BE",
    ),
    ("Hoffmann", "Sören", date!(1998 - 03 - 18), true, "DE", "Gospertstraße", "42", "4700", "Eupen", "BE"),
    (
        "Van der Heyden",
        "Ludwig",
        date!(1974 - 05 - 29),
        true,
        "BE",
        "Rue Haute",
        "130",
        "1000",
        "Bruxelles",
        "BE",
    ),
    (
        "De Backer",
        "Marie",
        date!(1997 - 09 - 01),
        false,
        "BE",
        "Nationalestraat",
        "60",
        "2000",
        "Antwerpen",
        "BE",
    ),
    ("D'Hondt", "Bram", date!(1981 - 07 - 22), true, "BE", "Zuidstraat", "9", "8500", "Kortrijk", "BE"),
    ("Simon", "Maëlle", date!(1999 - 11 - 11), false, "BE", "Rue de l'Ange", "3", "5000", "Namur", "BE"),
    ("Jacobs", "An", date!(1976 - 12 - 24), false, "BE", "Bruul", "27", "2800", "Mechelen", "BE"),
    ("Smith", "Oliver", date!(1985 - 02 - 14), true, "US", "Avenue Louise", "250", "1050", "Ixelles", "BE"),
];

/// The SSIN of a person born on `birth` with sequence `seq` (odd for men).
fn ssin_for(birth: Date, seq: u16) -> Ssin {
    let base9: u64 =
        format!("{:02}{:02}{:02}{:03}", birth.year() % 100, birth.month() as u8, birth.day(), seq)
            .parse()
            .unwrap_or(0);
    let n = if birth.year() >= 2000 { 2_000_000_000 + base9 } else { base9 };
    Ssin::parse_structure(&format!("{base9:09}{:02}", 97 - n % 97))
        .unwrap_or_else(|c| panic!("demo SSIN: {c}"))
}

/// Dimona periods by person index: most open-ended, some ended, some with a gap.
fn dimona_for(i: usize) -> Vec<DimonaPeriod> {
    let open = |y: i32| {
        vec![DimonaPeriod {
            start: Date::from_calendar_date(y, time::Month::September, 1).unwrap_or(date!(2015 - 09 - 01)),
            end: None,
        }]
    };
    match i % 10 {
        3 => vec![DimonaPeriod { start: date!(2016 - 02 - 01), end: Some(date!(2027 - 03 - 31)) }],
        6 => vec![
            DimonaPeriod { start: date!(2014 - 01 - 06), end: Some(date!(2026 - 12 - 31)) },
            DimonaPeriod { start: date!(2027 - 03 - 01), end: None },
        ],
        9 => vec![DimonaPeriod { start: date!(2026 - 11 - 16), end: None }],
        _ => open(2010 + (i as i32 % 12)),
    }
}

impl App {
    /// Loads the demo data on an empty database. Returns false (and does nothing) otherwise.
    pub async fn load_demo(&self) -> AppResult<bool> {
        if !self.store.is_empty().await? {
            return Ok(false);
        }
        let now = self.clock.now();
        let enterprises = [
            EnterpriseRecord {
                id: 0,
                enterprise_number: "0412345614".into(),
                nsso_number: "123456749".into(),
                name: "Bouwwerken Vlaanderen NV".into(),
                street: "Industrieweg 12".into(),
                postal_code: "9000".into(),
                city: "Gent".into(),
                ebox_active: true,
            },
            EnterpriseRecord {
                id: 0,
                enterprise_number: "0876543270".into(),
                nsso_number: "765432140".into(),
                name: "Techniques Wallonie SA".into(),
                street: "Rue de l'Industrie 5".into(),
                postal_code: "4000".into(),
                city: "Liège".into(),
                ebox_active: false,
            },
        ];
        let mut ids = Vec::new();
        for e in &enterprises {
            ids.push(self.store.create_enterprise(e).await?);
        }
        let hash = hash_password(DEMO_PASSWORD);
        let users = [
            (LOGINS[0].email, "Katrien Verhoeven", Role::AccessManager, Some(ids[0])),
            (LOGINS[1].email, "Pieter Claes", Role::EmployerUser, Some(ids[0])),
            (LOGINS[2].email, "Isabelle Lemaire", Role::AccessManager, Some(ids[1])),
            (LOGINS[3].email, "Nicolas Henrard", Role::EmployerUser, Some(ids[1])),
            (LOGINS[4].email, "Sarah Mertens (NSSO)", Role::Agent, None),
            (LOGINS[5].email, "Admin", Role::Admin, None),
        ];
        for (email, name, role, enterprise_id) in users {
            let u = NewUser {
                email: email.into(),
                name: name.into(),
                password_hash: hash.clone(),
                role,
                enterprise_id,
                must_change_password: false,
            };
            let audit = AuditEntry {
                at: now,
                user_id: None,
                enterprise_id,
                entity: "user".into(),
                entity_id: email.into(),
                action: "created".into(),
                detail: r#"{"by":"demo"}"#.into(),
                origin: crate::ctx::Origin::default(),
            };
            self.store.create_user(&u, &audit).await?;
        }
        let mut rows = Vec::new();
        for (i, p) in PEOPLE.iter().enumerate() {
            let (family, given, birth, male, nationality, street, number, postal, city, country) = *p;
            let seq = 2 * (i as u16 + 11) + u16::from(male) + 100;
            let worker = WorkerRecord {
                ssin: ssin_for(birth, seq),
                family_name: family.into(),
                given_name: given.into(),
                nationality: Country::parse(nationality).unwrap_or(Country::BE),
                birth_date: Some(birth),
                street: street.into(),
                number: number.into(),
                postal_code: postal.into(),
                city: city.into(),
                country: Country::parse(country).unwrap_or(Country::BE),
            };
            let enterprise_id = if i < 18 { ids[0] } else { ids[1] };
            for period in dimona_for(i) {
                rows.push(DimonaRow { enterprise_id, worker: worker.clone(), period });
            }
        }
        self.store.import_dimona(&rows, None).await?;
        Ok(true)
    }
}
