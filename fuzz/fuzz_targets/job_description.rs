//! The job-description importer on any file name and bytes: it must return a draft or an
//! error, never panic. The first line of the input is the file name (so the fuzzer also
//! explores the extension that picks the reader), the rest is the file.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
    let name = String::from_utf8_lossy(&data[..split]);
    let bytes = data.get(split + 1..).unwrap_or_default();
    let _ = panelmark::import::job_description(&name, bytes);
});
