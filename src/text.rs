//! Text hygiene shared by every stage: decoding source files, Unicode
//! normalisation, slugs and Vietnamese collation.
//!
//! Content arrives from word processors, web portals and phones. The same
//! word can be precomposed (NFC) or decomposed (NFD), files can carry a
//! byte-order mark or Windows line endings. Everything is normalised here,
//! once, on load, so later stages compare and slug plain NFC strings.

use std::cmp::Ordering;
use std::sync::OnceLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::is_nfc_quick;

/// Decodes the bytes of a source file: rejects invalid UTF-8 (returning the
/// byte offset of the first bad sequence), drops a UTF-8 byte-order mark,
/// turns CRLF and lone CR into LF and normalises to NFC.
pub fn decode_source(bytes: &[u8]) -> Result<String, usize> {
    decode_owned(bytes.to_vec())
        .map(|(text, _)| text)
        .map_err(|(offset, _)| offset)
}

/// [`decode_source`] for bytes already owned: no copy when the text is
/// already clean (no BOM, no CR, NFC), as almost all content is. On
/// invalid UTF-8, gives back the offset of the first bad byte and the bytes.
/// Also gives the offset of the first character normalisation changed,
/// when the text was not NFC (the same offset in the text returned, since
/// everything before it is unchanged).
pub fn decode_owned(bytes: Vec<u8>) -> Result<(String, Option<usize>), (usize, Vec<u8>)> {
    let mut text =
        String::from_utf8(bytes).map_err(|e| (e.utf8_error().valid_up_to(), e.into_bytes()))?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    // One quick check on the usual path; the slow search only for text that needs it.
    match first_non_nfc(&text) {
        None => Ok((text, None)),
        Some(offset) => Ok((text.nfc().collect(), Some(offset))),
    }
}

/// Normalises to NFC, without copying when the text already is.
pub fn nfc(text: String) -> String {
    if is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes {
        text
    } else {
        text.nfc().collect()
    }
}

/// Byte offset of the first character that NFC normalisation changes (the
/// base letter of a decomposed `e` + `◌́`), or `None` when the text is NFC.
pub fn first_non_nfc(text: &str) -> Option<usize> {
    if is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes {
        return None;
    }
    let mut normalised = text.nfc();
    for (offset, c) in text.char_indices() {
        if normalised.next() != Some(c) {
            return Some(offset);
        }
    }
    None
}

/// Turns Vietnamese (or any) text into an ASCII URL segment:
/// `Đoàn Thanh niên` → `doan-thanh-nien`.
///
/// `đ`/`Đ` are folded explicitly because they are letters of their own, not
/// a `d` with a combining mark, and must never be dropped.
pub fn slugify(text: &str) -> String {
    let folded: String = text
        .nfc()
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect();
    slug::slugify(folded)
}

fn collator() -> &'static CollatorBorrowed<'static> {
    static COLLATOR: OnceLock<CollatorBorrowed<'static>> = OnceLock::new();
    COLLATOR.get_or_init(|| {
        let locale = icu_locale_core::locale!("vi");
        Collator::try_new(locale.into(), CollatorOptions::default())
            .expect("the Vietnamese collation data is compiled into icu_collator")
    })
}

/// Compares two strings in Vietnamese dictionary order (ICU `vi`):
/// a < ă < â < b … d < đ … o < ô < ơ … u < ư.
pub fn vi_compare(a: &str, b: &str) -> Ordering {
    collator().compare(a, b)
}

/// Decodes `%xx` escapes of a URL path; text that would not be UTF-8
/// after decoding is returned as it was.
pub fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let hex = |b: u8| (b as char).to_digit(16);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_vietnamese() {
        assert_eq!(slugify("Đoàn Thanh niên"), "doan-thanh-nien");
        assert_eq!(slugify("Tin tức mới"), "tin-tuc-moi");
        // NFD input gives the same slug as NFC input.
        let nfd: String = "Tin tức mới".nfd().collect();
        assert_eq!(slugify(&nfd), "tin-tuc-moi");
        assert_eq!(
            slugify("Công tác xã hội Việt Nam – Tiên phong"),
            "cong-tac-xa-hoi-viet-nam-tien-phong"
        );
    }

    #[test]
    fn decode_strips_bom_and_crlf_and_normalises() {
        let nfd: String = "Hải Phòng".nfd().collect();
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(format!("a\r\n{nfd}\r\n").as_bytes());
        assert_eq!(decode_source(&bytes).unwrap(), "a\nHải Phòng\n");
        assert_eq!(decode_source(b"ab\xffcd"), Err(2));
    }

    #[test]
    fn first_non_nfc_points_at_the_base_letter() {
        let nfd: String = "Hải Phòng".nfd().collect();
        let text = format!("ab\n{nfd}");
        assert_eq!(first_non_nfc(&text), Some(4)); // the `a` of `Hải`
        assert_eq!(first_non_nfc("Hải Phòng"), None);
    }

    #[test]
    fn vietnamese_order_is_not_byte_order() {
        let mut words = vec!["ư", "đ", "b", "â", "ă", "a", "e", "d", "u"];
        words.sort_by(|a, b| vi_compare(a, b));
        assert_eq!(words, ["a", "ă", "â", "b", "d", "đ", "e", "u", "ư"]);
    }
}
