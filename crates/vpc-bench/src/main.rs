//! `cargo run --release -p vpc-bench`: MB/s of lexing, parsing and analysis on
//! generated canvases from 1 KB to 10 MB (see docs/performance.md).
//! `cargo run --release -p vpc-bench -- --adversarial [options]`: the adversarial
//! benchmark, as `vpc-adversarial` (see docs/reliability.md).

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use vpc_bench::{human, parse_size};
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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--adversarial") {
        return vpc_bench::hostile_bench::main(&args[1..]);
    }
    let sizes: Vec<usize> = match args.first() {
        Some(arg) => match arg.split(',').map(parse_size).collect::<Option<Vec<_>>>() {
            Some(sizes) => sizes,
            None => {
                eprintln!("error: `{arg}` is not a list of sizes; write e.g. 1KB,10MB");
                return ExitCode::from(2);
            }
        },
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
    ExitCode::SUCCESS
}
