//! `<year>/edition.yaml` as written: the types its YAML is read into (and
//! its JSON Schema made from), before any check.

use serde::Deserialize;

use crate::content::limits::MAX_TITLE_CHARS;
use crate::dates::Day;

/// Chương trình kỷ niệm của một năm (`content/<năm>/edition.yaml`). One year's edition as written.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "edition.yaml")]
pub(crate) struct EditionFile {
    /// Chủ đề năm (theme): đúng như trong văn bản – cũng là khẩu hiệu đầu tiên trên băng rôn.
    #[schemars(length(max = MAX_TITLE_CHARS))]
    pub(super) theme: String,
    /// Khẩu hiệu (slogans) thêm, hiện sau chủ đề trên trang băng rôn; 1-3 câu ngắn.
    #[serde(default)]
    pub(super) slogans: Vec<String>,
    /// Ghi chú về khẩu hiệu (slogans_note), hiện cùng các khẩu hiệu: nguồn của chúng, ví dụ "Các khẩu hiệu sau chủ đề do trang đề xuất".
    #[serde(default)]
    pub(super) slogans_note: Option<String>,
    /// Tóm tắt (summary): một hai câu, không định dạng, cho danh sách, trang lưu trữ và mô tả trang.
    #[serde(default)]
    pub(super) summary: Option<String>,
    /// Thời gian tổ chức hoạt động (period): `{ from: "23/3/2023", to: "25/3/2023" }`.
    #[serde(default)]
    pub(super) period: Option<PeriodFile>,
    /// Mục đích (purposes): danh sách, mỗi mục viết Markdown.
    #[serde(default)]
    pub(super) purposes: Vec<String>,
    /// Yêu cầu (requirements): danh sách, mỗi mục viết Markdown.
    #[serde(default)]
    pub(super) requirements: Vec<String>,
    /// Hoạt động (activities): việc gì, khi nào, ở đâu, đơn vị nào thực hiện.
    #[serde(default)]
    pub(super) activities: Vec<ActivityFile>,
    /// Đơn vị tham gia (units), theo thứ tự trong văn bản.
    #[serde(default)]
    pub(super) units: Vec<UnitFile>,
    /// Văn bản chỉ đạo, kế hoạch được trích dẫn (documents).
    #[serde(default)]
    pub(super) documents: Vec<DocumentFile>,
    /// Báo cáo kết quả (report): hạn gửi và nơi nhận.
    #[serde(default)]
    pub(super) report: Option<ReportFile>,
    /// Đơn vị tổ chức năm này (organization), nếu khác `organization` trong site.yaml: hiện ở đầu và chân các trang của năm; năm cũ giữ tên cơ quan khi đó.
    #[serde(default)]
    #[schemars(length(max = MAX_TITLE_CHARS))]
    pub(super) organization: Option<String>,
    /// Biểu trưng (logo) của đơn vị tổ chức năm này: tên tệp trong thư mục `files/` của năm, ví dụ "logo-so-2023.svg".
    #[serde(default)]
    pub(super) logo: Option<String>,
    /// Album ảnh của năm (photos), hiện thành bộ sưu tập trên trang của năm: mỗi ảnh có `file` (tên tệp trong `files/`), `alt`, `caption`, `download`.
    #[serde(default)]
    #[schemars(length(max = crate::content::album::MAX_ALBUM_PHOTOS))]
    pub(crate) photos: Vec<crate::content::album::AlbumEntry>,
    // Derived from the folder and `site.yaml`; checked when written.
    /// Không cần viết (year): năm lấy từ tên thư mục; nếu viết thì phải trùng.
    #[serde(default)]
    #[schemars(extend("deprecated" = true))]
    pub(super) year: Option<i64>,
    /// Không cần viết (edition): lần thứ mấy được tính từ `campaign.first_year` trong site.yaml; nếu viết thì phải đúng.
    #[serde(default)]
    #[schemars(extend("deprecated" = true))]
    pub(super) edition: Option<i64>,
    /// Không cần viết (date): ngày kỷ niệm lấy từ `campaign.day` trong site.yaml; nếu viết thì phải trùng.
    #[serde(default)]
    #[schemars(extend("deprecated" = true))]
    pub(super) date: Option<Day>,
}

