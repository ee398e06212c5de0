//! A text rendering of a tally that a person can check by hand.

use std::fmt::Write as _;

use serde::{Serialize, Serializer};

use super::{
    Abstention, AreaHeads, AssemblyTally, Axis, Check, Exclusion, HeadKey, Majority, MatterTally, abstention_name,
};
use crate::model::{Area, Headcount, MatterId, MatterKind, Scope};
use crate::report::Lang;

struct Labels {
    assembly: &'static str,
    scope_compound: &'static str,
    scope_building: &'static str,
    window: &'static str,
    abstention_not_counted: &'static str,
    abstention_follow: &'static str,
    total: &'static str,
    heads_word: &'static str,
    units_word: &'static str,
    one_head: &'static str,
    ballots: &'static str,
    cast: &'static str,
    counted: &'static str,
    ballot: &'static str,
    overflow: &'static str,
    ordinary: &'static str,
    special: &'static str,
    columns: (&'static str, &'static str),
    participating: &'static str,
    for_: &'static str,
    against: &'static str,
    abstain: &'static str,
    approving: &'static str,
    quorum: &'static str,
    approval: &'static str,
    area_word: &'static str,
    heads_axis: &'static str,
    comma: &'static str,
    met: &'static str,
    not_met: &'static str,
    missing: &'static str,
    result: &'static str,
    passed: &'static str,
    not_passed: &'static str,
    split: &'static str,
}

const EN: Labels = Labels {
    assembly: "assembly",
    scope_compound: "whole compound",
    scope_building: "building",
    window: "voting",
    abstention_not_counted: "abstentions: not counted (participation, not approval)",
    abstention_follow: "abstentions: follow the majority on each axis (covenant or local rule, R063)",
    total: "total",
    heads_word: "heads",
    units_word: "units",
    one_head: "one head",
    ballots: "ballots",
    cast: "cast",
    counted: "counted",
    ballot: "ballot",
    overflow: "areas beyond the decimal range: nothing can be decided",
    ordinary: "ordinary majority: more than 1/2 of participating area and heads",
    special: "special majority: at least 3/4 of participating area and heads",
    columns: ("area (m²)", "heads"),
    participating: "participating",
    for_: "for",
    against: "against",
    abstain: "abstain",
    approving: "approving (counted)",
    quorum: "needed for quorum (≥ 2/3 of total)",
    approval: "needed for approval",
    area_word: "area ",
    heads_axis: "heads ",
    comma: ", ",
    met: "met",
    not_met: "NOT met",
    missing: "missing",
    result: "result",
    passed: "passed",
    not_passed: "NOT passed",
    split: "heads whose units voted differently (counted as abstaining)",
};

const ZH: Labels = Labels {
    assembly: "业主大会表决",
    scope_compound: "全体业主",
    scope_building: "楼栋",
    window: "表决期",
    abstention_not_counted: "弃权：计入参与表决，不计入同意",
    abstention_follow: "弃权：各按面积、人数计入多数一方（管理规约或地方规定，R063）",
    total: "总计",
    heads_word: "人",
    units_word: "个专有部分",
    one_head: "计一人",
    ballots: "表决票",
    cast: "投出",
    counted: "有效",
    ballot: "表决票",
    overflow: "面积之和超出十进制范围：无法计票",
    ordinary: "一般事项：经参与表决专有部分面积过半数且参与表决人数过半数的业主同意",
    special: "特别事项：经参与表决专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意",
    columns: ("面积 (m²)", "人数"),
    participating: "参与表决",
    for_: "同意",
    against: "反对",
    abstain: "弃权",
    approving: "计入同意",
    quorum: "法定参与所需（总数 2/3 以上）",
    approval: "通过所需",
    area_word: "面积",
    heads_axis: "人数",
    comma: "，",
    met: "达到",
    not_met: "未达到",
    missing: "尚缺",
    result: "结果",
    passed: "通过",
    not_passed: "未通过",
    split: "名下专有部分表决不一致的人数（计为弃权）",
};

fn exclusion(e: Exclusion, lang: Lang) -> &'static str {
    match (e, lang) {
        (Exclusion::UnknownUnit, Lang::En) => "unknown unit",
        (Exclusion::UnknownUnit, Lang::Zh) => "专有部分不存在",
        (Exclusion::OutOfScope, Lang::En) => "unit outside the vote's scope",
        (Exclusion::OutOfScope, Lang::Zh) => "专有部分不在表决范围内",
        (Exclusion::OutsideWindow, Lang::En) => "cast outside the voting window",
        (Exclusion::OutsideWindow, Lang::Zh) => "不在表决期内投出",
        (Exclusion::VoterNotEntitled, Lang::En) => "voter not entitled",
        (Exclusion::VoterNotEntitled, Lang::Zh) => "投票人无权表决",
        (Exclusion::DuplicateUnit, Lang::En) => "second ballot of the unit",
        (Exclusion::DuplicateUnit, Lang::Zh) => "同一专有部分的重复表决票",
    }
}

/// Columns a string takes in a terminal: CJK and full-width characters take two.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match u32::from(c) {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

fn shortfall(l: &Labels, m: AreaHeads) -> String {
    format!("{} {} m², {} {}", l.missing, m.area, m.heads, l.heads_word)
}

