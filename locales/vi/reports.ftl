# Results: the report form and the reports the units send back.
# Each id here must also be in locales/en/reports.ftl, with the same
# arguments (`cargo test i18n` checks it). An id is also the stable machine
# code of a problem in `campaign check --format json`: do not rename one.

## The form

form-written = Đã ghi biểu báo cáo năm { $year } ({ $units } đơn vị): { $xlsx } và { $csv }. Gửi biểu cho các đơn vị; khi nhận lại, chép các tệp đã điền vào thư mục { $year }/reports/.
form-no-edition = chưa có năm { $year } (thư mục { $year }/ với edition.yaml): hãy tạo năm đó trước bằng `campaign new edition { $year }`
form-exists = { $path } đã có và đã được sửa từ lần ghi trước; campaign không ghi đè. Nếu muốn thay bằng biểu mới, chạy lại lệnh với --force (bản cũ sẽ mất), hoặc chuyển tệp cũ đi chỗ khác trước.
form-cannot-write = không ghi được { $path }: { $reason }

## Files that cannot be read

report-kind = tệp báo cáo có đuôi .{ $ending }, campaign không đọc được loại tệp này
report-kind-help = Hãy mở tệp trong Excel hoặc LibreOffice rồi lưu lại dạng .xlsx (Sổ làm việc Excel) hoặc .csv (CSV UTF-8); kết quả nhập tay thì ghi vào results.yaml.
report-macros = tệp báo cáo có macro (mã chạy tự động); campaign không mở loại tệp này vì có thể gây hại
report-macros-help = Hãy đề nghị đơn vị gửi lại tệp .xlsx thường (Lưu thành → Sổ làm việc Excel .xlsx), hoặc tự mở tệp trên máy đã cài phần mềm diệt vi-rút, chép các số liệu sang biểu báo cáo của năm rồi lưu lại dạng .xlsx.
report-too-large = tệp báo cáo nặng { $megabytes } MB, quá giới hạn { $limit } MB
report-too-large-help = Một biểu báo cáo đã điền chỉ nặng vài chục KB. Có thể tệp có ảnh hoặc nhiều trang tính thừa: hãy chép bảng số liệu sang biểu báo cáo của năm rồi lưu lại.
report-unpacks-too-large = tệp báo cáo khi giải nén lớn hơn { $limit } MB; campaign dừng đọc để bảo vệ máy
report-unpacks-too-large-help = Tệp như vậy thường bị làm hỏng hoặc cố ý làm giả. Đừng mở tệp trên máy; hãy đề nghị đơn vị gửi lại bằng biểu báo cáo của năm.
report-damaged = tệp báo cáo bị hỏng, không đọc được ({ $detail })
report-damaged-help = Hãy mở tệp bằng Excel hoặc LibreOffice; nếu mở được, lưu lại dạng .xlsx rồi thử lại; nếu không, đề nghị đơn vị gửi lại.
report-too-many-rows = trang tính “{ $sheet }” có hơn { $limit } dòng, quá nhiều cho một biểu báo cáo
report-too-many-rows-help = Có thể có nhiều dòng trống đã bị định dạng hoặc dữ liệu thừa: hãy xoá các dòng dưới bảng, hoặc chép bảng sang biểu báo cáo của năm.

## Finding the table

report-no-table = không tìm thấy bảng báo cáo trong tệp: không có ô tiêu đề “Đơn vị báo cáo”
report-no-table-help = Hãy dùng biểu báo cáo của năm (tạo bằng `campaign report form <năm>`), không đổi tên các cột. Nếu đơn vị gửi kết quả bằng văn bản, hãy ghi số liệu vào results.yaml.
report-missing-columns = bảng báo cáo thiếu cột: { $columns }
report-missing-columns-help = Bảng cần có các cột của biểu báo cáo: Đơn vị báo cáo, Số người tham gia, Tổng kinh phí thực hiện, Ngân sách của cơ quan, đơn vị và Vận động khác. Hãy chép số liệu sang biểu báo cáo của năm.
report-bad-date = ô { $cell }: ngày báo cáo không đọc được nên không dùng để biết bản nào mới hơn
report-bad-date-help = Hãy ghi ngày theo dạng ngày/tháng/năm, ví dụ 28/3/2025.

## Figures

