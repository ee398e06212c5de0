//! `xiaoqu`: audit governance documents of residential compounds (小区) from the command line.
//!
//! A thin layer over the library: it reads files, picks a policy, calls [`xiaoqu::audit`] and
//! prints the report the library renders. Exit codes of `audit`: 0 no finding at or above the
//! denied severity, 1 such findings, 2 an input or profile could not be read or loaded.

// The CLI is the one place in the crate that prints. It writes through `writeln!` on locked
// handles rather than `println!`, so that a closed pipe (`xiaoqu audit … | head`) is an error
// it handles instead of a panic.
#![allow(clippy::print_stdout, clippy::print_stderr, reason = "the CLI is the one place that prints")]

use std::fmt::{self, Write as _};
use std::io::{self, Read as _, Write as _};
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use xiaoqu::policy::Params;
use xiaoqu::report::{Baseline, BaselineOutcome, ReportOptions, Source};
use xiaoqu::rules::RuleMeta;
use xiaoqu::{GovernanceConfig, Lang, LoadError, Policy, RuleCode, Severity};

/// Typed models and validation rules for party-building-led residential compound governance.
#[derive(Debug, Parser)]
#[command(name = "xiaoqu", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Audit governance documents (JSON, or TOML by the `.toml` extension; `-` or none: stdin).
    Audit(AuditArgs),
    /// List the rule catalogue.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Language of the summaries in text output.
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
    },
    /// Explain one rule: what, why, source, parameters, and whether the profile runs it.
    Explain {
        /// A rule code such as `CFG001`.
        code: String,
        /// Language of the labels.
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// A preset (national, default, beijing, shanghai, hangzhou) or a profile file (`.json`
        /// or `.toml`): shows the rule's parameters under it, each value's source and the
        /// citation the profile gives the rule.
        #[arg(long, value_name = "NAME|PATH")]
        profile: Option<String>,
    },
    /// Print a JSON Schema (draft 2020-12): of documents (the default) or of profile files.
    Schema {
        /// Which schema.
        #[arg(value_enum, default_value_t = SchemaKind::Document)]
        kind: SchemaKind,
    },
    /// Tally an owners'-assembly vote (民法典 Art 278): area and heads, quorum, approval, and
    /// what is still missing, per matter.
    Tally(TallyArgs),
    /// District summary: party coverage, committee formation, party share, cross-appointment,
    /// liaison households, account balances, overdue disclosures and audits, votes; per district
    /// and per compound.
    Summary(SummaryArgs),
    /// Generate an example district document (deterministic for a seed); with `--violations`,
    /// inject known violations and write their manifest.
    Example(ExampleArgs),
}

#[derive(Debug, clap::Args)]
struct ExampleArgs {
    /// Number of compounds.
    #[arg(long, default_value_t = 12, value_name = "N")]
    compounds: usize,
    /// Seed: the same seed gives the same document, byte for byte.
    #[arg(long, default_value_t = 0, value_name = "S")]
    seed: u64,
    /// Inject violations (about three compounds in four get one).
    #[arg(long)]
    violations: bool,
    /// Write the manifest of injected violations (`[{ "code", "subject", "compound" }]`) to FILE.
    #[arg(long, value_name = "FILE")]
    manifest: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExampleFormat::Json)]
    format: ExampleFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExampleFormat {
    Json,
    Toml,
}

