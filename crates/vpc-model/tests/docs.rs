//! `docs/lints.md` is generated from the lint modules' doc comments; this test fails
//! when it is out of date. Regenerate with `UPDATE_EXPECT=1 cargo test -p vpc-model --test docs`.

use std::path::Path;

#[test]
fn lints_md_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/lints.md");
    let expected = vpc_model::lints::lints_markdown();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/lints.md is out of date: run `UPDATE_EXPECT=1 cargo test -p vpc-model --test docs`"
    );
}

/// Every full canvas shown in the README and the language reference reads without
/// syntax errors (fragments, which start with an item keyword, are skipped).
#[test]
fn canvases_in_the_docs_parse() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for doc in ["README.md", "docs/language.md"] {
        let text = std::fs::read_to_string(root.join(doc)).unwrap();
        let mut blocks = 0;
        for block in text.split("```vpc\n").skip(1) {
            let code = block.split("```").next().unwrap();
            let first = code.trim_start();
            if !(first.starts_with("canvas") || first.starts_with("//")) {
                continue;
            }
            blocks += 1;
            let parse = vpc_syntax::parse(code);
            assert_eq!(parse.errors, [], "{doc}:\n{code}");
        }
        assert!(blocks > 0, "{doc} shows no canvas");
    }
}
