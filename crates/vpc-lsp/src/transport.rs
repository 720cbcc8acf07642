//! The framing layer between the client and tower-lsp-server: every message from
//! the client is read and checked here; the malformed ones are answered (or
//! dropped) and logged here, the rest are passed on through an in-memory stream.
//!
//! Why: tower-lsp-server 0.23 stops reading at the first message it cannot decode
//! (its `FramedRead` ends after a decoding error), so one bad message ended the
//! server. The rules (also in docs/lsp.md):
//! - Header names are matched case-insensitively; only `Content-Length` is used
//!   (other headers are ignored); lines may end in `\r\n` or `\n`; junk before a
//!   `Content-Length` header on its line is skipped, which is how the reader finds
//!   its feet again after a wrong length.
//! - A header block without a usable `Content-Length`: parse error (-32700, id null).
//! - A body over [`MAX_MESSAGE`] bytes is skipped without being kept in memory:
//!   invalid request (-32600, id null).
//! - A body that is not JSON (or not UTF-8): parse error (-32700, id null).
//! - JSON that is not a JSON-RPC 2.0 request or notification (`jsonrpc` other than
//!   `"2.0"`, `id` not an integer or a string, `method` not a string, `params`
//!   not an object or an array): invalid request (-32600) with the message's id if
//!   it has a valid one, else `null`. A batch (an array; LSP has none): -32600 for
//!   each request in it.
//! - A request whose method starts with `$/`: method not found (-32601).
//!   `$/` notifications are passed on (tower-lsp-server acts on `$/cancelRequest`
//!   and ignores the others).
//! - A malformed response from the client (to a request of the server) is dropped.
//! - In a `didChange`, line and column numbers that are not `u32` are clamped
//!   ([`crate::position::clamp_coordinate`]); a `didChange` that still cannot be
//!   read is dropped. Both are logged: the document may now differ from the editor's.
//! - Input that ends inside a message ends the server as closed input does.
//!
//! Each of these is logged to the client (`window/logMessage`) and the server goes on.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::{Map, Value, json};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::Response;
use tower_lsp_server::ls_types::{DidChangeTextDocumentParams, MessageType};
use tower_lsp_server::{ClientSocket, LspService};

use crate::position::clamp_coordinate;
use crate::server::Server;

/// The largest message read (256 MiB: a document of well over 100 MB fits).
pub const MAX_MESSAGE: u64 = 256 << 20;

/// Of a header line, only this many last bytes are kept (junk lines can be long).
const MAX_HEADER_LINE: usize = 8 << 10;

/// Requests handled at once. tower-lsp-server's default of 4 let four requests
/// waiting for the analysis of one slow document hold up every other request.
const MAX_CONCURRENT_REQUESTS: usize = 128;

/// Buffer of the in-memory streams to and from tower-lsp-server.
const STREAM_BUFFER: usize = 1 << 20;

const PARSE_ERROR: i64 = -32700;
const INVALID_REQUEST: i64 = -32600;
const METHOD_NOT_FOUND: i64 = -32601;

/// Serve `service` on a pair of streams, through the framing layer. Returns when the
/// client said `exit` or the input ended.
pub async fn serve(
    input: impl AsyncRead + Unpin,
    output: impl AsyncWrite,
    service: LspService<Server>,
    socket: ClientSocket,
) {
    // Whole message bodies for the client: from the server and from this layer.
    let (out_tx, out_rx) = mpsc::channel::<Vec<u8>>(64);
    let (to_server, server_input) = tokio::io::duplex(STREAM_BUFFER);
    let (server_output, from_server) = tokio::io::duplex(STREAM_BUFFER);
    let lsp = tower_lsp_server::Server::new(server_input, server_output, socket)
        .concurrency_level(MAX_CONCURRENT_REQUESTS)
        .serve(service);
    let relay = relay(from_server, out_tx.clone());
    let write = write_client(out_rx, output);
    let read = read_client(input, to_server, out_tx);
    let serving = async move {
        tokio::pin!(lsp, read);
        // After `exit` the input may stay open: stop reading then. If the input
        // ends first, the server sees it end and finishes what it has started.
        let input_ended = tokio::select! {
            () = &mut lsp => false,
            () = &mut read => true,
        };
        if input_ended {
            lsp.await;
        }
    };
    tokio::join!(serving, relay, write);
}

