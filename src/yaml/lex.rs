//! A line-by-line look at YAML that knows comments, quoted text and block
//! text (`|`, `>`), to find the mistakes people make where the parser only
//! says where it gave up: a tab, a quote left open, `key:value`.
//! Used only on text that failed to load.

use super::tree::Pos;

/// One line of the text.
#[derive(Debug)]
pub(crate) struct Line<'a> {
    /// 1-based.
    pub(crate) no: usize,
    pub(crate) text: &'a str,
    /// The leading spaces and tabs.
    pub(crate) lead: &'a str,
    /// Whether the line holds YAML: not blank, not only a comment, not
    /// inside quoted or block text that started on an earlier line.
    pub(crate) content: bool,
    /// Byte offset in `text` where the first value or key starts, after
    /// the indentation and any `- ` of list items.
    pub(crate) first: usize,
    /// The byte offset of the `:` that ends the line's key, if it has one.
    pub(crate) colon: Option<usize>,
}

impl Line<'_> {
    /// Indentation in characters.
    pub(crate) fn indent(&self) -> usize {
        self.lead.chars().count()
    }

    /// The key the line writes (`title` for `title: x`).
    pub(crate) fn key(&self) -> Option<&str> {
        let colon = self.colon?;
        Some(self.text[self.first..colon].trim())
    }

    /// What the line writes after its key (or after `- `), without a comment.
    pub(crate) fn value(&self) -> &str {
        let from = self.colon.map_or(self.first, |c| c + 1);
        cut_comment(&self.text[from..]).trim()
    }

    /// The 0-based column of a byte offset of the line.
    pub(crate) fn col(&self, byte: usize) -> usize {
        self.text[..byte.min(self.text.len())].chars().count()
    }
}

/// A quoted text that does not close on the line where it opens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quote {
    pub(crate) open: Pos,
    /// Where it closes, if it does.
    pub(crate) close: Option<Pos>,
}

pub(crate) struct Scan<'a> {
    pub(crate) lines: Vec<Line<'a>>,
    pub(crate) quotes: Vec<Quote>,
}

/// `text` up to a comment (` #` outside quotes).
fn cut_comment(text: &str) -> &str {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') if prev == ' ' || i == 0 => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '#') if prev.is_whitespace() => return &text[..i],
            _ => {}
        }
        prev = c;
    }
    text
}

pub(crate) fn scan(yaml: &str) -> Scan<'_> {
    let mut lines = Vec::new();
    let mut quotes = Vec::new();
    // An open quote: its character and where it opened.
    let mut open: Option<(char, Pos)> = None;
    // Inside block text: the indentation of the line that opened it.
    let mut block: Option<usize> = None;
    for (i, text) in yaml.split('\n').enumerate() {
        let no = i + 1;
        let trimmed = text.trim_start_matches([' ', '\t']);
        let lead = &text[..text.len() - trimmed.len()];
        let mut line = Line {
            no,
            text,
            lead,
            content: false,
            first: lead.len(),
            colon: None,
        };
        if let Some(parent) = block {
            if trimmed.is_empty() || lead.chars().count() > parent {
                lines.push(line);
                continue;
            }
            block = None;
        }
        let mut from = lead.len();
        if let Some((q, at)) = open {
            match close_of(text, 0, q) {
                Some(end) => {
                    quotes.push(Quote {
                        open: at,
                        close: Some(Pos {
                            line: no,
                            col: text[..end].chars().count(),
                        }),
                    });
                    open = None;
                    from = end + 1;
                }
                None => {
                    lines.push(line);
                    continue;
                }
            }
        } else {
            line.content = !trimmed.is_empty() && !trimmed.starts_with('#');
        }
        // Tokens of the rest of the line.
        let bytes = text.as_bytes();
        let mut token_start = from == lead.len();
        let mut i = from;
        let mut first_set = false;
        while i < text.len() {
            let c = text[i..].chars().next().unwrap_or(' ');
            let next = text[i + c.len_utf8()..].chars().next();
            let spaced = next.is_none_or(char::is_whitespace);
            if token_start && (c == '"' || c == '\'') {
                if !first_set {
                    line.first = i;
                    first_set = true;
                }
                match close_of(text, i + 1, c) {
                    Some(end) => {
                        i = end + 1;
                        token_start = false;
                        continue;
                    }
                    None => {
                        open = Some((
                            c,
                            Pos {
                                line: no,
                                col: text[..i].chars().count(),
                            },
                        ));
                        break;
                    }
                }
            }
            if c == '#' && (i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t') {
                break;
            }
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            if c == '-' && token_start && spaced && !first_set {
                i += 1;
                continue;
            }
            if !first_set {
                line.first = i;
                first_set = true;
            }
            if c == ':' && spaced {
                if line.colon.is_none() {
                    line.colon = Some(i);
                }
                token_start = true;
                i += 1;
                continue;
            }
            if token_start && (c == '|' || c == '>') {
                let rest = cut_comment(&text[i + 1..]).trim();
                if rest
                    .chars()
                    .all(|r| r.is_ascii_digit() || r == '-' || r == '+')
                {
                    block = Some(lead.chars().count());
                    break;
                }
            }
            token_start = matches!(c, '[' | '{' | ',');
            i += c.len_utf8();
        }
        lines.push(line);
    }
    if let Some((_, at)) = open {
        quotes.push(Quote {
            open: at,
            close: None,
        });
    }
    Scan { lines, quotes }
}

