//! The formatter's round trip on arbitrary text: whenever `format` accepts a text,
//! every guarantee of `vpc-fmt` holds, checked by the same code as its own property
//! tests (`crates/vpc-fmt/tests/common/mod.rs`, `check`): the output parses without
//! errors, has the syntax tree and the `vpc-model` model of the input, keeps every
//! comment, formats to itself, and has canonical line breaks and whitespace. Checked
//! with the default options and with narrow ones (every inline block and list split).

#![no_main]

use libfuzzer_sys::fuzz_target;
use vpc_fmt::{FormatOptions, format};

#[path = "../../crates/vpc-fmt/tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for options in [FormatOptions::default(), FormatOptions { line_width: 0, indent: 4 }] {
        // `format` refuses text with syntax errors; that is not a finding.
        if format(&text, &options).is_ok() {
            common::check(&text, &options);
        }
    }
});
