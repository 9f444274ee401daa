//! `candidates withdraw`, `conflict …` and `adjustments …` from the command line, on a demo
//! campaign in moderation, each as the person who may (or may not) do it.

mod cli_support;

use std::path::Path;

use cli_support::panelmark_as;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs a command that must succeed; its standard output.
fn ok(db: &Path, login: &str, args: &[&str]) -> String {
    let out = panelmark_as(db, login, args);
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

/// Runs a command that must fail; its one-line error.
fn refused(db: &Path, login: &str, args: &[&str]) -> String {
    let out = panelmark_as(db, login, args);
    assert!(
        !out.status.success(),
        "{args:?} succeeded: {}",
        text(&out.stdout)
    );
    text(&out.stderr)
}

const MODERATOR: &str = "helen.marsh.hr";

#[test]
fn withdraw_declare_and_adjust_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let demo = ok(&db, "hr", &["demo", "--candidates", "4", "--seed", "3"]);
    let campaign = demo.split_whitespace().last().unwrap().trim().to_owned();
    let c = campaign.as_str();

    // The demo's scorers stated their conflicts (none) before scoring: nothing declared.
    assert_eq!(
        ok(&db, MODERATOR, &["conflict", "list", "--campaign", c]).trim(),
        "no conflicts of interest declared"
    );
    // Everyone has submitted, so a late declaration is refused with the reason.
    let late = refused(
        &db,
        "amara.okafor",
        &[
            "conflict",
            "declare",
            "--campaign",
            c,
            "--candidate",
            "C-0001",
            "--reason",
            "Neighbour",
        ],
    );
    assert!(
        late.contains("already submitted scores for C-0001"),
        "{late}"
    );

    // Adjustments: HR sets them; the moderator may not read them.
    let set = ok(
        &db,
        "hr",
        &[
            "adjustments",
            "set",
            "--campaign",
            c,
            "--candidate",
            "C-0002",
            "--note",
            "Extra 15 minutes",
        ],
    );
    assert!(
        set.contains("set the reasonable adjustments of C-0002"),
        "{set}"
    );
    assert_eq!(
        ok(
            &db,
            "hr",
            &[
                "adjustments",
                "show",
                "--campaign",
                c,
                "--candidate",
                "C-0002"
            ]
        )
        .trim(),
        "Extra 15 minutes"
    );
    let hidden = refused(
        &db,
        MODERATOR,
        &[
            "adjustments",
            "show",
            "--campaign",
            c,
            "--candidate",
            "C-0002",
        ],
    );
    assert!(
        hidden.contains("the candidate's panel or an HR administrator"),
        "{hidden}"
    );

    // The moderator withdraws C-0001: gone from the results.
    let before = ok(&db, MODERATOR, &["results", "--campaign", c, "--json"]);
    assert!(before.contains("\"C-0001\""));
    let done = ok(
        &db,
        MODERATOR,
        &[
            "candidates",
            "withdraw",
            "--campaign",
            c,
            "--candidate",
            "C-0001",
            "--reason",
            "Accepted another offer",
        ],
    );
    assert!(done.contains("withdrew candidate C-0001"), "{done}");
    let after = ok(&db, MODERATOR, &["results", "--campaign", c, "--json"]);
    assert!(!after.contains("\"C-0001\""), "{after}");
    assert!(after.contains("\"C-0002\""));
    // And the log still replays to what is stored.
    let verify = ok(&db, "hr", &["verify"]);
    assert!(verify.contains("audit chain intact"), "{verify}");
}