/// Thời gian tổ chức (period): từ ngày, đến ngày, trong năm của thư mục.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct PeriodFile {
    /// Từ ngày (from), ví dụ "23/3/2024".
    pub(super) from: Day,
    /// Đến ngày (to), ví dụ "25/3/2024".
    pub(super) to: Day,
    /// Ghi chú (note), hiện cạnh thời gian: khoảng thời gian lấy từ đâu, ví dụ "Khoảng thời gian do trang chọn".
    #[serde(default)]
    pub(super) note: Option<String>,
}

/// Hoạt động (activity): viết `date` cho một ngày, hoặc `from` và `to` cho nhiều ngày.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct ActivityFile {
    /// Tên hoạt động (title): làm gì, ví dụ "Treo băng rôn, khẩu hiệu, pano".
    pub(super) title: String,
    /// Ngày (date) của hoạt động một ngày; không viết cùng `from`/`to`.
    #[serde(default)]
    pub(super) date: Option<Day>,
    /// Từ ngày (from) của hoạt động nhiều ngày.
    #[serde(default)]
    pub(super) from: Option<Day>,
    /// Đến ngày (to) của hoạt động nhiều ngày; cần có `from`.
    #[serde(default)]
    pub(super) to: Option<Day>,
    /// Địa điểm (location), ví dụ "Huyện Sơn Tây, tỉnh Quảng Ngãi".
    #[serde(default)]
    pub(super) location: Option<String>,
    /// Nội dung chi tiết (description), viết Markdown.
    #[serde(default)]
    pub(super) description: Option<String>,
    /// Đơn vị thực hiện (units): ghi đúng `name` đã viết trong phần `units`.
    #[serde(default)]
    pub(super) units: Vec<String>,
}

/// Đơn vị tham gia (unit).
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct UnitFile {
    /// Tên đầy đủ (name) của đơn vị, ví dụ "Phòng Bảo trợ xã hội".
    pub(super) name: String,
    /// Nhóm (group) để xếp đơn vị, ví dụ "Sở, ban, ngành", "Mặt trận và đoàn thể".
    #[serde(default)]
    pub(super) group: Option<String>,
    /// Vai trò (role), ghi chú ngắn, ví dụ "Chủ trì".
    #[serde(default)]
    pub(super) role: Option<String>,
    /// Nhiệm vụ (tasks) của đơn vị, viết Markdown.
    #[serde(default)]
    pub(super) tasks: Option<String>,
}

/// Văn bản (document) được trích dẫn.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct DocumentFile {
    /// Trích yếu (title) của văn bản.
    pub(super) title: String,
    /// Số, ký hiệu (number), ví dụ "45/KH-SLĐTBXH".
    #[serde(default)]
    pub(super) number: Option<String>,
    /// Ngày ban hành (date); không sau năm của thư mục.
    #[serde(default)]
    pub(super) date: Option<Day>,
    /// Cơ quan ban hành (issuer), ví dụ "Sở Lao động - Thương binh và Xã hội Hải Phòng".
    #[serde(default)]
    pub(super) issuer: Option<String>,
    /// Tệp đính kèm (file): tên tệp trong thư mục `files/` của năm; không viết cùng `url`.
    #[serde(default)]
    pub(super) file: Option<String>,
    /// Liên kết (url): địa chỉ web "https://..." hoặc trang của trang này tính từ gốc, ví dụ "/quyet-dinh-1791/".
    #[serde(default)]
    pub(super) url: Option<String>,
    /// Chữ của liên kết (label) khi `file`/`url` không phải chính văn bản: nói rõ liên kết mở gì, ví dụ "Biểu tổng hợp kèm kế hoạch (CSV)".
    #[serde(default)]
    pub(super) label: Option<String>,
}

/// Báo cáo kết quả (report).
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct ReportFile {
    /// Hạn gửi báo cáo (deadline), trong năm của thư mục.
    #[serde(default)]
    pub(super) deadline: Option<Day>,
    /// Hạn của ai (deadline_source): cơ quan đặt hạn, khi một năm gồm nhiều địa phương, ví dụ "Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum".
    #[serde(default)]
    pub(super) deadline_source: Option<String>,
    /// Nơi nhận báo cáo (contact), viết Markdown, ví dụ "Phòng Bảo trợ xã hội, e-mail ...".
    #[serde(default)]
    pub(super) contact: Option<String>,
}
