//! Exports as a case file would receive them: build and moderate a campaign, export it,
//! read back what came out.

mod common;

use panelmark::model::Mark;
use std::path::Path;

use panelmark::export::ExportOptions;
use panelmark::model::Decision;

/// A campaign scored, agreed and moderated (Øyvind's c2 moderated with a reason), with a
/// formula-like evidence note and one with commas, quotes and a newline.
fn moderated_campaign() -> (common::Desk, common::Cast) {
    moderated(common::desk())
}

/// [`moderated_campaign`] built on `desk`.
fn moderated(mut desk: common::Desk) -> (common::Desk, common::Cast) {
    let cast = common::campaign(&mut desk);
    let c = cast.campaign;
    desk.as_("hr").start_scoring(c).unwrap();
    let panels = [
        (cast.zoe, cast.chair_a, cast.member_a),
        (cast.siobhan, cast.chair_a, cast.member_a),
        (cast.oyvind, cast.chair_b, cast.member_b),
    ];
    for (candidate, chair, member) in panels {
        for who in [chair, member] {
            for (key, n) in [("c1", 2), ("c2", 2), ("c3", 0)] {
                let mut input = common::score(
                    candidate,
                    who,
                    key,
                    if candidate == cast.zoe { 6 } else { 4 },
                    n,
                );
                if candidate == cast.zoe && who == chair && key == "c1" {
                    input.evidence = "=HYPERLINK(\"http://evil.example\",\"click\")".into();
                }
                if candidate == cast.oyvind && who == member && key == "c2" {
                    input.evidence =
                        "Said \"we shipped it\", then added:\nthe rollback plan was mine".into();
                }
                desk.by(who).save_score(c, &input).unwrap();
            }
            desk.by(who).submit_scores(c, candidate).unwrap();
        }
        for key in ["c1", "c2", "c3"] {
            let value = if candidate == cast.zoe { 6 } else { 4 };
            desk.by(chair)
                .agree_score(
                    c,
                    &Decision {
                        candidate_id: candidate,
                        criterion_key: key.into(),
                        mark: Mark::Point(value).into(),
                        text: "Consistent evidence across the panel".into(),
                        by: chair,
                    },
                )
                .unwrap();
        }
    }
    desk.as_("hr").start_moderation(c).unwrap();
    desk.as_("helen")
        .moderate_score(
            c,
            &Decision {
                candidate_id: cast.oyvind,
                criterion_key: "c2".into(),
                mark: Mark::Point(3).into(),
                text: "Prioritisation evidence thin; calibrated against Panel A".into(),
                by: cast.moderator,
            },
        )
        .unwrap();
    (desk, cast)
}

