//! What the renderer keeps between documents: values found for recurring texts (labels,
//! headings, countries, dates, words), looked up by a number (a size, a width) and the text.
//!
//! Bounded: at most [`MAX_ENTRIES`] values, all dropped at once when full, and no text longer
//! than [`MAX_TEXT`] bytes (long free texts, such as a rejection reason, do not recur). What is
//! kept (names and addresses among it) stays in the rendering process's memory and is never
//! written anywhere.

use std::collections::HashMap;

/// Values kept at most.
const MAX_ENTRIES: usize = 8192;
/// The longest text kept, in bytes.
const MAX_TEXT: usize = 200;

/// Values kept by (number, text).
pub(crate) struct Kept<V> {
    values: HashMap<u64, HashMap<String, V>>,
    count: usize,
}

impl<V> Default for Kept<V> {
    fn default() -> Self {
        Kept { values: HashMap::new(), count: 0 }
    }
}

impl<V: Clone> Kept<V> {
    /// The value kept for (`key`, `text`).
    pub(crate) fn get(&self, key: u64, text: &str) -> Option<V> {
        self.values.get(&key)?.get(text).cloned()
    }

    /// Keeps `value` for (`key`, `text`), unless the text is too long to be worth it.
    pub(crate) fn insert(&mut self, key: u64, text: &str, value: V) {
        if text.len() > MAX_TEXT {
            return;
        }
        if self.count >= MAX_ENTRIES {
            *self = Kept::default();
        }
        if self.values.entry(key).or_default().insert(text.to_owned(), value).is_none() {
            self.count += 1;
        }
    }

    /// Forgets everything (for tests that need a cold start).
    #[cfg(test)]
    pub(crate) fn clear(&mut self) {
        *self = Kept::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_kept_by_number_and_text_within_bounds() {
        let mut kept = Kept::default();
        kept.insert(1, "Nom", 10);
        kept.insert(2, "Nom", 20);
        assert_eq!((kept.get(1, "Nom"), kept.get(2, "Nom"), kept.get(3, "Nom")), (Some(10), Some(20), None));
        let long = "x".repeat(MAX_TEXT + 1);
        kept.insert(1, &long, 30);
        assert_eq!(kept.get(1, &long), None, "long texts are not kept");
        for i in 0..MAX_ENTRIES {
            kept.insert(9, &i.to_string(), 0);
        }
        assert_eq!(kept.get(1, "Nom"), None, "all dropped once full");
        assert!(kept.count <= MAX_ENTRIES);
    }
}
