# Thông báo khi đọc nội dung: YAML, phần đầu (front matter), ngày tháng,
# khóa, giá trị (quy ước: xem campaign.ftl). Mỗi id cũng là mã cố định của
# một lỗi (`code` trong `campaign check --format json`); danh sách mã ở
# docs/content.md. Ví dụ cách sửa được truyền vào qua tham số
# (`$example`), lấy từ chính chữ người dùng đã viết khi có thể.

## Đọc tệp

file-unreadable = không đọc được tệp này
file-unreadable-because = không đọc được tệp này: { $reason }
not-utf8 = tệp không được lưu ở dạng chữ UTF-8 (ký tự hỏng đầu tiên ở dòng { $line }, cột { $column })
not-utf8-help = mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8 ("Save with encoding: UTF-8")
not-nfc = tệp có chữ tiếng Việt bị tách dấu (không ở dạng NFC); trang web đã tự ghép lại dấu
not-nfc-help = lưu lại tệp ở dạng NFC: gõ lại các chữ có dấu, hoặc dùng lệnh "Normalize to NFC" của trình soạn thảo; chữ dán từ Word hay PDF thường bị tách dấu

## Phần đầu (front matter)

front-matter-missing = tệp này thiếu phần đầu: tin hay trang phải bắt đầu bằng một dòng `---`, rồi các khóa (title, date, ...), rồi một dòng `---` nữa
front-matter-missing-help = thêm vào đầu tệp, trước nội dung, bốn dòng: `---`, `title: "Hải Phòng ban hành kế hoạch"`, `date: "25/3/2024"`, `---`
front-matter-no-opening = phần đầu thiếu dòng `---` mở đầu, nên các khóa bị đọc thành nội dung của tin
front-matter-no-opening-help = thêm một dòng chỉ có `---` lên trên khóa đầu tiên (thành dòng đầu tiên của tệp)
front-matter-unclosed = phần đầu mở bằng `---` nhưng không có dòng `---` đóng lại
front-matter-unclosed-help = thêm một dòng chỉ có `---` ngay sau khóa cuối cùng (title, date, ...), trước nội dung tin

## YAML viết sai

