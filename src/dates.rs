//! Calendar dates as Vietnamese staff write and read them.
//!
//! Accepted: ISO `2024-03-25`, and the everyday `25/3/2024` or `25/03/2024`.
//! Shown: `25/3/2024`, or long `ngày 25 tháng 3 năm 2024`; templates also get
//! the ISO form for `<time datetime>`.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize};

/// A calendar day from content. Parsing happens during deserialisation so
/// a bad date is reported with the YAML position of the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub Date);

impl Day {
    pub(crate) fn new(year: i16, month: i8, day: i8) -> Option<Day> {
        Date::new(year, month, day).ok().map(Day)
    }

    pub(crate) fn year(self) -> i16 {
        self.0.year()
    }

    /// `25/3/2024`
    pub(crate) fn short(self) -> String {
        format!("{}/{}/{}", self.0.day(), self.0.month(), self.0.year())
    }

    /// `ngày 25 tháng 3 năm 2024`
    pub(crate) fn long(self) -> String {
        format!(
            "ngày {} tháng {} năm {}",
            self.0.day(),
            self.0.month(),
            self.0.year()
        )
    }

    /// `2024-03-25`
    pub(crate) fn iso(self) -> String {
        self.0.to_string()
    }

    /// The three forms templates use.
    pub(crate) fn view(self) -> DayView {
        DayView {
            iso: self.iso(),
            short: self.short(),
            long: self.long(),
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.short())
    }
}

/// A date as handed to templates.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DayView {
    pub iso: String,
    pub short: String,
    pub long: String,
}

/// Parses `2024-03-25`, `25/3/2024` or `25/03/2024` (surrounding spaces ignored).
pub fn parse_day(text: &str) -> Option<Day> {
    let text = text.trim();
    let numbers = |parts: Vec<&str>| -> Option<Vec<i32>> {
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        parts.iter().map(|p| p.parse().ok()).collect()
    };
    let (y, m, d) = if text.contains('/') {
        let n = numbers(text.split('/').collect())?;
        (n[2], n[1], n[0])
    } else {
        let parts: Vec<&str> = text.split('-').collect();
        if parts.first().map(|p| p.len()) != Some(4) {
            return None;
        }
        let n = numbers(parts)?;
        (n[0], n[1], n[2])
    };
    if !(1000..=9999).contains(&y) {
        return None;
    }
    Day::new(y as i16, i8::try_from(m).ok()?, i8::try_from(d).ok()?)
}

/// The loader's own reason for a value that is not a date. Never shown:
/// the YAML module explains a refused date with [`explain_bad_day`].
pub(crate) fn bad_day_message(text: &str) -> String {
    format!("`{text}` is not a date")
}

/// Why `text` (not accepted by [`parse_day`]) is not a date, and the date
/// it probably means in the form to write (`D/M/YYYY`), when there is one
/// that is not what was written.
pub(crate) fn explain_bad_day(text: &str) -> (crate::i18n::Message, Option<String>) {
    use crate::msg;
    let text = text.trim();
    let parts: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let numbers: Vec<i64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let well_formed = parse_day_parts(text);
    if let Some((y, m, d)) = well_formed {
        // The form is right; the day does not exist.
        if !(1..=12).contains(&m) {
            // 3/25/2024: month and day swapped.
            let swapped = exists(y, d, m);
            return (
                msg!("date-bad-month", date = text, month = m),
                swapped.then(|| format!("{m}/{d}/{y}")),
            );
        }
        let days = Date::new(y as i16, m as i8, 1).map_or(31, |first| first.days_in_month());
        return (
            msg!(
                "date-impossible",
                date = text,
                day = d,
                month = m,
                year = y,
                days = days
            ),
            Some(format!("{days}/{m}/{y}")),
        );
    }
    // Another form: 25-3-2024, 25.3.2024, 2024/3/25, 25/3/24.
    let guess = match (numbers.as_slice(), parts.as_slice()) {
        ([a, b, c], [_, _, last]) if last.len() == 4 => Some((*c, *b, *a)),
        ([a, b, c], [first, _, _]) if first.len() == 4 => Some((*a, *b, *c)),
        ([a, b, c], [_, _, last]) if last.len() == 2 => Some((2000 + *c, *b, *a)),
        _ => None,
    };
    let example = guess
        .filter(|&(y, m, d)| (1000..=9999).contains(&y) && exists(y, m, d))
        .map(|(y, m, d)| format!("{d}/{m}/{y}"))
        .filter(|e| e != text);
    (msg!("date-format", value = text), example)
}

