//! The language server on stdin/stdout, as `vpc lsp` runs it, for trying the
//! server before (or without) the `vpc` binary: `cargo run -p vpc-lsp --example vpc-lsp-dev`.
//! Arguments are ignored, so `vpc-lsp-dev lsp` works like `vpc lsp`.

fn main() -> std::process::ExitCode {
    vpc_lsp::run_stdio()
}
