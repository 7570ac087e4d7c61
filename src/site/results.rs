//! What the results pages show: an edition's compiled reports (totals, by
//! group, by unit, who has not reported, charts) and the years side by
//! side; and the compiled table as files to download.

use serde::Serialize;

use super::charts::{self, Bar};
use crate::content::model::{Edition, Results, Tally};
use crate::numbers::{grouped, money, money_short};
use crate::routes;

/// Figures as a page writes them.
#[derive(Serialize)]
pub(super) struct TallyView {
    participants: String,
    total: String,
    own: String,
    mobilised: String,
    activities: Option<String>,
    reached: Option<String>,
    /// The total for a headline (`1,2 tỷ đồng`).
    total_short: String,
}

fn tally(t: &Tally) -> TallyView {
    TallyView {
        participants: grouped(t.participants),
        total: money(t.total),
        own: money(t.own),
        mobilised: money(t.mobilised),
        activities: t.activities.map(grouped),
        reached: t.reached.map(grouped),
        total_short: money_short(t.total),
    }
}

/// A line of a table: a unit or a group.
#[derive(Serialize)]
pub(super) struct LineView {
    name: String,
    group: Option<String>,
    figures: TallyView,
    note: Option<String>,
    /// For a group: "3/5".
    reported: Option<String>,
}

#[derive(Serialize)]
pub(super) struct ChartView {
    /// Shown as the figure's caption (the SVG's own title names it for
    /// screen readers).
    title: String,
    svg: String,
}

/// A bar chart with its caption.
fn chart(id: &str, title: String, desc: &str, bars: &[Bar], legend: &[&str]) -> ChartView {
    ChartView {
        svg: charts::bars(id, &title, desc, bars, legend),
        title,
    }
}

/// What an edition's other pages say of its results.
#[derive(Serialize)]
pub(super) struct ResultsBrief {
    url: String,
    units: usize,
    reported: usize,
    empty: bool,
    totals: TallyView,
}

pub(super) fn brief(e: &Edition) -> ResultsBrief {
    ResultsBrief {
        url: routes::results(e.year),
        units: e.results.units,
        reported: e.results.reported.len(),
        empty: e.results.is_empty(),
        totals: tally(&e.results.totals),
    }
}

/// The results page of an edition.
#[derive(Serialize)]
pub(super) struct ResultsView {
    brief: ResultsBrief,
    groups: Vec<LineView>,
    units: Vec<LineView>,
    missing: Vec<String>,
    has_activities: bool,
    has_reached: bool,
    csv_url: String,
    xlsx_url: String,
    charts: Vec<ChartView>,
}

pub(super) fn page(e: &Edition) -> ResultsView {
    let r: &Results = &e.results;
    let groups: Vec<LineView> = r
        .groups
        .iter()
        .map(|g| LineView {
            name: g.group.clone().unwrap_or_else(|| "Đơn vị khác".to_owned()),
            group: None,
            figures: tally(&g.figures),
            note: None,
            reported: Some(format!("{}/{}", g.reported, g.units)),
        })
        .collect();
    let units = r
        .reported
        .iter()
        .map(|u| LineView {
            name: u.unit.clone(),
            group: u.group.clone(),
            figures: tally(&u.figures),
            note: u.note.clone(),
            reported: None,
        })
        .collect();
    ResultsView {
        brief: brief(e),
        groups,
        units,
        missing: r.missing.clone(),
        has_activities: r.totals.activities.is_some(),
        has_reached: r.totals.reached.is_some(),
        csv_url: routes::results_table(e.year, "csv"),
        xlsx_url: routes::results_table(e.year, "xlsx"),
        charts: if r.is_empty() {
            Vec::new()
        } else {
            edition_charts(e)
        },
    }
}