/// Read the client's messages, check each, pass the good ones on.
async fn read_client(
    input: impl AsyncRead + Unpin,
    mut to_server: tokio::io::DuplexStream,
    out: mpsc::Sender<Vec<u8>>,
) {
    let mut frames = FrameReader::new(BufReader::new(input), MAX_MESSAGE);
    loop {
        match frames.next().await {
            Frame::Body(body) => {
                let checked = check(&body);
                for (level, note) in checked.notes {
                    log(&out, level, note).await;
                }
                for reply in checked.replies {
                    let _ = out.send(reply.to_string().into_bytes()).await;
                }
                if let Some(message) = checked.forward {
                    let header = format!("Content-Length: {}\r\n\r\n", message.len());
                    let sent = async {
                        to_server.write_all(header.as_bytes()).await?;
                        to_server.write_all(&message).await
                    };
                    if sent.await.is_err() {
                        return; // the server has stopped
                    }
                }
            }
            Frame::BadHeader(what) => {
                let _ = out.send(error_reply(Value::Null, PARSE_ERROR, &format!("Parse error: {what}"))).await;
                log(&out, MessageType::ERROR, format!("vpc: {what}; answered with a parse error (-32700)")).await;
            }
            Frame::TooLarge(length) => {
                let what = format!("a message of {length} bytes is over the limit of {MAX_MESSAGE} bytes");
                let _ = out.send(error_reply(Value::Null, INVALID_REQUEST, &format!("Invalid request: {what}"))).await;
                log(&out, MessageType::ERROR, format!("vpc: {what}; skipped it, answered -32600")).await;
                if !frames.skip(length).await {
                    log(&out, MessageType::ERROR, "vpc: the input ended inside that message; stopping".into()).await;
                    return;
                }
            }
            Frame::End(None) => return,
            Frame::End(Some(what)) => {
                log(&out, MessageType::ERROR, format!("vpc: {what}; stopping")).await;
                return;
            }
        }
    }
}

/// Pass the server's messages on to the writer, whole.
async fn relay(from_server: tokio::io::DuplexStream, out: mpsc::Sender<Vec<u8>>) {
    let mut frames = FrameReader::new(BufReader::new(from_server), u64::MAX);
    while let Frame::Body(body) = frames.next().await {
        if out.send(body).await.is_err() {
            return;
        }
    }
}

/// Write whole messages to the client, flushing when none is waiting.
async fn write_client(mut messages: mpsc::Receiver<Vec<u8>>, output: impl AsyncWrite) {
    tokio::pin!(output);
    while let Some(body) = messages.recv().await {
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        let written = async {
            output.write_all(header.as_bytes()).await?;
            output.write_all(&body).await?;
            if messages.is_empty() { output.flush().await } else { Ok(()) }
        };
        if written.await.is_err() {
            return; // the client is gone
        }
    }
    let _ = output.flush().await;
}

async fn log(out: &mpsc::Sender<Vec<u8>>, level: MessageType, message: String) {
    let note =
        json!({ "jsonrpc": "2.0", "method": "window/logMessage", "params": { "type": level, "message": message } });
    let _ = out.send(note.to_string().into_bytes()).await;
}

fn error_reply(id: Value, code: i64, message: &str) -> Vec<u8> {
    error_value(id, code, message).to_string().into_bytes()
}

fn error_value(id: Value, code: i64, message: &str) -> Value {
    json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } })
}

/// What the reader found next in the input.
#[derive(Debug, PartialEq)]
pub enum Frame {
    /// A message body of the announced length.
    Body(Vec<u8>),
    /// A header block without a usable `Content-Length`: what is wrong with it.
    BadHeader(String),
    /// A `Content-Length` over the limit; the body is still to be skipped.
    TooLarge(u64),
    /// The input ended: cleanly (`None`) or inside a message (what was cut off).
    End(Option<String>),
}

/// Reads `Content-Length` framed messages, never keeping more than the limit.
pub struct FrameReader<R> {
    input: R,
    limit: u64,
}

impl<R: AsyncBufRead + Unpin> FrameReader<R> {
    pub fn new(input: R, limit: u64) -> FrameReader<R> {
        FrameReader { input, limit }
    }

    pub async fn next(&mut self) -> Frame {
        match self.read_frame().await {
            Ok(frame) => frame,
            Err(e) => Frame::End(Some(format!("cannot read the input: {e}"))),
        }
    }

