//! Text synchronisation: incremental edits with emoji and CRLF, versions,
//! debounced diagnostics, edits in order under concurrent handlers.

use std::time::Duration;

use serde_json::{Value, json};

use crate::client::{Client, at, capabilities, doc};

const URI: &str = "file:///tmp/vpc-lsp-tests/sync.vpc";

/// A canvas with CRLF line breaks, emoji and CJK; no value map, one unrelieved pain.
const TEXT: &str =
    "canvas c \"Café ☕ 😀\" {\r\n  segment s \"S\" {\r\n    pain p \"痛い 😩\" { severity: severe }\r\n  }\r\n}\r\n";

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics.iter().map(|d| d["code"].as_str().unwrap_or_default().to_string()).collect()
}

fn find<'a>(diagnostics: &'a [Value], code: &str) -> &'a Value {
    diagnostics.iter().find(|d| d["code"] == code).unwrap_or_else(|| panic!("no {code} in {diagnostics:#?}"))
}

#[tokio::test]
async fn incremental_edits_with_emoji_and_crlf_in_utf16() {
    let mut client = Client::start().await;
    client.open(URI, 1, TEXT).await;
    let diagnostics = client.diagnostics(URI, 1).await;
    assert_eq!(codes(&diagnostics), vec!["missing-section", "unrelieved-pain"]);
    let pain = find(&diagnostics, "unrelieved-pain");
    assert_eq!(pain["range"], crate::client::range_json([2, 9, 2, 10]));
    assert_eq!(pain["source"], "vpc");
    assert_eq!(pain["severity"], 2);
    assert!(pain["codeDescription"]["href"].as_str().unwrap().ends_with("#unrelieved-pain"));

    // Insert a line after the pain: a pain with two emoji before an invalid value.
    client.change(URI, 2, [2, 39, 2, 39], "\r\n    pain q \"😩😩\" { severity: huge }").await;
    let diagnostics = client.diagnostics(URI, 2).await;
    let invalid = find(&diagnostics, "invalid-value");
    assert_eq!(invalid["range"], crate::client::range_json([3, 30, 3, 34]), "UTF-16 columns after two emoji");

    // Replace the emoji of the title (columns 17-19 in UTF-16) and check the text.
    client.change(URI, 3, [0, 17, 0, 19], "🎉🎉").await;
    // Delete the whole pain line again, CRLF included.
    client.change(URI, 4, [2, 39, 3, 36], "").await;
    let (version, text) = client.text(URI).await;
    assert_eq!(version, 4);
    assert_eq!(text, TEXT.replace("😀", "🎉🎉"));
    let diagnostics = client.diagnostics(URI, 4).await;
    assert_eq!(codes(&diagnostics), vec!["missing-section", "unrelieved-pain"]);
    client.shutdown().await;
}

#[tokio::test]
async fn utf8_columns_when_negotiated() {
    let mut caps = capabilities();
    caps["general"]["positionEncodings"] = json!(["utf-8", "utf-16"]);
    let (mut client, _) = Client::start_with(caps, json!({ "diagnosticDelayMs": 0 }), None).await;
    client.open(URI, 1, TEXT).await;
    client.diagnostics(URI, 1).await;
    // In bytes: the line is `    pain p "痛い 😩" { severity: severe }`, 45 bytes.
    client.change(URI, 2, [2, 45, 2, 45], "\r\n    pain q \"😩😩\" { severity: huge }").await;
    let diagnostics = client.diagnostics(URI, 2).await;
    assert_eq!(find(&diagnostics, "invalid-value")["range"], crate::client::range_json([3, 34, 3, 38]));
    client.shutdown().await;
}

