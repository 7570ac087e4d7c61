//! The search index: for every folded word, the records each of its
//! written forms occurs in (in the title, or anywhere), and for every pair
//! of consecutive words (folded), the records the pair occurs in, which
//! is what phrases and word order are ranked by.
//!
//! Records are indexed in parallel by blocks, each block with its own
//! small dictionary; the blocks are then merged in order, so the lists of
//! record numbers come out sorted and the bytes do not depend on threads.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::fold::{fold, for_each_word};
use super::records::Record;

/// A word's occurrences, as record numbers (ascending) with where it was.
const IN_HEADING: u8 = 1;
/// Records indexed by one block (one thread's task).
const BLOCK: usize = 256;

/// A folded word's written forms, each with its records and the records
/// that have it in their heading.
pub(crate) type Forms = BTreeMap<String, (Vec<u32>, Vec<u32>)>;

/// The index of a set of records, words and pairs by their folded form.
#[derive(Debug, Default)]
pub(crate) struct Index {
    /// Folded word → its written forms → (records, records with it in the heading).
    pub(crate) words: BTreeMap<String, Forms>,
    /// `"dao tao"` → records.
    pub(crate) pairs: BTreeMap<String, Vec<u32>>,
}

/// Strings numbered in the order they are first seen.
#[derive(Default)]
struct Dict {
    ids: FxHashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Dict {
    /// The number of `s`, and whether it is new.
    fn id(&mut self, s: &str) -> (u32, bool) {
        if let Some(&id) = self.ids.get(s) {
            return (id, false);
        }
        let id = self.names.len() as u32;
        self.ids.insert(s.into(), id);
        self.names.push(s.into());
        (id, true)
    }
}

/// Words (as written, lowercased), their folded forms, where each word
/// occurs and where each pair of folded words does, by number.
#[derive(Default)]
struct Block {
    words: Dict,
    folded: Dict,
    /// Per word: its folded form's number.
    folded_of: Vec<u32>,
    /// Per word: (record, where) for each record it occurs in.
    occurs: Vec<Vec<(u32, u8)>>,
    pairs: FxHashMap<(u32, u32), Vec<u32>>,
}

impl Block {
    fn word(&mut self, w: &str) -> u32 {
        let (id, new) = self.words.id(w);
        if new {
            self.folded_of.push(self.folded.id(&fold(w)).0);
            self.occurs.push(Vec::new());
        }
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

    /// Appends `other` (whose records all come after this block's).
    fn append(&mut self, other: Block) {
        let folded: Vec<u32> = other
            .folded
            .names
            .iter()
            .map(|f| self.folded.id(f).0)
            .collect();
        for (local, mut occurs) in other.occurs.into_iter().enumerate() {
            let (id, new) = self.words.id(&other.words.names[local]);
            if new {
                self.folded_of.push(folded[other.folded_of[local] as usize]);
                self.occurs.push(occurs);
            } else {
                self.occurs[id as usize].append(&mut occurs);
            }
        }
        for ((a, b), mut list) in other.pairs {
            self.pairs
                .entry((folded[a as usize], folded[b as usize]))
                .or_default()
                .append(&mut list);
        }
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
    let mut all = Block::default();
    for block in blocks {
        all.append(block);
    }
    let mut index = Index::default();
    let folded = &all.folded.names;
    for (id, occurs) in all.occurs.into_iter().enumerate() {
        let heading = occurs
            .iter()
            .filter(|(_, place)| place & IN_HEADING != 0)
            .map(|(r, _)| *r)
            .collect();
        let records = occurs.into_iter().map(|(r, _)| r).collect();
        index
            .words
            .entry(folded[all.folded_of[id] as usize].to_string())
            .or_default()
            .insert(all.words.names[id].to_string(), (records, heading));
    }
    for ((a, b), list) in all.pairs {
        index.pairs.insert(
            format!("{} {}", folded[a as usize], folded[b as usize]),
            list,
        );
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
        assert_eq!(encode_list(&[0, 5, 41, 51], 1000), "d0,5,10,a");
        // Every record of 10: a bitmap of two bytes.
        let all: Vec<u32> = (0..10).collect();
        assert_eq!(encode_list(&all, 10), "b/wM=");
        let mut s = String::new();
        base64(b"Man", &mut s);
        base64(b"Ma", &mut s);
        assert_eq!(s, "TWFuTWE=");
    }
}
