//! The two-exercise campaign, run from the command line on a file or a shared database (see
//! tests/exercises_cli.rs and tests/pg_exercises.rs): returns the campaign id and the
//! moderator's `results --json` once signed off and exported.

use std::path::Path;

use super::Cli;

/// The HR administrator's name in the flow (its login via [`Cli::login`]).
pub const HR: &str = "harriet";
/// The people the flow needs as users before it starts: (name, role).
pub const PEOPLE: [(&str, &str); 4] = [
    ("alex", "Alex Chair"),
    ("bo", "Bo Member"),
    ("cara", "Cara Tester"),
    ("helen", "Helen Marsh"),
];

const ROLE: &str = r#"{
  "title": "Data Analyst",
  "grade": "HEO",
  "criteria": [
    { "kind": "behaviour", "name": "Working Together", "priority": "essential",
      "indicators": ["Builds trust"] },
    { "kind": "behaviour", "name": "Delivering at Pace", "priority": "essential",
      "indicators": [] },
    { "kind": "technical", "name": "Data Analysis", "priority": "essential", "indicators": [] }
  ]
}"#;

/// Agreed scores: interview (c1, c2, c3) and technical test (c3). Data Analysis combines as a
/// mean of its two exercises. Totals: C-1 6+6+(5+7)/2 = 18; C-2 5+5+(4+6)/2 = 15; C-3
/// 5+4+(6+6)/2 = 15 (a tie for the second of two posts); C-4 3+4+(4+2)/2 = 10 (fails).
const AGREED: [(&str, [i32; 3], i32); 4] = [
    ("C-1", [6, 6, 5], 7),
    ("C-2", [5, 5, 4], 6),
    ("C-3", [5, 4, 6], 6),
    ("C-4", [3, 4, 4], 2),
];

fn sheet(login: &str, rows: &[(&str, &str, i32)]) -> String {
    let mut csv = String::from("assessor,candidate,criterion,value,evidence\n");
    for (candidate, criterion, value) in rows {
        csv.push_str(&format!(
            "{login},{candidate},{criterion},{value},{candidate} gave a worked example\n"
        ));
    }
    csv
}

