//! Each feature of spec §9 through the protocol, on the examples.

use serde_json::json;

use crate::client::{Client, at, doc};

const URI: &str = "file:///tmp/vpc-lsp-tests/wedding.vpc";

async fn wedding() -> Client {
    let mut client = Client::start().await;
    client.open(URI, 1, &crate::example("wedding.vpc")).await;
    client.diagnostics(URI, 1).await;
    client
}

#[tokio::test]
async fn formatting_is_vpc_fmt_and_empty_on_syntax_errors() {
    let mut client = Client::start().await;
    let messy = "canvas c \"C\" { segment s \"S\" {\njob a \"A\" {importance:high,kind:functional}}}";
    client.open(URI, 1, messy).await;
    let edits = client
        .request(
            "textDocument/formatting",
            json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 4, "insertSpaces": true } }),
        )
        .await;
    let edits = edits.as_array().unwrap().clone();
    assert!(!edits.is_empty());
    // Apply the edits on the client side and compare with vpc_fmt.
    let formatted = apply(messy, &edits);
    assert_eq!(formatted, vpc_fmt::format(messy, &vpc_fmt::FormatOptions::default()).unwrap());

    client.change(URI, 2, [0, 0, 0, 0], "{ junk ").await;
    let edits = client
        .request(
            "textDocument/formatting",
            json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } }),
        )
        .await;
    assert_eq!(edits, json!([]));
    client.shutdown().await;
}

/// Apply LSP edits (UTF-16, non-overlapping) to a text.
pub fn apply(text: &str, edits: &[serde_json::Value]) -> String {
    let rope = ropey::Rope::from_str(text);
    let offset = |p: &serde_json::Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        if line >= rope.len_lines() {
            return rope.len_chars();
        }
        let start = rope.line_to_char(line);
        rope.utf16_cu_to_char(rope.char_to_utf16_cu(start) + p["character"].as_u64().unwrap() as usize)
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| (offset(&e["range"]["start"]), offset(&e["range"]["end"]), e["newText"].as_str().unwrap().to_string()))
        .collect();
    spans.sort_by_key(|(s, e, _)| std::cmp::Reverse((*s, *e)));
    let mut rope = rope.clone();
    for (s, e, t) in spans {
        rope.remove(s..e);
        rope.insert(s, &t);
    }
    rope.to_string()
}

#[tokio::test]
async fn document_symbols_are_hierarchical() {
    let mut client = wedding().await;
    let symbols = client.request("textDocument/documentSymbol", doc(URI)).await;
    let canvas = &symbols[0];
    assert_eq!(canvas["name"], "wedding");
    assert_eq!(canvas["kind"], 3, "namespace");
    let segment = &canvas["children"][0];
    assert_eq!(segment["name"], "couples");
    assert_eq!(segment["children"][0]["name"], "organise");
    assert_eq!(canvas["children"][1]["name"], "offer");
    client.shutdown().await;
}

#[tokio::test]
async fn definition_references_and_highlights() {
    let mut client = wedding().await;
    let text = crate::example("wedding.vpc");
    // `relieves: [unfinished, no-time]` in `checklist`.
    let (line, col) = position_of(&text, "relieves: [unfinished", "unfinished");
    let def = client.request("textDocument/definition", at(URI, line, col + 2)).await;
    let (def_line, def_col) = position_of(&text, "pain unfinished", "unfinished");
    assert_eq!(def["uri"], URI);
    assert_eq!(def["range"]["start"], json!({ "line": def_line, "character": def_col }));

    let mut params = at(URI, def_line, def_col);
    params["context"] = json!({ "includeDeclaration": true });
    let refs = client.request("textDocument/references", params).await;
    assert_eq!(refs.as_array().unwrap().len(), 3, "the definition and two relievers: {refs:#}");

    let highlights = client.request("textDocument/documentHighlight", at(URI, def_line, def_col)).await;
    assert_eq!(highlights.as_array().unwrap().len(), 3);
    assert_eq!(highlights[0]["kind"], 3, "the definition is written");
    client.shutdown().await;
}

