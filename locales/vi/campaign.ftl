# What campaign says to staff, in Vietnamese (the default language).
# Each id here must also be in locales/en/campaign.ftl, with the same
# arguments: `cargo test i18n` checks it. An id is also the stable machine
# code of a problem in `campaign check --format json`: do not rename one.

## How a problem is printed

severity-error = lỗi
severity-warning = cảnh báo
help-label = cách sửa


build-failed = Có { $errors } lỗi{ $warnings ->
        [0] {""}
       *[other] {" "}(và { $warnings } cảnh báo)
    }; chưa ghi gì ra thư mục kết quả. Hãy sửa rồi chạy lại lệnh build.
severity-note = ghi chú

## Operating system errors, in words one can act on

io-permission-denied = không có quyền ghi (hãy nhờ người quản lý máy cấp quyền ghi vào đó, hoặc chọn thư mục khác)
io-not-found = không tồn tại
io-storage-full = ổ đĩa đã đầy (hãy giải phóng bớt dung lượng rồi thử lại)
io-read-only = ổ đĩa chỉ cho phép đọc
io-already-exists = đã có một tệp hoặc thư mục trùng tên ở đó
io-address-in-use = cổng này đang được chương trình khác dùng
io-address-not-available = máy này không có địa chỉ đó
io-other = { $error }

## Builds

build-done = Đã dựng { $pages } trang ({ $posts } bài tin, { $editions } năm) và { $files } tệp trong { $millis } ms
build-interrupted = đã dừng giữa chừng: thư mục kết quả vẫn giữ nguyên như trước
build-kept-foreign = Giữ lại trong thư mục kết quả (không do campaign tạo ra): { $files }
build-kept-shadowed = { $file } trong thư mục kết quả không do campaign tạo ra nên được giữ lại; tệp { $file } của trang vì thế chưa được xuất bản (nếu muốn xuất bản tệp của bạn, hãy chuyển nó vào content/static/)

## campaign check

check-clean-site = Không thấy lỗi nào trong { $source }: sẽ dựng được { $pages } trang ({ $posts } bài tin, { $editions } năm).
check-clean = Không thấy lỗi nào trong { $source }.
check-errors = Có { $errors } lỗi{ $warnings ->
        [0] {""}
       *[other] {" "}và { $warnings } cảnh báo
    } trong { $source }. Hãy sửa các lỗi rồi chạy lại `campaign check`.
check-warnings-strict = Có { $warnings } cảnh báo trong { $source } (--strict: cảnh báo cũng được tính là lỗi).
check-warnings = Có { $warnings } cảnh báo trong { $source }; trang vẫn dựng được, nhưng nên sửa cho hết.

## The output folder

output-refused = không ghi trang vào { $path }: { $why }
    {"  "}= cách sửa: chọn một thư mục trống hoặc chưa có bằng --output (mặc định là public)
output-busy = { $path } đang được một campaign khác ghi: { $holder }
    {"  "}= cách sửa: dừng chương trình đó (bấm Ctrl-C trong cửa sổ của nó), hoặc chọn thư mục khác bằng --output
output-io = không ghi được trang vào { $path }: { $error }
output-holds-content = thư mục này chứa thư mục nội dung, ghi vào sẽ xoá mất nội dung
output-inside-content = thư mục này nằm bên trong thư mục nội dung
output-is-root = đây là thư mục gốc của ổ đĩa
output-not-a-folder = đây không phải là thư mục
output-foreign-files = thư mục đã có những tệp không do campaign tạo ra, ghi vào sẽ xoá mất chúng
output-kept-in-the-way = { $kept ->
        [folder] thư mục
       *[file] tệp
    } này không do campaign tạo ra, nhưng trang bây giờ cần một { $needed ->
        [folder] thư mục
       *[file] tệp
    } ở đúng chỗ đó
repair-restored = { $output } bị mất sau một lần dựng bị ngắt; đã đặt lại bản trang trước đó
repair-removed-staging = đã xoá { $path }, do một lần dựng bị ngắt để lại
repair-moved-back = đã chuyển trả vào { $output } những gì một lần dựng bị ngắt để ra ngoài: { $files }
repair-left-in = { $path } vẫn còn những tệp không do campaign tạo ra mà không chuyển trả được (thư mục kết quả đã có tệp trùng chỗ); hãy xem lại rồi xoá thư mục đó
repair-update-finished = một lần cập nhật { $output } bị ngắt; đã làm nốt ({ $files } tệp)
repair-update-rolled-back = một lần cập nhật { $output } bị ngắt trước khi thay đổi gì; đã xoá { $files } tệp dở dang của nó

