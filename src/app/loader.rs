//! Reading and aligning a pair or a project off the UI thread, and what the window shows of it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use super::tasks::Task;
use crate::core::document::{self, Document, Pair};
use crate::core::project::{ProjectFile, Restored};
use crate::core::session::{Reread, Session};
use crate::core::side::{Side, Sides};
use crate::core::turns::Segmentation;
use crate::state::Loading;

/// One side to load: a file, or a document already in memory (the side that stays).
#[derive(Debug, Clone)]
pub enum ToLoad {
    File(PathBuf),
    Loaded(Arc<Document>),
}

impl ToLoad {
    fn name(&self) -> String {
        match self {
            ToLoad::File(p) => p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into()),
            ToLoad::Loaded(d) => d.name(),
        }
    }

    /// Reads, decodes and splits the file (two steps of `stage`).
    fn load(self, stage: &LoadStage) -> Result<Arc<Document>, String> {
        match self {
            ToLoad::File(path) => load_staged(&path, stage),
            ToLoad::Loaded(doc) => {
                stage.step_done();
                stage.step_done();
                Ok(doc)
            }
        }
    }
}

/// A file, or the built-in sample when the path names it (`sample/interview_zh.txt`), saying on
/// `stage` which step it is at.
fn load_staged(path: &Path, stage: &LoadStage) -> Result<Arc<Document>, String> {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
    if let Some((name, text)) = sample_text(path) {
        stage.step_done();
        stage.step_done();
        return Ok(Arc::new(Document::from_text(format!("sample/{name}"), text, "UTF-8", 0)));
    }
    stage.begin(format!("Reading and decoding {name}"));
    let source = crate::core::formats::read(path, None).map_err(|e| e.to_string())?;
    stage.step_done();
    stage.begin(format!("Finding the turns of {name}"));
    let doc = Document::from_source(path, source, Segmentation::default());
    stage.step_done();
    Ok(Arc::new(doc))
}

/// A file or the built-in sample, split with the user's corrections.
fn load_file_with(
    path: &Path,
    encoding: Option<&str>,
    seg: Segmentation,
) -> Result<Arc<Document>, crate::core::decode::DecodeError> {
    let doc = match sample_text(path) {
        Some((name, text)) => Document::from_text_with(format!("sample/{name}"), text, "UTF-8", 0, seg),
        None => Document::load_with(path, encoding, seg)?,
    };
    Ok(Arc::new(doc))
}

/// `path` names the built-in sample (and no such file exists).
pub(super) fn is_sample(path: &Path) -> bool {
    sample_text(path).is_some()
}

/// The built-in sample's text, when `path` names it and no such file exists.
fn sample_text(path: &Path) -> Option<(&'static str, &'static str)> {
    if path.exists() {
        return None;
    }
    super::SAMPLE.iter().find(|(name, _)| path.ends_with(Path::new("sample").join(name))).copied()
}

/// A document's text read again (it is not kept twice in memory), to split it anew.
///
/// # Errors
/// The file is gone or cannot be read any more.
pub fn text_of(doc: &Document) -> Result<String, String> {
    match sample_text(&doc.path) {
        Some((_, text)) => Ok(text.to_string()),
        None => crate::core::formats::read(&doc.path, Some(doc.encoding)).map(|s| s.text).map_err(|e| e.to_string()),
    }
}

/// Why a load failed; for a project whose source is gone, which one, so the user can say where
/// it went.
#[derive(Debug, Clone)]
pub struct Failure {
    pub message: String,
    /// The project, the side, and where the file was looked for.
    pub missing: Option<(PathBuf, Side, PathBuf)>,
    /// A project not yet trusted, and the files it would read from outside its folder.
    pub outside: Option<Box<(PathBuf, Vec<PathBuf>)>>,
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure { message, missing: None, outside: None }
    }
}

/// What a load gives.
pub enum Loaded {
    /// A pair, and for a project the file and what it restored.
    Opened { pair: Pair, project: Option<(PathBuf, Restored)> },
    /// The open pair's work on its texts read again after a change on disk.
    Reread(Reread),
}

/// What a load is for, and so what its result does to the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Purpose {
    /// A pair or a project the user asked for.
    #[default]
    Open,
    /// The unsaved work of a run that did not end well.
    Recover,
}

