//! `panelmark demo --exercises 2`: the demo with an interview and a technical test, so the
//! app can be shown with exercises. It verifies, combines each shared criterion's scores, and
//! its exercises disagree now and then.

mod cli_support;

use cli_support::Cli;
use panelmark::demo::MODERATOR_LOGIN;

#[test]
fn a_two_exercise_demo_verifies_combines_and_flags_disagreeing_exercises() {
    let cli = Cli::new();
    let id = cli
        .run_as(
            "tester",
            &["demo", "--candidates", "24", "--exercises", "2"],
        )
        .trim()
        .to_owned();
    assert!(cli
        .run_as("tester", &["verify"])
        .contains("audit chain intact"));

    let exercises = cli.json_as(
        "tester",
        &["exercise", "list", "--scorecard", "1", "--json"],
    );
    let names: Vec<&str> = exercises
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Interview", "Technical test"]);
    let tested = exercises[1]["criteria"].as_array().unwrap().len();
    let interviewed = exercises[0]["criteria"].as_array().unwrap().len();
    assert!(
        tested > 0 && tested < interviewed,
        "the test assesses part of what the interview does: {exercises}"
    );

    let results = cli.json_as(MODERATOR_LOGIN, &["results", "--campaign", &id, "--json"]);
    let rows = results.as_array().unwrap();
    assert_eq!(rows.len(), 24);
    let combined = rows[0]["combined"].as_array().unwrap();
    let shared: Vec<&serde_json::Value> = combined
        .iter()
        .filter(|c| c["exercises"].as_array().unwrap().len() == 2)
        .collect();
    assert_eq!(
        shared.len(),
        tested,
        "each tested criterion is combined from both"
    );
    for c in &shared {
        let (a, b) = (
            c["exercises"][0]["value"].as_f64().unwrap(),
            c["exercises"][1]["value"].as_f64().unwrap(),
        );
        assert_eq!(c["value"].as_f64().unwrap(), (a + b) / 2.0, "the mean: {c}");
    }

    let flags = cli.json_as(MODERATOR_LOGIN, &["flags", "--campaign", &id, "--json"]);
    let disagree: Vec<&str> = flags
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "exercises_disagree")
        .map(|f| f["reason"].as_str().unwrap())
        .collect();
    assert!(!disagree.is_empty(), "no exercises_disagree flag: {flags}");
    assert!(
        disagree
            .iter()
            .all(|r| r.starts_with("exercises disagree: ")
                && (r.contains(" in Interview and ") || r.contains(" in Technical test and "))),
        "{disagree:?}"
    );

    // Members are limited to an exercise: each panel's statistics come per exercise.
    let stats = cli.json_as(MODERATOR_LOGIN, &["stats", "--campaign", &id, "--json"]);
    let panels: Vec<&str> = stats["panels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        panels,
        [
            "Panel A (Interview)",
            "Panel A (Technical test)",
            "Panel B (Interview)",
            "Panel B (Technical test)",
            "Panel C (Interview)",
            "Panel C (Technical test)"
        ]
    );
    assert_eq!(
        stats["combined"].as_array().unwrap().len(),
        interviewed,
        "combined figures per criterion"
    );
}

#[test]
fn a_demo_has_one_or_two_exercises() {
    let cli = Cli::new();
    let refused = cli.refused_as("tester", &["demo", "--exercises", "3"]);
    assert!(
        refused.contains("a demo has 1 to 2 exercises, not 3"),
        "{refused}"
    );
}
