//! Parser golden files: every `test_data/{ok,err}/*.vpc` is parsed and its tree and
//! errors are compared with the snapshot beside it (`cargo insta review` to update).
//! Files under `ok/` must parse without errors; files under `err/` must have some.

use std::fmt::Write;

use vpc_syntax::*;

#[test]
fn golden() {
    insta::glob!("../test_data", "**/*.vpc", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let parse = parse(&text);
        let is_ok = path.parent().unwrap().ends_with("ok");
        assert_eq!(parse.errors.is_empty(), is_ok, "{}: {:#?}", path.display(), parse.errors);
        insta::assert_snapshot!(dump(&text, &parse));
    });
}

fn dump(text: &str, parse: &Parse) -> String {
    let index = LineIndex::new(text);
    let pos = |s: Span| {
        let (a, b) = index.span_line_cols(text, s);
        format!("{}:{}-{}:{}", a.line + 1, a.col + 1, b.line + 1, b.col + 1)
    };
    let mut out = String::new();
    for canvas in &parse.file.canvases {
        block(&mut out, canvas, 0, &pos);
    }
    for c in &parse.file.comments {
        writeln!(out, "comment {} {:?}", pos(c.span), c.text).unwrap();
    }
    if !parse.errors.is_empty() {
        writeln!(out, "errors:").unwrap();
        for e in &parse.errors {
            writeln!(out, "  {} {}", pos(e.span), e.message).unwrap();
        }
    }
    out
}

fn head(id: &Option<Name>, title: &Option<Str>) -> String {
    let mut s = String::new();
    if let Some(id) = id {
        write!(s, " {}", id.text).unwrap();
    }
    if let Some(t) = title {
        write!(s, " {:?}", t.value).unwrap();
    }
    s
}

fn block(out: &mut String, b: &Block, depth: usize, pos: &dyn Fn(Span) -> String) {
    let pad = "  ".repeat(depth);
    let open = if b.l_brace.is_some() { "" } else { " (no `{`)" };
    let close = if b.r_brace.is_some() { "" } else { " (no `}`)" };
    writeln!(out, "{pad}{}{}{open}{close} @{}", b.kind.keyword(), head(&b.id, &b.title), pos(b.span)).unwrap();
    for m in &b.members {
        match m {
            Member::Attribute(a) => attribute(out, a, depth + 1),
            Member::Block(inner) => block(out, inner, depth + 1, pos),
            Member::Item(i) => {
                let close = match &i.attributes {
                    Some(b) if b.r_brace.is_none() => " (no `}`)",
                    _ => "",
                };
                writeln!(out, "{pad}  {}{}{close} @{}", i.kind, head(&i.id, &i.title), pos(i.span)).unwrap();
                for a in i.attributes() {
                    attribute(out, a, depth + 2);
                }
            }
        }
    }
}

fn attribute(out: &mut String, a: &Attribute, depth: usize) {
    writeln!(out, "{}{}: {}", "  ".repeat(depth), a.key.text, value(&a.value)).unwrap();
}

fn value(v: &Value) -> String {
    match v {
        Value::Ident(n) => n.text.to_string(),
        Value::Str(s) => format!("{:?}", s.value),
        Value::Number(n) => format!("{}", n.value),
        Value::List(l) => format!("[{}]", l.items.iter().map(value).collect::<Vec<_>>().join(", ")),
        Value::Missing(_) => "<missing>".to_string(),
    }
}
