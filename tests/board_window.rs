//! The moderation board served a window at a time: the windows, read one after another, are
//! the whole board (same rows, totals, outcomes and flags, same order); filters keep the rows
//! the screen's filters kept; a write shows on the next window.

use panelmark::model::Mark;
use std::sync::Arc;

use panelmark::model::{AssessorId, CampaignId, CandidateId, Decision};
use panelmark::scoring::board::{PackedBoard, PackedRow};
use panelmark::scoring::board_window::{
    BoardFilter, BoardView, FlagFilter, PanelFilter, MAX_WINDOW,
};
use panelmark::scoring::flags::{FlagKind, FlagSettings, Severity};
use panelmark::scoring::results::{Outcome, ResultSource};
use panelmark::session::Session;
use panelmark::store::Store;

/// A demo campaign of `candidates` in a database file, and the demo moderator's two
/// sessions on it, as the app holds them: one for changes, one for reads.
struct Demo {
    _dir: tempfile::TempDir,
    campaign: CampaignId,
    writer: Session,
    reader: Session,
}

fn demo(candidates: usize) -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let campaign = {
        let mut hr = Session::sign_in(Store::open(&db).unwrap(), "hr", None).unwrap();
        hr.demo(&panelmark::demo::DemoOptions {
            candidates,
            seed: 7,
        })
        .unwrap()
    };
    let moderator = panelmark::demo::MODERATOR_LOGIN;
    let session = || Session::sign_in(Store::open(&db).unwrap(), moderator, None).unwrap();
    Demo {
        _dir: dir,
        campaign,
        writer: session(),
        reader: session(),
    }
}

impl Demo {
    fn settings(&self) -> FlagSettings {
        self.reader.flag_settings(self.campaign).unwrap()
    }

    fn view(&self, cached: Option<Arc<BoardView>>) -> Arc<BoardView> {
        self.reader
            .board_view(self.campaign, &self.settings(), cached)
            .unwrap()
    }

    fn packed(&self) -> PackedBoard {
        self.reader
            .packed_board(self.campaign, &self.settings())
            .unwrap()
    }
}

/// Every row that passes `filter`, read `size` rows at a time as the screen scrolls, each
/// joined again with its flags' reasons (asked for separately, as the screen does).
fn read_in_windows(view: &BoardView, filter: &BoardFilter, size: u32) -> Vec<PackedRow> {
    let summary = view.summary(filter, size).unwrap();
    let mut window = summary.first;
    let mut rows = Vec::new();
    loop {
        assert_eq!(window.offset as usize, rows.len());
        let ids: Vec<CandidateId> = window
            .rows
            .iter()
            .map(|r| r.result.row.candidate_id)
            .collect();
        let reasons = view.flags_of(&ids).unwrap();
        for (row, flags) in window.rows.into_iter().zip(reasons) {
            assert_eq!(flags.candidate_id, row.result.row.candidate_id);
            let marks: Vec<_> = flags.flags.iter().map(|f| (f.0, f.1, f.2)).collect();
            let sent: Vec<_> = row.flags.iter().map(|m| (m.0, m.1, m.2)).collect();
            assert_eq!(sent, marks, "the marks are the flags, in order");
            rows.push(PackedRow {
                result: row.result,
                flags: flags.flags,
            });
        }
        if rows.len() >= window.matching as usize {
            return rows;
        }
        window = view.window(filter, rows.len() as u32, size).unwrap();
    }
}

#[test]
fn the_windows_read_in_turn_are_the_whole_packed_board() {
    let demo = demo(120);
    let packed = demo.packed();
    let view = demo.view(None);
    let summary = view.summary(&BoardFilter::default(), 25).unwrap();

    assert_eq!(summary.criteria, packed.criteria);
    assert_eq!(summary.candidates, 120);
    assert_eq!(summary.first.matching, 120);
    assert_eq!(summary.first.rows.len(), 25);
    assert_eq!(summary.panel_flags, packed.panel_flags);
    let rows = read_in_windows(&view, &BoardFilter::default(), 37);
    assert_eq!(
        rows, packed.rows,
        "same rows, totals, outcomes and flags, same order"
    );

    // The counts the filters and sign-off show, checked against the whole board.
    let own = |kind: FlagKind| -> u32 {
        packed
            .rows
            .iter()
            .flat_map(|r| &r.flags)
            .filter(|f| f.0 == kind)
            .count() as u32
    };
    assert!(
        summary.flagged > 0 && summary.flag_counts.len() >= 2,
        "{summary:?}"
    );
    for c in &summary.flag_counts {
        let panel = packed
            .panel_flags
            .iter()
            .filter(|f| f.kind == c.kind)
            .count() as u32;
        assert_eq!(c.count, own(c.kind) + panel, "{:?}", c.kind);
        assert_eq!(c.severity, c.kind.severity());
    }
    let severities: Vec<Severity> = summary.flag_counts.iter().map(|c| c.severity).collect();
    assert!(severities.is_sorted(), "most severe first: {severities:?}");
    let passed = packed
        .rows
        .iter()
        .filter(|r| r.result.row.outcome == Outcome::Pass)
        .count() as u32;
    assert_eq!(summary.outcomes.pass, passed);
    assert_eq!(
        summary.outcomes.pass + summary.outcomes.fail + summary.outcomes.incomplete,
        120
    );
}