impl AssemblyTally {
    /// The tally as text: totals, heads with several units, excluded ballots, and per matter a
    /// table of area and heads with the thresholds, the result and what is still missing.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let text = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?.to_text(xiaoqu::Lang::En);
    /// assert!(text.contains("1295.60 m², 11 heads"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let l = match lang {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        };
        let mut t = String::new();
        let scope = match &self.scope {
            Scope::Compound => l.scope_compound.to_owned(),
            Scope::Building(b) => format!("{} {b}", l.scope_building),
        };
        let _ = writeln!(
            t,
            "{} {} · {scope} · {} {} .. {}",
            l.assembly, self.assembly, l.window, self.opened_on, self.closed_on
        );
        let _ = writeln!(
            t,
            "{} [{}]",
            match self.abstention {
                Abstention::NotCounted => l.abstention_not_counted,
                Abstention::FollowMajority => l.abstention_follow,
            },
            abstention_name(self.abstention)
        );
        if self.overflowed {
            let _ = writeln!(t, "{}", l.overflow);
        }
        let units: usize = self.heads.iter().map(|h| h.units.len()).sum();
        let _ = writeln!(
            t,
            "{}: {} m², {} {} ({units} {})",
            l.total, self.total.area, self.total.heads, l.heads_word, l.units_word
        );
        for h in self.heads.iter().filter(|h| h.units.len() > 1) {
            let who = match &h.key {
                HeadKey::Developer(o) => o.to_string(),
                HeadKey::Owners(p) => p.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
                HeadKey::Unowned(u) => u.to_string(),
            };
            let list = h.units.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
            let _ = writeln!(t, "  {who}: {list} ({})", l.one_head);
        }
        let counted = self.ballots.iter().filter(|b| b.excluded.is_none()).count();
        let _ = writeln!(t, "{}: {} {}, {counted} {}", l.ballots, self.ballots.len(), l.cast, l.counted);
        for b in &self.ballots {
            if let Some(e) = b.excluded {
                let _ = writeln!(t, "  {} #{} ({}): {}", l.ballot, b.index, b.unit, exclusion(e, lang));
            }
        }
        for m in &self.matters {
            t.push('\n');
            matter(&mut t, l, self.abstention, m);
        }
        t
    }
}

fn matter(t: &mut String, labels: &Labels, abstention: Abstention, m: &MatterTally) {
    let l = labels;
    let class = match m.majority {
        Majority::Ordinary => l.ordinary,
        Majority::Special => l.special,
    };
    let _ = writeln!(t, "{}  {}  {class}", m.id, m.kind);
    let row = |t: &mut String, label: &str, area: String, heads: String, tail: &str| {
        let pad = 36usize.saturating_sub(width(label));
        let (pa, ph) = (12usize.saturating_sub(width(&area)), 8usize.saturating_sub(width(&heads)));
        let _ = writeln!(t, "  {label}{:pad$}{:pa$}{area}{:ph$}{heads}{tail}", "", "", "");
    };
    row(t, "", l.columns.0.to_owned(), l.columns.1.to_owned(), "");
    let (area, heads) = (&m.area, &m.heads);
    for (label, x, n) in [
        (l.total, area.total, heads.total),
        (l.participating, area.participating, heads.participating),
        (l.for_, area.in_favour, heads.in_favour),
        (l.against, area.against, heads.against),
        (l.abstain, area.abstaining, heads.abstaining),
    ] {
        row(t, label, x.to_string(), n.to_string(), "");
    }
    if abstention == Abstention::FollowMajority {
        row(t, l.approving, m.approving.area.to_string(), m.approving.heads.to_string(), "");
    }
    let verdict = |(area, heads): (bool, bool)| {
        let word = |ok: bool| if ok { l.met } else { l.not_met };
        format!("{}{}{}{}{}", l.area_word, word(area), l.comma, l.heads_axis, word(heads))
    };
    let quorum = format!("   {}   {}", verdict(m.quorum.axes()), shortfall(l, m.quorum.missing));
    row(t, l.quorum, m.quorum.needed.area.to_string(), m.quorum.needed.heads.to_string(), &quorum);
    let label = format!("{} ({})", l.approval, m.majority.bound());
    let approval = format!("   {}   {}", verdict(m.approval.axes()), shortfall(l, m.approval.missing));
    row(t, &label, m.approval.needed.area.to_string(), m.approval.needed.heads.to_string(), &approval);
    if !m.split_heads.is_empty() {
        let _ = writeln!(t, "  {}: {}", l.split, m.split_heads.len());
    }
    let _ = writeln!(t, "  {}: {}", l.result, if m.passed() { l.passed } else { l.not_passed });
}

impl Serialize for Check {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// `{ met, area_met, heads_met, needed, missing }`.
        #[derive(Serialize)]
        struct View {
            met: bool,
            area_met: bool,
            heads_met: bool,
            needed: AreaHeads,
            missing: AreaHeads,
        }
        View {
            met: self.met(),
            area_met: self.area_met,
            heads_met: self.heads_met,
            needed: self.needed,
            missing: self.missing,
        }
        .serialize(s)
    }
}

impl Serialize for MatterTally {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// The JSON form of a matter, fields in the documented, stable order.
        #[derive(Serialize)]
        struct View<'a> {
            id: &'a MatterId,
            kind: MatterKind,
            majority: Majority,
            threshold: &'static str,
            area: &'a Axis<Area>,
            heads: &'a Axis<Headcount>,
            approving: AreaHeads,
            quorum: &'a Check,
            approval: &'a Check,
            split_heads: usize,
            passed: bool,
        }
        View {
            id: &self.id,
            kind: self.kind,
            majority: self.majority,
            threshold: self.majority.bound(),
            area: &self.area,
            heads: &self.heads,
            approving: self.approving,
            quorum: &self.quorum,
            approval: &self.approval,
            split_heads: self.split_heads.len(),
            passed: self.passed(),
        }
        .serialize(s)
    }
}
