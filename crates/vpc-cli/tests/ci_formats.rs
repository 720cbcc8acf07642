//! `vpc check --format sarif|github|junit`: the formats for CI, checked against the
//! official SARIF schema, the workflow-command escaping rules and an XML parser, and
//! against `--format json` for positions.

mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{Value, json};
use vpc_model::{Code, Severity};

fn write_files(root: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

const CLEAN: &str = "canvas c \"C\" {\n  segment s \"S\" { job j \"J\" { importance: high } }\n  value-map { product p \"P\" { serves: j } }\n}\n";
const ERRS: &str = "canvas c \"C\" {\n  segment s \"S\" { job j \"J\" { importance: \"high\" } }\n  value-map { product p \"P\" { serves: j } }\n}\n";

/// CRLF line ends, emoji before the problems, a syntax error (an empty range).
const MARIAGE: &str = "canvas c \"Mariage 💍\" {\r\n  segment s \"Fiancés 🎉\" {\r\n    job a \"Organiser le 💒\" { importance:\r\n    pain p \"Pas le temps ⏰\" { severity: light }\r\n    gain g \"Fête 🎉\" { relevance: high } gain h \"Photos 📷\" { relevance: low }\r\n  }\r\n  value-map { reliever r \"R\" { relieves: p } creator k \"K\" { creates: g } }\r\n}\r\n";
/// Where `gain h` of [`MARIAGE`] is: line 5, after an emoji.
const MARIAGE_H: (u64, u64) = (5, 46);

/// A title with everything that needs escaping somewhere, which `missing-section`
/// quotes: `%`, `,`, `:`, `&`, `<`, `>`, quotes, a bell, a line feed, a tab and a CR.
/// A duplicate identifier (with a related location) and an unranked job (an info here).
const ODD: &str = concat!(
    r#"canvas "50% off, really: yes & <no> \"q\" \u{7}bell\nline\ttab\u{D}" {"#,
    "\n  segment s \"S\" {\n    job j \"J\"\n    pain p \"P\" { severity: light }\n    gain p \"G\" { relevance: high }\n  }\n}\n",
);

/// A project in a git repository: `vpc.toml` makes `unranked-job` an info.
fn project(root: &Path) {
    write_files(
        root,
        &[
            ("vpc.toml", "[lints]\nunranked-job = \"info\"\n"),
            ("clean.vpc", CLEAN),
            ("docs/my canvases/Mariage 💍.vpc", MARIAGE),
            ("docs/odd,name:50%.vpc", ODD),
        ],
    );
}

/// `git init`, or a bare `.git` folder where git is not installed: `vpc` only looks for `.git`.
fn git_init(dir: &Path) {
    let ok =
        std::process::Command::new("git").args(["init", "-q"]).current_dir(dir).status().is_ok_and(|s| s.success());
    if !ok {
        std::fs::create_dir_all(dir.join(".git")).unwrap();
    }
}

/// A git repository holding the project, and the arguments that check it from `docs/`.
fn repo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    git_init(&repo);
    project(&repo);
    (dir, repo.join("docs"))
}

const ARGS: [&str; 2] = [".", "../clean.vpc"];

fn check(dir: &Path, format: &str, paths: &[&str]) -> Output {
    let mut args = vec!["check", "--format", format];
    args.extend_from_slice(paths);
    vpc(dir, &args)
}

fn json_of(dir: &Path, paths: &[&str]) -> Value {
    serde_json::from_slice(&check(dir, "json", paths).stdout).unwrap()
}

fn sarif_of(dir: &Path, paths: &[&str]) -> Value {
    serde_json::from_slice(&check(dir, "sarif", paths).stdout).unwrap()
}

fn sarif_validator() -> jsonschema::Validator {
    let mut schema: Value = serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).unwrap();
    assert_eq!(
        schema["$id"],
        "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
    );
    // The pattern of the 2.1.0 schema for `language` properties is no valid ECMA-262 regular
    // expression (a stray `]`), so the schema fails its own meta-schema (`format: regex`);
    // errata 01 corrected it. Correct it here likewise: `vpc` writes no `language`.
    let language = &mut schema["definitions"]["run"]["properties"]["language"]["pattern"];
    let bad = language.clone();
    assert_eq!(bad, "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$");
    let fixed = replace_value(&mut schema, &bad, &json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$"));
    assert_eq!(fixed, 2, "run.language and toolComponent.language");
    // Formats are checked: `uri` for `helpUri`, `uri-reference` for artifact locations.
    jsonschema::draft7::options().should_validate_formats(true).build(&schema).unwrap()
}

