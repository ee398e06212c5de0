//! City presets (`beijing`, `shanghai`, `hangzhou`) as data: the base preset, the rules each
//! city's regulation switches on, and every parameter value it sets, each with its article.
//!
//! Sources: `domain-rules.md` §4.2, §5.2, §6.2, §9, §10, §15 (R-numbers below) and, for
//! Beijing, the text of 北京市物业管理条例 (2024 revision) itself. A preset lists:
//! - `rules`: the `local` rules the city's regulation has (a `local` rule is off in `national`
//!   and `default`), and the `practice` rules it makes law (e.g. the negative-list items the
//!   city makes mandatory, §6.2 "M"), so that their findings cite the city's article. NL007
//!   (fee arrears) is in no preset: 法工委 found such bars without basis in higher law (H3).
//! - `params`: `(parameter, value, citation)` for every parameter whose value the city changes,
//!   or whose value the city fixes in law where `default` has it from practice or from an
//!   unverified national source; each names the rules whose findings then cite that article.
//!
//! Findings of a rule a preset governs carry the preset's citation ([`super::Policy::citation_for`]);
//! `explain` shows where a value comes from ([`super::Policy::param_source`]).
//!
//! What the presets cannot say, and why:
//! - Beijing and Shanghai set no largest committee size ("五人以上单数", BJ Art 39, SH Art 20),
//!   so their `committee_size` has no upper bound (written `5..`).
//! - Beijing sends ≥ 50% of revenue to the fund only while the fund is below 30% of its first
//!   deposit (BJ Art 74, R114): JA015 cannot express the condition, so it stays off there.
//! - Beijing requires a residency period but leaves its length to the candidate method (BJ Art
//!   39(3), N13): NL011 is switched on and runs once a profile sets `residency_months`.
//! - Hangzhou allows 7 days' notice for a temporary assembly (HZ Art 19); the document does not
//!   say which assemblies are temporary, so `assembly_notice_days` stays 15.

use super::value::ParamValue;
use crate::report::RuleCode;

/// A parameter value as a preset writes it (the same forms a profile accepts).
///
/// # Example
/// ```
/// use xiaoqu::policy::{PresetValue, city_preset};
/// let shanghai = city_preset("shanghai").ok_or("no such city")?;
/// let term = shanghai.params.iter().find(|p| p.name == "term_min_years").ok_or("not set")?;
/// assert_eq!(term.value, PresetValue::Int(3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresetValue {
    /// An integer.
    Int(u32),
    /// A string: a range, ratio, threshold or enum value.
    Str(&'static str),
    /// A list of strings.
    List(&'static [&'static str]),
}

impl PresetValue {
    /// The value as a profile would write it.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::policy::{ParamValue, PresetValue};
    /// assert_eq!(PresetValue::Int(3).to_param(), ParamValue::Int(3));
    /// ```
    pub fn to_param(self) -> ParamValue {
        match self {
            Self::Int(i) => ParamValue::Int(i64::from(i)),
            Self::Str(s) => ParamValue::Str(s.to_owned()),
            Self::List(l) => ParamValue::List(l.iter().map(|s| ParamValue::Str((*s).to_owned())).collect()),
        }
    }
}

/// A rule a city's regulation switches on, with the article its findings cite.
///
/// # Example
/// ```
/// use xiaoqu::RuleCode;
/// let shanghai = xiaoqu::policy::city_preset("shanghai").ok_or("no such city")?;
/// let rule = shanghai.rules.iter().find(|r| r.code == RuleCode::Ja013).ok_or("not switched on")?;
/// assert!(rule.citation.starts_with("上海市住宅物业管理规定"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresetRule {
    /// The rule.
    pub code: RuleCode,
    /// The city's article.
    pub citation: &'static str,
}

/// A parameter a city's regulation sets.
///
/// # Example
/// ```
/// let beijing = xiaoqu::policy::city_preset("beijing").ok_or("no such city")?;
/// let leader = beijing.params.iter().find(|p| p.name == "prep_group_leader").ok_or("not set")?;
/// assert_eq!(leader.citation, "北京市物业管理条例 第三十一条");
/// assert!(leader.rules.contains(&xiaoqu::RuleCode::El003));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresetParam {
    /// The parameter's name (as in `RULES.md` and profiles).
    pub name: &'static str,
    /// Its value in the city.
    pub value: PresetValue,
    /// The city's article.
    pub citation: &'static str,
    /// The rules whose findings cite this article when the value comes from the preset.
    pub rules: &'static [RuleCode],
}

/// A city preset: `default` plus what the city's regulation changes.
///
/// # Example
/// ```
/// let hangzhou = xiaoqu::policy::city_preset("hangzhou").ok_or("no such city")?;
/// assert_eq!((hangzhou.base, hangzhou.regulation), ("default", "杭州市物业管理条例"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CityPreset {
    /// Preset name.
    pub name: &'static str,
    /// The regulation, in Chinese.
    pub regulation: &'static str,
    /// The preset it is built on.
    pub base: &'static str,
    /// Rules it switches on.
    pub rules: &'static [PresetRule],
    /// Parameters it sets.
    pub params: &'static [PresetParam],
}

