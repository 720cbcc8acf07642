//! `cargo run --release -p vpc-bench`: MB/s of lexing, parsing and analysis on
//! generated canvases from 1 KB to 10 MB (see docs/performance.md).

use std::hint::black_box;
use std::time::{Duration, Instant};

use vpc_model::LintConfig;

/// The median time of `runs` runs of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    let sizes: Vec<usize> = match std::env::args().nth(1) {
        Some(arg) => arg.split(',').map(|s| parse_size(s).expect("sizes like 1KB,10MB")).collect(),
        None => vec![1 << 10, 10 << 10, 100 << 10, 1 << 20, 10 << 20],
    };
    let config = LintConfig::default();
    println!("| size | items | canvases | lex | parse | analyse | check (all three) | check MB/s | diagnostics |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for size in sizes {
        let text = vpc_bench::generate(size);
        let runs = if text.len() > (2 << 20) { 5 } else { 21 };
        let lex = median(runs, || {
            black_box(vpc_syntax::lexer::lex(black_box(&text)));
        });
        let parse_all = median(runs, || {
            black_box(vpc_syntax::parse(black_box(&text)));
        });
        let parse = vpc_syntax::parse(&text);
        let analyse = median(runs, || {
            black_box(vpc_model::analyze(&text, black_box(&parse), &config));
        });
        let check = median(runs, || {
            black_box(vpc_model::check(black_box(&text), &config));
        });
        let analysis = vpc_model::analyze(&text, &parse, &config);
        let items: usize = analysis.canvases.iter().map(|c| c.items.len()).sum();
        let mb = text.len() as f64 / 1e6;
        let rate = |d: Duration| format!("{:.0} MB/s", mb / d.as_secs_f64());
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1e3);
        println!(
            "| {} | {items} | {} | {} | {} | {} | {} | {} | {} |",
            human(text.len()),
            analysis.canvases.len(),
            rate(lex),
            rate(parse_all.saturating_sub(lex)),
            rate(analyse),
            ms(check),
            rate(check),
            analysis.diagnostics.len(),
        );
    }
}

fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim().to_ascii_uppercase();
    let (num, mult) = if let Some(n) = s.strip_suffix("MB") {
        (n, 1 << 20)
    } else if let Some(n) = s.strip_suffix("KB") {
        (n, 1 << 10)
    } else {
        (s.as_str(), 1)
    };
    num.parse::<usize>().ok().map(|n| n * mult)
}

fn human(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / (1 << 20) as f64)
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}
