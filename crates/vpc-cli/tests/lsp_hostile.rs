//! `vpc lsp` against a hostile client: malformed messages, a header in lower case,
//! a batch, `$/` requests, a message too large to read, input cut off inside a
//! message. Each malformed message is answered (or dropped) and logged, and the
//! next valid request is still answered; the server ends only when the input ends.
//!
//! The binary runs as an editor runs it, over pipes. Timeouts (30 s) only detect a
//! server that stopped answering or never ends.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(30);

struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    /// The `window/logMessage` texts received so far.
    logs: Vec<String>,
    next_id: i64,
}

fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

impl Server {
    /// `vpc lsp`, initialized.
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vpc"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start vpc lsp");
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
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
                let mut body = vec![0; length.expect("the server sent a Content-Length")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let message: Value = serde_json::from_slice(&body).expect("the server sent JSON");
                if tx.send(message).is_err() {
                    return;
                }
            }
        });
        let stdin = child.stdin.take();
        let mut server = Server { child, stdin, messages, logs: Vec::new(), next_id: 0 };
        let init = server.request("initialize", json!({ "processId": null, "capabilities": {} }));
        assert!(init["result"]["capabilities"].is_object(), "{init}");
        server.send(&frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#));
        server
    }

    fn send(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    /// The next message from the server, logging `window/logMessage` ones.
    fn next(&mut self, deadline: Instant, what: &str) -> Value {
        match self.messages.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(message) => {
                if message["method"] == "window/logMessage" {
                    self.logs.push(message["params"]["message"].as_str().unwrap_or_default().to_string());
                }
                message
            }
            Err(RecvTimeoutError::Timeout) => panic!("no {what} within {WAIT:?}; logs: {:#?}", self.logs),
            Err(RecvTimeoutError::Disconnected) => {
                panic!("the server closed its output waiting for {what}; logs: {:#?}", self.logs)
            }
        }
    }

    /// Send a request, return its response; other responses on the way are kept in `before`.
    fn request_after(&mut self, method: &str, params: Value, before: &mut Vec<Value>) -> Value {
        self.next_id += 1;
        let id = format!("probe-{}", self.next_id);
        let body = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }).to_string();
        self.send(&frame(&body));
        let deadline = Instant::now() + WAIT;
        loop {
            let message = self.next(deadline, &format!("answer to {method}"));
            if message["id"] == id.as_str() {
                return message;
            }
            if message.get("method").is_none() {
                before.push(message);
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let mut before = Vec::new();
        let response = self.request_after(method, params, &mut before);
        assert!(before.is_empty(), "unexpected responses: {before:#?}");
        response
    }

    /// Send raw bytes, then a hover, which must be answered (`null`: no such
    /// document). Returns (id, error code) of the responses that came before it,
    /// and checks that the bytes were logged.
    fn exchange(&mut self, raw: &[u8]) -> Vec<(Value, i64)> {
        let logged = self.logs.len();
        self.send(raw);
        let mut before = Vec::new();
        let hover = self.request_after("textDocument/hover", hover_params(), &mut before);
        assert_eq!(hover["result"], Value::Null, "{hover}");
        assert!(self.logs.len() > logged, "{} was not logged", String::from_utf8_lossy(raw));
        before.iter().map(|r| (r["id"].clone(), r["error"]["code"].as_i64().unwrap_or(0))).collect()
    }

    /// Close the input; the exit status, within the timeout.
    fn close(mut self) -> (ExitStatus, String, Vec<String>) {
        drop(self.stdin.take());
        let deadline = Instant::now() + WAIT;
        loop {
            // Keep reading the logs until the output closes.
            match self.messages.recv_timeout(Duration::from_millis(50)) {
                Ok(m) if m["method"] == "window/logMessage" => {
                    self.logs.push(m["params"]["message"].as_str().unwrap_or_default().to_string())
                }
                _ => {}
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                while let Ok(m) = self.messages.recv_timeout(Duration::from_millis(200)) {
                    if m["method"] == "window/logMessage" {
                        self.logs.push(m["params"]["message"].as_str().unwrap_or_default().to_string());
                    }
                }
                let mut stderr = String::new();
                self.child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
                return (status, stderr, self.logs);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("vpc lsp did not end within {WAIT:?} of its input closing; logs: {:#?}", self.logs);
            }
        }
    }
}

fn hover_params() -> Value {
    json!({ "textDocument": { "uri": "file:///nowhere/x.vpc" }, "position": { "line": 0, "character": 0 } })
}

fn err(id: Value, code: i64) -> (Value, i64) {
    (id, code)
}