/// A pair being read and aligned on a background thread.
pub struct Job {
    /// What is loaded, and since when (see [`Job::loading`]).
    what: String,
    started: Instant,
    stage: Arc<LoadStage>,
    pub purpose: Purpose,
    /// A message that came up while this load ran, shown once it has opened its pair (the
    /// opening clears what the status line said about the pair before).
    pub notice: Option<crate::state::Status>,
    task: Task<Result<Loaded, Failure>>,
}

impl Job {
    /// The same load, for `purpose`.
    pub fn for_purpose(self, purpose: Purpose) -> Job {
        Job { purpose, ..self }
    }

    /// Starts reading and aligning; `wake` is called when the result is ready.
    pub fn spawn(sources: [ToLoad; 2], wake: impl Fn() + Send + 'static) -> Job {
        let what = format!("{} ↔ {}", sources[0].name(), sources[1].name());
        let [left, right] = sources;
        // Each file read and split (two steps each), then the alignment.
        let stage = Arc::new(LoadStage::new(5));
        let shown = stage.clone();
        let task = Task::spawn(wake, move |_| {
            let paths: Vec<&Path> = [&left, &right]
                .into_iter()
                .filter_map(|s| if let ToLoad::File(p) = s { Some(p.as_path()) } else { None })
                .collect();
            let (l, r) = document::both(document::in_parallel(&paths), || left.load(&stage), || right.load(&stage));
            let result = (|| {
                let docs = document::agree_on_speakers(Sides::new(l?, r?), |doc| text_of(doc).ok());
                stage.begin("Aligning");
                Ok(Loaded::Opened { pair: Pair::aligned_and_settled(docs, |doc| text_of(doc).ok()), project: None })
            })();
            Some(result)
        });
        Job { what, started: Instant::now(), stage: shown, purpose: Purpose::Open, notice: None, task }
    }

    /// Starts reading a project: its file, both sources (in the encodings it names), and the
    /// alignment rebuilt from its decisions. Unless `trusted`, a project whose sources lie
    /// outside its folder reads nothing and fails with [`Failure::outside`], for the user to see
    /// where they are first.
    pub fn spawn_project(path: PathBuf, trusted: bool, wake: impl Fn() + Send + 'static) -> Job {
        Self::spawn_file(path, Sides::default(), trusted, wake)
    }

    /// [`Self::spawn_project`], with sources the user located elsewhere (and so trusted).
    pub fn spawn_project_located(
        path: PathBuf,
        located: Sides<Option<PathBuf>>,
        wake: impl Fn() + Send + 'static,
    ) -> Job {
        Self::spawn_file(path, located, true, wake)
    }

    /// Reads the `sides` of the open session's pair again (a change on disk) and finds its work
    /// again in them ([`Session::reread`]).
    pub fn spawn_reread(session: Session, sides: Vec<Side>, wake: impl Fn() + Send + 'static) -> Job {
        let docs = &session.pair().docs;
        let what = sides.iter().map(|&s| docs[s].name()).collect::<Vec<_>>().join(" and ");
        let stage = Arc::new(LoadStage::new(2));
        let shown = stage.clone();
        stage.begin("Reading the changed text again");
        let task = Task::spawn(wake, move |_| {
            let result = (|| -> Result<Loaded, Failure> {
                let mut docs = session.pair().docs.clone();
                for side in sides {
                    let doc = &docs[side];
                    docs[side] =
                        load_file_with(&doc.path, Some(doc.encoding), doc.segmentation.clone()).map_err(|e| {
                            Failure::from(if e.is_missing() {
                                format!(
                                    "The {} file is no longer at {} (deleted or moved); what is shown is the text as \
                                 it was, and saving keeps your work",
                                    side.name(),
                                    doc.path.display()
                                )
                            } else {
                                format!("{e}; what is shown is the text as it was, and saving keeps your work")
                            })
                        })?;
                }
                stage.step_done();
                stage.begin("Aligning, keeping your decisions");
                Ok(Loaded::Reread(session.reread(docs)))
            })();
            Some(result)
        });
        Job { what, started: Instant::now(), stage: shown, purpose: Purpose::Open, notice: None, task }
    }

