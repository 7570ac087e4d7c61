//! The YAML of a file as a tree of nodes that know where they are written,
//! from the event marks of a second parser (`saphyr-parser`).
//!
//! `serde_yaml` loads the typed values but says little about where a value
//! is; this tree is built only when something must be pointed at (a problem
//! found while loading or checking), so loading a site that is right never
//! parses a file twice.

use saphyr_parser::{Event, Parser, ScalarStyle};

/// A place in the YAML text: 1-based line, 0-based column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) struct Pos {
    pub(crate) line: usize,
    pub(crate) col: usize,
}

impl Pos {
    fn of(m: saphyr_parser::Marker) -> Pos {
        Pos {
            line: m.line(),
            col: m.col(),
        }
    }
}

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Plain,
    Quoted,
    Block,
}

#[derive(Debug)]
pub(crate) enum Kind {
    Scalar(String, Style),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
    /// `*name`: not followed (a billion aliases cost nothing here).
    Alias,
}

/// One value of the YAML, with where it starts and ends.
#[derive(Debug)]
pub(crate) struct Node {
    pub(crate) start: Pos,
    pub(crate) end: Pos,
    pub(crate) kind: Kind,
}

/// Why the text could not be made into a tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Broken {
    /// Not valid YAML: where the parser stopped.
    Syntax(Pos),
    /// Lists or groups nested deeper than [`MAX_DEPTH`], at the first one too deep.
    TooDeep(Pos),
}

/// Nesting no content file needs (the deepest, an edition's activity's
/// list of units, is 4); deeper is refused before it costs stack.
pub(crate) const MAX_DEPTH: usize = 64;

/// One segment of a path to a value: a key of a group, or an item of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

enum Frame {
    Seq(Pos, Vec<Node>),
    Map(Pos, Vec<(Node, Node)>, Option<Node>),
}

/// The first document of `yaml` as a tree (`None` for an empty one).
pub(crate) fn build(yaml: &str) -> Result<Option<Node>, Broken> {
    let mut parser = Parser::new_from_str(yaml);
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node> = None;
    loop {
        let (event, span) = match parser.next_event() {
            None => break,
            Some(Ok(e)) => e,
            Some(Err(e)) => return Err(Broken::Syntax(Pos::of(*e.marker()))),
        };
        let (start, end) = (Pos::of(span.start), Pos::of(span.end));
        let done = match event {
            Event::StreamEnd | Event::DocumentEnd => break,
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(Broken::TooDeep(start));
                }
                stack.push(if matches!(event, Event::SequenceStart(..)) {
                    Frame::Seq(start, Vec::new())
                } else {
                    Frame::Map(start, Vec::new(), None)
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Frame::Seq(s, items)) => Node {
                    start: s,
                    end,
                    kind: Kind::Seq(items),
                },
                Some(Frame::Map(s, entries, _)) => Node {
                    start: s,
                    end,
                    kind: Kind::Map(entries),
                },
                None => return Err(Broken::Syntax(start)),
            },
            Event::Scalar(text, style, ..) => Node {
                start,
                end,
                kind: Kind::Scalar(
                    text.into_owned(),
                    match style {
                        ScalarStyle::Plain => Style::Plain,
                        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => Style::Quoted,
                        _ => Style::Block,
                    },
                ),
            },
            Event::Alias(_) => Node {
                start,
                end,
                kind: Kind::Alias,
            },
            _ => continue,
        };
        match stack.last_mut() {
            None => {
                root = Some(done);
                // One document only: a front matter never has two.
                break;
            }
            Some(Frame::Seq(_, items)) => items.push(done),
            Some(Frame::Map(_, entries, key)) => match key.take() {
                None => *key = Some(done),
                Some(k) => entries.push((k, done)),
            },
        }
    }
    Ok(root)
}

impl Node {
    /// The text of a scalar.
    pub(crate) fn scalar(&self) -> Option<&str> {
        match &self.kind {
            Kind::Scalar(s, _) => Some(s),
            _ => None,
        }
    }

    /// The entry of a group under `key`: (key node, value node).
    pub(crate) fn entry(&self, key: &str) -> Option<&(Node, Node)> {
        match &self.kind {
            Kind::Map(entries) => entries.iter().find(|(k, _)| k.scalar() == Some(key)),
            _ => None,
        }
    }

    /// The node at `path` below this one, and the key node that names it
    /// (when the last segment is a key).
    pub(crate) fn find(&self, path: &[Seg]) -> Option<(Option<&Node>, &Node)> {
        let mut node = self;
        let mut key = None;
        for seg in path {
            match (seg, &node.kind) {
                (Seg::Key(k), Kind::Map(_)) => {
                    let (kn, v) = node.entry(k)?;
                    key = Some(kn);
                    node = v;
                }
                (Seg::Index(i), Kind::Seq(items)) => {
                    key = None;
                    node = items.get(*i)?;
                }
                _ => return None,
            }
        }
        Some((key, node))
    }

    /// The first key named `key` anywhere in the tree, in the order of the
    /// text (the tree is at most [`MAX_DEPTH`] deep).
    pub(crate) fn first_key(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            Kind::Map(entries) => entries.iter().find_map(|(k, v)| {
                if k.scalar() == Some(key) {
                    Some(k)
                } else {
                    v.first_key(key)
                }
            }),
            Kind::Seq(items) => items.iter().find_map(|i| i.first_key(key)),
            _ => None,
        }
    }
}

/// Byte offset in `text` of a position (clamped to the text).
pub(crate) fn offset(text: &str, pos: Pos) -> usize {
    let mut at = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i + 1 == pos.line {
            let col = line
                .char_indices()
                .nth(pos.col)
                .map_or(line.len(), |(b, _)| b);
            return at + col;
        }
        at += line.len();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_know_their_place() {
        let yaml = "# tags: [x]\ntitle: \"Tin\"\ntags:\n  - \"Hải Phòng\"\n  - Kế hoạch\nc: { day: \"03-25\" }\n";
        let root = build(yaml).unwrap().unwrap();
        let (key, value) = root.find(&[Seg::Key("tags")]).unwrap();
        assert_eq!(key.unwrap().start, Pos { line: 3, col: 0 });
        assert_eq!(value.start.line, 4);
        let (_, second) = root.find(&[Seg::Key("tags"), Seg::Index(1)]).unwrap();
        assert_eq!(second.start, Pos { line: 5, col: 4 });
        let (_, day) = root.find(&[Seg::Key("c"), Seg::Key("day")]).unwrap();
        assert_eq!(day.start, Pos { line: 6, col: 10 });
        // The commented-out example is not a key.
        assert_eq!(root.first_key("tags").unwrap().start.line, 3);
        assert_eq!(root.first_key("day").unwrap().start.line, 6);
        assert_eq!(offset(yaml, day.start), yaml.find("\"03-25\"").unwrap());
    }

    #[test]
    fn deep_nesting_is_refused_not_followed() {
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(matches!(build(&deep), Err(Broken::TooDeep(_))));
        // Beyond its own limit the parser stops: never a stack overflow.
        assert!(build(&"[".repeat(100_000)).is_err());
        assert!(matches!(build("a: [b\n"), Err(Broken::Syntax(_))));
        assert!(build("").unwrap().is_none());
        assert!(build("# only a comment\n").unwrap().is_none());
    }
}
