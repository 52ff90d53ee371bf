//! The system's file dialogs (rfd), each on a thread of its own so that the window never
//! freezes, and how to tell a dialog cancelled from one that could not appear at all.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::tasks::Task;
use crate::core::side::Side;
use crate::state::Target;

/// What came of a dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    Files(Vec<PathBuf>),
    Cancelled,
    /// The dialog returned at once with nothing: most likely no dialog could be shown at all
    /// (a Linux session without a desktop portal).
    NoDialog,
}

/// A native file dialog running on its own thread, so that the window never freezes.
pub struct Dialog {
    pub target: Target,
    /// What was picked (nothing: cancelled, or no dialog), and how long the dialog took.
    task: Task<(Option<Vec<PathBuf>>, Duration)>,
}

/// A dialog answering faster than a person can is a dialog that never appeared.
const TOO_FAST: Duration = Duration::from_millis(1200);

/// Whether a native dialog can appear at all. On Linux and the BSDs rfd needs the desktop
/// portal (over the session D-Bus) or zenity; without either it returns at once as if cancelled.
pub fn dialog_possible() -> bool {
    if !cfg!(all(unix, not(target_os = "macos"))) {
        return true;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR").is_some_and(|d| std::path::Path::new(&d).join("bus").exists());
    let zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
    bus || zenity
}

impl Dialog {
    /// A dialog for `target`; a save dialog offers `suggested` (a whole path: folder and name).
    pub fn spawn(target: Target, suggested: Option<PathBuf>, wake: impl Fn() + Send + 'static) -> Dialog {
        if !dialog_possible() {
            return Dialog { target, task: Task::spawn(wake, |_| Some((None, Duration::ZERO))) };
        }
        let task = Task::spawn(wake, move |_| {
            let started = Instant::now();
            let title = match target {
                Target::Pair => "Open a text and its translation",
                Target::Side(Side::Left) => "Open the left document",
                Target::Side(Side::Right) => "Open the right document",
                Target::Project => "Open a Tandem project",
                Target::SaveProject => "Save the project",
                Target::Locate(Side::Left) => "Where is the project's left file now?",
                Target::Locate(Side::Right) => "Where is the project's right file now?",
                Target::Export(_) => "Export the aligned pair",
                Target::Glossary => "Open a glossary (a term and its renderings a line)",
            };
            let mut dialog = rfd::FileDialog::new().set_title(title);
            if let Some(dir) = suggested.as_ref().and_then(|p| p.parent()).filter(|d| d.is_dir()) {
                dialog = dialog.set_directory(dir);
            }
            let picked = match target {
                Target::Pair | Target::Side(_) => {
                    let mut dialog = dialog;
                    for (name, extensions) in crate::core::formats::DIALOG_FILTERS {
                        dialog = dialog.add_filter(name, extensions);
                    }
                    let dialog = dialog.add_filter("Tandem project", &["tandem"]).add_filter("All files", &["*"]);
                    if target == Target::Pair { dialog.pick_files() } else { dialog.pick_file().map(|f| vec![f]) }
                }
                Target::Project => dialog.add_filter("Tandem project", &["tandem"]).pick_file().map(|f| vec![f]),
                Target::Glossary => dialog
                    .add_filter("Glossary (TSV, CSV)", &["tsv", "csv", "txt"])
                    .add_filter("All files", &["*"])
                    .pick_file()
                    .map(|f| vec![f]),
                Target::Locate(_) => dialog.add_filter("All files", &["*"]).pick_file().map(|f| vec![f]),
                Target::Export(format) => {
                    let name = suggested.as_ref().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned());
                    dialog
                        .add_filter(format.title(), &[format.name()])
                        .add_filter("All files", &["*"])
                        .set_file_name(name.unwrap_or_else(|| format!("aligned.{}", format.name())))
                        .save_file()
                        .map(|f| vec![if f.extension().is_none() { f.with_extension(format.name()) } else { f }])
                }
                Target::SaveProject => dialog
                    .add_filter("Tandem project", &["tandem"])
                    .set_file_name("work.tandem")
                    .save_file()
                    .map(|f| vec![if f.extension().is_none() { f.with_extension("tandem") } else { f }]),
            };
            Some((picked, started.elapsed()))
        });
        Dialog { target, task }
    }

    pub fn poll(&self) -> Option<Picked> {
        match self.task.poll()? {
            Ok((Some(files), _)) if !files.is_empty() => Some(Picked::Files(files)),
            Ok((_, elapsed)) if elapsed < TOO_FAST => Some(Picked::NoDialog),
            Ok(_) => Some(Picked::Cancelled),
            // The dialog's thread stopped (a panic in the toolkit): as if none could be shown.
            Err(_) => Some(Picked::NoDialog),
        }
    }
}
