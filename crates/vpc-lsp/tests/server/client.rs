//! A small LSP client for in-process tests: the server runs on a duplex stream in
//! the same runtime, with its real transport (framing, concurrency, ordering).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, WriteHalf};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

pub const WAIT: Duration = Duration::from_secs(20);

type Pending = Arc<Mutex<HashMap<i64, oneshot::Sender<Value>>>>;

pub struct Client {
    writer: Arc<tokio::sync::Mutex<WriteHalf<DuplexStream>>>,
    next_id: i64,
    pending: Pending,
    notifications: mpsc::UnboundedReceiver<Value>,
    /// Notifications read but not yet taken by a `wait_*`.
    seen: Vec<Value>,
    /// Requests the server sent us (answered with `null`).
    pub server_requests: Arc<Mutex<Vec<Value>>>,
    pub server: JoinHandle<bool>,
}

/// Capabilities of a capable client (UTF-16 only, unless changed).
pub fn capabilities() -> Value {
    json!({
        "general": { "positionEncodings": ["utf-16"] },
        "textDocument": {
            "synchronization": { "dynamicRegistration": false },
            "completion": { "completionItem": { "snippetSupport": true } },
            "hover": { "contentFormat": ["markdown", "plaintext"] },
            "documentSymbol": { "hierarchicalDocumentSymbolSupport": true },
            "foldingRange": { "lineFoldingOnly": true },
            "publishDiagnostics": { "relatedInformation": true, "versionSupport": true }
        },
        "workspace": {
            "workspaceEdit": { "documentChanges": true },
            "didChangeWatchedFiles": { "dynamicRegistration": true },
            "workspaceFolders": true
        }
    })
}

impl Client {
    /// Start a server and initialize it with `capabilities()`, no delay before
    /// diagnostics, and no workspace folder.
    pub async fn start() -> Client {
        Client::start_with(capabilities(), json!({ "diagnosticDelayMs": 0 }), None).await.0
    }

    /// Start a server and initialize it. Returns the client and the initialize result.
    pub async fn start_with(capabilities: Value, options: Value, root: Option<&str>) -> (Client, Value) {
        Client::start_with_hooks(capabilities, options, root, vpc_lsp::server::Hooks::default()).await
    }

    /// [`Client::start_with`], the server with test hooks.
    pub async fn start_with_hooks(
        capabilities: Value,
        options: Value,
        root: Option<&str>,
        hooks: vpc_lsp::server::Hooks,
    ) -> (Client, Value) {
        let (client_side, server_side) = tokio::io::duplex(1 << 20);
        let (server_read, server_write) = tokio::io::split(server_side);
        let server = tokio::spawn(vpc_lsp::serve_with_hooks(server_read, server_write, hooks));
        let (read, write) = tokio::io::split(client_side);
        let writer = Arc::new(tokio::sync::Mutex::new(write));
        let pending: Pending = Arc::default();
        let server_requests = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(read_loop(BufReader::new(read), pending.clone(), tx, writer.clone(), server_requests.clone()));
        let mut client =
            Client { writer, next_id: 0, pending, notifications: rx, seen: Vec::new(), server_requests, server };
        let folders = root.map(|r| json!([{ "uri": r, "name": "root" }])).unwrap_or(Value::Null);
        let result = client
            .request(
                "initialize",
                json!({
                    "processId": null,
                    "rootUri": root,
                    "workspaceFolders": folders,
                    "capabilities": capabilities,
                    "initializationOptions": options,
                }),
            )
            .await;
        client.notify("initialized", json!({})).await;
        (client, result)
    }

    async fn write(&self, message: Value) {
        let body = message.to_string();
        let mut w = self.writer.lock().await;
        w.write_all(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes()).await.unwrap();
        w.flush().await.unwrap();
    }

    /// Send a request; the receiver gets the whole response (`result` or `error`).
    pub async fn send(&mut self, method: &str, params: Value) -> oneshot::Receiver<Value> {
        self.send_with_id(method, params).await.1
    }

