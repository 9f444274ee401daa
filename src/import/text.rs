//! Turning a file's bytes into text, with a clear error for empty, binary or non-UTF-8 files.

use super::ImportError;

/// Decodes `bytes` as UTF-8 text (dropping a byte-order mark). Rejects an empty or
/// whitespace-only file, binary content (NUL or other control bytes) and invalid UTF-8.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(offset) = bytes
        .iter()
        .position(|&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)))
    {
        return Err(ImportError::Binary {
            file: file.to_owned(),
            offset,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::Encoding {
        file: file.to_owned(),
        offset: e.valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            file: file.to_owned(),
        });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_blank_files_are_empty() {
        for bytes in [&b""[..], b"  \n\t\n", b"\xEF\xBB\xBF"] {
            assert_eq!(
                decode("a.md", bytes),
                Err(ImportError::Empty {
                    file: "a.md".into()
                })
            );
        }
    }

    #[test]
    fn binary_content_is_named_with_its_offset() {
        let err = decode("photo.png", b"\x89PNG\r\n\x1a\n\0\0").unwrap_err();
        assert_eq!(
            err,
            ImportError::Binary {
                file: "photo.png".into(),
                offset: 6
            }
        );
        assert_eq!(
            err.to_string(),
            "photo.png: this is not a text document (binary content at byte 6)"
        );
    }

    #[test]
    fn latin1_text_is_an_encoding_error() {
        let err = decode("jd.md", b"Caf\xE9").unwrap_err();
        assert!(err.to_string().contains("not UTF-8"), "{err}");
    }

    #[test]
    fn a_bom_is_dropped() {
        assert_eq!(decode("a.md", b"\xEF\xBB\xBF# Title").unwrap(), "# Title");
    }
}