#[tokio::test]
async fn a_burst_of_keystrokes_costs_one_analysis() {
    let (mut client, _) = Client::start_with(capabilities(), json!({ "diagnosticDelayMs": 150 }), None).await;
    client.open(URI, 1, TEXT).await;
    client.diagnostics(URI, 1).await;
    // Type `// hello world` at the end, one character at a time.
    for (i, c) in "// hello world".chars().enumerate() {
        let column = i as u32;
        client.change(URI, 2 + i as i64, [5, column, 5, column], &c.to_string()).await;
    }
    let last = 1 + "// hello world".len() as i64;
    let published: Vec<Value> = client
        .collect(Duration::from_millis(800))
        .await
        .into_iter()
        .filter(|n| n["method"] == "textDocument/publishDiagnostics")
        .collect();
    let versions: Vec<_> = published.iter().map(|n| n["params"]["version"].clone()).collect();
    assert_eq!(versions, vec![json!(last)], "one publication, for the last version");
    client.shutdown().await;
}

#[tokio::test]
async fn edits_apply_in_order_while_slow_requests_interleave() {
    let mut client = Client::start().await;
    let example = crate::example("wedding.vpc");
    client.open(URI, 1, &example).await;
    // Insert at the very start, one character at a time: any reordering changes the text.
    let typed: Vec<char> = "ab😀c痛\u{e9}".chars().cycle().take(300).collect();
    let mut pending = Vec::new();
    for (i, c) in typed.iter().enumerate() {
        client.change(URI, 2 + i as i64, [0, 0, 0, 0], &c.to_string()).await;
        let line = (i % 40) as u32;
        let request = match i % 4 {
            0 => client.send("textDocument/hover", at(URI, line, 3)).await,
            1 => client.send("textDocument/completion", at(URI, line, 5)).await,
            2 => client.send("textDocument/semanticTokens/full", doc(URI)).await,
            _ => client.send("textDocument/documentSymbol", doc(URI)).await,
        };
        pending.push(request);
    }
    for response in pending {
        let response = tokio::time::timeout(crate::client::WAIT, response).await.unwrap().unwrap();
        assert!(response.get("error").is_none(), "{response}");
    }
    let (version, text) = client.text(URI).await;
    assert_eq!(version, 301);
    let prefix: String = typed.iter().rev().collect();
    let got = text.get(..prefix.len()).unwrap_or(&text);
    assert!(text == prefix.clone() + &example, "edits were reordered:\n got {got:?}\nwant {prefix:?}");
    // And the last diagnostics are those of the last version.
    client.diagnostics(URI, 301).await;
    client.shutdown().await;
}

#[tokio::test]
async fn closing_clears_diagnostics() {
    let mut client = Client::start().await;
    client.open(URI, 1, TEXT).await;
    assert!(!client.diagnostics(URI, 1).await.is_empty());
    client.notify("textDocument/didClose", doc(URI)).await;
    let cleared = client
        .wait_for("cleared diagnostics", |n| {
            n["method"] == "textDocument/publishDiagnostics" && n["params"]["diagnostics"] == json!([])
        })
        .await;
    assert_eq!(cleared["params"]["uri"], URI);
    assert!(client.request("vpc/documentText", doc(URI)).await.is_null());
    client.shutdown().await;
}

#[tokio::test]
async fn versions_that_do_not_rise_are_logged_and_applied() {
    let mut client = Client::start().await;
    client.open(URI, 5, "").await;
    client.change(URI, 5, [0, 0, 0, 0], "x").await;
    let log = client.wait_for("a log message", |n| n["method"] == "window/logMessage").await;
    assert!(log["params"]["message"].as_str().unwrap().contains("versions must rise"), "{log}");
    assert_eq!(client.text(URI).await, (5, "x".to_string()));
    client.shutdown().await;
}

#[tokio::test]
async fn full_text_changes_replace_everything() {
    let mut client = Client::start().await;
    client.open(URI, 1, TEXT).await;
    client
        .notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": URI, "version": 2 }, "contentChanges": [{ "text": "canvas" }] }),
        )
        .await;
    assert_eq!(client.text(URI).await, (2, "canvas".to_string()));
    let diagnostics = client.diagnostics(URI, 2).await;
    assert_eq!(codes(&diagnostics)[0], "syntax-error");
    client.shutdown().await;
}