/// Replace every `old` in `value`, however deep; how many there were.
fn replace_value(value: &mut Value, old: &Value, new: &Value) -> usize {
    if value == old {
        *value = new.clone();
        return 1;
    }
    match value {
        Value::Object(map) => map.values_mut().map(|v| replace_value(v, old, new)).sum(),
        Value::Array(items) => items.iter_mut().map(|v| replace_value(v, old, new)).sum(),
        _ => 0,
    }
}

fn assert_valid(validator: &jsonschema::Validator, log: &Value) {
    let errors: Vec<String> = validator.iter_errors(log).map(|e| format!("{}: {e}", e.instance_path())).collect();
    assert!(errors.is_empty(), "not valid SARIF 2.1.0:\n{}", errors.join("\n"));
}

/// Every diagnostic of a `--format json` report: (path, code, severity, message, range).
fn json_diagnostics(report: &Value) -> Vec<(String, String, String, String, [u64; 4])> {
    let mut all = Vec::new();
    for file in report["files"].as_array().unwrap() {
        for d in file["diagnostics"].as_array().unwrap() {
            let r = &d["range"];
            all.push((
                file["path"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
                [&r["start"]["line"], &r["start"]["column"], &r["end"]["line"], &r["end"]["column"]]
                    .map(|v| v.as_u64().unwrap()),
            ));
        }
    }
    all
}

// --- SARIF ---------------------------------------------------------------------------

#[test]
fn sarif_is_valid_against_the_official_schema_and_invalid_logs_are_not() {
    let validator = sarif_validator();
    let (_dir, docs) = repo();
    let log = sarif_of(&docs, &ARGS);
    assert_valid(&validator, &log);
    // Every code fires in the flawed example; and a run with no file at all.
    let flawed = sarif_of(&examples(), &["flawed.vpc", "wedding.vpc"]);
    assert_valid(&validator, &flawed);
    let empty = tempfile::tempdir().unwrap();
    let nothing = sarif_of(empty.path(), &[]);
    assert_eq!(nothing["runs"][0]["results"], json!([]));
    assert_valid(&validator, &nothing);

    // The validator does reject what is not SARIF.
    type Breaks = fn(&mut Value);
    let broken: [(&str, Breaks); 7] = [
        ("version", |v| v["version"] = json!("2.0.0")),
        ("no runs", |v| drop(v.as_object_mut().unwrap().remove("runs"))),
        ("column 0", |v| {
            v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = json!(0)
        }),
        ("level", |v| v["runs"][0]["results"][0]["level"] = json!("fatal")),
        ("unknown property", |v| v["runs"][0]["results"][0]["severity"] = json!("error")),
        ("uri with a space", |v| v["runs"][0]["artifacts"][0]["location"]["uri"] = json!("docs/my canvases/a.vpc")),
        ("columnKind", |v| v["runs"][0]["columnKind"] = json!("bytes")),
    ];
    for (what, breaks) in broken {
        let mut bad = log.clone();
        breaks(&mut bad);
        assert!(!validator.is_valid(&bad), "{what}: the schema should reject it");
    }
}

#[test]
fn sarif_names_unreadable_paths_as_tool_notifications() {
    let validator = sarif_validator();
    let dir = tempfile::tempdir().unwrap();
    write_files(dir.path(), &[("clean.vpc", "canvas c \"C\" {}\n")]);
    std::fs::write(dir.path().join("latin1.vpc"), b"canvas c \"caf\xe9\" {}\n").unwrap();

    let ok = check(dir.path(), "sarif", &["clean.vpc"]);
    let log: Value = serde_json::from_slice(&ok.stdout).unwrap();
    assert_valid(&validator, &log);
    assert_eq!(log["runs"][0]["invocations"], json!([{ "executionSuccessful": true }]));

    let out = check(dir.path(), "sarif", &["missing.vpc", "clean.vpc", "latin1.vpc"]);
    assert_eq!(out.status.code(), Some(2));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid(&validator, &log);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], json!(false));
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    let uris: Vec<&str> = notes
        .iter()
        .map(|n| n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap())
        .collect();
    assert_eq!(uris, ["missing.vpc", "latin1.vpc"]);
    assert!(notes.iter().all(|n| n["level"] == "error"));
    assert!(notes[0]["message"]["text"].as_str().unwrap().starts_with("missing.vpc: "), "{notes:?}");
    assert!(notes[1]["message"]["text"].as_str().unwrap().contains("UTF-8"), "{notes:?}");
    // The readable file is still reported.
    assert_eq!(log["runs"][0]["artifacts"].as_array().unwrap().len(), 1);
}