yaml-tab = dòng này thụt lề bằng phím Tab; YAML chỉ cho thụt lề bằng dấu cách
yaml-tab-help = xóa ký tự Tab và thụt lề bằng phím cách (Space), bằng đúng số dấu cách của các dòng cùng nhóm, ví dụ hai dấu cách trước `- "Hải Phòng"`
yaml-unclosed-quote = dấu ngoặc kép này mở ra mà không đóng lại: mọi thứ phía sau, đến dấu ngoặc kép kế tiếp, bị đọc thành một đoạn chữ
yaml-unclosed-quote-help = thêm dấu ngoặc kép thẳng `"` ở cuối giá trị, ngay trên dòng này, ví dụ { $example }
yaml-curly-quotes = giá trị này mở đầu bằng dấu ngoặc kép cong (“ hoặc ”, do Word tự đổi); YAML cần dấu ngoặc kép thẳng " quanh đoạn chữ
yaml-curly-quotes-help = gõ dấu ngoặc kép thẳng (Shift + phím ') ở hai đầu giá trị: { $example }; dấu “ ” vẫn được dùng bên trong, ví dụ "Phát huy truyền thống “Lá lành đùm lá rách”"
yaml-missing-space = sau dấu hai chấm của `{ $key }:` phải có một dấu cách
yaml-missing-space-help = thêm một dấu cách sau dấu hai chấm: { $example }
yaml-colon-in-value = giá trị của `{ $key }` có dấu hai chấm và dấu cách (": "), nên YAML hiểu nhầm là một khóa khác
yaml-colon-in-value-help = đặt cả giá trị trong dấu ngoặc kép thẳng: { $example }
yaml-indentation = dòng này thụt vào { $found } dấu cách, còn dòng trên thụt { $above }: các khóa cùng một nhóm phải thẳng cột với nhau
yaml-indentation-help = thụt lề dòng này (bằng dấu cách) cho thẳng cột với các khóa cùng nhóm, hoặc sâu hơn hai dấu cách so với khóa mà nó thuộc về
yaml-syntax = chỗ này viết sai quy tắc YAML
yaml-syntax-help = xem lại dòng này và dòng ngay trên: mỗi dòng một `khóa: giá trị`, có dấu cách sau dấu hai chấm, chữ đặt trong ngoặc kép thẳng "..."
yaml-too-deep = các danh sách hoặc nhóm khóa ở đây lồng vào nhau quá nhiều tầng
yaml-too-deep-help = bỏ bớt các tầng thừa: không tệp nội dung nào cần lồng quá vài tầng
yaml-alias = tệp dùng neo và bí danh (& và *), chương trình không đọc được kiểu viết này
yaml-alias-help = viết đầy đủ từng giá trị thay cho `*tên`
yaml-not-keys = tệp này không phải là các dòng `khóa: giá trị`
yaml-not-keys-help = mỗi dòng viết một khóa, ví dụ title: "Hải Phòng ban hành kế hoạch"

## Khóa

unknown-key = không có khóa `{ $key }`
unknown-key-help = { $nearest ->
        [none] {""}
       *[other] có phải bạn muốn viết `{ $nearest }`?{" "}
    }Các khóa được dùng ở đây: { $allowed }
unknown-key-none-help = ở đây không được viết khóa nào; hãy xóa dòng này
key-misplaced = `{ $key }` thuộc nhóm `{ $group }` nhưng chưa được thụt lề vào trong nhóm đó
key-misplaced-help = thụt `{ $key }` vào (bằng dấu cách) cho thẳng cột với `{ $sibling }` ở trên
key-misplaced-alone-help = thụt `{ $key }` vào hai dấu cách, bên dưới `{ $group }:`
key-too-deep = `{ $key }` bị thụt lề quá sâu: nó thuộc về nhóm bên ngoài
key-too-deep-help = thụt `{ $key }` cho thẳng cột với các khóa của nhóm nó thuộc về
duplicate-key = khóa `{ $key }` được viết hai lần (lần đầu ở dòng { $line })
duplicate-key-help = mỗi khóa chỉ được viết một lần: giữ một dòng `{ $key }` và xóa dòng kia
missing-key = { $within ->
        [none] thiếu khóa bắt buộc `{ $key }`
       *[other] mục này của `{ $within }` thiếu khóa bắt buộc `{ $key }`
    }
missing-key-help = thêm một dòng: { $example }

## Giá trị sai kiểu

text-expected = `{ $key }` chỉ nhận một đoạn chữ, không nhận { $found ->
        [list] danh sách
        [group] nhóm khóa
       *[other] giá trị này
    }
text-expected-help = viết đoạn chữ ngay trên dòng của khóa: { $example }
list-as-text = `{ $key }` là một danh sách, nhưng ở đây chỉ viết một đoạn chữ
list-as-text-help = viết thành danh sách trong ngoặc vuông, mỗi mục trong ngoặc kép: { $example }
list-expected = `{ $key }` là một danh sách, nhưng ở đây lại viết một nhóm khóa
list-expected-help = viết thành danh sách, ví dụ { $example }
group-expected = `{ $key }` là một nhóm khóa, không phải { $found ->
        [list] danh sách
        [number] một con số
        [nothing] để trống
       *[other] một đoạn chữ
    }
group-expected-help = viết các khóa của nhóm, ví dụ { $example }
not-a-number = `{ $key }` phải là một số nguyên, không phải { $found ->
        [text] chữ `{ $value }`
        [list] danh sách
        [group] nhóm khóa
        [nothing] để trống
       *[other] `{ $value }`
    }
number-out-of-range = `{ $key }: { $value }` là số quá lớn
number-help = viết số, không đặt trong ngoặc kép, ví dụ { $example }
not-yes-no = `{ $key }` chỉ nhận true (có) hoặc false (không), không nhận `{ $value }`
not-yes-no-help = viết `{ $key }: true` (có) hoặc `{ $key }: false` (không), không đặt trong ngoặc kép
value-missing = `{ $key }` chưa có giá trị
value-missing-help = viết giá trị sau dấu hai chấm, ví dụ { $example }

## Ngày tháng

date-format = `{ $value }` không phải là ngày viết theo cách chương trình đọc được
date-format-help = viết ngày theo thứ tự ngày/tháng/năm, trong ngoặc kép thẳng, ví dụ { $key }: "25/3/2024"
date-fix-help = sửa thành { $example }
date-impossible = không có ngày { $date }: tháng { $month } năm { $year } chỉ có { $days } ngày
date-bad-month = không có ngày { $date }: không có tháng { $month } (tháng viết ở giữa: ngày/tháng/năm)
date-curly-quotes = ngày `{ $value }` nằm trong ngoặc kép cong (“ ”, do Word tự đổi); ngày phải đặt trong ngoặc kép thẳng "
date-curly-quotes-help = gõ lại dấu ngoặc kép thẳng (Shift + phím '): { $example }

## site.yaml

base-url-invalid = `{ $value }` không phải là địa chỉ web đầy đủ
base-url-invalid-help = viết địa chỉ mà trang sẽ có, ví dụ base_url: "https://ctxh.example.gov.vn/"
campaign-day-invalid = `{ $value }` không phải là tháng và ngày
campaign-day-invalid-help = viết tháng-ngày, ví dụ day: "03-25" là ngày 25 tháng 3
first-year-implausible = `{ $value }` không thể là năm tổ chức lần đầu
first-year-implausible-help = viết năm tổ chức lần thứ nhất, ví dụ first_year: 2017
news-per-page-zero = `news_per_page` phải từ 1 trở lên
news-per-page-zero-help = viết một số, ví dụ news_per_page: 10
image-widths-count = `images.widths` có { $count } bề ngang; cần từ 1 đến { $max }
image-widths-count-help = mỗi bề ngang là một tệp cho mỗi ảnh: { $max } là đủ cho mọi màn hình, ví dụ widths: [480, 960, 1600]
image-width-out-of-range = bề ngang { $width } điểm ảnh nằm ngoài khoảng { $min }–{ $max }
image-width-out-of-range-help = chọn các bề ngang cho điện thoại, máy tính bảng và máy tính, ví dụ widths: [480, 960, 1600]
image-quality-out-of-range = chất lượng ảnh { $value } quá thấp; cần từ { $min } đến 100
image-quality-out-of-range-help = dưới mức này ảnh hiện vết khối; 80 là mức thường dùng cho ảnh trên web
theme-name-invalid = `{ $value }` không phải là tên giao diện
theme-name-invalid-help = viết tên một thư mục trong themes/, ví dụ theme: default
setting-too-long = `{ $key }` dài { $chars } ký tự; tối đa { $max } ký tự (vì hiện trên mọi trang)
setting-too-long-help = viết ngắn lại; phần giới thiệu dài đặt trong content/index.md
menu-too-long = trình đơn có { $count } mục; tối đa { $max } mục (vì hiện trên mọi trang)
menu-too-long-help = chỉ giữ các mục chính trên trình đơn, các trang khác đặt liên kết từ một trang
menu-title-too-long = mục trình đơn `{ $title }` dài { $chars } ký tự; tối đa { $max } ký tự
menu-title-too-long-help = đặt tên mục bằng vài chữ, ví dụ "Tin tức"
menu-link-refused = liên kết `{ $url }` trên trình đơn không đăng được: { $reason }
menu-link-refused-help = liên kết tới một trang của trang web tính từ gốc (/luu-tru/) hoặc tới một địa chỉ web (https://...)

## edition.yaml

edition-yaml-missing = thư mục { $year } chưa có tệp edition.yaml
edition-yaml-missing-help = tạo tệp { $year }/edition.yaml, ít nhất có dòng `theme:` (chủ đề năm)
edition-before-first = thư mục { $year } có trước lần tổ chức đầu tiên ({ $first } trong site.yaml)
edition-year-contradicts = `year: { $written }` khác với tên thư mục { $year }
edition-year-contradicts-help = xóa dòng `year` (năm lấy từ tên thư mục) hoặc viết `year: { $year }`
edition-number-wrong = `edition: { $written }` sai: năm { $year } là lần thứ { $ordinal }, tính từ năm { $first }
edition-number-wrong-help = xóa dòng `edition` (chương trình tự tính) hoặc viết `edition: { $ordinal }`
edition-date-contradicts = `date: { $written }` khác với ngày kỷ niệm { $date } của năm { $year }
edition-date-contradicts-help = xóa dòng `date` (ngày lấy từ campaign.day trong site.yaml)
theme-empty = chủ đề năm (theme) đang để trống
theme-empty-help = viết chủ đề của năm, ví dụ theme: "Công tác xã hội Việt Nam - ..."
theme-placeholder = chủ đề năm vẫn là dòng "CẦN ĐIỀN" để sẵn; hãy viết chủ đề thật
theme-placeholder-help = thay chữ trong ngoặc kép bằng chủ đề chính thức năm { $year }, đúng như trong kế hoạch, ví dụ theme: "Công tác xã hội Việt Nam - ..."
theme-too-long = chủ đề dài { $chars } ký tự; chủ đề tối đa { $max } ký tự
theme-too-long-help = chỉ viết khẩu hiệu chủ đề chính thức, đúng như trong kế hoạch; phần giải thích đặt trong `summary:` hoặc index.md
date-outside-edition = { $what ->
        [period-from] ngày bắt đầu đợt hoạt động
        [period-to] ngày kết thúc đợt hoạt động
        [activity-from] ngày bắt đầu hoạt động
        [activity-to] ngày kết thúc hoạt động
        [deadline] hạn gửi báo cáo
       *[activity] ngày của hoạt động
    } ({ $date }) không thuộc năm { $year }
date-outside-edition-help = thời gian tổ chức, các hoạt động và hạn báo cáo của năm { $year } phải nằm trong năm { $year }
period-reversed = thời gian tổ chức kết thúc ({ $to }) trước khi bắt đầu ({ $from })
swap-from-to-help = đổi chỗ hai ngày `from` (từ ngày) và `to` (đến ngày)
activity-to-without-from = hoạt động “{ $title }” có `to` (đến ngày) mà thiếu `from` (từ ngày)
activity-to-without-from-help = thêm `from:` (ngày đầu), hoặc viết `date:` nếu hoạt động chỉ trong một ngày
activity-date-and-range = hoạt động “{ $title }” có cả `date` lẫn `from`/`to`
activity-date-and-range-help = giữ `date:` nếu chỉ một ngày, hoặc `from:`/`to:` nếu nhiều ngày
activity-reversed = hoạt động “{ $title }” kết thúc ({ $to }) trước khi bắt đầu ({ $from })
document-file-and-url = văn bản “{ $title }” có cả `file` lẫn `url`
document-file-and-url-help = giữ một trong hai: `file` cho tệp đính kèm trong files/, `url` cho địa chỉ web
document-url-nowhere-help = viết địa chỉ một trang của trang web này, ví dụ /quyet-dinh-1791/
document-url-invalid = `{ $url }` không phải là địa chỉ web
document-url-invalid-help = viết địa chỉ đầy đủ (https://...) hoặc một trang của trang web này (/quyet-dinh-1791/), hoặc chép tệp vào files/ và dùng `file:`
document-after-edition = văn bản “{ $title }” đề ngày { $date }, sau năm { $year }
document-after-edition-help = kiểm tra lại ngày: văn bản được trích dẫn cho năm { $year } phải ban hành trong năm { $year } hoặc trước đó
attachment-missing = chưa có tệp đính kèm `{ $file }` trong thư mục { $year }/files/
attachment-missing-help = chép tệp vào thư mục { $year }/files/ và ghi đúng tên tệp, ví dụ `file: kh-45.pdf`

## Liên kết và ảnh

link-nowhere = liên kết `{ $target }` không dẫn tới đâu: { $reason }
link-nowhere-body-help = liên kết tới tệp nguồn, tính từ tệp đang sửa (../files/kh-45.pdf, tin-khac.md), hoặc tới một trang đã đăng, tính từ gốc trang web (/2023/tin-tuc/)
link-nowhere-edition-help = liên kết tới tệp tính từ tệp này (files/kh-45.pdf, news/tin.md) hoặc tới một trang tính từ gốc trang web (/2023/)
image-no-alt = ảnh này chưa có lời mô tả (alt), nên phần mềm đọc màn hình cho người khiếm thị không đọc được
image-no-alt-help = viết lời mô tả ảnh trong ngoặc vuông: ![Lễ mít tinh kỷ niệm ngày 25/3](../files/anh.jpg)
image-not-found = không tìm thấy ảnh `{ $image }`: { $reason }
image-not-found-help = chép ảnh vào { $year }/files/ và viết `image: ../files/<tên tệp>`

## Tin và trang

post-date-outside-year = tin đề ngày { $date } nhưng lại nằm trong thư mục năm { $year }
post-date-outside-year-help = sửa lại ngày, hoặc chuyển tệp sang thư mục { $year }/news/
title-too-long = tiêu đề dài { $chars } ký tự; tiêu đề tối đa { $max } ký tự
title-too-long-help = rút tiêu đề lại còn một hai dòng; phần còn lại đưa vào { $rest } hoặc nội dung
tags-too-many = tin này có { $count } thẻ; mỗi tin tối đa { $max } thẻ
tags-too-many-help = chỉ giữ tối đa { $max } thẻ, thường là 2-3 thẻ nói đúng nhất về tin (dùng lại thẻ đã có): mọi trang hiện tin đều hiện đủ các thẻ, và mỗi thẻ có trang riêng; tên người, nơi chốn trong tin thì để trong nội dung
tag-too-long = thẻ `{ $tag }` dài { $chars } ký tự; mỗi thẻ tối đa { $max } ký tự
tag-too-long-help = rút thẻ lại còn vài chữ nói về một chủ đề, ví dụ "Hải Phòng", "Kế hoạch": tên thẻ cũng là địa chỉ trang của thẻ
tag-address-too-long = địa chỉ của thẻ `{ $tag }` sẽ dài { $chars } ký tự; địa chỉ tối đa { $max } ký tự
tag-address-too-long-help = rút ngắn thẻ, hoặc viết bằng chữ tiếng Việt hay chữ Latinh (chữ của các thứ tiếng khác bị phiên thành nhiều chữ cái trong địa chỉ)
tag-no-letters = thẻ `{ $tag }` không có chữ hay số nào
tag-no-letters-help = viết thẻ bằng chữ, ví dụ tags: ["Hải Phòng", "Kế hoạch"]
post-address-empty = địa chỉ của tin này sẽ trống: tên tệp không có chữ hay số nào
post-address-empty-help = đổi tên tệp, ví dụ ke-hoach-45.md, hoặc thêm `slug: ke-hoach-45` vào phần đầu
post-address-too-long = địa chỉ của tin này sẽ dài { $chars } ký tự (`{ $address }`); địa chỉ tối đa { $max } ký tự
post-address-too-long-slug-help = rút `slug:` lại còn vài chữ, ví dụ `slug: ke-hoach-45-hai-phong`
post-address-too-long-file-help = đổi tên tệp cho ngắn hơn (tên tệp là địa chỉ của tin), hoặc thêm một `slug:` ngắn vào phần đầu, ví dụ `slug: ke-hoach-45-hai-phong`
post-address-taken = hai tin của năm { $year } có cùng địa chỉ { $address }: { $first } và { $second }
post-address-taken-help = đổi tên tệp của một trong hai tin, hoặc cho nó một `slug:` khác trong phần đầu
page-address-reserved = không đăng được trang ở địa chỉ /{ $slug }/: địa chỉ này đã dành cho trang web
page-address-reserved-help = đổi tên tệp (tên tệp là địa chỉ của trang)
page-address-too-long = địa chỉ của trang này sẽ dài { $chars } ký tự (`{ $address }`); địa chỉ tối đa { $max } ký tự
page-address-too-long-help = đổi tên tệp cho ngắn hơn (tên tệp là địa chỉ của trang), ví dụ gioi-thieu.md
organization-too-long-help = chỉ ghi tên cơ quan tổ chức, ví dụ "Sở Lao động - Thương binh và Xã hội thành phố Hải Phòng"
cover-no-alt = ảnh `{ $image }` chưa có mô tả (image_alt)
cover-no-alt-help = thêm image_alt: "…" ngay dưới image:, nói ảnh cho thấy gì, cho người không xem được ảnh (người khiếm thị dùng trình đọc màn hình)
album-no-alt = ảnh `{ $file }` trong album chưa có mô tả (alt)
album-no-alt-help = viết alt: "…" nói ảnh cho thấy gì, cho người không xem được ảnh; chú thích (caption) là phần hiện dưới ảnh, không thay được alt
album-not-a-photo = `{ $file }` không phải ảnh: album chỉ nhận ảnh JPEG, PNG, WebP, GIF hoặc SVG
album-not-a-photo-help = tài liệu (PDF, Word, Excel) đưa vào `documents:` của năm, hoặc liên kết trong nội dung tin
album-photo-external = `{ $file }` là địa chỉ trên trang khác: album chỉ nhận ảnh của trang
album-photo-external-help = tải ảnh về, chép vào thư mục content/{ $year }/files/ rồi ghi tên tệp
album-photo-twice = ảnh `{ $file }` đã có trong album này
album-photo-twice-help = xóa dòng lặp lại; mỗi ảnh chỉ cần có một lần
album-too-long = album có { $count } ảnh, nhiều hơn { $max }
album-too-long-help = chọn những ảnh tiêu biểu nhất (tối đa { $max }), hoặc chia thành nhiều tin
