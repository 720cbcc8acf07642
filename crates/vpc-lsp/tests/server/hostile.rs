//! A hostile client and a hostile workspace: watched-file events for a FIFO, a
//! device and a huge file named `*.vpc`; `didChange` positions outside the
//! document and outside LSP's numbers; a document whose analysis does not end
//! while requests on another come in, and requests on it that are cancelled.
//! Timeouts (the client's `WAIT`) only detect a server that stopped answering.

use std::sync::{Arc, Condvar, Mutex};

use serde_json::{Value, json};

use crate::client::{Client, WAIT, at, capabilities};
use crate::features::position_of;

fn uri_of(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

/// Wait for a logged line (`window/logMessage`) that contains every one of `parts`.
async fn wait_for_log(client: &mut Client, parts: &[&str]) -> String {
    let found = client
        .wait_for(&format!("a log line with {parts:?}"), |n| {
            n["method"] == "window/logMessage"
                && parts.iter().all(|p| n["params"]["message"].as_str().unwrap_or_default().contains(p))
        })
        .await;
    found["params"]["message"].as_str().unwrap().to_string()
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let c_path = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0, "mkfifo {}", path.display());
}

/// Lets go of a reader blocked on the FIFO, if any, when the test ends (so that a
/// server that did block fails the test instead of hanging it).
#[cfg(unix)]
struct ReleaseFifo(std::path::PathBuf);

#[cfg(unix)]
impl Drop for ReleaseFifo {
    fn drop(&mut self) {
        use std::os::unix::fs::OpenOptionsExt;
        let _ = std::fs::OpenOptions::new().write(true).custom_flags(libc::O_NONBLOCK).open(&self.0);
    }
}

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watched_file_events_for_a_fifo_a_device_or_a_huge_file_never_freeze_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("ok.vpc"), "canvas fine \"Fine\" {}\n").unwrap();
    let fifo = root.join("x.vpc");
    mkfifo(&fifo);
    let _release = ReleaseFifo(fifo.clone());
    let zero = root.join("zero.vpc");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let huge = root.join("huge.vpc");
    std::fs::File::create(&huge).unwrap().set_len(17 << 20).unwrap(); // sparse: no 17 MB written
    // A FIFO named vpc.toml above an open document.
    std::fs::create_dir(root.join("sub")).unwrap();
    mkfifo(&root.join("sub/vpc.toml"));
    let _release_toml = ReleaseFifo(root.join("sub/vpc.toml"));

    let (mut client, _) =
        Client::start_with(capabilities(), json!({ "diagnosticDelayMs": 0 }), Some(&uri_of(&root))).await;
    let symbols = client.request("workspace/symbol", json!({ "query": "fine" })).await;
    assert_eq!(symbols.as_array().map(Vec::len), Some(1), "the initial scan indexed ok.vpc: {symbols}");

    for path in [&fifo, &zero, &huge] {
        let event = json!({ "changes": [{ "uri": uri_of(path), "type": 2 }] });
        client.notify("workspace/didChangeWatchedFiles", event).await;
    }
    // Answered (the server did not block on the FIFO nor read /dev/zero forever).
    let symbols = client.request("workspace/symbol", json!({ "query": "fine" })).await;
    assert_eq!(symbols.as_array().map(Vec::len), Some(1), "{symbols}");
    let doc = uri_of(&root.join("sub/a.vpc"));
    client.open(&doc, 1, "canvas a \"A\" {}\n").await;
    client.diagnostics(&doc, 1).await;

    wait_for_log(&mut client, &["x.vpc is not indexed", "it is a FIFO (named pipe), not a regular file"]).await;
    wait_for_log(&mut client, &["zero.vpc is not indexed", "it is a device, not a regular file"]).await;
    wait_for_log(&mut client, &["huge.vpc is not indexed", "larger than the limit of 16 MB"]).await;
    client.shutdown().await;
}