#[test]
fn sarif_describes_every_code_as_a_rule() {
    let log = sarif_of(&examples(), &["flawed.vpc"]);
    let run = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().ends_with("/sarif-schema-2.1.0.json"));
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "vpc");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), Code::ALL.len());
    for (rule, &code) in rules.iter().zip(Code::ALL) {
        assert_eq!(rule["id"], code.as_str());
        let name = rule["name"].as_str().unwrap();
        assert_eq!(name.to_lowercase(), code.as_str().replace('-', ""));
        assert!(name.starts_with(|c: char| c.is_ascii_uppercase()) && !name.contains('-'), "{name}");
        assert_eq!(rule["shortDescription"]["text"], code.summary());
        assert!(rule["fullDescription"]["text"].as_str().unwrap().starts_with(&code.summary()));
        assert_eq!(rule["help"]["markdown"], code.doc());
        assert_eq!(rule["help"]["text"], code.doc());
        assert_eq!(rule["helpUri"], code.url());
        let level = match code.default_severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        };
        assert_eq!(rule["defaultConfiguration"]["level"], level);
    }
    assert_eq!(rules[0]["name"], "SyntaxError");
    // Each result points at its rule, by id and index alike.
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), json_diagnostics(&json_of(&examples(), &["flawed.vpc"])).len());
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
    }
}

#[test]
fn sarif_of_a_git_repository() {
    let (_dir, docs) = repo();
    let out = check(&docs, "sarif", &ARGS);
    assert_eq!(out.status.code(), Some(1), "a duplicate identifier is an error");
    let mut log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let run = &mut log["runs"][0];
    // Paths from the root of the repository, though vpc ran in docs/.
    let uris: Vec<&str> =
        run["artifacts"].as_array().unwrap().iter().map(|a| a["location"]["uri"].as_str().unwrap()).collect();
    // In path order: `./my canvases/…`, `./odd…`, `../clean.vpc`.
    assert_eq!(uris, ["docs/my%20canvases/Mariage%20%F0%9F%92%8D.vpc", "docs/odd%2Cname%3A50%25.vpc", "clean.vpc"]);
    // The rules are checked above; the version changes with every release.
    let driver = &mut run["tool"]["driver"];
    driver["rules"] = json!(format!("{} rules", Code::ALL.len()));
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    driver["version"] = json!("[version]");
    driver["semanticVersion"] = json!("[version]");
    insta::assert_snapshot!(serde_json::to_string_pretty(&log).unwrap());
}

