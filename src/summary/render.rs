//! Renderings of a [`DistrictSummary`]: text (Chinese or English), JSON and CSV per compound.

use std::fmt::Write as _;

use super::{AccountSummary, CompoundSummary, DistrictSummary, Rate, Totals};
use crate::model::{BranchKind, CommitteeKind, CompoundCategory, Money, PersonId};
use crate::report::Lang;

/// The labels of the text rendering in one language.
struct Labels {
    title: &'static str,
    as_of: &'static str,
    profile: &'static str,
    compounds: &'static str,
    coverage: &'static str,
    formation: &'static str,
    party_share: &'static str,
    cross_appointed: &'static str,
    cross_appointed_people: &'static str,
    one_shoulder: &'static str,
    one_shoulder_here: &'static str,
    liaison: &'static str,
    households: &'static str,
    buildings: &'static str,
    accounts: &'static str,
    balance_total: &'static str,
    balance: &'static str,
    disclosures: &'static str,
    audits: &'static str,
    votes: &'static str,
    matters: &'static str,
    street: &'static str,
    no_street: &'static str,
    per_compound: &'static str,
    branch: &'static str,
    committee: &'static str,
    account: &'static str,
    none: &'static str,
    yes: &'static str,
    no: &'static str,
    unknown: &'static str,
    sep: &'static str,
    list_sep: &'static str,
    colon: &'static str,
    open: &'static str,
    close: &'static str,
    comma: &'static str,
}

const ZH: Labels = Labels {
    title: "区域汇总",
    as_of: "截至",
    profile: "规则配置",
    compounds: "小区数",
    coverage: "党组织覆盖率",
    formation: "业委会组建率",
    party_share: "业委会党员比例",
    cross_appointed: "交叉任职人数",
    cross_appointed_people: "交叉任职",
    one_shoulder: "“一肩挑”小区数",
    one_shoulder_here: "“一肩挑”",
    liaison: "党员中心户",
    households: "联系住户",
    buildings: "楼栋党建覆盖",
    accounts: "共管账户",
    balance_total: "余额合计",
    balance: "余额",
    disclosures: "逾期公示（期/到期）",
    audits: "逾期年度审计（次/到期）",
    votes: "业主大会表决（次）",
    matters: "计票通过事项",
    street: "街道党工委",
    no_street: "未接入街道党工委",
    per_compound: "各小区",
    branch: "党组织",
    committee: "业委会",
    account: "共管账户",
    none: "无",
    yes: "是",
    no: "否",
    unknown: "无法计算",
    sep: "；",
    list_sep: "、",
    colon: "：",
    open: "（",
    close: "）",
    comma: "，",
};

const EN: Labels = Labels {
    title: "District summary",
    as_of: "as of",
    profile: "profile",
    compounds: "compounds",
    coverage: "party coverage",
    formation: "committee formation rate",
    party_share: "party share of committee members",
    cross_appointed: "cross-appointed people",
    cross_appointed_people: "cross-appointed",
    one_shoulder: "one shoulder (secretary chairs the committee)",
    one_shoulder_here: "one shoulder",
    liaison: "liaison households",
    households: "households covered",
    buildings: "buildings covered",
    accounts: "joint accounts",
    balance_total: "balances total",
    balance: "balance",
    disclosures: "overdue disclosures (of due)",
    audits: "overdue annual audits (of due)",
    votes: "assembly votes held",
    matters: "matters passed by tally",
    street: "street party working committee",
    no_street: "no street party working committee",
    per_compound: "Compounds",
    branch: "party branch",
    committee: "committee",
    account: "joint account",
    none: "none",
    yes: "yes",
    no: "no",
    unknown: "cannot be computed",
    sep: "; ",
    list_sep: ", ",
    colon: ": ",
    open: " (",
    close: ")",
    comma: ", ",
};

const fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

