//! Files of anchors: one `SEQ:HASH` (optionally signed) per line, or a previous export's
//! receipt. Blank lines and `#` comments are skipped; in a receipt the anchor is the `head:`
//! line and the file digests (`HEX  NAME`, the `sha256sum` format) are skipped.

use super::Anchor;
use crate::{Error, Result};

/// Every anchor in `text`, read from the file `name`; an error names the line.
pub fn parse(name: &str, text: &[u8]) -> Result<Vec<Anchor>> {
    let text = std::str::from_utf8(text)
        .map_err(|e| Error::invalid(name, format!("not UTF-8 text ({e})")))?;
    let mut anchors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || is_file_digest(line) {
            continue;
        }
        let line = line.strip_prefix("head:").unwrap_or(line);
        anchors.push(Anchor::parse(line, &format!("{name} line {}", i + 1))?);
    }
    if anchors.is_empty() {
        return Err(Error::invalid(name, "holds no anchor (lines of SEQ:HASH)"));
    }
    Ok(anchors)
}

/// A `sha256sum` line: 64 hex digits, two spaces (or space and `*`), a file name.
fn is_file_digest(line: &str) -> bool {
    line.len() > 66
        && line.as_bytes()[..64].iter().all(u8::is_ascii_hexdigit)
        && (line[64..].starts_with("  ") || line[64..].starts_with(" *"))
}