/// The city presets, in the order of [`super::PRESETS`].
///
/// # Example
/// ```
/// let names: Vec<&str> = xiaoqu::policy::CITY_PRESETS.iter().map(|c| c.name).collect();
/// assert_eq!(names, ["beijing", "shanghai", "hangzhou"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const CITY_PRESETS: &[CityPreset] = &[BEIJING, SHANGHAI, HANGZHOU];

/// The city preset of that name.
///
/// # Example
/// ```
/// let shanghai = xiaoqu::policy::city_preset("shanghai").ok_or("no preset")?;
/// assert_eq!(shanghai.base, "default");
/// assert!(xiaoqu::policy::city_preset("default").is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn city_preset(name: &str) -> Option<&'static CityPreset> {
    CITY_PRESETS.iter().find(|c| c.name == name)
}

const fn rule(code: RuleCode, citation: &'static str) -> PresetRule {
    PresetRule { code, citation }
}

const fn param(
    name: &'static str,
    value: PresetValue,
    citation: &'static str,
    rules: &'static [RuleCode],
) -> PresetParam {
    PresetParam { name, value, citation, rules }
}

use PresetValue::{Int, List, Str};
use RuleCode as R;

/// "At least 5, odd, no maximum": `Range` has no open end, so the largest `u32` stands for it.
const FIVE_OR_MORE: PresetValue = Str("5..");
/// Exactly three members (the small-compound exception).
const THREE: PresetValue = Str("3..=3");

// ---------------------------------------------------------------------------------------------
// Beijing: 北京市物业管理条例 (2020, amended 2024-03-29), read in full.

const BJ_31: &str = "北京市物业管理条例 第三十一条";
const BJ_39: &str = "北京市物业管理条例 第三十九条";
const BJ_39_78: &str = "北京市物业管理条例 第三十九条第三款第（六）项、第七十八条";
const BJ_45: &str = "北京市物业管理条例 第四十五条";

const BEIJING: CityPreset = CityPreset {
    name: "beijing",
    regulation: "北京市物业管理条例",
    base: "default",
    rules: &[
        // Candidate and member conditions (BJ Art 39; §6.2 N2, N3, N5–N7, N10, N13: mandatory).
        rule(R::Nl002, "北京市物业管理条例 第三十九条第三款第（二）项"),
        rule(R::Nl003, "北京市物业管理条例 第三十九条第三款第（四）项"),
        rule(R::Nl004, BJ_39_78),
        rule(R::Nl005, BJ_39_78),
        rule(R::Nl006, BJ_39_78),
        rule(R::Nl009, "北京市物业管理条例 第三十九条第三款第（五）项"),
        rule(R::Nl011, "北京市物业管理条例 第三十九条第三款第（三）项（居住期限由候选人产生办法规定）"),
        rule(R::De007, "北京市物业管理条例 第三十九条第三款第（四）项"),
        // Owner representatives of the preparatory group meet the candidate conditions (R053).
        rule(R::El004, "北京市物业管理条例 第三十一条第三款、第三十九条"),
        // Regular committee meeting at least every two months (R080).
        rule(R::Mt008, BJ_45),
        // Self-managed common funds publish their accounts every quarter (R120, R141).
        rule(R::Ja011, "北京市物业管理条例 第八十四条第三款"),
    ],
    params: &[
        param("committee_size", FIVE_OR_MORE, BJ_39, &[R::Cm001]),
        param("committee_size_small", THREE, BJ_39, &[R::Cm001]),
        param("small_compound_max_households", Int(100), BJ_39, &[R::Cm001]),
        param("reelection_lead_months", Int(6), "北京市物业管理条例 第四十九条", &[R::Cm006]),
        param("prep_group_leader", Str("residents_committee"), BJ_31, &[R::El003]),
        param("disclosure_period", Str("quarter"), "北京市物业管理条例 第八十四条第三款", &[R::Ja011]),
        param("committee_decision_share", Str(">1/2"), BJ_45, &[R::Mt006]),
        param("committee_meeting_every_months", Int(2), BJ_45, &[R::Mt008]),
    ],
};

// ---------------------------------------------------------------------------------------------
// Shanghai: 上海市住宅物业管理规定 (text as of the 2020-12-30 revision), per domain-rules.md.

const SH_20: &str = "上海市住宅物业管理规定 第二十条";
const SH_26: &str = "上海市住宅物业管理规定 第二十六条";
const SH_51: &str = "上海市住宅物业管理规定 第五十一条";
const SH_66: &str = "上海市住宅物业管理规定 第六十六条";
const SH_67: &str = "上海市住宅物业管理规定 第六十七条";
const SH_73: &str = "上海市住宅物业管理规定 第七十三条";

