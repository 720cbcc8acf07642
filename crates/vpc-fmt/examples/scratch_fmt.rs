use std::io::Read;
fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let w = std::env::args().nth(1).map_or(100, |a| a.parse().unwrap());
    match vpc_fmt::format(&s, &vpc_fmt::FormatOptions { line_width: w, indent: 2 }) {
        Ok(o) => print!("{o}"),
        Err(e) => eprintln!("{e}"),
    }
}
