//! Rendering a [`Report`] as JSON (the keys of `SPEC.md`) or as text for a terminal.

use std::fmt::Write as _;

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use super::options::NameBook;
use super::{Diagnostic, FactValue, Lang, Report, ReportOptions, Severity};

/// The tool's name and version, as written in reports.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let json: serde_json::Value = serde_json::from_str(&xiaoqu::audit(&cfg, &cfg.policy()?).to_json_string(xiaoqu::Lang::Zh)?)?;
/// assert_eq!(json["tool"]["name"], xiaoqu::report::TOOL_NAME);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const TOOL_NAME: &str = "xiaoqu";
/// The crate version.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let sarif = xiaoqu::audit(&cfg, &cfg.policy()?).to_sarif_value(&xiaoqu::report::ReportOptions::new());
/// assert_eq!(sarif["runs"][0]["tool"]["driver"]["version"], xiaoqu::report::TOOL_VERSION);
/// assert_eq!(xiaoqu::report::TOOL_VERSION.split('.').count(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A [`Report`] bound to rendering options, serializable with the normative keys of `SPEC.md`
/// (and, only when names were asked for, a `names` object per diagnostic: person id to name).
///
/// # Example
/// ```
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// cfg.compounds[0].owners_committee.as_mut().ok_or("no committee")?.members.pop();
/// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
/// let view: xiaoqu::report::ReportView<'_> = report.view(xiaoqu::Lang::En);
/// let json = serde_json::to_value(view)?;
/// assert_eq!(json["diagnostics"][0]["code"], "CM001");
/// assert_eq!(json["diagnostics"][0]["facts"]["members"], 4);
/// assert_eq!(json["summary"]["errors"], 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ReportView<'a> {
    report: &'a Report,
    opts: ReportOptions<'a>,
}

struct DiagView<'a>(&'a Diagnostic, Lang, Option<&'a NameBook<'a>>);
struct Facts<'a>(&'a [(&'static str, FactValue)]);
struct Tool;

impl Serialize for Tool {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Tool", 2)?;
        st.serialize_field("name", TOOL_NAME)?;
        st.serialize_field("version", TOOL_VERSION)?;
        st.end()
    }
}

impl Serialize for FactValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Int(v) => s.serialize_i64(*v),
            Self::Bool(v) => s.serialize_bool(*v),
            // Decimals, ratios and dates are strings so that no reader rounds them.
            other => s.collect_str(other),
        }
    }
}

impl Serialize for Facts<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl Serialize for DiagView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (d, lang) = (self.0, self.1);
        let mut st = s.serialize_struct("Diagnostic", 12)?;
        st.serialize_field("code", d.code.as_str())?;
        st.serialize_field("name", d.code.name())?;
        st.serialize_field("severity", &d.severity)?;
        st.serialize_field("subject", &d.subject)?;
        st.serialize_field("compound", &d.compound.as_ref().map(crate::model::CompoundId::as_str))?;
        st.serialize_field("path", &d.path.to_string())?;
        st.serialize_field("message", d.message.get(lang))?;
        st.serialize_field("help", &d.help.as_ref().map(|h| h.get(lang)))?;
        st.serialize_field("basis", &d.basis)?;
        st.serialize_field("citation", &d.citation)?;
        st.serialize_field("facts", &Facts(&d.facts))?;
        if let Some(book) = self.2 {
            st.serialize_field("names", &book.people_of(d))?;
        }
        st.end()
    }
}

impl Serialize for ReportView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Diags<'a>(&'a [Diagnostic], Lang, Option<&'a NameBook<'a>>);
        impl Serialize for Diags<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(|d| DiagView(d, self.1, self.2)))
            }
        }
        struct Summary<'a>(&'a Report);
        impl Serialize for Summary<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let r = self.0;
                let mut st = s.serialize_struct("Summary", 4)?;
                st.serialize_field("errors", &r.count(Severity::Error))?;
                st.serialize_field("warnings", &r.count(Severity::Warning))?;
                st.serialize_field("infos", &r.count(Severity::Info))?;
                st.serialize_field("compounds", &r.compounds)?;
                st.end()
            }
        }
        let r = self.report;
        let mut st = s.serialize_struct("Report", 5)?;
        st.serialize_field("tool", &Tool)?;
        st.serialize_field("profile", &r.profile)?;
        st.serialize_field("as_of", &r.as_of.format("%Y-%m-%d").to_string())?;
        let book = self.opts.name_book();
        st.serialize_field("diagnostics", &Diags(&r.diagnostics, self.opts.lang, book.as_ref()))?;
        st.serialize_field("summary", &Summary(r))?;
        st.end()
    }
}

