//! `vpc-gen SIZE > file.vpc`: write a generated canvas file (e.g. `10MB`) for end-to-end timing.

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "1MB".to_string());
    let size = arg.trim().to_ascii_uppercase();
    let bytes = if let Some(n) = size.strip_suffix("MB") {
        n.parse::<usize>().ok().map(|n| n << 20)
    } else if let Some(n) = size.strip_suffix("KB") {
        n.parse::<usize>().ok().map(|n| n << 10)
    } else {
        size.parse().ok()
    };
    let Some(bytes) = bytes else {
        eprintln!("error: `{arg}` is no size; write e.g. 10MB, 100KB or 5000");
        std::process::exit(2);
    };
    print!("{}", vpc_bench::generate(bytes));
}
