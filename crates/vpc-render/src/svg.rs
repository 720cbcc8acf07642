//! The canvas as a picture, laid out like Strategyzer's Value Proposition Canvas:
//! the value map is a square on the left, cut into products & services (left),
//! gain creators (top right) and pain relievers (bottom right); the customer profile
//! is a circle on the right, cut into gains (top left), pains (bottom left) and
//! customer jobs (right). Gain creators face gains, pain relievers face pains.
//!
//! Each segment lists its items by priority; text is wrapped to the room the shape
//! leaves at that height, shortened with `…` when it has to be, and always given in
//! full in a `<title>` tooltip. When a segment cannot hold every item, the last line
//! says how many more there are (their titles are in its tooltip).
//!
//! The picture shows the method's judgement ([`Canvas::judge`]): the fit in the
//! verdict's colour with the verdict next to it; open jobs, pains and gains (not
//! served, relieved or created) in red with a warning triangle and a label saying so;
//! unaddressed must-haves in bold on a pale red band; let-go items in light grey,
//! labelled "let go". Under the title, a caption gives the segment's context; under
//! the shapes, the outcomes by opportunity and a legend with the weights, the
//! thresholds and the unaddressed must-haves by name.
//!
//! The document has exactly one `<rect>` (the square) and one `<circle>` per canvas;
//! everything else is paths and text. No fonts, images or scripts are referenced.

use std::fmt::Write;

use vpc_model::{Band, Canvas, FIT_THRESHOLD, ItemId, Link, Rank, Service, WEAK_THRESHOLD, format_score};
use vpc_syntax::{BlockKind, ItemKind};

use crate::tables::{details, not_addressed};
use crate::text::{escape_xml, measured, text_width, wrap};
use crate::{
    Judged, Standing, is_unaddressed_outcome, item_name, prioritised, section_titles, verdict_class, verdict_colour,
};

/// The size of one canvas's picture.
const WIDTH: f64 = 1440.0;
const HEIGHT: f64 = 950.0;
const FONT: &str = "'Helvetica Neue', Helvetica, Arial, 'DejaVu Sans', 'Liberation Sans', sans-serif";

const INK: &str = "#1f2937";
const MUTED: &str = "#6b7280";
const RED: &str = "#b91c1c";
/// Let-go items: still there, out of the way.
const FADED: &str = "#9ca3af";
/// Behind an unaddressed must-have.
const ALARM: &str = "#fee2e2";
/// An under-served outcome that something addresses.
const AMBER: &str = "#b45309";

/// The canvases as one SVG document, stacked top to bottom.
pub fn svg(canvases: &[Canvas]) -> String {
    let refs: Vec<&Canvas> = canvases.iter().collect();
    document(&refs)
}

