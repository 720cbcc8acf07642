//! Latency and memory of the language server on a large document (not a test).
//!
//!     cargo run --release -p vpc-lsp --example lsp-bench [-- --size BYTES --rounds N]
//!
//! Starts the server as a child process (this same binary with `--serve`, i.e.
//! `vpc_lsp::run_stdio()`), talks LSP to it over stdio with diagnostics not
//! debounced (`diagnosticDelayMs: 0`), on a generated document of 1 MiB
//! (`vpc_bench::generate`), and measures:
//! - a keystroke: `didChange` → `publishDiagnostics` of that version;
//! - completion and hover on an analysed version, and right after a keystroke
//!   (which includes analysing the new version);
//! - the server's memory: resident (RSS, from /proc) and live heap (bytes allocated
//!   and not yet freed, counted by a wrapper around the system allocator, as in the
//!   `vpc` binary), before and after opening the document and at their peak.
//!
//! Prints a Markdown table.

use std::alloc::{GlobalAlloc, Layout};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The allocator of the `vpc` binary (the system allocator), counting the bytes in use.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on unchanged to the system allocator; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { std::alloc::System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            grew(new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { std::alloc::System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The server child reports its heap (live and peak bytes) in this file.
const HEAP_FILE_VAR: &str = "VPC_LSP_BENCH_HEAP_FILE";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--serve") {
        if let Some(path) = std::env::var_os(HEAP_FILE_VAR) {
            std::thread::spawn(move || {
                loop {
                    let line = format!("{} {}\n", LIVE.load(Ordering::Relaxed), PEAK.load(Ordering::Relaxed));
                    let _ = std::fs::write(&path, line);
                    std::thread::sleep(Duration::from_millis(10));
                }
            });
        }
        std::process::exit(if vpc_lsp::run_stdio() == std::process::ExitCode::SUCCESS { 0 } else { 1 });
    }
    let flag = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let size = flag("--size", 1 << 20);
    let rounds = flag("--rounds", 100);
    run(size, rounds);
}

struct Server {
    child: Child,
    heap_file: std::path::PathBuf,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    /// Notifications read while waiting for a response.
    stash: Vec<Value>,
    next_id: i64,
}

impl Server {
    fn start() -> Server {
        let heap_file = std::env::temp_dir().join(format!("vpc-lsp-bench-heap-{}", std::process::id()));
        let mut child = Command::new(std::env::current_exe().unwrap())
            .arg("--serve")
            .env(HEAP_FILE_VAR, &heap_file)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("cannot start the server");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0;
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
                        length = n.parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Server { child, heap_file, stdin, messages: rx, stash: Vec::new(), next_id: 0 }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Send a request and wait for its response; answers the server's own requests.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let m = self.next();
            if m["id"] == id && m.get("method").is_none() {
                assert!(m.get("error").is_none(), "{method}: {m}");
                return m["result"].clone();
            }
            if m.get("id").is_none() {
                self.stash.push(m);
            }
        }
    }

    fn next(&mut self) -> Value {
        let m = self.messages.recv_timeout(Duration::from_secs(60)).expect("the server went quiet");
        if let (Some(id), Some(_)) = (m.get("id"), m.get("method")) {
            let id = id.clone();
            self.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));
        }
        m
    }

    fn wait_diagnostics(&mut self, version: i64) -> usize {
        let is_it = |m: &Value| m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version;
        if let Some(i) = self.stash.iter().position(is_it) {
            let m = self.stash.remove(i);
            return m["params"]["diagnostics"].as_array().map_or(0, Vec::len);
        }
        self.stash.clear();
        loop {
            let m = self.next();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version {
                return m["params"]["diagnostics"].as_array().map_or(0, Vec::len);
            }
        }
    }

    /// (live, peak live) heap bytes, as the server last reported them.
    fn heap(&self) -> (usize, usize) {
        std::thread::sleep(Duration::from_millis(30));
        let text = std::fs::read_to_string(&self.heap_file).unwrap_or_default();
        let mut numbers = text.split_whitespace().filter_map(|n| n.parse().ok());
        (numbers.next().unwrap_or(0), numbers.next().unwrap_or(0))
    }

    /// (resident, peak resident) in bytes, from /proc.
    fn memory(&self) -> (usize, usize) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.split_whitespace().next()?.parse::<usize>().ok())
                .map_or(0, |kb| kb * 1024)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[i.min(samples.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// The (line, UTF-16 column) of a byte offset.
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    json!({ "line": line, "character": before[start..].encode_utf16().count() })
}

fn run(size: usize, rounds: usize) {
    let text = vpc_bench::generate(size);
    let uri = "file:///bench/large.vpc";
    let mut server = Server::start();
    server.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": null,
            "capabilities": { "general": { "positionEncodings": ["utf-16"] },
                              "textDocument": { "completion": { "completionItem": { "snippetSupport": true } } } },
            "initializationOptions": { "diagnosticDelayMs": 0 },
        }),
    );
    server.notify("initialized", json!({}));
    std::thread::sleep(Duration::from_millis(200));
    let (baseline, _) = server.memory();
    let (heap_baseline, _) = server.heap();

    let started = Instant::now();
    server.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "vpc", "version": 1, "text": text } }),
    );
    let diagnostics = server.wait_diagnostics(1);
    let open = started.elapsed();
    let (after_open, _) = server.memory();
    let (heap_after_open, heap_peak_open) = server.heap();
    std::thread::sleep(vpc_lsp::memory::IDLE + Duration::from_millis(500));
    let (after_open_idle, _) = server.memory();

    // Cursor places: after `severity: ` of pains across the document (completion of a
    // value set), and on pain identifiers (hover).
    let severities: Vec<usize> = text.match_indices("severity: ").map(|(i, m)| i + m.len()).collect();
    let pains: Vec<usize> = text.match_indices("pain p").map(|(i, _)| i + 5).collect();
    let pick = |list: &[usize], i: usize| list[(i * 7919) % list.len()];

    // A keystroke in the middle of the document, inside a title: type then delete,
    // so the text stays the same size.
    let middle = text[text.len() / 2..].find("Task ").map(|i| text.len() / 2 + i).unwrap();
    let at = position(&text, middle);
    let mut version = 1;
    let mut keystroke = |server: &mut Server, round: usize| {
        version += 1;
        let (range, new_text) = if round.is_multiple_of(2) {
            (json!({ "start": at, "end": at }), "x")
        } else {
            let mut end = at.clone();
            end["character"] = json!(at["character"].as_u64().unwrap() + 1);
            (json!({ "start": at, "end": end }), "")
        };
        server.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "range": range, "text": new_text }] }),
        );
        version
    };

    let mut change_to_diagnostics = Vec::new();
    for round in 0..rounds {
        let started = Instant::now();
        let v = keystroke(&mut server, round);
        server.wait_diagnostics(v);
        change_to_diagnostics.push(started.elapsed());
    }
    // Make the text the original again (an even number of keystrokes).
    if !rounds.is_multiple_of(2) {
        let v = keystroke(&mut server, rounds);
        server.wait_diagnostics(v);
    }

    let completion_params =
        |i: usize| json!({ "textDocument": { "uri": uri }, "position": position(&text, pick(&severities, i)) });
    let hover_params =
        |i: usize| json!({ "textDocument": { "uri": uri }, "position": position(&text, pick(&pains, i)) });
    let mut completion = Vec::new();
    let mut hover = Vec::new();
    let mut completion_count = 0;
    for i in 0..rounds {
        let started = Instant::now();
        let items = server.request("textDocument/completion", completion_params(i));
        completion.push(started.elapsed());
        completion_count = items.as_array().map_or(0, Vec::len);
        let started = Instant::now();
        let h = server.request("textDocument/hover", hover_params(i));
        hover.push(started.elapsed());
        assert!(!h.is_null(), "no hover");
    }

    // Right after a keystroke: the request waits for the new version's analysis.
    let mut completion_after_key = Vec::new();
    let mut hover_after_key = Vec::new();
    for i in 0..rounds.min(40) {
        let v = keystroke(&mut server, i);
        let started = Instant::now();
        if i.is_multiple_of(2) {
            server.request("textDocument/completion", completion_params(i));
            completion_after_key.push(started.elapsed());
        } else {
            server.request("textDocument/hover", hover_params(i));
            hover_after_key.push(started.elapsed());
        }
        server.wait_diagnostics(v);
    }

    let (rss, _) = server.memory();
    let (heap_end, _) = server.heap();
    // The server gives free memory back after a pause (`vpc_lsp::memory::IDLE`).
    std::thread::sleep(vpc_lsp::memory::IDLE + Duration::from_millis(500));
    let (rss_idle, peak) = server.memory();
    let (heap_idle, heap_peak) = server.heap();
    server.request("shutdown", Value::Null);
    server.notify("exit", Value::Null);
    let _ = server.child.wait();
    let _ = std::fs::remove_file(&server.heap_file);

    let mb = |b: usize| format!("{:.1} MB", b as f64 / 1e6);
    let ratio = |b: usize| format!("{:.1}×", b as f64 / text.len() as f64);
    println!(
        "Document: {} ({} lines, {diagnostics} diagnostics); {rounds} rounds; {} logical CPUs.\n",
        mb(text.len()),
        text.lines().count(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!("| measure | p50 | p95 | target |");
    println!("|---|---|---|---|");
    println!("| didOpen → publishDiagnostics (one run) | {} | | |", ms(open));
    println!(
        "| keystroke: didChange → publishDiagnostics | {} | {} | < 50 ms |",
        ms(percentile(&mut change_to_diagnostics, 0.5)),
        ms(percentile(&mut change_to_diagnostics, 0.95))
    );
    println!(
        "| completion ({completion_count} items), analysed version | {} | {} | < 10 ms |",
        ms(percentile(&mut completion, 0.5)),
        ms(percentile(&mut completion, 0.95))
    );
    println!(
        "| hover, analysed version | {} | {} | < 10 ms |",
        ms(percentile(&mut hover, 0.5)),
        ms(percentile(&mut hover, 0.95))
    );
    println!(
        "| completion right after a keystroke | {} | {} | |",
        ms(percentile(&mut completion_after_key, 0.5)),
        ms(percentile(&mut completion_after_key, 0.95))
    );
    println!(
        "| hover right after a keystroke | {} | {} | |",
        ms(percentile(&mut hover_after_key, 0.5)),
        ms(percentile(&mut hover_after_key, 0.95))
    );
    println!();
    println!("| server memory | live heap | × text | RSS | × text | target |");
    println!("|---|---|---|---|---|---|");
    println!("| before opening | {} | | {} | | |", mb(heap_baseline), mb(baseline));
    println!(
        "| right after opening and analysing | {} | {} | {} | {} | |",
        mb(heap_after_open),
        ratio(heap_after_open),
        mb(after_open),
        ratio(after_open)
    );
    println!("| after opening, idle | | | {} | {} | < 50× |", mb(after_open_idle), ratio(after_open_idle));
    println!("| peak while opening | {} | {} | | | |", mb(heap_peak_open), ratio(heap_peak_open));
    println!(
        "| right after the editing rounds (typing) | {} | {} | {} | {} | |",
        mb(heap_end),
        ratio(heap_end),
        mb(rss),
        ratio(rss)
    );
    println!(
        "| after the editing rounds, {} ms idle | {} | {} | {} | {} | < 50× |",
        (vpc_lsp::memory::IDLE + Duration::from_millis(500)).as_millis(),
        mb(heap_idle),
        ratio(heap_idle),
        mb(rss_idle),
        ratio(rss_idle)
    );
    println!(
        "| peak over the whole run | {} | {} | {} | {} | |",
        mb(heap_peak),
        ratio(heap_peak),
        mb(peak),
        ratio(peak)
    );
    println!("\nReproduce: `cargo run --release -p vpc-lsp --example lsp-bench -- --size {size} --rounds {rounds}`");
}
