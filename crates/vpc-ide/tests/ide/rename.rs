use vpc_ide::{apply_edits, prepare_rename, rename};

use super::fixture::*;

fn renamed(fixture: &str, new_name: &str) -> String {
    let (file, offset) = cursor(fixture);
    match rename(&file, offset, new_name) {
        Ok(edits) => apply_edits(&file.text, &edits),
        Err(e) => format!("error: {e}"),
    }
}

fn prepare(fixture: &str) -> String {
    let (file, offset) = cursor(fixture);
    match prepare_rename(&file, offset) {
        Ok(span) => mark(&file.text, &[span]),
        Err(e) => format!("error: {e}"),
    }
}

#[test]
fn rename_changes_the_definition_and_every_reference() {
    let (file, offset) = at(WEDDING, "no-time", 1, 2);
    let edits = rename(&file, offset, "short-on-time").unwrap();
    let after = analyse(&apply_edits(&file.text, &edits));
    assert!(after.diagnostics().iter().all(|d| d.code != vpc_ide::Code::UnknownReference));
    let lines: Vec<&str> = after.text.lines().filter(|l| l.contains("short-on-time")).map(str::trim).collect();
    insta::assert_snapshot!(lines.join("\n"), @r#"
    pain short-on-time "Might not have time" { kind: obstacle, severity: severe, job: organise }
    reliever esign "Contracts that are signable online" { relieves: short-on-time, via: app }
    reliever checklist "Checklist with deadlines" { relieves: [unfinished, short-on-time] }
    "#);
}

#[test]
fn rename_a_section_and_a_canvas() {
    insta::assert_snapshot!(renamed("canvas c$0 \"C\" { segment s \"S\" {} }", "d"), @r#"canvas d "C" { segment s "S" {} }"#);
    insta::assert_snapshot!(renamed("canvas c \"C\" { segment s$0 \"S\" {} }", "people"), @r#"canvas c "C" { segment people "S" {} }"#);
}

#[test]
fn rename_refuses_invalid_identifiers() {
    let text = "canvas c \"C\" { segment s \"S\" { job a$0 \"A\" } }";
    insta::assert_snapshot!(renamed(text, "9am"), @"error: `9am` is not a valid identifier: start with a letter or `_`, then letters, digits, `_` or `-`");
    insta::assert_snapshot!(renamed(text, "two words"), @"error: `two words` is not a valid identifier: start with a letter or `_`, then letters, digits, `_` or `-`");
    insta::assert_snapshot!(renamed(text, ""), @"error: `` is not a valid identifier: start with a letter or `_`, then letters, digits, `_` or `-`");
    insta::assert_snapshot!(renamed(text, "_ok-2"), @r#"canvas c "C" { segment s "S" { job _ok-2 "A" } }"#);
}

#[test]
fn rename_refuses_names_taken_in_the_canvas() {
    let text = "canvas c \"C\" { segment s \"S\" { job a$0 \"A\"\n job b \"B\" } }\ncanvas d \"D\" { segment t \"T\" { job x \"X\" } }";
    insta::assert_snapshot!(renamed(text, "b"), @"error: `b` is already the name of a job in this canvas");
    insta::assert_snapshot!(renamed(text, "s"), @"error: `s` is already the name of the segment in this canvas");
    // Names of another canvas are free.
    insta::assert_snapshot!(renamed(text, "x"), @r#"
    canvas c "C" { segment s "S" { job x "A"
     job b "B" } }
    canvas d "D" { segment t "T" { job x "X" } }
    "#);
    insta::assert_snapshot!(renamed("canvas c$0 \"C\" {}\ncanvas d \"D\" {}", "d"), @"error: a canvas of this file is already called `d`");
}

#[test]
fn rename_to_the_same_name_changes_nothing() {
    let (file, offset) = cursor("canvas c \"C\" { segment s \"S\" { job a$0 \"A\" } }");
    assert_eq!(rename(&file, offset, "a"), Ok(Vec::new()));
}

#[test]
fn renaming_the_first_of_two_definitions_leaves_the_second() {
    let text = "canvas c \"C\" { segment s \"S\" {\n  pain p$0 \"P\"\n  pain p \"Q\"\n}\nvalue-map { reliever r \"R\" { relieves: p } } }";
    insta::assert_snapshot!(renamed(text, "first"), @r#"
    canvas c "C" { segment s "S" {
      pain first "P"
      pain p "Q"
    }
    value-map { reliever r "R" { relieves: first } } }
    "#);
}

#[test]
fn prepare_rename_accepts_identifiers_only() {
    let text = |at: &str| format!("canvas c \"C\" {{ segment s \"S\" {{ job {at} }} }}");
    insta::assert_snapshot!(prepare(&text("a$0 \"A\" { importance: high }")), @r#"canvas c "C" { segment s "S" { job «a» "A" { importance: high } } }"#);
    insta::assert_snapshot!(prepare("canvas c \"C\" { segment s \"S\" { jo$0b a \"A\" } }"), @"error: `job` is a keyword of the language; only identifiers of items, sections and canvases can be renamed");
    insta::assert_snapshot!(prepare(&text("a \"A\" { impor$0tance: high }")), @"error: `importance` is a word of the language, not the identifier of an item; it cannot be renamed");
    insta::assert_snapshot!(prepare(&text("a \"A\" { importance: hi$0gh }")), @"error: `high` is a word of the language, not the identifier of an item; it cannot be renamed");
    insta::assert_snapshot!(prepare(&text("a \"A$0\" { importance: high }")), @"error: a string cannot be renamed; edit the text instead");
    insta::assert_snapshot!(prepare("canvas c \"C\" { // a comm$0ent\n}"), @"error: comments cannot be renamed");
    insta::assert_snapshot!(prepare("canvas c \"C\" { value-map { reliever r \"R\" { relieves: gon$0e } } }"), @"error: `gone` names nothing in this canvas, so there is nothing to rename");
    insta::assert_snapshot!(prepare("canvas c \"C\" {   $0   }"), @"error: there is no identifier here to rename");
}