/// One `<svg>` element for the canvases (also inlined in the HTML page).
pub(crate) fn document(canvases: &[&Canvas]) -> String {
    let height = if canvases.is_empty() { 120.0 } else { HEIGHT * canvases.len() as f64 };
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT}" role="img">"#,
        w = num(WIDTH),
        h = num(height),
    );
    let names: Vec<&str> = canvases.iter().map(|c| c.title.as_str()).collect();
    let _ = writeln!(out, "<title>Value Proposition Canvas: {}</title>", escape_xml(&names.join(", ")));
    let _ = writeln!(
        out,
        r##"<path class="background" d="M0 0H{w}V{h}H0Z" fill="#ffffff"/>"##,
        w = num(WIDTH),
        h = num(height)
    );
    if canvases.is_empty() {
        let _ = writeln!(out, r#"<text x="40" y="66" font-size="20" fill="{MUTED}">No canvas in this file.</text>"#);
    }
    for (n, canvas) in canvases.iter().enumerate() {
        let id = canvas.id.as_ref().map(|id| format!(r#" data-id="{}""#, escape_xml(&id.text))).unwrap_or_default();
        let _ = writeln!(out, r#"<g class="canvas"{id} transform="translate(0 {})">"#, num(HEIGHT * n as f64));
        write_canvas(&mut out, canvas);
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

/// A number for an attribute: at most one decimal, no trailing `.0`.
fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 { format!("{r:.0}") } else { format!("{r:.1}") }
}

/// Where the two shapes are.
struct Geometry {
    /// The square: top-left corner and side.
    x0: f64,
    y0: f64,
    side: f64,
    /// The circle: centre and radius.
    cx: f64,
    cy: f64,
    r: f64,
}

const GEOMETRY: Geometry = Geometry { x0: 40.0, y0: 146.0, side: 640.0, cx: 1070.0, cy: 466.0, r: 330.0 };

/// The six segments of the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Area {
    Products,
    Creators,
    Relievers,
    Jobs,
    Gains,
    Pains,
}

/// Where a segment's list should sit when it has room to spare.
enum Align {
    Top,
    Bottom,
    Centre(f64),
}

/// The circle is cut in thirds: the lines to the right leave the centre at ±60°.
const DIVIDER_SIN: f64 = 0.866_025_403_784_438_6;
const DIVIDER_COT: f64 = 0.577_350_269_189_625_8;

/// Room kept between text and the lines of the shape.
const PAD_X: f64 = 16.0;
const PAD_Y: f64 = 12.0;
/// Narrower than this, a band holds no text.
const MIN_WIDTH: f64 = 70.0;

impl Area {
    const ALL: [Area; 6] = [Area::Products, Area::Creators, Area::Relievers, Area::Jobs, Area::Gains, Area::Pains];

    fn kind(self) -> ItemKind {
        match self {
            Area::Products => ItemKind::Product,
            Area::Creators => ItemKind::Creator,
            Area::Relievers => ItemKind::Reliever,
            Area::Jobs => ItemKind::Job,
            Area::Gains => ItemKind::Gain,
            Area::Pains => ItemKind::Pain,
        }
    }

    fn heading(self) -> (&'static str, &'static str) {
        match self {
            Area::Products => ("Products & Services", ""),
            Area::Creators => ("Gain Creators", ""),
            Area::Relievers => ("Pain Relievers", ""),
            Area::Jobs => ("Customer Jobs", "by importance"),
            Area::Gains => ("Gains", "by relevance"),
            Area::Pains => ("Pains", "by severity"),
        }
    }

    fn class(self) -> &'static str {
        match self {
            Area::Products => "products",
            Area::Creators => "gain-creators",
            Area::Relievers => "pain-relievers",
            Area::Jobs => "jobs",
            Area::Gains => "gains",
            Area::Pains => "pains",
        }
    }

    /// The vertical extent of the segment.
    fn extent(self, g: &Geometry) -> (f64, f64) {
        let mid = g.y0 + g.side / 2.0;
        let diagonal = g.r * DIVIDER_SIN;
        match self {
            Area::Products => (g.y0, g.y0 + g.side),
            Area::Creators => (g.y0, mid),
            Area::Relievers => (mid, g.y0 + g.side),
            Area::Jobs => (g.cy - diagonal, g.cy + diagonal),
            Area::Gains => (g.cy - g.r, g.cy),
            Area::Pains => (g.cy, g.cy + g.r),
        }
    }

    fn align(self, g: &Geometry) -> Align {
        match self {
            Area::Products => Align::Centre(g.y0 + g.side / 2.0),
            Area::Creators => Align::Top,
            Area::Relievers => Align::Bottom,
            Area::Jobs => Align::Centre(g.cy),
            Area::Gains => Align::Centre(g.cy - g.r * 0.5),
            Area::Pains => Align::Centre(g.cy + g.r * 0.5),
        }
    }

    /// The segment's horizontal extent at height `y`.
    fn span(self, g: &Geometry, y: f64) -> Option<(f64, f64)> {
        let (top, bottom) = self.extent(g);
        if y < top - 0.01 || y > bottom + 0.01 {
            return None;
        }
        let (mid_x, mid_y) = (g.x0 + g.side / 2.0, g.y0 + g.side / 2.0);
        let arc = |h: f64| (g.r * g.r - h * h).max(0.0).sqrt();
        Some(match self {
            Area::Products => (g.x0, mid_x - (y - mid_y).abs()),
            Area::Creators => (g.x0 + (y - g.y0), g.x0 + g.side),
            Area::Relievers => (g.x0 + (g.y0 + g.side - y), g.x0 + g.side),
            Area::Jobs => {
                let h = (y - g.cy).abs();
                (g.cx + h * DIVIDER_COT, g.cx + arc(h))
            }
            Area::Gains | Area::Pains => {
                let h = (y - g.cy).abs();
                (g.cx - arc(h), (g.cx + h * DIVIDER_COT).min(g.cx + arc(h)))
            }
        })
    }

    /// The room for text in the band between two heights, padding taken off. Every
    /// segment is convex, so the narrowest point of a band is at its top or bottom.
    fn band(self, g: &Geometry, top: f64, bottom: f64) -> Option<(f64, f64)> {
        let (a, b) = (self.span(g, top)?, self.span(g, bottom)?);
        let (left, right) = (a.0.max(b.0) + PAD_X, a.1.min(b.1) - PAD_X);
        (right - left >= MIN_WIDTH).then_some((left, right))
    }
}

/// How an entry of a list is marked.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Marker {
    /// An addressed job, pain or gain: a dot shaded by the rank's weight (16 … 1),
    /// hollow (`None`) when unranked.
    Rank(Option<u32>),
    /// A job, pain or gain the value map does not address.
    Open,
    /// A must-have the value map does not address.
    MustHave,
    /// An item let go on purpose.
    LetGo,
    /// A product, reliever or creator.
    Offer,
    /// `none yet`, `+ 3 more`.
    None,
}

/// One entry of a segment's list.
struct Entry {
    text: String,
    /// Said after the text, in small type: "not relieved", "let go".
    label: Option<String>,
    /// Drawn in bold (an unaddressed must-have).
    bold: bool,
    tooltip: String,
    marker: Marker,
    class: String,
    id: Option<String>,
}

/// A laid-out entry: the text's x, each line with its baseline, and the label on
/// the last line (`None`) or on a line of its own (its baseline).
struct Placed {
    entry: usize,
    x: f64,
    lines: Vec<(String, f64)>,
    label_line: Option<f64>,
    /// The right end of the widest line, label included (estimated).
    right: f64,
    font: f64,
}

struct Layout {
    heading: (f64, f64),
    placed: Vec<Placed>,
    /// How many entries were shortened with `…`.
    cut: usize,
    top: f64,
    bottom: f64,
}

const HEADING_SIZE: f64 = 15.0;
const HEADING_HEIGHT: f64 = 24.0;
const INDENT: f64 = 15.0;
const ENTRY_GAP: f64 = 5.0;
const LABEL_SIZE: f64 = 10.5;
const LABEL_GAP: f64 = 6.0;
/// Bold type is about this much wider than the estimate for regular type.
const BOLD: f64 = 1.12;

/// The estimated width of an entry's label, with the gap before it.
fn label_width(label: &str) -> f64 {
    text_width(label, LABEL_SIZE) * BOLD + LABEL_GAP
}

/// Lay out a list in a segment from `start`; entries stop where the room ends.
fn layout_from(
    area: Area,
    g: &Geometry,
    entries: &[Entry],
    heading_width: f64,
    start: f64,
    font: f64,
    max_lines: usize,
) -> Option<Layout> {
    let (_, limit) = area.extent(g);
    let limit = limit - PAD_Y;
    let (hl, hr) = area.band(g, start, start + HEADING_HEIGHT)?;
    if hr - hl < heading_width {
        return None;
    }
    let line_height = (font * 1.3).round();
    let mut y = start + HEADING_HEIGHT + 2.0;
    let mut placed = Vec::new();
    let mut cut = 0;
    'entries: for (n, entry) in entries.iter().enumerate() {
        // Words are only broken when they are too long for any line, not because the
        // shape is narrow here.
        let longest =
            measured(&entry.text).0.split_whitespace().map(|w| text_width(w, font)).fold(0.0, f64::max).min(180.0);
        let mut guess = 1;
        let mut fitted = None;
        for _ in 0..4 {
            let bottom = y + guess as f64 * line_height;
            if bottom > limit {
                break 'entries;
            }
            let Some((left, right)) = area.band(g, y, bottom) else { break 'entries };
            if right - left - INDENT < longest {
                break 'entries;
            }
            let width = right - left - INDENT;
            // Bold text is wrapped as if the line were narrower.
            let scale = if entry.bold { BOLD } else { 1.0 };
            let (lines, shortened) = wrap(&entry.text, width / scale, font, max_lines);
            // The label follows the last line, or takes a line of its own.
            let label = entry.label.as_deref().map(label_width);
            let last = lines.last().map_or(0.0, |l| text_width(l, font) * scale);
            let own_line = label.is_some_and(|w| last + w > width);
            let count = lines.len().max(1) + usize::from(own_line);
            fitted = Some((left, right, lines, shortened, own_line, count));
            if count <= guess {
                break;
            }
            guess = count;
        }
        let Some((left, band_right, lines, shortened, own_line, count)) = fitted else { break };
        if count > guess {
            break;
        }
        cut += usize::from(shortened);
        let x = left + INDENT;
        let scale = if entry.bold { BOLD } else { 1.0 };
        let label = entry.label.as_deref().map_or(0.0, label_width);
        let widest = lines.iter().map(|l| text_width(l, font) * scale).fold(0.0, f64::max);
        let last = lines.last().map_or(0.0, |l| text_width(l, font) * scale);
        let right = (x + if own_line { widest.max(label) } else { widest.max(last + label) }).min(band_right);
        let baseline = |i: usize| y + i as f64 * line_height + font * 0.95;
        let label_line = own_line.then(|| baseline(lines.len()));
        let lines = lines.into_iter().enumerate().map(|(i, line)| (line, baseline(i))).collect::<Vec<_>>();
        y += count as f64 * line_height + ENTRY_GAP;
        placed.push(Placed { entry: n, x, lines, label_line, right, font });
    }
    Some(Layout { heading: (hl, start + 17.0), placed, cut, top: start, bottom: y - ENTRY_GAP })
}

/// The best layout of a list in its segment: every entry if it can be done (with
/// smaller type and fewer lines per entry if need be), placed as the segment prefers.
/// Else the first entries and a last line saying how many more there are.
fn layout(area: Area, g: &Geometry, entries: Vec<Entry>, heading_width: f64) -> (Layout, Vec<Entry>) {
    let (top, bottom) = area.extent(g);
    let ladder = [(13.0, 3), (12.5, 3), (12.0, 3), (11.5, 3), (11.0, 3), (11.0, 2), (11.0, 1)];
    // Everything in full if it can be done, else everything, some of it shortened.
    let mut shortened = None;
    for (font, max_lines) in ladder {
        let layout = best_start(area, g, &entries, heading_width, top, bottom, font, max_lines);
        if let Some(layout) = layout.filter(|l| l.placed.len() == entries.len()) {
            if layout.cut == 0 {
                return (layout, entries);
            }
            shortened.get_or_insert(layout);
        }
    }
    if let Some(layout) = shortened {
        return (layout, entries);
    }
    let (font, max_lines) = ladder[ladder.len() - 1];
    let mut entries = entries;
    // Start from as many as fit without the line that says how many more there are.
    let fit = best_start(area, g, &entries, heading_width, top, bottom, font, max_lines);
    let mut keep = fit.map_or(entries.len(), |l| (l.placed.len() + 1).min(entries.len()));
    loop {
        keep = keep.saturating_sub(1);
        let hidden = entries.split_off(keep);
        let tooltip = hidden.iter().map(|e| e.tooltip.as_str()).collect::<Vec<_>>().join(" | ");
        entries.push(Entry {
            text: format!("+ {} more", hidden.len()),
            label: None,
            bold: false,
            tooltip,
            marker: Marker::None,
            class: "more".into(),
            id: None,
        });
        let layout = best_start(area, g, &entries, heading_width, top, bottom, font, max_lines);
        if let Some(layout) = layout.filter(|l| l.placed.len() == entries.len() || keep == 0) {
            return (layout, entries);
        }
        // Put the hidden entries back, minus one more for the next try.
        entries.pop();
        entries.extend(hidden);
        if keep == 0 {
            return (Layout { heading: (top, top), placed: vec![], cut: 0, top, bottom: top }, entries);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn best_start(
    area: Area,
    g: &Geometry,
    entries: &[Entry],
    heading_width: f64,
    top: f64,
    bottom: f64,
    font: f64,
    max_lines: usize,
) -> Option<Layout> {
    let mut best: Option<(Layout, f64)> = None;
    let mut start = top + PAD_Y;
    while start < bottom - PAD_Y - HEADING_HEIGHT {
        if let Some(layout) = layout_from(area, g, entries, heading_width, start, font, max_lines) {
            let cost = match area.align(g) {
                Align::Top => layout.top - top,
                Align::Bottom => bottom - layout.bottom,
                Align::Centre(at) => ((layout.top + layout.bottom) / 2.0 - at).abs(),
            };
            // Most entries first, then fewest shortened, then the best place.
            let better = match &best {
                None => true,
                Some((b, b_cost)) => {
                    (layout.placed.len(), std::cmp::Reverse(layout.cut)) > (b.placed.len(), std::cmp::Reverse(b.cut))
                        || (layout.placed.len() == b.placed.len() && layout.cut == b.cut && cost < *b_cost)
                }
            };
            if better {
                best = Some((layout, cost));
            }
        }
        start += 3.0;
    }
    best.map(|(layout, _)| layout)
}

fn write_canvas(out: &mut String, canvas: &Canvas) {
    let g = &GEOMETRY;
    let judged = Judged::new(canvas);
    write_header(out, &judged);

    // The two shapes and the lines between their segments.
    let (x0, y0, side) = (g.x0, g.y0, g.side);
    let (mx, my) = (x0 + side / 2.0, y0 + side / 2.0);
    let _ = writeln!(
        out,
        r##"<rect class="value-map" x="{}" y="{}" width="{s}" height="{s}" fill="#f6f8fb" stroke="{INK}" stroke-width="2.5"/>"##,
        num(x0),
        num(y0),
        s = num(side)
    );
    let _ = writeln!(
        out,
        r##"<circle class="customer-profile" cx="{}" cy="{}" r="{}" fill="#fdf9f1" stroke="{INK}" stroke-width="2.5"/>"##,
        num(g.cx),
        num(g.cy),
        num(g.r)
    );
    let (dx, dy) = (g.r / 2.0, g.r * DIVIDER_SIN);
    let _ = writeln!(
        out,
        r#"<path class="dividers" d="M{} {}L{mx} {my}L{} {}M{mx} {my}H{}M{} {}H{cx}L{} {}M{cx} {cy}L{} {}" fill="none" stroke="{INK}" stroke-width="1.5"/>"#,
        num(x0),
        num(y0),
        num(x0),
        num(y0 + side),
        num(x0 + side),
        num(g.cx - g.r),
        num(g.cy),
        num(g.cx + dx),
        num(g.cy - dy),
        num(g.cx + dx),
        num(g.cy + dy),
        mx = num(mx),
        my = num(my),
        cx = num(g.cx),
        cy = num(g.cy),
    );
    // Fit: the value map faces the customer profile.
    let (ax, bx) = (x0 + side + 14.0, g.cx - g.r - 14.0);
    let _ = writeln!(
        out,
        r#"<path class="fit-arrows" d="M{ax} {ya}H{bh}M{bx} {yb}H{ah}" fill="none" stroke="{MUTED}" stroke-width="2"/><path d="M{bh} {ya1}L{bx} {ya}L{bh} {ya2}ZM{ah} {yb1}L{ax} {yb}L{ah} {yb2}Z" fill="{MUTED}"/>"#,
        ax = num(ax),
        bx = num(bx),
        ah = num(ax + 9.0),
        bh = num(bx - 9.0),
        ya = num(my - 12.0),
        ya1 = num(my - 17.0),
        ya2 = num(my - 7.0),
        yb = num(my + 12.0),
        yb1 = num(my + 7.0),
        yb2 = num(my + 17.0),
    );
    for (x, label) in [(mx, "VALUE MAP"), (g.cx, "CUSTOMER PROFILE")] {
        let _ = writeln!(
            out,
            r#"<text x="{}" y="{}" text-anchor="middle" font-size="13" font-weight="700" letter-spacing="3" fill="{MUTED}">{label}</text>"#,
            num(x),
            num(g.cy + g.r + 28.0),
        );
    }

    for area in Area::ALL {
        write_area(out, &judged, area);
    }
    write_outcomes(out, &judged);
    write_legend(out, &judged);
}

fn write_header(out: &mut String, judged: &Judged) {
    let canvas = judged.canvas;
    let (title, _) = wrap(&canvas.title, 900.0, 28.0, 1);
    let title = title.into_iter().next().unwrap_or_default();
    let _ = writeln!(
        out,
        r#"<text class="title" x="40" y="54" font-size="28" font-weight="700" fill="{INK}"><title>{}</title>{}</text>"#,
        escape_xml(&canvas.title),
        escape_xml(&title)
    );
    let mut about = Vec::new();
    if let Some(id) = &canvas.id {
        about.push(id.text.to_string());
    }
    let (segment, value_map) = section_titles(canvas);
    if let Some(value_map) = value_map {
        about.push(format!("Value map: {value_map}"));
    }
    if let Some(segment) = segment {
        about.push(format!("Customer segment: {segment}"));
    }
    let about = about.join(" · ");
    if !about.is_empty() {
        let (line, _) = wrap(&about, 900.0, 15.0, 1);
        let _ = writeln!(
            out,
            r#"<text class="subtitle" x="40" y="84" font-size="15" fill="{MUTED}"><title>{}</title>{}</text>"#,
            escape_xml(&about),
            escape_xml(&line.concat())
        );
    }
    write_caption(out, canvas);

    // The fit, in the verdict's colour, and the verdict next to it.
    let j = &judged.judgement;
    let colour = verdict_colour(j.verdict);
    let right = num(WIDTH - 40.0);
    let verdict = match j.fit {
        Some(_) => format!(
            r#"<tspan dx="6" font-size="20">·</tspan><tspan dx="6" font-size="22" font-weight="700" fill="{colour}">{}</tspan>"#,
            j.verdict
        ),
        None => String::new(),
    };
    let _ = writeln!(
        out,
        r#"<text class="fit {}" x="{right}" y="56" text-anchor="end" font-size="17" fill="{MUTED}"><title>{}</title>Fit <tspan font-size="32" font-weight="700" fill="{colour}">{}</tspan>{verdict}</text>"#,
        verdict_class(j.verdict),
        escape_xml(&format!("{}: {}", j.verdict, j.verdict.meaning())),
        escape_xml(&judged.fit_text()),
    );
    let detail = if j.fit.is_some() {
        let w = |f: vpc_model::Fit| format!("{}/{}", f.covered, f.total);
        format!("weight addressed: jobs {} · pains {} · gains {}", w(j.jobs), w(j.pains), w(j.gains))
    } else {
        j.verdict.meaning().to_string()
    };
    let _ = writeln!(
        out,
        r#"<text class="fit-detail" x="{right}" y="84" text-anchor="end" font-size="13" fill="{MUTED}">{}</text>"#,
        escape_xml(&detail)
    );
}

/// Under the title: what the canvas says of its segment (description, early
/// adopters, market type, strategy) and of itself, in at most two lines; the notes
/// too in the tooltip.
fn write_caption(out: &mut String, canvas: &Canvas) {
    let segment = canvas.sections.iter().find(|s| s.kind == BlockKind::Segment);
    let mut parts = Vec::new();
    if let Some(description) = &canvas.description {
        parts.push(description.to_string());
    }
    if let Some(segment) = segment {
        if let Some(description) = &segment.description {
            parts.push(description.to_string());
        }
        if let Some(early) = &segment.early_adopters {
            parts.push(format!("early adopters: {early}"));
        }
        match (&segment.market, &segment.strategy) {
            (Some(market), Some(strategy)) => parts.push(format!("{market} market, {strategy} strategy")),
            (Some(market), None) => parts.push(format!("{market} market")),
            (None, Some(strategy)) => parts.push(format!("{strategy} strategy")),
            (None, None) => {}
        }
    }
    if parts.is_empty() {
        return;
    }
    let caption = parts.join(" · ");
    let mut tooltip = caption.clone();
    let notes = [segment.and_then(|s| s.note.as_ref()), canvas.note.as_ref()];
    for note in notes.into_iter().flatten() {
        tooltip.push_str(&format!(" · note: {note}"));
    }
    let (lines, _) = wrap(&caption, WIDTH - 80.0, 13.0, 2);
    let _ = write!(out, r#"<text class="caption" font-size="13" fill="{INK}"><title>{}</title>"#, escape_xml(&tooltip));
    for (n, line) in lines.iter().enumerate() {
        let _ = write!(out, r#"<tspan x="40" y="{}">{}</tspan>"#, num(108.0 + 18.0 * n as f64), escape_xml(line));
    }
    out.push_str("</text>\n");
}

/// One segment: its heading and its items in priority order.
fn write_area(out: &mut String, judged: &Judged, area: Area) {
    let g = &GEOMETRY;
    let kind = area.kind();
    let mut entries: Vec<Entry> = prioritised(judged.canvas, kind).into_iter().map(|id| entry(judged, id)).collect();
    if entries.is_empty() {
        entries.push(Entry {
            text: "none yet".into(),
            label: None,
            bold: false,
            tooltip: format!("No {} on this canvas yet", crate::tables::title(kind).split(',').next().unwrap_or("")),
            marker: Marker::None,
            class: "empty".into(),
            id: None,
        });
    }
    let (heading, sub) = area.heading();
    let heading_width = text_width(heading, HEADING_SIZE) * 1.1 + text_width(sub, 12.0) + 8.0;
    let (layout, entries) = layout(area, g, entries, heading_width);
    let _ = writeln!(out, r#"<g class="segment {}">"#, area.class());
    let sub = if sub.is_empty() {
        String::new()
    } else {
        format!(r#"<tspan dx="7" font-size="12" font-weight="400" fill="{MUTED}">{sub}</tspan>"#)
    };
    let _ = writeln!(
        out,
        r#"<text class="heading" x="{}" y="{}" font-size="{}" font-weight="700" fill="{INK}">{}{sub}</text>"#,
        num(layout.heading.0),
        num(layout.heading.1),
        num(HEADING_SIZE),
        escape_xml(heading)
    );
    for placed in &layout.placed {
        write_entry(out, &entries[placed.entry], placed);
    }
    out.push_str("</g>\n");
}

fn entry(judged: &Judged, id: ItemId) -> Entry {
    let item = judged.canvas.item(id);
    let kind = item.kind;
    let standing = judged.standing(id);
    let weight = match item.rank {
        Rank::Level { .. } => Some(item.rank.weight()),
        _ => None,
    };
    let (marker, label, state) = match standing {
        Some(Standing::Addressed) => (Marker::Rank(weight), None, ""),
        Some(Standing::Open) => (Marker::Open, Some(not_addressed(kind).to_string()), " open"),
        Some(Standing::MustHave) => {
            (Marker::MustHave, Some(format!("must-have, {}", not_addressed(kind))), " open must-have")
        }
        Some(Standing::LetGo) => (Marker::LetGo, Some("let go".to_string()), " let-go"),
        None => (Marker::Offer, None, ""),
    };
    let text = if item.title.trim().is_empty() { item_name(item) } else { item.title.to_string() };
    let class = format!("item {}{state}", kind.keyword());
    Entry {
        text,
        bold: marker == Marker::MustHave,
        label,
        tooltip: tooltip(judged, id),
        marker,
        class,
        id: item.id.as_ref().map(|n| n.text.to_string()),
    }
}

/// The full text of an item and what the canvas says about it, on one line.
fn tooltip(judged: &Judged, id: ItemId) -> String {
    let canvas = judged.canvas;
    let item = canvas.item(id);
    let names = |ids: Vec<ItemId>| ids.into_iter().map(|i| item_name(canvas.item(i))).collect::<Vec<_>>().join(", ");
    let kind_name = match item.kind {
        ItemKind::Job => "job",
        ItemKind::Pain => "pain",
        ItemKind::Gain => "gain",
        ItemKind::Outcome => "outcome",
        ItemKind::Product => "product or service",
        ItemKind::Reliever => "pain reliever",
        ItemKind::Creator => "gain creator",
    };
    let mut head = kind_name.to_string();
    if let Some(name) = &item.id {
        head = format!("{head} {}", name.text);
    }
    let mut parts = vec![format!("{} ({head})", item.title)];
    let scale = match item.kind {
        ItemKind::Job => Some("importance"),
        ItemKind::Pain => Some("severity"),
        ItemKind::Gain => Some("relevance"),
        _ => None,
    };
    if let Some(scale) = scale {
        parts.push(match item.rank {
            Rank::Level { word, .. } => format!("{scale}: {word} (weight {})", item.rank.weight()),
            Rank::Missing => format!("{scale}: not given (weight 4)"),
            Rank::Invalid => format!("{scale}: invalid (weight 4)"),
        });
    }
    if let Some(category) = &item.category {
        parts.push(category.to_string());
    }
    if let Some(role) = &item.role {
        parts.push(format!("role: {role}"));
    }
    let list = |link: Link| canvas.targets(id, link).map(|t| item_name(canvas.item(t))).collect::<Vec<_>>().join(", ");
    let by = match item.kind {
        ItemKind::Job => Some(("served by", Link::Serves, "product")),
        ItemKind::Pain => Some(("relieved by", Link::Relieves, "reliever")),
        ItemKind::Gain => Some(("created by", Link::Creates, "creator")),
        _ => None,
    };
    if let Some((by, link, source)) = by {
        let what = not_addressed(item.kind);
        parts.push(match judged.standing(id) {
            Some(Standing::LetGo) => format!("let go: {what}, and out of the fit"),
            Some(Standing::MustHave) => format!("must-have {what} by any {source}"),
            Some(Standing::Open) => format!("{what} by any {source}"),
            _ => format!("{by}: {}", names(canvas.sources(id, link))),
        });
    }
    match item.kind {
        ItemKind::Outcome => {
            if let Some(o) = item.opportunity() {
                let service = match item.service() {
                    Some(Service::Underserved(band)) => format!(" (under-served, {})", band.describe()),
                    Some(Service::Overserved) => " (over-served: a chance to simplify)".to_string(),
                    _ => String::new(),
                };
                parts.push(format!("opportunity {}{service}", format_score(o)));
            }
            let by = canvas.addressed_by(id);
            if !by.is_empty() {
                parts.push(format!("addressed by: {}", names(by)));
            }
        }
        ItemKind::Product | ItemKind::Reliever | ItemKind::Creator => {
            for link in [Link::Serves, Link::Relieves, Link::Creates, Link::Via, Link::Addresses] {
                let targets = list(link);
                if !targets.is_empty() {
                    parts.push(format!("{}: {targets}", link.key()));
                }
            }
        }
        ItemKind::Job | ItemKind::Pain | ItemKind::Gain => {}
    }
    parts.extend(details(item));
    parts.join(" · ")
}

fn write_entry(out: &mut String, entry: &Entry, placed: &Placed) {
    let id = entry.id.as_ref().map(|id| format!(r#" data-id="{}""#, escape_xml(id))).unwrap_or_default();
    let _ = write!(out, r#"<g class="{}"{id}><title>{}</title>"#, entry.class, escape_xml(&entry.tooltip));
    let first = placed.lines.first().map_or(0.0, |l| l.1);
    if entry.marker == Marker::MustHave {
        // A pale red band behind the whole entry: what matters most and is not addressed.
        let line_height = (placed.font * 1.3).round();
        let top = first - placed.font * 0.95 - 3.0;
        let bottom = placed.label_line.or(placed.lines.last().map(|l| l.1)).unwrap_or(first) + line_height
            - placed.font * 0.95
            + 1.0;
        let _ = write!(
            out,
            r#"<path class="must-have-band" d="M{l} {t}H{r}V{b}H{l}Z" fill="{ALARM}"/>"#,
            l = num(placed.x - INDENT - 2.0),
            r = num(placed.right + 4.0),
            t = num(top),
            b = num(bottom),
        );
    }
    let (bx, by) = (placed.x - INDENT + 5.0, first - placed.font * 0.34);
    out.push_str(&marker(entry.marker, bx, by));
    let (fill, style) = match entry.marker {
        Marker::Open => (RED, ""),
        Marker::MustHave => (RED, r#" font-weight="700""#),
        Marker::LetGo => (FADED, ""),
        Marker::None => (MUTED, r#" font-style="italic""#),
        _ => (INK, ""),
    };
    let _ = write!(out, r#"<text font-size="{}" fill="{fill}"{style}>"#, num(placed.font));
    for (line, y) in &placed.lines {
        let _ = write!(out, r#"<tspan x="{}" y="{}">{}</tspan>"#, num(placed.x), num(*y), escape_xml(line));
    }
    if let Some(label) = &entry.label {
        let place = match placed.label_line {
            Some(y) => format!(r#" x="{}" y="{}""#, num(placed.x), num(y)),
            None => format!(r#" dx="{}""#, num(LABEL_GAP)),
        };
        let look = if entry.marker == Marker::LetGo {
            format!(r#"font-weight="400" font-style="italic" fill="{FADED}""#)
        } else {
            format!(r#"font-weight="700" fill="{RED}""#)
        };
        let _ = write!(
            out,
            r#"<tspan class="label"{place} font-size="{}" {look}>{}</tspan>"#,
            num(LABEL_SIZE),
            escape_xml(label)
        );
    }
    out.push_str("</text></g>\n");
}

/// The mark before an entry: a dot shaded by the rank's weight, a warning triangle
/// (open), a struck-through ring (let go), a square (the offer).
fn marker(marker: Marker, x: f64, y: f64) -> String {
    let dot = |r: f64| {
        format!("M{} {}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 -{} 0Z", num(x - r), num(y), num(2.0 * r), num(2.0 * r))
    };
    let triangle = |class: &str| {
        format!(
            r##"<path class="{class}" d="M{x} {t}L{r} {b}L{l} {b}Z" fill="{RED}"/><path d="M{x} {e1}V{e2}M{x} {d1}V{d2}" stroke="#ffffff" stroke-width="1.5" stroke-linecap="round"/>"##,
            x = num(x),
            t = num(y - 6.0),
            b = num(y + 4.5),
            l = num(x - 6.0),
            r = num(x + 6.0),
            e1 = num(y - 2.6),
            e2 = num(y + 0.6),
            d1 = num(y + 2.6),
            d2 = num(y + 2.7),
        )
    };
    match marker {
        Marker::Rank(weight) => {
            let (fill, stroke) = match weight {
                Some(16) => ("#1e3a8a", "#1e3a8a"),
                Some(8) => ("#2563eb", "#2563eb"),
                Some(4) => ("#60a5fa", "#3b82f6"),
                Some(2) => ("#bfdbfe", "#60a5fa"),
                Some(_) => ("#dbeafe", "#60a5fa"),
                None => ("#ffffff", "#9ca3af"),
            };
            let class = weight.map_or_else(|| "unranked".to_string(), |w| format!("weight-{w}"));
            format!(r#"<path class="{class}" d="{}" fill="{fill}" stroke="{stroke}" stroke-width="1.2"/>"#, dot(4.2))
        }
        Marker::Open => triangle("warning"),
        Marker::MustHave => triangle("warning must-have"),
        Marker::LetGo => format!(
            r#"<path class="let-go" d="{}M{} {}L{} {}" fill="none" stroke="{FADED}" stroke-width="1.3"/>"#,
            dot(4.2),
            num(x - 3.0),
            num(y + 3.0),
            num(x + 3.0),
            num(y - 3.0)
        ),
        Marker::Offer => format!(r##"<path d="M{} {}h7v7h-7Z" fill="#475569"/>"##, num(x - 3.5), num(y - 3.5)),
        Marker::None => String::new(),
    }
}

/// How an outcome's service is said after its title: Ulwick's band when it is
/// under-served, "over-served" when satisfaction exceeds importance.
fn service_label(service: Option<Service>) -> Option<(&'static str, &'static str)> {
    match service? {
        Service::Underserved(Band::Extreme) => Some(("extreme", AMBER)),
        Service::Underserved(Band::High) => Some(("high", AMBER)),
        Service::Underserved(Band::WorthConsidering) => Some(("worth considering", AMBER)),
        Service::Overserved => Some(("over-served", MUTED)),
        Service::Appropriate => None,
    }
}

/// Under the shapes: the outcomes by opportunity, as far as they fit on one line.
fn write_outcomes(out: &mut String, judged: &Judged) {
    let canvas = judged.canvas;
    let outcomes = prioritised(canvas, ItemKind::Outcome);
    if outcomes.is_empty() {
        return;
    }
    let y = num(GEOMETRY.cy + GEOMETRY.r + 64.0);
    let label = "Outcomes by opportunity";
    let _ = writeln!(
        out,
        r#"<g class="segment outcomes"><text class="heading" x="40" y="{y}" font-size="14" font-weight="700" fill="{INK}">{label}</text>"#
    );
    let mut x = 40.0 + text_width(label, 14.0) * 1.1 + 20.0;
    let right = WIDTH - 40.0;
    for (n, &id) in outcomes.iter().enumerate() {
        let item = canvas.item(id);
        let score = item.opportunity().map_or_else(|| "–".to_string(), format_score);
        let unaddressed = is_unaddressed_outcome(canvas, id);
        let service = service_label(item.service());
        let colour = match item.service() {
            _ if unaddressed => RED,
            Some(Service::Underserved(_)) => AMBER,
            _ => INK,
        };
        let score_width = text_width(&score, 13.0) * 1.1 + 6.0;
        let label_width = service.map_or(0.0, |(l, _)| text_width(l, 11.0) + LABEL_GAP);
        let left = outcomes.len() - n;
        let reserve = if left > 1 { 120.0 } else { 0.0 };
        let room = (right - reserve - x - score_width - label_width).min(330.0);
        // Too little room for a title to say something: the rest are counted.
        if room < 120.0 {
            let hidden: Vec<String> = outcomes[n..].iter().map(|&i| tooltip(judged, i)).collect();
            let _ = writeln!(
                out,
                r#"<g class="more"><title>{}</title><text x="{}" y="{y}" font-size="13" font-style="italic" fill="{MUTED}">+ {left} more</text></g>"#,
                escape_xml(&hidden.join(" | ")),
                num(x)
            );
            break;
        }
        let (line, _) = wrap(&item.title, room, 13.0, 1);
        let text = line.concat();
        let mut class = "item outcome".to_string();
        match item.service() {
            Some(Service::Underserved(_)) => class.push_str(" underserved"),
            Some(Service::Overserved) => class.push_str(" overserved"),
            _ => {}
        }
        if unaddressed {
            class.push_str(" unaddressed");
        }
        let service = service.map_or_else(String::new, |(label, fill)| {
            let look = if fill == MUTED { r#"font-weight="400" font-style="italic""# } else { r#"font-weight="700""# };
            format!(
                r#"<tspan class="label" dx="{}" font-size="11" {look} fill="{fill}">{label}</tspan>"#,
                num(LABEL_GAP)
            )
        });
        let data = item.id.as_ref().map(|i| format!(r#" data-id="{}""#, escape_xml(&i.text))).unwrap_or_default();
        let _ = writeln!(
            out,
            r#"<g class="{class}"{data}><title>{}</title><text x="{}" y="{y}" font-size="13" fill="{INK}"><tspan font-weight="700" fill="{colour}">{}</tspan><tspan dx="5">{}</tspan>{service}</text></g>"#,
            escape_xml(&tooltip(judged, id)),
            num(x),
            escape_xml(&score),
            escape_xml(&text)
        );
        x += score_width + text_width(&text, 13.0) + label_width + 28.0;
    }
    out.push_str("</g>\n");
}

/// What the marks mean, how the fit is weighed and judged, and which must-haves are
/// not addressed.
fn write_legend(out: &mut String, judged: &Judged) {
    let y = GEOMETRY.cy + GEOMETRY.r + 96.0;
    let mut x = 40.0;
    let mut parts = String::new();
    for weight in [16, 8, 4, 2, 1] {
        parts.push_str(&marker(Marker::Rank(Some(weight)), x + 5.0, y - 4.0));
        x += 13.0;
    }
    let say = |parts: &mut String, x: &mut f64, text: &str| {
        let _ = write!(
            parts,
            r#"<text x="{}" y="{}" font-size="12" fill="{MUTED}">{}</text>"#,
            num(*x + 4.0),
            num(y),
            escape_xml(text)
        );
        *x += text_width(text, 12.0) + 26.0;
    };
    say(&mut parts, &mut x, "addressed, weight 16 8 4 2 1 by rank");
    parts.push_str(&marker(Marker::Rank(None), x + 5.0, y - 4.0));
    x += 13.0;
    say(&mut parts, &mut x, "unranked (4)");
    parts.push_str(&marker(Marker::Open, x + 5.0, y - 4.0));
    x += 13.0;
    say(&mut parts, &mut x, "open: not served, relieved or created");
    let _ = write!(
        parts,
        r#"<path d="M{} {}h{}v16h-{}Z" fill="{ALARM}"/>"#,
        num(x - 1.0),
        num(y - 12.5),
        num(text_width("must-have", 12.0) + 24.0),
        num(text_width("must-have", 12.0) + 24.0)
    );
    parts.push_str(&marker(Marker::MustHave, x + 5.0, y - 4.0));
    x += 13.0;
    say(&mut parts, &mut x, "must-have");
    parts.push_str(&marker(Marker::LetGo, x + 5.0, y - 4.0));
    x += 13.0;
    say(&mut parts, &mut x, "let go: out of the fit");
    parts.push_str(&marker(Marker::Offer, x + 5.0, y - 4.0));
    x += 13.0;
    say(&mut parts, &mut x, "what the offer does");
    let _ = writeln!(out, r#"<g class="legend">{parts}</g>"#);

    // How the fit is weighed and judged.
    let rule = format!(
        "Fit = weight addressed ÷ weight counted. Verdict: fit ≥ {FIT_THRESHOLD} with every must-have (top rank) \
         addressed or let go; weak < {WEAK_THRESHOLD}; partial in between."
    );
    let _ = writeln!(
        out,
        r#"<text class="fit-rule" x="40" y="{}" font-size="12" fill="{MUTED}">{}</text>"#,
        num(y + 20.0),
        escape_xml(&rule)
    );

    // The unaddressed must-haves by name, or that there are none.
    let canvas = judged.canvas;
    let j = &judged.judgement;
    let (text, fill, weight) = if !j.unaddressed.is_empty() {
        let named: Vec<String> = j
            .unaddressed
            .iter()
            .map(|&id| {
                let item = canvas.item(id);
                match &item.id {
                    Some(name) => format!("{} ({})", name.text, item.title),
                    None => format!("“{}”", item.title),
                }
            })
            .collect();
        (format!("Unaddressed must-haves: {}", named.join(", ")), RED, "700")
    } else if j.fit.is_some() {
        ("Every must-have is addressed or let go.".to_string(), MUTED, "400")
    } else {
        (format!("Fit n/a: {}.", j.verdict.meaning()), MUTED, "400")
    };
    let (line, _) = wrap(&text, WIDTH - 80.0, 12.0, 1);
    let _ = writeln!(
        out,
        r#"<text class="must-haves" x="40" y="{}" font-size="12" font-weight="{weight}" fill="{fill}"><title>{}</title>{}</text>"#,
        num(y + 40.0),
        escape_xml(&text),
        escape_xml(&line.concat())
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_segment_has_room_where_it_is_drawn() {
        let g = &GEOMETRY;
        for area in Area::ALL {
            let (top, bottom) = area.extent(g);
            let mid = (top + bottom) / 2.0;
            let (l, r) = area.band(g, mid - 10.0, mid + 10.0).unwrap_or_else(|| panic!("{area:?}"));
            assert!(r - l > 150.0, "{area:?}: {l}..{r}");
        }
        // Outside its extent a segment has no room.
        assert!(Area::Creators.span(g, g.y0 + g.side - 1.0).is_none());
        assert!(Area::Gains.span(g, g.cy + 5.0).is_none());
    }

    #[test]
    fn bands_stay_inside_the_shapes() {
        let g = &GEOMETRY;
        for area in Area::ALL {
            let (top, bottom) = area.extent(g);
            let mut y = top;
            while y + 16.0 <= bottom {
                if let Some((l, r)) = area.band(g, y, y + 16.0) {
                    for yy in [y, y + 8.0, y + 16.0] {
                        let inside = |x: f64| match area {
                            Area::Products | Area::Creators | Area::Relievers => {
                                x >= g.x0 && x <= g.x0 + g.side && yy >= g.y0 && yy <= g.y0 + g.side
                            }
                            _ => (x - g.cx).powi(2) + (yy - g.cy).powi(2) <= g.r * g.r,
                        };
                        assert!(inside(l) && inside(r), "{area:?} at {yy}: {l}..{r}");
                    }
                }
                y += 4.0;
            }
        }
    }

    fn render(text: &str) -> String {
        let (_, analysis) = vpc_model::check(text, &vpc_model::LintConfig::default());
        super::svg(&analysis.canvases)
    }

    /// The `<g>` of the item with this identifier.
    fn item<'a>(svg: &'a str, id: &str) -> &'a str {
        let at = svg.find(&format!(r#"data-id="{id}">"#)).unwrap_or_else(|| panic!("no {id}"));
        let start = svg[..at].rfind("<g ").unwrap();
        let end = at + svg[at..].find("</g>").unwrap();
        &svg[start..end]
    }

    #[test]
    fn open_items_are_marked_and_addressed_items_are_not() {
        let svg = render(
            r#"canvas c "C" {
                segment s "S" {
                    job j "J" { importance: high }
                    job u "U"
                    job served "Served job" { importance: low }
                    pain covered "Covered pain" { severity: extreme }
                    pain open "Open pain" { severity: light }
                    gain made "Made gain" { relevance: essential }
                    gain missing "Missing gain"
                }
                value-map {
                    product p "P" { serves: served }
                    reliever r "R" { relieves: covered }
                    creator c2 "C2" { creates: made }
                }
            }"#,
        );
        for (open, label) in
            [("open", "not relieved"), ("missing", "not created"), ("j", "not served"), ("u", "not served")]
        {
            let g = item(&svg, open);
            assert!(g.contains(r#"class="item "#) && g.contains(r#" open""#), "{g}");
            assert!(g.contains(r#"class="warning""#), "{g}");
            assert!(g.contains(&format!(r#"fill="{RED}""#)), "{g}");
            assert!(g.contains(&format!(">{label}</tspan>")), "{g}");
            assert!(!g.contains("must-have"), "{g}");
        }
        assert!(item(&svg, "open").contains("not relieved by any reliever"));
        assert!(item(&svg, "missing").contains("not created by any creator"));
        assert!(item(&svg, "j").contains("not served by any product"));
        for fine in ["covered", "made", "served", "p", "r", "c2"] {
            let g = item(&svg, fine);
            assert!(!g.contains("open") && !g.contains("warning") && !g.contains(RED), "{g}");
        }
        // Ranks shade the dots by weight; the offer gets a square.
        assert!(item(&svg, "covered").contains(r#"class="weight-16""#));
        assert!(item(&svg, "served").contains(r#"class="weight-2""#));
        assert!(item(&svg, "r").contains(r##"fill="#475569""##));
        assert!(item(&svg, "covered").contains("relieved by: r"));
        assert!(item(&svg, "served").contains("served by: p"));
    }

    #[test]
    fn a_let_go_pain_is_muted_and_labelled_not_marked_as_a_gap() {
        let svg = render(
            r#"canvas c "C" {
                segment s "S" {
                    pain accent "People comment on the accent" { severity: light, allow: unrelieved-pain }
                    pain open "Open pain" { severity: light }
                }
            }"#,
        );
        let g = item(&svg, "accent");
        assert!(g.contains(r#"class="item pain let-go""#), "{g}");
        assert!(g.contains(r#"class="let-go""#), "the let-go mark: {g}");
        assert!(g.contains(r#">let go</tspan>"#), "{g}");
        assert!(g.contains(&format!(r#"<text font-size="13" fill="{FADED}">"#)), "drawn light grey: {g}");
        assert!(!g.contains(RED) && !g.contains("warning") && !g.contains(" open"), "never red: {g}");
        assert!(g.contains("let go: not relieved, and out of the fit"), "{g}");
        // An `allow:` on the section silences, but lets nothing go.
        let svg = render(
            r#"canvas c "C" {
                segment s "S" {
                    allow: unrelieved-pain
                    pain accent "Accent" { severity: light }
                }
            }"#,
        );
        let g = item(&svg, "accent");
        assert!(g.contains(" open") && g.contains(r#"class="warning""#) && !g.contains("let go"), "{g}");
    }

    #[test]
    fn unaddressed_must_haves_stand_out_and_are_named_in_the_legend() {
        let svg = render(
            r#"canvas c "C" {
                segment s "S" {
                    job speak "Hold a conversation" { importance: crucial }
                    pain shy "Too shy" { severity: extreme }
                    gain fluent "Fluent in a year" { relevance: essential }
                }
                value-map { creator daily "Daily chat" { creates: fluent } }
            }"#,
        );
        for id in ["speak", "shy"] {
            let g = item(&svg, id);
            assert!(g.contains(" open must-have\""), "{g}");
            assert!(g.contains(r#"class="must-have-band""#) && g.contains(ALARM), "{g}");
            assert!(g.contains(r#"class="warning must-have""#), "{g}");
            assert!(g.contains(r#"font-weight="700""#), "bold: {g}");
        }
        assert!(item(&svg, "speak").contains(">must-have, not served</tspan>"));
        assert!(item(&svg, "shy").contains(">must-have, not relieved</tspan>"));
        assert!(!item(&svg, "fluent").contains("must-have"));
        let legend = &svg[svg.find(r#"class="must-haves""#).unwrap()..];
        let legend = &legend[..legend.find("</text>").unwrap()];
        assert!(legend.contains("Unaddressed must-haves: speak (Hold a conversation), shy (Too shy)"), "{legend}");
        assert!(legend.contains(RED), "{legend}");
        assert!(svg.contains("fit ≥ 80 with every must-have (top rank) addressed or let go; weak &lt; 50"));
        assert!(svg.contains("weight 16 8 4 2 1 by rank"));
    }

    /// The fit headline of a rendered canvas: its class and the colour of the score.
    fn headline(svg: &str) -> (&str, &str) {
        let at = svg.find(r#"<text class="fit "#).unwrap();
        let class = &svg[at + 13..];
        let class = &class[..class.find('"').unwrap()];
        let fill = &svg[at..];
        let fill = &fill[fill.find(r#"<tspan font-size="32" font-weight="700" fill=""#).unwrap() + 46..];
        (class, &fill[..7])
    }

    #[test]
    fn the_fit_is_coloured_by_its_verdict() {
        // 16 of 16: fit, green.
        let fit = render(
            r#"canvas c "C" { segment s "S" { job j "J" { importance: crucial } }
               value-map { product p "P" { serves: j } } }"#,
        );
        assert_eq!(headline(&fit), ("fit verdict-fit", "#15803d"));
        assert!(fit.contains(r##"fill="#15803d">fit</tspan>"##), "the verdict next to the fit");
        // 16 of 20 = 80 with no must-have open: fit.
        let fit_80 = render(
            r#"canvas c "C" { segment s "S" {
                   pain p "P" { severity: extreme }
                   gain g "G" { relevance: medium }
               }
               value-map { reliever r "R" { relieves: p } } }"#,
        );
        assert!(fit_80.contains(">80%</tspan>"));
        assert_eq!(headline(&fit_80), ("fit verdict-fit", "#15803d"));
        // 64 of 80 = 80, but the crucial job is open: partial, amber.
        let partial = render(
            r#"canvas c "C" { segment s "S" {
                   job j "J" { importance: crucial }
                   pain p "P" { severity: extreme }
                   pain q "Q" { severity: extreme }
                   pain r "R" { severity: extreme }
                   pain s2 "S2" { severity: extreme }
               }
               value-map { reliever r1 "R1" { relieves: [p, q, r, s2] } } }"#,
        );
        assert!(partial.contains(">80%</tspan>"));
        assert_eq!(headline(&partial), ("fit verdict-partial", "#b45309"));
        assert!(partial.contains(r##"fill="#b45309">partial</tspan>"##));
        // 0 of 16: weak, red.
        let weak = render(r#"canvas c "C" { segment s "S" { job j "J" { importance: crucial } } }"#);
        assert_eq!(headline(&weak), ("fit verdict-weak", RED));
        assert!(weak.contains(&format!(r#"fill="{RED}">weak</tspan>"#)));
        // Nothing counts: n/a, grey, and no verdict word after it.
        let na = render(r#"canvas c "C" { segment s "S" { outcome o "O" } }"#);
        assert_eq!(headline(&na), ("fit verdict-na", MUTED));
        assert!(na.contains(">n/a</tspan></text>"));
        assert!(na.contains("no jobs, pains or gains to fit"));
    }

    #[test]
    fn the_caption_gives_the_segment_context() {
        let svg = render(
            r#"canvas c "C" {
                description: "A quiet mower"
                note: "Draft for the workshop"
                segment s "Homeowners" {
                    description: "People who mow their own lawn"
                    early-adopters: "Owners of small town gardens"
                    market: existing
                    strategy: segmented
                }
            }"#,
        );
        let at = svg.find(r#"<text class="caption""#).unwrap();
        let caption = &svg[at..at + svg[at..].find("</text>").unwrap()];
        assert!(
            caption.contains(
                "A quiet mower · People who mow their own lawn · early adopters: Owners of small town gardens \
                 · existing market, segmented strategy"
            ),
            "{caption}"
        );
        assert!(caption.contains("note: Draft for the workshop"), "the note in the tooltip: {caption}");
        // A long caption is bounded: two lines at most, shortened with `…`.
        let long = "word ".repeat(400);
        let svg = render(&format!(r#"canvas c "C" {{ segment s "S" {{ description: "{long}" }} }}"#));
        let at = svg.find(r#"<text class="caption""#).unwrap();
        let caption = &svg[at..at + svg[at..].find("</text>").unwrap()];
        assert_eq!(caption.matches("<tspan").count(), 2, "{caption}");
        assert!(caption.contains("…</tspan>"));
    }

    #[test]
    fn items_are_drawn_in_priority_order() {
        let svg = render(
            r#"canvas c "C" { segment s "S" {
                gain low "Low" { relevance: low }
                gain none "None"
                gain top "Top" { relevance: essential }
            } }"#,
        );
        let at = |id: &str| svg.find(&format!(r#"data-id="{id}""#)).unwrap();
        assert!(at("top") < at("low") && at("low") < at("none"));
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.04), "12");
        assert_eq!(num(12.25), "12.3");
        assert_eq!(num(-3.0), "-3");
    }
}
