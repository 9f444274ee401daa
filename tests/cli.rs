//! The command-line contract: outputs, exit codes, one-line errors, and that a rejected
//! import stores nothing.

mod cli_support;

use std::path::Path;
use std::process::Output;

use cli_support::panelmark_as;

/// Runs the CLI as `tester` (the first user of each test's new file, so its HR admin).
fn panelmark(db: &Path, args: &[&str]) -> Output {
    panelmark_as(db, "tester", args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn import_jd_json_is_the_role_file_shape_plus_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let out = panelmark(
        &dir.path().join("a.db"),
        &["import-jd", &fixture("jd/demo-role.md"), "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "criteria",
            "grade",
            "reference",
            "source",
            "title",
            "warnings"
        ]
    );
    let criterion = json["criteria"][0].as_object().unwrap();
    let mut ckeys: Vec<&str> = criterion.keys().map(String::as_str).collect();
    ckeys.sort();
    assert_eq!(
        ckeys,
        [
            "code",
            "group",
            "indicators",
            "kind",
            "level",
            "name",
            "priority"
        ]
    );
    // The output is a valid role file in its own right.
    let path = dir.path().join("draft.json");
    std::fs::write(&path, stdout(&out)).unwrap();
    let imported = panelmark(
        &dir.path().join("a.db"),
        &["role", "import", path.to_str().unwrap()],
    );
    assert!(imported.status.success(), "{}", stderr(&imported));
}

#[test]
fn a_role_round_trips_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let draft = panelmark(&db, &["import-jd", &fixture("jd/csj-advert.md"), "--save"]);
    assert!(draft.status.success(), "{}", stderr(&draft));
    let first = stdout(&panelmark(&db, &["role", "export", "1"]));
    let path = dir.path().join("role.json");
    std::fs::write(&path, &first).unwrap();
    assert!(panelmark(&db, &["role", "import", path.to_str().unwrap()])
        .status
        .success());
    let second = stdout(&panelmark(&db, &["role", "export", "2"]));
    assert_eq!(first, second);
}

