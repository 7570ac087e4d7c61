//! The command line's own words (`--help`, and what a wrong command line
//! gets) in the user's language.
//!
//! The commands and options are declared once, with clap's derive, in
//! `cli/mod.rs`; their doc comments are the English reference. What is
//! printed comes from the catalogue instead: each command's summary is
//! `cli-<command path>` and each option's `cli-<command path>-<option>`,
//! falling back to `cli-arg-<option>` for options many commands share
//! (`--source`, `--output`...). The test below walks every command and
//! option, so none can be left without its text in either language.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use crate::i18n::{Lang, Message};
use crate::msg;

/// The catalogue id that holds the text of `name` (a command path and
/// maybe an option), if any.
fn text_id(path: &[&str], arg: Option<&str>) -> Vec<String> {
    let base = if path.is_empty() {
        "cli".to_owned()
    } else {
        format!("cli-{}", path.join("-"))
    };
    match arg {
        None if path.is_empty() => vec!["cli-about".to_owned()],
        None => vec![base],
        Some(arg) => vec![format!("{base}-{arg}"), format!("cli-arg-{arg}")],
    }
}

fn lookup(ids: &[String], lang: Lang) -> Option<String> {
    ids.iter().find_map(|id| crate::i18n::lookup(id, lang))
}

/// `command` with every summary, option text and heading in `lang`.
pub(super) fn localise(command: Command, lang: Lang) -> Command {
    localise_at(command, &[], lang)
}

