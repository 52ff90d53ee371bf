//! The `.tandem` project file: the two source files (path, content hash, encoding), the user's
//! decisions (enough to rebuild the alignment from the two texts), notes, bookmarks, dismissed
//! flags and the view. JSON with a `"version"`, readable and diff-able; written whole or not at
//! all (a temporary file, then a rename). Source texts are never written to.

use crate::core::review::Glossary;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::align::anchors;
use super::alignment::Alignment;
use super::document::{Document, Pair};
use super::edit::{Annotations, TurnRef};
use super::side::{Side, Sides};
use super::turns::Segmentation;

fn no_segmentation(s: &Sides<Segmentation>) -> bool {
    s.left.is_empty() && s.right.is_empty()
}

/// The version this build writes and reads.
pub const VERSION: u32 = 1;

/// One source file as the project knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Relative to the project file's folder where possible.
    pub path: PathBuf,
    /// The decoded text's hash (hex), to notice a file that changed.
    pub hash: String,
    pub encoding: String,
}

/// A link the user made, with the hash of its turns' text on each side so that it can be found
/// again in a file that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Turns, half-open: `[start, end]` means `start..end`.
    pub left: [usize; 2],
    pub right: [usize; 2],
    pub left_text: String,
    pub right_text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub side: Side,
    pub turn: usize,
    pub text: String,
}

/// Where the reader was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct View {
    pub current: usize,
    pub split: f32,
    pub swapped: bool,
}

impl Default for View {
    fn default() -> Self {
        View { current: 0, split: 0.5, swapped: false }
    }
}

/// The file's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectFile {
    pub version: u32,
    pub left: Source,
    pub right: Source,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(default)]
    pub notes: Vec<Note>,
    #[serde(default)]
    pub bookmarks: Vec<TurnRef>,
    /// Keys of flags dismissed as "not a problem" (hex).
    #[serde(default)]
    pub dismissed: Vec<String>,
    #[serde(default)]
    pub view: View,
    /// The user's corrections to each document's turns (`[left, right]`).
    #[serde(default, skip_serializing_if = "no_segmentation")]
    pub segmentation: Sides<Segmentation>,
    /// Titles the user gave the documents (`{"left": "…"}`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub titles: std::collections::BTreeMap<Side, String>,
    /// In a recovery copy: the project file the unsaved work belongs to, if it had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery_of: Option<PathBuf>,
    /// The agreed terms the review checks (`[{"term": …, "renderings": […]}]`).
    #[serde(default, skip_serializing_if = "Glossary::is_empty")]
    pub glossary: Glossary,
}

/// Why a project file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("cannot read '{path}': {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("'{path}' is not a Tandem project ({detail})")]
    NotProject { path: PathBuf, detail: String },
    #[error("'{path}' is cut short: it ends in the middle ({detail})")]
    Truncated { path: PathBuf, detail: String },
    #[error("'{path}' is a project of version {found}; this Tandem reads version {VERSION}")]
    Version { path: PathBuf, found: u64 },
}

/// `path` relative to `base` when it lies inside it.
fn relative(path: &Path, base: &Path) -> PathBuf {
    let abs = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let (p, b) = (abs(path), abs(base));
    p.strip_prefix(&b).map(Path::to_path_buf).unwrap_or(p)
}

impl ProjectFile {
    /// The project of a pair as it stands, to be written at `at` (paths are made relative to it).
    pub fn of(pair: &Pair, annotations: &Annotations, dismissed: &[u64], view: View, at: &Path) -> ProjectFile {
        let base = at.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let source = |doc: &Document| Source {
            path: relative(&doc.path, base),
            hash: format!("{:016x}", doc.hash),
            encoding: doc.encoding.to_string(),
        };
        let turns = pair.docs.as_ref().map(|d| &d.turns);
        let decisions = anchors::kept(turns, &pair.alignment)
            .into_iter()
            .map(|k| Decision {
                left: [k.was.left.start, k.was.left.end],
                right: [k.was.right.start, k.was.right.end],
                left_text: k.text.left,
                right_text: k.text.right,
            })
            .collect();
        ProjectFile {
            version: VERSION,
            left: source(&pair.docs.left),
            right: source(&pair.docs.right),
            decisions,
            notes: annotations
                .notes
                .iter()
                .map(|(r, t)| Note { side: r.side, turn: r.turn, text: t.clone() })
                .collect(),
            bookmarks: annotations.bookmarks.iter().copied().collect(),
            dismissed: dismissed.iter().map(|k| format!("{k:016x}")).collect(),
            view,
            segmentation: pair.docs.as_ref().map(|d| d.segmentation.clone()),
            titles: annotations.titles.clone(),
            recovery_of: None,
            glossary: Glossary::default(),
        }
    }

