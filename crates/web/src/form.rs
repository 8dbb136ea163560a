//! Forms whose field names are the paths of the request input (`employee.ssin`,
//! `places[0].name`): one generic way to read a step's answers into the draft and to show
//! them again, without a form struct per step.

use serde_json::{Map, Value};
use wabro_domain::input::RequestInput;

/// How a field's text becomes a JSON value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Text; empty becomes absent.
    Text,
    /// `yes` / `no` radio buttons; anything else becomes absent.
    YesNo,
    /// A checkbox: present means true.
    Check,
}

/// A field a step accepts.
pub type Field = (&'static str, Kind);

/// A request input as a JSON tree, read and written by path.
pub struct Values(Value);

impl Values {
    /// The tree of an input.
    pub fn of(input: &RequestInput) -> Values {
        Values::from_serialize(input)
    }

    /// The tree of any serialisable value (e.g. search criteria).
    pub fn from_serialize(v: &impl serde::Serialize) -> Values {
        Values(serde_json::to_value(v).unwrap_or(Value::Null))
    }

    /// The text at `path` ("" when absent).
    pub fn s(&self, path: impl AsRef<str>) -> String {
        match get(&self.0, path.as_ref()) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    }

    /// The yes/no at `path`.
    pub fn b(&self, path: impl AsRef<str>) -> Option<bool> {
        get(&self.0, path.as_ref()).and_then(Value::as_bool)
    }

    /// Whether `path` holds an object (e.g. a temporary address was given).
    pub fn present(&self, path: &str) -> bool {
        matches!(get(&self.0, path), Some(Value::Object(_)))
    }

    /// Writes the form's values of `fields` (named and stored under `prefix`, e.g. `places[2].`)
    /// into the tree.
    pub fn apply(&mut self, form: &[(String, String)], fields: &[Field], prefix: &str) {
        for (name, kind) in fields {
            let key = format!("{prefix}{name}");
            let raw = form.iter().rev().find(|(k, _)| *k == key).map(|(_, v)| v.trim());
            let value = match (kind, raw) {
                (Kind::Text, Some(v)) if !v.is_empty() => Value::String(v.to_owned()),
                (Kind::YesNo, Some("yes")) | (Kind::Check, Some(_)) => Value::Bool(true),
                (Kind::YesNo, Some("no")) | (Kind::Check, None) => Value::Bool(false),
                _ => Value::Null,
            };
            set(&mut self.0, &key, value);
        }
    }

    /// Sets one value.
    pub fn set(&mut self, path: &str, value: Value) {
        set(&mut self.0, path, value);
    }

    /// The tree as a request input again.
    pub fn into_input(self) -> Result<RequestInput, serde_json::Error> {
        serde_json::from_value(self.0)
    }
}

/// Splits `places[2].name` into `places`, `2`, `name`.
fn segments(path: &str) -> Vec<String> {
    path.replace('[', ".").replace(']', "").split('.').filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

fn get<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    let mut cur = v;
    for seg in segments(path) {
        cur = match seg.parse::<usize>() {
            Ok(i) => cur.get(i)?,
            Err(_) => cur.get(seg.as_str())?,
        };
    }
    Some(cur)
}

fn set(v: &mut Value, path: &str, value: Value) {
    let segs = segments(path);
    let mut cur = v;
    for (i, seg) in segs.iter().enumerate() {
        let last = i + 1 == segs.len();
        if let Ok(idx) = seg.parse::<usize>() {
            if !cur.is_array() {
                *cur = Value::Array(Vec::new());
            }
            let arr = cur.as_array_mut().expect("made an array");
            while arr.len() <= idx {
                arr.push(Value::Object(Map::new()));
            }
            cur = &mut arr[idx];
        } else {
            if !cur.is_object() {
                *cur = Value::Object(Map::new());
            }
            let obj = cur.as_object_mut().expect("made an object");
            cur = obj.entry(seg.clone()).or_insert(Value::Null);
        }
        if last {
            *cur = value;
            return;
        }
    }
}

/// The HTML id of the input for `path`.
pub fn fid(path: &str) -> String {
    path.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_and_write() {
        let mut v = Values::of(&RequestInput::default());
        let form = vec![
            ("employee.temporary_address.city".to_owned(), " Paris ".to_owned()),
            ("private_sector".to_owned(), "no".to_owned()),
            ("places[1].name".to_owned(), "Site".to_owned()),
        ];
        v.apply(
            &form,
            &[("employee.temporary_address.city", Kind::Text), ("private_sector", Kind::YesNo)],
            "",
        );
        v.apply(&form, &[("name", Kind::Text)], "places[1].");
        assert_eq!(v.s("employee.temporary_address.city"), "Paris");
        assert_eq!(v.b("private_sector"), Some(false));
        let input = v.into_input().unwrap();
        assert_eq!(input.places.len(), 2);
        assert_eq!(input.places[1].name.as_deref(), Some("Site"));
        assert_eq!(fid("places[1].name"), "places-1--name");
    }
}
