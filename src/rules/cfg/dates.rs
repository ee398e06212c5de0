//! CFG003 (dates in order) and CFG004 (no event after `as_of`).

use chrono::NaiveDate;

use super::super::{Ctx, Finding};
use crate::model::{Entry, EntryKind, Person, Record};
use crate::report::{Path, RuleCode, doc_path};

/// A pair of dates that must be in order.
struct Pair<'a> {
    subject: String,
    compound: Option<&'a crate::model::CompoundId>,
    earlier: (&'static str, NaiveDate),
    later: (&'static str, NaiveDate),
    strict: bool,
    path: Path,
}

/// `Some(pair)` when `a` is after `b` (or equal, when `strict`).
fn order<'a>(
    subject: String,
    compound: Option<&'a crate::model::CompoundId>,
    earlier: (&'static str, NaiveDate),
    later: (&'static str, Option<NaiveDate>),
    path: &dyn Fn() -> Path,
    strict: bool,
) -> Option<Pair<'a>> {
    let b = later.1?;
    let bad = if strict { earlier.1 >= b } else { earlier.1 > b };
    bad.then(|| Pair { subject, compound, earlier, later: (later.0, b), strict, path: path() })
}

/// The people whose dates the context checks: all of them in the district's part, none in a
/// compound's.
fn people<'a>(ctx: &Ctx<'a>) -> &'a [Person] {
    if ctx.district() { &ctx.cfg.people } else { &[] }
}

/// CFG003: dates are in order (from ≤ to, opened ≤ closed, `elected_on` < `term_end`…).
#[expect(
    clippy::too_many_lines,
    reason = "one flat list of every ordered pair of dates in CONFIG.md reads best in one place"
)]
pub(super) fn date_order(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Cfg003) {
        return;
    }
    let mut pairs: Vec<Pair<'_>> = Vec::new();
    for (pi, p) in people(ctx).iter().enumerate() {
        let s = || p.id.to_string();
        for (i, e) in p.employment.iter().enumerate() {
            pairs.extend(order(
                s(),
                None,
                ("from", e.from),
                ("to", e.to),
                &|| doc_path!(people[pi].employment[i]),
                false,
            ));
        }
        for (i, r) in p.residency.iter().flatten().enumerate() {
            pairs.extend(order(
                s(),
                None,
                ("from", r.from),
                ("to", r.to),
                &|| doc_path!(people[pi].residency[i]),
                false,
            ));
        }
        for (i, r) in p.records.iter().enumerate() {
            let at = || doc_path!(people[pi].records[i]);
            match r {
                Record::CriminalConviction { date, sentence_completed_on, .. } => {
                    pairs.extend(order(
                        s(),
                        None,
                        ("date", *date),
                        ("sentence_completed_on", *sentence_completed_on),
                        &at,
                        false,
                    ));
                }
                Record::UnderCriminalInvestigation { from, to }
                | Record::DishonestDebtor { from, to }
                | Record::EconomicTies { from, to, .. } => {
                    pairs.extend(order(s(), None, ("from", *from), ("to", *to), &at, false));
                }
                Record::IllegalConstruction { ordered_on, rectified_on, .. } => {
                    pairs.extend(order(
                        s(),
                        None,
                        ("ordered_on", *ordered_on),
                        ("rectified_on", *rectified_on),
                        &at,
                        false,
                    ));
                }
                Record::StructuralDamage { found_on, rectified_on, .. }
                | Record::OccupiesCommonPart { found_on, rectified_on, .. } => {
                    pairs.extend(order(
                        s(),
                        None,
                        ("found_on", *found_on),
                        ("rectified_on", *rectified_on),
                        &at,
                        false,
                    ));
                }
                Record::FeeArrears { since, settled_on, .. } => {
                    pairs.extend(order(s(), None, ("since", *since), ("settled_on", *settled_on), &at, false));
                }
                _ => {}
            }
        }
    }
    for (ci, c) in ctx.compounds() {
        let cid = Some(&c.id);
        if let Some(oc) = &c.owners_committee {
            let at = || doc_path!(compounds[ci].owners_committee);
            pairs.extend(order(
                c.id.to_string(),
                cid,
                ("elected_on", oc.elected_on),
                ("term_end", Some(oc.term_end)),
                &at,
                true,
            ));
            pairs.extend(order(
                c.id.to_string(),
                cid,
                ("elected_on", oc.elected_on),
                ("first_meeting_on", oc.first_meeting_on),
                &at,
                false,
            ));
            pairs.extend(order(
                c.id.to_string(),
                cid,
                ("elected_on", oc.elected_on),
                ("filed_on", oc.filed_on),
                &at,
                false,
            ));
        }
        if let Some(ps) = &c.property_service {
            pairs.extend(order(
                c.id.to_string(),
                cid,
                ("from", ps.contract.from),
                ("to", ps.contract.to),
                &|| doc_path!(compounds[ci].property_service.contract),
                false,
            ));
        }
        if let Some(acc) = &c.joint_account {
            for (i, d) in acc.disclosures.iter().enumerate() {
                let at = || doc_path!(compounds[ci].joint_account.disclosures[i]);
                pairs.extend(order(
                    acc.id.to_string(),
                    cid,
                    ("period_start", d.period_start),
                    ("period_end", Some(d.period_end)),
                    &at,
                    false,
                ));
            }
            for (i, a) in acc.audits.iter().enumerate() {
                let at = || doc_path!(compounds[ci].joint_account.audits[i]);
                pairs.extend(order(
                    acc.id.to_string(),
                    cid,
                    ("period_start", a.period_start),
                    ("period_end", Some(a.period_end)),
                    &at,
                    false,
                ));
                pairs.extend(order(
                    acc.id.to_string(),
                    cid,
                    ("period_end", a.period_end),
                    ("completed_on", Some(a.completed_on)),
                    &at,
                    false,
                ));
            }
        }
        for (ai, a) in c.assemblies.iter().enumerate() {
            let at = || doc_path!(compounds[ci].assemblies[ai]);
            pairs.extend(order(
                a.id.to_string(),
                cid,
                ("notice_published_on", a.notice_published_on),
                ("opened_on", Some(a.opened_on)),
                &at,
                false,
            ));
            pairs.extend(order(
                a.id.to_string(),
                cid,
                ("opened_on", a.opened_on),
                ("closed_on", Some(a.closed_on)),
                &at,
                false,
            ));
        }
    }
    for p in pairs {
        let (a, b) = (p.earlier, p.later);
        let rel = if p.strict { "<" } else { "<=" };
        let f = Finding::new(RuleCode::Cfg003, p.subject, p.path)
            .compound(p.compound)
            .message(
                format!(
                    "日期顺序错误：{} ({}) 应{}于 {} ({})",
                    a.0,
                    a.1,
                    if p.strict { "早" } else { "不晚" },
                    b.0,
                    b.1
                ),
                format!("dates out of order: {} ({}) must be {rel} {} ({})", a.0, a.1, b.0, b.1),
            )
            .fact(a.0, a.1)
            .fact(b.0, b.1);
        ctx.emit(f);
    }
}