    /// Reads and checks a project file.
    ///
    /// # Errors
    /// Unreadable, not JSON, cut short, or of another version.
    pub fn read(path: &Path) -> Result<ProjectFile, ProjectError> {
        // The same bounded, non-blocking read as a text's: `/dev/zero` or a pipe nobody writes
        // to is refused, never read for ever.
        let bytes = super::decode::read_bytes(path).map_err(|e| ProjectError::Io {
            path: path.into(),
            source: std::io::Error::other(super::decode::describe(e.kind())),
        })?;
        Self::parse(&bytes, path)
    }

    /// [`ProjectFile::read`] of bytes already read (`path` names them in messages).
    ///
    /// # Errors
    /// Not JSON, cut short, or of another version.
    pub fn parse(bytes: &[u8], path: &Path) -> Result<ProjectFile, ProjectError> {
        let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
            if e.is_eof() {
                ProjectError::Truncated { path: path.into(), detail: e.to_string() }
            } else {
                ProjectError::NotProject { path: path.into(), detail: e.to_string() }
            }
        })?;
        let not_project = |detail: String| ProjectError::NotProject { path: path.into(), detail };
        match value.get("version") {
            Some(v) => match v.as_u64() {
                Some(found) if found == VERSION as u64 => {}
                Some(found) => return Err(ProjectError::Version { path: path.into(), found }),
                None => {
                    let shown: String = v.to_string().chars().take(40).collect();
                    return Err(not_project(format!("its \"version\" is {shown}, not a whole number")));
                }
            },
            None if value.is_object() => return Err(not_project("no \"version\" field".into())),
            None => return Err(not_project("it is JSON, but not an object with a \"version\" field".into())),
        }
        serde_json::from_value(value).map_err(|e| ProjectError::NotProject { path: path.into(), detail: e.to_string() })
    }

    /// Writes the file whole: a temporary file beside it, then a rename.
    ///
    /// # Errors
    /// The folder cannot be written.
    pub fn write(&self, path: &Path) -> io::Result<()> {
        let text = serde_json::to_string_pretty(self).map_err(io::Error::other)?;
        super::files::write_whole(path, text.as_bytes())
    }

    /// [`ProjectFile::write`] for a copy of Tandem's own (the recovery copy): its folder is made.
    ///
    /// # Errors
    /// The folder cannot be made or written.
    pub fn write_own(&self, path: &Path) -> io::Result<()> {
        let text = serde_json::to_string_pretty(self).map_err(io::Error::other)?;
        super::files::write_whole_creating(path, text.as_bytes())
    }

    /// A source's path as written, made absolute against the project file's folder.
    pub fn source_path(&self, side: Side, project: &Path) -> PathBuf {
        let src = if side == Side::Left { &self.left } else { &self.right };
        if src.path.is_absolute() {
            src.path.clone()
        } else {
            project.parent().unwrap_or(Path::new(".")).join(&src.path)
        }
    }

    /// The sources this project would read from outside its own folder, as they really are
    /// (links followed): a project from elsewhere must not read `/etc/passwd` or a key unasked.
    /// Paths that do not exist are left out (nothing is read from them).
    pub fn sources_outside(&self, project: &Path) -> Vec<PathBuf> {
        let parent = project.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let Ok(folder) = std::fs::canonicalize(parent) else {
            return Side::BOTH.into_iter().map(|s| self.source_path(s, project)).filter(|p| p.exists()).collect();
        };
        Side::BOTH
            .into_iter()
            .filter_map(|side| std::fs::canonicalize(self.source_path(side, project)).ok())
            .filter(|real| !real.starts_with(&folder))
            .collect()
    }

    /// Rebuilds the alignment and the annotations from the two texts. Decisions whose text is no
    /// longer where it was are looked for by content; those not found are listed, not applied.
    pub fn restore(&self, docs: &Sides<std::sync::Arc<Document>>) -> Restored {
        let kept: Vec<anchors::Kept> = self
            .decisions
            .iter()
            .map(|d| anchors::Kept {
                was: Sides::new(d.left[0]..d.left[1], d.right[0]..d.right[1]),
                text: Sides::new(d.left_text.clone(), d.right_text.clone()),
            })
            .collect();
        let anchors::Reanchored { alignment, moved, mut dropped } =
            anchors::reanchor(docs.as_ref().map(|d| &d.turns), &kept);
        let n = Sides::new(docs.left.turns.turns.len(), docs.right.turns.turns.len());
        let mut annotations = Annotations::default();
        for note in &self.notes {
            if note.turn < n[note.side] {
                annotations.notes.insert(TurnRef { side: note.side, turn: note.turn }, note.text.clone());
            } else {
                let text: String = note.text.chars().take(60).collect();
                let more = if text.len() < note.text.len() { "…" } else { "" };
                dropped.push(format!(
                    "a note on {} turn {}, which the text no longer has (“{text}{more}”)",
                    note.side.name(),
                    note.turn + 1
                ));
            }
        }
        annotations.bookmarks = self.bookmarks.iter().filter(|b| b.turn < n[b.side]).copied().collect();
        let lost = self.bookmarks.len() - annotations.bookmarks.len();
        if lost > 0 {
            dropped.push(format!("{lost} bookmark(s) on turns the text no longer has"));
        }
        annotations.titles = self.titles.clone();
        let changed = Sides::new(
            format!("{:016x}", docs.left.hash) != self.left.hash,
            format!("{:016x}", docs.right.hash) != self.right.hash,
        );
        Restored {
            alignment,
            annotations,
            dismissed: self.dismissed.iter().filter_map(|k| u64::from_str_radix(k, 16).ok()).collect(),
            view: self.view.clone(),
            changed,
            moved,
            dropped,
            recovery_of: self.recovery_of.clone(),
            glossary: self.glossary.clone(),
        }
    }
}