#[derive(Debug, clap::Args)]
struct SummaryArgs {
    /// The document (JSON, or TOML by the `.toml` extension; `-`: JSON from stdin).
    #[arg(value_name = "FILE|-")]
    file: String,
    /// Output format (`csv`: one row per compound).
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    format: SummaryFormat,
    /// Language of the text output.
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    lang: LangArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SummaryFormat {
    Text,
    Json,
    Csv,
}

#[derive(Debug, clap::Args)]
struct TallyArgs {
    /// The document (JSON, or TOML by the `.toml` extension; `-`: JSON from stdin).
    #[arg(value_name = "FILE|-")]
    file: String,
    /// The compound's id.
    #[arg(long, value_name = "ID")]
    compound: String,
    /// The assembly vote's id.
    #[arg(long, value_name = "ID")]
    assembly: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Language of the text output.
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    lang: LangArg,
}

#[derive(Debug, clap::Args)]
struct AuditArgs {
    /// Documents to audit; `-` reads JSON from stdin (the default when none is given).
    #[arg(value_name = "FILE|-")]
    files: Vec<String>,
    /// A preset (national, default, beijing, shanghai, hangzhou) or a profile file (`.json` or
    /// `.toml`); without it each document's own `profile` applies.
    #[arg(long, value_name = "NAME|PATH")]
    profile: Option<String>,
    /// Output format (`sarif`: SARIF 2.1.0, one run per file, lines of findings in the file).
    #[arg(long, value_enum, default_value_t = AuditFormat::Text)]
    format: AuditFormat,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    lang: LangArg,
    /// Also fail (exit 1) on findings of this severity.
    #[arg(long, value_enum, value_name = "LEVEL")]
    deny: Option<Deny>,
    /// Colour severities in text output: `auto` when stdout is a terminal and `NO_COLOR` is
    /// not set.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    color: ColorArg,
    /// Show people's names next to their ids (reports name people by id only otherwise).
    #[arg(long)]
    show_names: bool,
    /// Drop the findings this baseline file accepts before the exit code is decided; report how
    /// many were dropped and which entries no longer match any finding.
    #[arg(long, value_name = "FILE")]
    baseline: Option<String>,
    /// Write every finding of this run to FILE as a baseline (they are accepted: exit 0 unless
    /// an input could not be read).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<String>,
    /// Read each FILE as NDJSON: one document per line, each audited and reported on its own
    /// (as `FILE:LINE`) with one line in memory at a time. Implied by a `.ndjson` or `.jsonl`
    /// name.
    #[arg(long)]
    ndjson: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SchemaKind {
    /// A governance document (`xiaoqu audit FILE`).
    Document,
    /// A profile file (`--profile PATH`, or a document's `profile` object).
    Profile,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum AuditFormat {
    /// Grouped by compound, for people.
    Text,
    /// One JSON report; with several documents, an array of reports each naming its `document`.
    Json,
    /// One compact JSON report per line, each naming its `document`, written as each document
    /// is audited (memory stays flat for NDJSON input).
    Jsonl,
    /// SARIF 2.1.0: one run per file.
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    /// When stdout is a terminal and `NO_COLOR` is unset or empty.
    Auto,
    /// Always (even when `NO_COLOR` is set).
    Always,
    /// Never.
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangArg {
    /// Chinese (中文).
    Zh,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => Self::Zh,
            LangArg::En => Self::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Deny {
    /// Warnings count as failures too.
    Warnings,
}

/// How a command ended, in exit-code order: the worst of several wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    /// Nothing at or above the denied severity.
    Clean = 0,
    /// Findings at or above the denied severity.
    Findings = 1,
    /// An input, a profile or the output could not be handled.
    Trouble = 2,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> Self {
        Self::from(s as u8)
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Usage errors exit 2 like unreadable input; `--help` and `--version` exit 0.
            let code = e.exit_code();
            let _ = e.print();
            return ExitCode::from(u8::try_from(code).unwrap_or(2));
        }
    };
    let mut out = Stdout::default();
    let status = match cli.command {
        Command::Audit(args) => audit(&args, &mut out),
        Command::Rules { format, lang } => rules(format, lang.into(), &mut out),
        Command::Explain { code, lang, profile } => explain(&code, lang.into(), profile.as_deref(), &mut out),
        Command::Schema { kind } => schema(kind, &mut out),
        Command::Tally(args) => tally(&args, &mut out),
        Command::Summary(args) => summary(&args, &mut out),
        Command::Example(args) => example(&args, &mut out),
    };
    out.finish(status).into()
}

/// Standard output that remembers its first failure instead of panicking on it.
#[derive(Debug, Default)]
struct Stdout {
    failed: Option<io::Error>,
}

impl Stdout {
    fn write(&mut self, text: &str) {
        if self.failed.is_some() {
            return;
        }
        let mut lock = io::stdout().lock();
        if let Err(e) = lock.write_all(text.as_bytes()).and_then(|()| lock.flush()) {
            self.failed = Some(e);
        }
    }

    /// The final status: a reader that closed the pipe early does not change it (the audit's
    /// verdict stands); any other write failure is trouble.
    fn finish(self, status: Status) -> Status {
        match self.failed {
            Some(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                complain(format_args!("cannot write output: {e}"));
                Status::Trouble
            }
            _ => status,
        }
    }
}

/// One line on stderr: `xiaoqu: <what>`.
fn complain(what: fmt::Arguments<'_>) {
    let _ = writeln!(io::stderr().lock(), "xiaoqu: {what}");
}

// ---------------------------------------------------------------------------------------------
// audit

fn audit(args: &AuditArgs, out: &mut Stdout) -> Status {
    let lang = Lang::from(args.lang);
    let forced = match args.profile.as_deref().map(load_policy).transpose() {
        Ok(p) => p,
        Err(line) => {
            complain(format_args!("{line}"));
            return Status::Trouble;
        }
    };
    let baseline = match args.baseline.as_deref().map(read_baseline).transpose() {
        Ok(b) => b,
        Err(line) => {
            complain(format_args!("{line}"));
            return Status::Trouble;
        }
    };
    let deny = if args.deny == Some(Deny::Warnings) { Severity::Warning } else { Severity::Error };
    let stdin = [String::from("-")];
    let files = if args.files.is_empty() { &stdin[..] } else { &args.files[..] };

    let mut status = Status::Clean;
    let mut sink = ReportSink::new(args, files.len() > 1 || files.iter().any(|f| is_ndjson(f, args)));
    let mut accepted = Baseline::new();
    let mut outcomes = Vec::new();
    for file in files {
        let label = if file == "-" { "<stdin>" } else { file.as_str() };
        if is_ndjson(file, args) {
            let kept = (&mut accepted, &mut outcomes);
            status = status.max(audit_ndjson(file, args, forced.as_ref(), baseline.as_ref(), &mut sink, kept, out));
            continue;
        }
        let (cfg, text) = match load_document_text(file) {
            Ok(loaded) => loaded,
            Err(problem) => {
                complain(format_args!("{label}: {problem}"));
                status = status.max(Status::Trouble);
                continue;
            }
        };
        let policy = match &forced {
            Some(p) => p.clone(),
            None => match cfg.policy() {
                Ok(p) => p,
                Err(e) => {
                    complain(format_args!("{label}: profile: {e}"));
                    status = status.max(Status::Trouble);
                    continue;
                }
            },
        };
        let mut report = xiaoqu::audit(&cfg, &policy);
        accepted.extend(&report);
        if let Some(b) = &baseline {
            let (kept, outcome) = report.apply_baseline(b);
            report = kept;
            outcomes.push(outcome);
        }
        if report.has_at_least(deny) && args.write_baseline.is_none() {
            status = status.max(Status::Findings);
        }
        let source =
            if is_toml(file) { std::str::from_utf8(&text).ok().map(Source::Toml) } else { Some(Source::Json(&text)) };
        status = status.max(sink.add(label, (file != "-").then_some(file.as_str()), &report, &cfg, source, out));
    }
    status = status.max(sink.finish(out));
    if let Some(b) = &baseline {
        baseline_notes(b, &outcomes, args.format == AuditFormat::Text, lang, out);
    }
    if let Some(path) = &args.write_baseline {
        status = status.max(write_baseline(path, &accepted));
    }
    status
}

/// Whether `file` is read as NDJSON (`--ndjson`, or a `.ndjson` / `.jsonl` name).
fn is_ndjson(file: &str, args: &AuditArgs) -> bool {
    args.ndjson
        || Path::new(file)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ndjson") || e.eq_ignore_ascii_case("jsonl"))
}

/// `audit` over an NDJSON file: each line is loaded, audited, reported as `FILE:LINE` and
/// dropped (`xiaoqu::stream`), so memory follows the longest line, not the file. A line that
/// does not load is reported on stderr with its line number (exit 2) and the next is read.
fn audit_ndjson(
    file: &str,
    args: &AuditArgs,
    forced: Option<&Policy>,
    baseline: Option<&Baseline>,
    sink: &mut ReportSink,
    (accepted, outcomes): (&mut Baseline, &mut Vec<BaselineOutcome>),
    out: &mut Stdout,
) -> Status {
    let label = if file == "-" { "<stdin>" } else { file };
    let reader: Box<dyn io::BufRead> = if file == "-" {
        Box::new(io::stdin().lock())
    } else {
        match std::fs::File::open(file) {
            Ok(f) => Box::new(io::BufReader::new(f)),
            Err(e) => {
                complain(format_args!("{label}: cannot read: {e}"));
                return Status::Trouble;
            }
        }
    };
    let deny = if args.deny == Some(Deny::Warnings) { Severity::Warning } else { Severity::Error };
    let mut status = Status::Clean;
    for doc in xiaoqu::stream::documents(reader) {
        let (line, cfg) = match doc {
            Ok(d) => d,
            Err(e) => {
                complain(format_args!("{label}: {e}"));
                status = status.max(Status::Trouble);
                continue;
            }
        };
        let policy = match forced.map_or_else(|| cfg.policy(), |p| Ok(p.clone())) {
            Ok(p) => p,
            Err(e) => {
                complain(format_args!("{label}:{line}: profile: {e}"));
                status = status.max(Status::Trouble);
                continue;
            }
        };
        let mut report = xiaoqu::audit(&cfg, &policy);
        accepted.extend(&report);
        if let Some(b) = baseline {
            let (kept, outcome) = report.apply_baseline(b);
            report = kept;
            outcomes.push(outcome);
        }
        if report.has_at_least(deny) && args.write_baseline.is_none() {
            status = status.max(Status::Findings);
        }
        let name = format!("{label}:{line}");
        status = status.max(sink.add(&name, (file != "-").then_some(file), &report, &cfg, None, out));
    }
    status
}

/// Where reports go as files are audited: text and JSON lines are written at once, JSON and
/// SARIF once all files are in when there are several (one array, one log).
struct ReportSink {
    format: AuditFormat,
    lang: Lang,
    color: bool,
    show_names: bool,
    several: bool,
    written: usize,
    values: Vec<serde_json::Value>,
}

impl ReportSink {
    fn new(args: &AuditArgs, several: bool) -> Self {
        let color = match args.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                use std::io::IsTerminal as _;
                io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        Self {
            format: args.format,
            lang: args.lang.into(),
            color,
            show_names: args.show_names,
            several,
            written: 0,
            values: Vec::new(),
        }
    }

    /// Renders one report; `uri` is the file as given (none for stdin).
    fn add(
        &mut self,
        label: &str,
        uri: Option<&str>,
        report: &xiaoqu::Report,
        cfg: &GovernanceConfig,
        source: Option<Source<'_>>,
        out: &mut Stdout,
    ) -> Status {
        let mut opts = ReportOptions::new().lang(self.lang).color(self.color);
        if self.show_names {
            opts = opts.show_names(cfg);
        }
        if let Some(uri) = uri {
            opts = opts.artifact_uri(uri);
        }
        if let Some(source) = source {
            opts = opts.source(source);
        }
        let rendered = match self.format {
            AuditFormat::Text => {
                let mut text = String::new();
                if self.several {
                    if self.written > 0 {
                        text.push('\n');
                    }
                    let _ = writeln!(text, "==> {label} <==");
                }
                text.push_str(&report.render_text(&opts));
                Ok(Some(text))
            }
            AuditFormat::Json if self.several => named(report, opts, label).map(|v| {
                self.values.push(v);
                None
            }),
            AuditFormat::Json => report.to_json_string_with(&opts).map(|s| Some(s + "\n")),
            AuditFormat::Jsonl => {
                named(report, opts, label).and_then(|v| serde_json::to_string(&v)).map(|s| Some(s + "\n"))
            }
            AuditFormat::Sarif => {
                self.values.push(report.to_sarif_value(&opts));
                Ok(None)
            }
        };
        self.written += 1;
        match rendered {
            Ok(Some(text)) => {
                out.write(&text);
                Status::Clean
            }
            Ok(None) => Status::Clean,
            Err(e) => render_failed(label, &e),
        }
    }

    /// Writes what was held back: the JSON array, or the SARIF log with one run per file.
    fn finish(self, out: &mut Stdout) -> Status {
        let value = match self.format {
            AuditFormat::Text | AuditFormat::Jsonl => return Status::Clean,
            AuditFormat::Json if !self.several => return Status::Clean,
            AuditFormat::Json => serde_json::Value::Array(self.values),
            AuditFormat::Sarif => {
                let mut logs = self.values.into_iter();
                let Some(mut log) = logs.next() else { return Status::Clean };
                let more: Vec<serde_json::Value> =
                    logs.flat_map(|l| l.get("runs").and_then(|r| r.as_array()).cloned().unwrap_or_default()).collect();
                if let Some(runs) = log.get_mut("runs").and_then(|r| r.as_array_mut()) {
                    runs.extend(more);
                }
                log
            }
        };
        match serde_json::to_string_pretty(&value) {
            Ok(s) => {
                out.write(&(s + "\n"));
                Status::Clean
            }
            Err(e) => render_failed("reports", &e),
        }
    }
}

/// The JSON report with the document it is about (`FILE`, `FILE:LINE` for NDJSON, `-` for
/// stdin) as its `document`.
fn named(
    report: &xiaoqu::Report,
    opts: ReportOptions<'_>,
    label: &str,
) -> Result<serde_json::Value, serde_json::Error> {
    let mut value = serde_json::to_value(report.view_with(opts))?;
    if let Some(map) = value.as_object_mut() {
        map.insert("document".to_owned(), serde_json::Value::String(label.to_owned()));
    }
    Ok(value)
}

/// Reads `--baseline FILE`; the error is the line to print.
fn read_baseline(path: &str) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read baseline: {e}"))?;
    Baseline::from_json_str(&text).map_err(|e| format!("{path}: not a baseline: {e}"))
}

/// Writes `--write-baseline FILE`, with one line on stderr saying how many entries.
fn write_baseline(path: &str, baseline: &Baseline) -> Status {
    let written = baseline
        .to_json_string()
        .map_err(|e| e.to_string())
        .and_then(|s| std::fs::write(path, s + "\n").map_err(|e| e.to_string()));
    match written {
        Ok(()) => {
            complain(format_args!("wrote {} baseline entries to {path}", baseline.entries.len()));
            Status::Clean
        }
        Err(e) => {
            complain(format_args!("{path}: cannot write baseline: {e}"));
            Status::Trouble
        }
    }
}

/// How many findings the baseline dropped and which of its entries matched nothing: on stdout
/// after a text report, on stderr after JSON or SARIF (whose stdout stays one document).
fn baseline_notes(baseline: &Baseline, outcomes: &[BaselineOutcome], text: bool, lang: Lang, out: &mut Stdout) {
    let suppressed: usize = outcomes.iter().map(|o| o.suppressed).sum();
    let stale = baseline.unused(outcomes);
    let mut notes = String::new();
    let _ = match lang {
        Lang::Zh => writeln!(notes, "xiaoqu: 基线已抑制 {suppressed} 条发现, {} 条基线条目已不再出现", stale.len()),
        Lang::En => writeln!(
            notes,
            "xiaoqu: baseline suppressed {suppressed} finding(s); {} stale baseline entr{}",
            stale.len(),
            if stale.len() == 1 { "y" } else { "ies" }
        ),
    };
    for e in &stale {
        let _ = writeln!(notes, "  stale: {} {} {}", e.code, e.compound.as_deref().unwrap_or("-"), e.subject);
    }
    if text {
        out.write(&notes);
    } else {
        let _ = io::stderr().lock().write_all(notes.as_bytes());
    }
}

fn render_failed(label: &str, e: &serde_json::Error) -> Status {
    complain(format_args!("{label}: cannot render the report: {e}"));
    Status::Trouble
}

/// Why a document could not be audited: it could not be read, or it did not load.
enum Problem {
    Read(io::Error),
    NotUtf8,
    Load(LoadError),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Read(e) => write!(f, "cannot read: {e}"),
            Self::NotUtf8 => f.write_str("cannot read: not UTF-8 text"),
            Self::Load(e) => e.fmt(f),
        }
    }
}

