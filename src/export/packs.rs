//! PDF evidence packs: one per candidate (their own assessment, naming no other candidate)
//! and a campaign summary (merit list, pass marks, flags, statistics).

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use super::files::{safe_file_stem, ExportSummary};
use super::pdf::{self, Align, Block, Column, Document, Table};
use super::CampaignRecord;
use crate::model::{AssessorRole, Candidate, CandidateId, IndicatorMark, Mark, MaybeMark, Score};
use crate::scoring::results::{self, fmt_num, CandidateResult, Outcome, ResultSource};
use crate::{Error, Result};

fn created_date(record: &CampaignRecord) -> chrono::NaiveDate {
    chrono::DateTime::parse_from_rfc3339(&record.campaign.created_at)
        .map(|d| d.date_naive())
        .unwrap_or_else(|_| chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date"))
}

fn role_line(record: &CampaignRecord) -> String {
    let card = &record.campaign.assessed;
    match &card.role_grade {
        Some(grade) => format!("{} ({grade}) · {}", card.role_title, record.campaign.name),
        None => format!("{} · {}", card.role_title, record.campaign.name),
    }
}

fn footer(record: &CampaignRecord) -> String {
    format!(
        "Audit chain head: {}:{}",
        record.audit_seq, record.audit_head
    )
}

/// "Panel A: Ann, Bob (chair)" — with an exercise placed before another panel, each panel
/// with the exercises the candidate sat before it: "Panel A (Interview): …; Marking team
/// (Written test): …". Only the people who assessed this candidate are named.
fn panels_line(record: &CampaignRecord, candidate: &Candidate) -> String {
    let scorecard = &record.campaign.scorecard;
    let exercises = scorecard.scored_exercises();
    let several = candidate.panels().len() > 1;
    candidate
        .panels()
        .into_iter()
        .map(|panel| {
            let members: Vec<String> = record
                .assessors
                .iter()
                .filter(|a| a.panel_id == Some(panel) && candidate.assessed_in_any(a, &exercises))
                .map(|a| {
                    if a.role == AssessorRole::Chair {
                        format!("{} (chair)", a.name)
                    } else {
                        a.name.clone()
                    }
                })
                .collect();
            let sat_here: Vec<String> = exercises
                .iter()
                .filter(|e| candidate.panel_for(e.as_deref()) == Some(panel))
                .filter_map(|e| scorecard.exercise(e.as_deref()?).map(|e| e.name))
                .collect();
            let name = record.panel_name(Some(panel));
            if several && !sat_here.is_empty() {
                format!("{name} ({}): {}", sat_here.join(", "), members.join(", "))
            } else {
                format!("{name}: {}", members.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Where the record's chain stood and which key signs its anchors, so a reader can check
/// later that the log was not rewritten or cut short since.
fn integrity_blocks(record: &CampaignRecord) -> Vec<Block> {
    let key = record
        .key_fingerprint
        .as_deref()
        .unwrap_or("none (anchors unsigned)");
    vec![
        Block::Heading("Record integrity".into()),
        Block::KeyValues(vec![
            (
                "Audit chain head".into(),
                format!("{}:{}", record.audit_seq, record.audit_head),
            ),
            ("Installation key".into(), key.to_owned()),
            (
                "Personal data kept".into(),
                retention_line(&record.retention),
            ),
        ]),
        Block::Paragraph(
            "Check later that the log still holds this head: panelmark verify --anchors \
             receipt.txt (the receipt beside the CSV files carries the signed head)."
                .into(),
        ),
    ]
}

/// "24 months from sign-off, until 2028-12-01", or when it was purged.
fn retention_line(r: &crate::store::retention::RetentionStatus) -> String {
    let day = |at: &str| at.get(..10).unwrap_or(at).to_owned();
    match &r.purged_at {
        Some(at) => format!(
            "purged on {} ({} months from {})",
            day(at),
            r.months,
            r.from
        ),
        None => format!("{} months from {}, until {}", r.months, r.from, day(&r.due)),
    }
}

fn value_label(record: &CampaignRecord, mark: impl Into<MaybeMark>) -> String {
    match mark.into().mark() {
        Some(Mark::Point(v)) => match record.campaign.assessed.scale.point(v) {
            Some(p) => format!("{v} – {}", p.label),
            None => v.to_string(),
        },
        Some(Mark::NotAssessed) => "Not assessed".to_owned(),
        None => "—".to_owned(),
    }
}

/// The total, and the scaled total beside it when "not assessed" made them differ.
fn total_text(result: &CandidateResult) -> String {
    if (result.scaled_total - result.total).abs() < 1e-9 {
        fmt_num(result.total)
    } else {
        format!(
            "{}, scaled to all weights {}",
            fmt_num(result.total),
            fmt_num(result.scaled_total)
        )
    }
}

/// The campaign's exercises and the criteria each assessed (the Success Profiles matrix), and
/// how a criterion assessed in several combines.
fn exercises_blocks(card: &crate::model::Scorecard) -> Vec<Block> {
    let exercises = card.exercise_list();
    let mut blocks = vec![
        Block::Subheading("Exercises".into()),
        Block::Table(Table {
            columns: vec![
                Column::new("Exercise", 2.4, Align::Left),
                Column::new("Kind", 1.5, Align::Left),
                Column::new("Weight", 0.9, Align::Right),
                Column::new("Criteria assessed", 4.2, Align::Left),
            ],
            rows: exercises
                .iter()
                .map(|e| {
                    let names: Vec<&str> = e
                        .criteria
                        .iter()
                        .filter_map(|k| card.criterion(k))
                        .map(|c| c.criterion.name.as_str())
                        .collect();
                    vec![
                        e.name.clone(),
                        e.kind.as_str().replace('_', " "),
                        fmt_num(e.weight()),
                        names.join(", "),
                    ]
                })
                .collect(),
        }),
    ];
    if card.has_several_exercises() {
        blocks.push(Block::Note(format!(
            "A criterion assessed in several exercises counts the {} of its exercises' scores.",
            card.combine.words()
        )));
    }
    blocks
}

/// Each criterion's scores across its exercises and their combination (several exercises).
fn combined_blocks(
    card: &crate::model::Scorecard,
    combined: &[crate::scoring::combined::CombinedCriterion],
) -> Vec<Block> {
    let how = card.combine.words();
    vec![
        Block::Subheading("Combined across exercises".into()),
        Block::Table(Table {
            columns: vec![
                Column::new("Criterion", 3.0, Align::Left),
                Column::new("Exercises", 4.6, Align::Left),
                Column::new(format!("Combined ({how})"), 2.2, Align::Right),
            ],
            rows: combined
                .iter()
                .map(|c| {
                    let parts: Vec<String> = c
                        .exercises
                        .iter()
                        .map(|e| {
                            let value = match e.mark.mark() {
                                Some(Mark::Point(v)) => v.to_string(),
                                Some(Mark::NotAssessed) => "n/a".into(),
                                None => "—".into(),
                            };
                            format!("{} {value}", e.exercise_name)
                        })
                        .collect();
                    vec![c.name.clone(), parts.join(" · "), combined_value(c)]
                })
                .collect(),
        }),
    ]
}

/// A criterion's combined score as a table shows it: the number, "n/a" (every exercise marked
/// it not assessed) or "—" (not decided yet).
fn combined_value(c: &crate::scoring::combined::CombinedCriterion) -> String {
    match (c.value, c.not_assessed) {
        (Some(v), _) => fmt_num(v),
        (None, true) => "n/a".into(),
        (None, false) => "—".into(),
    }
}

/// The summary's combined score of every candidate on every criterion, in merit order (several
/// exercises; nothing with one).
fn summary_combined_blocks(record: &CampaignRecord) -> Vec<Block> {
    let card = &record.campaign.scorecard;
    if !card.has_several_exercises() {
        return Vec::new();
    }
    let mut columns = vec![Column::new("Reference", 1.35, Align::Left)];
    columns.extend(
        card.criteria
            .iter()
            .map(|c| Column::new(c.criterion.name.clone(), 1.2, Align::Right)),
    );
    vec![
        Block::Subheading(format!(
            "Combined per criterion ({} of the exercises' scores)",
            card.combine.words()
        )),
        Block::Table(Table {
            columns,
            rows: record
                .results
                .iter()
                .map(|r| {
                    let mut row = vec![r.reference.clone()];
                    row.extend(r.combined.iter().map(combined_value));
                    row
                })
                .collect(),
        }),
    ]
}

/// Each criterion's combined scores over the campaign and per panel (several exercises).
fn combined_stats_blocks(combined: &[crate::scoring::report::CombinedStats]) -> Vec<Block> {
    if combined.is_empty() {
        return Vec::new();
    }
    let opt = |x: Option<f64>| x.map_or("—".to_owned(), |v| format!("{v:.3}"));
    vec![
        Block::Subheading("Combined across exercises (spread = highest − lowest)".into()),
        Block::Table(Table {
            columns: vec![
                Column::new("Criterion", 3.0, Align::Left),
                Column::new("Panel", 1.4, Align::Left),
                Column::new("Mean", 0.9, Align::Right),
                Column::new("Spread", 0.9, Align::Right),
                Column::new("Candidates", 1.1, Align::Right),
            ],
            rows: combined
                .iter()
                .flat_map(|c| {
                    let candidates: usize = c.panels.iter().map(|p| p.candidates).sum();
                    std::iter::once(vec![
                        c.name.clone(),
                        "all panels".into(),
                        opt(c.mean),
                        opt(c.spread),
                        candidates.to_string(),
                    ])
                    .chain(c.panels.iter().map(|p| {
                        vec![
                            String::new(),
                            p.name.clone(),
                            opt(p.mean),
                            opt(p.spread),
                            p.candidates.to_string(),
                        ]
                    }))
                })
                .collect(),
        }),
    ]
}

/// The interview questions set for a criterion, as the panel had them, under `heading`.
fn questions_blocks(heading: String, questions: &[String]) -> Vec<Block> {
    let asked: Vec<String> = questions
        .iter()
        .map(|q| q.trim())
        .filter(|q| !q.is_empty())
        .map(str::to_owned)
        .collect();
    if asked.is_empty() {
        return Vec::new();
    }
    vec![Block::Subheading(heading), Block::Bullets(asked)]
}

fn outcome_text(result: &CandidateResult) -> String {
    let word = match result.outcome {
        Outcome::Pass => "Pass",
        Outcome::Fail => "Fail",
        Outcome::Incomplete => "Incomplete",
    };
    format!("{word}: {}", result.outcome_reason)
}

/// The conflicts of interest declared in the campaign: who, about whom, when and why.
fn conflict_blocks(record: &CampaignRecord) -> Vec<Block> {
    let mut blocks = vec![Block::Heading("Conflicts of interest".into())];
    if record.conflicts.is_empty() {
        blocks.push(Block::Paragraph(
            "No conflict of interest was declared.".into(),
        ));
        return blocks;
    }
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("Candidate", 1.0, Align::Left),
            Column::new("Assessor", 1.6, Align::Left),
            Column::new("Declared", 1.4, Align::Left),
            Column::new("Reason", 3.0, Align::Left),
        ],
        rows: record
            .conflicts
            .iter()
            .map(|d| {
                vec![
                    d.candidate.clone(),
                    d.assessor.clone(),
                    d.declared_at.clone(),
                    d.reason.clone(),
                ]
            })
            .collect(),
    }));
    blocks
}

fn signoff_blocks(record: &CampaignRecord) -> Vec<Block> {
    let mut blocks = vec![Block::Heading("Sign-off".into())];
    if record.signoffs.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "Not signed off. The campaign is in the {} state: these results are provisional.",
            record.campaign.state.as_str().replace('_', " ")
        )));
    } else {
        let rows = record
            .signoffs
            .iter()
            .map(|s| {
                vec![
                    if s.action == "sign_off" {
                        "Signed off".to_owned()
                    } else {
                        "Reopened".to_owned()
                    },
                    s.moderator.clone(),
                    s.at.clone(),
                    s.reason.clone().unwrap_or_default(),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Action", 1.2, Align::Left),
                Column::new("Moderator", 1.6, Align::Left),
                Column::new("When (UTC)", 1.7, Align::Left),
                Column::new("Reason", 3.0, Align::Left),
            ],
            rows,
        }));
    }
    blocks
}

