//! Whole numbers as Vietnamese staff write and read them: counts of people
//! and sums of money in đồng.
//!
//! Read: `1234567`, `1.234.567` (dots group thousands), `1 234 567`,
//! `1.234.567 đồng` (also `đ`, `VNĐ`, `₫`), `1,5 triệu đồng`, `12 triệu`,
//! `2 tỷ`, `500 nghìn`: a comma is the decimal mark, and only a multiplier
//! word can make a decimal whole. Refused with a reason: `1,234` (one
//! thousand two hundred and thirty-four to an English reader, one point two
//! three four to a Vietnamese one), `1.5` (an English decimal point),
//! negatives, fractions of a đồng or of a person.
//!
//! Shown: `1.234.567`, `1.234.567 đồng`, and in headlines `1,2 tỷ đồng`.
//! Sums are `u64`: exact, with no floating point.

/// The largest figure accepted (a million billion đồng): anything above is
/// a typing mistake, and sums of a few thousand such figures stay far from
/// overflowing.
pub(crate) const MAX_FIGURE: u64 = 1_000_000_000_000_000;

/// Why a text is not a whole number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NumberError {
    /// `1,234`: thousands to one reader, a decimal to another.
    Ambiguous,
    /// `1.5` or `1,234.56`: an English decimal point.
    EnglishDecimal,
    /// `1,5` without a multiplier, or `1,0000005 triệu`.
    NotWhole,
    Negative,
    TooLarge,
    /// Not a number at all.
    NotANumber,
}

/// The multiplier words, folded (no diacritics), with their value.
const MULTIPLIERS: [(&str, u64); 8] = [
    ("ty", 1_000_000_000),
    ("ti", 1_000_000_000),
    ("trieu", 1_000_000),
    ("tr", 1_000_000),
    ("nghin", 1_000),
    ("ngan", 1_000),
    ("k", 1_000),
    ("", 1),
];

/// The currency words, folded.
const CURRENCY: [&str; 5] = ["dong", "vnd", "vn", "d", "₫"];

/// Reads a whole number. `Ok(None)` for an empty text (an empty cell).
pub(crate) fn parse(text: &str) -> Result<Option<u64>, NumberError> {
    let folded = crate::text::fold(text);
    let mut rest = folded.trim();
    if rest.is_empty() {
        return Ok(None);
    }
    if let Some(r) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('−')) {
        return match parse(r) {
            Ok(Some(0)) => Ok(Some(0)),
            Ok(_) | Err(NumberError::Negative) => Err(NumberError::Negative),
            Err(e) => Err(e),
        };
    }
    if let Some(r) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        // Accountants write negative amounts in parentheses.
        return match parse(r) {
            Ok(Some(0)) => Ok(Some(0)),
            Ok(_) => Err(NumberError::Negative),
            Err(e) => Err(e),
        };
    }
    for word in CURRENCY {
        if let Some(r) = rest.strip_suffix(word)
            && r.chars().last().is_none_or(|c| !c.is_ascii_alphabetic())
        {
            rest = r.trim_end();
            break;
        }
    }
    let (number, multiplier) = MULTIPLIERS
        .iter()
        .find_map(|(word, value)| {
            let r = rest.strip_suffix(word)?;
            let ok = word.is_empty() || r.chars().last().is_none_or(|c| !c.is_ascii_alphabetic());
            ok.then(|| (r.trim_end(), *value))
        })
        .unwrap_or((rest, 1));
    if number.is_empty() {
        return Err(NumberError::NotANumber);
    }
    let value = if multiplier == 1 {
        plain(number)?
    } else {
        scaled(number, multiplier)?
    };
    if value > MAX_FIGURE {
        return Err(NumberError::TooLarge);
    }
    Ok(Some(value))
}

/// A figure Excel stored as a number.
pub(crate) fn from_float(value: f64) -> Result<u64, NumberError> {
    if value.is_nan() || value.is_infinite() {
        return Err(NumberError::NotANumber);
    }
    if value < 0.0 {
        return Err(NumberError::Negative);
    }
    if value.fract() != 0.0 {
        return Err(NumberError::NotWhole);
    }
    if value > MAX_FIGURE as f64 {
        return Err(NumberError::TooLarge);
    }
    Ok(value as u64)
}