fn is_toml(file: &str) -> bool {
    Path::new(file).extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

fn load_document(file: &str) -> Result<GovernanceConfig, Problem> {
    if file == "-" {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes).map_err(Problem::Read)?;
        return GovernanceConfig::from_json_slice(&bytes).map_err(Problem::Load);
    }
    let bytes = std::fs::read(file).map_err(Problem::Read)?;
    if is_toml(file) {
        let text = String::from_utf8(bytes).map_err(|_| Problem::NotUtf8)?;
        GovernanceConfig::from_toml_str(&text).map_err(Problem::Load)
    } else {
        GovernanceConfig::from_json_slice(&bytes).map_err(Problem::Load)
    }
}

/// [`load_document`] that also returns the text, for SARIF lines.
fn load_document_text(file: &str) -> Result<(GovernanceConfig, Vec<u8>), Problem> {
    let bytes = if file == "-" {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes).map_err(Problem::Read)?;
        bytes
    } else {
        std::fs::read(file).map_err(Problem::Read)?
    };
    let cfg = if file != "-" && is_toml(file) {
        let text = std::str::from_utf8(&bytes).map_err(|_| Problem::NotUtf8)?;
        GovernanceConfig::from_toml_str(text).map_err(Problem::Load)?
    } else {
        GovernanceConfig::from_json_slice(&bytes).map_err(Problem::Load)?
    };
    Ok((cfg, bytes))
}