    /// Skip `length` bytes (the body of a message over the limit). `false` if the
    /// input ended first.
    pub async fn skip(&mut self, length: u64) -> bool {
        let skipped = tokio::io::copy(&mut (&mut self.input).take(length), &mut tokio::io::sink()).await;
        skipped.is_ok_and(|n| n == length)
    }

    async fn read_frame(&mut self) -> std::io::Result<Frame> {
        let mut length: Option<Result<u64, String>> = None;
        let mut in_header = false;
        loop {
            let Some(line) = self.read_line().await? else {
                return Ok(Frame::End(in_header.then(|| "the input ended inside a message header".to_string())));
            };
            let line = line.strip_suffix(b"\n").unwrap_or(&line);
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.is_empty() {
                if in_header {
                    break;
                }
                continue; // blank lines between messages
            }
            in_header = true;
            if let Some(value) = content_length(line) {
                let value = value.trim_ascii();
                length = Some(
                    std::str::from_utf8(value)
                        .ok()
                        .and_then(|v| v.parse::<u64>().ok())
                        .ok_or_else(|| format!("Content-Length `{}` is not a number", String::from_utf8_lossy(value))),
                );
            }
        }
        let length = match length {
            None => return Ok(Frame::BadHeader("a message header without Content-Length".to_string())),
            Some(Err(what)) => return Ok(Frame::BadHeader(what)),
            Some(Ok(length)) if length > self.limit => return Ok(Frame::TooLarge(length)),
            Some(Ok(length)) => length,
        };
        // Grown as the bytes arrive, not allocated from the announced length.
        let mut body = Vec::with_capacity(length.min(1 << 20) as usize);
        (&mut self.input).take(length).read_to_end(&mut body).await?;
        if (body.len() as u64) < length {
            let what = format!("the input ended inside a message ({} of {length} bytes)", body.len());
            return Ok(Frame::End(Some(what)));
        }
        Ok(Frame::Body(body))
    }

    /// The next line with its end, of which only the last [`MAX_HEADER_LINE`]
    /// bytes are kept; `None` at the end of the input.
    async fn read_line(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        loop {
            let buffer = self.input.fill_buf().await?;
            if buffer.is_empty() {
                return Ok((!line.is_empty()).then_some(line));
            }
            let (taken, done) = match buffer.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buffer.len(), false),
            };
            line.extend_from_slice(&buffer[..taken]);
            self.input.consume(taken);
            if line.len() > MAX_HEADER_LINE {
                line.drain(..line.len() - MAX_HEADER_LINE);
            }
            if done {
                return Ok(Some(line));
            }
        }
    }
}

/// The value of a `Content-Length` header on this line, its name in any case and
/// perhaps after junk (the rest of a message whose length was wrong).
fn content_length(line: &[u8]) -> Option<&[u8]> {
    const NAME: &[u8] = b"content-length";
    let at = line.windows(NAME.len()).rposition(|w| w.eq_ignore_ascii_case(NAME))?;
    let rest = &line[at + NAME.len()..];
    let rest = rest.trim_ascii_start();
    rest.strip_prefix(b":")
}

/// What to do with one message body.
#[derive(Debug, Default)]
pub struct Checked<'a> {
    /// What to pass on to the server: the message as sent, or as repaired.
    pub forward: Option<Cow<'a, [u8]>>,
    /// Answers this layer sends the client itself.
    pub replies: Vec<Value>,
    /// Lines for the client's log.
    pub notes: Vec<(MessageType, String)>,
}

impl<'a> Checked<'a> {
    fn pass(body: &'a [u8]) -> Checked<'a> {
        Checked { forward: Some(Cow::Borrowed(body)), ..Checked::default() }
    }

    fn answer(id: Value, code: i64, what: &str) -> Checked<'a> {
        let (name, label) = match code {
            PARSE_ERROR => ("Parse error", "a parse error"),
            METHOD_NOT_FOUND => ("Method not found", "method not found"),
            _ => ("Invalid request", "invalid request"),
        };
        let note = format!("vpc: {what}; answered with {label} ({code}), id {id}");
        Checked {
            forward: None,
            replies: vec![error_value(id, code, &format!("{name}: {what}"))],
            notes: vec![(MessageType::ERROR, note)],
        }
    }
}

