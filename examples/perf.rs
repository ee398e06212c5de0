//! The ratio harness of the performance issue: prints, from one run, the figures BENCHMARKS.md
//! records, as ratios first (absolute times depend on the machine; ratios much less).
//!
//! `cargo run --release --all-features --example perf -- [--compounds N] [--small N] [--reps R] [--seed S]`
//! (defaults: 300 and 30 compounds, 7 repetitions, seed 7). Needs the `schema` feature for the
//! Value + JSON Schema baseline (`--all-features` has it).
//!
//! - **load MB/s**: typed load of the pretty JSON the generator writes (`from_json_slice`).
//! - **audit / load**: one `audit` under `default` over one typed load of the same bytes; the
//!   audits are timed after as many unmeasured ones (the steady state of a service auditing
//!   on every write: the pool's threads awake).
//! - **(load + audit) / (Value + Schema)**: against `serde_json::from_slice::<Value>` plus
//!   validation with [`xiaoqu::schema::config_schema`] (the validator is compiled once,
//!   outside the timing, as a service would keep it).
//! - **per-compound cost** of load + audit of the large district over that of the small one.
//! - **model memory / input bytes**: the resident set (`VmRSS` of `/proc/self/status`) after
//!   loading a second copy of the model, minus before, over the input's length. The allocator
//!   is not counted (the crate forbids `unsafe`, so no counting `GlobalAlloc`); RSS counts
//!   pages actually touched, which for a freshly built model is its heap use rounded to pages.
//!   `serde_json::Value` of the same bytes is measured the same way for comparison.
//!
//! People are shuffled (a fixed permutation) before writing: the generator lists screened
//! people first, and an audit must not depend on that order to be fast.
//!
//! `--audit-only`: generates the district and audits it `reps` times (for a profiler; with
//! `--sequential`, `rules::audit_sequential`, whose instruction count does not include idle
//! worker threads spinning). `--load-only`: loads the district's JSON `reps` times.
//! `--families`: the audit time of each rule family alone (default with the others off).
//!
//! `--stream FILE`: audits an NDJSON file line by line ([`xiaoqu::stream::audit_ndjson`]) and
//! prints the reports, the findings and the peak resident set (`VmHWM`).
//! `--json FILE`: writes the district (`--compounds N`) as one JSON document.
//! Also `--ndjson FILE [--copies K]`: writes the district as NDJSON (one compound per line,
//! [`xiaoqu::stream::split_district`]) K times over, for the streaming memory measurement.

#![allow(clippy::print_stdout, clippy::print_stderr, reason = "a measuring program prints its figures")]

use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

use xiaoqu::example::{ExampleOptions, generate};
use xiaoqu::{GovernanceConfig, Policy};

#[allow(clippy::struct_excessive_bools, reason = "the harness's command-line switches")]
struct Args {
    large: usize,
    small: usize,
    reps: usize,
    seed: u64,
    ndjson: Option<String>,
    json: Option<String>,
    stream: Option<String>,
    copies: usize,
    probe: Option<String>,
    file: Option<String>,
    families: bool,
    audit_only: bool,
    load_only: bool,
    sequential: bool,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        large: 300,
        small: 30,
        reps: 7,
        seed: 7,
        ndjson: None,
        json: None,
        stream: None,
        copies: 1,
        probe: None,
        file: None,
        families: false,
        audit_only: false,
        load_only: false,
        sequential: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        // Switches take no value.
        let switch = match flag.as_str() {
            "--families" => Some(&mut a.families),
            "--audit-only" => Some(&mut a.audit_only),
            "--load-only" => Some(&mut a.load_only),
            "--sequential" => Some(&mut a.sequential),
            _ => None,
        };
        if let Some(on) = switch {
            *on = true;
            continue;
        }
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let n = || value.parse::<usize>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--compounds" => a.large = n()?,
            "--small" => a.small = n()?,
            "--reps" => a.reps = n()?.max(1),
            "--seed" => a.seed = value.parse().map_err(|e| format!("--seed: {e}"))?,
            "--ndjson" => a.ndjson = Some(value),
            "--json" => a.json = Some(value),
            "--stream" => a.stream = Some(value),
            "--copies" => a.copies = n()?.max(1),
            "--probe-memory" => a.probe = Some(value),
            "--file" => a.file = Some(value),
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    Ok(a)
}

/// The district as pretty JSON, people in a fixed shuffled order.
fn district(compounds: usize, seed: u64) -> Result<(GovernanceConfig, Vec<u8>), Box<dyn std::error::Error>> {
    let mut cfg = generate(&ExampleOptions::new().compounds(compounds).seed(seed)).into_config();
    shuffle(&mut cfg.people, seed);
    let bytes = cfg.to_json_string_pretty()?.into_bytes();
    Ok((cfg, bytes))
}