/// The policy `--profile` names: a profile file when the value is an existing file, else a
/// preset. The error is the line to print.
fn load_policy(value: &str) -> Result<Policy, String> {
    if Path::new(value).is_file() {
        let text = match std::fs::read(value).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(_)) => return Err(format!("{value}: cannot read profile: not UTF-8 text")),
            Err(e) => return Err(format!("{value}: cannot read profile: {e}")),
        };
        let loaded = if is_toml(value) {
            xiaoqu::config::policy_from_toml_str(&text)
        } else {
            xiaoqu::config::policy_from_json_str(&text)
        };
        return loaded.map_err(|e| format!("{value}: {e}"));
    }
    Policy::preset(value).map_err(|e| format!("--profile: {e}, and no profile file of that name"))
}

// ---------------------------------------------------------------------------------------------
// rules, explain, schema

fn rules(format: Format, lang: Lang, out: &mut Stdout) -> Status {
    let catalogue = xiaoqu::rules::catalogue();
    match format {
        Format::Text => {
            let name_width = catalogue.iter().map(|m| m.code.name().len()).max().unwrap_or(0);
            let mut text = String::new();
            for m in catalogue {
                let summary = match lang {
                    Lang::Zh => m.summary_zh,
                    Lang::En => m.summary_en,
                };
                let _ = writeln!(
                    text,
                    "{:<6}  {:<7}  {:<8}  {:<name_width$}  {summary}",
                    m.code.as_str(),
                    m.severity.as_str(),
                    m.basis.as_str(),
                    m.code.name(),
                );
            }
            out.write(&text);
            Status::Clean
        }
        Format::Json => {
            let rules: Vec<RuleJson> = catalogue.iter().map(rule_json).collect();
            match serde_json::to_string_pretty(&rules) {
                Ok(s) => {
                    out.write(&(s + "\n"));
                    Status::Clean
                }
                Err(e) => render_failed("rules", &e),
            }
        }
    }
}