    /// [`Client::send`], with the id of the request.
    pub async fn send_with_id(&mut self, method: &str, params: Value) -> (i64, oneshot::Receiver<Value>) {
        self.next_id += 1;
        let id = self.next_id;
        let (tx, rx) = oneshot::channel();
        self.pending.lock().unwrap().insert(id, tx);
        self.write(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params })).await;
        (id, rx)
    }

    /// A request's whole response.
    pub async fn response(&mut self, method: &str, params: Value) -> Value {
        let rx = self.send(method, params).await;
        tokio::time::timeout(WAIT, rx).await.expect("no response in time").expect("server gone")
    }

    /// A request's result; panics on an error response.
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.response(method, params.clone()).await;
        assert!(response.get("error").is_none(), "{method} {params} answered with an error: {response}");
        response["result"].clone()
    }

    pub async fn notify(&self, method: &str, params: Value) {
        self.write(json!({ "jsonrpc": "2.0", "method": method, "params": params })).await;
    }

    /// The next notification (seen or new) matching `pred`; others are kept.
    pub async fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.seen.iter().position(&pred) {
            return self.seen.remove(i);
        }
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            match tokio::time::timeout_at(deadline, self.notifications.recv()).await {
                Ok(Some(n)) if pred(&n) => return n,
                Ok(Some(n)) => self.seen.push(n),
                Ok(None) => panic!("server closed while waiting for {what}"),
                Err(_) => panic!("no {what} in time; seen: {:#?}", self.seen),
            }
        }
    }

    /// Every notification that arrives within `window` (plus those seen before).
    pub async fn collect(&mut self, window: Duration) -> Vec<Value> {
        let deadline = tokio::time::Instant::now() + window;
        while let Ok(Some(n)) = tokio::time::timeout_at(deadline, self.notifications.recv()).await {
            self.seen.push(n);
        }
        std::mem::take(&mut self.seen)
    }

    /// The diagnostics published for `uri` at `version`.
    pub async fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let n = self
            .wait_for(&format!("diagnostics of {uri} v{version}"), |n| {
                n["method"] == "textDocument/publishDiagnostics"
                    && n["params"]["uri"] == uri
                    && n["params"]["version"] == version
            })
            .await;
        n["params"]["diagnostics"].as_array().cloned().unwrap_or_default()
    }

    pub async fn open(&self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "vpc", "version": version, "text": text } }),
        )
        .await;
    }

    /// One incremental change.
    pub async fn change(&self, uri: &str, version: i64, range: [u32; 4], text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "range": range_json(range), "text": text }],
            }),
        )
        .await;
    }

    /// The server's text of a document (`vpc/documentText`).
    pub async fn text(&mut self, uri: &str) -> (i64, String) {
        let r = self.request("vpc/documentText", json!({ "textDocument": { "uri": uri } })).await;
        (r["version"].as_i64().unwrap(), r["text"].as_str().unwrap().to_string())
    }

    pub async fn shutdown(mut self) -> bool {
        self.request("shutdown", Value::Null).await;
        self.notify("exit", Value::Null).await;
        tokio::time::timeout(WAIT, self.server).await.expect("server did not exit").unwrap()
    }
}

pub fn range_json([l1, c1, l2, c2]: [u32; 4]) -> Value {
    json!({ "start": { "line": l1, "character": c1 }, "end": { "line": l2, "character": c2 } })
}

pub fn at(uri: &str, line: u32, character: u32) -> Value {
    json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } })
}

pub fn doc(uri: &str) -> Value {
    json!({ "textDocument": { "uri": uri } })
}

async fn read_loop(
    mut reader: BufReader<tokio::io::ReadHalf<DuplexStream>>,
    pending: Pending,
    notifications: mpsc::UnboundedSender<Value>,
    writer: Arc<tokio::sync::Mutex<WriteHalf<DuplexStream>>>,
    server_requests: Arc<Mutex<Vec<Value>>>,
) {
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).await.unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse::<usize>().ok();
            }
        }
        let mut body = vec![0; length.expect("a Content-Length header")];
        reader.read_exact(&mut body).await.unwrap();
        let message: Value = serde_json::from_slice(&body).unwrap();
        match (message.get("id"), message.get("method")) {
            (Some(id), Some(_)) => {
                // A request from the server: answer `null`.
                server_requests.lock().unwrap().push(message.clone());
                let reply = json!({ "jsonrpc": "2.0", "id": id, "result": null }).to_string();
                let mut w = writer.lock().await;
                let _ = w.write_all(format!("Content-Length: {}\r\n\r\n{reply}", reply.len()).as_bytes()).await;
            }
            (Some(id), None) => {
                let sender = id.as_i64().and_then(|id| pending.lock().unwrap().remove(&id));
                if let Some(sender) = sender {
                    let _ = sender.send(message);
                }
            }
            (None, _) => {
                let _ = notifications.send(message);
            }
        }
    }
}
