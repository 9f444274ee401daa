//! The whole workflow from the command line, run through the real binary: an HR
//! administrator builds a campaign from a role file, two panel members score it from CSV
//! score sheets and submit, the chair agrees, the moderator moderates, separates a tie at the
//! last post, signs off and exports. Also: a score sheet with errors is refused whole, each
//! bad line named, and stores nothing.

mod cli_support;

use cli_support::Cli;

/// How many audit events the log holds (read by the HR administrator, who reads all).
fn audit_count(cli: &Cli) -> usize {
    cli.run_as(HR, &["audit", "--json"]).lines().count()
}

const HR: &str = "harriet";

const ROLE: &str = r#"{
  "title": "Data Analyst",
  "grade": "HEO",
  "criteria": [
    { "kind": "behaviour", "name": "Working Together", "priority": "essential",
      "indicators": ["Builds trust", "Shares knowledge"] },
    { "kind": "behaviour", "name": "Delivering at Pace", "priority": "essential",
      "indicators": ["Meets deadlines"] },
    { "kind": "technical", "name": "Data Analysis", "priority": "desirable", "indicators": [] }
  ]
}"#;

const CANDIDATES: &str = "reference,name,panel\n\
    C-1,Zoë Łukasiewicz,Panel A\n\
    C-2,Siobhán Ó Briain,Panel A\n\
    C-3,Tom Baker,Panel A\n\
    C-4,Ann Lee,Panel A\n";

/// The agreed scores (Working Together, Delivering at Pace, Data Analysis) per candidate:
/// C-2 and C-3 tie on 14 for the second of two posts.
const AGREED: [(&str, [i32; 3]); 4] = [
    ("C-1", [6, 6, 5]),
    ("C-2", [5, 5, 4]),
    ("C-3", [5, 4, 5]),
    ("C-4", [3, 4, 4]),
];

/// A member's score sheet: the agreed scores, give or take one, with evidence that needs
/// quoting (commas, quotes, a line break) and one NA.
fn score_sheet(login: &str, offset: i32) -> String {
    let mut csv = String::from("assessor,candidate,criterion,value,evidence,indicators\n");
    for (reference, values) in AGREED {
        for (i, (key, value)) in ["c1", "Delivering at Pace", "c3"]
            .iter()
            .zip(values)
            .enumerate()
        {
            let (value, marks) = match i {
                0 => ((value + offset).clamp(1, 7).to_string(), "s-"),
                1 => ((value).to_string(), "s"),
                _ if reference == "C-4" && login == "bo" => ("NA".to_owned(), ""),
                _ => ((value - offset).clamp(1, 7).to_string(), ""),
            };
            csv.push_str(&format!(
                "{login},{reference},{key},{value},\"{reference}: led the \"\"Alpha\"\" rollout,\nthen coached two analysts\",{marks}\n"
            ));
        }
    }
    csv
}

fn id_of(json: &serde_json::Value) -> String {
    json["id"].as_i64().expect("an id").to_string()
}