#[test]
fn sarif_regions_are_the_json_ranges_and_levels_the_configured_severities() {
    let (_dir, docs) = repo();
    let json = json_diagnostics(&json_of(&docs, &ARGS));
    let log = sarif_of(&docs, &ARGS);
    let run = &log["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), json.len());
    // Files without diagnostics are still artifacts; results point at them by index.
    assert_eq!(run["artifacts"].as_array().unwrap().len(), 3);
    for (r, (path, code, severity, message, range)) in results.iter().zip(&json) {
        assert_eq!(r["ruleId"], code.as_str());
        let level = match severity.as_str() {
            "info" => "note",
            other => other,
        };
        assert_eq!(r["level"], level, "{code}");
        assert!(r["message"]["text"].as_str().unwrap().starts_with(message.as_str()));
        let location = &r["locations"][0]["physicalLocation"];
        let region = &location["region"];
        let actual = ["startLine", "startColumn", "endLine", "endColumn"].map(|k| region[k].as_u64().unwrap());
        assert_eq!(&actual, range, "{path}: {code}");
        let index = location["artifactLocation"]["index"].as_u64().unwrap() as usize;
        assert_eq!(run["artifacts"][index]["location"]["uri"], location["artifactLocation"]["uri"]);
    }
    assert!(results.iter().any(|r| r["level"] == "note"), "unranked-job is an info in this project");
    // Columns count Unicode scalar values: the emoji before `h` is one column.
    let line = MARIAGE.split("\r\n").nth(4).unwrap();
    let column = line[..line.find(" h ").unwrap() + 1].chars().count() as u64 + 1;
    assert_eq!((5, column), MARIAGE_H);
    let h = results
        .iter()
        .find(|r| r["ruleId"] == "uncreated-gain" && r["message"]["text"].as_str().unwrap().contains("`h`"))
        .unwrap();
    let region = &h["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startLine"].as_u64().unwrap(), region["startColumn"].as_u64().unwrap()), MARIAGE_H);
    assert_eq!(region["endColumn"].as_u64().unwrap(), MARIAGE_H.1 + 1);
    // The syntax error after `importance:` is an insertion point: an empty region.
    let syntax = results.iter().find(|r| r["ruleId"] == "syntax-error").unwrap();
    let region = &syntax["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startColumn"], region["endColumn"]);
    // The duplicate identifier points back at the first definition.
    let duplicate = results.iter().find(|r| r["ruleId"] == "duplicate-id").unwrap();
    let related = duplicate["relatedLocations"].as_array().unwrap();
    assert_eq!(related.len(), 1);
    assert_eq!(related[0]["physicalLocation"]["region"]["startLine"], 4);
    assert_eq!(related[0]["message"]["text"], "`p` is first defined here");
}

#[test]
fn sarif_paths_outside_git_are_relative_to_the_current_folder_else_absolute() {
    let dir = tempfile::tempdir().unwrap();
    project(&dir.path().join("work"));
    write_files(dir.path(), &[("elsewhere/x y.vpc", ERRS)]);
    let work = dir.path().join("work");
    let log = sarif_of(&work, &["docs", "clean.vpc", "../elsewhere/x y.vpc"]);
    assert_valid(&sarif_validator(), &log);
    let uris: Vec<&str> = log["runs"][0]["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["location"]["uri"].as_str().unwrap())
        .collect();
    assert_eq!(uris.len(), 4);
    let outside = uris.iter().find(|u| u.ends_with("x%20y.vpc")).unwrap();
    assert!(outside.starts_with("file:///") && outside.ends_with("/elsewhere/x%20y.vpc"), "{outside}");
    let mut inside: Vec<&str> = uris.iter().copied().filter(|u| !u.starts_with("file:")).collect();
    inside.sort();
    assert_eq!(inside, ["clean.vpc", "docs/my%20canvases/Mariage%20%F0%9F%92%8D.vpc", "docs/odd%2Cname%3A50%25.vpc"]);

    // A file named twice is one artifact (SARIF wants them unique), its results given once.
    let once = sarif_of(&work, &["docs/odd,name:50%.vpc"]);
    let twice = sarif_of(&work, &["docs/odd,name:50%.vpc", "./docs/odd,name:50%.vpc", "docs/../docs/odd,name:50%.vpc"]);
    assert_valid(&sarif_validator(), &twice);
    assert_eq!(twice["runs"][0]["artifacts"], once["runs"][0]["artifacts"]);
    assert_eq!(twice["runs"][0]["results"], once["runs"][0]["results"]);
}

// --- GitHub workflow commands ----------------------------------------------------------

#[test]
fn github_workflow_commands() {
    let (_dir, docs) = repo();
    let out = check(&docs, "github", &ARGS);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.is_empty());
    let text = stdout(&out);
    insta::assert_snapshot!(text);

    // One command per diagnostic, nothing else; positions as in --format json.
    let json = json_diagnostics(&json_of(&docs, &ARGS));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), json.len());
    for (line, (path, code, severity, message, [l, c, el, ec])) in lines.iter().zip(&json) {
        let command = match severity.as_str() {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        // The path as given, less its leading `./`.
        let file = path.strip_prefix("./").unwrap_or(path).replace('%', "%25").replace(':', "%3A").replace(',', "%2C");
        let expected = format!("::{command} file={file},line={l},col={c},endLine={el},endColumn={ec},title={code}::");
        assert!(line.starts_with(&expected), "{line}\n{expected}");
        let data = &line[expected.len()..];
        assert!(!data.contains('\r') && !data.contains('\n'));
        // File text in the message has its control characters written as `\u{…}`.
        let printable = vpc_syntax::printable::escape(message);
        assert!(unescape_data(data).starts_with(printable.as_ref()), "{data}");
    }
    assert!(!text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "no control character raw: {text}");
    // The title of the odd canvas, escaped: its bell, line feed and CR as `\u{…}`, so
    // that neither the log nor the annotation shows them raw or breaks the line.
    let odd = lines.iter().find(|l| l.contains("title=missing-section")).unwrap();
    assert!(odd.starts_with("::warning file=odd%2Cname%3A50%25.vpc,line=1,"), "{odd}");
    assert!(
        odd.contains(
            "::canvas `50%25 off, really: yes & <no> \"q\" \\u{7}bell\\u{A}line\ttab\\u{D}` has no value map%0Ahelp: "
        ),
        "{odd}"
    );
}

