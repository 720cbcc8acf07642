//! `vpc init [FILE]`: a starter canvas whose comments ask the method's trigger
//! questions (from `vpc_model::questions`, the same the editor's snippets ask).
//!
//! The starter is a complete, connected canvas — one job served by one product, one
//! pain relieved, one gain created — whose only diagnostics are the three rank
//! warnings a blank canvas should have: nobody has ranked anything yet. It never
//! replaces a file: the file is created exclusively, so an existing file, a symlink
//! or anything else at that path is left alone (exit 2).

use std::io::Write;
use std::path::{Path, PathBuf};

use vpc_model::questions;
use vpc_syntax::{BlockKind, ItemKind};

use crate::status;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// The file to create (`-` prints the starter canvas instead); never overwritten
    #[arg(default_value = "canvas.vpc")]
    file: PathBuf,
}

pub(crate) fn run(args: Args) -> u8 {
    if args.file.as_os_str() == "-" {
        let _ = std::io::stdout().lock().write_all(starter("canvas").as_bytes());
        return status::OK;
    }
    let shown = vpc_syntax::printable::escape(&args.file.display().to_string()).into_owned();
    let id = args.file.file_stem().map(|s| identifier(&s.to_string_lossy())).unwrap_or_else(|| "canvas".to_string());
    let text = starter(&id);
    // `create_new` is O_CREAT|O_EXCL: it fails on anything already there, including a
    // dangling symlink, so no existing file is ever replaced or followed.
    let file = std::fs::OpenOptions::new().write(true).create_new(true).open(&args.file);
    let result = file.and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()));
    match result {
        Ok(()) => {
            println!("created {shown}: fill it in, then run `vpc check {shown}`");
            status::OK
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            crate::output::error(&format!(
                "{shown} already exists; `vpc init` never overwrites a file: name another one"
            ));
            status::TROUBLE
        }
        Err(e) => {
            // A write that failed half-way leaves a partial starter: remove it.
            if e.kind() != std::io::ErrorKind::NotFound && is_partial(&args.file, &text) {
                let _ = std::fs::remove_file(&args.file);
            }
            crate::output::error(&format!("{shown}: cannot create it: {e}"));
            status::TROUBLE
        }
    }
}

/// Is the file at `path` a prefix of what we meant to write (so ours, and incomplete)?
fn is_partial(path: &Path, text: &str) -> bool {
    std::fs::read_to_string(path).is_ok_and(|written| written.len() < text.len() && text.starts_with(&written))
}

/// A canvas identifier from a file name: `My Product 2.vpc` → `my-product-2`.
fn identifier(stem: &str) -> String {
    let mut id = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    match id.chars().next() {
        None => "canvas".to_string(),
        Some(c) if c.is_ascii_digit() => format!("canvas-{id}"),
        Some(_) => id.chars().take(64).collect::<String>().trim_end_matches('-').to_string(),
    }
}

/// `// question` lines, indented: the first three questions of a kind (the main
/// one first); the editor's snippets offer the rest.
fn ask(out: &mut String, indent: &str, questions: &[&str]) {
    for q in questions.iter().take(3) {
        out.push_str(indent);
        out.push_str("// ");
        out.push_str(q);
        out.push('\n');
    }
}

/// The starter canvas, in canonical `vpc fmt` form.
pub(crate) fn starter(id: &str) -> String {
    let text = draft(id);
    // The formatter decides the layout, so the starter is what `vpc fmt` would write.
    vpc_fmt::format(&text, &vpc_fmt::FormatOptions::default()).unwrap_or(text)
}

fn draft(id: &str) -> String {
    let mut s = String::new();
    s.push_str("// A Value Proposition Canvas: one customer segment (the circle, right) and the\n");
    s.push_str("// value map offered to it (the square, left). Answer the questions in the\n");
    s.push_str("// comments, replace the placeholders, add items, and rank every job, pain and\n");
    s.push_str("// gain: `vpc check` says what is missing, `vpc render FILE --format html -o\n");
    s.push_str("// canvas.html` draws the picture. Most important items first: the canvas is\n");
    s.push_str("// also a prioritised table.\n");
    s.push_str(&format!("canvas {id} \"Name the value proposition\" {{\n"));
    s.push_str("  description: \"One sentence: what you offer, and to whom\"\n\n");

    s.push_str("  // The customer profile. One canvas describes one customer segment.\n");
    ask(&mut s, "  ", questions::for_block(BlockKind::Segment));
    s.push_str("  segment customers \"Who the customers are\" {\n");
    s.push_str("    early-adopters: \"Who would try the offer first\"\n");
    s.push_str("    // market: existing | resegmented | new | clone\n");
    s.push_str("    // strategy: mass | niche | segmented | diversified | multi-sided\n\n");

    s.push_str("    // Jobs: rank each with `importance: crucial | high | medium | low | trivial`.\n");
    ask(&mut s, "    ", questions::for_kind(ItemKind::Job));
    s.push_str("    job main-job \"What the customer is trying to get done\" { kind: functional }\n\n");

    s.push_str("    // Pains: rank each with `severity: extreme | severe | moderate | light | negligible`.\n");
    ask(&mut s, "    ", questions::for_kind(ItemKind::Pain));
    s.push_str("    pain main-pain \"What annoys them or stands in the way\" { job: main-job }\n\n");

    s.push_str("    // Gains: rank each with `relevance: essential | high | medium | low | nice-to-have`.\n");
    ask(&mut s, "    ", questions::for_kind(ItemKind::Gain));
    s.push_str("    gain main-gain \"What they hope to get out of it\" { job: main-job }\n");
    s.push_str("  }\n\n");

    s.push_str("  // The value map: what you offer, and how it relieves pains and creates gains.\n");
    s.push_str("  // Focus on the jobs, pains and gains that matter most; let the minor ones go\n");
    s.push_str("  // on purpose with `allow: unrelieved-pain` (or `uncreated-gain`, `unserved-job`)\n");
    s.push_str("  // on the item itself.\n");
    ask(&mut s, "  ", questions::for_block(BlockKind::ValueMap));
    s.push_str("  value-map \"What you offer\" {\n");
    ask(&mut s, "    ", questions::for_kind(ItemKind::Product));
    s.push_str("    product main-product \"Your product or service\" { serves: main-job }\n\n");
    ask(&mut s, "    ", questions::for_kind(ItemKind::Reliever));
    s.push_str(
        "    reliever main-reliever \"How the offer relieves the pain\" { relieves: main-pain, via: main-product }\n\n",
    );
    ask(&mut s, "    ", questions::for_kind(ItemKind::Creator));
    s.push_str(
        "    creator main-creator \"How the offer creates the gain\" { creates: main-gain, via: main-product }\n",
    );
    s.push_str("  }\n");
    s.push_str("}\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_from_file_names() {
        assert_eq!(identifier("canvas"), "canvas");
        assert_eq!(identifier("My Product 2"), "my-product-2");
        assert_eq!(identifier("2026 plan"), "canvas-2026-plan");
        assert_eq!(identifier("été!"), "t");
        assert_eq!(identifier("—"), "canvas");
        assert_eq!(identifier(&"a".repeat(500)).len(), 64);
    }
}
