//! Why a photo is not published, as a value the caller turns into a
//! [`Diagnostic`] naming the photo and the content file that uses it.

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::i18n::Message;
use crate::msg;

/// Why a photo cannot be published. Nothing of it is published then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PhotoError {
    /// The file does not exist.
    Missing,
    /// It exists but could not be read (the system's reason as a message).
    Unreadable(Message),
    /// Over the byte limit (checked before reading it).
    TooLarge { bytes: u64, limit: u64 },
    /// Its header claims more pixels than the limit (refused before any
    /// pixel is decoded: a decompression bomb, or a panorama too big for
    /// the web).
    TooManyPixels { width: u32, height: u32, limit: u64 },
    /// An HEIC/HEIF file (iPhone), which browsers and this tool do not read.
    Heic,
    /// A picture format that is not published (AVIF, TIFF, BMP, PSD…), or
    /// not a picture at all; `format` names it when it is known.
    Unsupported { format: Option<&'static str> },
    /// A JPEG whose end is missing (an interrupted copy or download).
    Truncated,
    /// The decoder found the file damaged.
    Corrupt { detail: String },
    /// An SVG that holds a script, an event handler, a `javascript:` link
    /// or a reference to another file or site; `what` quotes it.
    SvgUnsafe { what: String },
    /// An SVG that is not well-formed XML (browsers show an error instead).
    SvgInvalid { detail: String },
    /// The processed files could not be written to the cache folder.
    Cache(Message),
    /// Processing was stopped before this photo was done.
    Cancelled,
}

impl PhotoError {
    pub(super) fn read(e: std::io::Error) -> PhotoError {
        if e.kind() == std::io::ErrorKind::NotFound {
            PhotoError::Missing
        } else {
            PhotoError::Unreadable(crate::i18n::io_error(&e))
        }
    }

    /// What is wrong with `photo`.
    pub(crate) fn message(&self, photo: &Path) -> Message {
        match self {
            PhotoError::Missing => msg!("photo-missing", file = photo),
            PhotoError::Unreadable(reason) => {
                msg!("photo-unreadable", file = photo, reason = reason.clone())
            }
            PhotoError::TooLarge { bytes, limit } => msg!(
                "photo-too-large",
                file = photo,
                megabytes = bytes.div_ceil(MB),
                limit = *limit / MB
            ),
            PhotoError::TooManyPixels {
                width,
                height,
                limit,
            } => msg!(
                "photo-too-many-pixels",
                file = photo,
                width = *width,
                height = *height,
                megapixels = (u64::from(*width) * u64::from(*height)) / 1_000_000,
                limit = *limit / 1_000_000
            ),
            PhotoError::Heic => msg!("photo-heic", file = photo),
            PhotoError::Unsupported { format } => match format {
                Some(format) => msg!("photo-unsupported", file = photo, format = *format),
                None => msg!("photo-not-a-picture", file = photo),
            },
            PhotoError::Truncated => msg!("photo-truncated", file = photo),
            PhotoError::Corrupt { detail } => {
                msg!("photo-corrupt", file = photo, detail = detail.as_str())
            }
            PhotoError::SvgUnsafe { what } => {
                msg!("photo-svg-unsafe", file = photo, what = what.as_str())
            }
            PhotoError::SvgInvalid { detail } => {
                msg!("photo-svg-invalid", file = photo, detail = detail.as_str())
            }
            PhotoError::Cache(reason) => {
                msg!("photo-cache", file = photo, reason = reason.clone())
            }
            PhotoError::Cancelled => msg!("photo-cancelled", file = photo),
        }
    }

