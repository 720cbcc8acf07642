//! Text with syntax errors is refused, never guessed at.

use vpc_fmt::{FormatError, FormatOptions, format};

fn refused(text: &str) -> Vec<vpc_syntax::SyntaxError> {
    match format(text, &FormatOptions::default()) {
        Err(FormatError::Syntax(errors)) => errors,
        Ok(out) => panic!("formatted text with syntax errors:\n{text}\n---\n{out}"),
    }
}

#[test]
fn syntax_errors_are_refused_with_the_parsers_errors() {
    let text = "canvas c \"c\" {\n  segment s \"s\" {\n    job forms \"Fill in forms\" { importance:\n    pain shy \"Too shy\" { severity: severe }\n  }\n}\n";
    let errors = refused(text);
    assert_eq!(errors, vpc_syntax::parse(text).errors);
    assert_eq!(errors.len(), 2);
}

#[test]
fn small_broken_texts_are_refused() {
    for text in [
        "canvas",
        "canvas c {",
        "canvas c \"c\" {",
        "canvas c \"c\" { segment s \"s\" { job a \"a\" { kind: } } }",
        "canvas c \"c\" { segment s \"s\" { job a \"unterminated } } }",
        "canvas c \"c\" { segment s \"s\" { job a \"\\q\" } }",
        "canvas c \"c\" { job a \"in the wrong block\" }",
        "segment s \"s\" {}",
        "canvas c \"c\" { segment s \"s\" { job a \"a\" { kind: [a b] } } }",
        "canvas c \"c\" { segment s \"s\" { job a \"a\" { kind:\n x } } }",
        "canvas c \"c\" {} @",
        "}",
    ] {
        assert!(!refused(text).is_empty(), "{text}");
    }
}

#[test]
fn the_parsers_broken_test_files_are_refused() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../vpc-syntax/test_data/err");
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut n = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "vpc") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(!refused(&text).is_empty(), "{}", path.display());
            n += 1;
        }
    }
    assert!(n > 0);
}

#[test]
fn the_error_says_how_many_and_where_the_first_is() {
    let err = format("canvas c \"c\" {", &FormatOptions::default()).unwrap_err();
    let message = err.to_string();
    assert!(message.starts_with("cannot format a file with 1 syntax error ("), "{message}");
    let _: &dyn std::error::Error = &err;
}
