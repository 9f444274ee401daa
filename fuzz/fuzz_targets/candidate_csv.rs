//! Candidate CSV: any bytes give rows or an error naming the file, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = panelmark::import::candidates::parse("fuzz.csv", data) {
        assert!(
            e.to_string().contains("fuzz.csv"),
            "error does not name the file: {e}"
        );
    }
});