    fn spawn_file(
        path: PathBuf,
        located: Sides<Option<PathBuf>>,
        trusted: bool,
        wake: impl Fn() + Send + 'static,
    ) -> Job {
        let what = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
        // A project: its file and both sources read and split, then its alignment rebuilt.
        let stage = Arc::new(LoadStage::new(2));
        let shown = stage.clone();
        stage.begin("Reading the project and its texts");
        let task = Task::spawn(wake, move |_| {
            let result = (|| -> Result<Loaded, Failure> {
                let file = ProjectFile::read(&path).map_err(|e| e.to_string())?;
                let outside = file.sources_outside(&path);
                if !trusted && !outside.is_empty() {
                    let message = format!("The project {} reads files outside its own folder", path.display());
                    return Err(Failure { message, missing: None, outside: Some(Box::new((path.clone(), outside))) });
                }
                let load = |side: Side| -> Result<Arc<Document>, Failure> {
                    let source = if side == Side::Left { &file.left } else { &file.right };
                    let at = located[side].clone().unwrap_or_else(|| file.source_path(side, &path));
                    // What the read says, not a look beforehand: a file can go between the two.
                    load_file_with(&at, Some(&source.encoding), file.segmentation[side].clone()).map_err(|e| {
                        if e.is_missing() {
                            let message = format!(
                                "The project {} needs its {} file, which is no longer at {}",
                                path.display(),
                                side.name(),
                                at.display()
                            );
                            Failure { message, missing: Some((path.clone(), side, at.clone())), outside: None }
                        } else {
                            Failure::from(format!("{e} (in the project {})", path.display()))
                        }
                    })
                };
                let docs = Sides::new(load(Side::Left)?, load(Side::Right)?);
                stage.step_done();
                stage.begin("Aligning, keeping the project's decisions");
                let restored = file.restore(&docs);
                let pair = Pair { docs, alignment: Arc::new(restored.alignment.clone()) };
                Ok(Loaded::Opened { pair, project: Some((path, restored)) })
            })();
            Some(result)
        });
        Job { what, started: Instant::now(), stage: shown, purpose: Purpose::Open, notice: None, task }
    }

    /// What the window shows of this load now.
    pub fn loading(&self) -> Loading {
        let (now, share) = self.stage.read();
        Loading { what: self.what.clone(), started: self.started, now, share }
    }

    /// The result, once there.
    pub fn poll(&self) -> Option<Result<Loaded, Failure>> {
        let result = self.task.poll()?;
        Some(result.unwrap_or_else(|_| Err(Failure::from("the loading thread stopped unexpectedly".to_string()))))
    }

    /// Blocks until the load has ended (tests).
    pub fn wait(&self) {
        self.task.wait();
    }
}

/// The built-in sample's two documents, split into turns but not aligned (aligning reads the
/// dictionary: that is done off the UI thread, like any pair).
fn sample_docs() -> [Document; 2] {
    super::SAMPLE.map(|(name, text)| Document::from_text(format!("sample/{name}"), text, "UTF-8", 0))
}

pub(super) fn sample_sources() -> [ToLoad; 2] {
    sample_docs().map(|d| ToLoad::Loaded(std::sync::Arc::new(d)))
}

/// The loading thread's progress, read by the window (twice a second, no faster).
#[derive(Debug, Default)]
pub struct LoadStage {
    /// Steps finished, of `total`.
    done: std::sync::atomic::AtomicU32,
    total: std::sync::atomic::AtomicU32,
    /// What is being done now: `reading and decoding left.txt`, `finding the turns of…`, `aligning`.
    now: std::sync::Mutex<String>,
}

impl LoadStage {
    /// A loading of `total` steps.
    pub fn new(total: u32) -> Self {
        let stage = LoadStage::default();
        stage.total.store(total, std::sync::atomic::Ordering::Relaxed);
        stage
    }

    /// A step begins.
    pub fn begin(&self, what: impl Into<String>) {
        if let Ok(mut now) = self.now.lock() {
            *now = what.into();
        }
    }

    /// A step is over.
    pub fn step_done(&self) {
        self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// What is being done, and the share done (0 to 1).
    pub fn read(&self) -> (String, f32) {
        use std::sync::atomic::Ordering::Relaxed;
        let (done, total) = (self.done.load(Relaxed), self.total.load(Relaxed));
        let now = self.now.lock().map(|n| n.clone()).unwrap_or_default();
        (now, if total == 0 { 0.0 } else { (done as f32 / total as f32).min(1.0) })
    }
}
