//! How text becomes search terms, the same way here and in the browser
//! (`themes/default/static/search.js` repeats these rules): words are runs
//! of letters and digits of the NFC text, lowercased; a word's *folded*
//! form also drops every diacritic and writes `đ` as `d`, so that
//! "dao tao", "Đào tạo" and "đào tạo" meet. `đ` has no Unicode
//! decomposition, which is why it is folded by hand.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The words of `text` (NFC), lowercased, in order. A word with no
/// capital is handed out as a slice of `text`; `buf` holds the others, so
/// a long text costs no allocation per word.
pub(crate) fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip to the next word.
        let start = i;
        let mut upper = false;
        loop {
            match bytes.get(i) {
                Some(b) if b.is_ascii() => {
                    if !b.is_ascii_alphanumeric() {
                        break;
                    }
                    upper |= b.is_ascii_uppercase();
                    i += 1;
                }
                Some(_) => {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    match latin_entry(c) {
                        Some(e) => upper |= e & UPPER != 0,
                        None if c.is_alphanumeric() => upper |= c.is_uppercase(),
                        None => break,
                    }
                    i += c.len_utf8();
                }
                None => break,
            }
        }
        if i == start {
            // Not a letter or digit: step over it.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let word = &text[start..i];
        if upper {
            buf.clear();
            buf.extend(word.chars().flat_map(char::to_lowercase));
            f(buf);
        } else {
            f(word);
        }
    }
}

/// A lowercased word without diacritics, `đ` as `d`: `hội` → `hoi`.
pub(crate) fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_owned();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match latin(c) {
            Some(b) => out.push(b),
            None if is_combining_mark(c) => {}
            None => out.extend(c.nfd().filter(|m| !is_combining_mark(*m))),
        }
    }
    out
}

/// The base letter of a Latin letter with diacritics (every Vietnamese
/// letter included); `None` outside the table or for a character that is
/// not such a letter.
fn latin(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    latin_entry(c).map(|e| char::from(e & !UPPER))
}

/// Marks a capital in the table.
const UPPER: u8 = 0x80;

/// The table's entry for a letter of Latin-1 Supplement to Latin Extended
/// Additional: its base letter (ASCII, lowercase), `UPPER` set for a
/// capital. Made once, by decomposition; Vietnamese text is mostly these
/// letters, so words are told and folded without Unicode's general tables.
fn latin_entry(c: char) -> Option<u8> {
    const FIRST: u32 = 0xC0;
    const LAST: u32 = 0x1EFF;
    static TABLE: OnceLock<Vec<u8>> = OnceLock::new();
    let code = c as u32;
    if !(FIRST..=LAST).contains(&code) {
        return None;
    }
    let table = TABLE.get_or_init(|| {
        (FIRST..=LAST)
            .map(|code| {
                let Some(c) = char::from_u32(code) else {
                    return 0;
                };
                let upper = if c.is_uppercase() { UPPER } else { 0 };
                if c == 'đ' || c == 'Đ' {
                    return b'd' | upper;
                }
                let mut base = c.nfd().filter(|m| !is_combining_mark(*m));
                match (base.next(), base.next()) {
                    (Some(b), None) if b.is_ascii_alphabetic() => {
                        b.to_ascii_lowercase() as u8 | upper
                    }
                    _ => 0,
                }
            })
            .collect()
    });
    match table[(code - FIRST) as usize] {
        0 => None,
        e => Some(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, &mut String::new(), |w| out.push(w.to_owned()));
        out
    }

    #[test]
    fn words_are_lowercase_runs_of_letters_and_digits() {
        assert_eq!(
            words("Công văn số 978/BLĐTBXH-BTXH, ngày 25/3!"),
            [
                "công", "văn", "số", "978", "blđtbxh", "btxh", "ngày", "25", "3"
            ]
        );
        assert_eq!(words("  "), Vec::<String>::new());
        assert_eq!(words("ĐÀO TẠO"), ["đào", "tạo"]);
    }

    #[test]
    fn folding_drops_diacritics_and_writes_d_for_dd() {
        assert_eq!(fold("đào"), "dao");
        assert_eq!(fold("tạo"), "tao");
        assert_eq!(fold("hội"), "hoi");
        assert_eq!(fold("hồi"), "hoi");
        assert_eq!(fold("slđtbxh"), "sldtbxh");
        assert_eq!(fold("người"), "nguoi");
        assert_eq!(fold("2024"), "2024");
        // Already decomposed (a phone keyboard's NFD): the marks go too.
        assert_eq!(fold("ho\u{302}\u{323}i"), "hoi");
        // Outside the Latin table: decomposed, marks dropped, kept otherwise.
        assert_eq!(fold("ελλάδα"), "ελλαδα");
    }

    #[test]
    fn every_vietnamese_letter_folds_to_an_ascii_letter() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        for c in letters.chars() {
            let f = fold(&c.to_string());
            assert!(f.len() == 1 && f.is_ascii(), "{c} folds to {f:?}");
            let upper: String = c.to_uppercase().collect();
            assert_eq!(fold(&words(&upper)[0]), f, "{upper}");
        }
    }
}
