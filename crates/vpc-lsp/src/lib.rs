//! The language server of the `.vpc` language: LSP 3.17 over stdin/stdout.
//!
//! **API boundary.** [`run_stdio`] serves on stdin/stdout (what `vpc lsp` calls);
//! [`serve`] on any pair of streams; [`service`] builds the service for tests.
//!
//! **Invariants.**
//! - This crate only converts. Every answer comes from a pure function of
//!   `vpc_ide` on a [`documents::Snapshot`]; this crate turns LSP positions into
//!   byte offsets and `vpc_ide` results into LSP types, and does the IO (stdio,
//!   `vpc.toml`, the workspace walk).
//! - Positions are converted in exactly one place, [`position`]; `vpc_ide` types
//!   become LSP types in exactly one place, [`convert`].
//! - Edits are applied in the order the client sent them: `did_change` applies its
//!   changes synchronously under the session's `std` mutex before its first
//!   `.await` (tower-lsp-server starts handlers in arrival order and interleaves
//!   them only at `.await` points).
//! - Analyses run off the message loop (on [`pool::Pool`], one lane per
//!   document, so a slow document holds up only its own requests), at most once
//!   per version of a document, and a panic in one becomes an empty answer and a
//!   log line, never an error response or a dead server.
//! - No malformed message ends the server: [`transport`] answers or drops it.
//! - Files are read off the message loop and outside the session's lock, and only
//!   regular files of bounded size ([`files`]).
//!
//! Layout: [`session`] (state behind one mutex), [`documents`] (ropes, versions,
//! snapshots), [`config`] (`vpc.toml`), [`workspace`] (indexed files),
//! [`diagnostics`] (debounced publishing), [`capabilities`] (what is negotiated),
//! [`server`] (the `LanguageServer` impl, one line per method) and [`handlers`]
//! (one file per LSP method or group of methods).

pub mod capabilities;
pub mod config;
pub mod convert;
pub mod diagnostics;
pub mod documents;
pub mod files;
pub mod handlers;
pub mod memory;
pub mod pool;
pub mod position;
pub mod server;
pub mod session;
pub mod transport;
pub mod workspace;

use std::process::ExitCode;

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{ClientSocket, LspService};

pub use server::Server;

/// The custom request that returns the server's text of a document:
/// params `{ "textDocument": { "uri": … } }`, result `{ "uri", "version", "text" }` or
/// `null`. For tests that check the server is in step with the client.
pub const DOCUMENT_TEXT: &str = "vpc/documentText";

/// The service, with the custom methods registered.
pub fn service() -> (LspService<Server>, ClientSocket) {
    service_with_hooks(server::Hooks::default())
}

#[doc(hidden)]
pub fn service_with_hooks(hooks: server::Hooks) -> (LspService<Server>, ClientSocket) {
    LspService::build(move |client| Server::with_hooks(client, hooks))
        .custom_method(DOCUMENT_TEXT, Server::document_text)
        .finish()
}

/// Serve LSP on a pair of streams until the client says `exit` or closes the input.
/// Returns whether the client asked for `shutdown` first (LSP: exit status 0, else 1).
/// Every message goes through [`transport`], which answers malformed ones itself.
pub async fn serve(input: impl AsyncRead + Unpin, output: impl AsyncWrite) -> bool {
    serve_with_hooks(input, output, server::Hooks::default()).await
}

/// [`serve`] with hooks for tests.
#[doc(hidden)]
pub async fn serve_with_hooks(input: impl AsyncRead + Unpin, output: impl AsyncWrite, hooks: server::Hooks) -> bool {
    let (service, socket) = service_with_hooks(hooks);
    let server = service.inner().clone();
    transport::serve(input, output, service, socket).await;
    server.session().shutdown_requested
}

/// Serve LSP on stdin/stdout: the whole of `vpc lsp`.
pub fn run_stdio() -> ExitCode {
    memory::configure();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("vpc lsp: cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let shut_down = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // Don't wait for analyses still running on blocking threads.
    runtime.shutdown_background();
    if shut_down { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
