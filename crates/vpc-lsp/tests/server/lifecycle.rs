//! `initialize`: what is negotiated and offered; `shutdown` and `exit`.

use serde_json::json;

use crate::client::{Client, capabilities};

#[tokio::test]
async fn utf16_by_default_and_utf8_when_offered() {
    let (client, result) = Client::start_with(capabilities(), json!({}), None).await;
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    assert!(client.shutdown().await);

    let mut caps = capabilities();
    caps["general"]["positionEncodings"] = json!(["utf-16", "utf-8"]);
    let (client, result) = Client::start_with(caps, json!({}), None).await;
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    assert!(client.shutdown().await);

    let mut caps = capabilities();
    caps["general"] = json!({});
    let (client, result) = Client::start_with(caps, json!({}), None).await;
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    client.shutdown().await;
}

#[tokio::test]
async fn capabilities_offer_every_feature_of_the_spec() {
    let (client, result) = Client::start_with(capabilities(), json!({}), None).await;
    let caps = &result["capabilities"];
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental");
    assert_eq!(caps["completionProvider"]["triggerCharacters"], json!([":", "[", ",", " "]));
    for key in [
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "documentHighlightProvider",
        "documentSymbolProvider",
        "workspaceSymbolProvider",
        "foldingRangeProvider",
        "selectionRangeProvider",
        "documentFormattingProvider",
        "documentRangeFormattingProvider",
        "inlayHintProvider",
        "codeLensProvider",
    ] {
        assert!(!caps[key].is_null() && caps[key] != false, "{key}: {caps}");
    }
    assert_eq!(caps["renameProvider"]["prepareProvider"], true);
    assert_eq!(caps["codeActionProvider"]["codeActionKinds"], json!(["quickfix"]));
    let legend = &caps["semanticTokensProvider"]["legend"];
    assert!(legend["tokenTypes"].as_array().unwrap().contains(&json!("keyword")));
    assert_eq!(caps["semanticTokensProvider"]["range"], true);
    assert_eq!(result["serverInfo"]["name"], "vpc");
    client.shutdown().await;
}

#[tokio::test]
async fn watched_files_are_registered_when_the_client_can() {
    let client = Client::start().await;
    // Registration happens in `initialized`; a request after it orders us behind it.
    let mut client = client;
    client.request("workspace/symbol", json!({ "query": "" })).await;
    let requests = client.server_requests.lock().unwrap().clone();
    let registration = requests.iter().find(|r| r["method"] == "client/registerCapability").expect("registration");
    let reg = &registration["params"]["registrations"][0];
    assert_eq!(reg["method"], "workspace/didChangeWatchedFiles");
    let globs: Vec<_> =
        reg["registerOptions"]["watchers"].as_array().unwrap().iter().map(|w| w["globPattern"].clone()).collect();
    assert_eq!(globs, vec![json!("**/vpc.toml"), json!("**/*.vpc")]);
    client.shutdown().await;
}

#[tokio::test]
async fn exit_without_shutdown_is_a_failure() {
    let client = Client::start().await;
    client.notify("exit", serde_json::Value::Null).await;
    let shut_down = tokio::time::timeout(crate::client::WAIT, client.server).await.unwrap().unwrap();
    assert!(!shut_down);
}

#[tokio::test]
async fn requests_on_unknown_documents_answer_null() {
    let mut client = Client::start().await;
    let uri = "file:///nowhere/x.vpc";
    for method in ["textDocument/hover", "textDocument/completion", "textDocument/definition"] {
        assert!(client.request(method, crate::client::at(uri, 0, 0)).await.is_null(), "{method}");
    }
    assert!(client.request("textDocument/semanticTokens/full", crate::client::doc(uri)).await.is_null());
    client.shutdown().await;
}
