//! Where the memory of one analysed file goes: heap bytes per part, for a generated
//! document (default 1 MiB), counted by a wrapper around the system allocator.
//!
//!     cargo run --release -p vpc-ide --example file_memory [-- BYTES]
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on unchanged to the system allocator; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        COUNT.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        COUNT.fetch_sub(1, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn measure<T>(what: &str, text_len: usize, f: impl FnOnce() -> T) -> T {
    let (before, count) = (LIVE.load(Ordering::Relaxed), COUNT.load(Ordering::Relaxed));
    PEAK.store(before, Ordering::Relaxed);
    let value = f();
    let (after, peak, count_after) =
        (LIVE.load(Ordering::Relaxed), PEAK.load(Ordering::Relaxed), COUNT.load(Ordering::Relaxed));
    let kept = after - before;
    println!(
        "| {what} | {:.1} MB | {:.1}× | {} | {:.1} MB |",
        kept as f64 / 1e6,
        kept as f64 / text_len as f64,
        count_after - count,
        (peak - before) as f64 / 1e6
    );
    value
}

fn main() {
    let size = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1 << 20);
    let text = vpc_bench::generate(size);
    let n = text.len();
    let config = vpc_ide::LintConfig::default();
    sizes();
    println!("{n} bytes of text\n");
    println!("| part | kept | × text | allocations | peak while building |");
    println!("|---|---|---|---|---|");
    let (parse, tokens) = measure("tree + tokens", n, || vpc_syntax::parse_with_tokens(&text));
    drop(tokens);
    let parse2 = measure("tree alone", n, || vpc_syntax::parse(&text));
    drop(parse2);
    let tokens = measure("tokens (lex)", n, || vpc_syntax::lexer::lex(&text));
    drop(tokens);
    let analysis = measure("analysis (model + diagnostics)", n, || vpc_model::analyze(&text, &parse, &config));
    drop(analysis);
    let lines = measure("line index", n, || vpc_syntax::LineIndex::new(&text));
    drop(lines);
    drop(parse);
    let file = measure("vpc_ide::File::new (all)", n, || vpc_ide::File::new(text.clone(), &config));
    drop(file);
}

#[allow(dead_code)]
fn sizes() {
    use std::mem::size_of;
    println!(
        "Member {} Block {} Item {} Attribute {} Value {} Name {} Str {} Number {} AttributeBlock {}",
        size_of::<vpc_syntax::Member>(),
        size_of::<vpc_syntax::Block>(),
        size_of::<vpc_syntax::Item>(),
        size_of::<vpc_syntax::Attribute>(),
        size_of::<vpc_syntax::Value>(),
        size_of::<vpc_syntax::Name>(),
        size_of::<vpc_syntax::Str>(),
        size_of::<vpc_syntax::Number>(),
        size_of::<vpc_syntax::AttributeBlock>(),
    );
    println!(
        "model Item {} Reference {} Diagnostic {} Section {}",
        size_of::<vpc_model::Item>(),
        size_of::<vpc_model::Reference>(),
        size_of::<vpc_model::Diagnostic>(),
        size_of::<vpc_model::Section>()
    );
}
