//! Golden files: every `test_data/*.vpc` is a messy but valid input; its formatted
//! form is the snapshot beside this file (`cargo insta review` to update). Each is
//! also checked for idempotence, meaning and comments.
//!
//! In the snapshots a carriage return shows as `␍` and a byte-order mark as `<BOM>`.

mod common;

use vpc_fmt::FormatOptions;

#[test]
fn golden() {
    insta::glob!("../test_data", "*.vpc", |path| {
        let input = std::fs::read_to_string(path).unwrap();
        let output = common::check(&input, &FormatOptions::default());
        insta::assert_snapshot!(output.replace('\r', "␍").replace('\u{feff}', "<BOM>"));
    });
}
