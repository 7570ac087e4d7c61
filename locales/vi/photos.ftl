# Photos: what is said about a picture that cannot be published as it is.
# Each id here must also be in locales/en/photos.ftl, with the same
# arguments (`cargo test i18n` checks it). An id is also the stable machine
# code of a problem in `campaign check --format json`: do not rename one.

## Files that cannot be read

photo-missing = không tìm thấy ảnh { $file }
photo-missing-help = Hãy kiểm tra tên tệp (cả chữ hoa, chữ thường và phần đuôi như .jpg) và chắc chắn rằng ảnh đã được chép vào đúng thư mục.
photo-unreadable = không đọc được ảnh { $file }: { $reason }

## Limits

photo-too-large = ảnh { $file } nặng { $megabytes } MB, quá giới hạn { $limit } MB
photo-too-large-help = Hãy mở ảnh bằng một chương trình xem ảnh rồi lưu lại với kích thước nhỏ hơn (ví dụ chiều ngang 4000 điểm ảnh), hoặc gửi ảnh qua Zalo rồi tải bản đã gửi về.
photo-too-many-pixels = ảnh { $file } có kích thước { $width } × { $height } điểm ảnh ({ $megapixels } triệu điểm ảnh), quá giới hạn { $limit } triệu điểm ảnh; ảnh này không được xử lý
photo-too-many-pixels-help = Một tấm ảnh chụp bằng điện thoại chỉ khoảng 12 triệu điểm ảnh. Hãy thu nhỏ ảnh (ví dụ chiều ngang 4000 điểm ảnh) rồi lưu lại; nếu ảnh do người khác gửi, có thể tệp đã bị làm giả để gây hại: đừng mở nó trên máy.

## Formats

photo-heic = ảnh { $file } ở định dạng HEIC (ảnh chụp bằng iPhone), trình duyệt và chương trình này không đọc được
photo-heic-help = Hãy xuất ảnh dạng JPEG rồi dùng bản JPEG đó. Trên iPhone, để các ảnh chụp sau này là JPEG: Cài đặt → Camera → Định dạng → Tương thích nhất; với ảnh đã chụp: Cài đặt → Ảnh → Chuyển sang máy Mac hoặc PC → Tự động, rồi chép ảnh sang máy tính bằng cáp (iPhone tự đổi sang JPEG), hoặc gửi ảnh qua Zalo hay thư điện tử. Trên máy tính, mở ảnh rồi chọn Xuất (Export) hoặc Lưu thành (Save as) dạng JPEG.
photo-unsupported = ảnh { $file } ở định dạng { $format }, không đăng lên trang được
photo-not-a-picture = tệp { $file } không phải là ảnh JPEG, PNG, WebP, GIF hay SVG
photo-unsupported-help = Hãy mở ảnh bằng một chương trình xem ảnh rồi lưu lại (Lưu thành / Xuất) dạng JPEG cho ảnh chụp, hoặc PNG cho hình vẽ, biểu đồ.
photo-truncated = ảnh { $file } bị thiếu phần cuối (tệp chép hoặc tải về chưa xong)
photo-corrupt = ảnh { $file } bị hỏng, không đọc được ({ $detail })
photo-damaged-help = Hãy chép lại ảnh từ bản gốc (điện thoại, máy ảnh, thư điện tử) rồi thử lại; nếu mở ảnh trên máy cũng lỗi thì cần xin lại ảnh từ người gửi.

## SVG

photo-svg-unsafe = hình SVG { $file } có phần có thể chạy mã hoặc tải nội dung từ nơi khác ({ $what }), nên không được đăng
photo-svg-unsafe-help = Hãy mở hình bằng Inkscape rồi lưu lại dạng "SVG thuần" (Plain SVG) hoặc "SVG tối ưu" (Optimized SVG), bỏ các liên kết và hình nhúng từ trang khác; hoặc xuất hình ra dạng PNG.
photo-svg-invalid = hình SVG { $file } bị lỗi cấu trúc, trình duyệt sẽ không hiển thị được ({ $detail })
photo-svg-invalid-help = Hãy mở hình bằng Inkscape hoặc chương trình đã vẽ ra nó rồi lưu lại; hoặc xuất hình ra dạng PNG.

## Warnings

photo-animated = ảnh động { $file }: chỉ khung hình đầu tiên được đăng lên trang
photo-animated-help = Nếu cần cả đoạn chuyển động, hãy đăng nó dưới dạng video; nếu không, không cần làm gì.
photo-gps = ảnh { $file } có ghi vị trí nơi chụp (tọa độ GPS)
photo-gps-help = Các ảnh đăng lên trang đã được xóa vị trí này và mọi thông tin khác của máy chụp, nên không cần làm gì cho trang. Nhưng nếu gửi ảnh gốc cho người khác, vị trí vẫn còn trong đó: với ảnh trẻ em hoặc người ở cơ sở bảo trợ, hãy tắt vị trí trong máy ảnh điện thoại (Cài đặt → Quyền riêng tư → Dịch vụ định vị → Camera → Không bao giờ).

## The photo cache

photo-cache = không lưu được ảnh { $file } đã xử lý vào thư mục bộ nhớ đệm: { $reason }
photo-cancelled = đã dừng trước khi xử lý xong ảnh { $file }