/// Check one message body against JSON-RPC 2.0 (see the module docs).
pub fn check(body: &[u8]) -> Checked<'_> {
    let message: Value = match serde_json::from_slice(body) {
        Ok(message) => message,
        Err(e) => return Checked::answer(Value::Null, PARSE_ERROR, &format!("a message is not JSON ({e})")),
    };
    match &message {
        Value::Object(fields) => check_object(body, &message, fields),
        Value::Array(items) => check_batch(items),
        _ => Checked::answer(Value::Null, INVALID_REQUEST, "a message is not a JSON object"),
    }
}

fn check_object<'a>(body: &'a [u8], message: &Value, fields: &Map<String, Value>) -> Checked<'a> {
    let id = fields.get("id");
    let method = fields.get("method");
    let has_outcome = fields.contains_key("result") || fields.contains_key("error");
    if method.is_none() && has_outcome {
        // A response to one of the server's requests: nothing to answer.
        return match Response::deserialize(message) {
            Ok(_) => Checked::pass(body),
            Err(e) => Checked {
                notes: vec![(MessageType::ERROR, format!("vpc: dropped a malformed response from the client ({e})"))],
                ..Checked::default()
            },
        };
    }
    let reply_id = id.filter(|id| is_valid_id(id)).cloned().unwrap_or(Value::Null);
    let problem = if fields.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        Some("`jsonrpc` must be \"2.0\"")
    } else if !method.is_some_and(Value::is_string) {
        Some("`method` must be a string")
    } else if id.is_some_and(|id| !is_valid_id(id)) {
        Some("`id` must be an integer or a string")
    } else if fields.get("params").is_some_and(|p| !(p.is_object() || p.is_array() || p.is_null())) {
        Some("`params` must be an object or an array")
    } else if has_outcome {
        Some("a request has no `result` or `error`")
    } else {
        None
    };
    if let Some(problem) = problem {
        return Checked::answer(
            reply_id,
            INVALID_REQUEST,
            &format!("a message is not a JSON-RPC 2.0 request: {problem}"),
        );
    }
    let method = method.and_then(Value::as_str).unwrap_or_default();
    if method.starts_with("$/") && id.is_some() {
        return Checked::answer(reply_id, METHOD_NOT_FOUND, &format!("there is no request `{method}`"));
    }
    if method == "textDocument/didChange" {
        return check_did_change(body, message);
    }
    Checked::pass(body)
}

/// LSP has no batches: each request in one gets -32600 with its id.
fn check_batch(items: &[Value]) -> Checked<'static> {
    let what = "a batch (an array of messages): LSP has none, send each message on its own";
    let mut replies = Vec::new();
    for item in items {
        let is_request = item.get("method").is_some();
        let is_response = item.get("result").is_some() || item.get("error").is_some();
        match item.get("id").filter(|id| is_valid_id(id)) {
            Some(id) if is_request => {
                replies.push(error_value(id.clone(), INVALID_REQUEST, &format!("Invalid request: {what}")))
            }
            _ if is_request || is_response => {} // a notification or a response: nothing to answer
            _ => replies.push(error_value(Value::Null, INVALID_REQUEST, &format!("Invalid request: {what}"))),
        }
    }
    if items.is_empty() {
        replies.push(error_value(Value::Null, INVALID_REQUEST, "Invalid request: an empty batch"));
    }
    let note = format!(
        "vpc: ignored {what}; answered {} of its {} messages with invalid request (-32600)",
        replies.len(),
        items.len()
    );
    Checked { forward: None, replies, notes: vec![(MessageType::ERROR, note)] }
}

/// Clamp the line and column numbers of a `didChange` that are not `u32`, so that
/// tower-lsp-server can read it (it drops a notification it cannot read, silently).
fn check_did_change<'a>(body: &'a [u8], message: &Value) -> Checked<'a> {
    let uri = message.pointer("/params/textDocument/uri").and_then(Value::as_str).unwrap_or("?").to_string();
    let mut message = Cow::Borrowed(message);
    let mut clamped = Vec::new();
    let changes = message.pointer("/params/contentChanges").and_then(Value::as_array).map_or(0, Vec::len);
    for i in 0..changes {
        for end in ["start", "end"] {
            for coordinate in ["line", "character"] {
                let pointer = format!("/params/contentChanges/{i}/range/{end}/{coordinate}");
                let Some(Value::Number(n)) = message.pointer(&pointer) else { continue };
                let fixed = clamp_coordinate(n);
                if n.as_u64() != Some(u64::from(fixed)) {
                    clamped.push(format!("{end} {coordinate} {n} → {fixed}"));
                    if let Some(slot) = message.to_mut().pointer_mut(&pointer) {
                        *slot = Value::from(fixed);
                    }
                }
            }
        }
    }
    let params = message.get("params").cloned().unwrap_or(Value::Null);
    if let Err(e) = DidChangeTextDocumentParams::deserialize(&params) {
        let note = format!(
            "vpc: a didChange for {uri} cannot be read ({e}) and was ignored; \
             the server's text of it may now differ from the editor's: close and reopen it"
        );
        return Checked { notes: vec![(MessageType::ERROR, note)], ..Checked::default() };
    }
    match message {
        Cow::Borrowed(_) => Checked::pass(body),
        Cow::Owned(repaired) => {
            let note = format!(
                "vpc: a didChange for {uri} had positions outside the range of LSP's numbers, clamped: {}",
                clamped.join(", ")
            );
            Checked {
                forward: Some(Cow::Owned(repaired.to_string().into_bytes())),
                replies: Vec::new(),
                notes: vec![(MessageType::WARNING, note)],
            }
        }
    }
}

