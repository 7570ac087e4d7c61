//! The calendar of an edition (`<year>/lich.ics`): its scheduled activities
//! as all-day events, for staff to add to their own calendars. Vietnam
//! keeps one time zone and no daylight saving, so days need no zone.
//!
//! Reproducible: each event's `UID` is a hash of the edition's year and the
//! activity's title (stable while the activity is), and `DTSTAMP` is the
//! edition's day, never the clock (icalendar writes the clock's time and a
//! random `UID` when they are missing, so both are always set).

use chrono::{NaiveDate, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::config::SiteConfig;
use crate::content::model::{Edition, When};
use crate::dates::Day;

fn naive(d: Day) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        i32::from(d.0.year()),
        u32::try_from(d.0.month()).ok()?,
        u32::try_from(d.0.day()).ok()?,
    )
}

/// The host of the site's address, for the events' ids (`UID`s are
/// unique by ending in the publisher's domain).
fn host(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.split(['/', ':']).next().unwrap_or("campaign")
}

/// The id of activity `title` of `year`, stable across builds.
pub(crate) fn uid(config: &SiteConfig, year: i16, title: &str) -> String {
    let hash = blake3::hash(format!("{year}\n{title}").as_bytes());
    format!("{}-{year}@{}", &hash.to_hex()[..16], host(&config.base_url))
}

/// The `.ics` text of `e`.
pub(crate) fn ics(config: &SiteConfig, e: &Edition) -> String {
    let mut cal = Calendar::new();
    cal.name(&format!("{} {}", config.title, e.year));
    cal.description(&e.theme);
    let stamp = naive(e.date)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| Utc.from_utc_datetime(&t));
    for a in &e.activities {
        let (from, to) = match a.when {
            When::Unscheduled => continue,
            When::On(d) => (d, d),
            When::Between(f, t) => (f, t),
        };
        let (Some(from), Some(to)) = (naive(from), naive(to)) else {
            continue;
        };
        let mut event = Event::new();
        event
            .uid(&uid(config, e.year, &a.title))
            .summary(&a.title)
            .starts(from)
            // An all-day event ends the day after its last day (RFC 5545).
            .ends(to.succ_opt().unwrap_or(to));
        if let Some(stamp) = stamp {
            event.timestamp(stamp);
        }
        if let Some(l) = &a.location {
            event.location(l);
        }
        if !a.units.is_empty() {
            event.description(&format!("Đơn vị thực hiện: {}", a.units.join("; ")));
        }
        cal.push(event.done());
    }
    cal.done().to_string()
}
