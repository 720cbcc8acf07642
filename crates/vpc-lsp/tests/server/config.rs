//! `vpc.toml` (nearest upward, reloaded on change, broken → a message and the
//! defaults) and the workspace index (symbols of files that are not open).

use serde_json::{Value, json};

use crate::client::{Client, capabilities};

const CANVAS: &str =
    "canvas c \"C\" {\n  segment s \"S\" {\n    pain p \"P\" { severity: severe }\n  }\n  value-map m \"M\" {}\n}\n";

fn uri_of(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

fn severity_of(diagnostics: &[Value], code: &str) -> Option<i64> {
    diagnostics.iter().find(|d| d["code"] == code).map(|d| d["severity"].as_i64().unwrap())
}

#[tokio::test]
async fn vpc_toml_is_respected_reloaded_and_reported_when_broken() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::create_dir_all(root.join("sub")).unwrap();
    let toml = root.join("vpc.toml");
    std::fs::write(&toml, "[lints]\nunrelieved-pain = \"error\"\n").unwrap();
    let file = root.join("sub/a.vpc");
    std::fs::write(&file, CANVAS).unwrap();
    let uri = uri_of(&file);
    let (mut client, _) =
        Client::start_with(capabilities(), json!({ "diagnosticDelayMs": 0 }), Some(&uri_of(&root))).await;
    client.open(&uri, 1, CANVAS).await;
    assert_eq!(severity_of(&client.diagnostics(&uri, 1).await, "unrelieved-pain"), Some(1), "error, from vpc.toml");

    // The file changes: `off`.
    std::fs::write(&toml, "[lints]\nunrelieved-pain = \"off\"\n").unwrap();
    let changed = json!({ "changes": [{ "uri": uri_of(&toml), "type": 2 }] });
    client.notify("workspace/didChangeWatchedFiles", changed.clone()).await;
    let diagnostics = client.diagnostics(&uri, 1).await;
    assert_eq!(severity_of(&diagnostics, "unrelieved-pain"), None, "{diagnostics:#?}");

    // Broken: a message naming the file and the key; the defaults apply meanwhile.
    std::fs::write(&toml, "[lints]\nunrelieved-pains = \"error\"\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", changed).await;
    let message = client.wait_for("showMessage", |n| n["method"] == "window/showMessage").await;
    assert_eq!(message["params"]["type"], 1, "an error");
    let text = message["params"]["message"].as_str().unwrap();
    assert!(text.contains(&toml.display().to_string()) && text.contains("lints.unrelieved-pains"), "{text}");
    assert_eq!(severity_of(&client.diagnostics(&uri, 1).await, "unrelieved-pain"), Some(2), "the default");
    client.shutdown().await;
}

#[tokio::test]
async fn a_broken_vpc_toml_is_reported_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("vpc.toml"), "[lints]\nunrelieved-pain = \"loud\"\n").unwrap();
    let uri = uri_of(&root.join("a.vpc"));
    let mut client = Client::start().await;
    client.open(&uri, 1, CANVAS).await;
    let message = client.wait_for("showMessage", |n| n["method"] == "window/showMessage").await;
    assert!(message["params"]["message"].as_str().unwrap().contains("lints.unrelieved-pain"), "{message}");
    assert_eq!(severity_of(&client.diagnostics(&uri, 1).await, "unrelieved-pain"), Some(2));
    client.shutdown().await;
}

#[tokio::test]
async fn workspace_symbols_come_from_files_that_are_not_open() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("wedding.vpc"), crate::example("wedding.vpc")).unwrap();
    std::fs::write(root.join("rides.vpc"), crate::example("ride-hailing.vpc")).unwrap();
    let (mut client, _) = Client::start_with(capabilities(), json!({}), Some(&uri_of(&root))).await;
    let found = client.request("workspace/symbol", json!({ "query": "no-time" })).await;
    let first = &found[0];
    assert_eq!(first["name"], "no-time", "{found:#?}");
    assert_eq!(first["location"]["uri"], uri_of(&root.join("wedding.vpc")));

    // A new file, announced by a watched-file event, is indexed.
    let added = root.join("new.vpc");
    std::fs::write(&added, "canvas brand-new \"New\" {}\n").unwrap();
    client
        .notify("workspace/didChangeWatchedFiles", json!({ "changes": [{ "uri": uri_of(&added), "type": 1 }] }))
        .await;
    let found = client.request("workspace/symbol", json!({ "query": "brand-new" })).await;
    assert_eq!(found[0]["location"]["uri"], uri_of(&added), "{found:#?}");

    // A deleted one leaves the index.
    std::fs::remove_file(&added).unwrap();
    client
        .notify("workspace/didChangeWatchedFiles", json!({ "changes": [{ "uri": uri_of(&added), "type": 3 }] }))
        .await;
    let found = client.request("workspace/symbol", json!({ "query": "brand-new" })).await;
    assert!(found.as_array().unwrap().iter().all(|s| s["location"]["uri"] != uri_of(&added)), "{found:#?}");
    client.shutdown().await;
}