/// Whether a file given alone is meant as a project: named `*.tandem`, or readable as one.
pub fn is_project(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "tandem") || ProjectFile::read(path).is_ok()
}

/// Reads a project, its two sources (in the encodings and with the corrections it names) and
/// rebuilds its alignment: what `tandem align work.tandem` and `tandem check work.tandem` open.
///
/// A source outside the project's folder is read only when `allow_outside` says so.
///
/// # Errors
/// The project file, or one of its sources, cannot be read, or lies outside the project's folder
/// unallowed; the message names it.
pub fn open(path: &Path, allow_outside: bool) -> Result<(Pair, Restored), OpenError> {
    let file = ProjectFile::read(path)?;
    let outside = file.sources_outside(path);
    if !allow_outside && !outside.is_empty() {
        return Err(OpenError::Outside { project: path.to_path_buf(), outside });
    }
    let load = |side: Side| {
        let source = if side == Side::Left { &file.left } else { &file.right };
        let at = file.source_path(side, path);
        Document::load_with(&at, Some(&source.encoding), file.segmentation[side].clone())
            .map(std::sync::Arc::new)
            .map_err(|error| OpenError::Source { project: path.to_path_buf(), side, error })
    };
    let docs = Sides::new(load(Side::Left)?, load(Side::Right)?);
    let restored = file.restore(&docs);
    Ok((Pair { docs, alignment: std::sync::Arc::new(restored.alignment.clone()) }, restored))
}

/// Why a project could not be opened, each kind with what a caller needs to act on it.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Project(#[from] ProjectError),
    /// Its sources lie outside its folder, and reading them was not allowed.
    #[error(
        "the project {} reads files outside its own folder: {}; nothing was read. If these are the texts you \
         expect, run again with --allow-outside",
        project.display(),
        outside.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    )]
    Outside { project: PathBuf, outside: Vec<PathBuf> },
    /// One of its sources cannot be read (gone: see
    /// [`crate::core::decode::DecodeError::is_missing`]).
    #[error("{error} (a source of the project {})", project.display())]
    Source { project: PathBuf, side: Side, error: crate::core::decode::DecodeError },
}

/// What a project file gives back.
#[derive(Debug, Clone)]
pub struct Restored {
    pub alignment: Alignment,
    pub annotations: Annotations,
    pub dismissed: Vec<u64>,
    pub view: View,
    /// Which source texts differ from the ones the project was saved with.
    pub changed: Sides<bool>,
    /// Decisions found again at another place.
    pub moved: usize,
    /// Decisions that no longer apply, said in words.
    pub dropped: Vec<String>,
    pub recovery_of: Option<PathBuf>,
    pub glossary: Glossary,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::alignment::Origin;
    use crate::core::edit::{self, Edit};

