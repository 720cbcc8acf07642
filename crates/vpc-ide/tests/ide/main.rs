//! Fixture tests of every editor feature: a text with a `$0` cursor (or two, for a
//! range) and the expected result as an inline snapshot.

mod actions;
mod completion;
mod fixture;
mod folding;
mod formatting;
mod hints;
mod hover;
mod navigation;
mod rename;
mod selection;
mod semantic;
mod symbols;
