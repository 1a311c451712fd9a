//! Private keys at rest: PKCS#8 DER sealed with ChaCha20-Poly1305 under a
//! key derived from the signatory's passphrase with Argon2id (default
//! parameters: 19 MiB, 2 passes). The passphrase itself is never kept.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use chrono::{DateTime, Utc};
use rand_core::{OsRng, RngCore};
use x509_cert::Certificate;

use super::cert::{failed, private_key};
use super::{invalid, Signer};
use crate::error::Result;
use crate::ErrorCode;

/// Refuses a passphrase shorter than 8 characters; `what` names what it
/// protects in the message (`kunci penanda tangan`, `berkas .p12`).
pub fn check_passphrase(passphrase: &str, what: &str) -> Result<()> {
    if passphrase.chars().count() < 8 {
        return Err(invalid(
            ErrorCode::KataSandiPendek,
            "passphrase",
            format!("Kata sandi {what} minimal 8 karakter."),
        ));
    }
    Ok(())
}

/// An encrypted private key, as stored in the `certificate` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedKey {
    /// Argon2id salt (16 bytes).
    pub salt: Vec<u8>,
    /// AEAD nonce (12 bytes).
    pub nonce: Vec<u8>,
    /// Encrypted PKCS#8 DER with its 16-byte tag.
    pub ciphertext: Vec<u8>,
}

/// Derives the 256-bit sealing key from `passphrase` and `salt`.
fn derive(passphrase: &str, salt: &[u8]) -> Result<Key> {
    let mut key = Key::default();
    argon2::Argon2::default()
        .hash_password_into(passphrase.as_bytes(), salt, &mut key)
        .map_err(|e| failed(e.to_string()))?;
    Ok(key)
}

impl SealedKey {
    /// Encrypts the signer's private key under `passphrase`; the signing
    /// certificate's fingerprint is bound in as associated data.
    pub fn seal(signer: &Signer, passphrase: &str) -> Result<SealedKey> {
        check_passphrase(passphrase, "kunci penanda tangan")?;
        let mut salt = vec![0u8; 16];
        let mut nonce = vec![0u8; 12];
        OsRng.fill_bytes(&mut salt);
        OsRng.fill_bytes(&mut nonce);
        let cipher = ChaCha20Poly1305::new(&derive(passphrase, &salt)?);
        let ciphertext = cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: &signer.key.pkcs8()?,
                    aad: signer.info().fingerprint.as_bytes(),
                },
            )
            .map_err(|e| failed(e.to_string()))?;
        Ok(SealedKey {
            salt,
            nonce,
            ciphertext,
        })
    }

    /// Decrypts the key with `passphrase` and pairs it with `chain` (leaf
    /// first), checking the certificate may sign at `now`.
    pub fn open(
        &self,
        passphrase: &str,
        chain: Vec<Certificate>,
        now: DateTime<Utc>,
    ) -> Result<Signer> {
        if self.nonce.len() != 12 {
            return Err(failed("nonce kunci tersimpan tidak 12 bita".into()));
        }
        let fingerprint = chain
            .first()
            .map(|c| super::info(c).fingerprint)
            .unwrap_or_default();
        let cipher = ChaCha20Poly1305::new(&derive(passphrase, &self.salt)?);
        let pkcs8 = cipher
            .decrypt(
                Nonce::from_slice(&self.nonce),
                Payload {
                    msg: &self.ciphertext,
                    aad: fingerprint.as_bytes(),
                },
            )
            .map_err(|_| {
                invalid(
                    ErrorCode::KataSandiSalah,
                    "passphrase",
                    "Kata sandi kunci penanda tangan salah.",
                )
            })?;
        Signer::new(private_key(&pkcs8)?, chain, now)
    }
}