/// What the runner does to a command's message.
fn unescape_data(data: &str) -> String {
    data.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
}

#[test]
fn github_prints_nothing_for_clean_files_and_keeps_the_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    write_files(
        dir.path(),
        &[
            ("clean.vpc", CLEAN),
            ("errs.vpc", ERRS),
            (
                "warns.vpc",
                "canvas c \"C\" {\n  segment s \"S\" { job j \"J\" }\n  value-map { product p \"P\" { serves: j } }\n}\n",
            ),
        ],
    );
    let out = check(dir.path(), "github", &["clean.vpc"]);
    assert_eq!((out.status.code(), stdout(&out).as_str()), (Some(0), ""));
    let out = check(dir.path(), "github", &["warns.vpc"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).starts_with("::warning file=warns.vpc,line=2,col=23,endLine=2,endColumn=24,title=unranked-job::")
    );
    let out = vpc(dir.path(), &["check", "--format", "github", "--deny-warnings", "warns.vpc"]);
    assert_eq!(out.status.code(), Some(1));
    let out = check(dir.path(), "github", &["errs.vpc", "missing.vpc"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out).lines().count(), 1);
    assert!(stdout(&out).starts_with("::error file=errs.vpc,"));
    for format in ["sarif", "junit"] {
        assert_eq!(check(dir.path(), format, &["errs.vpc"]).status.code(), Some(1), "{format}");
        assert_eq!(check(dir.path(), format, &["warns.vpc"]).status.code(), Some(0), "{format}");
        assert_eq!(check(dir.path(), format, &["missing.vpc", "clean.vpc"]).status.code(), Some(2), "{format}");
    }
}

// --- JUnit XML -------------------------------------------------------------------------