/// CFG004: dated events are not after `as_of`.
pub(super) fn not_in_future(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Cfg004) {
        return;
    }
    let cfg = ctx.cfg;
    let as_of = cfg.as_of;
    let mut found = Vec::new();
    let mut ev = |subject: &dyn std::fmt::Display,
                  compound: Option<&crate::model::CompoundId>,
                  field: &'static str,
                  d: Option<NaiveDate>,
                  path: &dyn Fn() -> Path| {
        if let Some(d) = d
            && d > as_of
        {
            found.push(
                Finding::new(RuleCode::Cfg004, subject.to_string(), path().key(field))
                    .compound(compound)
                    .message(
                        format!("{field} ({d}) 晚于审计日期 {as_of}"),
                        format!("{field} ({d}) is after the audit date {as_of}"),
                    )
                    .fact(field, d)
                    .fact("as_of", as_of),
            );
        }
    };
    for (pi, p) in people(ctx).iter().enumerate() {
        ev(&p.id, None, "birth_date", p.birth_date, &|| doc_path!(people[pi]));
        ev(&p.id, None, "joined_on", p.party.as_ref().and_then(|x| x.joined_on), &|| doc_path!(people[pi].party));
        for (i, e) in p.employment.iter().enumerate() {
            ev(&p.id, None, "from", Some(e.from), &|| doc_path!(people[pi].employment[i]));
        }
        for (i, r) in p.records.iter().enumerate() {
            let at = || doc_path!(people[pi].records[i]);
            for (field, d) in record_dates(r) {
                ev(&p.id, None, field, d, &at);
            }
        }
    }
    for (ci, c) in ctx.compounds() {
        let cid = Some(&c.id);
        if let Some(oc) = &c.owners_committee {
            let at = || doc_path!(compounds[ci].owners_committee);
            ev(&c.id, cid, "elected_on", Some(oc.elected_on), &at);
            ev(&c.id, cid, "first_meeting_on", oc.first_meeting_on, &at);
            ev(&c.id, cid, "filed_on", oc.filed_on, &at);
        }
        if let Some(acc) = &c.joint_account {
            ev(&acc.id, cid, "opened_on", Some(acc.opened_on), &|| doc_path!(compounds[ci].joint_account));
            for (i, e) in acc.entries.iter().enumerate() {
                entry_dates(e, &mut |field, d| {
                    ev(&e.id, cid, field, Some(d), &|| doc_path!(compounds[ci].joint_account.entries[i]));
                });
            }
            for (i, d) in acc.disclosures.iter().enumerate() {
                ev(&acc.id, cid, "published_on", Some(d.published_on), &|| {
                    doc_path!(compounds[ci].joint_account.disclosures[i])
                });
            }
            for (i, a) in acc.audits.iter().enumerate() {
                ev(&acc.id, cid, "completed_on", Some(a.completed_on), &|| {
                    doc_path!(compounds[ci].joint_account.audits[i])
                });
            }
        }
        if let Some(f) = &c.maintenance_fund {
            for (i, d) in f.deposits.iter().enumerate() {
                ev(&d.id, cid, "date", Some(d.date), &|| doc_path!(compounds[ci].maintenance_fund.deposits[i]));
            }
            for (i, u) in f.uses.iter().enumerate() {
                ev(&u.id, cid, "date", Some(u.date), &|| doc_path!(compounds[ci].maintenance_fund.uses[i]));
            }
        }
        for (ai, a) in c.assemblies.iter().enumerate() {
            ev(&a.id, cid, "notice_published_on", Some(a.notice_published_on), &|| {
                doc_path!(compounds[ci].assemblies[ai])
            });
            for (bi, b) in a.ballots.iter().enumerate() {
                // Written out only when the ballot is in the future.
                ev(&format_args!("{}/{}", a.id, b.unit), cid, "cast_on", Some(b.cast_on), &|| {
                    doc_path!(compounds[ci].assemblies[ai].ballots[bi])
                });
            }
        }
        for (ei, e) in c.elections.iter().enumerate() {
            ev(&e.id, cid, "candidate_list_published_on", e.candidate_list_published_on, &|| {
                doc_path!(compounds[ci].elections[ei])
            });
            let formed = e.preparatory_group.as_ref().map(|g| g.formed_on);
            ev(&e.id, cid, "formed_on", formed, &|| doc_path!(compounds[ci].elections[ei].preparatory_group));
        }
        for (mi, m) in c.meetings.iter().enumerate() {
            ev(&m.id, cid, "date", Some(m.date), &|| doc_path!(compounds[ci].meetings[mi]));
            ev(&m.id, cid, "minutes_published_on", m.minutes_published_on, &|| doc_path!(compounds[ci].meetings[mi]));
        }
    }
    for f in found {
        ctx.emit(f);
    }
}

