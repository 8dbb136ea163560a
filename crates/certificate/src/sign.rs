//! The signed payload of a certificate: a compact canonical encoding (fields joined by `|`),
//! Ed25519, and a key id so that rotated keys keep older documents verifiable.
//! Token: `base64url(payload).base64url(signature).key_id`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};

/// What the QR code proves, without any personal data beyond a birth year: the page it leads
/// to shows the rest from the register of issued documents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payload {
    /// Document number.
    pub n: String,
    /// Document kind code.
    pub k: String,
    /// State whose legislation applies.
    pub s: String,
    /// First day (ISO).
    pub from: String,
    /// Last day (ISO).
    pub to: String,
    /// Holder's birth year.
    pub y: i32,
}

impl Payload {
    /// The canonical encoding: the fields in order, joined by `|` (none may contain one).
    pub fn canonical(&self) -> String {
        [self.n.as_str(), &self.k, &self.s, &self.from, &self.to, &self.y.to_string()]
            .map(|f| f.replace('|', "/"))
            .join("|")
    }

    fn parse(text: &str) -> Option<Payload> {
        let f: Vec<&str> = text.split('|').collect();
        let [n, k, s, from, to, y] = f.as_slice() else { return None };
        Some(Payload {
            n: (*n).into(),
            k: (*k).into(),
            s: (*s).into(),
            from: (*from).into(),
            to: (*to).into(),
            y: y.parse().ok()?,
        })
    }
}

/// Signing failed.
#[derive(Debug, thiserror::Error)]
pub enum SignError {
    /// The key file is unreadable.
    #[error("key file: {0}")]
    KeyFile(String),
}

/// Why a token is not authentic.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    /// Not a token of ours.
    #[error("malformed")]
    Malformed,
    /// Signed by a key we do not know.
    #[error("unknown key")]
    UnknownKey,
    /// The signature does not match.
    #[error("not authentic")]
    NotAuthentic,
}

/// The signing keys: the last one signs, every one verifies.
#[derive(Clone)]
pub struct Keyring {
    keys: Vec<(String, SigningKey)>,
}

impl Keyring {
    /// A keyring from its text form: one `key_id hex-secret` per line.
    pub fn parse(text: &str) -> Result<Keyring, SignError> {
        let mut keys = Vec::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (id, hex) =
                line.split_once(' ').ok_or_else(|| SignError::KeyFile("line without a key".into()))?;
            let bytes: Vec<u8> = (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("zz"), 16))
                .collect::<Result<_, _>>()
                .map_err(|_| SignError::KeyFile("bad hex".into()))?;
            let secret: [u8; 32] =
                bytes.try_into().map_err(|_| SignError::KeyFile("a key has 32 bytes".into()))?;
            keys.push((id.to_owned(), SigningKey::from_bytes(&secret)));
        }
        if keys.is_empty() {
            return Err(SignError::KeyFile("no key".into()));
        }
        Ok(Keyring { keys })
    }

    /// The text form.
    pub fn to_text(&self) -> String {
        let mut out =
            String::from("# Wabro certificate signing keys: the last one signs, all verify. Keep secret.\n");
        for (id, k) in &self.keys {
            let hex: String = k.to_bytes().iter().map(|b| format!("{b:02x}")).collect();
            out.push_str(&format!("{id} {hex}\n"));
        }
        out
    }

    /// A keyring with one key made from 32 random bytes.
    pub fn generate(secret: [u8; 32], id: &str) -> Keyring {
        Keyring { keys: vec![(id.to_owned(), SigningKey::from_bytes(&secret))] }
    }

    /// Adds a new signing key (older keys keep verifying).
    pub fn rotate(&mut self, secret: [u8; 32], id: &str) {
        self.keys.push((id.to_owned(), SigningKey::from_bytes(&secret)));
    }

    /// The key ids, oldest first.
    pub fn key_ids(&self) -> Vec<String> {
        self.keys.iter().map(|(id, _)| id.clone()).collect()
    }

    /// The public keys, by id.
    pub fn public_keys(&self) -> Vec<(String, VerifyingKey)> {
        self.keys.iter().map(|(id, k)| (id.clone(), k.verifying_key())).collect()
    }

    /// Signs a payload; returns the token.
    pub fn sign(&self, payload: &Payload) -> String {
        let (id, key) = self.keys.last().expect("a keyring has at least one key");
        let bytes = payload.canonical().into_bytes();
        let sig = key.sign(&bytes);
        format!("{}.{}.{id}", B64.encode(&bytes), B64.encode(sig.to_bytes()))
    }
}

/// Checks a token against the public keys; returns its payload when authentic.
pub fn verify_token(token: &str, keys: &[(String, VerifyingKey)]) -> Result<Payload, VerifyError> {
    let mut parts = token.trim().split('.');
    let (Some(p), Some(s), Some(id), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err(VerifyError::Malformed);
    };
    let json = B64.decode(p).map_err(|_| VerifyError::Malformed)?;
    let sig_bytes: [u8; 64] =
        B64.decode(s).map_err(|_| VerifyError::Malformed)?.try_into().map_err(|_| VerifyError::Malformed)?;
    let key = keys.iter().find(|(k, _)| k == id).map(|(_, k)| k).ok_or(VerifyError::UnknownKey)?;
    key.verify(&json, &Signature::from_bytes(&sig_bytes)).map_err(|_| VerifyError::NotAuthentic)?;
    std::str::from_utf8(&json).ok().and_then(Payload::parse).ok_or(VerifyError::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload() -> Payload {
        Payload {
            n: "BE-A1-2026-0000001".into(),
            k: "a1".into(),
            s: "BE".into(),
            from: "2027-01-04".into(),
            to: "2027-06-30".into(),
            y: 1971,
        }
    }

    #[test]
    fn sign_and_verify_round_trip() {
        let ring = Keyring::generate([7; 32], "k1");
        let token = ring.sign(&payload());
        assert_eq!(verify_token(&token, &ring.public_keys()), Ok(payload()));
        let again = Keyring::parse(&ring.to_text()).unwrap();
        assert_eq!(again.sign(&payload()), token, "deterministic, and the key file round-trips");
    }

    #[test]
    fn any_changed_byte_is_not_authentic() {
        let ring = Keyring::generate([7; 32], "k1");
        let token = ring.sign(&payload());
        for i in 0..token.len() {
            let mut bytes = token.clone().into_bytes();
            bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
            let tampered = String::from_utf8(bytes).unwrap();
            if tampered == token {
                continue;
            }
            assert!(
                verify_token(&tampered, &ring.public_keys()).is_err(),
                "byte {i} changed and still verifies"
            );
        }
    }

    #[test]
    fn unknown_keys_are_refused_and_rotation_keeps_old_tokens_valid() {
        let ring = Keyring::generate([7; 32], "k1");
        let old = ring.sign(&payload());
        let stranger = Keyring::generate([9; 32], "k1");
        assert_eq!(
            verify_token(&stranger.sign(&payload()), &ring.public_keys()),
            Err(VerifyError::NotAuthentic)
        );
        let other_id = Keyring::generate([9; 32], "k9");
        assert_eq!(
            verify_token(&other_id.sign(&payload()), &ring.public_keys()),
            Err(VerifyError::UnknownKey)
        );
        let mut rotated = ring.clone();
        rotated.rotate([8; 32], "k2");
        assert!(rotated.sign(&payload()).ends_with(".k2"));
        assert_eq!(verify_token(&old, &rotated.public_keys()), Ok(payload()));
    }
}
