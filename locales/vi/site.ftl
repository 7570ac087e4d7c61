# Messages of site (see campaign.ftl for the conventions).
# Mỗi id ở đây cũng phải có trong locales/en/site.ftl, với cùng các tham số.
# Id cũng là mã ổn định của một lỗi: đừng đổi tên.

## Thư mục nội dung và các tệp (src/content/discover.rs, read.rs, mod.rs)

content-not-a-folder = không phải là thư mục
content-not-a-folder-help = ghi tên thư mục nội dung bằng --source (mặc định: content)
no-site-yaml = thư mục này không có tệp site.yaml
no-site-yaml-help = chạy lệnh tại thư mục chứa content/, hoặc ghi tên thư mục nội dung bằng --source, ví dụ: campaign check --source D:\ctxh\content
cannot-read = không đọc được: { $reason }
link-outside-content = là lối tắt (liên kết) tới một tệp ngoài thư mục nội dung nên không được đăng
link-outside-content-help = chép chính tệp đó vào thư mục nội dung thay cho lối tắt
special-file = là { $kind ->
        [fifo] một ống dẫn (FIFO)
        [socket] một socket
        [device] một thiết bị
       *[other] một tệp đặc biệt
    }, không phải tệp thường nên không đọc hay đăng được
special-file-help = đặt một tệp thường vào đây (chép chính văn bản), hoặc xóa nó đi
same-name-once-nfc = trùng tên với { $other } khi chuẩn hóa chữ có dấu (NFC)
same-name-once-nfc-help = hai tên chỉ khác nhau ở cách mã hóa dấu: xóa hoặc đổi tên một trong hai tệp
not-in-layout = tệp này không nằm đúng chỗ trong thư mục nội dung nên sẽ không được đăng
not-in-layout-help = tin đặt trong <năm>/news/, trang riêng trong pages/, thông tin của năm trong <năm>/edition.yaml (thư mục năm gồm bốn chữ số), ví dụ content/2025/news/ten-bai.md
too-many-posts = thư mục này có { $count } tin; mỗi năm chỉ được tối đa { $max } tin nên chưa tin nào được đọc
too-many-posts-help = chuyển tin của năm khác về thư mục <năm>/news/ của năm đó, xóa tệp sinh tự động hoặc trùng lặp, cho đến khi { $year }/news/ còn tối đa { $max } tin
asset-unreadable = không đọc được ({ $reason }) nên không đăng được
asset-unreadable-help = cho phép người dựng trang đọc tệp (ví dụ `chmod a+r`), hoặc xóa tệp
folder-name-not-utf8 = tên thư mục này không phải chữ UTF-8 (có các byte { $bytes }, không phải chữ cái) nên không đọc hay đăng được gì trong đó
folder-name-not-utf8-help = đổi tên thư mục chỉ dùng chữ, số và gạch ngang (ví dụ tai-lieu) rồi sửa các liên kết tới nó; tên kiểu này thường đến từ tệp nén làm trên máy khác hoặc bảng mã khác
file-name-not-utf8 = tên tệp này không phải chữ UTF-8 (có các byte { $bytes }, không phải chữ cái) nên không đăng được
file-name-not-utf8-help = đổi tên tệp chỉ dùng chữ, số và gạch ngang (ví dụ anh-le-ky-niem.png) rồi sửa các liên kết tới nó; tên kiểu này thường đến từ tệp nén làm trên máy khác hoặc bảng mã khác
name-too-long = tên `{ $name }` dài { $bytes } byte; tên tệp hoặc thư mục đăng kèm chỉ được tối đa { $max } byte
name-too-long-help = đặt tên ngắn hơn (mỗi chữ có dấu chiếm 2 hoặc 3 byte) rồi sửa các liên kết tới nó, ví dụ ke-hoach-2025.pdf
link-loop = là lối tắt nằm trong một vòng ({ $chain }): các lối tắt trỏ vào nhau nên không có tệp nào để đăng
link-loop-help = thay một lối tắt bằng chính tệp cần đăng, hoặc xóa các lối tắt
link-to-nothing = là lối tắt tới { $target }, tệp này không có nên không được đăng
link-unfollowable = là lối tắt không theo được (quá nhiều lối tắt nối nhau, hoặc một thư mục trên đường đi không có); không được đăng
link-broken-help = đặt chính tệp vào đây thay cho lối tắt, hoặc xóa lối tắt
post-wrong-name = tệp `{ $file }` không được đọc: trong { $folder } chỉ tệp có đuôi `.md` mới được đọc, nên tệp này không được đăng
post-wrong-name-help = đổi tên tệp thành `{ $expected }` (đuôi đúng là `.md`, chữ thường; Windows có thể ẩn đuôi thật: bật "File name extensions" trong File Explorer)
post-is-a-document = `{ $file }` là văn bản Word/LibreOffice; trong { $folder } chỉ đọc tệp Markdown (`.md`) nên tệp này không được đăng
post-is-a-document-help = chép nội dung văn bản vào một tệp Markdown trong { $folder }, ví dụ `{ $expected }` (lệnh `campaign new post "Tiêu đề"` tạo sẵn tệp); muốn đăng chính văn bản thì đặt nó vào <năm>/files/ rồi liên kết tới
stray-file = `{ $file }` không được đăng: trong { $folder } chỉ đọc tệp Markdown (`.md`)
stray-file-help = đặt ảnh và tệp đính kèm vào thư mục files/ của năm rồi liên kết tới, ví dụ `![Lễ kỷ niệm](../files/anh.jpg)`; hoặc xóa tệp này
folder-near-miss = thư mục `{ $folder }` không thuộc cấu trúc nội dung nên không có gì trong đó được đăng; có phải ý bạn là `{ $expected }`?
folder-near-miss-help = đổi tên thư mục thành `{ $expected }` (đúng tên này, chữ thường), hoặc chuyển các tệp của nó vào đó
base-url-not-absolute = `{ $url }` không phải địa chỉ web đầy đủ (https://...)
current-without-edition = `current: { $year }` ghi một năm chưa có thư mục
current-without-edition-help = tạo thư mục { $year }/ có tệp edition.yaml (lệnh `campaign new edition { $year }`), hoặc xóa dòng `current:`

## Giao diện (src/templates.rs, src/build/pages.rs)

theme-missing = không có giao diện `{ $name }` ghi trong site.yaml
theme-missing-help = tạo thư mục themes/{ $name }/templates/, hoặc ghi `theme: default` trong site.yaml
template-missing = giao diện thiếu khuôn mẫu `{ $template }`
template-not-utf8 = không phải chữ UTF-8
template-error = lỗi khuôn mẫu: { $detail }
template-error-help = cần sửa khuôn mẫu (việc của người làm giao diện); nội dung không có lỗi
theme-render-failed = giao diện không dựng được trang này: { $detail }
theme-render-failed-help = cần sửa khuôn mẫu nêu ở trên (việc của người làm giao diện); nội dung không có lỗi
changed-during-build = tệp này bị sửa trong lúc đang dựng trang
changed-during-build-help = lưu xong tệp rồi chạy lại lệnh build

## Markdown: tin, trang, lời giới thiệu, các đoạn chữ trong edition.yaml (src/markdown.rs)

image-without-alt = ảnh này không có lời mô tả (alt) nên phần mềm đọc màn hình không mô tả được cho người khiếm thị
image-without-alt-help = viết mô tả ảnh trong ngoặc vuông, ví dụ: ![Lễ mít tinh kỷ niệm ngày 25/3](../files/anh.jpg)
link-target-has-spaces = liên kết này sẽ hiện nguyên dạng chữ, không bấm được: đường dẫn `{ $target }` có dấu cách
link-target-has-spaces-help = đặt đường dẫn trong ngoặc nhọn, [{ $text }](<{ $target }>), hoặc đổi tên tệp không có dấu cách (`{ $renamed }`) rồi liên kết theo tên mới
link-to-this-computer = liên kết `{ $target }` dẫn tới chính máy này (địa chỉ xem trước của `campaign serve`), không phải trang công khai: người đọc không mở được
link-to-this-computer-help = liên kết tới tệp nguồn, ví dụ [kế hoạch](../files/kh-45.pdf) hoặc [tin](ten-bai.md), hoặc tới địa chỉ công khai của trang
placeholder-left = đoạn `{ $marker }` vẫn là chữ mẫu do lệnh `campaign new` ghi sẵn; nếu để nguyên sẽ bị đăng lên trang
placeholder-left-help = thay bằng nội dung thật (hoặc xóa đi) rồi lưu tệp

## Tiêu đề và thẻ (src/content/quotes.rs)

title-in-curly-quotes = tiêu đề { $title } nằm trong dấu ngoặc kép cong “ ”, nên dấu ngoặc sẽ bị đăng thành một phần của tiêu đề
title-in-curly-quotes-help = dùng dấu ngoặc kép thẳng " " bao quanh giá trị: title: "{ $inner }" (dấu ngoặc cong bên trong câu thì không sao, ví dụ title: "Phát huy truyền thống “Lá lành đùm lá rách”")
tag-in-curly-quotes = thẻ { $tag } nằm trong dấu ngoặc kép cong “ ”: thẻ sẽ hiện kèm dấu ngoặc trên mọi trang có thẻ này, kể cả ở các tin khác
tag-in-curly-quotes-help = dùng dấu ngoặc kép thẳng: tags: ["{ $inner }"]

## campaign new (src/scaffold.rs)

new-cannot-read = không đọc được { $path }: { $reason }
new-not-utf8 = { $path } không phải chữ UTF-8 (hãy lưu lại tệp với bảng mã UTF-8)
new-no-site-yaml = không có tệp { $path }; hãy chạy lệnh tại thư mục chứa content/, hoặc ghi tên thư mục nội dung bằng --source
new-file-exists = { $path } đã có; campaign không bao giờ ghi đè tệp (hãy sửa tệp đó, hoặc chuyển nó đi chỗ khác trước)
new-cannot-create = không tạo được { $path }: { $reason }
new-cannot-write = không ghi được { $path }: { $reason }
new-before-first-edition = năm { $year } trước lần tổ chức đầu tiên (năm { $first } trong site.yaml là lần thứ 1)
new-not-a-folder = { $path } đã có nhưng không phải thư mục
new-previous-edition-broken = không đọc được { $path }; hãy sửa tệp này trước (`campaign check` chỉ ra chỗ lỗi)
new-edition-invalid = tệp edition.yaml mới sẽ không hợp lệ nên chưa ghi gì:
    { $detail }
new-edition-created = Đã tạo { $file } (lần thứ { $ordinal }, ngày { $date }; mục đích, yêu cầu và đơn vị chép từ năm { $from }) và thư mục { $news }/.
    Việc tiếp theo: thay "{ $marker }: ..." ở dòng theme bằng chủ đề chính thức của năm; viết lại mọi đoạn có dấu { $marker } (các đoạn này ghi ngày tháng hoặc một địa phương của năm { $from }); điền thời gian, hoạt động, văn bản và báo cáo theo kế hoạch năm nay; rồi chạy `campaign check`.
new-edition-created-first = Đã tạo { $file } (lần thứ { $ordinal }, ngày { $date }; chưa có năm trước để chép) và thư mục { $news }/.
    Việc tiếp theo: thay "{ $marker }: ..." ở dòng theme bằng chủ đề chính thức của năm, điền các mục khác theo kế hoạch năm nay, rồi chạy `campaign check`.
new-post-no-letters = tiêu đề không có chữ hoặc số nên tin sẽ không có địa chỉ; hãy viết tiêu đề, ví dụ: campaign new post "Hải Phòng tổ chức lễ kỷ niệm"
new-post-no-edition = trang chưa có năm nào; hãy tạo trước bằng lệnh `campaign new edition <năm>`, ví dụ campaign new edition 2025
new-post-edition-missing = chưa có năm { $year } (thiếu { $path }); hãy tạo trước bằng lệnh `campaign new edition { $year }`
new-post-exists = { $path } đã có; campaign không bao giờ ghi đè tệp (hãy chọn tiêu đề khác, hoặc sửa tin đó)
new-post-created = Đã tạo { $file } ({ $url }).
    Việc tiếp theo: viết nội dung tin thay cho hai dòng chữ mẫu (check báo lỗi cho đến khi thay), điền summary và tags, rồi chạy `campaign check`.
new-post-created-other-year = Đã tạo { $file } ({ $url }).
    Hôm nay không thuộc năm { $year } nên tin được ghi ngày { $date } (ngày kỷ niệm): hãy sửa lại ngày. Viết nội dung tin thay cho hai dòng chữ mẫu (check báo lỗi cho đến khi thay), rồi chạy `campaign check`.

## Why a link leads nowhere (the `reason` of link-nowhere and the like)

link-reason-not-published = trang không có trang hay tệp nào ở địa chỉ `{ $path }`
link-reason-outside = liên kết này trỏ ra ngoài thư mục nội dung
link-reason-no-file = thư mục nội dung không có tệp `{ $file }` (hoặc tệp đó là bản nháp)
link-reason-computer-path = đây là một đường dẫn trên máy tính, không nằm trong thư mục nội dung hay trên mạng
link-reason-script = liên kết không được phép chạy mã lệnh (script)
