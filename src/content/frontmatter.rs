//! Splitting a Markdown file into its YAML front matter and its body.

/// Byte ranges of the parts of a Markdown file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The YAML between the `---` lines (empty range when there is none).
    pub yaml: std::ops::Range<usize>,
    /// Where the Markdown body starts.
    pub body: usize,
}

/// The front matter was opened with `---` but never closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclosed;

/// Splits `text` (already decoded: LF line endings, no BOM). Front matter
/// starts with a first line of exactly `---` and ends at the next line of
/// exactly `---` (or `...`).
pub fn split(text: &str) -> Result<Split, Unclosed> {
    let Some(rest) = text.strip_prefix("---") else {
        return Ok(Split {
            yaml: 0..0,
            body: 0,
        });
    };
    let first_newline = match rest.find('\n') {
        Some(i) if rest[..i].trim().is_empty() => 3 + i + 1,
        // `---` followed by text on the same line: a thematic break, not front matter.
        Some(_) => {
            return Ok(Split {
                yaml: 0..0,
                body: 0,
            });
        }
        None if rest.trim().is_empty() => return Err(Unclosed),
        None => {
            return Ok(Split {
                yaml: 0..0,
                body: 0,
            });
        }
    };
    let mut offset = first_newline;
    for line in text[first_newline..].split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return Ok(Split {
                yaml: first_newline..offset,
                body: offset + line.len(),
            });
        }
        offset += line.len();
    }
    Err(Unclosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter() {
        let text = "---\ntitle: a\n---\nbody\n";
        let s = split(text).unwrap();
        assert_eq!(&text[s.yaml.clone()], "title: a\n");
        assert_eq!(&text[s.body..], "body\n");
    }

    #[test]
    fn no_front_matter_and_unclosed() {
        assert_eq!(split("# Hi\n").unwrap().body, 0);
        assert_eq!(split("---\ntitle: a\nbody"), Err(Unclosed));
        assert_eq!(split("---"), Err(Unclosed));
        let s = split("---\n---\n").unwrap();
        assert_eq!((s.yaml, s.body), (4..4, 8));
    }
}
