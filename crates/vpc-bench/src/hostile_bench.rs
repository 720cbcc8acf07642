//! The adversarial benchmark: every stage of `vpc` on every family of hostile input
//! ([`crate::hostile`]) at 256 KB and 1 MB, as a Markdown table of times, the ratio
//! of the two (linear growth gives 4×), and the peak memory against the input.
//!
//! Each measurement runs in a child process of its own (this program again, with
//! `--child FAMILY BYTES STAGE`), so that its peak memory is its own and a stage that
//! takes too long can be stopped: the child makes the input, builds what the stage
//! needs (untimed), resets the kernel's peak-RSS mark (`/proc/self/clear_refs`), runs
//! the stage and prints its time and
//! the peak RSS (`VmHWM`) less the RSS the child had before it made the input (the
//! program itself): the input, what the stage was given, and what the stage took.
//! The parent stops a child after `--timeout` seconds.
//!
//! Times are CPU time of the child process (`CLOCK_PROCESS_CPUTIME_ID`) on one thread
//! (`RAYON_NUM_THREADS=1`, unless set otherwise), the best of up to 5 runs (as many as
//! fit in a second): the machine is shared, and CPU time on one thread counts the
//! work done whatever else runs, which is what growth is judged on. A file parsed on
//! several cores takes less wall-clock time than this.

use std::hint::black_box;
use std::io::Read;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use vpc_model::LintConfig;

use crate::hostile::{FAMILIES, Input, family};

/// The stages, in the order of the table.
pub const STAGES: &[(&str, &str)] = &[
    ("parse", "`vpc_syntax::parse`: lexing and parsing"),
    ("analyse", "`vpc_model::analyze`: model, references, lints"),
    ("fmt", "`vpc_fmt::format` (refuses text with syntax errors)"),
    ("svg", "`vpc_render::svg`"),
    ("html", "`vpc_render::html`"),
    ("diff", "`vpc_diff::diff` of the two versions (of the text with itself for other families)"),
    ("actions", "`vpc_ide::code_actions` over the whole file"),
    ("hover", "`vpc_ide::hover` at 100 offsets spread over the file"),
    ("completion", "`vpc_ide::completions` at 100 offsets spread over the file"),
    ("tokens", "`vpc_ide::semantic_tokens` of the whole file"),
];

const SIZES: [usize; 2] = [256 << 10, 1 << 20];

/// `vpc-adversarial [--family A,B] [--stage S,T] [--sizes 256KB,1MB] [--timeout SECONDS]`,
/// or `--child FAMILY BYTES STAGE` (one measurement, for the parent).
pub fn main(args: &[String]) -> ExitCode {
    if args.first().map(String::as_str) == Some("--child") {
        return child(&args[1..]);
    }
    let mut families: Vec<&str> = FAMILIES.iter().map(|f| f.name).collect();
    let mut stages: Vec<&str> = STAGES.iter().map(|s| s.0).collect();
    let mut sizes = SIZES.to_vec();
    let mut timeout = Duration::from_secs(60);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let value = rest.next().map(String::as_str);
        match (arg.as_str(), value) {
            ("--family", Some(v)) => families = v.split(',').collect(),
            ("--stage", Some(v)) => stages = v.split(',').collect(),
            ("--sizes", Some(v)) => match v.split(',').map(crate::parse_size).collect::<Option<Vec<_>>>() {
                Some(s) if s.len() == 2 => sizes = s,
                _ => return usage(&format!("`{v}` is not two sizes such as 256KB,1MB")),
            },
            ("--timeout", Some(v)) => match v.parse::<u64>() {
                Ok(s) => timeout = Duration::from_secs(s),
                Err(_) => return usage(&format!("`{v}` is not a number of seconds")),
            },
            _ => return usage(&format!("unknown option `{arg}`")),
        }
    }
    if let Some(f) = families.iter().find(|f| family(f).is_none()) {
        return usage(&format!("no family is called `{f}`"));
    }
    if let Some(s) = stages.iter().find(|s| !STAGES.iter().any(|(name, _)| name == *s)) {
        return usage(&format!("no stage is called `{s}`"));
    }
    let [small, large] = [sizes[0], sizes[1]];
    println!(
        "| family | stage | {} | {} | ratio | peak RSS at {} | × input |",
        crate::human(small),
        crate::human(large),
        crate::human(large)
    );
    println!("|---|---|---:|---:|---:|---:|---:|");
    for name in families {
        // Every stage parses first: when parsing alone takes too long, the others are not run.
        let mut too_slow = [false, false];
        for stage in &stages {
            let mut at = |i: usize, bytes: usize| {
                if too_slow[i] {
                    return Err("(parse too slow)".to_string());
                }
                let m = measure(name, bytes, stage, timeout);
                too_slow[i] = *stage == "parse" && m.is_err();
                m
            };
            let (a, b) = (at(0, small), at(1, large));
            let ratio = match (&a, &b) {
                (Ok(a), Ok(b)) if a.time > Duration::ZERO => {
                    let r = b.time.as_secs_f64() / a.time.as_secs_f64();
                    let big = large as f64 / small as f64;
                    // Linear growth gives `big`; over 1.25 × that is flagged.
                    if r > big * 1.25 { format!("**{r:.1}×**") } else { format!("{r:.1}×") }
                }
                _ => "–".to_string(),
            };
            let (peak, times) = match &b {
                Ok(m) => {
                    let times = m.peak_bytes as f64 / m.input_bytes.max(1) as f64;
                    let flag = if times >= 20.0 { format!("**{times:.0}×**") } else { format!("{times:.1}×") };
                    (format!("{:.1} MB", m.peak_bytes as f64 / 1e6), flag)
                }
                Err(_) => ("–".to_string(), "–".to_string()),
            };
            println!("| {name} | {stage} | {} | {} | {ratio} | {peak} | {times} |", show(&a), show(&b));
        }
    }
    ExitCode::SUCCESS
}

