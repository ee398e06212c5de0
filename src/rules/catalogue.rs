//! The catalogue of implemented rules: code, default severity, basis, citation, description.
//!
//! `RULES.md` is the source. Only rules that are implemented are listed, so a code listed here
//! always has a check behind it.

use crate::report::{Basis, RuleCode, Severity};

/// The description of one rule.
///
/// # Example
/// ```
/// use xiaoqu::{Basis, RuleCode, Severity};
/// let av001 = xiaoqu::rules::meta(RuleCode::Av001).ok_or("AV001 not implemented")?;
/// assert_eq!((av001.severity, av001.basis, av001.citation), (Severity::Error, Basis::Law, "民法典 第二百七十八条"));
/// let off = xiaoqu::rules::catalogue().iter().filter(|m| !m.on_by_default).map(|m| m.code);
/// assert!(off.collect::<Vec<_>>().contains(&RuleCode::Nl007), "NL007 runs only when a profile asks for it");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleMeta {
    /// Stable code.
    pub code: RuleCode,
    /// Default severity.
    pub severity: Severity,
    /// Where the rule comes from.
    pub basis: Basis,
    /// Whether presets whose bases include this rule's basis run it (false for rules that are
    /// off until a profile switches them on).
    pub on_by_default: bool,
    /// The legal citation carried by every finding.
    pub citation: &'static str,
    /// The R-numbers of `domain-rules.md` behind the rule.
    pub sources: &'static str,
    /// One line in Chinese.
    pub summary_zh: &'static str,
    /// One line in English.
    pub summary_en: &'static str,
    /// The policy parameters the rule reads.
    pub params: &'static [&'static str],
}

/// The families in catalogue order; each family file owns its `META` list.
const FAMILIES: &[&[RuleMeta]] = &[
    super::cfg::META,
    super::org::META,
    super::dual_entry::META,
    super::committee::META,
    super::negative_list::META,
    super::election::META,
    super::voting::META,
    super::joint_account::META,
    super::maintenance_fund::META,
    super::meetings::META,
];

static CATALOGUE: std::sync::LazyLock<Vec<RuleMeta>> =
    std::sync::LazyLock::new(|| FAMILIES.iter().flat_map(|f| f.iter().copied()).collect());

/// Every implemented rule, in catalogue order.
///
/// # Example
/// ```
/// let codes: Vec<&str> = xiaoqu::rules::catalogue().iter().map(|r| r.code.as_str()).collect();
/// assert!(codes.contains(&"CFG001"));
/// ```
pub fn catalogue() -> &'static [RuleMeta] {
    &CATALOGUE
}

/// The description of one implemented rule: `None` only for a code the catalogue does not hold
/// (in this version every [`RuleCode`] has an entry; a unit test keeps it so).
///
/// # Example
/// ```
/// use xiaoqu::RuleCode;
/// let av002 = xiaoqu::rules::meta(RuleCode::Av002).ok_or("AV002 not implemented")?;
/// assert_eq!(av002.params, ["abstention"]);
/// assert!(xiaoqu::rules::catalogue().iter().all(|m| xiaoqu::rules::meta(m.code) == Some(m)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn meta(code: RuleCode) -> Option<&'static RuleMeta> {
    // The catalogue is in code order and holds every code (the unit tests below), so a code's
    // entry sits at the code's position; rules ask at every check, so that is looked at first.
    CATALOGUE.get(code as usize).filter(|m| m.code == code).or_else(|| CATALOGUE.iter().find(|m| m.code == code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_ordered_and_unique() {
        for w in catalogue().windows(2) {
            if let [a, b] = w {
                assert!(a.code < b.code, "{} then {}", a.code, b.code);
            }
        }
        for m in catalogue() {
            assert!(!m.citation.is_empty() && !m.summary_zh.is_empty() && !m.summary_en.is_empty());
        }
    }

    #[test]
    fn every_code_has_an_entry() {
        let missing: Vec<&str> = RuleCode::ALL.iter().filter(|c| meta(**c).is_none()).map(|c| c.as_str()).collect();
        assert!(missing.is_empty(), "codes without a catalogue entry: {missing:?}");
        assert_eq!(catalogue().len(), RuleCode::ALL.len());
        // `meta` looks at the code's position first: each entry sits at its code's position.
        for (i, code) in RuleCode::ALL.iter().enumerate() {
            assert_eq!(catalogue().get(i).map(|m| m.code), Some(*code), "position {i}");
            assert_eq!(*code as usize, i);
        }
    }
}