/// Whether year `y`, month `m`, day `d` is a day of the calendar.
fn exists(y: i64, m: i64, d: i64) -> bool {
    match (i16::try_from(y), i8::try_from(m), i8::try_from(d)) {
        (Ok(y), Ok(m), Ok(d)) => Day::new(y, m, d).is_some(),
        _ => false,
    }
}

/// Year, month and day of a text written in one of the accepted forms,
/// whether or not that day exists.
fn parse_day_parts(text: &str) -> Option<(i64, i64, i64)> {
    let digits = |p: &str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = if text.contains('/') {
        text.split('/').collect()
    } else {
        text.split('-').collect()
    };
    if parts.len() != 3 || !parts.iter().all(|p| digits(p)) {
        return None;
    }
    let n: Vec<i64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let (y, m, d) = if text.contains('/') {
        (parts[2].len() == 4).then_some((n[2], n[1], n[0]))?
    } else {
        (parts[0].len() == 4).then_some((n[0], n[1], n[2]))?
    };
    (1000..=9999).contains(&y).then_some((y, m, d))
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_day(&text).ok_or_else(|| serde::de::Error::custom(bad_day_message(&text)))
    }
}

/// The pattern of the editor schema for a date: `D/M/YYYY`, `DD/MM/YYYY`
/// or `YYYY-MM-DD`. Whether the day exists (30/2) is left to the loader.
pub(crate) const DAY_PATTERN: &str = r"^\s*(((0?[1-9]|[12][0-9]|3[01])/(0?[1-9]|1[0-2])/[0-9]{4})|([0-9]{4}-(0?[1-9]|1[0-2])-(0?[1-9]|[12][0-9]|3[01])))\s*$";

impl schemars::JsonSchema for Day {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Day".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "campaign::dates::Day".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": DAY_PATTERN,
            "description": "Ngày, viết ngày/tháng/năm (25/3/2024 hoặc 25/03/2024) hoặc năm-tháng-ngày (2024-03-25); nên đặt trong ngoặc kép. A date: day/month/year or year-month-day, quoted.",
            "examples": ["25/3/2024", "2024-03-25"]
        })
    }
}

/// The current date in the machine's time zone, unless `CAMPAIGN_TODAY`
/// (`2024-03-20`) fixes it, which keeps builds reproducible in tests.
pub(crate) fn today() -> Day {
    if let Some(day) = std::env::var("CAMPAIGN_TODAY")
        .ok()
        .and_then(|v| parse_day(&v))
    {
        return day;
    }
    Day(jiff::ZonedDateTime::now().date())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_forms() {
        let want = Day::new(2024, 3, 25).unwrap();
        assert_eq!(parse_day("2024-03-25"), Some(want));
        assert_eq!(parse_day("25/3/2024"), Some(want));
        assert_eq!(parse_day(" 25/03/2024 "), Some(want));
    }

    #[test]
    fn rejects_impossible_or_ambiguous_dates() {
        for bad in [
            "32/3/2024",
            "29/2/2023",
            "3/25",
            "2024/03/25x",
            "",
            "25-3-2024",
            "1/1/99",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn bad_dates_are_explained_without_suggesting_what_was_written() {
        let (m, fix) = explain_bad_day("30/2/2025");
        assert_eq!(m.id(), "date-impossible");
        assert!(
            m.render(crate::i18n::Lang::Vi)
                .contains("tháng 2 năm 2025 chỉ có 28 ngày")
        );
        assert_eq!(fix.as_deref(), Some("28/2/2025"));
        let (m, fix) = explain_bad_day("29/2/2023");
        assert_eq!(
            (m.id(), fix.as_deref()),
            ("date-impossible", Some("28/2/2023"))
        );
        let (m, fix) = explain_bad_day("3/25/2024");
        assert_eq!(
            (m.id(), fix.as_deref()),
            ("date-bad-month", Some("25/3/2024"))
        );
        let (m, fix) = explain_bad_day("25-3-2024");
        assert_eq!((m.id(), fix.as_deref()), ("date-format", Some("25/3/2024")));
        let (m, fix) = explain_bad_day("25/3/24");
        assert_eq!((m.id(), fix.as_deref()), ("date-format", Some("25/3/2024")));
        let (m, fix) = explain_bad_day("hôm nay");
        assert_eq!((m.id(), fix), ("date-format", None));
    }

    #[test]
    fn formats_short_and_long() {
        let d = Day::new(2023, 3, 5).unwrap();
        assert_eq!(d.short(), "5/3/2023");
        assert_eq!(d.long(), "ngày 5 tháng 3 năm 2023");
        assert_eq!(d.iso(), "2023-03-05");
    }
}
