//! Role files: parse any bytes; whatever parses must write back out and parse to the same role.
#![no_main]
use libfuzzer_sys::fuzz_target;
use panelmark::import::role_file;

fuzz_target!(|data: &[u8]| {
    if let Ok(role) = role_file::parse("fuzz.json", data) {
        let text = role_file::to_string(&role);
        let again =
            role_file::parse("fuzz.json", text.as_bytes()).expect("a written role file parses");
        assert_eq!(again, role);
    }
});
