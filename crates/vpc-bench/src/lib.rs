//! Generated canvases for benchmarks: realistic files of any size ([`generate`]) and
//! hostile ones ([`hostile`]), and the adversarial benchmark ([`hostile_bench`]).

use std::fmt::Write;
mod adversarial;
pub use adversarial::{FAMILIES, adversarial};

pub mod hostile;
pub mod hostile_bench;

/// A size such as `1MB`, `256KB` or `5000` (bytes).
pub fn parse_size(s: &str) -> Option<usize> {
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

/// A size for people: `1.0 MB`, `256.0 KB`.
pub fn human(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / (1 << 20) as f64)
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}

/// A `.vpc` file of roughly `bytes` bytes: canvases of about 300 items each, every
/// kind of item and attribute, references in both directions, a comment here and
/// there, and a few warnings (unrelieved pains, unranked jobs), as in real files.
pub fn generate(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let mut canvas = 0;
    while out.len() < bytes {
        let budget = bytes - out.len();
        write_canvas(&mut out, canvas, budget);
        canvas += 1;
    }
    out
}

fn write_canvas(out: &mut String, n: usize, budget: usize) {
    // Each group of items is about 900 bytes; a canvas holds up to 30 groups.
    let groups = (budget / 900).clamp(1, 30);
    let ranks = ["crucial", "high", "medium", "low", "trivial"];
    let severities = ["extreme", "severe", "moderate", "light", "negligible"];
    let relevances = ["essential", "high", "medium", "low", "nice-to-have"];
    writeln!(out, "// Canvas {n}: generated for benchmarks").unwrap();
    writeln!(out, "canvas c{n} \"Customer segment number {n}\" {{").unwrap();
    writeln!(out, "  segment s{n} \"Busy people in town {n}\" {{\n    market: existing\n    strategy: niche").unwrap();
    for g in 0..groups {
        let rank = ranks[g % 5];
        if g % 7 == 6 {
            writeln!(out, "    job j{g} \"Get task {g} done without help\" {{ kind: functional }}").unwrap();
        } else {
            writeln!(out, "    job j{g} \"Get task {g} done without help\" {{ kind: functional, importance: {rank} }}")
                .unwrap();
        }
        writeln!(
            out,
            "    pain p{g} \"Task {g} takes too long 😩\" {{ kind: obstacle, severity: {}, job: j{g} }}",
            severities[g % 5]
        )
        .unwrap();
        writeln!(
            out,
            "    pain q{g} \"Task {g} might go wrong\" {{ kind: risk, severity: {} }}",
            severities[(g + 2) % 5]
        )
        .unwrap();
        writeln!(
            out,
            "    gain g{g} \"Task {g} is done for them\" {{ kind: required, relevance: {}, job: j{g} }}",
            relevances[g % 5]
        )
        .unwrap();
        writeln!(out, "    outcome o{g} \"Minimise the time task {g} takes\" {{\n      job: j{g}, importance: 9, satisfaction: {}\n    }}", g % 10).unwrap();
    }
    writeln!(out, "  }}\n\n  value-map m{n} \"Offer {n}\" {{").unwrap();
    for g in 0..groups {
        writeln!(out, "    product a{g} \"App feature {g}\" {{ kind: digital, serves: [j{g}] }}").unwrap();
        // Every fifth q-pain stays unrelieved, as in real canvases.
        let relieves = if g % 5 == 4 { format!("p{g}") } else { format!("[p{g}, q{g}]") };
        writeln!(out, "    reliever r{g} \"Does part {g} for them\" {{ relieves: {relieves}, via: a{g} }} // the core")
            .unwrap();
        writeln!(out, "    creator k{g} \"Handles task {g} end to end\" {{ creates: g{g}, addresses: o{g} }}").unwrap();
    }
    writeln!(out, "  }}\n}}\n").unwrap();
}