fn category(c: CompoundCategory, lang: Lang) -> &'static str {
    match (lang, c) {
        (Lang::Zh, CompoundCategory::Managed) => "物业小区",
        (Lang::Zh, CompoundCategory::SelfManaged) => "自管小区",
        (Lang::Zh, CompoundCategory::UnitMixed) => "单位产权混合小区",
        (Lang::En, c) => c.as_str(),
    }
}

fn branch(b: BranchKind, lang: Lang) -> &'static str {
    match (lang, b) {
        (Lang::Zh, BranchKind::Compound) => "小区党支部",
        (Lang::Zh, BranchKind::Joint) => "联合党支部",
        (Lang::Zh, BranchKind::Grid) => "网格党支部",
        (Lang::En, b) => b.as_str(),
    }
}

fn committee(k: CommitteeKind, lang: Lang) -> &'static str {
    match (lang, k) {
        (Lang::Zh, CommitteeKind::OwnersCommittee) => "业主委员会",
        (Lang::Zh, CommitteeKind::SelfManagementCouncil) => "自管会",
        (Lang::Zh, CommitteeKind::PropertyManagementCommittee) => "物业管理委员会",
        (Lang::En, k) => k.as_str(),
    }
}

/// `3/5（60.0%）`, or `0/0` when there is nothing to count.
fn rate(r: Rate, l: &Labels) -> String {
    match r.percent() {
        Some(p) => format!("{r}{}{p}{}", l.open, l.close),
        None => r.to_string(),
    }
}

fn money(m: Option<Money>, l: &Labels) -> String {
    m.map_or_else(|| l.unknown.to_owned(), |m| m.to_string())
}

fn totals_text(out: &mut String, t: &Totals, l: &Labels, indent: &str) {
    let c = l.colon;
    let _ = writeln!(out, "{indent}{}{c}{}", l.compounds, t.compounds);
    let _ = writeln!(out, "{indent}{}{c}{}", l.coverage, rate(t.coverage, l));
    let _ = writeln!(out, "{indent}{}{c}{}", l.formation, rate(t.formation_rate, l));
    let _ = writeln!(out, "{indent}{}{c}{}", l.party_share, rate(t.party_share, l));
    let _ = writeln!(out, "{indent}{}{c}{}", l.cross_appointed, t.cross_appointed);
    let _ = writeln!(out, "{indent}{}{c}{}", l.one_shoulder, t.one_shoulder);
    let _ = writeln!(
        out,
        "{indent}{}{c}{}{}{}{c}{}",
        l.liaison,
        t.liaison_households,
        l.sep,
        l.households,
        rate(t.households_covered, l)
    );
    let _ = writeln!(out, "{indent}{}{c}{}", l.buildings, rate(t.buildings_covered, l));
    let _ = writeln!(
        out,
        "{indent}{}{c}{}{}{}{c}{}",
        l.accounts,
        t.joint_accounts,
        l.sep,
        l.balance_total,
        money(t.balance_total, l)
    );
    let _ = writeln!(out, "{indent}{}{c}{}/{}", l.disclosures, t.disclosures_overdue, t.disclosures_due);
    let _ = writeln!(out, "{indent}{}{c}{}/{}", l.audits, t.audits_overdue, t.audits_due);
    let _ =
        writeln!(out, "{indent}{}{c}{}{}{}{c}{}", l.votes, t.votes_held, l.sep, l.matters, rate(t.matters_passed, l));
}

fn account_text(a: &AccountSummary, l: &Labels) -> String {
    let c = l.colon;
    format!(
        "{} {}{c}{}{c}{}{}{}{c}{}/{}{}{}{c}{}/{}",
        l.account,
        a.id,
        l.balance,
        money(a.balance, l),
        l.sep,
        l.disclosures,
        a.disclosures_overdue,
        a.disclosures_due,
        l.sep,
        l.audits,
        a.audits_overdue,
        a.audits_due
    )
}

