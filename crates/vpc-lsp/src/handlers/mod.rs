//! One module per LSP method or group of methods. Each handler takes the server
//! and the params, converts positions in, calls `vpc_ide` on a snapshot, converts
//! the result out. None returns an error for a valid request.

pub mod code_action;
pub mod code_lens;
pub mod completion;
pub mod document_text;
pub mod folding;
pub mod formatting;
pub mod hover;
pub mod inlay_hint;
pub mod lifecycle;
pub mod navigation;
pub mod rename;
pub mod selection;
pub mod semantic_tokens;
pub mod symbols;
pub mod sync;
pub mod watched_files;
