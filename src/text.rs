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
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Decodes the bytes of a source file: rejects invalid UTF-8 (returning the
/// byte offset of the first bad sequence), drops a UTF-8 byte-order mark,
/// turns CRLF and lone CR into LF and normalises to NFC.
pub(crate) fn decode_source(bytes: &[u8]) -> Result<String, usize> {
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
pub(crate) fn decode_owned(bytes: Vec<u8>) -> Result<(String, Option<usize>), (usize, Vec<u8>)> {
    // The standard library's check is fast on ASCII only, and Vietnamese
    // has a non-ASCII letter every few bytes: checking the sources that way
    // took a tenth of a clean build. simdutf8 checks at memory speed; the
    // standard check runs only to find the offset of a bad byte.
    let mut text = if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: `bytes` was just checked to be valid UTF-8.
        unsafe { String::from_utf8_unchecked(bytes) }
    } else {
        String::from_utf8(bytes).map_err(|e| (e.utf8_error().valid_up_to(), e.into_bytes()))?
    };
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

/// Whether `text` is NFC by the Unicode quick check, looking only at the
/// characters that can matter.
///
/// Characters below U+0300 (ASCII, Latin-1, Latin Extended-A/B: `ă đ ơ ư`)
/// and the Latin Extended Additional block U+1E00–U+1EFF (`ạ ả ấ … ỹ`) are
/// NFC on their own and have combining class 0, so they neither change a
/// text's normalisation nor reorder with their neighbours: the quick check
/// only needs the runs of other characters, each on its own. Vietnamese text
/// is almost entirely made of these, and the full check costs a table
/// lookup per character (it was a tenth of a clean build).
fn quick_is_nfc(text: &str) -> IsNormalized {
    let bytes = text.as_bytes();
    let stable = |c: char| (c as u32) < 0x300 || (0x1E00..=0x1EFF).contains(&(c as u32));
    let mut result = IsNormalized::Yes;
    let mut from = 0;
    while let Some(start) = next_unstable(bytes, from) {
        // `start` is a lead byte, so a character boundary.
        let run: usize = text[start..]
            .chars()
            .take_while(|c| !stable(*c))
            .map(char::len_utf8)
            .sum();
        let end = start + run.max(1);
        match is_nfc_quick(text[start..end].chars()) {
            IsNormalized::No => return IsNormalized::No,
            IsNormalized::Maybe => result = IsNormalized::Maybe,
            IsNormalized::Yes => {}
        }
        from = end;
    }
    result
}

/// The offset, from `from`, of the first lead byte of a character outside
/// U+0000–U+02FF and U+1E00–U+1EFF (see [`quick_is_nfc`]). Continuation
/// bytes (80–BF) and the lead bytes of U+0080–U+02FF (C2–CB) never match,
/// so only lead bytes are found; written over fixed blocks so that the
/// compiler can test a block's bytes at once.
fn next_unstable(bytes: &[u8], from: usize) -> Option<usize> {
    // U+1E00–U+1EFF is E1 B8 80 ..= E1 BB BF.
    let unstable =
        |b: u8, next: u8| (b >= 0xCC && b != 0xE1) || (b == 0xE1 && !(0xB8..=0xBB).contains(&next));
    const BLOCK: usize = 32;
    let mut i = from;
    while i + BLOCK < bytes.len() {
        let block = &bytes[i..=i + BLOCK];
        let mut any = false;
        for j in 0..BLOCK {
            any |= unstable(block[j], block[j + 1]);
        }
        if any {
            break;
        }
        i += BLOCK;
    }
    (i..bytes.len()).find(|&j| unstable(bytes[j], bytes.get(j + 1).copied().unwrap_or(0)))
}

/// Normalises to NFC, without copying when the text already is.
pub(crate) fn nfc(text: String) -> String {
    if quick_is_nfc(&text) == IsNormalized::Yes {
        text
    } else {
        text.nfc().collect()
    }
}

/// Byte offset of the first character that NFC normalisation changes (the
/// base letter of a decomposed `e` + `◌́`), or `None` when the text is NFC.
pub(crate) fn first_non_nfc(text: &str) -> Option<usize> {
    if quick_is_nfc(text) == IsNormalized::Yes {
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
pub(crate) fn slugify(text: &str) -> String {
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

/// Vietnamese text without its marks, lowercase, for comparing what
/// people type in different ways: `Sở Y tế`, `so y te` and a decomposed
/// (NFD) `Sở Y tế` all fold to `so y te`. Runs of white space (non-breaking
/// ones too) become one space. `đ` folds to `d` explicitly: it is a letter
/// of its own, which Unicode does not decompose.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfd() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
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
pub(crate) fn vi_compare(a: &str, b: &str) -> Ordering {
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
    fn folding_forgets_marks_case_and_spacing_but_not_letters() {
        assert_eq!(fold("Sở Y tế  Hải\u{a0}Phòng "), "so y te hai phong");
        assert_eq!(
            fold(&"Đoàn Thanh niên".nfd().collect::<String>()),
            "doan thanh nien"
        );
        assert_eq!(fold("ĐÀO TẠO"), "dao tao");
        assert_ne!(fold("Sở Y tế"), fold("Sở Y tế xã"));
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
    fn the_characters_the_quick_check_skips_are_stable() {
        use unicode_normalization::char::canonical_combining_class;
        let skipped = (0..0x300u32)
            .chain(0x1E00..=0x1EFF)
            .filter_map(char::from_u32);
        for c in skipped {
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
            assert_eq!(
                is_nfc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn the_quick_check_agrees_with_the_full_one() {
        let nfd: String = "Ngày Công tác xã hội Việt Nam".nfd().collect();
        let samples = [
            "Ngày Công tác xã hội Việt Nam, lần thứ 8 – 25/3/2024 “Tiên phong”".to_owned(),
            nfd.clone(),
            format!("{}{nfd}", "a".repeat(13)),
            // A combining mark after a stable letter, marks out of order,
            // a composition exclusion, Hangul, emoji.
            "e\u{301}".to_owned(),
            "a\u{323}\u{302}".to_owned(),
            "a\u{302}\u{323}".to_owned(),
            "\u{0958} \u{1100}\u{1161} 🙂 Ω Å".to_owned(),
        ];
        for text in samples {
            assert_eq!(
                quick_is_nfc(&text) == IsNormalized::Yes,
                is_nfc_quick(text.chars()) == IsNormalized::Yes,
                "{text:?}"
            );
            assert_eq!(
                first_non_nfc(&text).is_none(),
                unicode_normalization::is_nfc(&text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn vietnamese_order_is_not_byte_order() {
        let mut words = vec!["ư", "đ", "b", "â", "ă", "a", "e", "d", "u"];
        words.sort_by(|a, b| vi_compare(a, b));
        assert_eq!(words, ["a", "ă", "â", "b", "d", "đ", "e", "u", "ư"]);
    }
}