/// One rule of `rules --format json`, keys in the documented order.
#[derive(serde::Serialize)]
struct RuleJson {
    code: &'static str,
    name: &'static str,
    severity: Severity,
    basis: xiaoqu::Basis,
    citation: &'static str,
    sources: &'static str,
    summary_zh: &'static str,
    summary_en: &'static str,
    params: &'static [&'static str],
}

fn rule_json(m: &RuleMeta) -> RuleJson {
    RuleJson {
        code: m.code.as_str(),
        name: m.code.name(),
        severity: m.severity,
        basis: m.basis,
        citation: m.citation,
        sources: m.sources,
        summary_zh: m.summary_zh,
        summary_en: m.summary_en,
        params: m.params,
    }
}

/// Labels of `explain`, per language.
struct Labels {
    severity: &'static str,
    profile: &'static str,
    on: &'static str,
    off: &'static str,
    basis: &'static str,
    citation: &'static str,
    sources: &'static str,
    summary: &'static str,
    params: &'static str,
    none: &'static str,
    unknown_param: &'static str,
    cited: &'static str,
    source: &'static str,
    preset_value: &'static str,
}

const ZH: Labels = Labels {
    severity: "默认严重程度",
    profile: "当前规则配置",
    on: "启用",
    off: "不启用",
    basis: "依据类别",
    citation: "出处",
    sources: "来源",
    summary: "说明",
    params: "参数",
    none: "无",
    unknown_param: "(未知参数)",
    cited: "该规则配置下的出处",
    source: "取值来源",
    preset_value: "RULES.md 默认值",
};