fn compound_text(out: &mut String, s: &CompoundSummary, lang: Lang, l: &Labels) {
    let c = l.colon;
    let _ = writeln!(out, "{}{}{}{}{}{}", s.name, l.open, s.id, l.comma, category(s.category, lang), l.close);
    let _ = writeln!(
        out,
        "  {}{c}{}{}{}{c}{}{}{}{c}{}",
        l.branch,
        s.party_branch.map_or(l.none, |b| branch(b, lang)),
        l.sep,
        l.committee,
        s.committee.map_or(l.none, |k| committee(k, lang)),
        l.sep,
        l.party_share,
        s.party_share.map_or_else(|| l.none.to_owned(), |r| rate(r, l)),
    );
    let people: Vec<&str> = s.cross_appointed.iter().map(PersonId::as_str).collect();
    let people = if people.is_empty() { l.none.to_owned() } else { people.join(l.list_sep) };
    let _ = writeln!(
        out,
        "  {}{c}{people}{}{}{c}{}",
        l.cross_appointed_people,
        l.sep,
        l.one_shoulder_here,
        if s.one_shoulder { l.yes } else { l.no }
    );
    let _ = writeln!(
        out,
        "  {}{c}{}{}{}{c}{}{}{}{c}{}",
        l.liaison,
        s.liaison_households,
        l.sep,
        l.households,
        rate(s.households_covered, l),
        l.sep,
        l.buildings,
        rate(s.buildings_covered, l)
    );
    let account =
        s.joint_account.as_ref().map_or_else(|| format!("{}{c}{}", l.account, l.none), |a| account_text(a, l));
    let _ = writeln!(out, "  {account}");
    let _ = writeln!(out, "  {}{c}{}{}{}{c}{}", l.votes, s.votes_held, l.sep, l.matters, rate(s.matters_passed, l));
}

/// The CSV columns, in order.
const CSV_HEADER: &[&str] = &[
    "compound",
    "name",
    "category",
    "old_compound",
    "street",
    "party_branch",
    "committee",
    "committee_members",
    "party_members",
    "party_share_percent",
    "cross_appointed",
    "cross_appointed_people",
    "one_shoulder",
    "liaison_households",
    "units",
    "households_covered",
    "households_covered_percent",
    "buildings",
    "buildings_covered",
    "joint_account",
    "balance",
    "disclosures_due",
    "disclosures_overdue",
    "audits_due",
    "audits_overdue",
    "votes_held",
    "matters_voted",
    "matters_passed",
];

/// A CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or leading or
/// trailing spaces, with quotes doubled.
fn csv_field(out: &mut String, value: &str) {
    let needs_quotes = value.contains([',', '"', '\n', '\r'])
        || value.starts_with(char::is_whitespace)
        || value.ends_with(char::is_whitespace);
    if needs_quotes {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn csv_row(out: &mut String, fields: &[String]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, f);
    }
    out.push('\n');
}

fn csv_fields(s: &CompoundSummary) -> Vec<String> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let acc = s.joint_account.as_ref();
    let acc_count = |f: fn(&AccountSummary) -> u64| opt(acc.map(|a| f(a).to_string()));
    vec![
        s.id.to_string(),
        s.name.clone(),
        s.category.as_str().to_owned(),
        s.old_compound.to_string(),
        opt(s.street.as_ref().map(ToString::to_string)),
        opt(s.party_branch.map(|b| b.as_str().to_owned())),
        opt(s.committee.map(|k| k.as_str().to_owned())),
        opt(s.party_share.map(|r| r.den.to_string())),
        opt(s.party_share.map(|r| r.num.to_string())),
        opt(s.party_share.and_then(Rate::percent)),
        s.cross_appointed.len().to_string(),
        s.cross_appointed.iter().map(PersonId::as_str).collect::<Vec<_>>().join(";"),
        s.one_shoulder.to_string(),
        s.liaison_households.to_string(),
        s.households_covered.den.to_string(),
        s.households_covered.num.to_string(),
        opt(s.households_covered.percent()),
        s.buildings_covered.den.to_string(),
        s.buildings_covered.num.to_string(),
        opt(acc.map(|a| a.id.to_string())),
        opt(acc.and_then(|a| a.balance).map(|m| m.to_string())),
        acc_count(|a| a.disclosures_due),
        acc_count(|a| a.disclosures_overdue),
        acc_count(|a| a.audits_due),
        acc_count(|a| a.audits_overdue),
        s.votes_held.to_string(),
        s.matters_passed.den.to_string(),
        s.matters_passed.num.to_string(),
    ]
}