/// The byte offset of the quote `q` that closes a quoted text starting at
/// byte `from` of `text`, on this line.
fn close_of(text: &str, from: usize, q: char) -> Option<usize> {
    let mut chars = text[from..].char_indices();
    while let Some((i, c)) = chars.next() {
        if q == '"' && c == '\\' {
            chars.next();
        } else if c == q {
            if q == '\'' && text[from + i + 1..].starts_with('\'') {
                chars.next();
                continue;
            }
            return Some(from + i);
        }
    }
    None
}

impl<'a> Scan<'a> {
    pub(crate) fn line(&self, no: usize) -> Option<&Line<'a>> {
        self.lines.get(no.checked_sub(1)?)
    }

    /// The first line indented with a tab, at the tab.
    pub(crate) fn tab(&self) -> Option<Pos> {
        self.lines.iter().filter(|l| l.content).find_map(|l| {
            l.lead
                .chars()
                .position(|c| c == '\t')
                .map(|col| Pos { line: l.no, col })
        })
    }

    /// The last quoted text opened on or before line `upto` that does not
    /// close on its own line.
    pub(crate) fn open_quote(&self, upto: usize) -> Option<Quote> {
        self.quotes
            .iter()
            .rev()
            .find(|q| q.open.line <= upto)
            .copied()
    }

    /// The first line, up to `upto`, that writes `key:value` without a
    /// space: the position of its colon, the key and the value.
    pub(crate) fn missing_space(&self, upto: usize) -> Option<(Pos, &'a str, &'a str)> {
        self.lines
            .iter()
            .take(upto)
            .filter(|l| l.content && l.colon.is_none())
            .find_map(|l| {
                let rest = &l.text[l.first..];
                let key_len = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                let after = &rest[key_len..];
                let value = after.strip_prefix(':')?;
                let starts_ok = key_len > 0 && rest.as_bytes()[0].is_ascii_alphabetic();
                let url = value.starts_with("//");
                (starts_ok && !url && !value.is_empty() && !value.starts_with(':')).then(|| {
                    (
                        Pos {
                            line: l.no,
                            col: l.col(l.first + key_len),
                        },
                        &rest[..key_len],
                        cut_comment(value).trim(),
                    )
                })
            })
    }

    /// The content line before line `no`.
    pub(crate) fn previous(&self, no: usize) -> Option<&Line<'a>> {
        self.lines
            .iter()
            .take(no.saturating_sub(1))
            .rev()
            .find(|l| l.content)
    }
}

/// Whether a value starts with a typographic quote (“ ” ‘ ’ „), as Word
/// types them.
pub(crate) fn curly(value: &str) -> bool {
    value.starts_with(['“', '”', '‘', '’', '„'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_quotes_and_blocks_are_skipped() {
        let s = scan("# a:b\ntitle: \"x # y\" # c\nbody: |\n\tkeep:this\nn:3\n");
        assert!(!s.lines[0].content);
        assert_eq!(s.lines[1].key(), Some("title"));
        assert_eq!(s.lines[1].value(), "\"x # y\"");
        assert!(!s.lines[3].content, "block text");
        assert_eq!(s.tab(), None);
        let (pos, key, value) = s.missing_space(10).unwrap();
        assert_eq!((pos.line, pos.col, key, value), (5, 1, "n", "3"));
        assert!(scan("url: https://a.vn\n").missing_space(9).is_none());
    }

    #[test]
    fn a_quote_left_open_is_found_where_it_opens() {
        let s = scan("title: \"Tin\nsummary: \"x\"\n# \"c\n");
        let q = s.open_quote(3).unwrap();
        assert_eq!((q.open.line, q.open.col), (1, 7));
        let s = scan("title: 'It''s'\nx: \"a\\\"b\"\n");
        assert!(s.quotes.is_empty());
    }

    #[test]
    fn tabs_in_indentation() {
        let s = scan("a:\n\t- x\n");
        assert_eq!(s.tab(), Some(Pos { line: 2, col: 0 }));
    }
}
