//! CSV reports: the form saved as CSV, or a table typed in any program.
//! UTF-8 (with or without a byte-order mark, as Excel saves "CSV UTF-8"),
//! separated by commas or, as Excel does in locales whose decimal mark is
//! a comma, by semicolons.

use super::{Grid, MAX_COLUMNS, MAX_ROWS, Unreadable, Value};

pub(super) fn sheet(bytes: &[u8]) -> Result<Grid, Unreadable> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Unreadable::Damaged(format!(
            "not UTF-8 at byte {} (save it as “CSV UTF-8”)",
            e.valid_up_to()
        ))
    })?;
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut grid = Grid::default();
    for record in reader.records() {
        let record = record.map_err(|e| Unreadable::Damaged(e.to_string()))?;
        if grid.rows.len() >= MAX_ROWS as usize {
            return Err(Unreadable::TooManyRows {
                sheet: String::new(),
            });
        }
        let row = record
            .iter()
            .take(usize::from(MAX_COLUMNS))
            .map(|field| {
                let field = crate::text::nfc(field.trim().to_owned());
                if field.is_empty() {
                    Value::Empty
                } else {
                    Value::Text(field)
                }
            })
            .collect();
        grid.rows.push(row);
    }
    Ok(grid)
}
