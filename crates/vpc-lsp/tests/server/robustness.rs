//! Half-typed text: type an example one character at a time, asking for features
//! at the cursor after every keystroke; then delete it again. No error response,
//! no crash, and the server's text stays the client's.

use serde_json::Value;

use crate::client::{Client, at, doc};

/// The position after `text` (UTF-16 columns).
fn end_of(text: &str) -> (u32, u32) {
    let mut line = 0;
    let mut col = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                line += 1;
                col = 0;
            }
            c => col += c.len_utf16() as u32,
        }
    }
    (line, col)
}

async fn check_no_error(response: tokio::sync::oneshot::Receiver<Value>, what: &str) {
    let response = tokio::time::timeout(crate::client::WAIT, response).await.unwrap().unwrap();
    assert!(response.get("error").is_none(), "{what}: {response}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn type_and_delete_an_example_asking_at_every_keystroke() {
    let mut client = Client::start().await;
    let uri = "file:///tmp/vpc-lsp-tests/typing.vpc";
    // The flawed example: every lint, comments, lists; CRLF on every other line.
    let source: String = crate::example("flawed.vpc")
        .split_inclusive('\n')
        .enumerate()
        .map(|(i, line)| if i % 2 == 1 { line.replace('\n', "\r\n") } else { line.to_string() })
        .collect();
    client.open(uri, 0, "").await;
    let mut typed = String::new();
    let mut version = 0;
    for c in source.chars() {
        let (line, col) = end_of(&typed);
        version += 1;
        client.change(uri, version, [line, col, line, col], &c.to_string()).await;
        typed.push(c);
        let (line, col) = end_of(&typed);
        let requests = [
            ("completion", client.send("textDocument/completion", at(uri, line, col)).await),
            ("hover", client.send("textDocument/hover", at(uri, line, col.saturating_sub(1))).await),
            ("semanticTokens", client.send("textDocument/semanticTokens/full", doc(uri)).await),
            ("documentSymbol", client.send("textDocument/documentSymbol", doc(uri)).await),
        ];
        for (what, response) in requests {
            check_no_error(response, what).await;
        }
    }
    assert_eq!(client.text(uri).await, (version, source.clone()));
    // Delete it again from the end, one character (or one `\r\n`) at a time.
    while !typed.is_empty() {
        let (to_line, to_col) = end_of(&typed);
        if typed.ends_with("\r\n") {
            typed.truncate(typed.len() - 2);
        } else {
            typed.pop();
        }
        let (line, col) = end_of(&typed);
        version += 1;
        client.change(uri, version, [line, col, to_line, to_col], "").await;
        if typed.len().is_multiple_of(7) {
            check_no_error(client.send("textDocument/completion", at(uri, line, col)).await, "completion").await;
            check_no_error(client.send("textDocument/hover", at(uri, line, col)).await, "hover").await;
        }
    }
    assert_eq!(client.text(uri).await, (version, String::new()));
    client.shutdown().await;
}
