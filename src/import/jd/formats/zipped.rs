//! Reading the parts of a zip package (.docx, .odt) without trusting it: a corrupt archive is
//! an error, and no entry or total may unpack to more than a fixed cap (a zip bomb is a few
//! kilobytes that claim, or really expand to, gigabytes).

use std::io::{Cursor, Read};

/// Most any one document may unpack to: real job descriptions unpack to well under 1 MB of
/// XML; images are never read.
pub(crate) const MAX_UNPACKED: u64 = 32 * 1024 * 1024;

/// Why a package could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ZipProblem {
    /// Not a readable zip archive.
    Corrupt(String),
    /// An entry unpacks to more than [`MAX_UNPACKED`] bytes.
    TooLarge,
}

/// An opened package.
pub(crate) struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    unpacked: u64,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self, ZipProblem> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| ZipProblem::Corrupt(e.to_string()))?;
        Ok(Package {
            archive,
            unpacked: 0,
        })
    }

    /// Whether the package holds an entry of this name.
    pub fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// An entry's bytes, `None` when there is no such entry. The cap counts the bytes really
    /// unpacked, not the size the archive claims (which a bomb can lie about).
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ZipProblem> {
        let Some(index) = self.archive.index_for_name(name) else {
            return Ok(None);
        };
        let entry = self
            .archive
            .by_index(index)
            .map_err(|e| ZipProblem::Corrupt(e.to_string()))?;
        let budget = MAX_UNPACKED.saturating_sub(self.unpacked);
        if entry.size() > budget {
            return Err(ZipProblem::TooLarge);
        }
        let mut out = Vec::new();
        entry
            .take(budget + 1)
            .read_to_end(&mut out)
            .map_err(|e| ZipProblem::Corrupt(e.to_string()))?;
        let len = out.len() as u64;
        if len > budget {
            return Err(ZipProblem::TooLarge);
        }
        self.unpacked += len;
        Ok(Some(out))
    }
}