/// The server's rule for positions outside the document (docs/lsp.md): a line past
/// the last means the end of the text, a column past the end of its line the end
/// of the line; numbers outside `u32` are first clamped (negative → 0, too large →
/// `u32::MAX`, fractions rounded down). Nothing is dropped.
#[tokio::test]
async fn did_change_positions_outside_the_document_are_clamped_not_dropped() {
    let mut client = Client::start().await;
    let uri = "file:///tmp/vpc-lsp-tests/clamp.vpc";
    client.open(uri, 1, "ab\ncd").await;
    let change = |version: i64, start: (Value, Value), end: (Value, Value), text: &str| {
        json!({
            "textDocument": { "uri": uri, "version": version },
            "contentChanges": [{
                "range": {
                    "start": { "line": start.0, "character": start.1 },
                    "end": { "line": end.0, "character": end.1 },
                },
                "text": text,
            }],
        })
    };
    let steps: [(Value, Value, Value, Value, &str, &str); 6] = [
        // A line past the last: the end of the text.
        (json!(99), json!(0), json!(99), json!(0), "X", "ab\ncdX"),
        // A column past the end of its line: the end of that line.
        (json!(0), json!(99), json!(0), json!(99), "Y", "abY\ncdX"),
        // Negative numbers: 0.
        (json!(-1), json!(-5), json!(0), json!(1), "Z", "ZbY\ncdX"),
        // Beyond u32: u32::MAX, so the end of the text.
        (json!(4_294_967_296_u64), json!(0), json!(1e12), json!(-3), "W", "ZbY\ncdXW"),
        // Fractions: rounded down.
        (json!(1.7), json!(0.9), json!(1), json!(0.2), "V", "ZbY\nVcdXW"),
        // Reversed ends: swapped.
        (json!(1), json!(1), json!(1), json!(0), "", "ZbY\ncdXW"),
    ];
    for (i, (l1, c1, l2, c2, text, expected)) in steps.into_iter().enumerate() {
        let version = 2 + i as i64;
        client.notify("textDocument/didChange", change(version, (l1, c1), (l2, c2), text)).await;
        assert_eq!(client.text(uri).await, (version, expected.to_string()), "step {i}");
    }
    wait_for_log(&mut client, &["didChange for file:///tmp/vpc-lsp-tests/clamp.vpc", "clamped", "start line -1 → 0"])
        .await;
    client.shutdown().await;
}

/// A gate the analysis of `slow.vpc` waits at until the test opens it, counting
/// the analyses that reached it.
#[derive(Default)]
struct Gate {
    state: Mutex<(bool, usize)>,
    changed: Condvar,
}

impl Gate {
    fn pass(&self) {
        let mut state = self.state.lock().unwrap();
        state.1 += 1;
        self.changed.notify_all();
        while !state.0 {
            state = self.changed.wait(state).unwrap();
        }
    }

    fn open(&self) {
        self.state.lock().unwrap().0 = true;
        self.changed.notify_all();
    }

    fn reached(&self) -> usize {
        self.state.lock().unwrap().1
    }

    /// Wait (off the runtime) until `n` analyses reached the gate.
    async fn wait_reached(self: &Arc<Self>, n: usize) {
        let gate = self.clone();
        let waited = tokio::task::spawn_blocking(move || {
            let state = gate.state.lock().unwrap();
            gate.changed.wait_timeout_while(state, WAIT, |s| s.1 < n).unwrap().0.1
        });
        assert!(waited.await.unwrap() >= n, "the slow analysis did not start");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_document_holds_up_neither_other_documents_nor_cancelled_requests() {
    let gate = Arc::new(Gate::default());
    let hooks = vpc_lsp::server::Hooks {
        before_analysis: Some(Arc::new({
            let gate = gate.clone();
            move |uri: &tower_lsp_server::ls_types::Uri| {
                if uri.as_str().ends_with("/slow.vpc") {
                    gate.pass();
                }
            }
        })),
    };
    let (mut client, _) =
        Client::start_with_hooks(capabilities(), json!({ "diagnosticDelayMs": 0 }), None, hooks).await;
    let slow = "file:///tmp/vpc-lsp-tests/slow.vpc";
    let small = "file:///tmp/vpc-lsp-tests/small.vpc";
    let wedding = crate::example("wedding.vpc");
    client.open(slow, 1, &wedding).await;
    gate.wait_reached(1).await; // its diagnostics run is under way, and will not end

    // More requests on the slow document than tower-lsp-server's default of 4 at once.
    let mut waiting = Vec::new();
    for _ in 0..8 {
        waiting.push(client.send_with_id("textDocument/hover", at(slow, 0, 0)).await);
    }
    // Another document: opened, analysed, answered while the slow one is stuck.
    client.open(small, 1, &wedding).await;
    client.diagnostics(small, 1).await;
    let (line, col) = position_of(&wedding, "pain no-time", "no-time");
    let hover = client.request("textDocument/hover", at(small, line, col + 1)).await;
    assert!(hover["contents"]["value"].as_str().unwrap().contains("Might not have time"), "{hover}");

    // A cancelled request does not wait for the analysis: -32800 at once.
    let (cancelled_id, cancelled) = waiting.remove(3);
    client.notify("$/cancelRequest", json!({ "id": cancelled_id })).await;
    let reply = tokio::time::timeout(WAIT, cancelled).await.expect("no reply to the cancelled request").unwrap();
    assert_eq!(reply["error"]["code"], -32800, "{reply}");
    assert_eq!(gate.reached(), 1, "nothing else on the slow document started");

    // The analysis ends: the other requests are answered; the cancelled one never ran.
    gate.open();
    for (id, response) in waiting {
        let response = tokio::time::timeout(WAIT, response).await.expect("no answer").unwrap();
        assert!(response.get("error").is_none(), "request {id}: {response}");
    }
    client.diagnostics(slow, 1).await;
    assert_eq!(gate.reached(), 1 + 7, "the diagnostics run and the 7 hovers not cancelled");
    client.shutdown().await;
}
