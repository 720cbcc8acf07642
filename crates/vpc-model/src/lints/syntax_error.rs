//! ## What it finds
//! Text the parser cannot read: a missing value, a missing `}`, a string without
//! its closing quote, a word where a `:` belongs, characters that are not part of
//! the language.
//!
//! ## Why it matters
//! What cannot be read cannot be checked: the item around the error may lose an
//! attribute, and the formatter refuses to touch a file with syntax errors. The
//! parser recovers at the next item, so the rest of the file is still checked.
//!
//! ## Example
//! ```vpc
//! job forms "Fill in official forms" { importance:
//! pain shy "Too shy to speak" { severity: severe }
//! ```
//! The first line lacks a value after `importance:` and its closing `}`. Write
//! `{ importance: high }`.
//!
//! This code cannot be silenced with `allow:` or changed in `vpc.toml`.