#[test]
fn junit_reads_back_with_the_right_counts() {
    let (_dir, docs) = repo();
    let out = check(&docs, "junit", &ARGS);
    assert_eq!(out.status.code(), Some(1));
    let xml = stdout(&out);
    insta::assert_snapshot!(xml);

    let doc = roxmltree::Document::parse(&xml).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let count = |n: roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<usize>().unwrap();
    let suites: Vec<roxmltree::Node> = root.children().filter(|n| n.has_tag_name("testsuite")).collect();
    let report = json_of(&docs, &ARGS);
    let files = report["files"].as_array().unwrap();
    assert_eq!(suites.len(), files.len());
    let json = json_diagnostics(&report);
    let (mut tests, mut failures) = (0, 0);
    for (suite, file) in suites.iter().zip(files) {
        let path = file["path"].as_str().unwrap();
        assert_eq!(suite.attribute("name"), Some(path));
        let cases: Vec<roxmltree::Node> = suite.children().filter(|n| n.has_tag_name("testcase")).collect();
        let failed = cases.iter().filter(|c| c.children().any(|n| n.has_tag_name("failure"))).count();
        assert_eq!(count(*suite, "tests"), cases.len());
        assert_eq!(count(*suite, "failures"), failed);
        tests += cases.len();
        failures += failed;
        // One test case per code that fired, else one passing `vpc check`.
        let mut codes: Vec<&str> = json.iter().filter(|d| d.0 == path).map(|d| d.1.as_str()).collect();
        codes.dedup();
        let names: Vec<&str> = cases.iter().map(|c| c.attribute("name").unwrap()).collect();
        if codes.is_empty() {
            assert_eq!(names, ["vpc check"]);
            assert!(cases[0].children().all(|n| !n.is_element()));
        } else {
            let mut sorted = names.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), names.len(), "{names:?}");
            assert!(codes.iter().all(|c| names.contains(c)), "{codes:?} {names:?}");
        }
        for case in &cases {
            assert_eq!(case.attribute("file"), Some(path));
            assert_eq!(case.attribute("classname"), Some(path.strip_suffix(".vpc").unwrap()));
            let body: String = case.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap()).collect();
            for (_, code, severity, message, [line, column, ..]) in
                json.iter().filter(|d| d.0 == path && Some(d.1.as_str()) == case.attribute("name"))
            {
                // Characters XML cannot hold become U+FFFD; everything else comes back as it was.
                let message = message.replace('\u{7}', "\u{FFFD}");
                assert!(body.contains(&format!("{path}:{line}:{column}: {severity}[{code}]: {message}")), "{body:?}");
                let failure = case.children().find(|n| n.has_tag_name("failure"));
                if severity == "info" {
                    assert!(failure.is_none() && case.children().any(|n| n.has_tag_name("system-out")));
                } else {
                    assert_eq!(failure.unwrap().attribute("type"), Some(severity.as_str()));
                }
            }
        }
    }
    assert_eq!(count(root, "tests"), tests);
    assert_eq!(count(root, "failures"), failures);
    assert_eq!((tests, failures), (10, 6));
    // The odd title, through an attribute: quotes, `&`, `<`, line ends and tabs survive.
    let missing = doc
        .descendants()
        .find(|n| n.has_tag_name("testcase") && n.attribute("name") == Some("missing-section"))
        .unwrap();
    let message = missing.children().find(|n| n.has_tag_name("failure")).unwrap().attribute("message").unwrap();
    assert_eq!(message, "canvas `50% off, really: yes & <no> \"q\" \u{FFFD}bell\nline\ttab\r` has no value map");
}

#[test]
fn junit_groups_repeated_codes_and_lists_clean_files() {
    let out = vpc(&examples(), &["check", "--format", "junit", "flawed.vpc", "wedding.vpc"]);
    assert_eq!(out.status.code(), Some(1));
    let xml = stdout(&out);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let suites: Vec<roxmltree::Node> = doc.root_element().children().filter(|n| n.has_tag_name("testsuite")).collect();
    assert_eq!(suites.len(), 2);
    let flawed: Vec<roxmltree::Node> = suites[0].children().filter(|n| n.has_tag_name("testcase")).collect();
    // Every code but syntax-error fires in the flawed example.
    assert_eq!(flawed.len(), Code::ALL.len() - 1);
    let unrelieved = flawed.iter().find(|c| c.attribute("name") == Some("unrelieved-pain")).unwrap();
    let failure = unrelieved.children().find(|n| n.has_tag_name("failure")).unwrap();
    assert_eq!(failure.attribute("message"), Some(format!("2 warnings: {}", Code::UnrelievedPain.summary()).as_str()));
    let text = failure.text().unwrap();
    assert_eq!(text.lines().filter(|l| l.starts_with("flawed.vpc:")).count(), 2, "{text}");
    assert!(text.trim_end().ends_with(&format!("see {}", Code::UnrelievedPain.url())));
    let wedding: Vec<roxmltree::Node> = suites[1].children().filter(|n| n.has_tag_name("testcase")).collect();
    assert_eq!(wedding.len(), 1);
    assert_eq!(wedding[0].attribute("name"), Some("vpc check"));

    // No file at all: an empty, well-formed report.
    let empty = tempfile::tempdir().unwrap();
    let xml = stdout(&vpc(empty.path(), &["check", "--format", "junit"]));
    let doc = roxmltree::Document::parse(&xml).unwrap();
    assert_eq!(doc.root_element().attribute("tests"), Some("0"));
}
