//! `verify` and `head`: the audit chain against itself, the data and anchors handed out earlier.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use panelmark::anchor::{self, Anchor, AnchorCheck, InstallationKey};
use panelmark::session::Session;
use panelmark::store::Verification;

use crate::read_file;

/// `panelmark verify`: the chain against itself, then against every anchor given.
pub fn verify(session: &Session, texts: &[String], files: &[PathBuf]) -> Result<ExitCode> {
    let mut anchors = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        anchors.push(Anchor::parse(text, &format!("--anchor #{}", i + 1))?);
    }
    for file in files {
        let (name, bytes) = read_file(file)?;
        anchors.extend(anchor::file::parse(&name, &bytes)?);
    }
    // A data mismatch fails verify, but the anchors are still checked and reported: a
    // shortened chain shows up as both.
    let mut data_differs = false;
    match session.verify()? {
        Verification::Intact { events, head } => {
            outln!("audit chain intact: {events} events, head {events}:{head}");
            outln!("data matches the log: every campaign, panel, assessor, candidate, score, agreed score, moderation, tie order and sign-off");
        }
        Verification::DataDiffers {
            events,
            head,
            row,
            problem,
        } => {
            outln!("audit chain intact: {events} events, head {events}:{head}");
            eprintln!("data DIFFERS from the log: {row} {problem}");
            data_differs = true;
        }
        Verification::Broken { seq, problem } => {
            eprintln!("audit chain BROKEN at event {seq}: {problem}");
            return Ok(ExitCode::from(1));
        }
    }
    let own_key = InstallationKey::load(&InstallationKey::default_dir()?)
        .ok()
        .flatten()
        .map(|k| k.fingerprint());
    let mut failed = 0;
    for a in &anchors {
        match session.check_anchor(a)? {
            AnchorCheck::Held { anchor, signed_by } => {
                let by = match signed_by {
                    Some(fp) if Some(&fp) == own_key.as_ref() => {
                        format!(", signed by this installation's key {fp}")
                    }
                    Some(fp) => format!(", signed by key {fp} (not this installation's)"),
                    None => String::new(),
                };
                outln!("anchor {anchor} holds{by}");
            }
            AnchorCheck::Failed { anchor, problem } => {
                eprintln!("anchor {anchor} FAILED: {problem}");
                failed += 1;
            }
        }
    }
    if failed > 0 {
        eprintln!(
            "audit chain does NOT hold {failed} of {} anchor(s): it was rewritten or cut short",
            anchors.len()
        );
        return Ok(ExitCode::from(1));
    }
    Ok(if data_differs {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