fn usage(problem: &str) -> ExitCode {
    eprintln!(
        "error: {problem}\nusage: vpc-adversarial [--family A,B] [--stage S,T] [--sizes 256KB,1MB] [--timeout SECONDS]"
    );
    ExitCode::from(2)
}

/// One stage on one input, as the child measured it.
struct Measure {
    time: Duration,
    peak_bytes: u64,
    input_bytes: usize,
}

fn show(m: &Result<Measure, String>) -> String {
    match m {
        Ok(m) if m.time >= Duration::from_secs(1) => format!("{:.2} s", m.time.as_secs_f64()),
        Ok(m) if m.time >= Duration::from_millis(1) => format!("{:.1} ms", m.time.as_secs_f64() * 1e3),
        Ok(m) => format!("{:.0} µs", m.time.as_secs_f64() * 1e6),
        Err(e) => e.clone(),
    }
}

/// Run one measurement in a child process, stopped after `timeout`.
fn measure(family: &str, bytes: usize, stage: &str, timeout: Duration) -> Result<Measure, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut command = Command::new(exe);
    if std::env::var_os("RAYON_NUM_THREADS").is_none() {
        command.env("RAYON_NUM_THREADS", "1");
    }
    let mut child = command
        .args(["--child", family, &bytes.to_string(), stage])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| e.to_string())?;
    let start = Instant::now();
    loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) if status.success() => break,
            Some(status) => return Err(format!("failed ({status})")),
            None if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("> {} s", timeout.as_secs()));
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    }
    let mut out = String::new();
    child.stdout.take().map(|mut s| s.read_to_string(&mut out)).transpose().map_err(|e| e.to_string())?;
    let fields: Vec<u64> = out.split_whitespace().filter_map(|f| f.parse().ok()).collect();
    match fields[..] {
        [nanos, peak_kb, input] => {
            Ok(Measure { time: Duration::from_nanos(nanos), peak_bytes: peak_kb * 1024, input_bytes: input as usize })
        }
        _ => Err(format!("unreadable child output `{out}`")),
    }
}

/// A line of `/proc/self/status` in kB, e.g. `VmHWM`.
fn status_kb(key: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// The CPU time the process has used so far (all its threads).
fn cpu_time() -> Duration {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec for the call to fill.
    if unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) } != 0 {
        return Duration::ZERO;
    }
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// The best CPU time of `f`: up to 5 runs, as many as fit in about a second (at least one).
fn best<T>(mut f: impl FnMut() -> T) -> Duration {
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < 5 && (times.is_empty() || started.elapsed() < Duration::from_secs(1)) {
        let start = cpu_time();
        let out = black_box(f());
        times.push(cpu_time().saturating_sub(start));
        drop(out);
    }
    times.into_iter().min().unwrap_or_default()
}

/// 100 offsets spread evenly over `text`.
fn offsets(text: &str) -> impl Iterator<Item = usize> + '_ {
    (0..100).map(move |i| i * text.len() / 100)
}

/// The child: one stage on one input; prints `nanoseconds peak-kB input-bytes`, the
/// peak less the RSS before the input was made.
fn child(args: &[String]) -> ExitCode {
    let [name, bytes, stage] = args else { return usage("--child takes FAMILY BYTES STAGE") };
    let (Some(family), Ok(bytes)) = (family(name), bytes.parse::<usize>()) else {
        return usage("--child takes FAMILY BYTES STAGE");
    };
    if !STAGES.iter().any(|(s, _)| s == stage) {
        return usage(&format!("no stage is called `{stage}`"));
    }
    let before = status_kb("VmRSS");
    let input = family.generate(bytes);
    let input_bytes = input.len();
    // From here on, the peak is the input, what the stage is given, and the stage.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let time = run(stage, &input);
    println!("{} {} {input_bytes}", time.as_nanos(), status_kb("VmHWM").saturating_sub(before));
    ExitCode::SUCCESS
}

fn run(stage: &str, input: &Input) -> Duration {
    let text = input.text.as_str();
    let config = LintConfig::default();
    match stage {
        "parse" => best(|| vpc_syntax::parse(text)),
        "analyse" => {
            let parse = vpc_syntax::parse(text);
            best(|| vpc_model::analyze(text, &parse, &config))
        }
        "fmt" => best(|| vpc_fmt::format(text, &vpc_fmt::FormatOptions::default())),
        "svg" | "html" => {
            let (_, analysis) = vpc_model::check(text, &config);
            match stage {
                "svg" => best(|| vpc_render::svg(&analysis.canvases)),
                _ => best(|| vpc_render::html(&analysis.canvases)),
            }
        }
        "diff" => {
            let (_, old) = vpc_model::check(text, &config);
            let (_, new) = vpc_model::check(input.new.as_deref().unwrap_or(text), &config);
            best(|| vpc_diff::diff(&old, &new))
        }
        _ => {
            let file = vpc_ide::File::new(text.to_string(), &config);
            match stage {
                "actions" => best(|| vpc_ide::code_actions(&file, vpc_ide::Span::new(0, text.len()))),
                // Each answer dropped before the next request, as a server does.
                "hover" => best(|| offsets(text).filter(|&o| black_box(vpc_ide::hover(&file, o)).is_some()).count()),
                "completion" => {
                    best(|| offsets(text).map(|o| black_box(vpc_ide::completions(&file, o)).len()).sum::<usize>())
                }
                _ => best(|| vpc_ide::semantic_tokens(&file, None)),
            }
        }
    }
}