const SHANGHAI: CityPreset = CityPreset {
    name: "shanghai",
    regulation: "上海市住宅物业管理规定",
    base: "default",
    rules: &[
        // Candidate conditions (SH Art 20; §6.2 N3, N5, N6 mandatory; the arrears item N8 of the
        // 2020 text is contested (H3) and was reportedly removed in 2023: NL007 stays off).
        rule(R::Nl003, SH_20),
        rule(R::Nl004, SH_20),
        rule(R::Nl005, SH_20),
        rule(R::Nl015, SH_20),
        rule(R::De007, SH_20),
        // Regular committee meeting at least every two months (R080).
        rule(R::Mt008, SH_26),
        // Public revenue: quarterly transfer to the fund, quarterly accounts, yearly and
        // re-election audits (R114, R120, R121).
        rule(R::Ja011, SH_66),
        rule(R::Ja013, SH_67),
        rule(R::Ja014, SH_67),
        rule(R::Ja015, SH_51),
    ],
    params: &[
        param("committee_size", FIVE_OR_MORE, SH_20, &[R::Cm001]),
        param("committee_size_small", THREE, SH_20, &[R::Cm001]),
        param("small_compound_max_area", Int(10_000), SH_20, &[R::Cm001]),
        param("term_min_years", Int(3), SH_20, &[R::Cm004]),
        param("reelection_lead_months", Int(5), "上海市住宅物业管理规定 第二十八条", &[R::Cm006]),
        param("disclosure_period", Str("quarter"), SH_66, &[R::Ja011]),
        param("revenue_to_fund_share", Str(">1/2"), SH_51, &[R::Ja015]),
        param(
            "emergency_categories",
            List(&[
                "water_supply_failure",
                "lift_failure",
                "fire_facility_damage",
                "facade_falling",
                "roof_or_wall_leak",
            ]),
            SH_73,
            &[R::Mf002],
        ),
        param("committee_decision_share", Str(">1/2"), SH_26, &[R::Mt006]),
        param("committee_meeting_every_months", Int(2), SH_26, &[R::Mt008]),
    ],
};

// ---------------------------------------------------------------------------------------------
// Hangzhou: 杭州市物业管理条例 (2021 revision), per domain-rules.md.

const HZ_20: &str = "杭州市物业管理条例 第二十条";
const HZ_26: &str = "杭州市物业管理条例 第二十六条";
const HZ_27: &str = "杭州市物业管理条例 第二十七条";
const HZ_30: &str = "杭州市物业管理条例 第三十条";
const HZ_33: &str = "杭州市物业管理条例 第三十三条";

const HANGZHOU: CityPreset = CityPreset {
    name: "hangzhou",
    regulation: "杭州市物业管理条例",
    base: "default",
    rules: &[
        // Full civil capacity is the one candidate condition Hangzhou makes mandatory (§6.2 N2);
        // its other items are optional for the covenant (N3, N8, "O"), so they stay as in default.
        rule(R::Nl002, "杭州市物业管理条例 第二十五条"),
        // Candidate list published ≥ 15 days before the vote (R094).
        rule(R::El005, HZ_26),
        // Voting window of 5 to 60 days (R061).
        rule(R::Av010, HZ_20),
        // Revenue account in the committee's name, never an individual's (R111).
        rule(R::Ja001, "杭州市物业管理条例 第六十条"),
        // Half-yearly disclosure of common revenue (R085, R120); audit at the re-election (R121).
        rule(R::Ja011, HZ_30),
        rule(R::Ja014, "杭州市物业管理条例 第三十七条"),
    ],
    params: &[
        param("committee_size", Str("5..=11"), HZ_27, &[R::Cm001]),
        param("committee_size_small", THREE, HZ_27, &[R::Cm001]),
        param("small_compound_max_households", Int(100), HZ_27, &[R::Cm001]),
        param("term_min_years", Int(3), HZ_33, &[R::Cm004]),
        param("reelection_lead_months", Int(3), HZ_33, &[R::Cm006]),
        param("candidate_notice_days", Int(15), HZ_26, &[R::El005]),
        param("vote_window_days", Str("5..=60"), HZ_20, &[R::Av010]),
        param("disclosure_period", Str("half_year"), HZ_30, &[R::Ja011]),
        // HZ Art 73 (R136): lift, fire facilities, façade, collapse of walls or roads, roof or
        // wall leaks, drainage; `wall_or_road_collapse` is named for Hangzhou's fourth item.
        param(
            "emergency_categories",
            List(&[
                "lift_failure",
                "fire_facility_damage",
                "facade_falling",
                "wall_or_road_collapse",
                "roof_or_wall_leak",
                "drainage_blockage",
            ]),
            "杭州市物业管理条例 第七十三条",
            &[R::Mf002],
        ),
        param("committee_decision_share", Str(">1/2"), "杭州市物业管理条例 第二十九条", &[R::Mt006]),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Params;

    #[test]
    fn every_value_fits_its_parameter() {
        for city in CITY_PRESETS {
            let mut p = Params::default();
            for e in city.params {
                assert!(p.set(e.name, &e.value.to_param()).is_ok(), "{} {}", city.name, e.name);
            }
        }
    }
}
