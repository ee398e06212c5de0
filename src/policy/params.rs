//! Every policy parameter of `RULES.md`, typed, with its default and documentation.

use super::value::{Abstention, DisclosurePeriod, ParamType, ParamValue, PrepLeader, Range, Threshold};
use crate::model::{Area, Party, Ratio};

macro_rules! params {
    ($($(#[doc = $doc:literal])+ $name:ident : $ty:ty = $default:expr;)*) => {
        /// The parameters rules read, with the defaults of `RULES.md`.
        ///
        /// Each can be overridden by name in a profile (`"overrides": { "filing_days": 30 }`).
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Params {
            $($(#[doc = $doc])+ pub $name: $ty,)*
        }

        impl Default for Params {
            fn default() -> Self {
                Self { $($name: $default,)* }
            }
        }

        /// The description of one parameter.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct ParamInfo {
            /// Name as written in profiles.
            pub name: &'static str,
            /// What its values look like.
            pub kind: &'static str,
            /// Whether it may be unset (`null`).
            pub nullable: bool,
            /// One-line description.
            pub doc: &'static str,
        }

        impl ParamInfo {
            /// What its values look like, with ", or null (unset)" when it may be unset.
            ///
            /// # Example
            /// ```
            /// let info = xiaoqu::policy::Params::INFO.iter().find(|p| p.name == "term_min_years");
            /// let form = info.map(xiaoqu::policy::ParamInfo::form);
            /// assert_eq!(form.as_deref(), Some("a non-negative integer, or null (unset)"));
            /// ```
            pub fn form(&self) -> String {
                if self.nullable { format!("{}, or null (unset)", self.kind) } else { self.kind.to_owned() }
            }
        }

        impl Params {
            /// Every parameter, in catalogue order.
            pub const INFO: &'static [ParamInfo] = &[$(ParamInfo {
                name: stringify!($name),
                kind: <$ty as ParamType>::KIND,
                nullable: <$ty as ParamType>::NULLABLE,
                doc: concat!($($doc),+),
            },)*];

            /// Sets a parameter from a written value.
            ///
            /// # Errors
            /// `Err(None)` for an unknown name; `Err(Some(message))` for a value of the wrong type.
            pub fn set(&mut self, name: &str, v: &ParamValue) -> Result<(), Option<String>> {
                match name {
                    $(stringify!($name) => { self.$name = <$ty as ParamType>::from_value(v).map_err(Some)?; Ok(()) })*
                    _ => Err(None),
                }
            }

            /// The current value of a parameter, as it would be written.
            pub fn get(&self, name: &str) -> Option<ParamValue> {
                match name {
                    $(stringify!($name) => Some(self.$name.to_value()),)*
                    _ => None,
                }
            }
        }
    };
}

