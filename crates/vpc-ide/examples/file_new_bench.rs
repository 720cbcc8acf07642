//! How long `File::new` takes on a generated 1 MB file, next to `vpc_model::check`.
//! `cargo run --release -p vpc-ide --example file_new_bench`
use std::time::Instant;
fn main() {
    let text = vpc_bench::generate(1 << 20);
    let config = vpc_ide::LintConfig::default();
    for _ in 0..3 {
        let t = Instant::now();
        let (p, a) = vpc_model::check(&text, &config);
        let check = t.elapsed();
        drop((p, a));
        let t = Instant::now();
        let f = vpc_ide::File::new(text.clone(), &config);
        let file = t.elapsed();
        drop(f);
        println!("check {check:?} File::new {file:?}");
    }
}
