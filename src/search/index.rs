//! The search index: for every folded word, the records each of its
//! written forms occurs in (in the title, or anywhere), and for every pair
//! of consecutive words (folded), the records the pair occurs in, which
//! is what phrases and word order are ranked by.
//!
//! Records are indexed in parallel by blocks, each block with its own
//! small dictionary; the blocks are then merged in order, so the lists of
//! record numbers come out sorted and the bytes do not depend on threads.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use super::fold::{fold, for_each_word};
use super::records::Record;

/// A word's occurrences, as record numbers (ascending) with where it was.
const IN_HEADING: u8 = 1;
/// Records indexed by one block (one thread's task).
const BLOCK: usize = 256;

/// The index of a set of records, words and pairs by their folded form.
#[derive(Debug, Default)]
pub(crate) struct Index {
    /// Folded word → its written forms → (records, records with it in the heading).
    pub(crate) words: BTreeMap<String, BTreeMap<String, (Vec<u32>, Vec<u32>)>>,
    /// `"dao tao"` → records.
    pub(crate) pairs: BTreeMap<String, Vec<u32>>,
}

/// What one block found, numbered by its own dictionary.
#[derive(Default)]
struct Block {
    ids: HashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
    /// Per word: its folded word's number, and its (record, where) list.
    folded_of: Vec<u32>,
    occurs: Vec<Vec<(u32, u8)>>,
    folded_ids: HashMap<String, u32>,
    folded_names: Vec<String>,
    pairs: HashMap<(u32, u32), Vec<u32>>,
}

impl Block {
    fn word(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let f = fold(w);
        let next = self.folded_ids.len() as u32;
        let fid = *self.folded_ids.entry(f.clone()).or_insert_with(|| {
            self.folded_names.push(f);
            next
        });
        let id = self.names.len() as u32;
        self.ids.insert(w.into(), id);
        self.names.push(w.into());
        self.folded_of.push(fid);
        self.occurs.push(Vec::new());
        id
    }

    fn add(&mut self, record: u32, text: &str, place: u8, buf: &mut String) {
        let mut previous: Option<u32> = None;
        for_each_word(text, buf, |w| {
            let id = self.word(w);
            let list = &mut self.occurs[id as usize];
            match list.last_mut() {
                Some(last) if last.0 == record => last.1 |= place,
                _ => list.push((record, place)),
            }
            let fid = self.folded_of[id as usize];
            if let Some(p) = previous {
                let list = self.pairs.entry((p, fid)).or_default();
                if list.last() != Some(&record) {
                    list.push(record);
                }
            }
            previous = Some(fid);
        });
    }
}

/// Indexes `records`, numbered from 0 in their order.
pub(crate) fn index(records: &[Record]) -> Index {
    let blocks: Vec<Block> = records
        .par_chunks(BLOCK)
        .enumerate()
        .map(|(b, chunk)| {
            let mut block = Block::default();
            let mut buf = String::new();
            for (i, r) in chunk.iter().enumerate() {
                let id = (b * BLOCK + i) as u32;
                block.add(id, &r.heading, IN_HEADING, &mut buf);
                block.add(id, &r.text, 0, &mut buf);
            }
            block
        })
        .collect();
    let mut index = Index::default();
    for block in blocks {
        for (id, name) in block.names.iter().enumerate() {
            let folded = &block.folded_names[block.folded_of[id] as usize];
            let forms = match index.words.get_mut(folded.as_str()) {
                Some(forms) => forms,
                None => index.words.entry(folded.clone()).or_default(),
            };
            let (all, heading) = match forms.get_mut(&**name) {
                Some(lists) => lists,
                None => forms.entry(name.to_string()).or_default(),
            };
            for &(r, place) in &block.occurs[id] {
                all.push(r);
                if place & IN_HEADING != 0 {
                    heading.push(r);
                }
            }
        }
        for ((a, b), list) in block.pairs {
            let key = format!(
                "{} {}",
                block.folded_names[a as usize], block.folded_names[b as usize]
            );
            index.pairs.entry(key).or_default().extend(list);
        }
    }
    index
}

/// A sorted list of record numbers, written as short as it goes: `b` and
/// a bitmap in base64 when most records are in it, else `d` and the gaps
/// between numbers in base 36, comma-separated.
pub(crate) fn encode_list(list: &[u32], records: usize) -> String {
    let mut gaps = String::from("d");
    let mut last = 0u32;
    for (i, &r) in list.iter().enumerate() {
        if i > 0 {
            gaps.push(',');
        }
        push_base36(&mut gaps, r - last);
        last = r;
    }
    let bitmap_len = 1 + records.div_ceil(8).div_ceil(3) * 4;
    if gaps.len() <= bitmap_len {
        return gaps;
    }
    let mut bits = vec![0u8; records.div_ceil(8)];
    for &r in list {
        bits[r as usize / 8] |= 1 << (r % 8);
    }
    let mut out = String::with_capacity(bitmap_len);
    out.push('b');
    base64(&bits, &mut out);
    out
}

fn push_base36(out: &mut String, mut n: u32) {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut buf = [0u8; 8];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = DIGITS[(n % 36) as usize];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.extend(buf[i..].iter().map(|&b| char::from(b)));
}

/// Standard base64 with padding (what the browser's `atob` reads).
fn base64(bytes: &[u8], out: &mut String) {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for k in 0..4 {
            if k <= c.len() {
                out.push(char::from(A[(n >> (18 - 6 * k) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::records::Kind;

    fn record(heading: &str, text: &str) -> Record {
        Record {
            path: String::new(),
            title: heading.to_owned(),
            kind: Kind::News,
            year: None,
            ordinal: None,
            date: None,
            excerpt: String::new(),
            heading: heading.to_owned(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn words_keep_their_written_forms_under_the_folded_one() {
        let records = vec![
            record("Hội nghị", "đào tạo"),
            record("Hồi âm", "dao tao nghề"),
            record("x", "hội"),
        ];
        let index = index(&records);
        let hoi = &index.words["hoi"];
        assert_eq!(hoi["hội"], (vec![0, 2], vec![0]));
        assert_eq!(hoi["hồi"], (vec![1], vec![1]));
        assert_eq!(index.words["dao"].len(), 2, "đào and dao");
        assert_eq!(index.pairs["dao tao"], vec![0, 1]);
        // A pair does not run from the heading into the text.
        assert!(!index.pairs.contains_key("nghi dao"));
    }

    #[test]
    fn blocks_merge_in_order() {
        let records: Vec<Record> = (0..BLOCK * 3 + 7)
            .map(|i| record("t", &format!("chung {}", i % 2)))
            .collect();
        let index = index(&records);
        let all = &index.words["chung"]["chung"].0;
        assert_eq!(all.len(), records.len());
        assert!(all.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(index.pairs["chung 1"].len(), records.len() / 2);
    }

    #[test]
    fn lists_take_the_shorter_form() {
        assert_eq!(encode_list(&[0, 5, 41], 1000), "d0,5,a");
        // Every record of 10: a bitmap of two bytes.
        let all: Vec<u32> = (0..10).collect();
        assert_eq!(encode_list(&all, 10), "b/wM=");
        let mut s = String::new();
        base64(b"Man", &mut s);
        base64(b"Ma", &mut s);
        assert_eq!(s, "TWFuTWE=");
    }
}