## campaign schema

schema-cannot-create = không tạo được { $path }: { $error }
schema-cannot-write = không ghi được { $path }: { $error }
schema-up-to-date = { $path } đã là bản mới nhất
schema-wrote = đã ghi { $path }

## watch and serve

watch-watching = Đang theo dõi thay đổi (bấm Ctrl-C để dừng)
watch-limit-reached = hệ thống đã đạt giới hạn số thư mục được theo dõi (hãy tăng fs.inotify.max_user_watches)
watch-no-native-events = hệ thống không báo được thay đổi của tệp ({ $error })
watch-poll-asked = CAMPAIGN_POLL đang được đặt
watch-polling = { $reason }; thay vào đó, cứ { $every } ms kiểm tra thay đổi một lần
watch-cannot-watch = không theo dõi được { $folder }: { $error }
watch-failed = theo dõi tệp gặp lỗi: { $error }
watch-folder-gone = { $folder } không còn nữa (bị đổi tên hoặc bị xoá); vẫn giữ bản trang tốt gần nhất cho đến khi thư mục trở lại
watch-folder-back = { $folder } đã được thay hoặc đã trở lại; theo dõi lại và sẽ dựng lại khi các tệp đã chép xong
rebuild-first = lần dựng đầu
rebuild-rebuilt = dựng lại
rebuild-changed = đã sửa { $file }
rebuild-changed-more = đã sửa { $file } và { $more } tệp khác
rebuild-replaced = dựng lại sau khi { $folder } được thay
rebuild-photos = đã xử lý xong { $count } ảnh
watch-rebuilt = { $what }: đã dựng { $rendered } trên { $pages } trang ({ $posts } bài tin, { $editions } năm), hiển thị sau { $millis } ms
watch-unchanged = { $what }: trang không có gì thay đổi ({ $millis } ms)
watch-not-rebuilt = { $what }: chưa dựng lại; vẫn giữ bản trang tốt gần nhất ({ $millis } ms)
watch-written = đã ghi thư mục kết quả trong { $millis } ms{ $skipped ->
        [0] {""}
       *[other] {" "}({ $skipped } bản mới hơn đến trong lúc đó)
    }
watch-kept-foreign = giữ lại trong thư mục kết quả (không do campaign tạo ra): { $files }
watch-not-written = bản xem trước đã cập nhật, nhưng thư mục kết quả thì chưa: { $error }
watch-photos-pending = Đang xử lý { $count } ảnh trong nền… Bản xem trước tạm hiện ảnh gốc; thư mục kết quả sẽ được ghi khi xử lý xong.
watch-photos-done = Đã xử lý xong mọi ảnh; thư mục kết quả được ghi.
serve-listening = Đang mở trang xem trước tại { $url } (bấm Ctrl-C để dừng)
serve-exposed = đang phục vụ trên { $address }: các máy khác trong mạng cũng xem được bản xem trước này, kể cả bản nháp
serve-no-browser = không mở được trình duyệt; hãy tự mở { $url }
serve-host-refused = đã từ chối một yêu cầu tới tên máy { $host } (403); nếu đó là tên của bạn, hãy chạy lại với --allow-host { $host }
serve-accept-failed = tạm thời không nhận thêm kết nối: { $error }; các kết nối chậm hoặc bỏ không sẽ được đóng trong vài giây (nếu vẫn tiếp diễn, hãy tăng `ulimit -n`)
serve-stopped = Đã dừng; thư mục kết quả giữ bản dựng tốt gần nhất.
serve-cannot-listen = không mở được { $address }: { $error } (có chương trình khác đang dùng cổng này? hãy thử --port khác)
serve-page-building = Đang dựng trang…
serve-page-error-title = Lỗi nội dung
serve-page-error-heading = Chưa dựng được trang
serve-overlay-heading = Nội dung có lỗi – trang đang hiển thị bản dựng tốt gần nhất

## The command line (--help); see src/cli/help.rs for how ids are made