/// A figure Excel stored as a whole number.
pub(crate) fn from_int(value: i64) -> Result<u64, NumberError> {
    let v = u64::try_from(value).map_err(|_| NumberError::Negative)?;
    if v > MAX_FIGURE {
        return Err(NumberError::TooLarge);
    }
    Ok(v)
}

/// A number without a multiplier: digits, grouped by dots or spaces in
/// threes.
fn plain(text: &str) -> Result<u64, NumberError> {
    if text.contains(',') {
        return Err(comma_kind(text));
    }
    let groups: Vec<&str> = text.split(['.', ' ']).collect();
    if !groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit())) {
        return Err(NumberError::NotANumber);
    }
    let grouped = groups.len() > 1;
    if grouped
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        // `1.5`, `12.50`: an English decimal point (or a mistyped group).
        return Err(if text.contains('.') {
            NumberError::EnglishDecimal
        } else {
            NumberError::NotANumber
        });
    }
    digits(&groups.concat())
}

/// Why a number with a comma and no multiplier is refused.
fn comma_kind(text: &str) -> NumberError {
    if text.contains('.') {
        // `1.234,5` is a Vietnamese decimal; `1,234.5` an English one.
        return if text.find('.') < text.find(',') {
            NumberError::NotWhole
        } else {
            NumberError::EnglishDecimal
        };
    }
    let parts: Vec<&str> = text.split(',').collect();
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if !all_digits {
        return NumberError::NotANumber;
    }
    let thousands_like = parts[0].len() <= 3 && parts[1..].iter().all(|p| p.len() == 3);
    if thousands_like {
        NumberError::Ambiguous
    } else {
        NumberError::NotWhole
    }
}

/// `1,5` × a million, exactly.
fn scaled(text: &str, multiplier: u64) -> Result<u64, NumberError> {
    if text.contains('.') && text.contains(',') && text.find(',') < text.find('.') {
        return Err(NumberError::EnglishDecimal);
    }
    let (whole, fraction) = match text.split_once(',') {
        Some((w, f)) => (w, f),
        None => (text, ""),
    };
    let whole = if whole.contains(['.', ' ']) {
        plain(whole)?
    } else {
        digits(whole)?
    };
    if !fraction.bytes().all(|b| b.is_ascii_digit()) || fraction.len() > 9 {
        return Err(NumberError::NotANumber);
    }
    let scale = 10u64.pow(fraction.len() as u32);
    let fraction_value = if fraction.is_empty() {
        0
    } else {
        digits(fraction)?
    };
    let part = fraction_value
        .checked_mul(multiplier)
        .ok_or(NumberError::TooLarge)?;
    if part % scale != 0 {
        return Err(NumberError::NotWhole);
    }
    whole
        .checked_mul(multiplier)
        .and_then(|w| w.checked_add(part / scale))
        .ok_or(NumberError::TooLarge)
}

fn digits(text: &str) -> Result<u64, NumberError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    text.parse().map_err(|_| NumberError::TooLarge)
}

/// `1.234.567`
pub(crate) fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `1.234.567 đồng`
pub(crate) fn money(n: u64) -> String {
    format!("{} đồng", grouped(n))
}

