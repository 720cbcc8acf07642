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

#[test]
fn a_large_file_parses_the_same_in_parallel_groups_as_in_one_go() {
    // Every example and every broken golden file (so that some groups re-parse a
    // canvas for worded errors), often enough to be parsed in many groups.
    let mut text = String::new();
    let dirs =
        [concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples"), concat!(env!("CARGO_MANIFEST_DIR"), "/test_data/err")];
    let mut files: Vec<_> =
        dirs.iter().flat_map(|d| std::fs::read_dir(d).unwrap()).map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "vpc"));
    files.sort();
    for round in 0..40 {
        for path in &files {
            text.push_str(&std::fs::read_to_string(path).unwrap());
            text.push_str(&format!("\n// round {round}\n"));
        }
    }
    let tokens = lexer::lex(&text).tokens.len();
    assert!(tokens > 4 * 20_000, "only {tokens} tokens");
    let (parallel, _) = parse_lexed(&text, lexer::lex(&text), true);
    let (sequential, _) = parse_lexed(&text, lexer::lex(&text), false);
    assert!(!sequential.errors.is_empty());
    assert_eq!(parallel.file, sequential.file);
    assert_eq!(parallel.errors, sequential.errors);
}

#[test]
fn at_most_max_syntax_errors_are_reported_then_one_that_says_so() {
    let text =
        format!("canvas c \"C\" {{\n{}  segment s \"S\" {{ x }}\n}}\n", "  @ \"\n".repeat(3 * MAX_SYNTAX_ERRORS));
    let errors = parse(&text).errors;
    assert_eq!(errors.len(), MAX_SYNTAX_ERRORS + 1);
    let last = errors.last().unwrap();
    assert!(last.message.starts_with("more than 1000 syntax errors"), "{last:?}");
    // The errors reported are the first ones, in order, all before the last.
    assert!(errors.windows(2).all(|w| w[0].span.start <= w[1].span.start));
    let line = |e: &SyntaxError| text[..e.span.start].matches('\n').count();
    assert_eq!(line(&errors[0]), 1);
    assert_eq!(line(&errors[MAX_SYNTAX_ERRORS - 1]), MAX_SYNTAX_ERRORS / 2);
    // Fewer errors are all reported.
    let few = format!("canvas c \"C\" {{\n{}}}\n", "  @ \"\n".repeat(MAX_SYNTAX_ERRORS / 2));
    assert_eq!(parse(&few).errors.len(), MAX_SYNTAX_ERRORS);
    assert!(!parse(&few).errors.iter().any(|e| e.message.starts_with("more than")));
}
