//! How long each stage takes on a generated 1 MB file (the minimum of 15 runs):
//! lexing, parsing, `vpc_model::check` (parse + analysis) and `vpc_ide::File::new`
//! (what the language server builds per version).
//! `cargo run --release -p vpc-ide --example file_new_bench`
use std::time::Instant;
fn main() {
    let text = vpc_bench::generate(1 << 20);
    let config = vpc_ide::LintConfig::default();
    let (mut lex, mut parse, mut check, mut file) = (f64::MAX, f64::MAX, f64::MAX, f64::MAX);
    for _ in 0..15 {
        let t = Instant::now();
        let l = vpc_syntax::lexer::lex(&text);
        lex = lex.min(t.elapsed().as_secs_f64());
        drop(l);
        let t = Instant::now();
        let p = vpc_syntax::parse(&text);
        parse = parse.min(t.elapsed().as_secs_f64());
        drop(p);
        let t = Instant::now();
        let (p, a) = vpc_model::check(&text, &config);
        check = check.min(t.elapsed().as_secs_f64());
        drop((p, a));
        let t = Instant::now();
        let f = vpc_ide::File::new(text.clone(), &config);
        file = file.min(t.elapsed().as_secs_f64());
        drop(f);
    }
    println!(
        "min of 15: lex {:.1} ms, parse {:.1} ms, check {:.1} ms, File::new {:.1} ms",
        lex * 1e3,
        parse * 1e3,
        check * 1e3,
        file * 1e3
    );
}
