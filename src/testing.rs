//! Test support for auditors (feature `testing`): assertions that fail a test with a readable
//! report.
//!
//! An auditor who runs the validators in their own test suite wants a failing test to say
//! *which* findings broke it, not `assertion failed: !report.has_errors()`. The functions and
//! macros here panic — that is how a Rust test fails — with a message that lists every finding
//! that counts: its code and name, severity, subject, compound, document path, the message in
//! English and Chinese, the facts and the citation. Findings identify people by id only, as the
//! report does.
//!
//! - [`assert_clean`]: no finding at all.
//! - [`assert_no_errors`]: no error (warnings and infos are ignored).
//! - [`assert_below`]: no finding at or above a severity (`--deny warnings` is
//!   `assert_below(&report, Severity::Warning)`).
//! - [`assert_finding`] / [`assert_no_finding`]: one rule fired on one subject, or not at all.
//! - [`AssertReport`]: the same as methods of [`Report`] (`report.assert_no_errors()`).
//! - [`assert_audit_clean!`](crate::assert_audit_clean) and
//!   [`assert_audit_no_errors!`](crate::assert_audit_no_errors): audit a document (under its
//!   own profile, or the policy given) and assert in one line.
//! - [`describe`]: the failure message itself, for a test that wants to print it.
//!
//! This module is the only part of the library allowed to panic, and only when an assertion
//! fails: it is compiled only with the `testing` feature, which belongs in
//! `[dev-dependencies]`:
//!
//! ```toml
//! [dev-dependencies]
//! xiaoqu = { version = "0.1", features = ["testing"] }
//! ```
//!
//! # Example
//! ```
//! use xiaoqu::testing::AssertReport as _;
//!
//! let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
//! xiaoqu::assert_audit_clean!(cfg);
//! let report = xiaoqu::audit(&cfg, &xiaoqu::Policy::preset("national")?);
//! report.assert_no_errors();
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![allow(
    clippy::panic,
    reason = "test support: an assertion fails a test by panicking, like `assert!`; the feature is for dev-dependencies"
)]

use std::fmt::Write as _;

use crate::{Diagnostic, GovernanceConfig, Lang, Policy, Report, RuleCode, Severity};

/// The failure message for `findings` of `report`: a title line, then one block per finding.
///
/// `title` says what was asserted; the counts, the profile and the audit date follow it. Each
/// block gives the severity, code and name, subject, compound and path, the message in English
/// and Chinese, the facts, the help (English) and the basis with its citation.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let mut broken = cfg.clone();
/// broken.compounds[0].units[2].owners[0] = "p-99".parse()?;
/// let report = xiaoqu::audit(&broken, &cfg.policy()?);
/// let text = xiaoqu::testing::describe(&report, "expected a clean audit", report.diagnostics().iter());
/// assert!(text.contains("CFG001 reference_resolves"));
/// assert!(text.contains("path: compounds[0].units[2].owners[0]"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn describe<'a>(report: &Report, title: &str, findings: impl IntoIterator<Item = &'a Diagnostic>) -> String {
    let findings: Vec<&Diagnostic> = findings.into_iter().collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{title}: {} of {} finding(s) shown ({} error(s), {} warning(s), {} info(s) in the report); \
         profile `{}`, as of {}, {} compound(s)",
        findings.len(),
        report.diagnostics().len(),
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info),
        report.profile(),
        report.as_of().format("%Y-%m-%d"),
        report.compounds(),
    );
    for (n, d) in findings.iter().enumerate() {
        let _ = writeln!(out, "{:>3}. {} {} {}", n.saturating_add(1), d.severity(), d.code(), d.name());
        let compound = d.compound().map_or("-", crate::model::CompoundId::as_str);
        let _ = writeln!(out, "     subject: {}  compound: {compound}  path: {}", d.subject(), d.path());
        let _ = writeln!(out, "     en: {}", d.message().get(Lang::En));
        let _ = writeln!(out, "     zh: {}", d.message().get(Lang::Zh));
        if !d.facts().is_empty() {
            let facts: Vec<String> = d.facts().iter().map(|(k, v)| format!("{k}={v}")).collect();
            let _ = writeln!(out, "     facts: {}", facts.join(", "));
        }
        if let Some(help) = d.help() {
            let _ = writeln!(out, "     help: {}", help.get(Lang::En));
        }
        let _ = writeln!(out, "     basis: {} · {}", d.basis(), d.citation());
    }
    out
}

/// Asserts that the report has no finding at all.
///
/// # Panics
/// When there is a finding; the message lists every finding (see [`describe`]).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// xiaoqu::testing::assert_clean(&xiaoqu::audit(&cfg, &cfg.policy()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[track_caller]
pub fn assert_clean(report: &Report) {
    assert!(report.is_clean(), "{}", describe(report, "the audit is not clean", report.diagnostics()));
}