/// By group when the units have groups, else by unit (the largest first,
/// at most 15).
fn edition_charts(e: &Edition) -> Vec<ChartView> {
    let r = &e.results;
    let lines: Vec<(String, Tally)> = if r.groups.is_empty() {
        let mut units: Vec<_> = r
            .reported
            .iter()
            .map(|u| (u.unit.clone(), u.figures))
            .collect();
        units.sort_by_key(|u| std::cmp::Reverse(u.1.participants));
        units.truncate(15);
        units
    } else {
        r.groups
            .iter()
            .map(|g| {
                (
                    g.group.clone().unwrap_or_else(|| "Đơn vị khác".to_owned()),
                    g.figures,
                )
            })
            .collect()
    };
    let by = if r.groups.is_empty() {
        "đơn vị"
    } else {
        "nhóm đơn vị"
    };
    let people: Vec<Bar> = lines
        .iter()
        .map(|(name, t)| Bar {
            label: name.clone(),
            parts: vec![t.participants],
            shown: format!("{} người", grouped(t.participants)),
        })
        .collect();
    let funds: Vec<Bar> = lines
        .iter()
        .map(|(name, t)| Bar {
            label: name.clone(),
            parts: vec![t.own, t.mobilised],
            shown: money_short(t.total),
        })
        .collect();
    let describe = |f: &dyn Fn(&Tally) -> String| {
        lines
            .iter()
            .map(|(n, t)| format!("{n}: {}", f(t)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    vec![
        chart(
            &format!("bd-nguoi-{}", e.year),
            format!("Số người tham gia theo {by}, năm {}", e.year),
            &describe(&|t| format!("{} người", grouped(t.participants))),
            &people,
            &[],
        ),
        chart(
            &format!("bd-kinh-phi-{}", e.year),
            format!("Kinh phí theo {by}, năm {}", e.year),
            &describe(&funds_text),
            &funds,
            &["Ngân sách của cơ quan, đơn vị", "Vận động khác"],
        ),
    ]
}

/// A chart's description of a sum of funds, in words.
fn funds_text(t: &Tally) -> String {
    format!(
        "tổng {}, trong đó ngân sách {} và vận động {}",
        money(t.total),
        money(t.own),
        money(t.mobilised)
    )
}

/// A year of the comparison page.
#[derive(Serialize)]
pub(super) struct YearView {
    year: i16,
    ordinal_label: String,
    url: String,
    units: usize,
    reported: usize,
    empty: bool,
    totals: TallyView,
}

#[derive(Serialize)]
pub(super) struct CompareView {
    years: Vec<YearView>,
    charts: Vec<ChartView>,
    any: bool,
}

/// Every edition side by side, oldest first.
pub(super) fn compare(editions: &[Edition]) -> CompareView {
    let years: Vec<YearView> = editions
        .iter()
        .map(|e| YearView {
            year: e.year,
            ordinal_label: super::views::ordinal_label(e.ordinal),
            url: routes::results(e.year),
            units: e.results.units,
            reported: e.results.reported.len(),
            empty: e.results.is_empty(),
            totals: tally(&e.results.totals),
        })
        .collect();
    let with: Vec<&Edition> = editions.iter().filter(|e| !e.results.is_empty()).collect();
    let any = !with.is_empty();
    let describe = |f: &dyn Fn(&Tally) -> String| {
        with.iter()
            .map(|e| format!("năm {}: {}", e.year, f(&e.results.totals)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let charts = if any {
        let bars = |parts: &dyn Fn(&Tally) -> Vec<u64>, shown: &dyn Fn(&Tally) -> String| {
            with.iter()
                .map(|e| Bar {
                    label: format!("Năm {}", e.year),
                    parts: parts(&e.results.totals),
                    shown: shown(&e.results.totals),
                })
                .collect::<Vec<_>>()
        };
        vec![
            chart(
                "bd-nguoi-cac-nam",
                "Số người tham gia qua các năm".to_owned(),
                &describe(&|t| format!("{} người", grouped(t.participants))),
                &bars(&|t| vec![t.participants], &|t| {
                    format!("{} người", grouped(t.participants))
                }),
                &[],
            ),
            chart(
                "bd-kinh-phi-cac-nam",
                "Kinh phí qua các năm".to_owned(),
                &describe(&funds_text),
                &bars(&|t| vec![t.own, t.mobilised], &|t| money_short(t.total)),
                &["Ngân sách của cơ quan, đơn vị", "Vận động khác"],
            ),
        ]
    } else {
        Vec::new()
    };
    CompareView { years, charts, any }
}