    fn pair_in(dir: &Path) -> Pair {
        let zh = "标题\n\n主持人：你好。\n\n林晓：你好啊，很高兴见到你。\n\n主持人：我们开始吧？\n\n林晓：好的。";
        let fr = "Titre\n\nAnimateur : Bonjour.\n\nLin Xiao : Bonjour, ravie.\n\nAnimateur : On commence ?\n\nLin Xiao : D'accord.";
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join("zh.txt"), zh).unwrap();
        std::fs::write(dir.join("fr.txt"), fr).unwrap();
        Pair::load(&dir.join("zh.txt"), &dir.join("fr.txt"), [None, None]).unwrap()
    }

    #[test]
    fn save_then_open_gives_the_same_alignment_and_view() {
        let dir = std::env::temp_dir().join(format!("tandem-project-{}", std::process::id()));
        let mut pair = pair_in(&dir);
        let mut annotations = Annotations::default();
        let alignment = std::sync::Arc::make_mut(&mut pair.alignment);
        edit::apply(&pair.docs, alignment, &mut annotations, Edit::Unlink { row: 2 }).unwrap();
        edit::apply(&pair.docs, alignment, &mut annotations, Edit::Note { row: 1, text: Some("à revoir".into()) })
            .unwrap();
        let title = Edit::Title { side: Side::Right, text: Some("Entretien".into()) };
        edit::apply(&pair.docs, alignment, &mut annotations, title).unwrap();
        let path = dir.join("work.tandem");
        let view = View { current: 3, split: 0.4, swapped: false };
        ProjectFile::of(&pair, &annotations, &[7], view.clone(), &path).write(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"version\": 1") && text.contains("\"zh.txt\""), "relative paths: {text}");
        assert!(text.contains("\"titles\": {\n    \"right\": \"Entretien\""), "{text}");
        let file = ProjectFile::read(&path).unwrap();
        assert_eq!(file.source_path(Side::Left, &path), dir.join("zh.txt"));
        let back = file.restore(&pair.docs);
        assert_eq!(back.alignment.links, pair.alignment.links);
        assert_eq!(back.annotations, annotations);
        assert_eq!((back.view, back.dismissed, back.changed), (view, vec![7], Sides::new(false, false)));
        assert_eq!((back.moved, back.dropped.len()), (0, 0), "nothing moved: {:?}", back.dropped);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn decisions_follow_their_text_in_a_changed_file() {
        let dir = std::env::temp_dir().join(format!("tandem-project-moved-{}", std::process::id()));
        let mut pair = pair_in(&dir);
        let alignment = std::sync::Arc::make_mut(&mut pair.alignment);
        edit::apply(&pair.docs, alignment, &mut Annotations::default(), Edit::Unlink { row: 4 }).unwrap();
        let path = dir.join("work.tandem");
        ProjectFile::of(&pair, &Annotations::default(), &[], View::default(), &path).write(&path).unwrap();
        // A paragraph added at the top of the Chinese file.
        let zh = std::fs::read_to_string(dir.join("zh.txt")).unwrap();
        std::fs::write(dir.join("zh.txt"), format!("前言\n\n{zh}")).unwrap();
        let changed = Pair::load(&dir.join("zh.txt"), &dir.join("fr.txt"), [None, None]).unwrap();
        let back = ProjectFile::read(&path).unwrap().restore(&changed.docs);
        assert_eq!(back.changed, Sides::new(true, false));
        assert!(back.dropped.is_empty(), "{:?}", back.dropped);
        let user: Vec<_> = back.alignment.links.iter().filter(|l| l.origin == Origin::User).collect();
        assert!(
            user.iter().any(|l| l.left == (5..6) && l.right.is_empty()),
            "the unlinked turn, one further down: {user:?}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn bad_project_files_say_what_is_wrong() {
        let dir = std::env::temp_dir().join(format!("tandem-project-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let write = |name: &str, text: &str| {
            std::fs::write(dir.join(name), text).unwrap();
            ProjectFile::read(&dir.join(name)).unwrap_err().to_string()
        };
        assert!(write("cut.tandem", "{\"version\": 1, \"left\": {\"path\"").contains("cut short"));
        assert!(write("text.tandem", "hello").contains("is not a Tandem project"));
        assert!(write("v9.tandem", "{\"version\": 9}").contains("version 9"));
        assert!(write("nover.tandem", "{\"left\": 1}").contains("no \"version\" field"));
        let typed = write("typed.tandem", "{\"version\": \"1\"}");
        assert!(typed.contains("its \"version\" is \"1\", not a whole number"), "{typed}");
        assert!(write("list.tandem", "[1, 2]").contains("not an object"));
        let missing = ProjectFile::read(&dir.join("none.tandem")).unwrap_err().to_string();
        assert!(missing.contains("cannot read") && missing.contains("none.tandem"), "{missing}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn what_no_longer_applies_is_said_and_nothing_is_said_moved_that_did_not() {
        let dir = std::env::temp_dir().join(format!("tandem-project-said-{}", std::process::id()));
        let pair = pair_in(&dir);
        let path = dir.join("work.tandem");
        let mut file = ProjectFile::of(&pair, &Annotations::default(), &[], View::default(), &path);
        // Left turn 3 alone, placed by the user after right turn 0 (the aligner would put it by
        // right turn 3): it stays there, and is not "found further on".
        file.decisions = vec![Decision {
            left: [3, 4],
            right: [1, 1],
            left_text: anchors::text_hash(&pair.docs.left.turns, 3..4),
            right_text: anchors::text_hash(&pair.docs.right.turns, 1..1),
        }];
        file.notes = vec![
            Note { side: Side::Left, turn: 1, text: "kept".into() },
            Note { side: Side::Right, turn: 99, text: "on a turn that is not there".into() },
        ];
        file.bookmarks = vec![TurnRef { side: Side::Left, turn: 50 }];
        let back = file.restore(&pair.docs);
        assert_eq!(back.moved, 0);
        assert!(back.alignment.links.iter().any(|l| l.left == (3..4) && l.right == (1..1) && l.origin == Origin::User));
        assert_eq!(back.annotations.notes.len(), 1);
        let said = back.dropped.join("; ");
        assert!(said.contains("a note on right turn 100") && said.contains("on a turn that is not there"), "{said}");
        assert!(said.contains("1 bookmark(s)"), "{said}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn sources_outside_the_project_folder_are_read_only_when_allowed() {
        let dir = std::env::temp_dir().join(format!("tandem-project-outside-{}", std::process::id()));
        let pair = pair_in(&dir.join("texts"));
        let inside = dir.join("texts/work.tandem");
        ProjectFile::of(&pair, &Annotations::default(), &[], View::default(), &inside).write(&inside).unwrap();
        assert!(ProjectFile::read(&inside).unwrap().sources_outside(&inside).is_empty());
        assert!(open(&inside, false).is_ok());
        // The same sources named from a project in another folder, and one that climbs out.
        let elsewhere = dir.join("projects/work.tandem");
        std::fs::create_dir_all(elsewhere.parent().unwrap()).unwrap();
        let mut file = ProjectFile::of(&pair, &Annotations::default(), &[], View::default(), &elsewhere);
        file.right.path = PathBuf::from("../texts/fr.txt");
        file.write(&elsewhere).unwrap();
        let outside = ProjectFile::read(&elsewhere).unwrap().sources_outside(&elsewhere);
        assert_eq!(outside.len(), 2, "{outside:?}");
        let refused = open(&elsewhere, false).unwrap_err();
        assert!(matches!(&refused, OpenError::Outside { outside: o, .. } if o.len() == 2), "{refused:?}");
        let refused = refused.to_string();
        assert!(refused.contains("outside its own folder") && refused.contains("fr.txt"), "{refused}");
        assert!(refused.contains("--allow-outside") && refused.contains("nothing was read"), "{refused}");
        assert!(open(&elsewhere, true).is_ok());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_source_read_through_a_project_gets_the_binary_check() {
        let dir = std::env::temp_dir().join(format!("tandem-project-binary-{}", std::process::id()));
        let pair = pair_in(&dir);
        let path = dir.join("work.tandem");
        ProjectFile::of(&pair, &Annotations::default(), &[], View::default(), &path).write(&path).unwrap();
        std::fs::write(dir.join("fr.txt"), b"Animateur : Bonjour.\0\0\0\x7fELF\x02\x01").unwrap();
        let e = open(&path, false).unwrap_err();
        assert!(matches!(&e, OpenError::Source { side: Side::Right, error, .. } if !error.is_missing()), "{e:?}");
        assert!(e.to_string().contains("binary data"), "{e}");
        // A source gone is told apart from one that cannot be read.
        std::fs::remove_file(dir.join("fr.txt")).unwrap();
        let e = open(&path, false).unwrap_err();
        assert!(matches!(&e, OpenError::Source { side: Side::Right, error, .. } if error.is_missing()), "{e:?}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
