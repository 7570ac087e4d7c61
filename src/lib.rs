//! `campaign`: a static site generator for annual campaign microsites.
//!
//! The pipeline runs one way: [`config`] and [`content`] load the source
//! folder into a checked model, [`markdown`] renders its text, [`site`]
//! assembles the pages, [`templates`] renders them with the theme, and
//! [`output`] writes the result atomically. [`cli`] ties them together;
//! [`check`] validates without writing, [`scaffold`] starts a new year or post.

pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod dates;
pub mod diagnostics;
mod ignore;
pub mod markdown;
pub mod output;
pub mod routes;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod site;
pub mod templates;
pub mod text;
pub mod timing;
pub mod watch;
pub mod yaml;
