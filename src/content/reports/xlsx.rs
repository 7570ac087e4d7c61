//! `.xlsx` reports: checked as a zip first, then read cell by cell.
//!
//! A `.xlsx` is a zip of XML parts. Before calamine opens it, every part is
//! unpacked into nothing with a running count, so a zip bomb (a few
//! kilobytes that unpack to gigabytes) stops at [`MAX_UNPACKED`] in a
//! bounded time, and a workbook with macros (`xl/vbaProject.bin`, whatever
//! the file is called) is refused. Sheets are then streamed cell by cell,
//! so a sheet of a million rows stops at [`super::MAX_ROWS`] without being
//! held in memory. A formula gives the result the file stored for it.

use std::io::{Cursor, Read};
use std::sync::Arc;

use calamine::{DataRef, Reader, Xlsx};

use super::{Grid, MAX_COLUMNS, MAX_ROWS, Unreadable, Value};

/// Bytes all the parts of a workbook may unpack to: a filled form is well
/// under one megabyte.
pub(crate) const MAX_UNPACKED: u64 = 64 * 1024 * 1024;

/// Parts in a workbook: a form has about twenty.
const MAX_PARTS: usize = 2_000;

/// The sheets of a workbook.
pub(super) fn sheets(bytes: &[u8]) -> Result<Vec<Grid>, Unreadable> {
    check_zip(bytes)?;
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| Unreadable::Damaged(e.to_string()))?;
    let mut grids = Vec::new();
    for name in book.sheet_names() {
        let mut cells = book
            .worksheet_cells_reader(&name)
            .map_err(|e| Unreadable::Damaged(e.to_string()))?;
        let mut grid = Grid {
            name: Some(Arc::from(name.as_str())),
            rows: Vec::new(),
        };
        while let Some(cell) = cells
            .next_cell_with_formula()
            .map_err(|e| Unreadable::Damaged(e.to_string()))?
        {
            let (row, col) = cell.pos;
            if col >= u32::from(MAX_COLUMNS) {
                continue;
            }
            if row >= MAX_ROWS {
                return Err(Unreadable::TooManyRows { sheet: name });
            }
            let value = value(cell.value, cell.formula.is_some());
            if value == Value::Empty {
                continue;
            }
            let row = row as usize;
            if grid.rows.len() <= row {
                grid.rows.resize_with(row + 1, Vec::new);
            }
            let cells = &mut grid.rows[row];
            if cells.len() <= col as usize {
                cells.resize(col as usize + 1, Value::Empty);
            }
            cells[col as usize] = value;
        }
        grids.push(grid);
    }
    Ok(grids)
}

fn value(v: DataRef, formula: bool) -> Value {
    match v {
        DataRef::Empty if formula => Value::NoResult,
        DataRef::Empty => Value::Empty,
        DataRef::Int(i) => Value::Int(i),
        DataRef::Float(f) => Value::Number(f),
        DataRef::String(s) if s.is_empty() => Value::Empty,
        DataRef::String(s) => Value::Text(s),
        DataRef::SharedString("") => Value::Empty,
        DataRef::SharedString(s) => Value::Text(s.to_owned()),
        DataRef::Bool(b) => Value::Text(b.to_string()),
        DataRef::DateTime(d) => Value::Number(d.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Value::Text(s),
        DataRef::Error(e) => Value::Error(e.to_string()),
    }
}

/// Refuses a zip that unpacks beyond [`MAX_UNPACKED`], has too many parts,
/// or carries macros.
fn check_zip(bytes: &[u8]) -> Result<(), Unreadable> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Unreadable::Damaged(e.to_string()))?;
    if zip.len() > MAX_PARTS {
        return Err(Unreadable::Damaged(format!("{} parts", zip.len())));
    }
    let mut left = MAX_UNPACKED;
    for i in 0..zip.len() {
        let mut part = zip
            .by_index(i)
            .map_err(|e| Unreadable::Damaged(e.to_string()))?;
        let name = part
            .name()
            .map_err(|e| Unreadable::Damaged(e.to_string()))?;
        if name.eq_ignore_ascii_case("xl/vbaProject.bin") {
            return Err(Unreadable::Macros);
        }
        // Never trust the size the zip declares: count what comes out.
        let read = std::io::copy(&mut (&mut part).take(left + 1), &mut std::io::sink())
            .map_err(|e| Unreadable::Damaged(e.to_string()))?;
        if read > left {
            return Err(Unreadable::Unpacks(MAX_UNPACKED));
        }
        left -= read;
    }
    Ok(())
}
