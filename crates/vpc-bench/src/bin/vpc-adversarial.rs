//! `vpc-adversarial [--family A,B] [--stage S,T] [--sizes 256KB,1MB] [--timeout SECONDS]`:
//! every stage of `vpc` on every family of hostile input, as a Markdown table
//! (see docs/reliability.md and `vpc_bench::hostile_bench`).

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    vpc_bench::hostile_bench::main(&args)
}