/// The dates of a record that say something happened.
fn record_dates(r: &Record) -> Vec<(&'static str, Option<NaiveDate>)> {
    match r {
        Record::CriminalConviction { date, sentence_completed_on, .. } => {
            vec![("date", Some(*date)), ("sentence_completed_on", *sentence_completed_on)]
        }
        Record::UnderCriminalInvestigation { from, .. }
        | Record::DishonestDebtor { from, .. }
        | Record::EconomicTies { from, .. } => {
            vec![("from", Some(*from))]
        }
        Record::IllegalConstruction { ordered_on, rectified_on, .. } => {
            vec![("ordered_on", Some(*ordered_on)), ("rectified_on", *rectified_on)]
        }
        Record::StructuralDamage { found_on, rectified_on, .. }
        | Record::OccupiesCommonPart { found_on, rectified_on, .. } => {
            vec![("found_on", Some(*found_on)), ("rectified_on", *rectified_on)]
        }
        Record::FeeArrears { since, settled_on, .. } => vec![("since", Some(*since)), ("settled_on", *settled_on)],
        Record::AdminPenalty { date, .. }
        | Record::RemovedFromCommittee { date, .. }
        | Record::MoralMisconduct { date, .. } => {
            vec![("date", Some(*date))]
        }
    }
}

/// The dates of a ledger entry: its own and its approvals'.
fn entry_dates(e: &Entry, f: &mut dyn FnMut(&'static str, NaiveDate)) {
    f("date", e.date);
    if let EntryKind::Disbursement(d) = &e.kind {
        for a in &d.approvals {
            f("approvals.date", a.date);
        }
    }
}