/// Which rows of the whole board a filter should keep.
type Keeps = Box<dyn Fn(&PackedRow) -> bool>;

#[test]
fn a_filter_keeps_the_rows_the_screen_kept_in_merit_order() {
    let demo = demo(120);
    let packed = demo.packed();
    let view = demo.view(None);
    let summary = view.summary(&BoardFilter::default(), 1).unwrap();
    let panel = summary.panels[1].clone();
    let cases: Vec<(BoardFilter, Keeps)> = vec![
        (
            BoardFilter {
                flag: FlagFilter::Kind(FlagKind::NoEvidence),
                ..Default::default()
            },
            Box::new(|r| r.flags.iter().any(|f| f.0 == FlagKind::NoEvidence)),
        ),
        (
            BoardFilter {
                flag: FlagFilter::Attention,
                ..Default::default()
            },
            Box::new(|r| r.flags.iter().any(|f| f.0.severity() == Severity::High)),
        ),
        (
            BoardFilter {
                panel: PanelFilter::Named(panel.clone()),
                outcome: Some(Outcome::Fail),
                ..Default::default()
            },
            Box::new(move |r| {
                r.result.row.panel.as_deref() == Some(&panel)
                    && r.result.row.outcome == Outcome::Fail
            }),
        ),
    ];
    for (filter, keeps) in cases {
        let expected: Vec<PackedRow> = packed.rows.iter().filter(|r| keeps(r)).cloned().collect();
        assert!(!expected.is_empty(), "the demo has rows for {filter:?}");
        assert!(expected.len() < packed.rows.len(), "{filter:?} filters");
        assert_eq!(read_in_windows(&view, &filter, 10), expected, "{filter:?}");
    }
    // The whole panel-outlier filter: candidates of a flagged panel, and "none" leaves them out.
    let outliers = view
        .window(
            &BoardFilter {
                flag: FlagFilter::Kind(FlagKind::PanelOutlier),
                ..Default::default()
            },
            0,
            MAX_WINDOW,
        )
        .unwrap();
    assert_eq!(
        outliers.matching > 0,
        !packed.panel_flags.is_empty(),
        "a flagged panel's candidates are kept"
    );
}

#[test]
fn a_window_past_the_end_is_empty_and_a_bad_size_is_refused_by_name() {
    let demo = demo(40);
    let view = demo.view(None);
    let all = BoardFilter::default();
    let last = view.window(&all, 35, 10).unwrap();
    assert_eq!((last.matching, last.rows.len()), (40, 5));
    assert!(view.window(&all, 40, 10).unwrap().rows.is_empty());
    let err = view.window(&all, 0, 0).unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().starts_with("limit: "), "{err}");
    let err = view.window(&all, 0, MAX_WINDOW + 1).unwrap_err();
    assert!(err.to_string().starts_with("limit: "), "{err}");
    let err = view.flags_of(&[CandidateId(-5)]).unwrap_err();
    assert_eq!(err.code(), "not_found", "{err}");
}

#[test]
fn the_board_is_kept_until_a_write_and_a_write_shows_on_the_next_window() {
    let mut demo = demo(40);
    let first = demo.view(None);
    let again = demo.view(Some(first.clone()));
    assert!(
        Arc::ptr_eq(&first, &again),
        "nothing written: the board is not computed again"
    );

    // A moderation, on the app's change session, of the first row's first criterion.
    let row = &first.packed().rows[0];
    let (candidate, cell) = (row.result.row.candidate_id, row.result.cells[0]);
    let value = if cell.2 == Some(1) { 2 } else { 1 };
    demo.writer
        .moderate_score(
            demo.campaign,
            &Decision {
                candidate_id: candidate,
                criterion_key: first.packed().criteria[0].clone(),
                mark: Mark::Point(value).into(),
                text: "Evidence supports a different score".into(),
                by: AssessorId(0),
            },
        )
        .unwrap();

    let after = demo.view(Some(first.clone()));
    assert!(
        !Arc::ptr_eq(&first, &after),
        "the write moved the audit head"
    );
    let window = after
        .window(&BoardFilter::default(), 0, MAX_WINDOW)
        .unwrap();
    let moved = window
        .rows
        .iter()
        .find(|r| r.result.row.candidate_id == candidate)
        .unwrap();
    assert_eq!(moved.result.cells[0].1, Some(value));
    assert_eq!(moved.result.cells[0].4, ResultSource::Moderated);
    assert_eq!(
        after.packed(),
        &demo.packed(),
        "the same as computed afresh"
    );
}

#[test]
fn only_a_moderator_is_served_the_board() {
    let demo = demo(16);
    let hr = Session::sign_in(
        Store::open(&demo._dir.path().join("demo.db")).unwrap(),
        "hr",
        None,
    )
    .unwrap();
    let err = hr
        .board_view(demo.campaign, &FlagSettings::default(), None)
        .unwrap_err();
    assert_eq!(err.code(), "forbidden", "{err}");
}
