use super::*;
use crate::store::connection::open_in_memory;

fn chain_of(n: i64) -> Connection {
    let conn = open_in_memory().unwrap();
    for i in 1..=n {
        audit::append(
            &conn,
            "2026-12-01T09:00:00Z",
            "tester",
            "test.write",
            &format!("thing/{i}"),
            None,
            Some(serde_json::json!({ "n": i })),
        )
        .unwrap();
    }
    conn
}

#[test]
fn an_anchor_reads_back_as_it_is_written_signed_or_not() {
    let conn = chain_of(3);
    let plain = Anchor::head(&conn).unwrap();
    assert_eq!(plain.seq, 3);
    assert_eq!(Anchor::parse(&plain.to_string(), "a").unwrap(), plain);
    let signed = plain.signed(&InstallationKey::from_secret([1; 32]));
    let text = signed.to_string();
    assert!(
        text.starts_with(&format!("3:{} key=", signed.hash)),
        "{text}"
    );
    assert_eq!(Anchor::parse(&text, "a").unwrap(), signed);
}

#[test]
fn malformed_anchors_are_refused_naming_what_is_wrong() {
    let hash = "a".repeat(64);
    for (text, expected) in [
        ("", "empty"),
        ("12", "no colon"),
        (&format!("x:{hash}") as &str, "not an event number"),
        (&format!("-1:{hash}"), "not an event number"),
        ("3:abc", "expected 64 hex digits"),
        (&format!("3:{hash} key=00"), "key= is not 64 hex digits"),
        (
            &format!("3:{hash} sig={}", "0".repeat(128)),
            "both key= and sig=",
        ),
        (&format!("3:{hash} extra"), "unexpected 'extra'"),
    ] {
        let err = Anchor::parse(text, "anchors.txt line 4")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("anchors.txt line 4: "), "{err}");
        assert!(err.contains(expected), "{text:?}: {err}");
    }
}

#[test]
fn the_current_head_and_every_earlier_one_hold() {
    let conn = chain_of(3);
    let early = Anchor::head(&chain_of(2)).unwrap();
    let now = Anchor::head(&conn).unwrap();
    assert!(check(&conn, &early).unwrap().held(), "a chain only grows");
    assert!(check(&conn, &now).unwrap().held());
    let empty = Anchor::head(&open_in_memory().unwrap()).unwrap();
    assert_eq!(empty.seq, 0);
    assert!(check(&conn, &empty).unwrap().held());
}

#[test]
fn a_signed_anchor_names_its_key_and_a_forged_one_fails() {
    let conn = chain_of(2);
    let key = InstallationKey::from_secret([2; 32]);
    let signed = Anchor::head(&conn).unwrap().signed(&key);
    assert_eq!(
        check(&conn, &signed).unwrap(),
        AnchorCheck::Held {
            anchor: signed.short(),
            signed_by: Some(key.fingerprint())
        }
    );
    // An anchor for an older event, with the newer anchor's signature pasted on.
    let mut forged = Anchor::head(&chain_of(1)).unwrap();
    forged.signature = signed.signature.clone();
    match check(&conn, &forged).unwrap() {
        AnchorCheck::Failed { anchor, problem } => {
            assert_eq!(anchor, forged.short());
            assert!(problem.contains("bad signature"), "{problem}");
            assert!(problem.contains(&key.fingerprint()), "{problem}");
        }
        held => panic!("a forged signature was accepted: {held:?}"),
    }
}

#[test]
fn an_anchor_past_the_end_says_where_the_chain_ends() {
    let long = chain_of(5);
    let conn = chain_of(3);
    let (seq, head) = audit::head(&conn).unwrap();
    match check(&conn, &Anchor::head(&long).unwrap()).unwrap() {
        AnchorCheck::Failed { problem, .. } => {
            assert!(
                problem.contains(&format!("ends at event {seq} (head {seq}:{head})")),
                "{problem}"
            );
            assert!(problem.contains("event 5 is gone"), "{problem}");
        }
        held => panic!("{held:?}"),
    }
}

#[test]
fn an_anchors_file_reads_plain_lines_and_receipts_and_names_a_bad_line() {
    let a = format!("3:{}", "a".repeat(64));
    let b = format!("7:{}", "B".repeat(64));
    let text = format!(
        "# comment\n\n{a}\nhead: {b}\n{}  results.csv\n",
        "c".repeat(64)
    );
    let anchors = file::parse("anchors.txt", text.as_bytes()).unwrap();
    assert_eq!(anchors.len(), 2);
    assert_eq!(anchors[1].seq, 7);
    assert_eq!(anchors[1].hash, "b".repeat(64), "hex is read in any case");
    let err = file::parse("anchors.txt", format!("{a}\n7:zz\n").as_bytes()).unwrap_err();
    assert!(err.to_string().starts_with("anchors.txt line 2: "), "{err}");
    let err = file::parse("empty.txt", b"# nothing\n").unwrap_err();
    assert!(err.to_string().contains("holds no anchor"), "{err}");
    let err = file::parse("bin.txt", &[0xff, 0xfe]).unwrap_err();
    assert!(err.to_string().contains("not UTF-8"), "{err}");
}