/// Everything up to the start of scoring: returns the campaign id.
fn set_up(cli: &Cli) -> String {
    for (login, name) in [
        ("alex", "Alex Chair"),
        ("bo", "Bo Member"),
        ("helen", "Helen Marsh"),
    ] {
        cli.run_as(HR, &["user", "add", login, "--name", name]);
    }
    let role_file = cli.file("role.json", ROLE);
    let imported = cli.run_as(HR, &["role", "import", &role_file]);
    assert_eq!(imported.trim(), "imported role 1: Data Analyst");
    let card = cli.json_as(
        HR,
        &[
            "scorecard",
            "create",
            "--role",
            "1",
            "--pass-mark",
            "4",
            "--json",
        ],
    );
    assert_eq!(card["criteria"], 3);
    assert_eq!(card["overall_pass_mark"], 12.0);
    let listed = cli.json_as(HR, &["scorecard", "list", "--json"]);
    assert_eq!(listed[0]["scorecard"]["title"], "Data Analyst");
    let campaign = cli.json_as(
        HR,
        &[
            "campaign",
            "create",
            "--scorecard",
            &id_of(&card),
            "--name",
            "Analysts 2026",
            "--posts",
            "2",
            "--retention",
            "2y",
            "--json",
        ],
    );
    assert_eq!(campaign["state"], "setup");
    assert_eq!(campaign["posts"], 2);
    assert_eq!(campaign["retention_months"], 24);
    let id = id_of(&campaign);
    let panel = cli.json_as(
        HR,
        &[
            "panel",
            "add",
            "--campaign",
            &id,
            "--name",
            "Panel A",
            "--json",
        ],
    );
    assert_eq!(panel["name"], "Panel A");
    for (login, role, panel) in [
        ("alex", "chair", Some("Panel A")),
        ("bo", "member", Some("Panel A")),
        ("helen", "moderator", None),
    ] {
        let mut args = vec![
            "assessor",
            "add",
            "--campaign",
            &id,
            "--login",
            login,
            "--role",
            role,
        ];
        if let Some(panel) = panel {
            args.extend(["--panel", panel]);
        }
        cli.run_as(HR, &args);
    }
    let list = cli.file("candidates.csv", CANDIDATES);
    cli.run_as(HR, &["candidates", "import", &list, "--campaign", &id]);
    cli.run_as(HR, &["campaign", "start-scoring", "--campaign", &id]);
    // Before scoring, each member states they have no conflict of interest.
    for login in ["alex", "bo"] {
        cli.run_as(login, &["conflict", "confirm-none", "--campaign", &id]);
    }
    id
}

