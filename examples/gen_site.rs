//! Generates a large, realistic campaign site for benchmarks and tests.
//!
//! ```sh
//! cargo run --release --example gen_site -- --posts 10000 --years 10 --out /tmp/site
//! ```
//!
//! Writes `<out>/content/` in campaign's content format: `site.yaml`, one
//! edition per year (theme, purposes, activities, units, documents, an
//! attachment), and posts of about 900 Vietnamese words with headings,
//! lists, tables, links to other posts and attachments, and 2–3 tags each.
//! The output is deterministic: the same arguments give the same bytes.
//! `--hugo DIR` also writes the same posts as a Hugo site, for comparison.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// SplitMix64: small, fast, deterministic; quality is irrelevant here.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "công tác",
    "xã hội",
    "người dân",
    "cộng đồng",
    "hỗ trợ",
    "trợ giúp",
    "gia đình",
    "trẻ em",
    "người cao tuổi",
    "người khuyết tật",
    "hoàn cảnh",
    "khó khăn",
    "chính sách",
    "an sinh",
    "nhân viên",
    "cộng tác viên",
    "tuyên truyền",
    "kỷ niệm",
    "tôn vinh",
    "giá trị",
    "nhân văn",
    "nghề nghiệp",
    "chuyên nghiệp",
    "kết nối",
    "phát triển",
    "sáng tạo",
    "tiên phong",
    "địa phương",
    "đơn vị",
    "cơ sở",
    "trung tâm",
    "bảo trợ",
    "đoàn kết",
    "tương trợ",
    "thương yêu",
    "thiết thực",
    "hiệu quả",
    "trang trọng",
    "tiết kiệm",
    "báo cáo",
    "kế hoạch",
    "triển khai",
    "phối hợp",
    "thực hiện",
    "nâng cao",
    "nhận thức",
    "dịch vụ",
    "mô hình",
    "tập huấn",
    "đào tạo",
    "bệnh viện",
    "trường học",
    "ủy ban",
    "huyện",
    "xã",
    "phường",
    "thành phố",
    "tỉnh",
    "năm",
    "tháng",
    "ngày",
    "đội ngũ",
    "quan tâm",
    "giúp đỡ",
    "lá lành đùm lá rách",
];

const TAGS: &[&str] = &[
    "Hải Phòng",
    "Kon Tum",
    "Quảng Ngãi",
    "Phú Yên",
    "Kế hoạch",
    "Công văn",
    "Tuyên truyền",
    "Đơn vị trợ giúp xã hội",
    "Ủy ban nhân dân",
    "Y tế",
    "Giáo dục",
    "Đoàn Thanh niên",
    "Hội Phụ nữ",
    "Báo cáo",
    "Ăn tết",
    "Âm nhạc",
    "Ưu đãi",
];

const UNITS: &[(&str, &str)] = &[
    ("Sở Y tế", "Sở, ban, ngành"),
    ("Sở Giáo dục và Đào tạo", "Sở, ban, ngành"),
    ("Sở Thông tin và Truyền thông", "Sở, ban, ngành"),
    (
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Mặt trận và đoàn thể",
    ),
    ("Hội Liên hiệp Phụ nữ tỉnh", "Mặt trận và đoàn thể"),
    ("Tỉnh đoàn", "Mặt trận và đoàn thể"),
    (
        "Ủy ban nhân dân các huyện, thành phố",
        "Ủy ban nhân dân cấp huyện",
    ),
    (
        "Trung tâm Bảo trợ và Công tác xã hội tỉnh",
        "Trung tâm và cơ sở",
    ),
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick(WORDS));
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => s,
    }
}

fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| {
            let n = 8 + rng.below(10);
            sentence(rng, n)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

struct Args {
    posts: usize,
    years: usize,
    out: PathBuf,
    hugo: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        posts: 1000,
        years: 10,
        out: PathBuf::from("gen-site"),
        hugo: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--posts" => args.posts = value()?.parse().map_err(|e| format!("--posts: {e}"))?,
            "--years" => args.years = value()?.parse().map_err(|e| format!("--years: {e}"))?,
            "--out" => args.out = PathBuf::from(value()?),
            "--hugo" => args.hugo = Some(PathBuf::from(value()?)),
            other => {
                return Err(format!(
                    "unknown argument {other}; use --posts N --years N --out DIR [--hugo DIR]"
                ));
            }
        }
    }
    if args.years == 0 {
        return Err("--years must be at least 1".into());
    }
    Ok(args)
}

