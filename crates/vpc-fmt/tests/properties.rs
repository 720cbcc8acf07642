//! Property tests: random valid canvases in random layouts (whitespace, blank
//! lines, comments anywhere a line may break, inline or multi-line blocks and
//! lists, LF/CRLF/CR, a byte-order mark) format idempotently, keep their meaning
//! and keep every comment; and no text whatsoever makes `format` panic.

mod common;

use proptest::prelude::*;
use vpc_fmt::{FormatOptions, format};

// ---------------------------------------------------------------- the model

#[derive(Clone, Debug)]
enum Value {
    Word(String),
    Number(String),
    List(Vec<Value>),
}

#[derive(Clone, Debug)]
struct Attr {
    key: String,
    value: Value,
}

#[derive(Clone, Debug)]
struct Item {
    keyword: &'static str,
    id: Option<String>,
    title: String,
    block: Option<Vec<Attr>>,
}

#[derive(Clone, Debug)]
enum SectionMember {
    Attr(Attr),
    Item(Item),
}

#[derive(Clone, Debug)]
struct Section {
    keyword: &'static str,
    id: Option<String>,
    title: Option<String>,
    members: Vec<SectionMember>,
}

#[derive(Clone, Debug)]
enum CanvasMember {
    Attr(Attr),
    Section(Section),
}

#[derive(Clone, Debug)]
struct Canvas {
    id: Option<String>,
    title: String,
    members: Vec<CanvasMember>,
}

/// Everything that decides the text: the canvases and how they are laid out.
#[derive(Clone, Debug)]
struct File {
    canvases: Vec<Canvas>,
    /// Consumed in turn for every layout decision.
    tape: Vec<u8>,
    comments: Vec<String>,
    newline: &'static str,
    bom: bool,
}

// ---------------------------------------------------------------- strategies

fn ident() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z_][a-zA-Z0-9_-]{0,8}",
        1 => prop::sample::select(vec!["job", "pain", "canvas", "segment", "value-map", "kind", "importance", "note"])
            .prop_map(str::to_string),
    ]
}

/// A string literal as written, quotes and escapes included.
fn string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => "[a-zA-Z0-9 ,.!?'-]{1,12}",
        1 => prop::sample::select(vec![
            "é", "日本語", "😀", "👰🤵", "עברית", "\\\"", "\\\\", "\\n", "\\t", "\\u{1F600}", "\\u{e9}", "//", "{}[]:,", "\t",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..5).prop_map(|pieces| format!("\"{}\"", pieces.concat()))
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        ident().prop_map(Value::Word),
        string().prop_map(Value::Word),
        "[0-9]{1,3}(\\.[0-9]{1,2})?%?".prop_map(Value::Number),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| prop::collection::vec(inner, 0..6).prop_map(Value::List))
}

fn attr() -> impl Strategy<Value = Attr> {
    let key = prop_oneof![
        3 => prop::sample::select(vec![
            "kind", "role", "importance", "frequency", "context", "severity", "relevance", "job", "satisfaction",
            "serves", "relieves", "creates", "via", "addresses", "note", "allow", "description", "early-adopters",
            "market", "strategy", "when", "aspect",
        ])
        .prop_map(str::to_string),
        1 => ident(),
    ];
    (key, value()).prop_map(|(key, value)| Attr { key, value })
}

fn item(keywords: &'static [&'static str]) -> impl Strategy<Value = Item> {
    (
        prop::sample::select(keywords),
        prop::option::weighted(0.8, ident()),
        string(),
        prop::option::weighted(0.8, prop::collection::vec(attr(), 0..6)),
    )
        .prop_map(|(keyword, id, title, block)| Item { keyword, id, title, block })
}

fn section() -> impl Strategy<Value = Section> {
    let segment = (
        prop::option::of(ident()),
        string(),
        prop::collection::vec(
            prop_oneof![
                1 => attr().prop_map(SectionMember::Attr),
                4 => item(&["job", "pain", "gain", "outcome"]).prop_map(SectionMember::Item),
            ],
            0..7,
        ),
    )
        .prop_map(|(id, title, members)| Section { keyword: "segment", id, title: Some(title), members });
    let value_map = (
        prop::option::of(ident()),
        prop::option::of(string()),
        prop::collection::vec(
            prop_oneof![
                1 => attr().prop_map(SectionMember::Attr),
                4 => item(&["product", "reliever", "creator"]).prop_map(SectionMember::Item),
            ],
            0..7,
        ),
    )
        .prop_map(|(id, title, members)| Section { keyword: "value-map", id, title, members });
    prop_oneof![segment, value_map]
}

fn canvas() -> impl Strategy<Value = Canvas> {
    (
        prop::option::weighted(0.9, ident()),
        string(),
        prop::collection::vec(
            prop_oneof![
                1 => attr().prop_map(CanvasMember::Attr),
                3 => section().prop_map(CanvasMember::Section),
            ],
            0..4,
        ),
    )
        .prop_map(|(id, title, members)| Canvas { id, title, members })
}