#[test]
fn every_malformed_message_is_answered_and_the_server_keeps_serving() {
    let mut server = Server::start();
    let hover = hover_params().to_string();

    // A body that is not JSON.
    assert_eq!(server.exchange(&frame("this is not JSON")), vec![err(Value::Null, -32700)]);
    // An id that is no integer.
    let body = format!(r#"{{"jsonrpc":"2.0","id":1.5,"method":"textDocument/hover","params":{hover}}}"#);
    assert_eq!(server.exchange(&frame(&body)), vec![err(Value::Null, -32600)]);
    // No "jsonrpc": invalid, but its id can be read.
    let body = format!(r#"{{"id":"no-version","method":"textDocument/hover","params":{hover}}}"#);
    assert_eq!(server.exchange(&frame(&body)), vec![err(json!("no-version"), -32600)]);
    // A batch: LSP has none; each request in it is answered.
    let body = format!(
        r#"[{{"jsonrpc":"2.0","id":"in-batch","method":"textDocument/hover","params":{hover}}},{{"jsonrpc":"2.0","method":"initialized","params":{{}}}}]"#
    );
    assert_eq!(server.exchange(&frame(&body)), vec![err(json!("in-batch"), -32600)]);
    // A header block without Content-Length, then one whose length is no number.
    assert_eq!(server.exchange(b"Content-Type: text/plain\r\n\r\n"), vec![err(Value::Null, -32700)]);
    assert_eq!(server.exchange(b"Content-Length: twelve\r\n\r\n"), vec![err(Value::Null, -32700)]);
    // A `$/` request: method not found; a `$/` notification: nothing to answer.
    let body = r#"{"jsonrpc":"2.0","id":"dollar","method":"$/vpc/unknown","params":{}}"#;
    assert_eq!(server.exchange(&frame(body)), vec![err(json!("dollar"), -32601)]);
    server.send(&frame(r#"{"jsonrpc":"2.0","method":"$/vpc/unknown","params":{}}"#));
    let mut before = Vec::new();
    server.request_after("textDocument/hover", hover_params(), &mut before);
    assert!(before.is_empty(), "{before:#?}");

    // Header names in any case: a request framed with `content-length` is answered.
    for name in ["content-length", "CONTENT-LENGTH", "Content-length"] {
        let body = format!(r#"{{"jsonrpc":"2.0","id":"{name}","method":"textDocument/hover","params":{hover}}}"#);
        server.send(format!("{name}: {}\r\n\r\n{body}", body.len()).as_bytes());
        let deadline = Instant::now() + WAIT;
        let answer = loop {
            let m = server.next(deadline, &format!("the answer to a request framed with `{name}`"));
            if m["id"] == name {
                break m;
            }
        };
        assert_eq!(answer["result"], Value::Null, "{answer}");
        assert!(answer.get("error").is_none(), "{answer}");
    }

    // Still a working server: shutdown, exit, status 0.
    let shutdown = server.request("shutdown", Value::Null);
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    server.send(&frame(r#"{"jsonrpc":"2.0","method":"exit"}"#));
    let (status, stderr, _) = server.close();
    assert!(status.success(), "{status}: {stderr}");
}

#[test]
fn a_message_too_large_is_refused_without_reading_it_into_memory() {
    let mut server = Server::start();
    // 1 TB announced: refused at once (the server would die trying to allocate it).
    server.send(b"Content-Length: 1000000000000\r\n\r\n{\"jsonrpc\":");
    let deadline = Instant::now() + WAIT;
    let refusal = loop {
        let m = server.next(deadline, "the refusal of a 1 TB message");
        if m.get("id").is_some() {
            break m;
        }
    };
    assert_eq!(refusal["id"], Value::Null, "{refusal}");
    assert_eq!(refusal["error"]["code"], -32600, "{refusal}");
    assert!(refusal["error"]["message"].as_str().unwrap().contains("over the limit"), "{refusal}");
    // Its body is skipped up to the end of the input, where the server ends cleanly.
    let (status, stderr, logs) = server.close();
    assert_eq!(status.code(), Some(1), "no shutdown was asked: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(logs.iter().any(|l| l.contains("over the limit")), "{logs:#?}");
    assert!(logs.iter().any(|l| l.contains("input ended inside that message")), "{logs:#?}");
}

#[test]
fn input_cut_off_inside_a_message_ends_the_server_cleanly() {
    for cut in ["Content-Length: 100\r\n\r\n{\"jsonrpc\":\"2.0\",", "Content-Length: 100\r\nContent-Ty"] {
        let mut server = Server::start();
        server.send(cut.as_bytes());
        let (status, stderr, logs) = server.close();
        assert_eq!(status.code(), Some(1), "no shutdown was asked: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(logs.iter().any(|l| l.contains("the input ended inside a message")), "{cut:?}: {logs:#?}");
    }
}
