//! Anchors files (and receipts): any bytes give anchors or an error naming the file; every
//! anchor read writes back out as text that reads to the same anchor.
#![no_main]
use libfuzzer_sys::fuzz_target;
use panelmark::anchor::{file, Anchor};

fuzz_target!(|data: &[u8]| {
    match file::parse("fuzz.txt", data) {
        Ok(anchors) => {
            for a in anchors {
                let again =
                    Anchor::parse(&a.to_string(), "again").expect("a written anchor parses");
                assert_eq!(again, a);
            }
        }
        Err(e) => assert!(e.to_string().starts_with("fuzz.txt"), "{e}"),
    }
});