/// Asserts that the report has no error; warnings and infos are ignored.
///
/// # Panics
/// When there is an error finding; the message lists the errors (see [`describe`]).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// // Filed 25 days after the election: a warning under a 20-day deadline, not an error.
/// let policy = xiaoqu::config::policy_from_json_str(r#"{ "preset": "national", "overrides": { "filing_days": 20 } }"#)?;
/// let report = xiaoqu::audit(&cfg, &policy);
/// assert!(!report.is_clean());
/// xiaoqu::testing::assert_no_errors(&report);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[track_caller]
pub fn assert_no_errors(report: &Report) {
    assert_below(report, Severity::Error);
}

/// Asserts that the report has no finding at or above `severity`.
///
/// `assert_below(&report, Severity::Warning)` is the CLI's `--deny warnings`;
/// `Severity::Error` is [`assert_no_errors`]; `Severity::Info` is [`assert_clean`].
///
/// # Panics
/// When a finding is at or above `severity`; the message lists those findings.
///
/// # Example
/// ```
/// use xiaoqu::Severity;
///
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// xiaoqu::testing::assert_below(&xiaoqu::audit(&cfg, &cfg.policy()?), Severity::Warning);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[track_caller]
pub fn assert_below(report: &Report, severity: Severity) {
    assert!(!report.has_at_least(severity), "{}", {
        let title = format!("the audit has findings at or above `{severity}`");
        describe(report, &title, report.diagnostics().iter().filter(|d| d.severity() >= severity))
    });
}

/// Asserts that `code` fired on `subject`, and returns the (first such) finding.
///
/// # Panics
/// When no finding of `code` names `subject`; the message lists every finding of the report.
///
/// # Example
/// ```
/// use xiaoqu::{RuleCode, Severity};
///
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let mut broken = cfg.clone();
/// broken.compounds[0].units[2].owners[0] = "p-99".parse()?;
/// let report = xiaoqu::audit(&broken, &cfg.policy()?);
/// let d = xiaoqu::testing::assert_finding(&report, RuleCode::Cfg001, "p-99");
/// assert_eq!((d.severity(), d.path().to_string().as_str()), (Severity::Error, "compounds[0].units[2].owners[0]"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[track_caller]
pub fn assert_finding<'r>(report: &'r Report, code: RuleCode, subject: &str) -> &'r Diagnostic {
    let Some(found) = report.diagnostics().iter().find(|d| d.code() == code && d.subject() == subject) else {
        let title = format!("expected a finding {code} ({}) on `{subject}`", code.name());
        panic!("{}", describe(report, &title, report.diagnostics()))
    };
    found
}

/// Asserts that `code` did not fire at all.
///
/// # Panics
/// When a finding of `code` exists; the message lists those findings.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
/// xiaoqu::testing::assert_no_finding(&report, xiaoqu::RuleCode::Cm001);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[track_caller]
pub fn assert_no_finding(report: &Report, code: RuleCode) {
    assert!(report.with_code(code).next().is_none(), "{}", {
        let title = format!("unexpected findings of {code} ({})", code.name());
        describe(report, &title, report.with_code(code))
    });
}

/// The assertions of this module as methods of [`Report`].
///
/// Each returns the report (or the finding), so assertions chain.
///
/// # Example
/// ```
/// use xiaoqu::RuleCode;
/// use xiaoqu::testing::AssertReport as _;
///
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// xiaoqu::audit(&cfg, &cfg.policy()?).assert_clean().assert_no_finding(RuleCode::Cfg001);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait AssertReport {
    /// See [`assert_clean`].
    ///
    /// # Panics
    /// When there is a finding.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::testing::AssertReport as _;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// xiaoqu::audit(&cfg, &cfg.policy()?).assert_clean();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[track_caller]
    fn assert_clean(&self) -> &Self;

    /// See [`assert_no_errors`].
    ///
    /// # Panics
    /// When there is an error finding.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::testing::AssertReport as _;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// xiaoqu::audit(&cfg, &xiaoqu::Policy::preset("national")?).assert_no_errors();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[track_caller]
    fn assert_no_errors(&self) -> &Self;

    /// See [`assert_below`].
    ///
    /// # Panics
    /// When a finding is at or above `severity`.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::testing::AssertReport as _;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// xiaoqu::audit(&cfg, &cfg.policy()?).assert_below(xiaoqu::Severity::Info);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[track_caller]
    fn assert_below(&self, severity: Severity) -> &Self;

    /// See [`assert_finding`].
    ///
    /// # Panics
    /// When no finding of `code` names `subject`.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::testing::AssertReport as _;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let mut broken = cfg.clone();
    /// broken.compounds[0].units[0].area = "0".parse()?;
    /// let report = xiaoqu::audit(&broken, &cfg.policy()?);
    /// let d = report.assert_finding(xiaoqu::RuleCode::Cfg005, &broken.compounds[0].units[0].id.to_string());
    /// assert_eq!(d.path().to_string(), "compounds[0].units[0].area");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[track_caller]
    fn assert_finding(&self, code: RuleCode, subject: &str) -> &Diagnostic;

    /// See [`assert_no_finding`].
    ///
    /// # Panics
    /// When a finding of `code` exists.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::testing::AssertReport as _;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// xiaoqu::audit(&cfg, &cfg.policy()?).assert_no_finding(xiaoqu::RuleCode::Av001);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[track_caller]
    fn assert_no_finding(&self, code: RuleCode) -> &Self;
}