const EN: Labels = Labels {
    severity: "default severity",
    profile: "under profile",
    on: "on",
    off: "off",
    basis: "basis",
    citation: "citation",
    sources: "sources",
    summary: "summary",
    params: "parameters",
    none: "none",
    unknown_param: "(unknown parameter)",
    cited: "citation under this profile",
    source: "source",
    preset_value: "RULES.md default",
};

fn severity_label(s: Severity, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} ({})", s.zh(), s.as_str()),
        Lang::En => s.as_str().to_owned(),
    }
}

fn explain(code: &str, lang: Lang, profile: Option<&str>, out: &mut Stdout) -> Status {
    let parsed = code.trim().to_ascii_uppercase().parse::<RuleCode>();
    let Ok(rule) = parsed else {
        complain(format_args!("unknown rule code `{}`", code.chars().take(40).collect::<String>()));
        return Status::Trouble;
    };
    let Some(meta) = xiaoqu::rules::meta(rule) else {
        complain(format_args!("rule `{rule}` ({}) is reserved but not implemented yet", rule.name()));
        return Status::Trouble;
    };
    let policy = match profile.map_or_else(|| Ok(Policy::default()), load_policy) {
        Ok(p) => p,
        Err(line) => {
            complain(format_args!("{line}"));
            return Status::Trouble;
        }
    };
    let l = match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    };
    let mut t = String::new();
    let _ = writeln!(t, "{} {}", meta.code, meta.code.name());
    let _ = writeln!(t, "  {}: {}", l.severity, severity_label(meta.severity, lang));
    let state =
        policy.severity(rule).map_or_else(|| l.off.to_owned(), |s| format!("{}, {}", l.on, severity_label(s, lang)));
    let _ = writeln!(t, "  {} {}: {state}", l.profile, policy.name());
    let _ = writeln!(t, "  {}: {}", l.basis, meta.basis);
    let _ = writeln!(t, "  {}: {}", l.citation, meta.citation);
    let _ = writeln!(t, "  {}: {}", l.cited, policy.citation_for(rule).unwrap_or(meta.citation));
    let _ = writeln!(t, "  {}: {}", l.sources, meta.sources);
    let (first, second) = match lang {
        Lang::Zh => (("zh", meta.summary_zh), ("en", meta.summary_en)),
        Lang::En => (("en", meta.summary_en), ("zh", meta.summary_zh)),
    };
    let _ = writeln!(t, "  {} ({}): {}", l.summary, first.0, first.1);
    let _ = writeln!(t, "  {} ({}): {}", l.summary, second.0, second.1);
    if meta.params.is_empty() {
        let _ = writeln!(t, "  {}: {}", l.params, l.none);
    } else {
        let _ = writeln!(t, "  {}:", l.params);
        for name in meta.params {
            let value = policy.params().get(name).map_or_else(|| l.unknown_param.to_owned(), |v| v.to_string());
            let _ = writeln!(t, "    {name} = {value}");
            let _ = writeln!(t, "      {}: {}", l.source, param_source(&policy, name, l));
            if let Some(info) = Params::INFO.iter().find(|i| i.name == *name) {
                let _ = writeln!(t, "      {}", info.form());
                let _ = writeln!(t, "      {}", info.doc.trim());
            }
        }
    }
    out.write(&t);
    Status::Clean
}

