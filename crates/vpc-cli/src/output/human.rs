//! `--format human`: each diagnostic with the source line and carets under the spot.

use ariadne::{Color, Config, IndexType, Label, Report, ReportKind, Source};
use vpc_model::{Diagnostic, Severity};

use super::{Out, plural};
use crate::check::Checked;

pub(super) fn write(out: Out<'_>, checked: &[Checked], colour: bool) -> std::io::Result<()> {
    for c in checked {
        write_diagnostics(out, &c.path.display().to_string(), &c.text, &c.analysis.diagnostics, colour)?;
        write_judgements(out, c)?;
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

/// One line per canvas of the file (spec §8): its fit, verdict and unaddressed must-haves, e.g.
/// `examples/wedding.vpc: canvas wedding: fit 78, partial; unaddressed must-haves: unfinished`.
fn write_judgements(out: Out<'_>, c: &Checked) -> std::io::Result<()> {
    for canvas in &c.analysis.canvases {
        writeln!(out, "{}: canvas {}", c.path.display(), judgement_line(canvas))?;
    }
    Ok(())
}

/// `wedding: fit 78, partial; unaddressed must-haves: unfinished, carefree`.
pub(crate) fn judgement_line(canvas: &vpc_model::Canvas) -> String {
    let j = canvas.judge();
    let name = match &canvas.id {
        Some(id) => id.text.to_string(),
        None => format!("\"{}\"", canvas.title),
    };
    let mut line = match j.fit {
        Some(fit) => format!("{name}: fit {fit}, {}", j.verdict),
        None => format!("{name}: fit n/a ({})", j.verdict.meaning()),
    };
    if !j.unaddressed.is_empty() {
        let names: Vec<String> = j.unaddressed.iter().map(|&i| canvas.item(i).label().replace('`', "")).collect();
        line.push_str(&format!(
            "; unaddressed must-have{}: {}",
            if names.len() == 1 { "" } else { "s" },
            names.join(", ")
        ));
    }
    line
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