fn write(path: &Path, text: &str) {
    if let Some(p) = path.parent() {
        fs::create_dir_all(p).expect("create folder");
    }
    fs::write(path, text).expect("write file");
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let content = args.out.join("content");
    let _ = fs::remove_dir_all(&content);
    let mut rng = Rng(2017);
    let first_year = 2017;
    let last_year = first_year + args.years as i32 - 1;
    write(
        &content.join("site.yaml"),
        &format!(
            "title: \"Ngày Công tác xã hội Việt Nam\"\ndescription: \"Trang chiến dịch sinh tự động để đo hiệu năng.\"\nbase_url: \"https://ctxh.example.gov.vn/\"\norganization: \"Sở Lao động - Thương binh và Xã hội\"\ncampaign: {{ day: \"03-25\", first_year: {first_year} }}\nnews_per_page: 10\nmenu:\n  - {{ title: \"Trang chủ\", url: \"/\" }}\n  - {{ title: \"Tin tức\", url: \"/tin-tuc/\" }}\n  - {{ title: \"Lưu trữ\", url: \"/luu-tru/\" }}\n"
        ),
    );
    write(
        &content.join("index.md"),
        "Trang chiến dịch **Ngày Công tác xã hội Việt Nam** (25/3 hằng năm).\n",
    );
    // Posts are spread evenly over the years; slug i of year y is `tin-<y>-<i>`.
    let per_year: Vec<usize> = (0..args.years)
        .map(|y| args.posts / args.years + usize::from(y < args.posts % args.years))
        .collect();
    for (yi, &count) in per_year.iter().enumerate() {
        let year = first_year + yi as i32;
        let dir = content.join(year.to_string());
        let mut e = String::new();
        writeln!(
            e,
            "theme: \"Công tác xã hội Việt Nam - {} {}\"",
            rng.pick(&["Chuyên nghiệp", "Tiên phong", "Kết nối", "Sáng tạo"]),
            year
        )
        .unwrap();
        writeln!(e, "slogans:\n  - \"Lá lành đùm lá rách\"").unwrap();
        writeln!(e, "summary: \"{}\"", sentence(&mut rng, 14)).unwrap();
        writeln!(
            e,
            "period: {{ from: \"20/3/{year}\", to: \"25/3/{year}\" }}"
        )
        .unwrap();
        e.push_str("purposes:\n");
        for _ in 0..3 {
            writeln!(e, "  - \"{}\"", sentence(&mut rng, 20)).unwrap();
        }
        e.push_str("requirements:\n");
        writeln!(e, "  - \"{}\"", sentence(&mut rng, 16)).unwrap();
        e.push_str("activities:\n");
        for (i, (unit, _)) in UNITS.iter().enumerate().take(4) {
            writeln!(e, "  - title: \"{}\"\n    from: \"{}/3/{year}\"\n    to: \"25/3/{year}\"\n    location: \"{}\"\n    description: \"{}\"\n    units: [\"{unit}\"]", sentence(&mut rng, 6), 20 + i, rng.pick(&["Hải Phòng", "Kon Tum", "Quảng Ngãi"]), sentence(&mut rng, 18)).unwrap();
        }
        e.push_str("units:\n");
        for (name, group) in UNITS {
            writeln!(
                e,
                "  - name: \"{name}\"\n    group: \"{group}\"\n    tasks: \"{}\"",
                sentence(&mut rng, 16)
            )
            .unwrap();
        }
        writeln!(e, "documents:\n  - number: \"{}/KH-SLĐTBXH\"\n    date: \"1/3/{year}\"\n    issuer: \"Sở Lao động - Thương binh và Xã hội\"\n    title: \"Kế hoạch tổ chức Ngày Công tác xã hội Việt Nam năm {year}\"\n    file: \"ke-hoach-{year}.txt\"", 40 + yi).unwrap();
        writeln!(
            e,
            "report: {{ deadline: \"31/3/{year}\", contact: \"Phòng Bảo trợ xã hội\" }}"
        )
        .unwrap();
        write(&dir.join("edition.yaml"), &e);
        // Invented results: every unit but the last has reported, so the
        // results pages show totals, charts, tables and who is missing.
        let mut r = format!("date: \"31/3/{year}\"\nunits:\n");
        for (name, _) in &UNITS[..UNITS.len() - 1] {
            let own = 1_000_000 * (1 + rng.below(20));
            writeln!(
                r,
                "  - unit: \"{name}\"\n    participants: {}\n    own_budget: \"{}\"\n    mobilised: \"{},5 triệu đồng\"\n    activities: {}",
                20 + rng.below(400),
                own,
                rng.below(10),
                1 + rng.below(6)
            )
            .unwrap();
        }
        write(&dir.join("reports").join("results.yaml"), &r);
        write(
            &dir.join("files").join(format!("ke-hoach-{year}.txt")),
            &paragraph(&mut rng, 6),
        );
        write(
            &dir.join("index.md"),
            &format!(
                "## Năm {year}\n\n{}\n\nXem [kế hoạch](files/ke-hoach-{year}.txt).\n",
                paragraph(&mut rng, 5)
            ),
        );
        for i in 0..count {
            let (month, day) = (1 + i * 12 / count.max(1), 1 + rng.below(28));
            let mut tags: Vec<&str> = Vec::new();
            for _ in 0..2 + rng.below(2) {
                let t = rng.pick(TAGS);
                if !tags.contains(&t) {
                    tags.push(t);
                }
            }
            let title = sentence(&mut rng, 8).trim_end_matches('.').to_owned();
            let mut p = String::new();
            writeln!(p, "---\ntitle: \"{title}\"\ndate: \"{day}/{month}/{year}\"\nsummary: \"{}\"\ntags: [{}]\nauthor: \"Phóng viên\"\n---", sentence(&mut rng, 16), tags.iter().map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(", ")).unwrap();
            for section in 0..4 {
                writeln!(
                    p,
                    "\n## {}\n\n{}\n",
                    sentence(&mut rng, 5).trim_end_matches('.'),
                    paragraph(&mut rng, 6)
                )
                .unwrap();
                match section {
                    0 => {
                        for _ in 0..4 {
                            writeln!(p, "- {}", sentence(&mut rng, 10)).unwrap();
                        }
                    }
                    1 => {
                        p.push_str("| Đơn vị | Số người tham gia | Kinh phí (triệu đồng) |\n|---|---:|---:|\n");
                        for (name, _) in UNITS.iter().take(4) {
                            writeln!(
                                p,
                                "| {name} | {} | {} |",
                                10 + rng.below(200),
                                1 + rng.below(50)
                            )
                            .unwrap();
                        }
                    }
                    2 if i > 0 => {
                        writeln!(p, "Xem thêm [tin trước](tin-{year}-{}.md) và [kế hoạch năm {year}](../files/ke-hoach-{year}.txt).", i - 1).unwrap();
                    }
                    3 if yi > 0 && per_year[yi - 1] > 0 => {
                        writeln!(p, "Nhìn lại [năm trước](../../{}/news/tin-{}-0.md) hoặc [tất cả tin tức](/tin-tuc/).", year - 1, year - 1).unwrap();
                    }
                    _ => {}
                }
            }
            let name = format!("tin-{year}-{i}.md");
            write(&dir.join("news").join(&name), &p);
            if let Some(hugo) = &args.hugo {
                let body = p.splitn(3, "---\n").nth(2).unwrap_or("");
                let front = format!(
                    "---\ntitle: \"{title}\"\ndate: {year}-{month:02}-{day:02}\ntags: [{}]\n---\n",
                    tags.iter()
                        .map(|t| format!("\"{t}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                // Links between source files mean nothing to Hugo: keep the text.
                let body = body.replace(".md)", "/)");
                write(
                    &hugo
                        .join("content")
                        .join("posts")
                        .join(year.to_string())
                        .join(&name),
                    &(front + &body),
                );
            }
        }
    }
    if let Some(hugo) = &args.hugo {
        write(
            &hugo.join("hugo.toml"),
            "baseURL = \"https://ctxh.example.gov.vn/\"\nlanguageCode = \"vi\"\ntitle = \"Ngày Công tác xã hội Việt Nam\"\ndisableKinds = [\"RSS\"]\n[taxonomies]\ntag = \"tags\"\n",
        );
        write(
            &hugo.join("layouts").join("_default").join("baseof.html"),
            "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>\n",
        );
        write(
            &hugo.join("layouts").join("_default").join("single.html"),
            "{{ define \"main\" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format \"2/1/2006\" }}</time>{{ .Content }}<ul>{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul></article>{{ end }}\n",
        );
        write(
            &hugo.join("layouts").join("_default").join("list.html"),
            "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ end }}\n",
        );
    }
    println!(
        "wrote {} posts in {} editions ({first_year}–{last_year}) to {}",
        args.posts,
        args.years,
        content.display()
    );
}