/// A sum of money for a headline: `1,2 tỷ đồng`, `350 triệu đồng`,
/// `12,5 triệu đồng`; under a million in full. Rounded half up to one
/// decimal, the decimal dropped when it is zero.
pub(crate) fn money_short(n: u64) -> String {
    let (unit, word) = match n {
        1_000_000_000.. => (1_000_000_000, "tỷ"),
        1_000_000.. => (1_000_000, "triệu"),
        _ => return money(n),
    };
    let tenths = (n * 10 + unit / 2) / unit;
    let (whole, tenth) = (tenths / 10, tenths % 10);
    if tenth == 0 {
        format!("{} {word} đồng", grouped(whole))
    } else {
        format!("{},{tenth} {word} đồng", grouped(whole))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_ways_of_writing_a_sum() {
        for (text, value) in [
            ("1234567", 1_234_567),
            ("1.234.567", 1_234_567),
            ("1 234 567", 1_234_567),
            ("1\u{a0}234\u{a0}567", 1_234_567),
            ("1.234.567 đồng", 1_234_567),
            ("1.234.567đ", 1_234_567),
            ("1.234.567 VNĐ", 1_234_567),
            ("1.234 ₫", 1_234),
            ("1,5 triệu đồng", 1_500_000),
            ("12 triệu", 12_000_000),
            ("12 TRIỆU ĐỒNG", 12_000_000),
            ("1,2 tỷ", 1_200_000_000),
            ("2 tỉ đồng", 2_000_000_000),
            ("500 nghìn", 500_000),
            ("1,25 triệu", 1_250_000),
            ("1.200 triệu", 1_200_000_000),
            ("0", 0),
            ("-0", 0),
            ("  42 ", 42),
        ] {
            assert_eq!(parse(text), Ok(Some(value)), "{text}");
        }
        assert_eq!(parse(""), Ok(None));
        assert_eq!(parse("   "), Ok(None));
    }

    #[test]
    fn what_two_readers_would_read_differently_is_refused() {
        for (text, why) in [
            ("1,234", NumberError::Ambiguous),
            ("1,234,567", NumberError::Ambiguous),
            ("1.5", NumberError::EnglishDecimal),
            ("1,234.56", NumberError::EnglishDecimal),
            ("1,5", NumberError::NotWhole),
            ("1.234,5", NumberError::NotWhole),
            ("1,0000005 triệu", NumberError::NotWhole),
            ("-5", NumberError::Negative),
            ("(1.000.000)", NumberError::Negative),
            ("năm trăm", NumberError::NotANumber),
            ("12a", NumberError::NotANumber),
            ("triệu", NumberError::NotANumber),
            ("1..234", NumberError::EnglishDecimal),
            ("9999999999 tỷ", NumberError::TooLarge),
            ("99999999999999999999", NumberError::TooLarge),
        ] {
            assert_eq!(parse(text), Err(why), "{text}");
        }
    }

    #[test]
    fn excel_numbers_must_be_whole_and_positive() {
        assert_eq!(from_float(12_000_000.0), Ok(12_000_000));
        assert_eq!(from_float(1.5), Err(NumberError::NotWhole));
        assert_eq!(from_float(-3.0), Err(NumberError::Negative));
        assert_eq!(from_float(f64::NAN), Err(NumberError::NotANumber));
        assert_eq!(from_float(1e300), Err(NumberError::TooLarge));
        assert_eq!(from_int(-1), Err(NumberError::Negative));
        assert_eq!(from_int(7), Ok(7));
    }

    #[test]
    fn sums_are_shown_the_vietnamese_way() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1.000");
        assert_eq!(grouped(1_234_567), "1.234.567");
        assert_eq!(money(1_234_567), "1.234.567 đồng");
        assert_eq!(money_short(1_234_567_890), "1,2 tỷ đồng");
        assert_eq!(money_short(1_250_000_000), "1,3 tỷ đồng");
        assert_eq!(money_short(2_000_000_000), "2 tỷ đồng");
        assert_eq!(money_short(350_000_000), "350 triệu đồng");
        assert_eq!(money_short(12_500_000), "12,5 triệu đồng");
        assert_eq!(money_short(999_999), "999.999 đồng");
        // 999,96 million rounds to 1.000 triệu, not to "1 tỷ" (the unit
        // follows the figure, not its rounding).
        assert_eq!(money_short(999_960_000), "1.000 triệu đồng");
    }

    #[test]
    fn what_is_shown_reads_back_as_the_same_number() {
        for n in [0, 7, 1000, 1_234_567, 987_654_321_012] {
            assert_eq!(parse(&grouped(n)), Ok(Some(n)));
            assert_eq!(parse(&money(n)), Ok(Some(n)));
        }
    }
}
