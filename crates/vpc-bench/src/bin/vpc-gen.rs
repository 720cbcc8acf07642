//! `vpc-gen SIZE [FAMILY] > file.vpc`: write a generated canvas file (e.g. `10MB`) for
//! end-to-end timing; with a FAMILY (one of `vpc_bench::FAMILIES`), hostile text of
//! that family instead.

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "1MB".to_string());
    let family = std::env::args().nth(2);
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
    match family {
        None => print!("{}", vpc_bench::generate(bytes)),
        Some(f) if vpc_bench::FAMILIES.contains(&f.as_str()) => print!("{}", vpc_bench::adversarial(&f, bytes)),
        Some(f) => {
            eprintln!("error: `{f}` is no family of hostile text; use one of {}", vpc_bench::FAMILIES.join(", "));
            std::process::exit(2);
        }
    }
}
