# Results: the report form and the reports the units send back.
# Each id here must also be in locales/vi/reports.ftl, with the same
# arguments (`cargo test i18n` checks it).

## The form

form-written = Wrote the { $year } report form ({ $units } units): { $xlsx } and { $csv }. Send it to the units; when they send it back, copy the filled files into { $year }/reports/.
form-no-edition = there is no { $year } edition (a { $year }/ folder with edition.yaml): create it first with `campaign new edition { $year }`
form-exists = { $path } exists and was changed since it was written; campaign does not overwrite it. To replace it with a new form, run the command again with --force (the old one is lost), or move the old file away first.
form-cannot-write = cannot write { $path }: { $reason }

## Files that cannot be read

report-kind = the report file ends in .{ $ending }, which campaign cannot read
report-kind-help = Open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or .csv (CSV UTF-8); results typed in by hand go into results.yaml.
report-macros = the report file contains macros (code that runs by itself); campaign does not open such files, as they can be harmful
report-macros-help = Ask the unit to send a plain .xlsx (Save as → Excel Workbook .xlsx), or open it on a machine with antivirus software, copy the figures into the year's form and save that as .xlsx.
report-too-large = the report file is { $megabytes } MB, over the { $limit } MB limit
report-too-large-help = A filled form is a few tens of kB. The file may hold pictures or many extra sheets: copy the table into the year's form and save that.
report-unpacks-too-large = the report file unpacks to more than { $limit } MB; campaign stopped reading it to protect the machine
report-unpacks-too-large-help = Such files are usually damaged or forged on purpose. Do not open it; ask the unit to send the year's form again.
report-damaged = the report file is damaged and cannot be read ({ $detail })
report-damaged-help = Open it in Excel or LibreOffice; if it opens, save it again as .xlsx and retry; otherwise ask the unit to send it again.
report-too-many-rows = sheet “{ $sheet }” has more than { $limit } rows, too many for a report form
report-too-many-rows-help = There may be many formatted empty rows or extra data: delete the rows below the table, or copy the table into the year's form.

## Finding the table

report-no-table = no report table in the file: no “Đơn vị báo cáo” header cell
report-no-table-help = Use the year's form (made by `campaign report form <year>`) without renaming its columns. If a unit reported by letter, type its figures into results.yaml.
report-missing-columns = the report table lacks columns: { $columns }
report-missing-columns-help = The table needs the form's columns: Đơn vị báo cáo, Số người tham gia, Tổng kinh phí thực hiện, Ngân sách của cơ quan, đơn vị and Vận động khác. Copy the figures into the year's form.
report-bad-date = cell { $cell }: the report date cannot be read, so it is not used to tell which report is newer
report-bad-date-help = Write the date as day/month/year, e.g. 28/3/2025.

## Figures

report-number-ambiguous = cell { $cell }: “{ $value }” could mean two numbers: a comma is the decimal mark in Vietnamese but a thousands separator in English
report-number-ambiguous-help = For a whole number, separate thousands with dots: { $digits }. For a fraction, write it with its unit, e.g. “{ $value } triệu đồng”.
report-number-english = cell { $cell }: “{ $value }” has an English decimal point
report-number-english-help = In Vietnamese a dot separates thousands (1.234.567). Write sums in đồng, or with a unit and a decimal comma, e.g. “1,5 triệu đồng”.
report-number-not-whole = cell { $cell }: “{ $value }” is not a whole number (people, activities and sums in đồng have no fractions)
report-number-not-whole-help = Write a whole number, e.g. 1.500.000; fractions only with “triệu” or “tỷ”, e.g. “1,5 triệu đồng”.
report-number-negative = cell { $cell }: “{ $value }” is negative
report-number-negative-help = People and funds cannot be negative. If there are none, leave the cell empty or write 0.
report-number-too-large = cell { $cell }: “{ $value }” is too large, probably a typing mistake
report-number-too-large-help = Check the figure with the unit; write sums in đồng, e.g. 15.000.000.
report-not-a-number = cell { $cell } (column { $column }): “{ $value }” is not a number
report-not-a-number-help = Write only a number, e.g. 120 or 1.500.000 (“đồng” or “triệu đồng” may follow); notes go into the Ghi chú column.
report-formula-no-result = cell { $cell } has a formula but the file holds no result for it
report-formula-no-result-help = Open the file in Excel or LibreOffice (so that formulas are computed) and save it, or type the figure into the cell.
report-cell-error = cell { $cell } holds the error value { $value }
report-cell-error-help = The cell's formula is broken: open the file, fix the formula or type the figure, and save it.
report-total-mismatch = cell { $cell }: the total budget (3) is { $total } đồng but (4) + (5) = { $own } + { $mobilised } = { $sum } đồng
report-total-mismatch-help = Column (3) must equal column (4) plus column (5). Ask the unit which figure is right and correct it; with column (3) left empty, campaign computes it.
report-row-without-unit = cell { $cell }: the row has figures but no unit name
report-row-without-unit-help = Write the unit's name in the “Đơn vị báo cáo” column (as in edition.yaml), or delete the row if it is extra.
report-sum-too-large = the reports add up to more than can be counted: a figure was mistyped

## Units

report-unit-unknown = cell { $cell }: “{ $unit }” is not one of the year's units
report-unit-unknown-suggest = Did you mean “{ $unit }”? Write the name exactly as in the units of { $year }/edition.yaml.
report-unit-unknown-help = Write the name of one of the units of { $year }/edition.yaml, or add the unit to that list (then make the form again with `campaign report form { $year }`).
report-unit-twice = { $unit } has two rows in the same report (the other at cell { $first })
report-unit-twice-help = One row per unit: add the figures into one row and delete the other.
report-replaces = { $unit } also reported in { $older }; this newer report is used
report-replaces-help = When a unit reports several times, the newer report is used (by its “Ngày báo cáo”, else by the file's modification time). Delete the older file from reports/ to silence this warning.
report-other-year = this report is on the { $written } form, not the { $year } one
report-other-year-help = The unit filled in another year's form. Ask for the { $year } form (made by `campaign report form { $year }`) or move the file into the right year's reports/ folder.