#[test]
fn bad_files_fail_with_one_clear_line_and_store_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let empty = dir.path().join("empty.md");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("photo.md");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let bad_schema = dir.path().join("bad.json");
    std::fs::write(
        &bad_schema,
        r#"{"title": "X", "criteria": [{"kind": "vibe", "name": "Y", "priority": "essential"}]}"#,
    )
    .unwrap();
    let cases: [(&[&str], &str); 3] = [
        (
            &["import-jd", empty.to_str().unwrap(), "--save"],
            "error: empty.md: the file is empty",
        ),
        (
            &["import-jd", binary.to_str().unwrap(), "--save"],
            "error: photo.md: this is not a text document (binary content at byte 6)",
        ),
        (
            &["role", "import", bad_schema.to_str().unwrap()],
            "error: bad.json: does not match the role schema:\n/criteria/0/kind:",
        ),
    ];
    for (args, expected) in cases {
        let out = panelmark(&db, args);
        assert!(!out.status.success(), "{args:?} must fail");
        assert!(
            stderr(&out).starts_with(expected),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let roles = panelmark(&db, &["role", "list", "--json"]);
    assert_eq!(stdout(&roles).trim(), "[]", "nothing was stored");
    // The one event is the file's first user signing in (and so being created); no role.
    let log = stdout(&panelmark(&db, &["audit", "--json"]));
    assert_eq!(log.lines().count(), 1, "{log}");
    assert!(log.contains(r#""action":"user.create""#), "{log}");
    assert!(stdout(&panelmark(&db, &["verify"])).starts_with("audit chain intact: 1 events"));
}

#[test]
fn a_candidate_csv_with_bad_rows_names_each_line_and_adds_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let id = stdout(&panelmark(
        &db,
        &["demo", "--candidates", "4", "--seed", "3"],
    ))
    .trim()
    .to_owned();
    // The demo campaign is past setup: imports are refused outright with the state named.
    let good = dir.path().join("good.csv");
    std::fs::write(&good, "reference,name\nX-1,Ada\n").unwrap();
    let out = panelmark(
        &db,
        &[
            "candidates",
            "import",
            good.to_str().unwrap(),
            "--campaign",
            &id,
        ],
    );
    assert!(
        stderr(&out).contains("is moderation: importing candidates is not allowed"),
        "{}",
        stderr(&out)
    );

    // A campaign in setup (made through the library on the same file) takes the import whole or not at all.
    let open = || {
        let store = panelmark::store::Store::open(&db).unwrap();
        panelmark::session::Session::sign_in(store, "tester", None).unwrap()
    };
    let mut hr = open();
    let card = hr.scorecards().unwrap()[0].id;
    let campaign = hr.create_campaign("Second round", card).unwrap();
    hr.add_panel(campaign, "Panel A").unwrap();
    drop(hr);
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "reference,name,email,panel\nX-1,Ada,ada@example.org,Panel A\nX-2,,bob@,Panel A\nX-1,Carol,,Panel Z\n").unwrap();
    let out = panelmark(
        &db,
        &[
            "candidates",
            "import",
            bad.to_str().unwrap(),
            "--campaign",
            &campaign.to_string(),
        ],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.starts_with("error: bad.csv: 2 row(s) rejected, nothing imported"),
        "{err}"
    );
    assert!(
        err.contains("line 3: name is empty; email 'bob@' is not a valid address"),
        "{err}"
    );
    assert!(
        err.contains("line 4: reference 'X-1' duplicates line 2"),
        "{err}"
    );
    assert!(
        open().candidates(campaign).unwrap().is_empty(),
        "nothing was imported"
    );
}

#[test]
fn verify_exits_one_naming_the_first_broken_event() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    assert!(
        panelmark(&db, &["import-jd", &fixture("jd/demo-role.md"), "--save"])
            .status
            .success()
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 1;",
    )
    .unwrap();
    drop(conn);
    let out = panelmark(&db, &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("audit chain BROKEN at event 1:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn results_and_stats_json_have_the_documented_keys_and_the_demo_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str| {
        let db = dir.path().join(name);
        let id = stdout(&panelmark(
            &db,
            &["demo", "--candidates", "12", "--seed", "7"],
        ))
        .trim()
        .to_owned();
        // Results are the moderator's to read.
        let refused = panelmark(&db, &["results", "--campaign", &id, "--json"]);
        assert!(
            stderr(&refused).contains("only a moderator of this campaign may see the results"),
            "{}",
            stderr(&refused)
        );
        let moderator = panelmark::demo::MODERATOR_LOGIN;
        let results: serde_json::Value = serde_json::from_str(&stdout(&panelmark_as(
            &db,
            moderator,
            &["results", "--campaign", &id, "--json"],
        )))
        .unwrap();
        let stats: serde_json::Value = serde_json::from_str(&stdout(&panelmark_as(
            &db,
            moderator,
            &["stats", "--campaign", &id, "--json"],
        )))
        .unwrap();
        (results, stats)
    };
    let (results, stats) = run("one.db");
    let first = &results[0];
    for key in ["reference", "name", "total", "outcome", "position"] {
        assert!(first.get(key).is_some(), "results --json lacks {key}");
    }
    for key in ["icc", "krippendorff_alpha", "leniency"] {
        assert!(stats.get(key).is_some(), "stats --json lacks {key}");
    }
    let (again, _) = run("two.db");
    let summary = |r: &serde_json::Value| -> Vec<(String, String, f64)> {
        r.as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["reference"].as_str().unwrap().into(),
                    c["name"].as_str().unwrap().into(),
                    c["total"].as_f64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(
        summary(&results),
        summary(&again),
        "same seed, same campaign"
    );
}

#[test]
fn import_jd_reads_word_opendocument_pdf_and_refuses_a_renamed_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let markdown = panelmark(&db, &["import-jd", &fixture("jd/csj-advert.md"), "--json"]);
    let markdown: serde_json::Value = serde_json::from_str(&stdout(&markdown)).unwrap();
    for ext in ["docx", "odt", "pdf", "html", "txt"] {
        let out = panelmark(
            &db,
            &[
                "import-jd",
                &fixture(&format!("jd-formats/csj-advert.{ext}")),
                "--json",
            ],
        );
        assert!(out.status.success(), "{ext}: {}", stderr(&out));
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(json["title"], "Senior Software Developer", "{ext}");
        assert_eq!(json["grade"], markdown["grade"], "{ext}");
        assert_eq!(json["criteria"], markdown["criteria"], "{ext}");
        assert_eq!(json["source"]["name"], format!("csj-advert.{ext}"), "{ext}");
    }
    let renamed = dir.path().join("advert.docx");
    std::fs::copy(fixture("jd-formats/csj-advert.pdf"), &renamed).unwrap();
    let out = panelmark(&db, &["import-jd", renamed.to_str().unwrap(), "--save"]);
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out).trim(),
        "error: advert.docx: the name says this is a Word document (.docx), but the file is a PDF; rename it or save it again in the right format"
    );
    let roles = panelmark(&db, &["role", "list", "--json"]);
    assert_eq!(stdout(&roles).trim(), "[]", "nothing was stored");
}

