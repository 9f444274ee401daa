//! The export receipt (`receipt.txt`): the chain's head when the export was made, signed with
//! the installation key, and the SHA-256 of every file written. It is itself an anchors file
//! (`panelmark verify --anchors receipt.txt`), and its digest lines are in `sha256sum` format.

use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::anchor::Anchor;
use crate::model::CampaignId;
use crate::{Error, Result};

/// SHA-256 of a file, as hex, read in blocks (exports can be large).
fn file_sha256(path: &Path) -> Result<String> {
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher).map_err(|e| Error::io(path, e))?;
    Ok(hex::encode(hasher.finalize()))
}

/// The receipt's text for an export of `campaign_id` at `anchor`, covering `files`.
pub fn text(campaign_id: CampaignId, anchor: &Anchor, files: &[PathBuf]) -> Result<String> {
    let mut out = format!(
        "# Panelmark export receipt: campaign {campaign_id}\n\
         # Check the audit log still holds this head: panelmark verify --anchors receipt.txt\n\
         # Check the files: sha256sum --check --ignore-missing receipt.txt\n"
    );
    if let Some(s) = &anchor.signature {
        out.push_str(&format!(
            "# Signed by installation key {}\n",
            crate::anchor::key::fingerprint(&s.key)
        ));
    }
    out.push_str(&format!("head: {anchor}\n"));
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push_str(&format!("{}  {name}\n", file_sha256(path)?));
    }
    Ok(out)
}

/// Writes the receipt as `dir/name` and returns its path.
pub fn write(
    dir: &Path,
    name: &str,
    campaign_id: CampaignId,
    anchor: &Anchor,
    files: &[PathBuf],
) -> Result<PathBuf> {
    let path = dir.join(name);
    let body = text(campaign_id, anchor, files)?;
    let mut file = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
    file.write_all(body.as_bytes())
        .map_err(|e| Error::io(&path, e))?;
    Ok(path)
}