cli-usage = Cách dùng:
cli-commands = Các lệnh
cli-options = Tuỳ chọn
cli-arguments = Tham số
cli-help-flag = In hướng dẫn này
cli-version-flag = In số phiên bản
cli-lang = Ngôn ngữ của thông báo: vi (mặc định) hoặc en; nếu không ghi, LC_ALL, LC_MESSAGES hoặc LANG tiếng Anh sẽ chọn tiếng Anh
cli-about = Dựng trang thông tin chiến dịch hằng năm từ các tệp Markdown và YAML
cli-build = Dựng trang vào thư mục kết quả.
cli-watch = Dựng lại thư mục kết quả mỗi khi nội dung hoặc giao diện thay đổi.
cli-check = Kiểm tra toàn bộ trang (lỗi và cảnh báo) mà không ghi gì.
cli-report = Kết quả của các đơn vị: biểu báo cáo để các đơn vị điền.
cli-report-form = Ghi biểu báo cáo của năm (.xlsx và .csv) vào <source>/<năm>/files/, đã có tên các đơn vị.
cli-report-form-year = Năm, ví dụ 2025.
cli-report-form-force = Ghi đè biểu đã được sửa tay từ lần ghi trước.
cli-new = Bắt đầu một năm mới hoặc một bài tin mới.
cli-new-edition = Tạo <source>/<năm>/edition.yaml từ năm gần nhất (không bao giờ ghi đè).
cli-new-post = Tạo một bài tin có ngày <source>/<năm>/news/<tên-bài>.md (không bao giờ ghi đè).
cli-serve = Xem trước trang trên máy; các trang đang mở tự tải lại khi dựng xong.
cli-schema = Ghi các JSON Schema của site.yaml, edition.yaml và phần đầu bài viết (cho trình soạn thảo).
cli-arg-source = Thư mục nội dung.
cli-arg-output = Thư mục kết quả (được thay trọn vẹn một lần; không bao giờ là thư mục campaign không tạo ra).
cli-arg-base-url = Thay cho `base_url` trong site.yaml (dùng cho RSS/Atom, sơ đồ trang, liên kết chính tắc).
cli-arg-drafts = Gồm cả các bài và trang ghi `draft: true` (bản nháp).
cli-arg-themes = Thư mục giao diện (mặc định: themes/ bên cạnh thư mục nội dung).
cli-check-format = Cách in lỗi: text (cho người đọc) hoặc json (mỗi dòng một đối tượng JSON).
cli-check-strict = Coi cả cảnh báo là lỗi (trả mã thoát 1).
cli-new-edition-year = Năm, ví dụ 2025.
cli-new-post-title = Tiêu đề bài; tên tệp (và địa chỉ) được tạo từ tiêu đề.
cli-new-post-year = Năm của bài (mặc định: `current` trong site.yaml, nếu không thì năm gần nhất).
cli-serve-port = Cổng để mở (0 là tự chọn một cổng trống).
cli-serve-bind = Địa chỉ để mở; khác 127.0.0.1 thì các máy khác trong mạng cũng xem được bản xem trước.
cli-serve-open = Mở bản xem trước trong trình duyệt mặc định.
cli-serve-allow-host = Trả lời cả yêu cầu tới tên máy này (ghi được nhiều lần): nếu không, chỉ trả lời localhost, 127.0.0.1, [::1] và địa chỉ --bind. `.example.local` cho phép một tên miền và các tên miền con, `*` cho phép mọi tên.
cli-schema-out = Thư mục để ghi vào.
cli-error-subcommand = không có lệnh `{ $name }`{ $hint }
cli-error-unknown-option = không có tuỳ chọn `{ $name }` ở đây{ $hint }
cli-error-missing = cần ghi `{ $name }`
cli-error-missing-command = hãy cho biết cần làm gì: build, serve, check, new, watch hoặc schema
cli-error-value = `{ $value }` không hợp với { $name }{ $hint }
cli-error-conflict = không dùng được { $name } cùng với { $other }
cli-error-other = dòng lệnh chưa đúng ({ $error })
cli-did-you-mean = ; có phải bạn muốn gõ `{ $suggestion }`?
cli-valid-values = ; hãy ghi một trong các giá trị: { $valid }
cli-default = mặc định: { $value }
cli-error-see-help = Chạy `campaign --help` để xem mọi lệnh và tuỳ chọn.
cli-error-refused-value = `{ $value }` không hợp với { $name }: { $why }
cli-bad-host = đây không phải tên máy (hãy ghi một tên như ten-may.local, `.example.local` cho một tên miền và các tên miền con, hoặc `*` cho mọi tên)
cli-bad-seconds = cần một số giây lớn hơn 0
cli-bad-base-url = đây không phải địa chỉ web đầy đủ; hãy ghi như https://ctxh.example.gov.vn/
cli-bad-lang = hãy ghi vi (tiếng Việt) hoặc en (tiếng Anh)