    /// What to do about it, when there is something to say.
    pub(crate) fn help(&self) -> Option<Message> {
        Some(match self {
            PhotoError::Missing => msg!("photo-missing-help"),
            PhotoError::TooLarge { .. } => msg!("photo-too-large-help"),
            PhotoError::TooManyPixels { .. } => msg!("photo-too-many-pixels-help"),
            PhotoError::Heic => msg!("photo-heic-help"),
            PhotoError::Unsupported { .. } => msg!("photo-unsupported-help"),
            PhotoError::Truncated | PhotoError::Corrupt { .. } => msg!("photo-damaged-help"),
            PhotoError::SvgUnsafe { .. } => msg!("photo-svg-unsafe-help"),
            PhotoError::SvgInvalid { .. } => msg!("photo-svg-invalid-help"),
            PhotoError::Unreadable(_) | PhotoError::Cache(_) | PhotoError::Cancelled => {
                return None;
            }
        })
    }

    /// The problem as reported: in `used_in` (the post or edition file that
    /// names the photo; the caller may set its line and column), about
    /// `photo`, with what to do.
    pub(crate) fn diagnostic(&self, photo: &Path, used_in: &Path) -> Diagnostic {
        let d = Diagnostic::file(used_in, self.message(photo));
        match self.help() {
            Some(help) => d.with_help(help),
            None => d,
        }
    }

    /// The warning for an animated GIF or WebP, of which only the first
    /// frame is published.
    pub(crate) fn animated_warning(photo: &Path, used_in: &Path) -> Diagnostic {
        Diagnostic::file(used_in, msg!("photo-animated", file = photo))
            .with_help(msg!("photo-animated-help"))
            .warning()
    }

    /// The warning for a source photo that records where it was taken.
    pub(crate) fn gps_warning(photo: &Path, used_in: &Path) -> Diagnostic {
        Diagnostic::file(used_in, msg!("photo-gps", file = photo))
            .with_help(msg!("photo-gps-help"))
            .warning()
    }
}

/// A megabyte, as file managers count it.
const MB: u64 = 1024 * 1024;

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_error_has_a_message_in_both_languages() {
        let errors = [
            PhotoError::Missing,
            PhotoError::Unreadable(crate::i18n::io_error(&std::io::Error::from(
                std::io::ErrorKind::PermissionDenied,
            ))),
            PhotoError::TooLarge {
                bytes: 45 << 20,
                limit: 40 << 20,
            },
            PhotoError::TooManyPixels {
                width: 60000,
                height: 60000,
                limit: 100_000_000,
            },
            PhotoError::Heic,
            PhotoError::Unsupported {
                format: Some("TIFF"),
            },
            PhotoError::Unsupported { format: None },
            PhotoError::Truncated,
            PhotoError::Corrupt {
                detail: "x".to_owned(),
            },
            PhotoError::SvgUnsafe {
                what: "<script>".to_owned(),
            },
            PhotoError::SvgInvalid {
                detail: "x".to_owned(),
            },
            PhotoError::Cache(crate::i18n::io_error(&std::io::Error::from(
                std::io::ErrorKind::StorageFull,
            ))),
            PhotoError::Cancelled,
        ];
        let photo = Path::new("content/2024/files/anh.jpg");
        let post = Path::new("content/2024/news/le-mit-tinh.md");
        let mut diagnostics: Vec<_> = errors.iter().map(|e| e.diagnostic(photo, post)).collect();
        diagnostics.push(PhotoError::animated_warning(photo, post));
        diagnostics.push(PhotoError::gps_warning(photo, post));
        for d in diagnostics {
            assert_eq!(d.file, post);
            for lang in Lang::ALL {
                let text = d.message.render(lang);
                assert!(text.contains("content/2024/files/anh.jpg"), "{text}");
                assert!(
                    !text.starts_with("photo-"),
                    "{} missing in {lang:?}",
                    d.code()
                );
                if let Some(help) = &d.help {
                    assert!(!help.render(lang).starts_with("photo-"), "{}", help.id());
                }
            }
        }
        let big = errors[3].message(photo).render(Lang::Vi);
        assert!(
            // Long numbers are grouped as Vietnamese writes them.
            big.contains("60.000 × 60.000") && big.contains("3600"),
            "{big}"
        );
    }
}
