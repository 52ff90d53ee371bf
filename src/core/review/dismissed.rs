//! Flags the user called "not a problem", remembered per pair of files (by the texts' hashes,
//! so a renamed or moved file keeps its dismissals) in a small JSON file.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::core::document::Pair;

/// Dismissed flag keys (see [`super::Flag::key`]) for every pair seen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dismissals {
    pub version: u32,
    /// `"<left hash>-<right hash>"` (hex) → flag keys.
    pub pairs: BTreeMap<String, BTreeSet<u64>>,
}

/// The key of a pair of texts, the same whichever side is shown on the left.
pub fn pair_key(pair: &Pair) -> String {
    let (a, b) = (pair.docs.left.hash, pair.docs.right.hash);
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    format!("{a:016x}-{b:016x}")
}

impl Dismissals {
    /// Reads the file; a missing file is an empty list.
    ///
    /// # Errors
    /// The file cannot be read, or is not a list of dismissals.
    pub fn load(path: &Path) -> io::Result<Dismissals> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Dismissals::default()),
            Err(e) => Err(e),
        }
    }

    /// Writes the file whole: to a temporary file beside it, then renamed over it, so that a
    /// crash never leaves half a file.
    ///
    /// # Errors
    /// The folder or the file cannot be written.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let text = serde_json::to_vec_pretty(&Dismissals { version: 1, ..self.clone() }).map_err(io::Error::other)?;
        crate::core::files::write_whole_creating(path, &text)
    }

    /// The dismissed keys of a pair.
    pub fn of(&self, pair: &Pair) -> BTreeSet<u64> {
        self.pairs.get(&pair_key(pair)).cloned().unwrap_or_default()
    }

    /// Dismisses (or, with `dismissed` false, restores) a flag of a pair.
    pub fn set(&mut self, pair: &Pair, key: u64, dismissed: bool) {
        let entry = self.pairs.entry(pair_key(pair)).or_default();
        if dismissed {
            entry.insert(key);
        } else {
            entry.remove(&key);
        }
        if entry.is_empty() {
            self.pairs.remove(&pair_key(pair));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::Document;

    #[test]
    fn dismissals_survive_a_save_and_a_swap() {
        let doc = |name: &str, text: &str| Document::from_text(name, text, "UTF-8", 0);
        let pair = Pair::new(doc("a", "Q: 10 000 cartes.\n\nA: Oui."), doc("b", "Q: 10,000 cards.\n\nA: Yes."));
        let mut d = Dismissals::default();
        d.set(&pair, 42, true);
        let dir = std::env::temp_dir().join(format!("tandem-dismissed-{}", std::process::id()));
        let path = dir.join("dismissed.json");
        d.save(&path).unwrap();
        let back = Dismissals::load(&path).unwrap();
        assert_eq!(back.of(&pair.swapped()), BTreeSet::from([42]));
        d.set(&pair, 42, false);
        assert!(d.pairs.is_empty());
        std::fs::write(&path, "{ not json").unwrap();
        assert_eq!(Dismissals::load(&path).unwrap_err().kind(), io::ErrorKind::InvalidData);
        assert_eq!(Dismissals::load(&dir.join("none.json")).unwrap(), Dismissals::default());
        std::fs::remove_dir_all(&dir).ok();
    }
}