#[tokio::test]
async fn rename_gives_a_versioned_workspace_edit() {
    let mut client = wedding().await;
    let text = crate::example("wedding.vpc");
    let (line, col) = position_of(&text, "pain no-time", "no-time");
    let prepared = client.request("textDocument/prepareRename", at(URI, line, col)).await;
    assert_eq!(prepared["placeholder"], "no-time");
    let mut params = at(URI, line, col);
    params["newName"] = json!("short-on-time");
    let edit = client.request("textDocument/rename", params).await;
    let change = &edit["documentChanges"][0];
    assert_eq!(change["textDocument"], json!({ "uri": URI, "version": 1 }));
    let edits = change["edits"].as_array().unwrap();
    assert_eq!(edits.len(), 4, "definition + three relievers");
    let renamed = apply(&text, edits);
    assert!(!renamed.contains("no-time") && renamed.matches("short-on-time").count() == 4);

    // An invalid name: no error response, a message instead.
    let mut params = at(URI, line, col);
    params["newName"] = json!("9 lives");
    assert!(client.request("textDocument/rename", params).await.is_null());
    let message = client.wait_for("showMessage", |n| n["method"] == "window/showMessage").await;
    assert!(message["params"]["message"].as_str().unwrap().contains("not a valid identifier"));
    // Not on an identifier: `null`.
    assert!(client.request("textDocument/prepareRename", at(URI, 0, 3)).await.is_null());
    client.shutdown().await;
}

/// The (line, UTF-16 column) of `needle` inside the first occurrence of `context`.
pub fn position_of(text: &str, context: &str, needle: &str) -> (u32, u32) {
    let offset = text.find(context).unwrap_or_else(|| panic!("no {context:?}")) + context.find(needle).unwrap();
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].encode_utf16().count() as u32)
}

#[tokio::test]
async fn hover_on_a_pain_and_on_a_reference() {
    let mut client = wedding().await;
    let text = crate::example("wedding.vpc");
    let (line, col) = position_of(&text, "pain no-time", "no-time");
    let hover = client.request("textDocument/hover", at(URI, line, col + 1)).await;
    assert_eq!(hover["contents"]["kind"], "markdown");
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("Might not have time") && value.contains("severe"), "{value}");
    assert_eq!(hover["range"]["start"], json!({ "line": line, "character": col }));
    // Between items: nothing, and no error.
    let blank = text.lines().position(|l| l.trim().is_empty()).unwrap() as u32;
    client.request("textDocument/hover", at(URI, blank, 0)).await;
    client.shutdown().await;
}

#[tokio::test]
async fn completion_snippets_only_for_clients_that_take_them() {
    let source = "canvas c \"C\" {\n  segment s \"S\" {\n    \n  }\n}\n";
    for snippets in [true, false] {
        let mut caps = crate::client::capabilities();
        caps["textDocument"]["completion"]["completionItem"]["snippetSupport"] = json!(snippets);
        let (mut client, _) = Client::start_with(caps, json!({ "diagnosticDelayMs": 0 }), None).await;
        client.open(URI, 1, source).await;
        let items = client.request("textDocument/completion", at(URI, 2, 4)).await;
        let items = items.as_array().unwrap();
        let pain = items.iter().find(|i| i["label"] == "pain").unwrap_or_else(|| panic!("no `pain` in {items:#?}"));
        let new_text = pain["textEdit"]["newText"].as_str().unwrap();
        if snippets {
            assert_eq!(pain["insertTextFormat"], 2, "{pain:#}");
            assert!(new_text.contains('$'), "{new_text}");
        } else {
            assert_eq!(pain["insertTextFormat"], 1, "{pain:#}");
            assert!(!new_text.contains('$') && new_text.starts_with("pain"), "{new_text}");
        }
        assert_eq!(pain["textEdit"]["range"], crate::client::range_json([2, 4, 2, 4]));
        client.shutdown().await;
    }
}

#[tokio::test]
async fn completion_of_references_by_kind_and_of_value_sets() {
    let mut client = wedding().await;
    let text = crate::example("wedding.vpc");
    let (line, col) = position_of(&text, "creates: carefree", "carefree");
    let items = client.request("textDocument/completion", at(URI, line, col)).await;
    let labels: Vec<&str> = items.as_array().unwrap().iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&"save-time") && !labels.contains(&"no-time"), "gains only: {labels:?}");
    let (line, col) = position_of(&text, "importance: crucial", "crucial");
    let items = client.request("textDocument/completion", at(URI, line, col)).await;
    let labels: Vec<&str> = items.as_array().unwrap().iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&"trivial") && labels.contains(&"high"), "{labels:?}");
    client.shutdown().await;
}