fn comment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "// [a-z ]{0,20}",
        1 => prop::sample::select(vec![
            "//", "//no space", "/// doc", "// two // slashes", "// ünïcödé 日本 😀", "// trailing   ",
            "//\ttab", "// \"quoted\" {braces} [x]: y,",
        ])
        .prop_map(str::to_string),
    ]
}

fn file() -> impl Strategy<Value = File> {
    (
        prop::collection::vec(canvas(), 0..3),
        prop::collection::vec(any::<u8>(), 1..200),
        prop::collection::vec(comment(), 1..8),
        prop::sample::select(vec!["\n", "\n", "\r\n", "\r"]),
        prop::bool::weighted(0.1),
    )
        .prop_map(|(canvases, tape, comments, newline, bom)| File { canvases, tape, comments, newline, bom })
}

// ---------------------------------------------------------------- the text

/// What may stand between the previous token and the next one.
#[derive(Clone, Copy, PartialEq)]
enum Glue {
    /// Spaces only: a value starts on the line of its `:`, a `,` follows its element.
    SameLine,
    /// Anything: spaces, line breaks, blank lines, comments.
    Any,
}

struct Writer<'f> {
    file: &'f File,
    out: String,
    step: usize,
    comment: usize,
    last: String,
    /// An attribute was just written: a `,` must come before the next token on the
    /// same line (unless it is `}`), and may come anyway.
    after_attribute: bool,
}

impl Writer<'_> {
    fn pick(&mut self, n: usize) -> usize {
        let b = self.file.tape[self.step % self.file.tape.len()] as usize;
        self.step += 1;
        // Mix in the step so that a short tape does not repeat a single choice.
        (b + self.step / self.file.tape.len()) % n
    }

    fn comment(&mut self) -> String {
        let c = self.file.comments[self.comment % self.file.comments.len()].clone();
        self.comment += 1;
        c
    }

    fn indent(&mut self) -> &'static str {
        ["", "  ", "    ", "\t", "       "][self.pick(5)]
    }

    fn separator(&mut self, glue: Glue, next: &str) -> String {
        let punct = |s: &str| s.len() == 1 && "{}[]:,".contains(s);
        let tight_ok = punct(&self.last) || punct(next) || self.last.is_empty();
        let same_line = |w: &mut Self| match w.pick(4) {
            0 if tight_ok => String::new(),
            1 => "  ".to_string(),
            2 => "\t".to_string(),
            _ => " ".to_string(),
        };
        if glue == Glue::SameLine {
            return same_line(self);
        }
        let nl = self.file.newline;
        match self.pick(14) {
            0..=4 => same_line(self),
            5 | 6 => format!("{nl}{}", self.indent()),
            7 => format!("{nl}{nl}{}", self.indent()),
            8 => format!(" \t{nl}{nl}{nl}{}", self.indent()),
            9 => format!(" {}{nl}{}", self.comment(), self.indent()),
            10 => format!("{nl}{}{}{nl}{}", self.indent(), self.comment(), self.indent()),
            11 => format!("{nl}{nl}{}{nl}{nl}{}", self.comment(), self.indent()),
            12 => format!("    {}{nl}{}{nl}{}", self.comment(), self.comment(), self.indent()),
            _ => format!("{nl}{}", self.indent()),
        }
    }

    fn token(&mut self, text: &str, glue: Glue) {
        let separator = self.separator(glue, text);
        if std::mem::take(&mut self.after_attribute) {
            let needed = !separator.contains(['\n', '\r']) && text != "}";
            if needed || self.pick(2) == 0 {
                let comma = [",", " ,"][self.pick(2)];
                self.out.push_str(comma);
                self.last = ",".to_string();
            }
        }
        if !self.out.is_empty() {
            self.out.push_str(&separator);
        }
        self.out.push_str(text);
        self.last = text.to_string();
    }

    /// A value; only its first token must be on the line of the `:`.
    fn value(&mut self, value: &Value, glue: Glue) {
        match value {
            Value::Word(w) | Value::Number(w) => self.token(w, glue),
            Value::List(items) => {
                self.token("[", glue);
                for (i, item) in items.iter().enumerate() {
                    self.value(item, Glue::Any);
                    if i + 1 < items.len() || self.pick(2) == 0 {
                        self.token(",", Glue::SameLine);
                    }
                }
                self.token("]", Glue::Any);
            }
        }
    }

    fn attr(&mut self, attr: &Attr) {
        self.token(&attr.key, Glue::Any);
        self.token(":", Glue::Any);
        self.value(&attr.value, Glue::SameLine);
        self.after_attribute = true;
    }

    /// An id that is itself a keyword stays on its keyword's line: at the start of a
    /// line it would start an item or block of its own (spec §2, error recovery).
    fn id(&mut self, id: &str) {
        let keyword =
            vpc_syntax::ItemKind::from_keyword(id).is_some() || vpc_syntax::BlockKind::from_keyword(id).is_some();
        self.token(id, if keyword { Glue::SameLine } else { Glue::Any });
    }

    fn item(&mut self, item: &Item) {
        self.token(item.keyword, Glue::Any);
        if let Some(id) = &item.id {
            self.id(id);
        }
        self.token(&item.title, Glue::Any);
        if let Some(block) = &item.block {
            self.token("{", Glue::Any);
            for attr in block {
                self.attr(attr);
            }
            self.token("}", Glue::Any);
        }
    }

    fn section(&mut self, section: &Section) {
        self.token(section.keyword, Glue::Any);
        if let Some(id) = &section.id {
            self.id(id);
        }
        if let Some(title) = &section.title {
            self.token(title, Glue::Any);
        }
        self.token("{", Glue::Any);
        for member in &section.members {
            match member {
                SectionMember::Attr(a) => self.attr(a),
                SectionMember::Item(i) => self.item(i),
            }
        }
        self.token("}", Glue::Any);
    }

    fn canvas(&mut self, canvas: &Canvas) {
        self.token("canvas", Glue::Any);
        if let Some(id) = &canvas.id {
            self.id(id);
        }
        self.token(&canvas.title, Glue::Any);
        self.token("{", Glue::Any);
        for member in &canvas.members {
            match member {
                CanvasMember::Attr(a) => self.attr(a),
                CanvasMember::Section(s) => self.section(s),
            }
        }
        self.token("}", Glue::Any);
    }
}

