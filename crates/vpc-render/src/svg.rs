//! The canvas as a picture, laid out like Strategyzer's Value Proposition Canvas:
//! the value map is a square on the left, cut into products & services (left),
//! gain creators (top right) and pain relievers (bottom right); the customer profile
//! is a circle on the right, cut into gains (top left), pains (bottom left) and
//! customer jobs (right). Gain creators face gains, pain relievers face pains.
//!
//! Each segment lists its items by priority; text is wrapped to the room the shape
//! leaves at that height, shortened with `…` when it has to be, and always given in
//! full in a `<title>` tooltip. When a segment cannot hold every item, the last line
//! says how many more there are (their titles are in its tooltip). Pains no reliever
//! relieves and gains no creator creates are drawn in red with a warning triangle.
//!
//! The document has exactly one `<rect>` (the square) and one `<circle>` per canvas;
//! everything else is paths and text. No fonts, images or scripts are referenced.

use std::fmt::Write;

use vpc_model::{Canvas, ItemId, Link, Rank, UNDERSERVED, format_score};
use vpc_syntax::ItemKind;

use crate::text::{escape_xml, measured, text_width, wrap};
use crate::{FitBreakdown, is_gap, is_unaddressed, item_name, prioritised, section_titles};

/// The size of one canvas's picture.
const WIDTH: f64 = 1440.0;
const HEIGHT: f64 = 890.0;
const FONT: &str = "'Helvetica Neue', Helvetica, Arial, 'DejaVu Sans', 'Liberation Sans', sans-serif";

const INK: &str = "#1f2937";
const MUTED: &str = "#6b7280";
const RED: &str = "#b91c1c";

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

const GEOMETRY: Geometry = Geometry { x0: 40.0, y0: 124.0, side: 640.0, cx: 1070.0, cy: 444.0, r: 330.0 };

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
    /// A ranked or unranked item of the customer profile: the weight, 0 for unranked.
    Rank(u32),
    /// A pain nothing relieves, a gain nothing creates.
    Gap,
    /// A product, reliever or creator.
    Offer,
    /// `none yet`, `+ 3 more`.
    None,
}

/// One entry of a segment's list.
struct Entry {
    text: String,
    tooltip: String,
    marker: Marker,
    class: String,
    id: Option<String>,
}

/// A laid-out entry: the text's x, and each line with its baseline.
struct Placed {
    entry: usize,
    x: f64,
    lines: Vec<(String, f64)>,
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
            let (lines, shortened) = wrap(&entry.text, right - left - INDENT, font, max_lines);
            let count = lines.len().max(1);
            fitted = Some((left, lines, shortened));
            if count <= guess {
                break;
            }
            guess = count;
        }
        let Some((left, lines, shortened)) = fitted else { break };
        if lines.len() > guess {
            break;
        }
        cut += usize::from(shortened);
        let lines = lines
            .into_iter()
            .enumerate()
            .map(|(i, line)| (line, y + i as f64 * line_height + font * 0.95))
            .collect::<Vec<_>>();
        y += lines.len().max(1) as f64 * line_height + ENTRY_GAP;
        placed.push(Placed { entry: n, x: left + INDENT, lines, font });
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
    write_header(out, canvas);

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
        write_area(out, canvas, area);
    }
    write_outcomes(out, canvas);
    write_legend(out);
}

fn write_header(out: &mut String, canvas: &Canvas) {
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
            r#"<text class="subtitle" x="40" y="86" font-size="15" fill="{MUTED}"><title>{}</title>{}</text>"#,
            escape_xml(&about),
            escape_xml(&line.concat())
        );
    }
    let fit = canvas.fit();
    let colour = match fit {
        Some(f) if f >= 80 => "#15803d",
        Some(f) if f >= 50 => "#b45309",
        Some(_) => RED,
        None => MUTED,
    };
    let right = num(WIDTH - 40.0);
    let _ = writeln!(
        out,
        r#"<text class="fit" x="{right}" y="56" text-anchor="end" font-size="17" fill="{MUTED}">Fit <tspan font-size="32" font-weight="700" fill="{colour}">{}</tspan></text>"#,
        escape_xml(&crate::fit_text(canvas))
    );
    let b = FitBreakdown::of(canvas);
    let detail = if fit.is_some() {
        format!("weight covered: pains {} of {}, gains {} of {}", b.pains.0, b.pains.1, b.gains.0, b.gains.1)
    } else {
        "no pains or gains yet".to_string()
    };
    let _ = writeln!(
        out,
        r#"<text x="{right}" y="86" text-anchor="end" font-size="13" fill="{MUTED}">{}</text>"#,
        escape_xml(&detail)
    );
}