impl AssertReport for Report {
    #[track_caller]
    fn assert_clean(&self) -> &Self {
        assert_clean(self);
        self
    }

    #[track_caller]
    fn assert_no_errors(&self) -> &Self {
        assert_no_errors(self);
        self
    }

    #[track_caller]
    fn assert_below(&self, severity: Severity) -> &Self {
        assert_below(self, severity);
        self
    }

    #[track_caller]
    fn assert_finding(&self, code: RuleCode, subject: &str) -> &Diagnostic {
        assert_finding(self, code, subject)
    }

    #[track_caller]
    fn assert_no_finding(&self, code: RuleCode) -> &Self {
        assert_no_finding(self, code);
        self
    }
}

/// Audits `cfg` under `policy`, or under the document's own profile when `policy` is `None`,
/// and asserts that no finding is at or above `severity`; returns the report.
///
/// The engine of [`assert_audit_clean!`](crate::assert_audit_clean) and
/// [`assert_audit_no_errors!`](crate::assert_audit_no_errors).
///
/// # Panics
/// When the document's profile does not resolve to a policy, or when the assertion fails.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let report = xiaoqu::testing::audit_and_assert(&cfg, None, xiaoqu::Severity::Info);
/// assert_eq!(report.profile(), "default");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[track_caller]
pub fn audit_and_assert(cfg: &GovernanceConfig, policy: Option<&Policy>, severity: Severity) -> Report {
    let report = match policy {
        Some(p) => crate::audit(cfg, p),
        None => match cfg.policy() {
            Ok(p) => crate::audit(cfg, &p),
            Err(e) => panic!("the document's profile does not resolve to a policy: {e}"),
        },
    };
    assert_below(&report, severity);
    report
}

/// Audits a document and asserts that there is no finding at all; evaluates to the report.
///
/// `assert_audit_clean!(cfg)` audits under the document's own profile (the `default` preset
/// when it has none); `assert_audit_clean!(cfg, policy)` under `policy`. Both accept a value or
/// a reference. On failure the test panics with every finding listed (see
/// [`testing::describe`](crate::testing::describe)).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// xiaoqu::assert_audit_clean!(cfg);
/// let report = xiaoqu::assert_audit_clean!(&cfg, xiaoqu::Policy::preset("national")?);
/// assert_eq!(report.profile(), "national");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[macro_export]
macro_rules! assert_audit_clean {
    ($cfg:expr $(,)?) => {
        $crate::testing::audit_and_assert(
            ::core::borrow::Borrow::<$crate::GovernanceConfig>::borrow(&$cfg),
            ::core::option::Option::None,
            $crate::Severity::Info,
        )
    };
    ($cfg:expr, $policy:expr $(,)?) => {
        $crate::testing::audit_and_assert(
            ::core::borrow::Borrow::<$crate::GovernanceConfig>::borrow(&$cfg),
            ::core::option::Option::Some(::core::borrow::Borrow::<$crate::Policy>::borrow(&$policy)),
            $crate::Severity::Info,
        )
    };
}

/// Audits a document and asserts that there is no error finding (warnings and infos are
/// allowed); evaluates to the report.
///
/// The arguments are those of [`assert_audit_clean!`](crate::assert_audit_clean); the failure
/// message lists the errors.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let policy = xiaoqu::config::policy_from_json_str(r#"{ "preset": "national", "overrides": { "filing_days": 20 } }"#)?;
/// let report = xiaoqu::assert_audit_no_errors!(cfg, policy);
/// assert_eq!(report.count(xiaoqu::Severity::Warning), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[macro_export]
macro_rules! assert_audit_no_errors {
    ($cfg:expr $(,)?) => {
        $crate::testing::audit_and_assert(
            ::core::borrow::Borrow::<$crate::GovernanceConfig>::borrow(&$cfg),
            ::core::option::Option::None,
            $crate::Severity::Error,
        )
    };
    ($cfg:expr, $policy:expr $(,)?) => {
        $crate::testing::audit_and_assert(
            ::core::borrow::Borrow::<$crate::GovernanceConfig>::borrow(&$cfg),
            ::core::option::Option::Some(::core::borrow::Borrow::<$crate::Policy>::borrow(&$policy)),
            $crate::Severity::Error,
        )
    };
}
