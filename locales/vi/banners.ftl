# Băng rôn in sẵn, ảnh chia sẻ (src/banners).
banner-colour-invalid = màu `{ $key }` viết là "{ $value }", không phải mã màu
banner-colour-invalid-help = viết mã màu dạng "#rrggbb", ví dụ "#c20e2c" (đỏ) hoặc "#ffde00" (vàng)
banner-sizes-count = có { $count } khổ in; cần từ 1 đến { $max } khổ
banner-sizes-count-help = giữ những khổ thật sự đặt in (tối đa { $max }); xóa `sizes:` để dùng các khổ mặc định
banner-size-out-of-range = khổ "{ $name }": `{ $key }` là { $value } m, ngoài khoảng { $min } đến { $max } m
banner-size-out-of-range-help = ghi kích thước bằng mét, ví dụ `height: 0.8` và `width: 6` cho băng rôn 0,8 × 6 m
banner-size-name-taken = tên khổ "{ $name }" trống hoặc trùng với một khổ khác
banner-size-name-taken-help = đặt cho mỗi khổ một tên riêng, ví dụ "Băng rôn", "Pano", "A3 ngang"; tên tệp được lấy từ tên này
banner-missing-character = khẩu hiệu "{ $slogan }" có ký tự "{ $character }" ({ $code }) mà phông chữ băng rôn không có
banner-missing-character-help = thay ký tự đó bằng chữ, dấu câu thông thường (phông Noto Sans có đủ chữ tiếng Việt), rồi lưu lại
banner-slogan-too-long = khẩu hiệu "{ $slogan }" quá dài cho khổ { $size }: cỡ chữ nhỏ nhất ({ $min } mm) vẫn không vừa hai dòng
banner-slogan-too-long-help = rút gọn khẩu hiệu, hoặc thêm khổ dài hơn trong `banners: sizes:` của site.yaml
banner-cache-failed = không ghi được băng rôn vào thư mục đệm: { $detail }
alias-leaves-site = địa chỉ cũ "{ $alias }" không phải một địa chỉ trong trang
alias-leaves-site-help = ghi địa chỉ cũ tính từ gốc trang, ví dụ "/2024/tin-tuc/ten-cu/", không có https://, "..", "?" hay "#"
alias-taken = địa chỉ cũ "{ $alias }" trùng với một trang, một tệp hoặc một địa chỉ cũ khác của trang
alias-taken-help = chỉ ghi những địa chỉ tin này thật sự từng có; xóa dòng này nếu địa chỉ đó nay là của trang khác
