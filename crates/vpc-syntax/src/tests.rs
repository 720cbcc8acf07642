use super::*;

fn errors(text: &str) -> Vec<(usize, usize, String)> {
    parse(text).errors.into_iter().map(|e| (e.span.start, e.span.end, e.message)).collect()
}

#[test]
fn spec_example_parses_without_errors() {
    let p = parse(include_str!("../test_data/ok/0001_spec_example.vpc"));
    assert_eq!(p.errors, []);
    assert_eq!(p.file.canvases.len(), 1);
}

#[test]
fn hundred_thousand_brackets_are_one_error() {
    let text = format!("canvas c \"c\" {{ segment s \"s\" {{ job j \"j\" {{ note: {} }} }} }}", "[".repeat(100_000));
    let p = parse(&text);
    assert!(!p.errors.is_empty());
    assert!(p.errors.iter().any(|e| e.message.contains("nested")));
}

#[test]
fn missing_value_and_brace_stay_on_their_line() {
    let text = "canvas c \"c\" {\n  segment s \"s\" {\n    job forms \"Fill in forms\" { importance:\n    pain shy \"Too shy\" { severity: severe }\n  }\n}\n";
    let errs = errors(text);
    let line3_end = text.find("importance:").unwrap() + "importance:".len();
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(errs.iter().all(|e| e.0 == line3_end && e.1 == line3_end), "{errs:?}");
}
