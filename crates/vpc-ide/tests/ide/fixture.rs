//! Fixtures: `$0` marks the cursor; two `$0` mark a range.

use vpc_ide::{File, LintConfig, Span};

/// The example of spec §3.
pub const WEDDING: &str = r#"// Wedding planning, for engaged couples
canvas wedding "Wedding planner" {
  segment couples "Engaged couples" {
    market: new
    job organise "Organise a lovely wedding" { kind: functional, importance: crucial }
    job budget "Not incur too much expense" { importance: high }
    job impress "Impress their friends" { kind: social, importance: medium }

    pain no-time "Might not have time" { kind: obstacle, severity: severe, job: organise }
    pain unfinished "Might not finish the preparation" { severity: extreme }
    pain invites "Trouble sending invites" { severity: moderate }

    gain carefree "Someone takes care of everything" { kind: required, relevance: essential }

    outcome venue-time "Minimise the time it takes to book a venue" {
      job: organise, importance: 9, satisfaction: 3
    }
  }

  value-map "Wedding planner app" {
    product app "Online wedding services via app" { kind: digital, serves: [organise] }
    reliever esign "Contracts that are signable online" { relieves: no-time, via: app }
    reliever checklist "Checklist with deadlines" { relieves: [unfinished, no-time] }
    creator one-stop "One planner handles every vendor" { creates: carefree, addresses: venue-time }
  }
}
"#;

pub fn analyse(text: &str) -> File {
    File::new(text.to_string(), &LintConfig::default())
}

/// The file without the marker, and the marker's offset.
pub fn cursor(fixture: &str) -> (File, usize) {
    let offset = fixture.find("$0").expect("the fixture has no `$0`");
    (analyse(&fixture.replacen("$0", "", 1)), offset)
}

/// The file without the markers, and the range between them.
pub fn range(fixture: &str) -> (File, Span) {
    let start = fixture.find("$0").expect("the fixture has no `$0`");
    let rest = fixture.replacen("$0", "", 1);
    let end = rest.find("$0").expect("the fixture has only one `$0`");
    (analyse(&rest.replacen("$0", "", 1)), Span::new(start, end))
}

/// `text` with a cursor placed at the start of the `n`th occurrence of `needle`
/// plus `shift` bytes.
pub fn at(text: &str, needle: &str, n: usize, shift: usize) -> (File, usize) {
    let offset = text.match_indices(needle).nth(n).unwrap_or_else(|| panic!("no `{needle}` #{n}")).0 + shift;
    (analyse(text), offset)
}

/// The lines of `text` that hold a span, each span shown as `«…»`.
pub fn mark(text: &str, spans: &[Span]) -> String {
    let mut inserts: Vec<(usize, bool)> = spans.iter().flat_map(|s| [(s.start, true), (s.end, false)]).collect();
    inserts.sort_by_key(|&(o, open)| (o, open));
    let mut out = String::new();
    let mut at = 0;
    for (offset, open) in inserts {
        out.push_str(&text[at..offset]);
        out.push(if open { '«' } else { '»' });
        at = offset;
    }
    out.push_str(&text[at..]);
    out.lines().filter(|l| l.contains('«') || l.contains('»')).map(|l| l.trim_end()).collect::<Vec<_>>().join("\n")
}