impl File {
    fn text(&self) -> String {
        let mut w =
            Writer { file: self, out: String::new(), step: 0, comment: 0, last: String::new(), after_attribute: false };
        if self.bom {
            w.out.push('\u{feff}');
        }
        let nl = self.newline;
        match w.pick(4) {
            0 => {
                let c = w.comment();
                w.out.push_str(&format!("{c}{nl}"));
            }
            1 => {
                let c = w.comment();
                w.out.push_str(&format!("{nl}{nl}{c}{nl}{nl}"));
            }
            _ => {}
        }
        for canvas in &self.canvases {
            w.canvas(canvas);
        }
        match w.pick(4) {
            0 => {}
            1 => w.out.push_str(nl),
            2 => {
                let c = w.comment();
                w.out.push_str(&format!("{nl}{nl}{c}"));
            }
            _ => {
                let c = w.comment();
                w.out.push_str(&format!(" {c}{nl}{nl}"));
            }
        }
        w.out
    }
}

// ---------------------------------------------------------------- properties

fn options() -> impl Strategy<Value = FormatOptions> {
    prop_oneof![
        3 => Just(FormatOptions::default()),
        1 => (0usize..120, 0usize..5).prop_map(|(line_width, indent)| FormatOptions { line_width, indent }),
    ]
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512)
}

proptest! {
    // 512 cases unless PROPTEST_CASES says otherwise.
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// Idempotent, meaning-preserving, comment-preserving (see `common::check`).
    #[test]
    fn random_valid_canvases_format_well(file in file(), options in options()) {
        let text = file.text();
        let parse = vpc_syntax::parse(&text);
        prop_assert!(parse.errors.is_empty(), "the generator wrote invalid text: {:?}\n{}", parse.errors, text);
        common::check(&text, &options);
    }

    /// Cutting or inserting text in a valid file: never a panic; when the result
    /// still parses, all the guarantees hold.
    #[test]
    fn edited_canvases_never_panic(
        file in file(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..12, 0usize..8), 1..4),
    ) {
        let mut text = file.text();
        for (at, cut, insert) in edits {
            let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let start = boundaries[at.index(boundaries.len())];
            let end = boundaries.iter().copied().filter(|&b| b >= start).nth(cut % 4).unwrap_or(start);
            let inserted = ["", "{", "}", "\n", "// x\n", ",", "\"", "job a \"A\""][insert];
            text.replace_range(start..end, inserted);
        }
        if format(&text, &FormatOptions::default()).is_ok() {
            common::check(&text, &FormatOptions::default());
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = format(&text, &FormatOptions::default());
    }

    /// Token soup: often valid by chance, and then it must format well.
    #[test]
    fn token_soup_never_panics(tokens in prop::collection::vec(prop::sample::select(vec![
        "canvas", "segment", "value-map", "job", "pain", "product", "a", "kind", "\"t\"", "\"\\u{1F600}\"", "1.5",
        "{", "}", "[", "]", ":", ",", "\n", "\r\n", "\r", "// c\n", " ", "\u{feff}",
    ]), 0..60)) {
        let text: String = tokens.concat();
        if format(&text, &FormatOptions::default()).is_ok() {
            common::check(&text, &FormatOptions::default());
        }
    }
}
