//! Base64 and `data:` URLs: how the preview and the email carry an image
//! inside the document itself.

use base64::Engine as _;

/// Standard base64 (with padding), as `data:` URLs and MIME parts use it.
pub fn base64(data: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(data)
}

/// Decode standard base64 (as the UI sends a pasted image).
pub fn decode_base64(text: &str) -> Result<Vec<u8>, base64::DecodeError> {
    base64::engine::general_purpose::STANDARD.decode(text.as_bytes())
}

/// `bytes` of type `mime` as a `data:` URL.
pub fn data_url(mime: &str, bytes: &[u8]) -> String {
    format!("data:{mime};base64,{}", base64(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_urls_round_trip() {
        assert_eq!(data_url("image/png", b"abc"), "data:image/png;base64,YWJj");
        assert_eq!(decode_base64("YWJj").ok(), Some(b"abc".to_vec()));
        assert!(decode_base64("not base64!").is_err());
    }
}
