//! What the tool says to people, in Vietnamese or in English.
//!
//! The library never formats a sentence itself: it returns a [`Message`],
//! an id from the catalogue (`locales/<lang>/*.ftl`, Project Fluent) with
//! its arguments, and the command line renders it in the language the user
//! reads. The id doubles as the stable machine code of a problem
//! (`campaign check --format json` prints it as `code`), so renaming one is a
//! breaking change for scripts that read those records.
//!
//! Vietnamese is the default; English is chosen by `--lang en` or by an
//! English locale in `LC_ALL`, `LC_MESSAGES` or `LANG` (in that order, as
//! gettext does). The catalogues are embedded in the binary: a copy of the
//! program is all a department needs.

use std::borrow::Cow;
use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::msg;

/// A language the tool speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Vietnamese, the default: the staff who run the tool read it.
    #[default]
    Vi,
    /// English, on request.
    En,
}

impl Lang {
    /// Both languages, Vietnamese first.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// `vi` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language a `--lang` value or a locale name (`en_US.UTF-8`,
    /// `vi_VN`, `en`) asks for; `None` for anything else.
    pub fn parse(name: &str) -> Option<Lang> {
        let lower = name.trim().to_ascii_lowercase();
        let language = lower.split(['_', '-', '.', '@']).next().unwrap_or("");
        match language {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the environment: the first of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` that is set and not empty decides, and only an
    /// English one turns English on. `C` and `POSIX` (what servers and
    /// containers default to) stay Vietnamese: staff who never chose a
    /// locale should not get English.
    pub fn from_env() -> Lang {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    fn from_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| get(name))
            .find(|value| !value.is_empty())
            .and_then(|value| Lang::parse(&value))
            .unwrap_or_default()
    }

    fn index(self) -> usize {
        match self {
            Lang::Vi => 0,
            Lang::En => 1,
        }
    }
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Arg {
    Text(String),
    /// A count or a number: Fluent picks plural forms and formats it.
    Number(i64),
    /// A clause of its own (the reason in "refusing to write into X:
    /// <reason>"), rendered in the same language.
    Message(Box<Message>),
}

impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Message(Box::new(m))
    }
}

impl From<&Message> for Arg {
    fn from(m: &Message) -> Self {
        Arg::Message(Box::new(m.clone()))
    }
}

/// What an operating system error means, in words staff can act on; the
/// system's own English text is kept only for the rare kinds not named
/// here.
impl From<&std::io::Error> for Arg {
    fn from(e: &std::io::Error) -> Self {
        Arg::from(io_error(e))
    }
}

/// An operating system error as a message.
pub fn io_error(e: &std::io::Error) -> Message {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::PermissionDenied => msg!("io-permission-denied"),
        K::NotFound => msg!("io-not-found"),
        K::StorageFull | K::QuotaExceeded => msg!("io-storage-full"),
        K::ReadOnlyFilesystem => msg!("io-read-only"),
        K::AlreadyExists => msg!("io-already-exists"),
        K::AddrInUse => msg!("io-address-in-use"),
        K::AddrNotAvailable => msg!("io-address-not-available"),
        _ => msg!("io-other", error = e.to_string()),
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<Cow<'_, str>> for Arg {
    fn from(s: Cow<'_, str>) -> Self {
        Arg::Text(s.into_owned())
    }
}

impl From<&Path> for Arg {
    fn from(p: &Path) -> Self {
        Arg::Text(p.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Self {
        Arg::Text(p.display().to_string())
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Self {
        Arg::Text(c.to_string())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64);

/// A sentence to say: a catalogue id and its named arguments.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// The message `id`, without arguments (add them with [`Message::arg`],
    /// or build the whole message with [`msg!`](crate::msg)).
    pub fn new(id: &'static str) -> Self {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// The same message with one more argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The catalogue id, which is also the stable machine code.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The value of one argument, if the message has it.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The message in `lang`. An id missing from the catalogue (a bug the
    /// catalogue test catches) is shown as the id and its arguments rather
    /// than as nothing.
    pub fn render(&self, lang: Lang) -> String {
        let bundle = &bundles()[lang.index()];
        let Some(pattern) = bundle.get_message(self.id).and_then(|m| m.value()) else {
            return self.fallback();
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            match value {
                Arg::Text(s) => args.set(*name, FluentValue::from(s.as_str())),
                Arg::Number(n) => args.set(*name, FluentValue::from(*n)),
                Arg::Message(m) => args.set(*name, FluentValue::from(m.render(lang))),
            }
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        if errors.is_empty() {
            text.into_owned()
        } else {
            self.fallback()
        }
    }

    fn fallback(&self) -> String {
        let mut s = self.id.to_owned();
        for (name, value) in &self.args {
            match value {
                Arg::Text(v) => s.push_str(&format!(" {name}={v:?}")),
                Arg::Number(n) => s.push_str(&format!(" {name}={n}")),
                Arg::Message(m) => s.push_str(&format!(" {name}=({})", m.fallback())),
            }
        }
        s
    }
}

/// A message is also an error, so that `anyhow` can carry it to the
/// command line, which renders it in the user's language.
impl std::error::Error for Message {}

/// English, for logs, `Debug`-like uses and tests; what staff see goes
/// through [`Message::render`] with their language.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// `msg!("unknown-key", key = name, nearest = best)`: a [`Message`] with
/// named arguments (anything that converts into an [`Arg`]).
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}

/// Every catalogue file, per language, in the same order. Each area of the
/// tool has its own file so that the two languages are compared file by
/// file.
pub(crate) const CATALOGUES: [(&str, [&str; 2]); 6] = [
    // The command line, builds, the output folder, watch and serve.
    (
        "campaign.ftl",
        [
            include_str!("../locales/vi/campaign.ftl"),
            include_str!("../locales/en/campaign.ftl"),
        ],
    ),
    // Reading content: YAML, front matter, dates, keys, values.
    (
        "content.ftl",
        [
            include_str!("../locales/vi/content.ftl"),
            include_str!("../locales/en/content.ftl"),
        ],
    ),
    // The site's files, Markdown bodies, links, themes, `new`.
    (
        "site.ftl",
        [
            include_str!("../locales/vi/site.ftl"),
            include_str!("../locales/en/site.ftl"),
        ],
    ),
    // Photos: decoding, limits, SVG checks, the photo cache.
    (
        "photos.ftl",
        [
            include_str!("../locales/vi/photos.ftl"),
            include_str!("../locales/en/photos.ftl"),
        ],
    ),
    // Results: the report form, the units' reports and their figures.
    (
        "reports.ftl",
        [
            include_str!("../locales/vi/reports.ftl"),
            include_str!("../locales/en/reports.ftl"),
        ],
    ),
    // Banners, share images and the other downloads made from the content.
    (
        "banners.ftl",
        [
            include_str!("../locales/vi/banners.ftl"),
            include_str!("../locales/en/banners.ftl"),
        ],
    ),
];

/// The text of the message `id` without arguments in `lang`, if the
/// catalogue has it (for texts looked up by a computed id, such as the
/// command line's help).
pub fn lookup(id: &str, lang: Lang) -> Option<String> {
    let bundle = &bundles()[lang.index()];
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, None, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// Whole numbers of five digits or more with a thousands separator, as
/// each language writes them (`20.000` in Vietnamese, `20,000` in
/// English); years and other short numbers as they are.
fn group_digits(value: &FluentValue, separator: char) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    if n.value.fract() != 0.0 || n.value.abs() < 10_000.0 || n.value.abs() > 1e15 {
        return None;
    }
    let digits = format!("{}", n.value.abs() as u64);
    let mut out = String::new();
    if n.value < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    Some(out)
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| Lang::ALL.map(bundle))
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = lang.code().parse().expect("vi and en are language ids");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminals show Unicode isolation marks as garbage.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::Vi => |v, _| group_digits(v, '.'),
        Lang::En => |v, _| group_digits(v, ','),
    }));
    for (_, texts) in CATALOGUES {
        // A syntax error in a catalogue is caught by the catalogue test;
        // here the entries that did parse are still used.
        let resource = match FluentResource::try_new(texts[lang.index()].to_owned()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let _ = bundle.add_resource(resource);
    }
    bundle
}

#[cfg(test)]
mod tests;
