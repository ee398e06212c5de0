//! One-line texts of reasons and verdicts, and the verdict table.

use std::fmt::Write as _;

use super::{Missing, Outcome, Reason, Screening};
use crate::queries::dual_entry::TieRelation;
use crate::report::{Lang, Text};

impl Reason {
    /// One line in both languages, naming ids, kinds, dates and numbers only.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::screening::Reason;
    /// assert_eq!(Reason::Minor { age: 17 }.text().en, "aged 17, under 18");
    /// ```
    pub fn text(&self) -> Text {
        match self {
            Self::NotAnOwner => Text::new("不是本小区业主", "owns no unit in the compound"),
            Self::Capacity(c) => {
                Text::new(format!("不具有完全民事行为能力（`{c}`）"), format!("civil capacity is `{c}`, not full"))
            }
            Self::Minor { age } => Text::new(format!("{age} 周岁，未满十八周岁"), format!("aged {age}, under 18")),
            Self::AgeOutOfRange { age, allowed } => {
                Text::new(format!("{age} 周岁，不在 {allowed} 周岁之内"), format!("aged {age}, outside {allowed}"))
            }
            Self::PropertyCompanyTie { employed, relation, company, since } => match relation {
                TieRelation::Oneself => Text::new(
                    format!("本人在物业服务企业 `{company}` 任职（自 {since}）"),
                    format!("employed by the property company `{company}` (since {since})"),
                ),
                r => Text::new(
                    format!("{} `{employed}` 在物业服务企业 `{company}` 任职（自 {since}）", r.zh()),
                    format!("their {r} `{employed}` is employed by the property company `{company}` (since {since})"),
                ),
            },
            Self::Record { index, kind, decided_on, clears_on } => {
                let (zh_until, en_until) = clears_on.map_or((String::new(), String::new()), |d| {
                    (format!("，至 {d} 起不再构成限制"), format!(", bars until {d}"))
                });
                Text::new(
                    format!("记录 records[{index}]（{kind}，{decided_on}）{zh_until}"),
                    format!("record records[{index}] ({kind}, {decided_on}){en_until}"),
                )
            }
            Self::Residency { resided_days, required_days, required_months } => Text::new(
                format!("前 12 个月在本小区居住 {resided_days} 天，不足 {required_months} 个月（{required_days} 天）"),
                format!(
                    "resided {resided_days} days in the compound in the last 12 months, less than {required_months} months ({required_days} days)"
                ),
            ),
            Self::CommitmentNotSigned => Text::new("未签署书面承诺", "has not signed the written commitment"),
        }
    }
}

impl Missing {
    /// One line in both languages.
    pub fn text(self) -> Text {
        match self {
            Self::BirthDate => Text::new("出生日期未知", "birth date unknown"),
            Self::Residency => Text::new("非业主且无居住记录", "not an owner and no residency recorded"),
            Self::Ownership => {
                Text::new("有专有部分的业主 id 无法解析", "a unit lists an owner id that does not resolve")
            }
        }
    }
}

impl Outcome {
    /// The verdict word in a language.
    pub fn word(&self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Passes, Lang::Zh) => "通过",
            (Self::Fails(_), Lang::Zh) => "不通过",
            (Self::NotEnoughData(_), Lang::Zh) => "数据不足",
            (o, Lang::En) => o.as_str(),
        }
    }
}

impl Screening {
    /// The verdicts as a plain-text table, one line per item, then one indented line per
    /// reason or missing datum.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::screening::{Role, screen_id};
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let index = xiaoqu::Index::build(&cfg);
    /// let s = screen_id(&index, &xiaoqu::Policy::default(), "p-13", "c-guokeyuan", cfg.as_of, Role::OwnerRepresentative)
    ///     .ok_or("p-13")?;
    /// let table = s.to_text(xiaoqu::Lang::En);
    /// assert!(table.contains("NL001  mandatory  error    fails"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = match lang {
            Lang::Zh => format!("`{}` 在小区 `{}`，{} 的筛查结果\n", self.person, self.compound, self.on),
            Lang::En => format!("screening of `{}` for `{}` on {}\n", self.person, self.compound, self.on),
        };
        let header = match lang {
            Lang::Zh => ["条目", "性质", "严重性", "结论"],
            Lang::En => ["item", "status", "severity", "verdict"],
        };
        let [item, status, severity, verdict] = header;
        let _ = writeln!(out, "{}  {}  {}  {verdict}", pad(item, 5), pad(status, 9), pad(severity, 7));
        for v in &self.verdicts {
            let (status, severity) = match lang {
                Lang::Zh => (v.status.zh(), v.severity.zh()),
                Lang::En => (v.status.as_str(), v.severity.as_str()),
            };
            let _ =
                writeln!(out, "{}  {}  {}  {}", v.item.code(), pad(status, 9), pad(severity, 7), v.outcome.word(lang));
            match &v.outcome {
                Outcome::Passes => {}
                Outcome::Fails(reasons) => {
                    for r in reasons {
                        let _ = writeln!(out, "       - {}", r.text().get(lang));
                    }
                }
                Outcome::NotEnoughData(m) => {
                    let _ = writeln!(out, "       - {}", m.text().get(lang));
                }
            }
        }
        out
    }
}

/// `s` padded with spaces to `width` terminal columns (a CJK character takes two).
fn pad(s: &str, width: usize) -> String {
    let cols: usize = s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(cols)))
}