fn marks_text(record: &CampaignRecord, key: &str, score: &Score) -> String {
    let indicators = record
        .campaign
        .assessed
        .criterion(key)
        .map(|c| &c.criterion.indicators);
    let mut lines = Vec::new();
    for (mark, word) in [
        (IndicatorMark::Shown, "Shown"),
        (IndicatorMark::Negative, "Negative"),
        (IndicatorMark::NotShown, "Not shown"),
    ] {
        let names: Vec<&str> = score
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, m)| **m == mark)
            .filter_map(|(i, _)| indicators.and_then(|list| list.get(i)).map(String::as_str))
            .collect();
        if !names.is_empty() {
            lines.push(format!("{word}: {}", names.join("; ")));
        }
    }
    lines.join("\n")
}

/// The evidence pack of one candidate.
pub fn candidate_pack(record: &CampaignRecord, candidate: &Candidate) -> Document {
    let card = &record.campaign.assessed;
    let result = record
        .results
        .iter()
        .find(|r| r.candidate_id == candidate.id);
    let scores = record
        .scores
        .get(&candidate.id)
        .map_or(&[][..], Vec::as_slice);
    let agreed = record
        .agreed
        .get(&candidate.id)
        .map_or(&[][..], Vec::as_slice);
    let moderations = record
        .moderations
        .get(&candidate.id)
        .map_or(&[][..], Vec::as_slice);
    let panels = panels_line(record, candidate);
    let submitted: Vec<&str> = scores
        .iter()
        .filter_map(|s| s.submitted_at.as_deref())
        .collect();
    let interview_dates = match (submitted.iter().min(), submitted.iter().max()) {
        (Some(first), Some(last)) if first == last => first.to_string(),
        (Some(first), Some(last)) => format!("{first} to {last}"),
        _ => "no scores submitted".to_owned(),
    };

    let mut blocks = vec![
        Block::Title("Interview evidence pack".into()),
        Block::KeyValues(vec![
            ("Candidate".into(), candidate.name.clone()),
            ("Reference".into(), candidate.reference.clone()),
            ("Role".into(), card.role_title.clone()),
            (
                "Grade".into(),
                card.role_grade.clone().unwrap_or_else(|| "—".into()),
            ),
            ("Campaign".into(), record.campaign.name.clone()),
            ("Panel".into(), panels),
            (
                "Interview slot".into(),
                candidate.slot.clone().unwrap_or_else(|| "—".into()),
            ),
            ("Scores submitted".into(), interview_dates),
            (
                "Scale".into(),
                format!(
                    "{} ({}–{})",
                    card.scale.name,
                    card.scale.min(),
                    card.scale.max()
                ),
            ),
            (
                "Weighted total".into(),
                result.map_or("—".into(), |r| {
                    format!(
                        "{} (overall pass mark {})",
                        total_text(r),
                        fmt_num(card.overall_pass_mark)
                    )
                }),
            ),
            ("Outcome".into(), result.map_or("—".into(), outcome_text)),
        ]),
    ];
    if let Some(note) = record.adjustments.get(&candidate.id) {
        blocks.extend([
            Block::Subheading("Reasonable adjustments".into()),
            Block::Paragraph(note.clone()),
        ]);
    }
    blocks.extend([
        Block::Note(
            "This pack sets out this candidate's own assessment only: the criteria, each panel member's \
             score and evidence, the panel's agreed score and any moderation, with the audit trail. \
             It names no other candidate."
                .into(),
        ),
        Block::Heading("Scores by criterion".into()),
    ]);
    let summary_rows = card
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let r = result.and_then(|r| r.criteria.get(i));
            vec![
                format!("{}. {}", i + 1, c.criterion.name),
                c.criterion.priority.as_str().to_owned(),
                c.pass_mark.map_or("—".into(), |m| m.to_string()),
                r.and_then(|r| r.agreed)
                    .map_or("—".into(), |v| v.to_string()),
                r.and_then(|r| r.moderated)
                    .map_or("—".into(), |v| v.to_string()),
                r.map_or("—".into(), |r| match (r.mark.mark(), r.source) {
                    (_, ResultSource::Undecided) => "undecided".into(),
                    (Some(Mark::Point(v)), _) => v.to_string(),
                    (Some(Mark::NotAssessed), _) => "n/a".into(),
                    (None, _) => "—".into(),
                }),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("Criterion", 3.8, Align::Left),
            Column::new("Priority", 1.3, Align::Left),
            Column::new("Pass mark", 1.2, Align::Right),
            Column::new("Agreed", 1.1, Align::Right),
            Column::new("Moderated", 1.5, Align::Right),
            Column::new("Final", 0.9, Align::Right),
        ],
        rows: summary_rows,
    }));
    if let Some(r) = result.filter(|r| !r.combined.is_empty()) {
        blocks.push(Block::Spacer(6.0));
        blocks.extend(combined_blocks(&record.campaign.scorecard, &r.combined));
    }
    blocks.push(Block::Spacer(6.0));
    blocks.extend(exercises_blocks(&record.campaign.scorecard));

    for (i, c) in card.criteria.iter().enumerate() {
        blocks.push(Block::Spacer(8.0));
        // The criterion's heading, description, indicators and questions stay on one page.
        let mut intro = vec![Block::Heading(format!("{}. {}", i + 1, c.criterion.name))];
        let mut about = vec![format!(
            "{} criterion, {}",
            c.criterion.kind.as_str(),
            c.criterion.priority.as_str()
        )];
        if let Some(group) = &c.criterion.group {
            about.push(format!("group: {group}"));
        }
        if let (Some(code), Some(level)) = (&c.criterion.code, c.criterion.level) {
            about.push(format!("SFIA {code} level {level}"));
        }
        if let Some(mark) = c.pass_mark {
            about.push(format!("pass mark {mark}"));
        }
        if (c.weight - 1.0).abs() > f64::EPSILON {
            about.push(format!("weight {}", fmt_num(c.weight)));
        }
        intro.push(Block::Note(about.join(" · ")));
        if !c.criterion.indicators.is_empty() {
            intro.push(Block::Subheading("Behaviour indicators".into()));
            intro.push(Block::Bullets(c.criterion.indicators.clone()));
        }
        intro.extend(questions_blocks("Interview questions".into(), &c.questions));
        blocks.push(Block::KeepTogether(intro));
        blocks.push(Block::Subheading("Individual scores".into()));
        let of_criterion: Vec<&Score> =
            scores.iter().filter(|s| s.criterion_key == c.key).collect();
        if of_criterion.is_empty() {
            blocks.push(Block::Paragraph("No submitted scores.".into()));
        }
        for s in of_criterion {
            let mut kv = vec![
                (
                    "Assessor".to_owned(),
                    record.assessor_name(s.assessor_id).to_owned(),
                ),
                ("Score".to_owned(), value_label(record, s.mark)),
            ];
            let marks = marks_text(record, &c.key, s);
            if !marks.is_empty() {
                kv.push(("Indicators".to_owned(), marks));
            }
            kv.push((
                "Evidence".to_owned(),
                if s.evidence.trim().is_empty() {
                    "(no evidence recorded)".to_owned()
                } else {
                    s.evidence.clone()
                },
            ));
            kv.push((
                "Submitted".to_owned(),
                s.submitted_at.clone().unwrap_or_default(),
            ));
            blocks.push(Block::KeepTogether(vec![
                Block::KeyValues(kv),
                Block::Spacer(6.0),
            ]));
        }
        blocks.push(Block::Subheading("Panel decision".into()));
        match agreed.iter().find(|a| a.criterion_key == c.key) {
            Some(a) => blocks.push(Block::KeyValues(vec![
                ("Agreed score".into(), value_label(record, a.mark)),
                ("Rationale".into(), a.rationale.clone()),
                (
                    "Recorded by".into(),
                    format!("{}, {}", record.assessor_name(a.agreed_by), a.agreed_at),
                ),
            ])),
            None => blocks.push(Block::Paragraph("No agreed score recorded.".into())),
        }
        if let Some(m) = moderations.iter().find(|m| m.criterion_key == c.key) {
            blocks.push(Block::Subheading("Moderation".into()));
            blocks.push(Block::KeyValues(vec![
                ("Moderated score".into(), value_label(record, m.mark)),
                (
                    "Reason".into(),
                    if m.reason.is_empty() {
                        "(confirmed the agreed score)".into()
                    } else {
                        m.reason.clone()
                    },
                ),
                (
                    "Moderator".into(),
                    format!(
                        "{}, {}",
                        record.assessor_name(m.moderator_id),
                        m.moderated_at
                    ),
                ),
            ]));
        }
    }

    blocks.push(Block::PageBreak);
    blocks.extend(signoff_blocks(record));
    blocks.push(Block::Heading("Audit trail for this candidate".into()));
    let rows: Vec<Vec<String>> = record
        .candidate_events(candidate.id)
        .map(|e| {
            vec![
                e.seq.to_string(),
                e.at.clone(),
                e.actor.clone(),
                e.action.clone(),
                e.hash[..16].to_owned(),
            ]
        })
        .collect();
    blocks.push(Block::Note(
        "Each event's hash covers its content and the previous event's hash; `panelmark verify` \
         recomputes the whole chain. Hashes are shown to 16 of their 64 digits."
            .into(),
    ));
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("Event", 0.8, Align::Right),
            Column::new("When (UTC)", 2.0, Align::Left),
            Column::new("By", 1.8, Align::Left),
            Column::new("Action", 1.5, Align::Left),
            Column::new("Hash", 2.0, Align::Left),
        ],
        rows,
    }));

    Document {
        title: format!(
            "Evidence pack – {} – {}",
            candidate.reference, card.role_title
        ),
        header: vec![
            role_line(record),
            format!("Candidate: {} ({})", candidate.name, candidate.reference),
        ],
        footer: footer(record),
        document_id: format!(
            "panelmark-{}-{}-{}",
            record.campaign.id,
            candidate.reference,
            &record.audit_head[..16]
        ),
        created: created_date(record),
        blocks,
    }
}

