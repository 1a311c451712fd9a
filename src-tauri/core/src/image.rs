//! Images a circular carries (emblem, signature, stamp): PNG or JPEG, known
//! by their first bytes, and shown in the webview as data URLs.

use base64::Engine;

use crate::error::{Error, Result};
use crate::ErrorCode;

/// The MIME type of an image, refusing anything but PNG and JPEG.
pub fn kind(bytes: &[u8]) -> Result<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok("image/jpeg")
    } else {
        Err(Error::invalid(
            ErrorCode::LambangFormat,
            "emblem",
            "Lambang harus berupa gambar PNG atau JPEG.",
        ))
    }
}

/// `data:image/png;base64,…`: the image as the webview shows it.
pub fn data_url(bytes: &[u8]) -> Result<String> {
    Ok(format!(
        "data:{};base64,{}",
        kind(bytes)?,
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}
