//! How a report is rendered: language, colour, names, and the document it came from.

use std::collections::BTreeMap;

use super::{Diagnostic, FactValue, Lang};
use crate::config::GovernanceConfig;

/// The text of the audited document, to point findings at lines (SARIF regions).
///
/// # Example
/// ```
/// use xiaoqu::report::{ReportOptions, Source};
/// let text = xiaoqu::example::GUOKEYUAN_JSON.replacen(r#""area": "102.30""#, r#""area": "0""#, 1);
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(&text)?;
/// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
/// let opts = ReportOptions::new().artifact_uri("doc.json").source(Source::Json(text.as_bytes()));
/// let sarif = report.to_sarif_value(&opts);
/// let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
/// let line = text.lines().position(|l| l.contains(r#""area": "0""#)).ok_or("no line")? + 1;
/// assert_eq!(region["startLine"].as_u64(), Some(line as u64));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Source<'a> {
    /// JSON text.
    Json(&'a [u8]),
    /// TOML text.
    Toml(&'a str),
}

/// Options of the renderers ([`crate::Report::render_text`], the JSON report, SARIF).
///
/// Privacy by default: reports name people by id only. Names are added next to the ids only
/// when [`ReportOptions::show_names`] hands the renderer the document to read them from; the
/// report itself never holds a name, and no renderer ever writes the free text of a record.
///
/// # Example
/// ```
/// use xiaoqu::report::ReportOptions;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let opts = ReportOptions::new().lang(xiaoqu::Lang::En).color(false).show_names(&cfg);
/// assert_eq!(opts.lang, xiaoqu::Lang::En);
/// assert!(opts.names.is_some() && !opts.color);
/// assert!(ReportOptions::default().names.is_none(), "no names unless asked");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
#[non_exhaustive]
pub struct ReportOptions<'a> {
    /// Language of messages and labels (Chinese by default).
    pub lang: Lang,
    /// ANSI colours in text output (off by default: the library never guesses a terminal).
    pub color: bool,
    /// The document to read people's names from; `None` (the default) shows ids only.
    pub names: Option<&'a GovernanceConfig>,
    /// Where the document lives (a file name or URI) for SARIF `artifactLocation.uri`.
    pub artifact_uri: Option<&'a str>,
    /// The document's text, to give SARIF results a line and column.
    pub source: Option<Source<'a>>,
}

impl<'a> ReportOptions<'a> {
    /// The defaults: Chinese, no colour, no names, no source.
    ///
    /// # Example
    /// ```
    /// let opts = xiaoqu::report::ReportOptions::new();
    /// assert_eq!(opts.lang, xiaoqu::Lang::Zh);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the language.
    ///
    /// # Example
    /// ```
    /// let opts = xiaoqu::report::ReportOptions::new().lang(xiaoqu::Lang::En);
    /// assert_eq!(opts.lang, xiaoqu::Lang::En);
    /// ```
    #[must_use]
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// Switches ANSI colours of the text output on or off.
    ///
    /// # Example
    /// ```
    /// let opts = xiaoqu::report::ReportOptions::new().color(true);
    /// assert!(opts.color);
    /// ```
    #[must_use]
    pub fn color(mut self, color: bool) -> Self {
        self.color = color;
        self
    }

    /// Shows people's names from `cfg` next to their ids (subjects and person-valued facts).
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let opts = xiaoqu::report::ReportOptions::new().show_names(&cfg);
    /// assert!(opts.names.is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn show_names(mut self, cfg: &'a GovernanceConfig) -> Self {
        self.names = Some(cfg);
        self
    }

    /// Names the audited file for SARIF locations.
    ///
    /// # Example
    /// ```
    /// let opts = xiaoqu::report::ReportOptions::new().artifact_uri("district.json");
    /// assert_eq!(opts.artifact_uri, Some("district.json"));
    /// ```
    #[must_use]
    pub fn artifact_uri(mut self, uri: &'a str) -> Self {
        self.artifact_uri = Some(uri);
        self
    }

    /// Hands over the document's text so SARIF results get a line and column.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::report::{ReportOptions, Source};
    /// let text = xiaoqu::example::GUOKEYUAN_JSON;
    /// let opts = ReportOptions::new().source(Source::Json(text.as_bytes()));
    /// assert!(opts.source.is_some());
    /// ```
    #[must_use]
    pub fn source(mut self, source: Source<'a>) -> Self {
        self.source = Some(source);
        self
    }

    /// The person-name lookup, when names were asked for.
    pub(crate) fn name_book(&self) -> Option<NameBook<'a>> {
        self.names.map(NameBook::new)
    }
}

/// People's names by id, read from the document only when a renderer was asked to show them.
pub(crate) struct NameBook<'a>(BTreeMap<&'a str, &'a str>);

impl<'a> NameBook<'a> {
    fn new(cfg: &'a GovernanceConfig) -> Self {
        Self(cfg.people.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect())
    }

    /// The name of a person id, if it is one.
    pub(crate) fn get(&self, id: &str) -> Option<&'a str> {
        self.0.get(id).copied()
    }

    /// The people a text names: the whole text, or its `/`-separated parts (`c-x/p-04`).
    fn people_in(&self, text: &str, into: &mut BTreeMap<String, &'a str>) {
        for part in std::iter::once(text).chain(text.split('/').filter(|_| text.contains('/'))) {
            if let Some(name) = self.get(part) {
                into.insert(part.to_owned(), name);
            }
        }
    }

    /// Every person a finding names, by subject and by text facts, sorted by id.
    pub(crate) fn people_of(&self, d: &Diagnostic) -> BTreeMap<String, &'a str> {
        let mut found = BTreeMap::new();
        self.people_in(d.subject(), &mut found);
        for (_, v) in d.facts() {
            if let FactValue::Text(t) = v {
                self.people_in(t, &mut found);
            }
        }
        found
    }

    /// `id (name)` when `text` is a person id or contains one; else `text` unchanged.
    pub(crate) fn label(&self, text: &str) -> String {
        let names: Vec<&str> = text.split('/').filter_map(|s| self.get(s)).collect();
        if names.is_empty() { text.to_owned() } else { format!("{text} ({})", names.join(", ")) }
    }
}
