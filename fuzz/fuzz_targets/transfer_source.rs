//! A database file given to `server import --from FILE.db`, as bytes: everything the import
//! reads from the file before it touches the server (open and migrate it, verify its chain
//! and its data against the log, compute each campaign's results) must give a result or an
//! error, never panic.
#![no_main]
use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use panelmark::store::{postgres::transfer, Store};

fuzz_target!(|data: &[u8]| {
    let path = scratch_file();
    let _ = std::fs::write(&path, data);
    if let Ok(store) = Store::open(&path) {
        let _ = transfer::check_source(&store, "fuzz.db", &[]);
    }
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.clone().into_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
});

/// One file per fuzzing process (libFuzzer may run several side by side with -jobs).
fn scratch_file() -> PathBuf {
    std::env::temp_dir().join(format!("panelmark-fuzz-transfer-{}.db", std::process::id()))
}