#[tokio::test]
async fn semantic_tokens_full_and_range() {
    let mut client = wedding().await;
    let full = client.request("textDocument/semanticTokens/full", doc(URI)).await;
    let data = full["data"].as_array().unwrap();
    assert!(!data.is_empty() && data.len() % 5 == 0);
    // The first token is the comment of line 0, as long as the line.
    let text = crate::example("wedding.vpc");
    let first_line = text.lines().next().unwrap().encode_utf16().count();
    assert_eq!(&data[..3], &[json!(0), json!(0), json!(first_line)][..]);
    let mut params = doc(URI);
    params["range"] = crate::client::range_json([16, 0, 17, 0]);
    let range = client.request("textDocument/semanticTokens/range", params).await;
    let data = range["data"].as_array().unwrap();
    // `    job organise "Organise a lovely wedding" {`: keyword, definition, string.
    assert_eq!(data.len(), 15, "{data:?}");
    assert_eq!(data[0], json!(16), "starts on line 16");
    client.shutdown().await;
}

#[tokio::test]
async fn folding_selection_inlay_hints_and_code_lens() {
    let mut client = wedding().await;
    let text = crate::example("wedding.vpc");
    let folds = client.request("textDocument/foldingRange", doc(URI)).await;
    let folds = folds.as_array().unwrap();
    let canvas_line = text.lines().position(|l| l.starts_with("canvas")).unwrap() as u64;
    assert!(folds.iter().any(|f| f["startLine"] == canvas_line), "{folds:#?}");
    assert!(folds.iter().any(|f| f["kind"] == "comment"), "the leading comment folds");

    let (line, col) = position_of(&text, "pain no-time", "no-time");
    let mut params = doc(URI);
    params["positions"] = json!([{ "line": line, "character": col }]);
    let selection = client.request("textDocument/selectionRange", params).await;
    let mut depth = 0;
    let mut current = &selection[0];
    while !current.is_null() {
        depth += 1;
        current = &current["parent"];
    }
    assert!(depth >= 3, "identifier, item, segment, …: {selection:#}");

    let mut params = doc(URI);
    params["range"] = crate::client::range_json([0, 0, 200, 0]);
    let hints = client.request("textDocument/inlayHint", params).await;
    let labels: Vec<&str> = hints.as_array().unwrap().iter().map(|h| h["label"].as_str().unwrap()).collect();
    assert!(labels.iter().any(|l| l.starts_with("← relieved by")), "{labels:?}");
    assert!(labels.iter().any(|l| l.starts_with("opportunity 15")), "{labels:?}");

    let lenses = client.request("textDocument/codeLens", doc(URI)).await;
    // The canvas's fit and verdict, as vpc-ide words them.
    let file = vpc_ide::File::new(text.clone(), &vpc_ide::LintConfig::default());
    let expected = &vpc_ide::code_lenses(&file)[0].title;
    assert!(expected.starts_with("fit ") && expected.contains(" · "), "{expected}");
    assert_eq!(lenses[0]["command"]["title"], expected.as_str());
    client.shutdown().await;
}

#[tokio::test]
async fn code_actions_fix_what_they_say_and_name_their_diagnostics() {
    let mut client = Client::start().await;
    let uri = "file:///tmp/vpc-lsp-tests/flawed.vpc";
    let text = crate::example("flawed.vpc");
    client.open(uri, 1, &text).await;
    let diagnostics = client.diagnostics(uri, 1).await;
    let unknown = diagnostics.iter().find(|d| d["code"] == "unknown-reference").unwrap().clone();
    let params = json!({
        "textDocument": { "uri": uri },
        "range": unknown["range"],
        "context": { "diagnostics": [unknown.clone()] },
    });
    let actions = client.request("textDocument/codeAction", params.clone()).await;
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("no-partner"))
        .expect("a fix");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["diagnostics"][0], unknown, "the client's own diagnostic");
    let edits = fix["edit"]["documentChanges"][0]["edits"].as_array().unwrap();
    assert!(apply(&text, edits).contains("relieves: [shy, no-partner]"));
    // Asked only for refactorings: none.
    let mut only = params;
    only["context"]["only"] = json!(["refactor"]);
    assert_eq!(client.request("textDocument/codeAction", only).await, json!([]));
    client.shutdown().await;
}

