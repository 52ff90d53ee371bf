//! Exports from the window: File › Export… chooses a format, rows and languages, asks where
//! (native dialog or path field), then writes on a background thread with a progress bar.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use super::TandemApp;
use super::tasks::Task;
use crate::core::export::{self, ExportError, Options, Progress};
use crate::core::review::{self, Flag};
use crate::core::side::{Side, Sides};
use crate::state::export::ExportRun;
use crate::state::{Action, ExportAction, Target};

/// An export on its own thread (rows written, or why not), and how far it is; its Cancel is in
/// its progress, so the task is never dropped early.
pub struct ExportTask {
    pub task: Task<Result<usize, ExportError>>,
    pub progress: Arc<Progress>,
}

impl TandemApp {
    pub(super) fn handle_export(&mut self, action: ExportAction) {
        match action {
            ExportAction::Show(open) => {
                self.state.export.open = open;
                if open {
                    self.state.export.outcome = None;
                    self.state.export.replace_asked = None;
                    let Some(pair) = self.state.pair() else { return };
                    let detected = Side::BOTH.map(|side| export::lang::detect(pair.doc(side)).to_string());
                    // Typed languages stay while the pair stays; a new pair starts from its own.
                    if self.state.export.detected != detected {
                        self.drafts.export_langs = Sides::new(detected[0].clone(), detected[1].clone());
                        self.state.export.detected = detected;
                    }
                }
            }
            ExportAction::Form(form) => self.state.export.form = form,
            ExportAction::Choose => {
                if self.state.pair().is_some() && self.state.export.running.is_none() {
                    self.handle(Action::OpenDialog(Target::Export(self.state.export.form.format)));
                }
            }
            ExportAction::Write { path, replace } => self.start_export(path, replace),
            ExportAction::Cancel => {
                if let Some(export) = &self.tasks.export {
                    export.progress.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            }
            ExportAction::KeepExisting => {
                if let Some(path) = self.state.export.replace_asked.take() {
                    let message = format!("Export not written: {} kept as it was", path.display());
                    self.state.project.last = Some(message.clone());
                    self.state.export.outcome = Some(Err(message));
                }
            }
        }
    }

    /// Where an export is offered to go: beside the left file, named `left-right.xlsx`.
    pub(super) fn export_path(&self) -> PathBuf {
        let dir = self.state.pair().and_then(|p| p.docs.left.path.parent().map(PathBuf::from));
        dir.filter(|d| d.is_dir()).unwrap_or_default().join(self.export_file_name())
    }

    /// The name offered in the save dialog: `left-right.xlsx`.
    fn export_file_name(&self) -> String {
        let format = self.state.export.form.format;
        let stem = |side: Side| {
            self.state.pair().and_then(|p| p.doc(side).path.file_stem().map(|s| s.to_string_lossy().into_owned()))
        };
        match (stem(Side::Left), stem(Side::Right)) {
            (Some(l), Some(r)) => format!("{l}-{r}.{}", format.name()),
            _ => format!("aligned.{}", format.name()),
        }
    }

    fn start_export(&mut self, path: PathBuf, replace: bool) {
        self.state.path_entry = None;
        self.state.export.replace_asked = None;
        let Some(pair) = self.state.pair().cloned() else { return };
        if self.state.export.running.is_some() {
            return;
        }
        let format = self.state.export.form.format;
        // A name typed without its extension gets the format's.
        let path = if path.extension().is_none() { path.with_extension(format.name()) } else { path };
        let options = Options {
            scope: self.state.export.form.rows.scope(pair.alignment.links.len()),
            langs: self.drafts.export_langs.clone().map(|l| Some(l.trim().to_string()).filter(|l| !l.is_empty())),
            raw: false,
            segments: self.state.export.form.segments,
        };
        let Some(session) = self.state.session.as_ref() else { return };
        let annotations = session.annotations().clone();
        let dismissed = session.dismissed().clone();
        let review = &self.state.review;
        // The flags on screen when they are up to date; else the thread checks the pair itself.
        let flags: Option<Vec<Flag>> = (!review.running && self.tasks.review.is_none()).then(|| {
            review.flags.iter().filter(|(key, f)| !f.dismissed_by(*key, &dismissed)).map(|(_, f)| f.clone()).collect()
        });
        let glossary = review.glossary.clone();
        let progress = Arc::new(Progress::default());
        let (job_progress, job_path) = (progress.clone(), path.clone());
        // The export's own Cancel (in its progress) stops it; the task is never dropped early.
        let task = Task::spawn(self.wake(), move |_| {
            let flags = flags.unwrap_or_else(|| {
                let mut all = review::check_with(&pair, &glossary);
                all.retain(|f| !f.dismissed_by(f.key(&pair), &dismissed));
                all
            });
            let prepared = export::prepare(&pair, &annotations, &flags, &options);
            let written = export::write_file(&prepared, format, &job_path, replace, &job_progress);
            Some(written.map(|()| prepared.rows.len()))
        });
        self.state.export.outcome = None;
        self.tasks.export = Some(ExportTask { task, progress });
        self.state.export.running = Some(ExportRun { path, format, started: Instant::now(), share: 0.0 });
    }

    pub(super) fn poll_export(&mut self) {
        let Some(result) = self.tasks.export.as_ref().and_then(|e| e.task.poll()) else { return };
        self.tasks.export = None;
        let Some(run) = self.state.export.running.take() else { return };
        let stopped =
            || ExportError::Build { format: run.format.name(), message: "the export stopped unexpectedly".into() };
        let outcome = match result.unwrap_or_else(|_| Err(stopped())) {
            // A file is there (the path was typed; the system's dialog asks by itself): the
            // window asks whether to replace it, and nothing is written until it is told.
            Err(ExportError::Exists(_)) => {
                self.state.export.replace_asked = Some(run.path);
                self.state.export.outcome = None;
                return;
            }
            Ok(rows) => Ok(format!(
                "Exported {rows} rows as {} to {} ({:.1} s)",
                run.format.name().to_uppercase(),
                run.path.display(),
                run.started.elapsed().as_secs_f32()
            )),
            Err(e) => Err(format!("Export not written: {e}")),
        };
        self.state.project.last = Some(match &outcome {
            Ok(message) | Err(message) => message.clone(),
        });
        self.state.export.outcome = Some(outcome);
    }

    /// Waits for the export to be written (tests).
    pub fn finish_export(&mut self) {
        if let Some(job) = self.tasks.export.as_ref() {
            job.task.wait();
        }
        self.poll_export();
    }
}
