//! What the pages say about who organised each year, how to reach the
//! publisher, the countdown to the Day, and files published byte for byte.

mod common;

use common::*;

const ORG_2023: &str = "Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum";
const SITE_ORG: &str = "Sở Lao động - Thương binh và Xã hội thành phố Hải Phòng";

/// The header and the footer of a page, where the organisation is named.
fn chrome(page: &str) -> (&str, &str) {
    let header = &page[pos(page, "<header class=\"site-header\"")..pos(page, "</header>")];
    let footer = &page[pos(page, "<footer class=\"site-footer\"")..];
    let footer = &footer[..pos(footer, "</footer>")];
    (header, footer)
}

#[test]
fn an_edition_names_its_own_organisation_on_its_pages_only() {
    let t = site();
    t.write(
        "content/2023/edition.yaml",
        format!("{EDITION_2023}organization: \"{ORG_2023}\"\nlogo: \"logo-kon-tum.svg\"\n"),
    );
    t.write(
        "content/2023/files/logo-kon-tum.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
    );
    t.build_ok();
    // The year page, its banners, its news and its posts name the 2023 body.
    for file in [
        "2023/index.html",
        "2023/bang-ron/index.html",
        "2023/tin-tuc/index.html",
        "2023/tin-tuc/chu-de-2023/index.html",
    ] {
        let page = t.out(file);
        let (header, footer) = chrome(&page);
        assert!(header.contains(ORG_2023), "{file}: {header}");
        assert!(!header.contains(SITE_ORG), "{file}: {header}");
        assert!(
            footer.contains(&format!("Đơn vị tổ chức năm 2023: {ORG_2023}")),
            "{file}: {footer}"
        );
        assert!(
            header.contains("files/logo-kon-tum.svg\""),
            "{file}: {header}"
        );
    }
    assert!(
        t.out("2023/feed.xml")
            .contains(&format!("<name>{ORG_2023}</name>"))
    );
    // Every other page keeps the site's organisation and logo.
    for file in [
        "index.html",
        "2024/index.html",
        "2024/tin-tuc/ke-hoach/index.html",
        "luu-tru/index.html",
        "tin-tuc/index.html",
    ] {
        let page = t.out(file);
        let (header, footer) = chrome(&page);
        assert!(header.contains(SITE_ORG), "{file}: {header}");
        assert!(footer.contains(SITE_ORG), "{file}: {footer}");
        assert!(!page.contains(ORG_2023), "{file} names the 2023 body");
        assert!(!page.contains("Đơn vị tổ chức năm"), "{file}");
        assert!(header.contains("logo.svg\"") && !header.contains("logo-kon-tum"));
    }
    assert!(
        t.out("feed.xml")
            .contains(&format!("<name>{SITE_ORG}</name>"))
    );
}

#[test]
fn a_missing_edition_logo_is_an_error() {
    let t = site();
    t.write(
        "content/2023/edition.yaml",
        format!("{EDITION_2023}logo: \"khong-co.svg\"\n"),
    );
    let stderr = t.build(&[]).assert_fails(1).to_owned();
    assert!(stderr.contains("khong-co.svg"), "{stderr}");
}

#[test]
fn the_footer_carries_the_publishers_contact() {
    let t = site();
    t.write(
        "content/site.yaml",
        SITE_YAML.replace(
            "theme: default\n",
            "address: \"Số 1 Lê Đại Hành, Hồng Bàng, Hải Phòng\"\nphone: \"0225 3842 552\"\nemail: \"lienhe@ctxh.example.gov.vn\"\ntheme: default\n",
        ),
    );
    t.write(
        "content/2023/edition.yaml",
        format!("{EDITION_2023}organization: \"{ORG_2023}\"\n"),
    );
    t.build_ok();
    let home = t.out("index.html");
    let (_, footer) = chrome(&home);
    assert_in_order(
        footer,
        &[
            SITE_ORG,
            "<address class=\"footer-contact\">",
            "Địa chỉ: Số 1 Lê Đại Hành, Hồng Bàng, Hải Phòng",
            "<a href=\"tel:02253842552\">0225 3842 552</a>",
            "<a href=\"mailto:lienhe@ctxh.example.gov.vn\">lienhe@ctxh.example.gov.vn</a>",
            "</address>",
            "Nhận tin mới (RSS/Atom)",
        ],
    );
    assert!(!home.contains("Trang được tạo bằng"), "{footer}");
    // On a year with its own organisation, the contact says whose it is.
    let y2023 = t.out("2023/index.html");
    let (_, footer) = chrome(&y2023);
    assert_in_order(
        footer,
        &[
            ORG_2023,
            &format!("Cơ quan quản lý trang: {SITE_ORG}"),
            "Địa chỉ: Số 1 Lê Đại Hành",
        ],
    );
}

#[test]
fn without_contact_keys_the_footer_has_no_address() {
    let t = built_site();
    let home = t.out("index.html");
    let (_, footer) = chrome(&home);
    assert!(footer.contains(SITE_ORG), "{footer}");
    assert!(!footer.contains("<address"), "{footer}");
    assert!(!footer.contains("tel:") && !footer.contains("mailto:"));
}

#[test]
fn the_countdown_carries_its_date_and_a_static_fallback() {
    let t = built_site();
    let home = t.out("index.html");
    // CAMPAIGN_TODAY is 20/3/2024: five days before the Day.
    let start = pos(&home, "data-countdown=\"2024-03-25\"");
    let badge = &home[home[..start].rfind('<').unwrap()..];
    let badge = &badge[..pos(badge, "</span></span>")];
    assert!(
        badge.starts_with("<span class=\"status status-upcoming\""),
        "{badge}"
    );
    assert!(
        badge.contains("data-today-label=\"Hôm nay là Ngày Công tác xã hội Việt Nam\""),
        "{badge}"
    );
    assert!(badge.contains(">Còn 5 ngày nữa<"), "{badge}");
    assert!(
        badge.contains("(tính đến <time datetime=\"2024-03-20\">20/3/2024</time>)"),
        "{badge}"
    );
    // The script that says it again in the reader's browser: a file of the
    // theme, never inline.
    assert!(home.contains("<script src=\"./countdown.js\" defer></script>"));
    let y2024 = t.out("2024/index.html");
    assert!(y2024.contains("<script src=\"../countdown.js\" defer></script>"));
    let script = t.out("countdown.js");
    assert!(script.contains("data-countdown") && script.contains("Còn "));
    for file in list_files(&t.join("public")) {
        if file.ends_with(".html") {
            let page = t.out(&file);
            assert!(!page.contains("<script>"), "{file} has an inline script");
        }
    }
    // A past edition says so without a date to keep up to date.
    let y2023 = t.out("2023/index.html");
    assert!(y2023.contains(">Đã diễn ra</span>"), "{y2023}");
}

#[test]
fn a_csv_with_a_byte_order_mark_is_published_byte_for_byte() {
    let t = site();
    let mut csv = b"\xEF\xBB\xBF".to_vec();
    csv.extend_from_slice(
        "TT,Đơn vị báo cáo,Số người tham gia,Trong đó\r\n1,,,\r\nTổng,,,\r\n".as_bytes(),
    );
    t.write("content/2023/files/bieu-tong-hop.csv", &csv);
    t.write("content/static/mau/bieu.csv", &csv);
    t.build_ok();
    for file in ["2023/files/bieu-tong-hop.csv", "mau/bieu.csv"] {
        let published = std::fs::read(t.join("public").join(file)).unwrap();
        assert_eq!(published, csv, "{file} changed on the way");
    }
}
