# What campaign says to staff, in Vietnamese (the default language).
# Each id here must also be in locales/en/campaign.ftl, with the same
# arguments: `cargo test i18n` checks it. An id is also the stable machine
# code of a problem in `campaign check --format json`: do not rename one.

## How a problem is printed

severity-error = lỗi
severity-warning = cảnh báo
help-label = cách sửa

# Text not yet in the catalogue (being moved there).
raw = { $text }

build-failed = Có { $errors } lỗi{ $warnings ->
        [0] {""}
       *[other] {" "}(và { $warnings } cảnh báo)
    }; chưa ghi gì ra thư mục kết quả. Hãy sửa rồi chạy lại lệnh build.