/// One segment: its heading and its items in priority order.
fn write_area(out: &mut String, canvas: &Canvas, area: Area) {
    let g = &GEOMETRY;
    let kind = area.kind();
    let mut entries: Vec<Entry> = prioritised(canvas, kind).into_iter().map(|id| entry(canvas, id)).collect();
    if entries.is_empty() {
        entries.push(Entry {
            text: "none yet".into(),
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

fn entry(canvas: &Canvas, id: ItemId) -> Entry {
    let item = canvas.item(id);
    let kind = item.kind;
    let gap = is_gap(canvas, id);
    let marker = match kind {
        ItemKind::Pain | ItemKind::Gain if gap => Marker::Gap,
        ItemKind::Job | ItemKind::Pain | ItemKind::Gain => Marker::Rank(match item.rank {
            Rank::Level { .. } => item.rank.weight(),
            _ => 0,
        }),
        _ => Marker::Offer,
    };
    let text = if item.title.trim().is_empty() { item_name(item) } else { item.title.to_string() };
    let mut class = format!("item {}", kind.keyword());
    if gap {
        class.push_str(" gap");
    }
    Entry { text, tooltip: tooltip(canvas, id), marker, class, id: item.id.as_ref().map(|n| n.text.to_string()) }
}

/// The full text of an item and what the canvas says about it, on one line.
fn tooltip(canvas: &Canvas, id: ItemId) -> String {
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
            Rank::Level { word, .. } => format!("{scale}: {word}"),
            Rank::Missing => format!("{scale}: not given"),
            Rank::Invalid => format!("{scale}: invalid"),
        });
    }
    if let Some(category) = &item.category {
        parts.push(category.to_string());
    }
    if let Some(role) = &item.role {
        parts.push(format!("role: {role}"));
    }
    let list = |link: Link| canvas.targets(id, link).map(|t| item_name(canvas.item(t))).collect::<Vec<_>>().join(", ");
    match item.kind {
        ItemKind::Pain => parts.push(if is_gap(canvas, id) {
            "not relieved by any reliever".into()
        } else {
            format!("relieved by: {}", names(canvas.relieved_by(id)))
        }),
        ItemKind::Gain => parts.push(if is_gap(canvas, id) {
            "not created by any creator".into()
        } else {
            format!("created by: {}", names(canvas.created_by(id)))
        }),
        ItemKind::Outcome => {
            if let Some(o) = item.opportunity() {
                let served = if o >= UNDERSERVED { " (under-served)" } else { "" };
                parts.push(format!("opportunity {}{served}", format_score(o)));
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
        ItemKind::Job => {}
    }
    if let Some(frequency) = &item.frequency {
        parts.push(format!("frequency: {frequency}"));
    }
    parts.join(" · ")
}

fn write_entry(out: &mut String, entry: &Entry, placed: &Placed) {
    let id = entry.id.as_ref().map(|id| format!(r#" data-id="{}""#, escape_xml(id))).unwrap_or_default();
    let _ = write!(out, r#"<g class="{}"{id}><title>{}</title>"#, entry.class, escape_xml(&entry.tooltip));
    let first = placed.lines.first().map_or(0.0, |l| l.1);
    let (bx, by) = (placed.x - INDENT + 5.0, first - placed.font * 0.34);
    out.push_str(&marker(entry.marker, bx, by));
    let (fill, style) = match entry.marker {
        Marker::Gap => (RED, ""),
        Marker::None => (MUTED, r#" font-style="italic""#),
        _ => (INK, ""),
    };
    let _ = write!(out, r#"<text font-size="{}" fill="{fill}"{style}>"#, num(placed.font));
    for (line, y) in &placed.lines {
        let _ = write!(out, r#"<tspan x="{}" y="{}">{}</tspan>"#, num(placed.x), num(*y), escape_xml(line));
    }
    out.push_str("</text></g>\n");
}

/// The mark before an entry: a dot shaded by rank, a warning triangle, a square.
fn marker(marker: Marker, x: f64, y: f64) -> String {
    let dot = |r: f64| {
        format!("M{} {}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 -{} 0Z", num(x - r), num(y), num(2.0 * r), num(2.0 * r))
    };
    match marker {
        Marker::Rank(weight) => {
            let (fill, stroke) = match weight {
                5 => ("#1e3a8a", "#1e3a8a"),
                4 => ("#2563eb", "#2563eb"),
                3 => ("#60a5fa", "#3b82f6"),
                2 => ("#bfdbfe", "#60a5fa"),
                1 => ("#dbeafe", "#60a5fa"),
                _ => ("#ffffff", "#9ca3af"),
            };
            format!(
                r#"<path class="rank-{weight}" d="{}" fill="{fill}" stroke="{stroke}" stroke-width="1.2"/>"#,
                dot(4.2)
            )
        }
        Marker::Gap => format!(
            r##"<path class="warning" d="M{x} {t}L{r} {b}L{l} {b}Z" fill="{RED}"/><path d="M{x} {e1}V{e2}M{x} {d1}V{d2}" stroke="#ffffff" stroke-width="1.5" stroke-linecap="round"/>"##,
            x = num(x),
            t = num(y - 6.0),
            b = num(y + 4.5),
            l = num(x - 6.0),
            r = num(x + 6.0),
            e1 = num(y - 2.6),
            e2 = num(y + 0.6),
            d1 = num(y + 2.6),
            d2 = num(y + 2.7),
        ),
        Marker::Offer => format!(r##"<path d="M{} {}h7v7h-7Z" fill="#475569"/>"##, num(x - 3.5), num(y - 3.5)),
        Marker::None => String::new(),
    }
}

/// Under the shapes: the outcomes by opportunity, as far as they fit on one line.
fn write_outcomes(out: &mut String, canvas: &Canvas) {
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
        let colour = match item.opportunity() {
            _ if is_unaddressed(canvas, id) => RED,
            Some(o) if o >= UNDERSERVED => "#b45309",
            _ => INK,
        };
        let score_width = text_width(&score, 13.0) * 1.1 + 6.0;
        let left = outcomes.len() - n;
        let reserve = if left > 1 { 120.0 } else { 0.0 };
        let room = (right - reserve - x - score_width).min(330.0);
        if room < 90.0 {
            let hidden: Vec<String> = outcomes[n..].iter().map(|&i| tooltip(canvas, i)).collect();
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
        if item.opportunity().is_some_and(|o| o >= UNDERSERVED) {
            class.push_str(" underserved");
        }
        if is_unaddressed(canvas, id) {
            class.push_str(" unaddressed");
        }
        let data = item.id.as_ref().map(|i| format!(r#" data-id="{}""#, escape_xml(&i.text))).unwrap_or_default();
        let _ = writeln!(
            out,
            r#"<g class="{class}"{data}><title>{}</title><text x="{}" y="{y}" font-size="13" fill="{INK}"><tspan font-weight="700" fill="{colour}">{}</tspan><tspan dx="5">{}</tspan></text></g>"#,
            escape_xml(&tooltip(canvas, id)),
            num(x),
            escape_xml(&score),
            escape_xml(&text)
        );
        x += score_width + text_width(&text, 13.0) + 28.0;
    }
    out.push_str("</g>\n");
}

/// What the marks mean.
fn write_legend(out: &mut String) {
    let y = GEOMETRY.cy + GEOMETRY.r + 96.0;
    let mut x = 40.0;
    let mut parts = String::new();
    for weight in [5, 4, 3, 2, 1] {
        parts.push_str(&marker(Marker::Rank(weight), x + 5.0, y - 4.0));
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
        *x += text_width(text, 12.0) + 30.0;
    };
    say(&mut parts, &mut x, "most to least important (importance, severity, relevance)");
    parts.push_str(&marker(Marker::Rank(0), x + 5.0, y - 4.0));
    x += 13.0;
    say(&mut parts, &mut x, "unranked");
    parts.push_str(&marker(Marker::Gap, x + 5.0, y - 4.0));
    x += 13.0;
    say(&mut parts, &mut x, "pain not relieved / gain not created");
    parts.push_str(&marker(Marker::Offer, x + 5.0, y - 4.0));
    x += 13.0;
    say(&mut parts, &mut x, "what the offer does");
    let _ = writeln!(out, r#"<g class="legend">{parts}</g>"#);
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
    fn gaps_are_marked_and_covered_items_are_not() {
        let svg = render(
            r#"canvas c "C" {
                segment s "S" {
                    job j "J" { importance: crucial }
                    job u "U"
                    pain covered "Covered pain" { severity: extreme }
                    pain open "Open pain" { severity: light }
                    gain made "Made gain" { relevance: essential }
                    gain missing "Missing gain"
                }
                value-map {
                    reliever r "R" { relieves: covered }
                    creator c2 "C2" { creates: made }
                }
            }"#,
        );
        for gap in ["open", "missing"] {
            let g = item(&svg, gap);
            assert!(g.contains(r#"class="item "#) && g.contains(r#" gap""#), "{g}");
            assert!(g.contains(r#"class="warning""#), "{g}");
            assert!(g.contains(&format!(r#"fill="{RED}""#)), "{g}");
        }
        assert!(item(&svg, "open").contains("not relieved by any reliever"));
        assert!(item(&svg, "missing").contains("not created by any creator"));
        for fine in ["covered", "made", "j", "u", "r", "c2"] {
            let g = item(&svg, fine);
            assert!(!g.contains("gap") && !g.contains("warning"), "{g}");
        }
        // Ranks shade the dots; unranked items get a hollow one; the offer a square.
        assert!(item(&svg, "j").contains(r#"class="rank-5""#));
        assert!(item(&svg, "u").contains(r#"class="rank-0""#));
        assert!(item(&svg, "covered").contains(r#"class="rank-5""#));
        assert!(item(&svg, "r").contains(r##"fill="#475569""##));
        assert!(item(&svg, "covered").contains("relieved by: r"));
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
