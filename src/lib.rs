//! sverka: align a translation with its original sentence by sentence, and check the
//! translation's names, transliteration, numbers and coverage against a glossary.
//!
//! The library is a pure core (segment, align, check take text and return values)
//! with I/O and network at its edges (`input`, `mt`). It never prints; the `sverka`
//! binary does. The module map, the data flow and the layering rules are in
//! `docs/architecture.md`; the model is in `docs/how-it-works.md`.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;
pub mod annotate;
pub mod batch;
pub mod check;
pub mod config;
pub mod engine;
pub mod error;
pub mod glossary;
pub mod input;
pub mod lang;
pub mod model;
pub mod mt;
pub mod numbers;
pub mod report;
pub mod segment;
pub mod serve;
pub mod text;
pub mod translit;

pub use error::{Error, Result};