/// Where a parameter's value under `policy` comes from: the city article, a profile override,
/// or the national default of `RULES.md`.
fn param_source(policy: &Policy, name: &str, l: &Labels) -> String {
    if let Some(article) = policy.param_source(name) {
        return article.to_owned();
    }
    let default = Policy::default().params().get(name);
    if policy.params().get(name) == default {
        l.preset_value.to_owned()
    } else {
        format!("{} (profile)", policy.name())
    }
}

fn schema(kind: SchemaKind, out: &mut Stdout) -> Status {
    let schema = match kind {
        SchemaKind::Document => xiaoqu::schema::config_schema(),
        SchemaKind::Profile => xiaoqu::schema::profile_schema(),
    };
    match serde_json::to_string_pretty(&schema) {
        Ok(s) => {
            out.write(&(s + "\n"));
            Status::Clean
        }
        Err(e) => render_failed("schema", &e),
    }
}

// ---------------------------------------------------------------------------------------------
// tally

/// Exit 0 with the tally printed, or 2 when the document does not load or an id is unknown.
fn tally(args: &TallyArgs, out: &mut Stdout) -> Status {
    let label = if args.file == "-" { "<stdin>" } else { args.file.as_str() };
    let cfg = match load_document(&args.file) {
        Ok(cfg) => cfg,
        Err(problem) => {
            complain(format_args!("{label}: {problem}"));
            return Status::Trouble;
        }
    };
    let tally = match xiaoqu::voting::tally(&cfg, &args.compound, &args.assembly) {
        Ok(t) => t,
        Err(e) => {
            complain(format_args!("{label}: {e}"));
            return Status::Trouble;
        }
    };
    match args.format {
        Format::Text => {
            out.write(&tally.to_text(args.lang.into()));
            Status::Clean
        }
        Format::Json => match serde_json::to_string_pretty(&tally) {
            Ok(s) => {
                out.write(&(s + "\n"));
                Status::Clean
            }
            Err(e) => render_failed(label, &e),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// summary

/// Exit 0 with the summary printed, or 2 when the document or its profile does not load.
fn summary(args: &SummaryArgs, out: &mut Stdout) -> Status {
    let label = if args.file == "-" { "<stdin>" } else { args.file.as_str() };
    let cfg = match load_document(&args.file) {
        Ok(cfg) => cfg,
        Err(problem) => {
            complain(format_args!("{label}: {problem}"));
            return Status::Trouble;
        }
    };
    let policy = match cfg.policy() {
        Ok(p) => p,
        Err(e) => {
            complain(format_args!("{label}: profile: {e}"));
            return Status::Trouble;
        }
    };
    let summary = xiaoqu::summary::summarize(&cfg, &policy);
    match args.format {
        SummaryFormat::Text => out.write(&summary.to_text(args.lang.into())),
        SummaryFormat::Csv => out.write(&summary.to_csv()),
        SummaryFormat::Json => match summary.to_json_string() {
            Ok(s) => out.write(&(s + "\n")),
            Err(e) => return render_failed(label, &e),
        },
    }
    Status::Clean
}

// ---------------------------------------------------------------------------------------------
// example

/// Exit 0 with the document printed (and the manifest written), or 2 when the manifest file
/// cannot be written or the document cannot be rendered.
fn example(args: &ExampleArgs, out: &mut Stdout) -> Status {
    let opts =
        xiaoqu::example::ExampleOptions::new().compounds(args.compounds).seed(args.seed).violations(args.violations);
    let example = xiaoqu::example::generate(&opts);
    if let Some(path) = &args.manifest {
        let written = example
            .manifest_json_string_pretty()
            .map_err(|e| e.to_string())
            .and_then(|s| std::fs::write(path, s + "\n").map_err(|e| e.to_string()));
        if let Err(e) = written {
            complain(format_args!("{path}: cannot write the manifest: {e}"));
            return Status::Trouble;
        }
    }
    let text = match args.format {
        ExampleFormat::Json => example.to_json_string_pretty().map_err(|e| e.to_string()),
        ExampleFormat::Toml => example.to_toml_string().map_err(|e| e.to_string()),
    };
    match text {
        Ok(s) => {
            out.write(&(s + "\n"));
            Status::Clean
        }
        Err(e) => {
            complain(format_args!("cannot render the example: {e}"));
            Status::Trouble
        }
    }
}