/// Fisher–Yates with `SplitMix64`: reproducible, no dependency.
fn shuffle<T>(v: &mut [T], seed: u64) {
    let mut s = seed ^ 0x9E37_79B9_7F4A_7C15;
    for i in (1..v.len()).rev() {
        s = s.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = s;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let j = usize::try_from(z % (i as u64 + 1)).unwrap_or(0);
        v.swap(i, j);
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn time<T>(reps: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut out = Vec::with_capacity(reps);
    for _ in 0..reps {
        let t = Instant::now();
        black_box(f());
        out.push(t.elapsed());
    }
    median(out)
}

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

struct Figures {
    bytes: usize,
    compounds: usize,
    load: Duration,
    audit: Duration,
    value_schema: Duration,
    sequential: Duration,
    value_only: Duration,
    model_mem: f64,
    value_mem: f64,
    findings: usize,
}

fn measure(
    compounds: usize,
    a: &Args,
    policy: &Policy,
    validator: &jsonschema::Validator,
) -> Result<Figures, Box<dyn std::error::Error>> {
    let (_, bytes) = district(compounds, a.seed)?;
    let cfg = GovernanceConfig::from_json_slice(&bytes)?;
    let findings = xiaoqu::audit(&cfg, policy).diagnostics().len();
    let value: serde_json::Value = serde_json::from_slice(&bytes)?;
    if !validator.is_valid(&value) {
        return Err("the generated district does not validate against the exported schema".into());
    }
    drop(value);
    // Warm up once, then the medians.
    black_box(xiaoqu::audit(&cfg, policy));
    let load = time(a.reps, || GovernanceConfig::from_json_slice(&bytes).is_ok());
    // The loads leave the second core idle long enough for the machine to park it; the first
    // parallel audits after that wait for it to wake. A service auditing on every write keeps
    // it busy, so the audits are timed after as many unmeasured ones.
    for _ in 0..a.reps {
        black_box(xiaoqu::audit(&cfg, policy));
    }
    let audit = time(a.reps, || xiaoqu::audit(&cfg, policy));
    let sequential = time(a.reps, || xiaoqu::rules::audit_sequential(&cfg, policy));
    let value_only = time(a.reps, || serde_json::from_slice::<serde_json::Value>(&bytes).is_ok());
    let value_schema =
        time(a.reps, || serde_json::from_slice::<serde_json::Value>(&bytes).is_ok_and(|v| validator.is_valid(&v)));
    let model_mem = memory_ratio("model", &bytes)?;
    let value_mem = memory_ratio("value", &bytes)?;
    Ok(Figures {
        bytes: bytes.len(),
        compounds,
        load,
        audit,
        value_schema,
        sequential,
        value_only,
        model_mem,
        value_mem,
        findings,
    })
}

#[allow(clippy::cast_precision_loss, reason = "figures for display")]
fn print(f: &Figures) {
    let s = |d: Duration| d.as_secs_f64();
    let mb = f.bytes as f64 / 1e6;
    println!("## {} compounds ({:.1} MB of pretty JSON, {} findings under default)", f.compounds, mb, f.findings);
    println!("  audit / load                      {:.3}   (target <= 0.15)", s(f.audit) / s(f.load));
    println!(
        "  (load + audit) / (Value + Schema) {:.3}   (target <= 0.5)",
        (s(f.load) + s(f.audit)) / s(f.value_schema)
    );
    println!("  model memory / input bytes        {:.2}    (target <= 2.5; Value: {:.2})", f.model_mem, f.value_mem);
    println!("  load MB/s                         {:.0}", mb / s(f.load));
    println!(
        "  load {:.1} ms, audit {:.1} ms, Value {:.1} ms, Value + Schema {:.1} ms",
        s(f.load) * 1e3,
        s(f.audit) * 1e3,
        s(f.value_only) * 1e3,
        s(f.value_schema) * 1e3
    );
    println!(
        "  parallel speed-up of the audit     {:.2}x  (sequential {:.1} ms; feature parallel {}, {} threads)",
        s(f.sequential) / s(f.audit),
        s(f.sequential) * 1e3,
        if cfg!(feature = "parallel") { "on" } else { "off" },
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
    );
}

/// `default` with every rule outside `family` switched off.
fn family_policy(family: &str) -> Result<Policy, xiaoqu::PolicyError> {
    let mut p = Policy::preset("default")?;
    for code in xiaoqu::RuleCode::ALL {
        if code.family() != family {
            p.set_rule(*code, xiaoqu::RuleSetting::Off);
        }
    }
    Ok(p)
}

/// The rule families in catalogue order.
fn families() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for m in xiaoqu::rules::catalogue() {
        if !out.contains(&m.code.family()) {
            out.push(m.code.family());
        }
    }
    out
}

fn per_family(compounds: usize, a: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let (cfg, _) = district(compounds, a.seed)?;
    print!("## audit time by family at {compounds} compounds (ms):");
    let index = time(a.reps, || xiaoqu::Index::build(&cfg).person("").is_none());
    print!(" (index alone {:.1})", index.as_secs_f64() * 1e3);
    if std::env::var_os("XIAOQU_PERF_INDEX_ONLY").is_some() {
        println!();
        return Ok(());
    }
    for f in families() {
        let p = family_policy(f)?;
        let t = time(a.reps, || xiaoqu::audit(&cfg, &p));
        print!(" {f} {:.1}", t.as_secs_f64() * 1e3);
    }
    println!();
    Ok(())
}

/// Run in a fresh child process: the resident-set growth of loading `file` as the typed model
/// (`model`) or as `serde_json::Value` (`value`), in KiB, after the file's bytes are in memory.
fn probe_memory(what: &str, file: &str) -> Result<(), Box<dyn std::error::Error>> {
    let bytes = std::fs::read(file)?;
    let before = rss_kib();
    let grown = if what == "value" {
        let v: serde_json::Value = serde_json::from_slice(&bytes)?;
        let after = rss_kib();
        drop(black_box(v));
        after
    } else {
        let m = GovernanceConfig::from_json_slice(&bytes)?;
        let after = rss_kib();
        drop(black_box(m));
        after
    };
    println!("{}", grown.saturating_sub(before));
    Ok(())
}

/// The memory of `bytes` loaded as `what`, over their length, measured in a child process.
#[allow(clippy::cast_precision_loss, reason = "a ratio for display")]
fn memory_ratio(what: &str, bytes: &[u8]) -> Result<f64, Box<dyn std::error::Error>> {
    let path = std::env::temp_dir().join(format!("xiaoqu-perf-{}.json", std::process::id()));
    std::fs::write(&path, bytes)?;
    let out = std::process::Command::new(std::env::current_exe()?)
        .args(["--probe-memory", what, "--file"])
        .arg(&path)
        .output()?;
    std::fs::remove_file(&path)?;
    let kib: u64 = String::from_utf8_lossy(&out.stdout).trim().parse()?;
    Ok((kib * 1024) as f64 / bytes.len() as f64)
}

fn vm_hwm_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn stream(path: &str, policy: &Policy) -> Result<(), Box<dyn std::error::Error>> {
    let bytes = std::fs::metadata(path)?.len();
    let reader = std::io::BufReader::new(std::fs::File::open(path)?);
    let t = Instant::now();
    let (mut reports, mut findings) = (0_usize, 0_usize);
    for report in xiaoqu::stream::audit_ndjson(reader, policy) {
        findings += report?.diagnostics().len();
        reports += 1;
    }
    #[allow(clippy::cast_precision_loss, reason = "figures for display")]
    let mb = bytes as f64 / 1e6;
    println!(
        "{path}: {mb:.1} MB, {reports} reports, {findings} findings, {:.2} s, peak RSS (VmHWM) {} MiB",
        t.elapsed().as_secs_f64(),
        vm_hwm_kib() / 1024
    );
    Ok(())
}

fn write_ndjson(path: &str, a: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let (cfg, _) = district(a.large, a.seed)?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for _ in 0..a.copies {
        for doc in xiaoqu::stream::split_district(&cfg) {
            serde_json::to_writer(&mut out, &doc)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    eprintln!("wrote {path}: {} compounds x {} copies", cfg.compounds.len(), a.copies);
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a = args()?;
    let policy = Policy::preset("default")?;
    if let (Some(what), Some(file)) = (&a.probe, &a.file) {
        return probe_memory(what, file);
    }
    if let Some(path) = &a.ndjson {
        return write_ndjson(path, &a);
    }
    if let Some(path) = &a.stream {
        return stream(path, &policy);
    }
    if let Some(path) = &a.json {
        // The district as one pretty JSON document (people shuffled as measured).
        return Ok(std::fs::write(path, district(a.large, a.seed)?.1)?);
    }
    if a.families {
        return per_family(a.large, &a);
    }
    if a.audit_only {
        // For a profiler: one district, audited `reps` times.
        let (cfg, _) = district(a.large, a.seed)?;
        let t = if a.sequential {
            time(a.reps, || xiaoqu::rules::audit_sequential(&cfg, &policy))
        } else {
            time(a.reps, || xiaoqu::audit(&cfg, &policy))
        };
        println!("audit of {} compounds: {:.1} ms", a.large, t.as_secs_f64() * 1e3);
        return Ok(());
    }
    if a.load_only {
        // For a profiler: one district as JSON, loaded `reps` times.
        let (_, bytes) = district(a.large, a.seed)?;
        let t = time(a.reps, || GovernanceConfig::from_json_slice(&bytes));
        println!("load of {} compounds: {:.1} ms", a.large, t.as_secs_f64() * 1e3);
        return Ok(());
    }
    let validator = jsonschema::draft202012::new(&xiaoqu::schema::config_schema())?;
    let small = measure(a.small, &a, &policy, &validator)?;
    let large = measure(a.large, &a, &policy, &validator)?;
    println!("medians of {} repetitions, seed {}", a.reps, a.seed);
    print(&small);
    print(&large);
    let per = |f: &Figures| {
        #[allow(clippy::cast_precision_loss, reason = "a ratio for display")]
        let n = f.compounds.max(1) as f64;
        (f.load + f.audit).as_secs_f64() / n
    };
    println!(
        "## per-compound (load + audit): {:.3} ms at {}, {:.3} ms at {}: ratio {:.3} (target <= 1.3)",
        per(&small) * 1e3,
        small.compounds,
        per(&large) * 1e3,
        large.compounds,
        per(&large) / per(&small)
    );
    Ok(())
}
