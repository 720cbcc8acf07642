//! Go to definition, find references and document highlight.
//!
//! Names are per canvas (spec §5): a reference leads to the first definition of
//! its name in the same canvas. A second definition of a name (a `duplicate-id`)
//! is a thing of its own that nothing refers to.

use vpc_syntax::Span;

use crate::file::{Def, File};

/// The identifier of what the name at `offset` stands for: a reference leads to its
/// definition, a definition to itself. `None` on anything else and on a reference
/// that names nothing.
pub fn goto_definition(file: &File, offset: usize) -> Option<Span> {
    let def = file.occurrence_at(offset)?.def?;
    file.def_span(def)
}

/// Every place that names the same thing as the identifier at `offset`, in source
/// order: the references, and the definition too when `include_declaration`.
pub fn references(file: &File, offset: usize, include_declaration: bool) -> Vec<Span> {
    let Some(def) = def_at(file, offset) else { return Vec::new() };
    file.occurrences_of(def).filter(|o| include_declaration || !o.is_definition).map(|o| o.span).collect()
}

/// An identifier to highlight, and whether it is the definition or a reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Highlight {
    pub span: Span,
    pub is_definition: bool,
}

/// The definition and every reference of the name at `offset`, for the editor to mark.
pub fn highlights(file: &File, offset: usize) -> Vec<Highlight> {
    match file.occurrence_at(offset) {
        Some(o) => match o.def {
            Some(def) => {
                file.occurrences_of(def).map(|o| Highlight { span: o.span, is_definition: o.is_definition }).collect()
            }
            // An unknown name: mark every reference to the same unknown name in the canvas.
            None => {
                let name = file.slice(o.span);
                file.occurrences
                    .iter()
                    .filter(|x| x.def.is_none() && x.canvas == o.canvas && file.slice(x.span) == name)
                    .map(|x| Highlight { span: x.span, is_definition: false })
                    .collect()
            }
        },
        None => Vec::new(),
    }
}

/// What the identifier at `offset` names.
pub(crate) fn def_at(file: &File, offset: usize) -> Option<Def> {
    file.occurrence_at(offset)?.def
}