/// LSP ids are integers or strings (and tower-lsp-server's integers are `i64`).
fn is_valid_id(id: &Value) -> bool {
    id.is_string() || id.as_i64().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn frames(input: &[u8], limit: u64) -> Vec<Frame> {
        let mut reader = FrameReader::new(input, limit);
        let mut found = Vec::new();
        loop {
            let frame = reader.next().await;
            let end = matches!(frame, Frame::End(_));
            if let Frame::TooLarge(n) = frame {
                reader.skip(n).await;
            }
            found.push(frame);
            if end {
                return found;
            }
        }
    }

    fn body(s: &str) -> Frame {
        Frame::Body(s.as_bytes().to_vec())
    }

    #[tokio::test]
    async fn headers_in_any_case_with_crlf_or_lf_and_other_headers() {
        let input = b"content-length: 2\r\n\r\n{}CONTENT-LENGTH:3\n\n[1]Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 1\r\n\r\n1";
        assert_eq!(frames(input, 100).await, vec![body("{}"), body("[1]"), body("1"), Frame::End(None)]);
    }

    #[tokio::test]
    async fn junk_and_bad_lengths_are_reported_and_the_next_message_is_found() {
        // A wrong length leaves the rest of the body before the next header.
        let input =
            b"Content-Length: x\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}Foo: 1\r\n\r\nContent-Length: 1\r\n\r\n7";
        assert_eq!(
            frames(input, 100).await,
            vec![
                Frame::BadHeader("Content-Length `x` is not a number".into()),
                body("{}"),
                Frame::BadHeader("a message header without Content-Length".into()),
                body("7"),
                Frame::End(None),
            ]
        );
    }

    #[tokio::test]
    async fn a_message_over_the_limit_is_skipped() {
        let input = b"Content-Length: 11\r\n\r\n01234567890Content-Length: 2\r\n\r\n{}";
        assert_eq!(frames(input, 10).await, vec![Frame::TooLarge(11), body("{}"), Frame::End(None)]);
        // A length no memory could hold: skipped to the end of the input.
        let input = b"Content-Length: 18446744073709551615\r\n\r\n{}";
        assert_eq!(frames(input, 10).await, vec![Frame::TooLarge(u64::MAX), Frame::End(None)]);
    }

    #[tokio::test]
    async fn input_cut_off_inside_a_message_ends_it() {
        assert_eq!(
            frames(b"Content-Length: 10\r\n\r\n{\"a\"", 100).await,
            vec![Frame::End(Some("the input ended inside a message (4 of 10 bytes)".into()))]
        );
        assert_eq!(
            frames(b"Content-Length: 10\r\n", 100).await,
            vec![Frame::End(Some("the input ended inside a message header".into()))]
        );
        assert_eq!(frames(b"", 100).await, vec![Frame::End(None)]);
    }

    #[tokio::test]
    async fn a_long_junk_line_is_cut_but_its_header_kept() {
        let mut input = vec![b'x'; 100_000];
        input.extend_from_slice(b"Content-Length: 2\r\n\r\n{}");
        assert_eq!(frames(&input, 100).await, vec![body("{}"), Frame::End(None)]);
    }

    fn replies(body: &str) -> Vec<Value> {
        let checked = check(body.as_bytes());
        assert!(checked.forward.is_none(), "{body} was passed on");
        assert!(!checked.notes.is_empty(), "{body} was not logged");
        checked.replies
    }

    fn error(id: Value, code: i64) -> (Value, i64) {
        (id, code)
    }

    fn codes(replies: Vec<Value>) -> Vec<(Value, i64)> {
        replies.into_iter().map(|r| (r["id"].clone(), r["error"]["code"].as_i64().unwrap())).collect()
    }

    #[test]
    fn malformed_messages_are_answered_with_their_id_when_it_can_be_read() {
        assert_eq!(codes(replies("not json")), vec![error(Value::Null, -32700)]);
        assert_eq!(codes(replies("")), vec![error(Value::Null, -32700)]);
        assert_eq!(codes(replies("\"text\"")), vec![error(Value::Null, -32600)]);
        assert_eq!(
            codes(replies(r#"{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}"#)),
            vec![error(Value::Null, -32600)]
        );
        assert_eq!(
            codes(replies(r#"{"jsonrpc":"2.0","id":null,"method":"shutdown"}"#)),
            vec![error(Value::Null, -32600)]
        );
        assert_eq!(codes(replies(r#"{"id":3,"method":"shutdown"}"#)), vec![error(json!(3), -32600)]);
        assert_eq!(codes(replies(r#"{"jsonrpc":"1.0","id":"a","method":"x"}"#)), vec![error(json!("a"), -32600)]);
        assert_eq!(codes(replies(r#"{"jsonrpc":"2.0","id":4,"method":7}"#)), vec![error(json!(4), -32600)]);
        assert_eq!(
            codes(replies(r#"{"jsonrpc":"2.0","id":4,"method":"x","params":5}"#)),
            vec![error(json!(4), -32600)]
        );
        assert_eq!(
            codes(replies(r#"{"jsonrpc":"2.0","id":4,"method":"x","result":5}"#)),
            vec![error(json!(4), -32600)]
        );
        assert_eq!(
            codes(replies(r#"{"jsonrpc":"2.0","method":"x","params":{"n":1e999}}"#)),
            vec![error(Value::Null, -32700)]
        );
        assert_eq!(codes(replies(r#"{"jsonrpc":"2.0","id":5,"method":"$/x"}"#)), vec![error(json!(5), -32601)]);
        assert_eq!(
            codes(replies(r#"[{"jsonrpc":"2.0","id":1,"method":"a"},{"jsonrpc":"2.0","method":"b"},7]"#)),
            vec![error(json!(1), -32600), error(Value::Null, -32600)]
        );
        assert_eq!(codes(replies("[]")), vec![error(Value::Null, -32600)]);
        // A malformed response from the client: dropped, nothing to answer.
        assert!(replies(r#"{"jsonrpc":"2.0","id":1,"error":"no"}"#).is_empty());
    }

    #[test]
    fn valid_messages_pass_unchanged() {
        for body in [
            r#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}"#,
            r#"{"jsonrpc":"2.0","id":"x","method":"textDocument/hover","params":{}}"#,
            r#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#,
            r#"{"jsonrpc":"2.0","id":9,"result":null}"#,
            r#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.vpc","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":99}},"text":"x"}]}}"#,
        ] {
            let checked = check(body.as_bytes());
            assert_eq!(checked.forward.as_deref(), Some(body.as_bytes()), "{body}");
            assert!(checked.replies.is_empty() && checked.notes.is_empty(), "{body}");
        }
    }

    #[test]
    fn did_change_coordinates_outside_u32_are_clamped() {
        let body = r#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.vpc","version":2},"contentChanges":[{"range":{"start":{"line":-1,"character":-5},"end":{"line":4294967296,"character":2.5}},"text":"x"}]}}"#;
        let checked = check(body.as_bytes());
        let passed: Value = serde_json::from_slice(&checked.forward.unwrap()).unwrap();
        assert_eq!(
            passed["params"]["contentChanges"][0]["range"],
            json!({ "start": { "line": 0, "character": 0 }, "end": { "line": u32::MAX, "character": 2 } })
        );
        assert_eq!(checked.notes.len(), 1);
        assert!(checked.notes[0].1.contains("start line -1 → 0"), "{:?}", checked.notes);
        // Beyond repair: dropped, and said so.
        let body = r#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.vpc","version":2},"contentChanges":[{"range":{"start":{"line":"one","character":0},"end":{"line":0,"character":0}},"text":"x"}]}}"#;
        let checked = check(body.as_bytes());
        assert!(checked.forward.is_none());
        assert!(checked.notes[0].1.contains("cannot be read"), "{:?}", checked.notes);
    }
}