impl Report {
    /// A serializable view in `lang` with the keys of `SPEC.md`.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// let all = serde_json::to_string(&[report.view(xiaoqu::Lang::En)])?;
    /// assert!(all.starts_with("[{"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn view(&self, lang: Lang) -> ReportView<'_> {
        ReportView { report: self, opts: ReportOptions::new().lang(lang) }
    }

    /// A serializable view under `opts` (language, names).
    ///
    /// # Example
    /// ```
    /// use xiaoqu::report::ReportOptions;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// let json = serde_json::to_string(&report.view_with(ReportOptions::new().show_names(&cfg)))?;
    /// assert!(json.contains("\"diagnostics\":[]"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn view_with<'a>(&'a self, opts: ReportOptions<'a>) -> ReportView<'a> {
        ReportView { report: self, opts }
    }

    /// The JSON report, pretty-printed.
    ///
    /// # Errors
    /// Only if serialization fails, which the report's types do not do.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// let json = report.to_json_string(xiaoqu::Lang::En)?;
    /// assert!(json.contains("\"summary\""));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn to_json_string(&self, lang: Lang) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(&self.view(lang))
    }

    /// The JSON report under `opts`, pretty-printed: with [`ReportOptions::show_names`], each
    /// diagnostic gains a `names` object (person id to name).
    ///
    /// # Errors
    /// Only if serialization fails, which the report's types do not do.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::report::ReportOptions;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// let json = report.to_json_string_with(&ReportOptions::new().lang(xiaoqu::Lang::En))?;
    /// assert_eq!(json, report.to_json_string(xiaoqu::Lang::En)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn to_json_string_with(&self, opts: &ReportOptions<'_>) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(&self.view_with(*opts))
    }

    /// A readable text rendering in `lang`, without colours or names: see [`Report::render_text`].
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// assert!(report.to_text(xiaoqu::Lang::En).starts_with("xiaoqu: 0 errors, 0 warnings, 0 infos in 1 compound"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        self.render_text(&ReportOptions::new().lang(lang))
    }

    /// Text for a terminal: findings grouped by compound (document-level findings first), one
    /// line each (severity, code, subject, path, message), then their facts, help and citation
    /// indented, and a one-line summary. Severities are coloured only when `opts.color` is set.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::report::ReportOptions;
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// cfg.compounds[0].units[0].area = "0".parse()?;
    /// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// let text = report.render_text(&ReportOptions::new().lang(xiaoqu::Lang::En));
    /// assert!(text.starts_with("compound c-guokeyuan\n  error[CFG005] u-1-101 at compounds[0].units[0].area: "));
    /// assert!(text.ends_with("1 error, 0 warnings, 0 infos in 1 compound (profile default, as of 2025-09-05)\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render_text(&self, opts: &ReportOptions<'_>) -> String {
        let lang = opts.lang;
        let l = match lang {
            Lang::Zh => &TEXT_ZH,
            Lang::En => &TEXT_EN,
        };
        let paint = Paint(opts.color);
        let book = opts.name_book();
        let label = |s: &str| book.as_ref().map_or_else(|| s.to_owned(), |b| b.label(s));
        let mut out = String::new();
        let mut group: Option<Option<&crate::model::CompoundId>> = None;
        for d in &self.diagnostics {
            if group != Some(d.compound.as_ref()) {
                group = Some(d.compound.as_ref());
                let head = d.compound.as_ref().map_or_else(|| l.document.to_owned(), |c| format!("{} {c}", l.compound));
                let _ = writeln!(out, "{}", paint.bold(&head));
            }
            let sev = match lang {
                Lang::Zh => d.severity.zh(),
                Lang::En => d.severity.as_str(),
            };
            let tag = paint.severity(d.severity, &format!("{sev}[{}]", d.code));
            let _ = writeln!(out, "  {tag} {} {} {}: {}", label(&d.subject), l.at, d.path, d.message.get(lang));
            if !d.facts.is_empty() {
                let facts: Vec<String> = d
                    .facts
                    .iter()
                    .map(|(k, v)| match v {
                        FactValue::Text(t) => format!("{k}={}", label(t)),
                        other => format!("{k}={other}"),
                    })
                    .collect();
                let _ = writeln!(out, "      {}: {}", l.facts, facts.join(", "));
            }
            if let Some(h) = &d.help {
                let _ = writeln!(out, "      {}: {}", l.help, h.get(lang));
            }
            let _ = writeln!(out, "      {}: {} ({} {})", l.citation, d.citation, d.code.name(), d.basis);
        }
        let _ = writeln!(out, "{}", self.summary_line(lang));
        out
    }

    /// The one-line summary: `xiaoqu: N errors, M warnings, K infos in C compounds (…)`.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// assert!(report.summary_line(xiaoqu::Lang::Zh).starts_with("xiaoqu: 0 个错误, 0 个警告, 0 个提示, 共 1 个小区"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn summary_line(&self, lang: Lang) -> String {
        let (e, w, i) = (self.count(Severity::Error), self.count(Severity::Warning), self.count(Severity::Info));
        let day = self.as_of.format("%Y-%m-%d");
        match lang {
            Lang::Zh => format!(
                "xiaoqu: {e} 个错误, {w} 个警告, {i} 个提示, 共 {} 个小区 (规则配置 {}, 审计日期 {day})",
                self.compounds, self.profile
            ),
            Lang::En => format!(
                "xiaoqu: {}, {}, {} in {} (profile {}, as of {day})",
                plural(e, "error"),
                plural(w, "warning"),
                plural(i, "info"),
                plural(self.compounds, "compound"),
                self.profile
            ),
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") }
}

/// Labels of the text report, per language.
struct TextLabels {
    document: &'static str,
    compound: &'static str,
    at: &'static str,
    facts: &'static str,
    help: &'static str,
    citation: &'static str,
}

const TEXT_ZH: TextLabels =
    TextLabels {
        document: "文档", compound: "小区", at: "位于", facts: "事实", help: "建议", citation: "依据"
    };
const TEXT_EN: TextLabels = TextLabels {
    document: "document",
    compound: "compound",
    at: "at",
    facts: "facts",
    help: "help",
    citation: "basis",
};

/// ANSI styling, or none.
#[derive(Clone, Copy)]
struct Paint(bool);

impl Paint {
    fn wrap(self, code: &str, text: &str) -> String {
        if self.0 { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_owned() }
    }

    fn bold(self, text: &str) -> String {
        self.wrap("1", text)
    }

    fn severity(self, s: Severity, text: &str) -> String {
        let code = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.wrap(code, text)
    }
}
