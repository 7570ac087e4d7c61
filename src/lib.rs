//! `campaign`: a static site generator for annual campaign microsites.
//!
//! The pipeline runs one way: [`config`] and [`content`] load the source
//! folder into a checked model, [`markdown`] renders its text, [`site`]
//! assembles the pages, [`templates`] renders them with the theme, and
//! [`output`] writes the result atomically. [`cli`] ties them together.

pub mod build;
pub mod cli;
pub mod config;
pub mod content;
pub mod dates;
pub mod diagnostics;
pub mod markdown;
pub mod output;
pub mod serve;
pub mod site;
pub mod templates;
pub mod text;
pub mod timing;
pub mod urls;
pub mod watch;
pub mod yaml;
