//! Search of the whole archive, in a static site: the build writes a
//! compact index that a small script in the search page reads, a few
//! files per query (see `docs/search.md` for why not Pagefind, and the
//! figures).
//!
//! Files, all below `tim-kiem/chi-muc/`, each a script calling
//! `campaignSearchData(name, data)`, so that the page loads them with
//! `<script src>`, which works from `file://` as over HTTP (`fetch` does
//! not work from disk):
//!
//! - `manifest.js`: how many records and shards, each record's year and
//!   kind (as runs), the version the other files are asked for with;
//! - `s<n>.js`: shard `n` of the words and pairs, by a hash of the folded
//!   key, so a query loads one small file per word and per pair;
//! - `r<n>.js`: what results show (title, address, year, date, kind,
//!   excerpt) of records `n * CHUNK ..`;
//! - `tu.js`: every folded word and how many records have it, loaded
//!   only to correct a word that matches nothing.

mod cache;
mod fold;
mod index;
mod records;
mod worker;

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::content::model::Site;
pub(crate) use cache::RecordCache;
pub(crate) use records::{Kind, Record, html_text, records};
pub(crate) use worker::Worker;

/// The folder of the index files.
pub(crate) const DIR: &str = "tim-kiem/chi-muc/";
/// Records per file of what results show.
const CHUNK: usize = 16;
/// The size a shard aims at, in bytes.
const SHARD_TARGET: usize = 6 * 1024;

/// The index files of a site, as (site path, bytes), in a stable order.
/// `body` gives the text of a post the model holds no body of (see
/// [`records`]).
pub(crate) fn files(
    site: &Site,
    body: &mut dyn FnMut(usize, usize) -> Option<String>,
) -> Vec<(String, Vec<u8>)> {
    let mut phases = crate::timing::Phases::start();
    let records = records(site, body);
    phases.end("search: records");
    files_of(&records)
}

/// The index files of `records`.
pub(crate) fn files_of(records: &[Record]) -> Vec<(String, Vec<u8>)> {
    let mut phases = crate::timing::Phases::start();
    let index = index::index(records);
    phases.end("search: index");
    let n = records.len();
    // Every entry, encoded, then spread over shards by a hash of its key.
    let mut entries: Vec<(String, bool, Value)> =
        Vec::with_capacity(index.words.len() + index.pairs.len());
    let mut vocabulary = Vec::new();
    for (folded, forms) in &index.words {
        let mut count = 0;
        let forms: Vec<Value> = forms
            .iter()
            .map(|(form, (all, heading))| {
                count += all.len();
                json!([
                    form,
                    index::encode_list(all, n),
                    index::encode_list(heading, n)
                ])
            })
            .collect();
        if !folded.bytes().all(|b| b.is_ascii_digit()) {
            vocabulary.push(json!([folded, count]));
        }
        entries.push((folded.clone(), false, Value::Array(forms)));
    }
    for (pair, list) in &index.pairs {
        entries.push((
            pair.clone(),
            true,
            Value::String(index::encode_list(list, n)),
        ));
    }
    phases.end("search: encode");
    let size: usize = entries.iter().map(|(k, _, v)| k.len() + estimate(v)).sum();
    let shards = (size / SHARD_TARGET).max(1).next_power_of_two();
    let mut shard_maps: Vec<(BTreeMap<String, Value>, BTreeMap<String, Value>)> =
        (0..shards).map(|_| Default::default()).collect();
    for (key, pair, value) in entries {
        let s = &mut shard_maps[(fnv(&key) as usize) % shards];
        if pair {
            s.1.insert(key, value)
        } else {
            s.0.insert(key, value)
        };
    }
    let mut out: Vec<(String, Vec<u8>)> = Vec::with_capacity(shards + n / CHUNK + 3);
    for (i, (words, pairs)) in shard_maps.into_iter().enumerate() {
        let name = format!("s{i}");
        out.push(script(&name, &json!({ "w": words, "p": pairs })));
    }
    for (i, chunk) in records.chunks(CHUNK).enumerate() {
        let shown: Vec<Value> = chunk
            .iter()
            .map(|r| {
                json!([
                    r.path,
                    r.title,
                    r.kind.slug(),
                    r.year,
                    r.ordinal,
                    r.date.map(|d| d.short()),
                    r.excerpt
                ])
            })
            .collect();
        out.push(script(&format!("r{i}"), &Value::Array(shown)));
    }
    out.push(script("tu", &Value::Array(vocabulary)));
    phases.end("search: files");
    let mut hash = blake3::Hasher::new();
    for (_, bytes) in &out {
        hash.update(bytes);
    }
    let version = hash.finalize().to_hex()[..12].to_owned();
    out.push(script("manifest", &manifest(records, shards, &version)));
    out
}

/// How many records and shards, and each record's year and kind as runs
/// of consecutive records: `[first, count, year or 0, kind]`.
fn manifest(records: &[Record], shards: usize, version: &str) -> Value {
    let mut runs: Vec<(usize, usize, i16, Kind)> = Vec::new();
    for (i, r) in records.iter().enumerate() {
        let year = r.year.unwrap_or(0);
        match runs.last_mut() {
            Some(run) if run.2 == year && run.3 == r.kind => run.1 += 1,
            _ => runs.push((i, 1, year, r.kind)),
        }
    }
    let runs: Vec<Value> = runs
        .iter()
        .map(|(f, c, y, k)| json!([f, c, y, k.slug()]))
        .collect();
    json!({
        "version": version,
        "records": records.len(),
        "shards": shards,
        "chunk": CHUNK,
        "runs": runs,
    })
}

/// A data file: `campaignSearchData("s3",{…});`.
fn script(name: &str, data: &Value) -> (String, Vec<u8>) {
    let mut bytes = format!("campaignSearchData(\"{name}\",").into_bytes();
    serde_json::to_writer(&mut bytes, data).expect("JSON values always serialise");
    bytes.extend_from_slice(b");\n");
    (format!("{DIR}{name}.js"), bytes)
}

/// About how many bytes a value takes as JSON (for the number of shards).
fn estimate(v: &Value) -> usize {
    match v {
        Value::String(s) => s.len() + 3,
        Value::Array(a) => a.iter().map(estimate).sum::<usize>() + 2,
        _ => 8,
    }
}

/// FNV-1a over the UTF-16 units of a key: what the script computes.
pub(crate) fn fnv(key: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for unit in key.encode_utf16() {
        h ^= u32::from(unit);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

#[cfg(test)]
mod tests;