report-number-ambiguous = ô { $cell }: không rõ “{ $value }” là bao nhiêu: dấu phẩy là dấu thập phân trong tiếng Việt nhưng là dấu phân cách hàng nghìn trong tiếng Anh
report-number-ambiguous-help = Nếu là số nguyên, hãy ghi dấu chấm phân cách hàng nghìn: { $digits }. Nếu là số lẻ, hãy ghi kèm đơn vị, ví dụ “{ $value } triệu đồng”.
report-number-english = ô { $cell }: “{ $value }” có dấu chấm thập phân kiểu tiếng Anh
report-number-english-help = Trong tiếng Việt, dấu chấm phân cách hàng nghìn (1.234.567). Số tiền hãy ghi bằng đồng, hoặc kèm đơn vị với dấu phẩy thập phân, ví dụ “1,5 triệu đồng”.
report-number-not-whole = ô { $cell }: “{ $value }” không phải số nguyên (số người, số hoạt động và số tiền bằng đồng không có phần lẻ)
report-number-not-whole-help = Hãy ghi số nguyên, ví dụ 1.500.000; số lẻ chỉ dùng kèm “triệu” hay “tỷ”, ví dụ “1,5 triệu đồng”.
report-number-negative = ô { $cell }: “{ $value }” là số âm
report-number-negative-help = Số người và kinh phí không thể âm. Nếu không có, hãy để trống hoặc ghi 0.
report-number-too-large = ô { $cell }: “{ $value }” quá lớn, có lẽ là gõ nhầm
report-number-too-large-help = Hãy kiểm tra lại số liệu với đơn vị; số tiền ghi bằng đồng, ví dụ 15.000.000.
report-not-a-number = ô { $cell } (cột { $column }): “{ $value }” không phải là số
report-not-a-number-help = Hãy chỉ ghi số, ví dụ 120 hoặc 1.500.000 (có thể kèm “đồng”, “triệu đồng”); ghi chú hãy viết vào cột Ghi chú.
report-formula-no-result = ô { $cell } có công thức nhưng tệp không lưu kết quả của nó
report-formula-no-result-help = Hãy mở tệp bằng Excel hoặc LibreOffice (để công thức được tính) rồi lưu lại, hoặc ghi thẳng con số vào ô.
report-cell-error = ô { $cell } có giá trị lỗi { $value }
report-cell-error-help = Công thức trong ô bị lỗi: hãy mở tệp, sửa công thức hoặc ghi thẳng con số vào ô, rồi lưu lại.
report-total-mismatch = ô { $cell }: tổng kinh phí (3) là { $total } đồng nhưng (4) + (5) = { $own } + { $mobilised } = { $sum } đồng
report-total-mismatch-help = Cột (3) phải bằng cột (4) cộng cột (5). Hãy hỏi lại đơn vị số nào đúng rồi sửa; nếu để trống cột (3), campaign tự tính.
report-row-without-unit = ô { $cell }: dòng có số liệu nhưng không có tên đơn vị
report-row-without-unit-help = Hãy ghi tên đơn vị vào cột “Đơn vị báo cáo” (đúng như trong edition.yaml), hoặc xoá dòng nếu là dòng thừa.
report-sum-too-large = tổng các báo cáo quá lớn để cộng: có số liệu gõ nhầm

## Units

report-unit-unknown = ô { $cell }: “{ $unit }” không có trong danh sách đơn vị của năm
report-unit-unknown-suggest = Có phải là “{ $unit }”? Hãy ghi đúng tên như trong phần units của { $year }/edition.yaml.
report-unit-unknown-help = Hãy ghi đúng tên một đơn vị trong phần units của { $year }/edition.yaml, hoặc thêm đơn vị đó vào danh sách (rồi tạo lại biểu bằng `campaign report form { $year }`).
report-unit-twice = { $unit } có hai dòng trong cùng một báo cáo (dòng kia ở ô { $first })
report-unit-twice-help = Mỗi đơn vị chỉ có một dòng: hãy cộng số liệu vào một dòng và xoá dòng kia.
report-replaces = { $unit } đã báo cáo trong { $older }; dùng bản mới hơn này
report-replaces-help = Khi một đơn vị gửi nhiều lần, bản mới hơn được dùng (theo “Ngày báo cáo”, nếu không có thì theo thời gian sửa tệp). Có thể xoá bản cũ khỏi thư mục reports/ để hết cảnh báo này.
report-other-year = biểu báo cáo này của năm { $written }, không phải năm { $year }
report-other-year-help = Đơn vị đã điền biểu của năm khác. Hãy gửi lại biểu năm { $year } (tạo bằng `campaign report form { $year }`) hoặc chuyển tệp vào thư mục reports/ của năm đúng.
