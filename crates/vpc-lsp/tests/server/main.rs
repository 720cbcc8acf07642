//! The server in process, through its real transport, driven by a small client.

mod client;
mod config;
mod features;
mod hostile;
mod lifecycle;
mod robustness;
mod sync;

/// An example canvas of the repository.
pub fn example(name: &str) -> String {
    let path = format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}