fn localise_at(mut command: Command, path: &[&str], lang: Lang) -> Command {
    let heading = |m: Message| m.render(lang);
    if let Some(about) = lookup(&text_id(path, None), lang) {
        command = command.about(about);
    }
    command = command
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            heading(msg!("cli-usage"))
        ))
        .subcommand_help_heading(heading(msg!("cli-commands")))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help_heading(heading(msg!("cli-options")))
                .help(heading(msg!("cli-help-flag"))),
        );
    if path.is_empty() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help_heading(heading(msg!("cli-options")))
                .help(heading(msg!("cli-version-flag"))),
        );
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for id in ids {
        let key = id.replace('_', "-");
        let text = if id == "lang" {
            lookup(&["cli-lang".to_owned()], lang)
        } else {
            lookup(&text_id(path, Some(&key)), lang)
        };
        command = command.mut_arg(id.as_str(), |arg| {
            let group = if arg.is_positional() {
                msg!("cli-arguments")
            } else {
                msg!("cli-options")
            };
            // Possible values are explained in English by clap: the text
            // names them.
            let arg = arg.help_heading(heading(group)).hide_possible_values(true);
            // clap says "[default: …]" in English: say it in the text.
            let default: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            match text {
                Some(text) if !default.is_empty() && !arg.is_hide_default_value_set() => {
                    let value = msg!("cli-default", value = default.join(", ")).render(lang);
                    arg.hide_default_value(true)
                        .help(format!("{text} ({value})"))
                }
                Some(text) => arg.help(text),
                None => arg,
            }
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let mut sub_path = path.to_vec();
        sub_path.push(&name);
        let sub_path: Vec<&str> = sub_path;
        command = command.mut_subcommand(&name, |sub| localise_at(sub, &sub_path, lang));
    }
    command
}

/// What a wrong command line gets, in `lang`. clap's own English is kept
/// for English; Vietnamese gets a sentence per kind of mistake, with the
/// word that was wrong.
pub(super) fn error_text(error: &clap::Error, lang: Lang) -> String {
    if lang == Lang::En
        || matches!(
            error.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return error.render().to_string();
    }
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    // "; did you mean `build`?" when clap has a suggestion.
    let suggestion = |kind: ContextKind| -> crate::i18n::Arg {
        match context(kind) {
            s if s.is_empty() => "".into(),
            s => msg!("cli-did-you-mean", suggestion = s).into(),
        }
    };
    let refused = std::error::Error::source(error).and_then(|e| e.downcast_ref::<Message>());
    let message = match error.kind() {
        ErrorKind::InvalidSubcommand => msg!(
            "cli-error-subcommand",
            name = context(ContextKind::InvalidSubcommand),
            hint = suggestion(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::UnknownArgument => msg!(
            "cli-error-unknown-option",
            name = context(ContextKind::InvalidArg),
            hint = suggestion(ContextKind::SuggestedArg)
        ),
        ErrorKind::MissingRequiredArgument => {
            msg!("cli-error-missing", name = context(ContextKind::InvalidArg))
        }
        ErrorKind::MissingSubcommand => msg!("cli-error-missing-command"),
        // A value our own parser refused: it said why.
        ErrorKind::ValueValidation if refused.is_some() => msg!(
            "cli-error-refused-value",
            name = context(ContextKind::InvalidArg),
            value = context(ContextKind::InvalidValue),
            why = refused.expect("matched on is_some")
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => msg!(
            "cli-error-value",
            name = context(ContextKind::InvalidArg),
            value = context(ContextKind::InvalidValue),
            hint = match context(ContextKind::ValidValue) {
                v if v.is_empty() => crate::i18n::Arg::from(""),
                v => msg!("cli-valid-values", valid = v).into(),
            }
        ),
        ErrorKind::ArgumentConflict => msg!(
            "cli-error-conflict",
            name = context(ContextKind::InvalidArg),
            other = context(ContextKind::PriorArg)
        ),
        _ => msg!("cli-error-other", error = error.kind().to_string()),
    };
    format!(
        "{}: {}\n{}\n",
        crate::diagnostics::Severity::Error.label(lang),
        message.render(lang),
        msg!("cli-error-see-help").render(lang)
    )
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    /// Every command and every option has its text in both languages.
    #[test]
    fn every_command_and_option_is_described_in_both_languages() {
        fn walk(command: &Command, path: &mut Vec<String>, missing: &mut Vec<String>) {
            let p: Vec<&str> = path.iter().map(String::as_str).collect();
            for lang in Lang::ALL {
                if lookup(&text_id(&p, None), lang).is_none() {
                    missing.push(format!("{} {:?}", lang.code(), text_id(&p, None)));
                }
                for arg in command.get_arguments() {
                    let id = arg.get_id().as_str().replace('_', "-");
                    if id == "lang" || id == "help" || id == "version" || arg.is_hide_set() {
                        continue;
                    }
                    let ids = text_id(&p, Some(&id));
                    if lookup(&ids, lang).is_none() {
                        missing.push(format!("{} {ids:?}", lang.code()));
                    }
                }
            }
            for sub in command.get_subcommands() {
                path.push(sub.get_name().to_owned());
                walk(sub, path, missing);
                path.pop();
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), &mut Vec::new(), &mut missing);
        assert!(missing.is_empty(), "{missing:#?}");
    }

    #[test]
    fn help_is_in_vietnamese_by_default_and_english_on_request() {
        let vi = localise(Cli::command(), Lang::Vi)
            .try_get_matches_from(["campaign", "build", "--help"])
            .unwrap_err()
            .render()
            .to_string();
        assert!(vi.contains("Cách dùng:"), "{vi}");
        assert!(vi.contains("Tuỳ chọn:"), "{vi}");
        assert!(vi.contains("thư mục nội dung"), "{vi}");
        assert!(!vi.contains("Usage:"), "{vi}");
        let en = localise(Cli::command(), Lang::En)
            .try_get_matches_from(["campaign", "build", "--help"])
            .unwrap_err()
            .render()
            .to_string();
        assert!(
            en.contains("Usage:") && en.contains("The content folder"),
            "{en}"
        );
    }

    #[test]
    fn a_wrong_command_is_explained_in_vietnamese() {
        let e = localise(Cli::command(), Lang::Vi)
            .try_get_matches_from(["campaign", "buil"])
            .unwrap_err();
        let text = error_text(&e, Lang::Vi);
        assert!(text.starts_with("lỗi: "), "{text}");
        assert!(text.contains("buil") && text.contains("build"), "{text}");
        let e = localise(Cli::command(), Lang::Vi)
            .try_get_matches_from(["campaign", "check", "--format", "xml"])
            .unwrap_err();
        let text = error_text(&e, Lang::Vi);
        assert!(text.contains("xml") && text.contains("json"), "{text}");
    }
}
