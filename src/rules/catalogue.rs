//! The catalogue of implemented rules: code, default severity, basis, citation, description.
//!
//! `RULES.md` is the source. Only rules that are implemented are listed, so a code listed here
//! always has a check behind it.

use crate::report::{Basis, RuleCode, Severity};

/// The description of one rule.
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

const LIB_CITATION: &str = "xiaoqu 文档约定 (CONFIG.md)";

const CATALOGUE: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::Cfg001,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: LIB_CITATION,
        sources: "CONFIG.md",
        summary_zh: "每个 id 引用都指向文档中存在的、类型正确的实体",
        summary_en: "every id reference names an existing entity of the right kind",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Cfg002,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: LIB_CITATION,
        sources: "CONFIG.md",
        summary_zh: "同类实体的 id 在文档内唯一",
        summary_en: "ids are unique per kind",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Cfg003,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: LIB_CITATION,
        sources: "CONFIG.md",
        summary_zh: "日期先后正确：起始不晚于结束，开始不晚于截止，当选早于任期届满",
        summary_en: "dates are in order: from <= to, opened <= closed, elected_on < term_end, etc.",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Cfg004,
        severity: Severity::Warning,
        basis: Basis::Lib,
        on_by_default: true,
        citation: LIB_CITATION,
        sources: "CONFIG.md",
        summary_zh: "已发生的事件日期不晚于审计日期 as_of",
        summary_en: "dated events are not after `as_of`",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Cfg005,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: "最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释 第八条",
        sources: "R026",
        summary_zh: "专有部分登记面积大于零",
        summary_en: "unit area > 0",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Cfg006,
        severity: Severity::Error,
        basis: Basis::Law,
        on_by_default: true,
        citation: "最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释 第一条、第九条",
        sources: "R027, R028",
        summary_zh: "每个专有部分有至少一名业主或由建设单位持有，二者不可兼有",
        summary_en: "each unit has at least one owner or is developer-held, not both",
        params: &[],
    },
];

/// Every implemented rule, in catalogue order.
///
/// # Example
/// ```
/// let codes: Vec<&str> = xiaoqu::rules::catalogue().iter().map(|r| r.code.as_str()).collect();
/// assert!(codes.contains(&"CFG001"));
/// ```
pub fn catalogue() -> &'static [RuleMeta] {
    CATALOGUE
}

/// The description of one implemented rule.
pub fn meta(code: RuleCode) -> Option<&'static RuleMeta> {
    CATALOGUE.iter().find(|m| m.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_ordered_and_unique() {
        for w in CATALOGUE.windows(2) {
            if let [a, b] = w {
                assert!(a.code < b.code, "{} then {}", a.code, b.code);
            }
        }
        for m in CATALOGUE {
            assert!(!m.citation.is_empty() && !m.summary_zh.is_empty() && !m.summary_en.is_empty());
        }
    }
}