#[tokio::test]
async fn code_actions_serve_a_job_or_let_it_go() {
    let mut client = Client::start().await;
    let uri = "file:///tmp/vpc-lsp-tests/jobs.vpc";
    let text = "canvas c \"C\" {\n  segment s \"S\" {\n    job j \"Get it done\" { importance: high }\n  }\n  value-map {\n    product app \"App\" { kind: digital }\n  }\n}\n";
    client.open(uri, 1, text).await;
    let diagnostics = client.diagnostics(uri, 1).await;
    let unserved = diagnostics.iter().find(|d| d["code"] == "unserved-job").expect("unserved-job").clone();
    let params = json!({
        "textDocument": { "uri": uri },
        "range": unserved["range"],
        "context": { "diagnostics": [unserved.clone()] },
    });
    let actions = client.request("textDocument/codeAction", params).await;
    let actions = actions.as_array().unwrap();
    let titles: Vec<&str> = actions.iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Serve this job with `app`", "Let this job go (`allow: unserved-job`)"]);
    for (n, (action, expected)) in actions.iter().zip(["serves: j", "allow: unserved-job"]).enumerate() {
        assert_eq!(action["kind"], "quickfix");
        assert_eq!(action["diagnostics"][0], unserved);
        let edits = action["edit"]["documentChanges"][0]["edits"].as_array().unwrap();
        let fixed = apply(text, edits);
        assert!(fixed.contains(expected), "{fixed}");
        // The server agrees: the diagnostic is gone.
        let fixed_uri = format!("file:///tmp/vpc-lsp-tests/jobs-fixed-{n}.vpc");
        client.open(&fixed_uri, 1, &fixed).await;
        let after = client.diagnostics(&fixed_uri, 1).await;
        assert!(after.iter().all(|d| d["code"] != "unserved-job"), "{after:#?}");
    }
    client.shutdown().await;
}

#[tokio::test]
async fn range_formatting_keeps_to_the_range() {
    let mut client = Client::start().await;
    let messy = "canvas c \"C\" {\n  segment s \"S\" {\n  job a \"A\" {importance:high}\n    job m \"M\" { importance: medium }\n    job b \"B\" {importance:low}\n  }\n}\n";
    client.open(URI, 1, messy).await;
    let mut params = doc(URI);
    params["range"] = crate::client::range_json([2, 0, 2, 5]);
    params["options"] = json!({ "tabSize": 2, "insertSpaces": true });
    let edits = client.request("textDocument/rangeFormatting", params).await;
    let formatted = apply(messy, edits.as_array().unwrap());
    assert!(formatted.contains("    job a \"A\" { importance: high }\n"), "{formatted}");
    assert!(formatted.contains("{importance:low}"), "line 4 untouched: {formatted}");
    client.shutdown().await;
}

#[tokio::test]
async fn flat_symbols_for_clients_without_hierarchy() {
    let mut caps = crate::client::capabilities();
    caps["textDocument"]["documentSymbol"] = json!({});
    let (mut client, _) = Client::start_with(caps, json!({ "diagnosticDelayMs": 0 }), None).await;
    client.open(URI, 1, &crate::example("wedding.vpc")).await;
    let symbols = client.request("textDocument/documentSymbol", doc(URI)).await;
    let no_time = symbols.as_array().unwrap().iter().find(|s| s["name"] == "no-time").expect("no-time");
    assert_eq!(no_time["containerName"], "couples");
    assert_eq!(no_time["location"]["uri"], URI);
    client.shutdown().await;
}
#[tokio::test]
async fn code_actions_over_a_whole_file_of_duplicates_are_capped() {
    // 25,000 jobs all called `j`: a request over the whole file (once 12.9 s and
    // 38 MB of reply) gets the renames of the first duplicates only.
    let mut client = Client::start().await;
    let uri = "file:///tmp/vpc-lsp-tests/duplicates.vpc";
    let mut text = String::from("canvas c \"C\" {\n  allow: unserved-job\n  segment s \"S\" {\n");
    for n in 0..25_000 {
        text.push_str(&format!("    job j \"J{n}\" {{ importance: high }}\n"));
    }
    text.push_str("  }\n  value-map {}\n}\n");
    client.open(uri, 1, &text).await;
    let params = json!({
        "textDocument": { "uri": uri },
        "range": crate::client::range_json([0, 0, 25_005, 0]),
        "context": { "diagnostics": [] },
    });
    let actions = client.request("textDocument/codeAction", params).await;
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), vpc_ide::MAX_CODE_ACTIONS);
    // In source order: the first is the second `j`, on line 5.
    assert_eq!(actions[0]["title"], "Rename this `j` to `j-2`");
    assert_eq!(actions[0]["diagnostics"][0]["range"]["start"]["line"], 4);
    assert_eq!(actions[99]["diagnostics"][0]["range"]["start"]["line"], 103);
    client.shutdown().await;
}
