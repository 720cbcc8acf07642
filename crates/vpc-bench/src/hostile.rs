//! Hostile inputs: one generator per family of pathological `.vpc` text, each of
//! about the size asked for (a hostile pull request can hold any of them). The
//! adversarial benchmark (`vpc-adversarial`, [`crate::hostile_bench`]) times every
//! stage of `vpc` on them.

use std::fmt::Write;

/// A hostile input: the text, and for the families made to stress `vpc diff`, the
/// new version to compare it with (else the text is compared with itself).
pub struct Input {
    pub text: String,
    pub new: Option<String>,
}

impl Input {
    /// The bytes of input: both versions for a diff family.
    pub fn len(&self) -> usize {
        self.text.len() + self.new.as_ref().map_or(0, String::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A family of hostile inputs.
pub struct Family {
    pub name: &'static str,
    /// What the text is, in one line.
    pub about: &'static str,
    generate: fn(usize) -> Input,
}

impl Family {
    /// An input of this family of about `bytes` bytes.
    pub fn generate(&self, bytes: usize) -> Input {
        (self.generate)(bytes)
    }
}

/// Every family, the realistic baseline first.
pub const FAMILIES: &[Family] = &[
    Family { name: "realistic", about: "generated canvases as in real files (the baseline)", generate: realistic },
    Family { name: "junk-lines", about: "`canvas a \"t\" {` then a line `@` again and again", generate: junk_lines },
    Family { name: "deep-lists", about: "lines `x: [[[…` (34 brackets) in a canvas", generate: deep_lists },
    Family { name: "unterminated-strings", about: "lines holding one `\"` in a canvas", generate: unterminated },
    Family { name: "at-signs-one-line", about: "`@ @ @ …` on one line in a canvas", generate: at_signs },
    Family { name: "open-braces", about: "`canvas a \"t\" {{{{…` on one line", generate: open_braces },
    Family { name: "many-comments", about: "lines `// comment` in a canvas", generate: many_comments },
    Family { name: "many-canvases", about: "empty canvases `canvas cN \"C\" {}`", generate: many_canvases },
    Family {
        name: "huge-identifier",
        about: "a pain whose identifier is half the file, and a reliever naming it with a typo",
        generate: huge_identifier,
    },
    Family {
        name: "unknown-references",
        about: "pains `p000001`…, relievers naming `q000001`… (one edit from every pain)",
        generate: unknown_references,
    },
    Family { name: "duplicate-ids", about: "jobs all called `j`", generate: duplicate_ids },
    Family {
        name: "unknown-attributes",
        about: "one job with attributes `zN: 1` no schema knows",
        generate: unknown_attributes,
    },
    Family {
        name: "combining-marks",
        about: "titles of 100 letters under 3,000 combining marks (6 KB each)",
        generate: combining_marks,
    },
    Family { name: "long-title", about: "a canvas title and a pain title of half the file each", generate: long_title },
    Family {
        name: "renamed-long-titles",
        about: "diff: canvases of 300 pains with 1,000-character titles, each renamed and reworded",
        generate: renamed_long_titles,
    },
];

/// The family called `name`.
pub fn family(name: &str) -> Option<&'static Family> {
    FAMILIES.iter().find(|f| f.name == name)
}

fn text(text: String) -> Input {
    Input { text, new: None }
}

/// `head`, then `line` repeated until the text is `bytes` long, then `tail`.
fn repeated(head: &str, line: &str, tail: &str, bytes: usize) -> Input {
    let mut out = String::with_capacity(bytes + line.len() + tail.len());
    out.push_str(head);
    while out.len() + line.len() + tail.len() <= bytes {
        out.push_str(line);
    }
    out.push_str(tail);
    text(out)
}

const CANVAS: &str = "canvas a \"t\" {\n";

fn realistic(bytes: usize) -> Input {
    text(crate::generate(bytes))
}

fn junk_lines(bytes: usize) -> Input {
    repeated(CANVAS, "@\n", "", bytes)
}

fn deep_lists(bytes: usize) -> Input {
    repeated(CANVAS, &format!("x: {}\n", "[".repeat(34)), "", bytes)
}

fn unterminated(bytes: usize) -> Input {
    repeated(CANVAS, "\"\n", "", bytes)
}

fn at_signs(bytes: usize) -> Input {
    repeated(CANVAS, "@ ", "\n", bytes)
}

fn open_braces(bytes: usize) -> Input {
    repeated("canvas a \"t\" ", "{", "", bytes)
}

fn many_comments(bytes: usize) -> Input {
    repeated(CANVAS, "  // comment\n", "}\n", bytes)
}

fn many_canvases(bytes: usize) -> Input {
    let mut out = String::with_capacity(bytes + 64);
    let mut n = 0;
    while out.len() < bytes {
        writeln!(out, "canvas c{n} \"C\" {{}}").unwrap();
        n += 1;
    }
    text(out)
}

fn huge_identifier(bytes: usize) -> Input {
    let id = "x".repeat((bytes / 2).saturating_sub(60).max(1));
    text(format!(
        "canvas a \"t\" {{\n  segment s \"S\" {{\n    pain {id} \"P\" {{ severity: light }}\n  }}\n  value-map {{\n    reliever r \"R\" {{ relieves: {id}y }}\n  }}\n}}\n"
    ))
}

fn unknown_references(bytes: usize) -> Input {
    // 37 bytes a pain, 46 a reliever.
    let n = bytes / 83;
    let mut out = String::with_capacity(bytes + 64);
    out.push_str("canvas a \"t\" {\n  segment s \"S\" {\n");
    for i in 0..n {
        writeln!(out, "    pain p{i:06} \"P\" {{ severity: light }}").unwrap();
    }
    out.push_str("  }\n  value-map {\n");
    for i in 0..n {
        writeln!(out, "    reliever r{i:06} \"R\" {{ relieves: q{i:06} }}").unwrap();
    }
    out.push_str("  }\n}\n");
    text(out)
}

fn duplicate_ids(bytes: usize) -> Input {
    let mut out = String::with_capacity(bytes + 64);
    out.push_str("canvas a \"t\" {\n  segment s \"S\" {\n");
    let mut n = 0;
    while out.len() < bytes.saturating_sub(24) {
        writeln!(out, "    job j \"J{n}\" {{ importance: high }}").unwrap();
        n += 1;
    }
    out.push_str("  }\n  value-map {}\n}\n");
    text(out)
}

fn unknown_attributes(bytes: usize) -> Input {
    let mut out = String::with_capacity(bytes + 64);
    out.push_str("canvas a \"t\" {\n  segment s \"S\" {\n    job j \"J\" {\n");
    let mut n = 0;
    while out.len() < bytes.saturating_sub(40) {
        writeln!(out, "      z{n}: 1").unwrap();
        n += 1;
    }
    out.push_str("    }\n  }\n  value-map {}\n}\n");
    text(out)
}

/// 100 letters, each under 30 combining acute accents: 6.1 KB, 3,100 characters.
fn zalgo() -> String {
    (0..100).map(|n| format!("{}{}", char::from(b'a' + (n % 26) as u8), "\u{0301}".repeat(30))).collect()
}

fn combining_marks(bytes: usize) -> Input {
    let title = zalgo();
    let mut out = String::with_capacity(bytes + title.len() * 2);
    write!(out, "canvas a \"{title}\" {{\n  segment s \"S\" {{\n").unwrap();
    let mut n = 0;
    while out.len() + title.len() < bytes {
        writeln!(out, "    pain p{n} \"{title}\" {{ severity: light }}").unwrap();
        n += 1;
    }
    out.push_str("  }\n  value-map {}\n}\n");
    text(out)
}

fn long_title(bytes: usize) -> Input {
    let title = "word ".repeat(bytes / 10);
    text(format!(
        "canvas a \"{title}\" {{\n  segment s \"S\" {{\n    pain p \"{title}\" {{ severity: light }}\n  }}\n  value-map {{}}\n}}\n"
    ))
}

/// A title of about 1,000 characters, different for each `seed`.
fn long_words(seed: usize) -> String {
    (0..150).map(|w| format!("w{seed}x{w}")).collect::<Vec<_>>().join(" ")
}

fn renamed_long_titles(bytes: usize) -> Input {
    // Pairs are bounded per kind and canvas (`vpc_diff::MAX_FUZZY_PAIRS`): 300 × 300
    // renamed pains per canvas is as much as is compared, the worst case.
    let per_canvas = 300;
    let (mut old, mut new) = (String::new(), String::new());
    let mut n = 0;
    let mut canvas = 0;
    while old.len() < bytes {
        writeln!(old, "canvas c{canvas} \"C\" {{\n  segment s \"S\" {{").unwrap();
        writeln!(new, "canvas c{canvas} \"C\" {{\n  segment s \"S\" {{").unwrap();
        for _ in 0..per_canvas {
            if old.len() >= bytes {
                break;
            }
            let title = long_words(n);
            writeln!(old, "    pain old{n} \"{title}\" {{ severity: light }}").unwrap();
            writeln!(new, "    pain new{n} \"Now {title}\" {{ severity: light }}").unwrap();
            n += 1;
        }
        old.push_str("  }\n}\n");
        new.push_str("  }\n}\n");
        canvas += 1;
    }
    Input { text: old, new: Some(new) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_gives_about_the_size_asked_for() {
        for f in FAMILIES {
            for bytes in [100_000, 300_000] {
                let len = f.generate(bytes).text.len();
                assert!(len > bytes * 8 / 10 && len < bytes * 12 / 10, "{}: {len} bytes for {bytes}", f.name);
            }
            assert_eq!(family(f.name).map(|g| g.about), Some(f.about));
        }
    }
}
