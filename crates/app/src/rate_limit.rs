//! A sliding window of events per key, in memory: the verifications of each client. (Failed
//! logins are counted in the database, so that every instance shares them.)

use std::collections::HashMap;
use std::sync::Mutex;
use time::{Duration, OffsetDateTime};

/// Counts failures per key in a window.
pub struct RateLimiter {
    max_failures: usize,
    window: Duration,
    failures: Mutex<HashMap<String, Vec<OffsetDateTime>>>,
}

impl RateLimiter {
    /// At most `max_failures` in `window`.
    pub fn new(max_failures: usize, window: Duration) -> Self {
        RateLimiter { max_failures, window, failures: Mutex::new(HashMap::new()) }
    }

    /// Seconds to wait before `key` may try again, if it is blocked now.
    pub fn blocked_for(&self, key: &str, now: OffsetDateTime) -> Option<u64> {
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let list = map.get_mut(key)?;
        list.retain(|t| now - *t < self.window);
        if list.len() >= self.max_failures {
            let oldest = list.iter().min().copied().unwrap_or(now);
            Some((oldest + self.window - now).whole_seconds().max(1) as u64)
        } else {
            None
        }
    }

    /// Records a failure.
    pub fn fail(&self, key: &str, now: OffsetDateTime) {
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() > 100_000 {
            let window = self.window;
            map.retain(|_, l| l.iter().any(|t| now - *t < window));
        }
        map.entry(key.to_owned()).or_default().push(now);
    }
}
