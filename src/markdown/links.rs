//! The link table, and how a link written by an author resolves: to a
//! published path, or to why it leads nowhere.

use std::collections::{HashMap, HashSet};

/// What internal links may point to.
#[derive(Debug, Default)]
pub(crate) struct Links {
    /// Source path relative to the content folder (`2023/news/a.md`, NFC,
    /// `/`-separated) → published site path (`2023/tin-tuc/a/`).
    pub sources: HashMap<String, String>,
    /// Every published site path, pages (`2023/tin-tuc/`) and files
    /// (`2023/files/kh.pdf`), without a leading slash.
    pub outputs: HashSet<String>,
    /// The processed photos, by the site-rooted URL of their fallback file
    /// (what a photo's source path resolves to): an image that shows one
    /// is written as `<picture>`.
    pub pictures: HashMap<String, std::sync::Arc<crate::content::model::Picture>>,
    /// Photos of the site that cannot be published, by source path: what is
    /// wrong and what to do, reported where a post shows one.
    pub failed: HashMap<String, (crate::i18n::Message, Option<crate::i18n::Message>)>,
}

/// A link that leads nowhere: byte range in the Markdown and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BrokenLink {
    pub offset: usize,
    pub target: String,
    pub reason: crate::i18n::Message,
}

impl Links {
    /// A hash of every possible link target: when it is unchanged, Markdown
    /// rendered before renders the same again.
    pub(crate) fn fingerprint(&self) -> u64 {
        use std::hash::BuildHasher;
        // Order-independent: the sum of the entries' hashes.
        let state =
            std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default();
        let sources = self
            .sources
            .iter()
            .map(|(k, v)| state.hash_one((0u8, k, v)));
        let outputs = self.outputs.iter().map(|o| state.hash_one((1u8, o)));
        let pictures = self.pictures.iter().map(|p| state.hash_one((2u8, p)));
        let failed = self
            .failed
            .iter()
            .map(|(k, v)| state.hash_one((3u8, k, format!("{v:?}"))));
        sources
            .chain(outputs)
            .chain(pictures)
            .chain(failed)
            .fold(0u64, u64::wrapping_add)
    }

    /// The photo of the site a link target written in `from_dir` names,
    /// when it cannot be published: what is wrong and what to do.
    pub(crate) fn failed_photo(
        &self,
        from_dir: &str,
        target: &str,
    ) -> Option<&(crate::i18n::Message, Option<crate::i18n::Message>)> {
        if self.failed.is_empty() || is_external(target) {
            return None;
        }
        let path = target.split(['#', '?']).next().unwrap_or(target);
        let decoded = crate::text::nfc(crate::text::percent_decode(path));
        let joined = match decoded.strip_prefix('/') {
            Some(rooted) => rooted.trim_start_matches('/').to_owned(),
            None => join(from_dir, &decoded)?,
        };
        self.failed.get(joined.trim_end_matches('/'))
    }

    /// Resolves a link target written in the source file `from_dir`
    /// (content-relative directory, `""` for the root). Returns the
    /// site-rooted URL to publish, or why it leads nowhere.
    pub(crate) fn resolve(
        &self,
        from_dir: &str,
        target: &str,
    ) -> Result<String, crate::i18n::Message> {
        if let Some(reason) = refused(target) {
            return Err(reason);
        }
        if is_external(target) || target.starts_with('#') || target.is_empty() {
            return Ok(target.to_owned());
        }
        let (path, suffix) = match target.find(['#', '?']) {
            Some(i) => target.split_at(i),
            None => (target, ""),
        };
        let decoded = crate::text::nfc(crate::text::percent_decode(path));
        if let Some(rooted) = decoded.strip_prefix('/') {
            let clean = rooted.trim_start_matches('/');
            let as_dir = if clean.is_empty() || clean.ends_with('/') || clean.contains('.') {
                clean.to_owned()
            } else {
                format!("{clean}/")
            };
            // A photo of the site named by its original address.
            if let Some((reason, _)) = self.failed.get(clean) {
                return Err(reason.clone());
            }
            if let Some(url) = self.sources.get(clean)
                && self.pictures.contains_key(&format!("/{url}"))
            {
                return Ok(format!("/{url}{suffix}"));
            }
            return if self.outputs.contains(as_dir.as_str()) || clean.is_empty() {
                Ok(format!("/{as_dir}{suffix}"))
            } else {
                Err(crate::msg!(
                    "link-reason-not-published",
                    path = format!("/{clean}")
                ))
            };
        }
        let joined = join(from_dir, &decoded).ok_or_else(|| crate::msg!("link-reason-outside"))?;
        let key = joined.trim_end_matches('/');
        if let Some((reason, _)) = self.failed.get(key) {
            return Err(reason.clone());
        }
        if let Some(url) = self.sources.get(key) {
            return Ok(format!("/{url}{suffix}"));
        }
        Err(crate::msg!(
            "link-reason-no-file",
            file = if key.is_empty() { "." } else { key }
        ))
    }
}

/// Why a link target can never be published, whatever the site holds: a
/// path on the author's computer (`C:\\…`, `\\\\server\\…`, `file:`), which
/// would otherwise pass for a web address with the scheme `C:`, or a script
/// (`javascript:`).
pub(crate) fn refused(target: &str) -> Option<crate::i18n::Message> {
    let t = target.trim_start();
    let b = t.as_bytes();
    let drive = b.len() >= 2
        && b[0].is_ascii_alphabetic()
        && b[1] == b':'
        && (b.len() == 2 || b[2] == b'\\' || b[2] == b'/');
    let scheme = |s: &str| t.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s));
    if drive || t.starts_with("\\\\") || scheme("file:") {
        Some(crate::msg!("link-reason-computer-path"))
    } else if scheme("javascript:") || scheme("vbscript:") {
        Some(crate::msg!("link-reason-script"))
    } else {
        None
    }
}

/// Has a scheme (`https:`, `mailto:`) or is protocol-relative.
pub(crate) fn is_external(target: &str) -> bool {
    if target.starts_with("//") {
        return true;
    }
    match target.find(':') {
        Some(i) => {
            let scheme = &target[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !target[..i].contains('/')
        }
        None => false,
    }
}

/// Joins a relative path to a content-relative directory, resolving `.` and
/// `..`; `None` when it climbs above the content folder.
pub(crate) fn join(dir: &str, relative: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in relative.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}