#[test]
fn a_campaign_runs_from_role_file_to_signed_off_exports_entirely_from_the_cli() {
    let cli = Cli::new();
    let id = set_up(&cli);

    // Each member imports their own sheet, then submits candidate by candidate.
    for (login, offset) in [("alex", 0), ("bo", 1)] {
        let sheet = cli.file(&format!("{login}.csv"), &score_sheet(login, offset));
        let saved = cli.json_as(
            login,
            &["score", "import", &sheet, "--campaign", &id, "--json"],
        );
        assert_eq!(saved["scores"], 12, "{login}");
        assert_eq!(saved["candidates"], 4, "{login}");
        for (reference, _) in AGREED {
            let out = cli.run_as(
                login,
                &[
                    "score",
                    "submit",
                    "--campaign",
                    &id,
                    "--candidate",
                    reference,
                ],
            );
            assert_eq!(
                out.trim(),
                format!("submitted 3 scores for {reference} in campaign {id}")
            );
        }
    }

    // The chair records the agreed scores, each with its rationale.
    for (reference, values) in AGREED {
        for (key, value) in ["c1", "c2", "Data Analysis"].iter().zip(values) {
            cli.run_as(
                "alex",
                &[
                    "agree",
                    "--campaign",
                    &id,
                    "--candidate",
                    reference,
                    "--criterion",
                    key,
                    "--value",
                    &value.to_string(),
                    "--rationale",
                    "the panel's evidence",
                ],
            );
        }
    }

    // The moderator: moderation, a change with its reason, the tie at the last post.
    cli.run_as(
        "helen",
        &["campaign", "start-moderation", "--campaign", &id],
    );
    let out = cli.run_as(
        "helen",
        &[
            "moderate",
            "--campaign",
            &id,
            "--candidate",
            "C-4",
            "--criterion",
            "c1",
            "--value",
            "4",
            "--reason",
            "the evidence on trust meets the bar",
        ],
    );
    assert_eq!(out.trim(), "moderated C-4 on c1 to 4");
    let before = cli.json_as("helen", &["results", "--campaign", &id, "--json"]);
    let boundary: Vec<&str> = before
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["boundary_tie"] == true)
        .map(|r| r["reference"].as_str().unwrap())
        .collect();
    assert_eq!(boundary.len(), 2, "C-2 and C-3 tie across the last post");
    let refused = cli.try_as("helen", &["campaign", "sign-off", "--campaign", &id]);
    assert!(!refused.status.success(), "a boundary tie blocks sign-off");
    cli.run_as(
        "helen",
        &[
            "tie",
            "order",
            "--campaign",
            &id,
            "--reason",
            "C-3's evidence on delivery was stronger",
            "C-3",
            "C-2",
        ],
    );
    cli.run_as("helen", &["campaign", "sign-off", "--campaign", &id]);

    let results = cli.json_as("helen", &["results", "--campaign", &id, "--json"]);
    let merit: Vec<(String, f64, String, Option<u64>, bool)> = results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["reference"].as_str().unwrap().to_owned(),
                r["total"].as_f64().unwrap(),
                r["outcome"].as_str().unwrap().to_owned(),
                r["position"].as_u64(),
                r["reserve"].as_bool().unwrap(),
            )
        })
        .collect();
    let row = |r: &str, t: f64, p: u64, reserve: bool| {
        (r.to_owned(), t, "pass".to_owned(), Some(p), reserve)
    };
    assert_eq!(
        merit,
        [
            row("C-1", 17.0, 1, false),
            row("C-3", 14.0, 2, false),
            row("C-2", 14.0, 3, true),
            // Moderated from 3 to 4 on Working Together: 12 meets the overall pass mark.
            row("C-4", 12.0, 4, true),
        ]
    );
    assert!(results[1]["tie_note"]
        .as_str()
        .unwrap()
        .contains("C-3's evidence on delivery was stronger"));

    // Sign-off is locked; reopening needs a reason; then sign off again and export.
    let no_reason = cli.try_as("helen", &["campaign", "reopen", "--campaign", &id]);
    assert!(!no_reason.status.success());
    cli.run_as(
        "helen",
        &[
            "campaign",
            "reopen",
            "--campaign",
            &id,
            "--reason",
            "check C-4",
        ],
    );
    cli.run_as("helen", &["campaign", "sign-off", "--campaign", &id]);
    let out_dir = cli.dir.path().join("export");
    cli.run_as(
        "helen",
        &[
            "export",
            "--campaign",
            &id,
            "--out",
            out_dir.to_str().unwrap(),
        ],
    );
    let mut files: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    for expected in [
        "C-1-evidence-pack.pdf",
        "C-2-evidence-pack.pdf",
        "C-3-evidence-pack.pdf",
        "C-4-evidence-pack.pdf",
        "campaign-summary.pdf",
        "results.csv",
        "scores.csv",
    ] {
        assert!(
            files.iter().any(|f| f == expected),
            "{expected} in {files:?}"
        );
    }
    let scores_csv = std::fs::read_to_string(out_dir.join("scores.csv")).unwrap();
    assert!(
        scores_csv.contains("C-1: led the \"\"Alpha\"\" rollout,\nthen coached two analysts"),
        "the quoted evidence, line break and all, reached the export"
    );
    assert_eq!(cli.run_as("helen", &["verify"]).lines().count(), 2);
}