params! {
    /// ORG008: households a liaison household links (党员中心户联系 10–15 户).
    liaison_span: Range = Range::new(10, 15);
    /// ORG008: the most households a liaison household linking hardship households may link.
    liaison_hardship_max: u32 = 5;
    /// DE001: least share of party members on the owners' committee (半数以上).
    committee_party_share: Ratio = Ratio::HALF;
    /// CM001: allowed committee size (GR Art 31).
    committee_size: Range = Range::new(5, 11);
    /// CM001: the committee size must be odd (GR Art 31).
    committee_size_odd: bool = true;
    /// CM001: the size also allowed in a small compound (unset: no exception; BJ, SH, HZ: 3..=3).
    committee_size_small: Option<Range> = None;
    /// CM001: a compound of at most this many units (户) is small (BJ Art 39, HZ Art 27: 100).
    small_compound_max_households: Option<u32> = None;
    /// CM001: a compound whose units total at most this many m² is small (SH Art 20: 10000).
    small_compound_max_area: Option<u32> = None;
    /// CM004: longest term in years (GR Art 32).
    term_max_years: u32 = 5;
    /// CM004: shortest term in years, where a city sets one (Shanghai, Hangzhou: 3).
    term_min_years: Option<u32> = None;
    /// CM006: months before the term ends by which a re-election must exist.
    reelection_lead_months: u32 = 3;
    /// CM007: days after election by which the first meeting is held (GR Art 32).
    first_meeting_days: u32 = 7;
    /// CM008: days after election by which the committee is filed (PMR Art 16, GR Art 33).
    filing_days: u32 = 30;
    /// CM009: members remaining, as a share of the seats, below which the committee has collapsed.
    committee_min_share: Ratio = Ratio::HALF;
    /// NL007: months of unsettled arrears that bar a candidate (contested, off by default).
    arrears_months: u32 = 1;
    /// NL007: only court-confirmed arrears bar a candidate.
    court_confirmed_only: bool = false;
    /// NL008: years after a sentence was completed during which a conviction bars a candidate.
    crime_lookback_years: u32 = 5;
    /// NL008: only intentional crimes bar a candidate.
    intentional_only: bool = true;
    /// NL010: years during which a property-related administrative penalty bars a candidate.
    penalty_lookback_years: u32 = 1;
    /// NL011: months of residence required in the 12 months before the election (unset: off).
    residency_months: Option<u32> = None;
    /// NL012: allowed candidate age, when the rule is on.
    candidate_age: Range = Range::new(18, 75);
    /// NL016: least share of party members among candidates.
    candidate_party_share: Ratio = Ratio::HALF;
    /// EL005: days before the vote opens by which the candidate list is published (Hangzhou Art 26).
    candidate_notice_days: u32 = 15;
    /// EL003: whom the preparatory group's leader represents.
    prep_group_leader: PrepLeader = PrepLeader::StreetOffice;
    /// AV008: days of notice before an assembly vote opens (PMR Art 14).
    assembly_notice_days: u32 = 15;
    /// AV010: allowed length of the voting window in days (unset: off; Hangzhou 5..=60).
    vote_window_days: Option<Range> = None;
    /// AV: how abstentions count (`not_counted`: participation, not approval).
    abstention: Abstention = Abstention::NotCounted;
    /// JA003: the parties whose approval every disbursement needs.
    required_approvals: Vec<Party> = vec![Party::CommunityPartyOrg, Party::OwnersCommittee, Party::PropertyCompany];
    /// JA011: how often the account's statement is published.
    disclosure_period: DisclosurePeriod = DisclosurePeriod::Quarter;
    /// JA011: days after a period ends within which its statement is published.
    disclosure_grace_days: u32 = 30;
    /// JA013: days after the year ends within which the annual audit is completed.
    audit_due_days: u32 = 90;
    /// JA015: share of each quarter's net revenue topped up to the maintenance fund, `">1/2"` or
    /// `">=1/2"` (unset: off; Shanghai SH Art 51: more than half).
    revenue_to_fund_share: Option<Threshold> = None;
    /// JA016: largest share of a period's revenue that cost deductions may take (unset: no cap).
    cost_share_cap: Option<Ratio> = None;
    /// MF002: categories of emergency use allowed without an owners' vote (MF Art 24).
    emergency_categories: Vec<String> = [
        "lift_failure", "fire_facility_damage", "facade_falling", "roof_or_wall_leak",
        "water_supply_failure", "drainage_blockage", "structural_danger",
    ].map(String::from).to_vec();
    /// MF004: balance, as a share of the initial deposit, below which a top-up is due.
    fund_top_up_ratio: Ratio = Ratio::new(3, 10).unwrap_or(Ratio::HALF);
    /// MT003: full months before the audit date checked for joint meetings.
    joint_meeting_lookback_months: u32 = 3;
    /// MT003: a joint meeting is held at least every this many months.
    joint_meeting_every_months: u32 = 1;
    /// MT005: attendance needed at a committee meeting, as a share of members (GR Art 38).
    committee_quorum: Threshold = Threshold::MORE_THAN_HALF;
    /// MT006: votes needed for a committee decision, as a share of all members (GR Art 38).
    committee_decision_share: Threshold = Threshold::AT_LEAST_HALF;
    /// MT007: days after a committee decision within which it is published (GR Art 39).
    decision_publish_days: u32 = 3;
    /// MT008: months between committee meetings at most (unset: off; Beijing, Shanghai 2).
    committee_meeting_every_months: Option<u32> = None;
}

impl Params {
    /// CM001: the size allowed besides `committee_size` in a compound of `households` units whose
    /// registered areas total `area` (`None` when the sum is beyond the decimal range):
    /// `committee_size_small` when the compound is small by either measure set, the bound
    /// included (以下, 民法典 Art 1259). Households are the compound's units (each exclusive part
    /// one 户, developer-held ones included) and the area is the sum of the units' registered
    /// areas (SPC Art 8), the only figures a document records: SH Art 20 speaks of the area of
    /// the property-management area, which the document does not give.
    pub(crate) fn small_committee_size(&self, households: usize, area: Option<Area>) -> Option<Range> {
        let size = self.committee_size_small?;
        let by_households = self
            .small_compound_max_households
            .is_some_and(|max| u64::try_from(households).is_ok_and(|h| h <= u64::from(max)));
        let by_area = self.small_compound_max_area.zip(area).is_some_and(|(max, area)| {
            i128::from(max).checked_mul(100).is_some_and(|max_hundredths| area.hundredths() <= max_hundredths)
        });
        (by_households || by_area).then_some(size)
    }
}