/// The campaign summary: merit list, pass marks, flags and statistics.
pub fn campaign_summary(record: &CampaignRecord) -> Document {
    let card = &record.campaign.assessed;
    let opt = |x: Option<f64>| x.map_or("—".to_owned(), |v| format!("{v:.3}"));
    let reference_of = |id: Option<CandidateId>| {
        id.and_then(|id| record.candidates.iter().find(|c| c.id == id))
            .map_or(String::new(), |c| c.reference.clone())
    };
    let passes = record
        .results
        .iter()
        .filter(|r| r.outcome == Outcome::Pass)
        .count();
    let mut blocks = vec![
        Block::Title("Campaign summary".into()),
        Block::KeyValues(vec![
            ("Role".into(), card.role_title.clone()),
            ("Grade".into(), card.role_grade.clone().unwrap_or_else(|| "—".into())),
            ("Campaign".into(), record.campaign.name.clone()),
            ("State".into(), record.campaign.state.as_str().replace('_', " ")),
            ("Candidates".into(), format!("{} ({} pass)", record.candidates.len(), passes)),
            ("Panels".into(), record.panels.iter().map(|p| p.name.clone()).collect::<Vec<_>>().join(", ")),
            ("Scale".into(), card.scale.name.clone()),
            ("Posts".into(), record.posts.map_or("not set".into(), |p| p.to_string())),
            ("Overall pass mark".into(), fmt_num(card.overall_pass_mark)),
            ("Tie-break".into(), card.tie_break.as_deref().map_or("none".into(), |k| record.criterion_name(k).to_owned())),
        ]),
        Block::Heading("Pass marks".into()),
        Block::Table(Table {
            columns: vec![
                Column::new("Criterion", 4.0, Align::Left),
                Column::new("Kind", 1.4, Align::Left),
                Column::new("Priority", 1.3, Align::Left),
                Column::new("Weight", 0.9, Align::Right),
                Column::new("Pass mark", 1.1, Align::Right),
            ],
            rows: card
                .criteria
                .iter()
                .map(|c| {
                    vec![
                        c.criterion.name.clone(),
                        c.criterion.kind.as_str().into(),
                        c.criterion.priority.as_str().into(),
                        fmt_num(c.weight),
                        c.pass_mark.map_or("—".into(), |m| m.to_string()),
                    ]
                })
                .collect(),
        }),
        Block::Heading("Merit list".into()),
        Block::Note("Passes in merit order; equal positions are ties (shown with “=”). Fails and incomplete results follow, unranked.".into()),
    ];
    // A tie across the last post is said above the list, as sign-off refuses it.
    blocks.extend(
        results::unseparated_boundary_tie(&record.results)
            .map(|why| Block::Note(format!("Sign-off waits: {why}."))),
    );
    blocks.extend([Block::Table(Table {
        columns: vec![
            Column::new("Pos.", 0.75, Align::Right),
            Column::new("Reference", 1.35, Align::Left),
            Column::new("Name", 2.2, Align::Left),
            Column::new("Panel", 1.0, Align::Left),
            Column::new("Total", 0.8, Align::Right),
            Column::new("Outcome", 1.25, Align::Left),
            Column::new("Note", 2.65, Align::Left),
        ],
        rows: record
            .results
            .iter()
            .map(|r| {
                let note = if r.outcome != Outcome::Pass {
                    r.outcome_reason.clone()
                } else {
                    let mut parts = Vec::new();
                    if r.reserve {
                        parts.push("reserve list".to_owned());
                    }
                    parts.extend(r.tie_note.clone());
                    parts.join("; ")
                };
                vec![
                    r.position.map_or("—".into(), |p| {
                        format!("{p}{}", if r.tied { "=" } else { "" })
                    }),
                    r.reference.clone(),
                    r.name.clone(),
                    r.panel.clone().unwrap_or_default(),
                    total_text(r),
                    r.outcome.as_str().into(),
                    note,
                ]
            })
            .collect(),
    })]);
    blocks.extend(summary_combined_blocks(record));
    blocks.extend([
        Block::Heading(format!("Flags ({})", record.flags.len())),
        Block::Note(format!(
            "Thresholds: member scores {} or more points apart{}; a panel more than {} from the campaign mean.",
            record.flag_settings.spread_threshold,
            if record.campaign.scorecard.has_several_exercises() {
                " (and a criterion's scores in two exercises)"
            } else {
                ""
            },
            fmt_num(record.flag_settings.panel_mean_threshold)
        )),
        Block::Table(Table {
            columns: vec![Column::new("Flag", 1.6, Align::Left), Column::new("Candidate", 1.0, Align::Left), Column::new("Reason", 5.0, Align::Left)],
            rows: record.flags.iter().map(|f| vec![f.kind.as_str().replace('_', " "), reference_of(f.candidate_id), f.reason.clone()]).collect(),
        }),
    ]);
    blocks.extend(exercises_blocks(&record.campaign.scorecard));
    let questions: Vec<Block> = card
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| questions_blocks(format!("{}. {}", i + 1, c.criterion.name), &c.questions))
        .filter(|asked| !asked.is_empty())
        // A criterion's questions stay on one page with its name.
        .map(Block::KeepTogether)
        .collect();
    if !questions.is_empty() {
        blocks.push(Block::Heading("Interview questions".into()));
        blocks.extend(questions);
    }
    if let Some(stats) = &record.stats {
        blocks.extend([
            Block::Heading("Statistics".into()),
            Block::KeyValues(vec![
                (
                    "ICC(2,1)".into(),
                    format!(
                        "{} over {} candidate × criterion units",
                        opt(stats.icc),
                        stats.icc_units
                    ),
                ),
                (
                    "Krippendorff's α (ordinal)".into(),
                    format!(
                        "{} over {} units",
                        opt(stats.krippendorff_alpha),
                        stats.alpha_units
                    ),
                ),
            ]),
            Block::Subheading("Panels".into()),
            Block::Table(Table {
                columns: vec![
                    Column::new("Panel", 2.0, Align::Left),
                    Column::new("ICC(2,1)", 1.0, Align::Right),
                    Column::new("Mean score", 1.0, Align::Right),
                ],
                rows: stats
                    .panels
                    .iter()
                    .map(|p| vec![p.name.clone(), opt(p.icc), opt(p.mean)])
                    .collect(),
            }),
            Block::Subheading("Assessor leniency (mean of own score − agreed score)".into()),
            Block::Table(Table {
                columns: vec![
                    Column::new("Assessor", 2.5, Align::Left),
                    Column::new("Panel", 1.2, Align::Left),
                    Column::new("Leniency", 1.0, Align::Right),
                    Column::new("Scores", 0.8, Align::Right),
                ],
                rows: stats
                    .leniency
                    .iter()
                    .map(|l| {
                        vec![
                            l.name.clone(),
                            l.panel.clone().unwrap_or_default(),
                            opt(l.mean_difference),
                            l.compared.to_string(),
                        ]
                    })
                    .collect(),
            }),
            Block::Subheading("Criteria".into()),
            Block::Table(Table {
                columns: vec![
                    Column::new("Criterion", 3.0, Align::Left),
                    Column::new("Mean", 0.9, Align::Right),
                    Column::new("Mean spread", 1.1, Align::Right),
                    Column::new("Max spread", 1.1, Align::Right),
                ],
                rows: stats
                    .criteria
                    .iter()
                    .map(|c| {
                        vec![
                            c.name.clone(),
                            opt(c.mean),
                            opt(c.mean_spread),
                            opt(c.max_spread),
                        ]
                    })
                    .collect(),
            }),
        ]);
        blocks.extend(combined_stats_blocks(&stats.combined));
    }
    blocks.extend(conflict_blocks(record));
    blocks.extend(signoff_blocks(record));
    blocks.extend(integrity_blocks(record));
    Document {
        title: format!("Campaign summary – {}", record.campaign.name),
        header: vec![role_line(record), "Campaign summary".into()],
        footer: footer(record),
        document_id: format!(
            "panelmark-{}-summary-{}",
            record.campaign.id,
            &record.audit_head[..16]
        ),
        created: created_date(record),
        blocks,
    }
}

