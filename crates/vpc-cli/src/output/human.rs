//! `--format human`: each diagnostic with the source line and carets under the spot.

use ariadne::{Color, Config, IndexType, Label, Report, ReportKind, Source};
use vpc_model::{Diagnostic, Severity};

use super::{Out, plural};
use crate::check::Checked;

pub(super) fn write(out: Out<'_>, checked: &[Checked], colour: bool) -> std::io::Result<()> {
    for c in checked {
        write_diagnostics(out, &c.path.display().to_string(), &c.text, &c.analysis.diagnostics, colour)?;
    }
    let count = |s: Severity| checked.iter().map(|c| c.analysis.count(s)).sum::<usize>();
    let (errors, warnings, infos) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    let mut parts = vec![plural(errors, "error"), plural(warnings, "warning")];
    if infos > 0 {
        parts.push(plural(infos, "info"));
    }
    let verdict = if errors + warnings + infos == 0 { "ok" } else { "done" };
    writeln!(out, "{verdict}: {} checked, {}", plural(checked.len(), "file"), parts.join(", "))
}

/// The diagnostics of one file, each as a report with the source excerpt.
pub(crate) fn write_diagnostics(
    out: Out<'_>,
    name: &str,
    text: &str,
    diagnostics: &[Diagnostic],
    colour: bool,
) -> std::io::Result<()> {
    let source = Source::from(text);
    for d in diagnostics {
        let (kind, colour_of) = match d.severity {
            Severity::Error => (ReportKind::Error, Color::Red),
            Severity::Warning => (ReportKind::Warning, Color::Yellow),
            Severity::Info => (ReportKind::Advice, Color::Blue),
        };
        let span = d.span.range();
        let mut report = Report::build(kind, (name, span.clone()))
            .with_config(Config::new().with_index_type(IndexType::Byte).with_color(colour).with_compact(false))
            .with_code(d.code.as_str())
            .with_message(&d.message)
            .with_label(
                Label::new((name, span))
                    .with_message(d.help.as_deref().unwrap_or("here"))
                    .with_color(colour_of)
                    .with_priority(1),
            );
        for related in &d.related {
            report = report.with_label(
                Label::new((name, related.span.range())).with_message(&related.message).with_color(Color::Cyan),
            );
        }
        report.finish().write((name, &source), &mut *out)?;
    }
    Ok(())
}