#[test]
fn one_user_command_serves_a_local_file_and_a_shared_server() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    // A local file: --role hr-admin (or --hr-admin) makes an HR administrator; the name
    // defaults to the login; passwords belong to a shared server.
    let out = panelmark(&db, &["user", "add", "bo", "--role", "hr-admin"]);
    assert_eq!(
        stdout(&out),
        "added user bo (bo), HR administrator\n",
        "{}",
        stderr(&out)
    );
    let out = panelmark(&db, &["user", "add", "cy", "--role", "assessor"]);
    assert_eq!(stdout(&out), "added user cy (cy)\n", "{}", stderr(&out));
    let out = panelmark(&db, &["user", "add", "di", "--password-prompt"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--password-prompt: a local file has no passwords"),
        "{}",
        stderr(&out)
    );
    let users: serde_json::Value =
        serde_json::from_str(&stdout(&panelmark(&db, &["user", "list", "--json"]))).unwrap();
    let logins: Vec<(&str, bool)> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["login"].as_str().unwrap(),
                u["hr_admin"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(logins, [("bo", true), ("cy", false), ("tester", true)]);
    // A postgres:// --db is a shared server, where a login needs its role; refused before
    // any connection is tried.
    let url = Path::new("postgres://admin@localhost/panelmark");
    let out = panelmark(url, &["user", "add", "ed"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--role: a shared server needs the login's role"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn users_are_added_by_the_hr_admin_and_linked_to_a_campaign_by_login() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let id = stdout(&panelmark(
        &db,
        &["demo", "--candidates", "4", "--seed", "3"],
    ))
    .trim()
    .to_owned();
    let out = panelmark(&db, &["user", "add", "alex.kim", "--name", "Alex Kim"]);
    assert_eq!(
        stdout(&out),
        "added user alex.kim (Alex Kim)\n",
        "{}",
        stderr(&out)
    );
    let list = stdout(&panelmark(&db, &["user", "list"]));
    assert!(
        list.contains("tester                   tester  (HR administrator)"),
        "{list}"
    );
    assert!(
        list.contains("alex.kim                 Alex Kim\n"),
        "{list}"
    );
    assert!(
        list.contains("helen.marsh.hr           Helen Marsh (HR)\n"),
        "{list}"
    );

    // Alex is not an HR administrator: adding users is refused, saying who may.
    let out = panelmark_as(&db, "alex.kim", &["user", "add", "eve", "--name", "Eve"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "only an HR administrator may add users; you are working as Alex Kim (alex.kim)"
        ),
        "{}",
        stderr(&out)
    );
    // Strangers cannot sign in at all.
    let out = panelmark_as(&db, "mallory", &["campaign", "list"]);
    assert!(
        stderr(&out).contains("'mallory' is not a user of this database"),
        "{}",
        stderr(&out)
    );
    // Alex takes part in no campaign yet, so sees none; linked as moderator of a campaign in
    // setup (made through the library as HR), sees that one.
    assert_eq!(
        stdout(&panelmark_as(&db, "alex.kim", &["campaign", "list"])),
        ""
    );
    let mut hr = panelmark::session::Session::sign_in(
        panelmark::store::Store::open(&db).unwrap(),
        "tester",
        None,
    )
    .unwrap();
    let card = hr.scorecards().unwrap()[0].id;
    let second = hr
        .create_campaign("Second round", card)
        .unwrap()
        .to_string();
    hr.add_panel(second.parse().unwrap(), "Panel A").unwrap();
    drop(hr);
    let add = |login: &str, role: &str, panel: Option<&str>| {
        let mut args = vec![
            "assessor",
            "add",
            "--campaign",
            &second,
            "--login",
            login,
            "--role",
            role,
        ];
        if let Some(panel) = panel {
            args.extend(["--panel", panel]);
        }
        panelmark(&db, &args)
    };
    let out = add("alex.kim", "moderator", None);
    assert_eq!(
        stdout(&out),
        format!("alex.kim is now a moderator in campaign {second} (assessor 5)\n"),
        "{}",
        stderr(&out)
    );
    let listed = stdout(&panelmark_as(&db, "alex.kim", &["campaign", "list"]));
    assert!(
        listed.contains("Second round") && !listed.contains(&format!("{id}  moderation")),
        "{listed}"
    );
    // A panel member cannot also moderate the campaign they score in.
    assert!(add("amara.okafor", "member", Some("panel a"))
        .status
        .success());
    let out = add("amara.okafor", "moderator", None);
    assert!(
        stderr(&out).contains("Amara Okafor is a member in this campaign; nobody moderates a campaign in which they score"),
        "{}",
        stderr(&out)
    );
}