impl DistrictSummary {
    /// The summary as text: the district, then each street when there are several, then each
    /// compound.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let summary = xiaoqu::summary::summarize(&cfg, &cfg.policy()?);
    /// assert!(summary.to_text(xiaoqu::Lang::Zh).contains("党组织覆盖率：1/1（100.0%）"));
    /// assert!(summary.to_text(xiaoqu::Lang::En).contains("party share of committee members: 3/5 (60.0%)"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let l = labels(lang);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}{}{} {}{}{} {}{}",
            l.title, l.open, l.as_of, self.as_of, l.comma, l.profile, self.profile, l.close
        );
        totals_text(&mut out, &self.totals, l, "  ");
        if self.streets.len() > 1 {
            for s in &self.streets {
                out.push('\n');
                match (&s.street, &s.name) {
                    (Some(id), Some(name)) => {
                        let _ = writeln!(out, "{}{}{name}{}{id}{}", l.street, l.colon, l.open, l.close);
                    }
                    _ => {
                        let _ = writeln!(out, "{}", l.no_street);
                    }
                }
                totals_text(&mut out, &s.totals, l, "  ");
            }
        }
        if !self.compounds.is_empty() {
            let _ = writeln!(out, "\n{}", l.per_compound);
        }
        for c in &self.compounds {
            compound_text(&mut out, c, lang, l);
        }
        out
    }

    /// One CSV row per compound after one header row (RFC 4180 quoting, `\n` line ends).
    /// Empty cells mean "none" (no committee, no account); shares are also given as counts.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let csv = xiaoqu::summary::summarize(&cfg, &cfg.policy()?).to_csv();
    /// let mut lines = csv.lines();
    /// assert!(lines.next().ok_or("no header")?.starts_with("compound,name,category,"));
    /// assert!(lines.next().ok_or("no row")?.starts_with("c-guokeyuan,国科园小区,managed,"));
    /// assert_eq!(lines.next(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        csv_row(&mut out, &CSV_HEADER.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>());
        for c in &self.compounds {
            csv_row(&mut out, &csv_fields(c));
        }
        out
    }

    /// The summary as pretty-printed JSON with stable keys: `as_of`, `profile`, `totals`,
    /// `streets` (`street`, `name`, `totals`) and `compounds`; each rate is
    /// `{ "num", "den", "percent" }` and money is a decimal string.
    ///
    /// # Errors
    /// Only if serialization itself fails, which the shapes here never cause.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let json = xiaoqu::summary::summarize(&cfg, &cfg.policy()?).to_json_string()?;
    /// let v: serde_json::Value = serde_json::from_str(&json)?;
    /// assert_eq!(v["totals"]["party_share"]["percent"], "60.0%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn to_json_string(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(value: &str) -> String {
        let mut out = String::new();
        csv_field(&mut out, value);
        out
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(field("国科园小区"), "国科园小区");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("cr\r"), "\"cr\r\"");
        assert_eq!(field(" padded"), "\" padded\"");
        assert_eq!(field(""), "");
    }

    #[test]
    #[cfg(feature = "json")]
    fn header_and_rows_have_the_same_width() -> Result<(), crate::LoadError> {
        let cfg = crate::GovernanceConfig::from_json_str(crate::example::GUOKEYUAN_JSON)?;
        let csv = super::super::summarize(&cfg, &crate::Policy::default()).to_csv();
        // The reference document has no field that needs quotes, so commas split the fields.
        let widths: Vec<usize> = csv.lines().map(|l| l.split(',').count()).collect();
        assert_eq!(widths, [CSV_HEADER.len(), CSV_HEADER.len()]);
        Ok(())
    }
}
