//! Rendering a [`Report`] as JSON (the keys of `SPEC.md`) or as text for a terminal.

use std::fmt::Write as _;

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use super::{Diagnostic, FactValue, Lang, Report, Severity};

/// The tool's name and version, as written in reports.
pub const TOOL_NAME: &str = "xiaoqu";
/// The crate version.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A [`Report`] bound to a language, serializable with the normative keys of `SPEC.md`.
#[derive(Debug, Clone, Copy)]
pub struct ReportView<'a> {
    report: &'a Report,
    lang: Lang,
}

struct DiagView<'a>(&'a Diagnostic, Lang);
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
        let mut st = s.serialize_struct("Diagnostic", 11)?;
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
        st.end()
    }
}

impl Serialize for ReportView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Diags<'a>(&'a [Diagnostic], Lang);
        impl Serialize for Diags<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(|d| DiagView(d, self.1)))
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
        st.serialize_field("diagnostics", &Diags(&r.diagnostics, self.lang))?;
        st.serialize_field("summary", &Summary(r))?;
        st.end()
    }
}

impl Report {
    /// A serializable view in `lang` with the keys of `SPEC.md`.
    pub fn view(&self, lang: Lang) -> ReportView<'_> {
        ReportView { report: self, lang }
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

    /// A readable text rendering: one block per finding and a summary line.
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            let sev = match lang {
                Lang::Zh => d.severity.zh(),
                Lang::En => d.severity.as_str(),
            };
            let _ = writeln!(out, "{sev}[{}] {}: {}", d.code, d.code.name(), d.message.get(lang));
            let compound = d.compound.as_ref().map_or("-", crate::model::CompoundId::as_str);
            let (subj, at, basis) = match lang {
                Lang::Zh => ("对象", "位置", "依据"),
                Lang::En => ("subject", "at", "basis"),
            };
            let _ = writeln!(out, "  {subj}: {}  ({compound})  {at}: {}", d.subject, d.path);
            let _ = writeln!(out, "  {basis}: {} · {}", d.basis, d.citation);
            if !d.facts.is_empty() {
                let facts: Vec<String> = d.facts.iter().map(|(k, v)| format!("{k}={v}")).collect();
                let _ = writeln!(out, "  facts: {}", facts.join(", "));
            }
            if let Some(h) = &d.help {
                let _ = writeln!(out, "  help: {}", h.get(lang));
            }
        }
        let (e, w, i) = (self.count(Severity::Error), self.count(Severity::Warning), self.count(Severity::Info));
        let _ = match lang {
            Lang::Zh => writeln!(
                out,
                "xiaoqu: {e} 个错误, {w} 个警告, {i} 个提示; 共 {} 个小区 (规则配置 {}, 审计日期 {})",
                self.compounds,
                self.profile,
                self.as_of.format("%Y-%m-%d")
            ),
            Lang::En => writeln!(
                out,
                "xiaoqu: {e} error(s), {w} warning(s), {i} info(s) in {} compound(s) (profile {}, as of {})",
                self.compounds,
                self.profile,
                self.as_of.format("%Y-%m-%d")
            ),
        };
        out
    }
}