#[test]
fn csv_exports_carry_results_scores_and_the_audit_trail() {
    let (mut desk, cast) = moderated_campaign();
    let dir = tempfile::tempdir().unwrap();
    let summary = desk
        .as_("helen")
        .export_campaign(
            cast.campaign,
            dir.path(),
            &ExportOptions {
                csv: true,
                ..Default::default()
            },
            |_, _| {},
        )
        .unwrap();
    assert_eq!(summary.files.len(), 4, "three CSVs and the receipt");
    assert!(summary.files[3].ends_with("receipt.txt"));

    let results = common::read_csv(&dir.path().join("results.csv"));
    assert_eq!(
        results[0][..5],
        ["position", "tied", "reference", "name", "panel"]
    );
    assert_eq!(results[0][5], "Working Together agreed");
    let zoe = &results[1];
    assert_eq!(
        (zoe[0].as_str(), zoe[2].as_str(), zoe[3].as_str()),
        ("1", "C-001", "Zoë Łukasiewicz")
    );
    let oyvind = results.iter().find(|r| r[2] == "C-003").unwrap();
    let header = &results[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(oyvind[col("Delivering at Pace agreed")], "4");
    assert_eq!(oyvind[col("Delivering at Pace moderated")], "3");
    assert_eq!(oyvind[col("weighted_total")], "11");
    assert_eq!(oyvind[col("outcome")], "fail");
    assert_eq!(oyvind[col("position")], "", "a fail has no merit position");

    let scores = common::read_csv(&dir.path().join("scores.csv"));
    assert_eq!(
        scores.len(),
        1 + 3 * 2 * 3,
        "one row per submitted individual score"
    );
    let formula = scores
        .iter()
        .find(|r| r[0] == "C-001" && r[3] == "Amara Okafor" && r[4] == "c1")
        .unwrap();
    assert_eq!(
        formula[9], "'=HYPERLINK(\"http://evil.example\",\"click\")",
        "formula neutralised"
    );
    let quoted = scores
        .iter()
        .find(|r| r[0] == "C-003" && r[3] == "Gareth Llewellyn" && r[4] == "c2")
        .unwrap();
    assert_eq!(
        quoted[9],
        "Said \"we shipped it\", then added:\nthe rollback plan was mine"
    );
    assert_eq!(quoted[7], "Acceptable Demonstration");
    assert!(
        quoted[8].starts_with("shown: Sets clear priorities\nshown: Stays calm"),
        "{}",
        quoted[8]
    );

    let audit = common::read_csv(&dir.path().join("audit.csv"));
    assert_eq!(
        audit[0],
        [
            "seq",
            "at",
            "actor",
            "action",
            "entity",
            "before",
            "after",
            "prev_hash",
            "hash"
        ]
    );
    let moderation = audit.iter().find(|r| r[3] == "moderation.set").unwrap();
    // The log commits to the reason (a text about the candidate) instead of holding it.
    assert!(
        !moderation[6].contains("Prioritisation evidence thin")
            && moderation[6].contains("\"reason\":\"hmac-sha256:"),
        "{moderation:?}"
    );
    assert!(audit[1..]
        .iter()
        .all(|r| r[8].len() == 64 && r[7].len() == 64));
}

#[test]
fn raw_csv_keeps_formulas_as_typed() {
    let (mut desk, cast) = moderated_campaign();
    let dir = common::export(
        desk.as_("helen"),
        cast.campaign,
        ExportOptions {
            csv: true,
            raw: true,
            ..Default::default()
        },
    );
    let scores = common::read_csv(&dir.path().join("scores.csv"));
    assert!(scores
        .iter()
        .any(|r| r[9] == "=HYPERLINK(\"http://evil.example\",\"click\")"));
}

#[test]
fn a_candidates_own_pack_names_no_other_candidate() {
    let (mut desk, cast) = moderated_campaign();
    let dir = tempfile::tempdir().unwrap();
    let options = ExportOptions {
        pdf: true,
        csv: true,
        candidate: Some("C-003".into()),
        ..Default::default()
    };
    let summary = desk
        .as_("helen")
        .export_campaign(cast.campaign, dir.path(), &options, |_, _| {})
        .unwrap();
    let names: Vec<String> = summary
        .files
        .iter()
        .map(|f| {
            Path::new(f)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        names,
        [
            "C-003-results.csv",
            "C-003-scores.csv",
            "C-003-audit.csv",
            "C-003-evidence-pack.pdf",
            "C-003-receipt.txt"
        ]
    );
    for file in &summary.files {
        let text = if file.ends_with(".pdf") {
            match common::pdf_text(Path::new(file)) {
                Some(t) => t,
                None => continue,
            }
        } else {
            std::fs::read_to_string(file).unwrap()
        };
        for other in ["Zoë", "Łukasiewicz", "Siobhán", "C-001", "C-002"] {
            assert!(
                !text.contains(other),
                "{file} mentions another candidate ({other})"
            );
        }
        assert!(text.contains("C-003"), "{file} is about Øyvind");
    }
    let pack = common::pdf_text(&dir.path().join("C-003-evidence-pack.pdf"));
    if let Some(text) = pack {
        assert!(text.contains("Øyvind Ærø"));
        assert!(
            text.contains("Prioritisation evidence thin; calibrated against Panel A"),
            "moderation reason in the pack"
        );
        assert!(
            text.contains("3 – Moderate Demonstration"),
            "moderated score with its scale label"
        );
        assert!(text.contains("Fail: below the pass mark on Delivering at Pace (3 below 4)"));
        assert!(text.contains("Said \"we shipped it\", then added:"));
        assert!(text.contains(&format!(
            "Audit chain head: {}",
            desk.as_("hr").anchor().unwrap().short()
        )));
        assert!(text.contains("Page 1 of"));
    }
}

#[test]
fn the_campaign_summary_lists_the_merit_order_flags_and_statistics() {
    let (mut desk, cast) = moderated_campaign();
    let dir = tempfile::tempdir().unwrap();
    let summary = desk
        .as_("helen")
        .export_campaign(
            cast.campaign,
            dir.path(),
            &ExportOptions {
                pdf: true,
                ..Default::default()
            },
            |_, _| {},
        )
        .unwrap();
    assert_eq!(summary.files.len(), 5, "summary, three packs, receipt");
    assert!(summary.pdf_pages >= 4);
    if let Some(text) = common::pdf_text(&dir.path().join("campaign-summary.pdf")) {
        for expected in [
            "Merit list",
            "Zoë Łukasiewicz",
            "Siobhán Ó Briain",
            "Øyvind Ærø",
            "Pass marks",
            "Krippendorff",
            "Assessor leniency",
            "below the pass mark on",
        ] {
            assert!(text.contains(expected), "summary lacks {expected:?}");
        }
    }
}

#[test]
fn the_same_data_gives_the_same_bytes() {
    let (mut desk, cast) = moderated_campaign();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let options = ExportOptions {
        pdf: true,
        csv: true,
        ..Default::default()
    };
    desk.as_("helen")
        .export_campaign(cast.campaign, a.path(), &options, |_, _| {})
        .unwrap();
    desk.as_("helen")
        .export_campaign(cast.campaign, b.path(), &options, |_, _| {})
        .unwrap();
    for name in [
        "campaign-summary.pdf",
        "C-001-evidence-pack.pdf",
        "results.csv",
        "scores.csv",
        "audit.csv",
    ] {
        assert_eq!(
            std::fs::read(a.path().join(name)).unwrap(),
            std::fs::read(b.path().join(name)).unwrap(),
            "{name} differs between runs"
        );
    }
}

#[test]
fn a_database_file_exports_the_same_files_as_the_same_data_in_memory() {
    // From a file the audit log streams from a second connection on its own thread; in
    // memory it is read on the main one. Both must write the same bytes.
    // The same campaign built twice, on the same clock: in memory and in a file.
    let (mut desk, cast) = moderated_campaign();
    let dir = tempfile::tempdir().unwrap();
    let (mut from_file, _) = moderated(common::desk_in(&dir.path().join("copy.db")));
    for candidate in [None, Some("C-003")] {
        let options = ExportOptions {
            csv: true,
            candidate: candidate.map(str::to_owned),
            ..Default::default()
        };
        let (memory_out, file_out) = (dir.path().join("memory"), dir.path().join("file"));
        let a = desk
            .as_("helen")
            .export_campaign(cast.campaign, &memory_out, &options, |_, _| {})
            .unwrap();
        let b = from_file
            .as_("helen")
            .export_campaign(cast.campaign, &file_out, &options, |_, _| {})
            .unwrap();
        assert_eq!(a.files.len(), 4);
        for (x, y) in a.files.iter().zip(&b.files) {
            let audit = x.ends_with("audit.csv");
            let receipt = x.ends_with("receipt.txt");
            let (x, y) = (std::fs::read(x).unwrap(), std::fs::read(y).unwrap());
            assert!(x.len() > 100, "{candidate:?}: a file is nearly empty");
            if receipt {
                // The head and the audit CSV's digest follow from the commitments too.
                let kept = |b: &[u8]| -> Vec<String> {
                    String::from_utf8_lossy(b)
                        .lines()
                        .filter(|l| !l.starts_with("head:") && !l.ends_with("audit.csv"))
                        .map(str::to_owned)
                        .collect()
                };
                assert_eq!(kept(&x), kept(&y), "{candidate:?}");
            } else if audit {
                // Each database has its own candidate secrets, so the commitments in the log
                // (and the hashes over them) differ; everything else must not.
                assert_eq!(comparable_audit(&x), comparable_audit(&y), "{candidate:?}");
            } else {
                assert_eq!(x, y, "{candidate:?}");
            }
        }
    }
}

/// An audit CSV without what depends on a database's own secrets: every commitment
/// (`hmac-sha256:` and 64 hex digits) replaced by a marker, and the two hash columns dropped.
fn comparable_audit(bytes: &[u8]) -> Vec<Vec<String>> {
    let mask = |cell: &str| {
        let mut out = String::new();
        let mut rest = cell;
        while let Some(at) = rest.find("hmac-sha256:") {
            out.push_str(&rest[..at]);
            out.push_str("<commitment>");
            rest = &rest[(at + "hmac-sha256:".len() + 64).min(rest.len())..];
        }
        out.push_str(rest);
        out
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let n = r.len().saturating_sub(2);
            r.iter().take(n).map(mask).collect()
        })
        .collect()
}
