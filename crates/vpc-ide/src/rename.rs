//! Rename an identifier: its definition and every reference to it.

use vpc_syntax::{BlockKind, ItemKind, Span};

use crate::TextEdit;
use crate::file::{Def, File, TokenKind};

/// Is `name` an identifier of the language: `[A-Za-z_][A-Za-z0-9_-]*`?
pub fn is_valid_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// The span of the identifier at `offset` if it can be renamed, else why not.
pub fn prepare_rename(file: &File, offset: usize) -> Result<Span, String> {
    let offset = file.clamp(offset);
    if let Some(o) = file.occurrence_at(offset) {
        return match o.def {
            Some(_) => Ok(o.span),
            None => {
                Err(format!("`{}` names nothing in this canvas, so there is nothing to rename", file.slice(o.span)))
            }
        };
    }
    if file.comment_at(offset).is_some() {
        return Err("comments cannot be renamed".to_string());
    }
    match file.token_at(offset) {
        Some((_, t)) if t.kind == TokenKind::Ident => {
            let word = file.slice(t.span());
            if ItemKind::from_keyword(word).is_some() || BlockKind::from_keyword(word).is_some() {
                Err(format!(
                    "`{word}` is a keyword of the language; only identifiers of items, sections and canvases can be renamed"
                ))
            } else {
                Err(format!("`{word}` is a word of the language, not the identifier of an item; it cannot be renamed"))
            }
        }
        Some((_, t)) if t.kind == TokenKind::Str => {
            Err("a string cannot be renamed; edit the text instead".to_string())
        }
        _ => Err("there is no identifier here to rename".to_string()),
    }
}

/// The edits that rename the identifier at `offset` to `new_name`: the definition
/// and every reference. Refuses identifiers that are not valid and names already
/// taken in the canvas (or, for a canvas, in the file).
pub fn rename(file: &File, offset: usize, new_name: &str) -> Result<Vec<TextEdit>, String> {
    let span = prepare_rename(file, offset)?;
    let def = file.occurrence_at(span.start).and_then(|o| o.def).ok_or("there is no identifier here to rename")?;
    if !is_valid_identifier(new_name) {
        return Err(format!(
            "`{new_name}` is not a valid identifier: start with a letter or `_`, then letters, digits, `_` or `-`"
        ));
    }
    let old = file.slice(span);
    if new_name == old {
        return Ok(Vec::new());
    }
    if let Some(taken) = taken(file, def, new_name) {
        return Err(taken);
    }
    let mut spans: Vec<Span> = file.occurrences_of(def).map(|o| o.span).collect();
    // A definition without occurrences (cannot happen for a named one) still gets renamed.
    if let Some(def_span) = file.def_span(def)
        && !spans.contains(&def_span)
        && file.slice(def_span) == old
    {
        spans.push(def_span);
    }
    spans.sort_by_key(|s| s.start);
    spans.dedup();
    Ok(spans.into_iter().map(|span| TextEdit::replace(span, new_name)).collect())
}

/// Why `name` cannot be given to `def`: what already has it.
fn taken(file: &File, def: Def, name: &str) -> Option<String> {
    match def {
        Def::Canvas(_) => file
            .analysis
            .canvases
            .iter()
            .any(|c| c.id.as_ref().is_some_and(|id| id.text == name))
            .then(|| format!("a canvas of this file is already called `{name}`")),
        Def::Section(c, _) | Def::Item(c, _) => {
            let canvas = file.canvas(c)?;
            let section = canvas.sections.iter().find(|s| s.id.as_ref().is_some_and(|id| id.text == name));
            let item = canvas.items.iter().find(|i| i.id.as_ref().is_some_and(|id| id.text == name));
            match (item, section) {
                (Some(item), _) => Some(format!("`{name}` is already the name of a {} in this canvas", item.kind)),
                (None, Some(section)) => {
                    Some(format!("`{name}` is already the name of the {} in this canvas", section.kind.keyword()))
                }
                (None, None) => None,
            }
        }
    }
}