#[test]
fn a_score_sheet_with_errors_is_refused_whole_naming_each_line_and_field() {
    let cli = Cli::new();
    let id = set_up(&cli);
    let before = audit_count(&cli);
    // Line 2 is good; line 3's evidence spans two lines, so the next row starts on line 5.
    let sheet = cli.file(
        "bad.csv",
        "assessor,candidate,criterion,value,evidence,indicators\n\
         bo,C-1,c1,5,good,s-\n\
         bo,C-1,c2,9,\"two\nlines\",\n\
         bo,C-9,c3,4,x,\n\
         alex,C-2,c1,4,x,\n\
         bo,C-2,Leadership,4,x,\n\
         bo,C-3,c3,n/a,x,\n\
         bo,C-3,c1,4,x,sss\n",
    );
    let out = cli.try_as("bo", &["score", "import", &sheet, "--campaign", &id]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            "error: bad.csv: 6 row(s) rejected, nothing imported:",
            "line 3: value: 9 is not a point of the scale 'Civil Service 1–7' (1–7)",
            "line 5: candidate: 'C-9' is not a candidate of your panel in this campaign",
            "line 6: assessor: 'alex' is not you (bo); each assessor imports their own scores",
            "line 7: criterion: 'Leadership' is not a criterion of the scorecard (c1 Working Together, c2 Delivering at Pace, c3 Data Analysis)",
            "line 8: value: 'n/a' is not how to write not assessed; write NA",
            "line 9: indicators: 3 marks, but 'Working Together' has 2 indicators",
        ]
    );
    assert_eq!(audit_count(&cli), before, "a refused sheet stores nothing");
    // Nothing was saved: submitting C-1 finds no scores.
    let submit = cli.try_as(
        "bo",
        &["score", "submit", "--campaign", &id, "--candidate", "C-1"],
    );
    assert!(!submit.status.success());

    // An HR administrator cannot import a sheet in an assessor's name.
    let good = cli.file(
        "good.csv",
        "assessor,candidate,criterion,value,evidence\nbo,C-1,c1,5,good\n",
    );
    let hr = cli.try_as(HR, &["score", "import", &good, "--campaign", &id]);
    assert!(!hr.status.success());
    assert!(
        String::from_utf8_lossy(&hr.stderr).contains("only a member or chair"),
        "{}",
        String::from_utf8_lossy(&hr.stderr)
    );
    assert_eq!(audit_count(&cli), before);

    // The corrected sheet goes in whole.
    let saved = cli.json_as(
        "bo",
        &["score", "import", &good, "--campaign", &id, "--json"],
    );
    assert_eq!(saved["scores"], 1);
    assert!(audit_count(&cli) > before);
}

#[test]
fn a_custom_scale_file_phases_back_and_posts_with_reasons_work_from_the_cli() {
    let cli = Cli::new();
    let id = set_up(&cli);
    let scale = cli.file(
        "scale.json",
        r#"{"name": "0–4", "points": [
            {"value": 0, "label": "None", "descriptor": "No evidence"},
            {"value": 1, "label": "Weak", "descriptor": "Little evidence"},
            {"value": 2, "label": "Fair", "descriptor": "Some evidence"},
            {"value": 3, "label": "Good", "descriptor": "Clear evidence"},
            {"value": 4, "label": "Strong", "descriptor": "Compelling evidence"}]}"#,
    );
    let card = cli.json_as(
        HR,
        &[
            "scorecard",
            "create",
            "--role",
            "1",
            "--scale",
            &scale,
            "--pass-mark",
            "2",
            "--json",
        ],
    );
    assert_eq!(card["scale"], "0–4");
    assert_eq!(card["overall_pass_mark"], 6.0);
    let bad = cli.file("bad-scale.json", r#"{"name": "x"}"#);
    let out = cli.try_as(HR, &["scorecard", "create", "--role", "1", "--scale", &bad]);
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("error: bad-scale.json: not a scale file")
    );
    let out = cli.try_as(
        HR,
        &[
            "campaign",
            "create",
            "--scorecard",
            "1",
            "--name",
            "X",
            "--retention",
            "11y",
        ],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "error: --retention '11y': 132 months is outside 1 to 120"
    );
    assert_eq!(
        cli.json_as(HR, &["campaign", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1,
        "a refused create leaves no campaign behind"
    );

    // Moderation and back: going back needs a reason; a change of posts in scoring too.
    cli.run_as(
        "helen",
        &["campaign", "start-moderation", "--campaign", &id],
    );
    let out = cli.try_as("helen", &["campaign", "start-scoring", "--campaign", &id]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--reason"));
    let out = cli.run_as(
        "helen",
        &[
            "campaign",
            "start-scoring",
            "--campaign",
            &id,
            "--reason",
            "a sheet was missed",
        ],
    );
    assert_eq!(out.trim(), format!("campaign {id} is back in scoring"));
    assert!(!cli
        .try_as(
            "helen",
            &["campaign", "posts", "--campaign", &id, "--posts", "3"]
        )
        .status
        .success());
    cli.run_as(
        "helen",
        &[
            "campaign",
            "posts",
            "--campaign",
            &id,
            "--posts",
            "3",
            "--reason",
            "a third post funded",
        ],
    );
    let list = cli.json_as(HR, &["campaign", "list", "--json"]);
    assert_eq!(list[0]["state"], "scoring");
}
