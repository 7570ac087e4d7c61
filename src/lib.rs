//! `campaign`: a static site generator for annual campaign microsites.
//!
//! The pipeline runs one way (docs/architecture.md draws it): [`config`]
//! and [`content`] load the source folder into a checked model
//! ([`content::model`]), `markdown` renders its text, `routes` names every
//! output, `site` assembles the pages and says what each shows,
//! `templates` renders them with the theme, [`build`] runs the pages
//! through one pipeline and [`output`] writes the result atomically.
//! `watch` and `serve` rebuild and preview; [`cli`] ties them together and
//! is the only part that prints.
//!
//! The public modules are what the binary, the tests, the benchmarks and
//! the fuzz target use; everything else is private to the crate.

#![warn(unreachable_pub)]

mod archive;
mod banners;
pub mod build;
mod calendar;
mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod dates;
pub mod diagnostics;
mod forms;
pub mod i18n;
mod ignore;
mod markdown;
mod numbers;
pub mod output;
pub mod photos;
mod routes;
mod scaffold;
pub mod schema;
mod search;
mod serve;
mod site;
mod templates;
pub mod text;
mod timing;
mod watch;
pub mod yaml;