fn pdf_text(path: &Path) -> Option<String> {
    let out = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs the flow; the users (HR and [`PEOPLE`]) exist already.
pub fn two_exercise_campaign(cli: &Cli) -> (String, serde_json::Value) {
    let role = cli.file("role.json", ROLE);
    cli.run_as(HR, &["role", "import", &role]);
    cli.run_as(
        HR,
        &["scorecard", "create", "--role", "1", "--pass-mark", "4"],
    );

    // The matrix: the interview (implicit e1) assesses everything, the technical test only
    // Data Analysis; a criterion in both takes the mean.
    let bad = cli.refused_as(
        HR,
        &[
            "exercise",
            "add",
            "--scorecard",
            "1",
            "--name",
            "Technical test",
            "--kind",
            "technical-test",
            "--criteria",
            "Statistics",
        ],
    );
    assert!(
        bad.contains("--criteria 'Statistics': no such criterion"),
        "{bad}"
    );
    let added = cli.run_as(
        HR,
        &[
            "exercise",
            "add",
            "--scorecard",
            "1",
            "--name",
            "Technical test",
            "--kind",
            "technical-test",
            "--criteria",
            "Data Analysis",
            "--combine",
            "mean",
        ],
    );
    assert!(
        added.contains("added exercise e2 'Technical test'"),
        "{added}"
    );
    let exercises = cli.json_as(HR, &["exercise", "list", "--scorecard", "1", "--json"]);
    assert_eq!(exercises[0]["key"], "e1");
    assert_eq!(
        exercises[0]["criteria"],
        serde_json::json!(["c1", "c2", "c3"])
    );
    assert_eq!(exercises[1]["kind"], "technical_test");
    assert_eq!(exercises[1]["criteria"], serde_json::json!(["c3"]));

    let campaign = cli.json_as(
        HR,
        &[
            "campaign",
            "create",
            "--scorecard",
            "1",
            "--name",
            "Analysts",
            "--posts",
            "2",
            "--json",
        ],
    );
    let id = campaign["id"].as_i64().unwrap().to_string();
    let c = id.as_str();
    // The interview panel, and a central marking team for every candidate's technical test.
    cli.run_as(HR, &["panel", "add", "--campaign", c, "--name", "Panel A"]);
    cli.run_as(
        HR,
        &["panel", "add", "--campaign", c, "--name", "Marking team"],
    );
    for (login, role, seat) in [
        ("alex", "chair", Some(("Panel A", "Interview"))),
        ("bo", "member", Some(("Panel A", "e1"))),
        ("cara", "chair", Some(("Marking team", "Technical test"))),
        ("helen", "moderator", None),
    ] {
        let login = cli.login(login);
        let mut args = vec![
            "assessor",
            "add",
            "--campaign",
            c,
            "--login",
            &login,
            "--role",
            role,
        ];
        if let Some((panel, exercise)) = seat {
            args.extend(["--panel", panel, "--exercise", exercise]);
        }
        cli.run_as(HR, &args);
    }
    let helen = cli.login("helen");
    let wrong = cli.refused_as(
        HR,
        &[
            "assessor",
            "add",
            "--campaign",
            c,
            "--login",
            &helen,
            "--role",
            "member",
            "--panel",
            "Panel A",
            "--exercise",
            "Role play",
        ],
    );
    assert!(
        wrong.contains("--exercise 'Role play': no such exercise"),
        "{wrong}"
    );
    let candidates = cli.file(
        "candidates.csv",
        "reference,name,panel\nC-1,Zoë Ng,Panel A\nC-2,Sam Roe,Panel A\nC-3,Tom Baker,Panel A\n\
         C-4,Ann Lee,Panel A\nC-5,Kit Moss,Panel A\n",
    );
    cli.run_as(HR, &["candidates", "import", &candidates, "--campaign", c]);
    // Until the technical tests are placed before the marking team, nobody on Panel A marks
    // them: scoring cannot start.
    let unmarked = cli.refused_as(HR, &["campaign", "start-scoring", "--campaign", c]);
    assert!(unmarked.contains("C-1 (Technical test)"), "{unmarked}");
    let by_member = cli.refused_as(
        "bo",
        &[
            "candidates",
            "place",
            "--campaign",
            c,
            "--candidate",
            "C-1",
            "--exercise",
            "e2",
            "--panel",
            "Marking team",
        ],
    );
    assert!(
        by_member.contains("only an HR administrator"),
        "{by_member}"
    );
    for (reference, _, _) in AGREED {
        let placed = cli.run_as(
            HR,
            &[
                "candidates",
                "place",
                "--campaign",
                c,
                "--candidate",
                reference,
                "--exercise",
                "Technical test",
                "--panel",
                "Marking team",
            ],
        );
        assert!(
            placed.contains("sits exercise Technical test before Marking team"),
            "{placed}"
        );
    }
    cli.run_as(
        HR,
        &[
            "candidates",
            "withdraw",
            "--campaign",
            c,
            "--candidate",
            "C-5",
            "--reason",
            "Accepted another offer",
        ],
    );
    cli.run_as(HR, &["campaign", "start-scoring", "--campaign", c]);
    for login in ["alex", "cara"] {
        cli.run_as(login, &["conflict", "confirm-none", "--campaign", c]);
    }
    cli.run_as(
        "bo",
        &[
            "conflict",
            "declare",
            "--campaign",
            c,
            "--candidate",
            "C-4",
            "--reason",
            "Former line manager",
        ],
    );

    // Each exercise's scorers score their own exercise only.
    let outside = cli.file(
        "cara-wrong.csv",
        &sheet(&cli.login("cara"), &[("C-1", "c1@e1", 5)]),
    );
    let err = cli.refused_as("cara", &["score", "import", &outside, "--campaign", c]);
    assert!(err.contains("you assess exercise e2"), "{err}");
    let mut interview = Vec::new();
    let mut technical = Vec::new();
    for (reference, values, test) in AGREED {
        for (key, value) in ["c1@e1", "Delivering at Pace (Interview)", "c3@e1"]
            .iter()
            .zip(values)
        {
            interview.push((reference, *key, value));
        }
        technical.push((reference, "c3@e2", test));
    }
    let bo_rows: Vec<_> = interview.iter().copied().filter(|r| r.0 != "C-4").collect();
    let score_and_submit = |login: &str, rows: &[(&str, &str, i32)]| {
        let path = cli.file(&format!("{login}.csv"), &sheet(&cli.login(login), rows));
        cli.run_as(login, &["score", "import", &path, "--campaign", c]);
        for (reference, _, _) in AGREED {
            if login == "bo" && reference == "C-4" {
                continue;
            }
            let out = cli.run_as(
                login,
                &["score", "submit", "--campaign", c, "--candidate", reference],
            );
            let count = if login == "cara" { 1 } else { 3 };
            assert_eq!(
                out.trim(),
                format!("submitted {count} scores for {reference} in campaign {c}")
            );
        }
    };
    score_and_submit("alex", &interview);
    score_and_submit("bo", &bo_rows);
    // Bo cannot score the candidate he declared a conflict with.
    let conflicted = cli.file(
        "bo-c4.csv",
        &sheet(&cli.login("bo"), &[("C-4", "c1@e1", 3)]),
    );
    assert!(!cli
        .try_as("bo", &["score", "import", &conflicted, "--campaign", c])
        .status
        .success());

    // Each chair agrees their own exercise's scores.
    let agree = |login: &str, reference: &str, key: &str, value: i32| {
        cli.try_as(
            login,
            &[
                "agree",
                "--campaign",
                c,
                "--candidate",
                reference,
                "--criterion",
                key,
                "--value",
                &value.to_string(),
                "--rationale",
                "the panel's evidence",
            ],
        )
    };
    assert!(
        !agree("alex", "C-1", "c3@e2", 7).status.success(),
        "the interview's chair does not agree the technical test"
    );
    // The interview's chair agrees as soon as the interview's scorers have submitted: the
    // technical test, marked separately, is not waited for.
    for (reference, values, _) in AGREED {
        for (key, value) in ["c1@e1", "c2@e1", "c3@e1"].iter().zip(values) {
            let out = agree("alex", reference, key, value);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    assert!(
        !agree("cara", "C-1", "c3@e2", 7).status.success(),
        "the test's chair agrees only once the test's scores are in"
    );
    score_and_submit("cara", &technical);
    for (reference, _, test) in AGREED {
        let out = agree("cara", reference, "c3@e2", test);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    cli.run_as("helen", &["campaign", "start-moderation", "--campaign", c]);
    cli.run_as(
        "helen",
        &[
            "moderate",
            "--campaign",
            c,
            "--candidate",
            "C-4",
            "--criterion",
            "c3@e2",
            "--value",
            "3",
            "--reason",
            "the test's second part was marked against the old key",
        ],
    );
    let blocked = cli.refused_as("helen", &["campaign", "sign-off", "--campaign", c]);
    assert!(
        blocked.contains("C-2") && blocked.contains("C-3"),
        "{blocked}"
    );
    cli.run_as(
        "helen",
        &[
            "tie",
            "order",
            "--campaign",
            c,
            "--reason",
            "C-3's technical test was the stronger",
            "C-3",
            "C-2",
        ],
    );
    cli.run_as("helen", &["campaign", "sign-off", "--campaign", c]);

    let results = cli.json_as("helen", &["results", "--campaign", c, "--json"]);
    let merit: Vec<(String, f64, String, Option<u64>)> = results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["reference"].as_str().unwrap().to_owned(),
                r["total"].as_f64().unwrap(),
                r["outcome"].as_str().unwrap().to_owned(),
                r["position"].as_u64(),
            )
        })
        .collect();
    let row = |r: &str, t: f64, o: &str, p: Option<u64>| (r.to_owned(), t, o.to_owned(), p);
    assert_eq!(
        merit,
        [
            row("C-1", 18.0, "pass", Some(1)),
            row("C-3", 15.0, "pass", Some(2)),
            row("C-2", 15.0, "pass", Some(3)),
            // 3 + 4 + (4 + 3) / 2 after moderation: below the overall 12.
            row("C-4", 10.5, "fail", None),
        ],
        "C-5 withdrew: not in the merit list"
    );
    let first = &results[0];
    let keys: Vec<&str> = first["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["c1@e1", "c2@e1", "c3@e1", "c3@e2"]);
    let analysis = &first["combined"][2];
    assert_eq!(analysis["key"], "c3");
    assert_eq!(analysis["value"], 6.0, "the mean of 5 and 7");
    assert_eq!(analysis["exercises"][1]["exercise_name"], "Technical test");
    assert_eq!(analysis["exercises"][1]["value"], 7);

    // The exercises' decided scores on Data Analysis: C-1 5 and 7, C-2 4 and 6 (2 apart, the
    // default threshold), C-3 6 and 6, C-4 4 and 3 once moderated.
    let reference_of = |id: &serde_json::Value| {
        results
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["candidate_id"] == *id)
            .map_or("?".to_owned(), |r| {
                r["reference"].as_str().unwrap().to_owned()
            })
    };
    let flags = cli.json_as("helen", &["flags", "--campaign", c, "--json"]);
    let disagree: Vec<(String, &str)> = flags
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "exercises_disagree")
        .map(|f| {
            (
                reference_of(&f["candidate_id"]),
                f["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        disagree,
        [
            (
                "C-1".to_owned(),
                "exercises disagree: Data Analysis scored 5 in Interview and 7 in Technical test (gap 2 ≥ 2)"
            ),
            (
                "C-2".to_owned(),
                "exercises disagree: Data Analysis scored 4 in Interview and 6 in Technical test (gap 2 ≥ 2)"
            ),
        ]
    );

    let out_dir = cli.dir.path().join("export");
    cli.run_as(
        "helen",
        &[
            "export",
            "--campaign",
            c,
            "--out",
            out_dir.to_str().unwrap(),
        ],
    );
    // Statistics per exercise: the interview's raters (Alex, Bo) and the test's (Cara).
    let stats = cli.json_as("helen", &["stats", "--campaign", c, "--json"]);
    let panels: Vec<(&str, bool)> = stats["panels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["name"].as_str().unwrap(), p["icc"].is_number()))
        .collect();
    assert_eq!(
        panels,
        [
            ("Panel A (Interview)", true),
            // One rater: no agreement statistic.
            ("Marking team (Technical test)", false)
        ]
    );
    // Combined per criterion: Data Analysis 6, 5, 6 and 3.5 on Panel A.
    let analysis = &stats["combined"][2];
    assert_eq!(analysis["name"], "Data Analysis");
    assert_eq!(
        (&analysis["mean"], &analysis["spread"]),
        (&serde_json::json!(5.125), &serde_json::json!(2.5))
    );
    assert_eq!(analysis["panels"][0]["name"], "Panel A");
    assert_eq!(analysis["panels"][0]["candidates"], 4);
    // results.csv carries each exercise's scores and, per criterion, their combination.
    let csv = std::fs::read_to_string(out_dir.join("results.csv")).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("{name} in {header:?}"))
    };
    let c1: Vec<&str> = lines
        .find(|l| l.contains(",C-1,"))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!(c1[column("Data Analysis (Technical test) agreed")], "7");
    assert_eq!(c1[column("Data Analysis combined")], "6");
    assert_eq!(c1[column("Working Together combined")], "6");
    if let Some(pack) = pdf_text(&out_dir.join("C-3-evidence-pack.pdf")) {
        let pack = pack.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in [
            "Data Analysis (Technical test)",
            "Working Together (Interview)",
            "Technical test",
            "Combined across exercises",
            // C-3: Data Analysis 6 in the interview and 6 in the test, combined 6.
            "Interview 6 · Technical test 6",
            // Each panel with the exercise the candidate sat before it (names as each
            // backend holds them).
            "Panel A (Interview): ",
            "; Marking team (Technical test): ",
        ] {
            assert!(pack.contains(expected), "{expected} in the pack: {pack}");
        }
        assert!(!pack.contains("Sam Roe"), "C-3's pack names nobody else");
    }
    if let Some(summary) = pdf_text(&out_dir.join("campaign-summary.pdf")) {
        let summary = summary.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in [
            "Combined per criterion (weighted mean",
            "Combined across exercises (spread = highest − lowest)",
            "exercises disagree: Data Analysis scored 5 in Interview and 7 in Technical test",
        ] {
            assert!(
                summary.contains(expected),
                "{expected} in the summary: {summary}"
            );
        }
    }
    assert!(cli
        .run_as("helen", &["verify"])
        .contains("audit chain intact"));
    (id, results)
}
