//! Bytes to text, decoded as browsers decode.
//!
//! A byte-order mark wins; then valid UTF-8 with some non-ASCII text (a
//! saved page is often re-encoded without its `<meta charset>` changing);
//! then, for HTML, the page's own `<meta charset>` (through the WHATWG label
//! table, so "iso-8859-1" reads as windows-1252, as browsers do); then
//! chardetng's guess. Files that look binary are refused before any of this.

use encoding_rs::{Encoding, UTF_8};

/// How much of a file is looked at to decide whether it is binary.
const SNIFF: usize = 8192;

/// True when the bytes look like a binary file: a NUL byte, or many control
/// characters, near the start (UTF-16 text with a BOM is not binary).
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some_and(|(e, _)| e != UTF_8) {
        return false;
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > head.len().max(1)
}

/// Decodes a text file. Returns the text and the encoding used.
pub fn decode_text(bytes: &[u8]) -> (String, &'static Encoding) {
    decode_with(bytes, None)
}

/// Decodes an HTML page, honouring its `<meta charset>`.
pub fn decode_html(bytes: &[u8]) -> (String, &'static Encoding) {
    decode_with(bytes, meta_charset(bytes))
}

fn decode_with(bytes: &[u8], declared: Option<&'static Encoding>) -> (String, &'static Encoding) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc);
    }
    // Bytes that are valid UTF-8 and use it (some non-ASCII character) are
    // UTF-8 whatever the page declares: a page saved by a tool or a browser
    // is often re-encoded as UTF-8 with its old `<meta charset>` left in,
    // and text in a legacy encoding is almost never valid UTF-8 by chance.
    // A page that declares UTF-8 but is not valid UTF-8 is decoded by guess,
    // as is a page that declares nothing.
    let enc = match std::str::from_utf8(bytes) {
        Ok(s) if !s.is_ascii() || declared.is_none_or(|e| e == UTF_8) => {
            return (s.to_string(), UTF_8);
        }
        _ => match declared {
            Some(enc) if enc != UTF_8 => enc,
            _ => guess(bytes),
        },
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc)
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    // Mostly-ASCII text with a few stray high bytes (a "£", curly quotes) is
    // Western: too little for a detector to go on, and windows-1252 is what
    // such files nearly always are.
    let high = bytes.iter().filter(|b| **b >= 0x80).count();
    if high * 20 < bytes.len() {
        return encoding_rs::WINDOWS_1252;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// The charset a page declares in its first kilobytes, if any.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && matches!(lower[i], b' ' | b'=' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len()
            && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_' | b':' | b'.'))
        {
            i += 1;
        }
        if i > start
            && let Some(enc) = Encoding::for_label(&lower[start..i])
        {
            // A page can only declare an ASCII-compatible encoding in
            // ASCII; a UTF-16 label here means UTF-8 (WHATWG rule).
            return Some(if enc.is_single_byte() || enc.output_encoding() == enc {
                enc
            } else {
                UTF_8
            });
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_label_reads_windows_1252_quotes() {
        let mut page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>".to_vec();
        page.extend_from_slice(&[0x93, b'H', b'i', 0x94]);
        let (text, enc) = decode_html(&page);
        assert_eq!(enc.name(), "windows-1252");
        assert!(text.contains("\u{201c}Hi\u{201d}"));
    }

    #[test]
    fn bom_wins() {
        let bytes = [0xEF, 0xBB, 0xBF, b'o', b'k'];
        assert_eq!(decode_text(&bytes).0, "ok");
    }

    #[test]
    fn latin1_text_is_guessed() {
        let bytes = b"Tickets cost \xa310 each, the club said.";
        let (text, _) = decode_text(bytes);
        assert!(text.contains("£10"));
    }

    #[test]
    fn gb2312_is_decoded() {
        let (bytes, _, _) = encoding_rs::GBK.encode("新闻报道");
        let page = [b"<meta charset=gb2312>".as_slice(), &bytes].concat();
        assert!(decode_html(&page).0.contains("新闻报道"));
    }

    #[test]
    fn a_page_saved_as_utf8_under_its_old_charset_reads_as_utf8() {
        let page = "<meta charset=gb2312><title>新闻报道</title>".as_bytes();
        let (text, enc) = decode_html(page);
        assert_eq!(enc, UTF_8);
        assert!(text.contains("新闻报道"));
        let page = "<meta charset=iso-8859-1><p>Caf\u{e9} \u{201c}ok\u{201d}</p>".as_bytes();
        assert!(decode_html(page).0.contains("Caf\u{e9} \u{201c}ok\u{201d}"));
    }

    #[test]
    fn binary_is_detected() {
        assert!(looks_binary(b"\x1f\x8b\x08\x00\x00\x00\x00"));
        assert!(!looks_binary("plain “text”\n".as_bytes()));
    }
}