fn write_pdf(doc: &Document, path: &Path) -> Result<usize> {
    let file = File::create(path).map_err(|e| Error::io(path, e))?;
    let mut w = BufWriter::new(file);
    let pages = pdf::render_to(doc, &mut w)?;
    std::io::Write::flush(&mut w).map_err(|e| Error::io(path, e))?;
    Ok(pages)
}

/// Writes every candidate's pack (and, when `summary`, the campaign summary) into `dir`.
/// Packs are independent, so they are rendered on every available core; `progress` is
/// called from this thread only, with (done, total).
pub fn write_packs(
    record: &CampaignRecord,
    dir: &Path,
    summary: bool,
    out: &mut ExportSummary,
    progress: &mut dyn FnMut(usize, usize),
    cancel: &crate::cancel::Cancel,
) -> Result<()> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::Mutex;

    let total = record.candidates.len() + usize::from(summary);
    if summary {
        let path = dir.join("campaign-summary.pdf");
        out.pdf_pages += write_pdf(&campaign_summary(record), &path)?;
        out.files.push(path.display().to_string());
        progress(1, total);
        cancel.check()?;
    }
    let paths: Vec<std::path::PathBuf> = record
        .candidates
        .iter()
        .map(|c| {
            dir.join(format!(
                "{}-evidence-pack.pdf",
                safe_file_stem(&c.reference)
            ))
        })
        .collect();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let pages = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let first_error: Mutex<Option<Error>> = Mutex::new(None);
    // Takes the next candidate and writes their pack; false when there is none left.
    let work = || -> bool {
        let i = next.fetch_add(1, Ordering::Relaxed);
        // A cancel stops every worker before its next pack; packs under way finish.
        if i >= paths.len() || failed.load(Ordering::Relaxed) || cancel.is_cancelled() {
            return false;
        }
        match write_pdf(&candidate_pack(record, &record.candidates[i]), &paths[i]) {
            Ok(n) => {
                pages.fetch_add(n, Ordering::Relaxed);
            }
            Err(e) => {
                failed.store(true, Ordering::Relaxed);
                first_error
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .get_or_insert(e);
            }
        }
        done.fetch_add(1, Ordering::Relaxed);
        true
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(paths.len().max(1));
    std::thread::scope(|scope| {
        for _ in 1..workers {
            scope.spawn(|| while work() {});
        }
        while work() {
            progress(done.load(Ordering::Relaxed) + usize::from(summary), total);
        }
    });
    if let Some(e) = first_error.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(e);
    }
    cancel.check()?;
    progress(total, total);
    out.pdf_pages += pages.into_inner();
    out.files
        .extend(paths.iter().map(|p| p.display().to_string()));
    Ok(())
}
