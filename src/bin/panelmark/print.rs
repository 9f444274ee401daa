//! Plain-text output for the terminal. Each function renders into a `String`; `main` writes
//! it, so a closed pipe (`| head`) ends quietly instead of panicking.

use std::fmt::Write as _;

/// `writeln!` into a String cannot fail.
macro_rules! wln {
    ($out:expr, $($arg:tt)*) => {{
        let _ = writeln!($out, $($arg)*);
    }};
}

use anyhow::Result;
use panelmark::model::{CampaignId, CriterionKind, RoleDraft};
use panelmark::scoring::flags::Flag;
use panelmark::scoring::report::CampaignStats;
use panelmark::scoring::results::{fmt_num, CandidateResult};
use panelmark::session::Session;
use panelmark::store::StoredRole;

fn opt(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |v| format!("{v:.3}"))
}

pub fn draft(draft: &RoleDraft) -> String {
    let mut out = String::new();
    let role = &draft.role;
    wln!(out, "{}", role.title);
    wln!(
        out,
        "  grade: {}   reference: {}",
        role.grade.as_deref().unwrap_or("—"),
        role.reference.as_deref().unwrap_or("—")
    );
    for kind in CriterionKind::ALL {
        let of_kind: Vec<_> = role.criteria.iter().filter(|c| c.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        wln!(out, "\n  {} ({})", kind.as_str(), of_kind.len());
        for c in of_kind {
            let sfia = match (&c.code, c.level) {
                (Some(code), Some(level)) => format!(" [{code} L{level}]"),
                _ => String::new(),
            };
            let group = c
                .group
                .as_deref()
                .map(|g| format!("  — {g}"))
                .unwrap_or_default();
            wln!(
                out,
                "    • {}{sfia} ({}){group}",
                c.name,
                c.priority.as_str()
            );
            for i in &c.indicators {
                wln!(out, "        - {i}");
            }
        }
    }
    if !draft.warnings.is_empty() {
        wln!(out, "\n  warnings:");
        for w in &draft.warnings {
            wln!(out, "    ! {w}");
        }
    }
    out
}

pub fn roles(roles: &[StoredRole]) -> String {
    let mut out = String::new();
    if roles.is_empty() {
        wln!(out, "no roles yet");
    }
    for r in roles {
        wln!(
            out,
            "{:>4}  {:<40} {:<8} {:>3} criteria  {}",
            r.id,
            r.role.title,
            r.role.grade.as_deref().unwrap_or("—"),
            r.role.criteria.len(),
            r.role.source.as_ref().map_or("", |s| s.name.as_str())
        );
    }
    out
}

pub fn results(results: &[CandidateResult]) -> String {
    let mut out = String::new();
    wln!(
        out,
        "{:>4}  {:<10} {:<28} {:<10} {:>7}  {:<10} note",
        "pos",
        "reference",
        "name",
        "panel",
        "total",
        "outcome"
    );
    for r in results {
        let pos = r.position.map_or_else(
            || "—".into(),
            |p| format!("{p}{}", if r.tied { "=" } else { "" }),
        );
        let mut note = r.tie_note.clone().unwrap_or_default();
        if r.reserve {
            note = format!("reserve list. {note}");
        }
        if (r.scaled_total - r.total).abs() > 1e-9 {
            // "Not assessed" left weight out: say what the pass mark and order compared.
            note = format!("scaled total {}. {note}", fmt_num(r.scaled_total));
        }
        if r.outcome != panelmark::scoring::results::Outcome::Pass {
            note = r.outcome_reason.clone();
        }
        wln!(
            out,
            "{:>4}  {:<10} {:<28} {:<10} {:>7}  {:<10} {}",
            pos,
            r.reference,
            r.name,
            r.panel.as_deref().unwrap_or("—"),
            fmt_num(r.total),
            r.outcome.as_str(),
            note
        );
    }
    out
}

pub fn flags(session: &Session, campaign: CampaignId, flags: &[Flag]) -> Result<String> {
    let mut out = String::new();
    let candidates = session.candidates(campaign)?;
    if flags.is_empty() {
        wln!(out, "no flags");
    }
    for f in flags {
        let who = f
            .candidate_id
            .and_then(|id| candidates.iter().find(|c| c.id == id))
            .map_or_else(|| "campaign".to_owned(), |c| c.reference.clone());
        wln!(out, "{:<22} {:<10} {}", f.kind.as_str(), who, f.reason);
    }
    Ok(out)
}

pub fn stats(stats: &CampaignStats) -> String {
    let mut out = String::new();
    wln!(
        out,
        "ICC(2,1): {} over {} units",
        opt(stats.icc),
        stats.icc_units
    );
    wln!(
        out,
        "Krippendorff's alpha (ordinal): {} over {} units",
        opt(stats.krippendorff_alpha),
        stats.alpha_units
    );
    wln!(out, "\npanels:");
    for p in &stats.panels {
        wln!(
            out,
            "  {:<12} ICC {}  mean {}",
            p.name,
            opt(p.icc),
            opt(p.mean)
        );
    }
    wln!(out, "\nleniency (mean of own score − agreed score):");
    for l in &stats.leniency {
        wln!(
            out,
            "  {:<28} {:<10} {:>7}  over {}",
            l.name,
            l.panel.as_deref().unwrap_or("—"),
            opt(l.mean_difference),
            l.compared
        );
    }
    wln!(out, "\ncriteria:");
    for c in &stats.criteria {
        wln!(
            out,
            "  {:<40} mean {}  mean spread {}  max spread {}",
            c.name,
            opt(c.mean),
            opt(c.mean_spread),
            opt(c.max_spread)
        );
    }
    if !stats.combined.is_empty() {
        wln!(
            out,
            "\ncombined across exercises (mean, spread = highest − lowest):"
        );
        for c in &stats.combined {
            wln!(
                out,
                "  {:<40} mean {}  spread {}",
                c.name,
                opt(c.mean),
                opt(c.spread)
            );
            for p in &c.panels {
                wln!(
                    out,
                    "    {:<38} mean {}  spread {}  over {}",
                    p.name,
                    opt(p.mean),
                    opt(p.spread),
                    p.candidates
                );
            }
        }
    }
    out
}
