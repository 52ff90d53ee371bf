//! The headless commands: `tandem align`, `tandem check` and `tandem export` — their arguments,
//! output and exit codes.

pub mod align_report;
pub mod check_report;
mod export;

pub use export::{ExportArgs, export};

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::core::document::Pair;
use crate::core::edit::Annotations;
use crate::core::project::{self, ProjectFile, View};
use crate::core::review::{self, FlagKind};

/// Writes to standard output. A reader that went away (`| head`) ends the program quietly; any
/// other failure (a full disk) is one line on stderr and a non-zero exit.
pub fn emit(text: impl AsRef<[u8]>) -> Result<(), ExitCode> {
    emit_with(|out| out.write_all(text.as_ref()))
}

/// [`emit`] for output written as it is made (through a buffer), so a long report is never held
/// in memory whole.
fn emit_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), ExitCode> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("tandem: cannot write the output: {}", crate::core::text::terminal_safe(&e.to_string()));
            Err(ExitCode::from(2))
        }
    }
}

/// What a command works on: a pair, with a project's dismissed flags and notes.
struct Opened {
    pair: Pair,
    dismissed: Vec<u64>,
    annotations: Annotations,
    /// The project's agreed terms, and those of `--glossary`.
    glossary: review::Glossary,
}

/// Two files, or one project. `code` is the exit code of an error.
fn load(
    left: &Path,
    right: Option<&Path>,
    encodings: [Option<&str>; 2],
    code: u8,
    allow_outside: bool,
) -> Result<Opened, ExitCode> {
    let fail = |e: String| {
        eprintln!("tandem: {}", crate::core::text::terminal_safe(&e.to_string()));
        ExitCode::from(code)
    };
    match right {
        Some(right) => Pair::load(left, right, encodings)
            .map(|pair| Opened {
                pair,
                dismissed: Vec::new(),
                annotations: Annotations::default(),
                glossary: review::Glossary::default(),
            })
            .map_err(|e| fail(e.to_string())),
        None => project::open(left, allow_outside)
            .map(|(pair, restored)| {
                // A source that is not the text the project was saved with is said, not hidden.
                for side in crate::core::side::Side::BOTH.into_iter().filter(|&s| restored.changed[s]) {
                    eprintln!(
                        "tandem: the {} text ({}) is not the one the project was saved with; its decisions were found \
                         again where they still fit",
                        side.name(),
                        crate::core::text::terminal_safe(&pair.doc(side).path.display().to_string())
                    );
                }
                Opened {
                    pair,
                    dismissed: restored.dismissed,
                    annotations: restored.annotations,
                    glossary: restored.glossary,
                }
            })
            .map_err(|e| {
                fail(format!("{e}\ntandem: give two files (a text and its translation) or one .tandem project"))
            }),
    }
}

/// The review flags of a pair, without those a project dismissed.
fn flags_of(loaded: &Opened) -> Vec<review::Flag> {
    let mut flags = review::check_with(&loaded.pair, &loaded.glossary);
    // A project's "not a problem" stays said.
    if !loaded.dismissed.is_empty() {
        let dismissed: std::collections::BTreeSet<u64> = loaded.dismissed.iter().copied().collect();
        flags.retain(|f| !f.dismissed_by(f.key(&loaded.pair), &dismissed));
    }
    flags
}

/// `tandem align (LEFT RIGHT | work.tandem) [--json [--sentences]] [--save work.tandem]`: 0 when
/// aligned, 1 when a file cannot be read or the project cannot be written.
pub fn align(
    left: &Path,
    right: Option<&Path>,
    (json, sentences): (bool, bool),
    encodings: [Option<&str>; 2],
    save: Option<(&Path, bool)>,
    allow_outside: bool,
) -> ExitCode {
    let pair = match load(left, right, encodings, 1, allow_outside) {
        Ok(loaded) => loaded.pair,
        Err(code) => return code,
    };
    if let Some((asked, force)) = save {
        let sources = [pair.docs.left.path.as_path(), pair.docs.right.path.as_path()];
        let current = right.is_none().then_some(left);
        let path = match crate::core::files::save_path(asked, sources, current, force) {
            Ok(path) => path,
            Err(why) => {
                eprintln!("tandem: {}", crate::core::text::terminal_safe(&why));
                return ExitCode::FAILURE;
            }
        };
        let path = path.as_path();
        let file = ProjectFile::of(&pair, &Annotations::default(), &[], View::default(), path);
        if let Err(e) = file.write(path) {
            eprintln!(
                "tandem: cannot write the project {}",
                crate::core::text::terminal_safe(&format!("{}: {e}", path.display()))
            );
            return ExitCode::FAILURE;
        }
    }
    let written = emit_with(|mut out| {
        if json {
            let rows = sentences.then(|| {
                crate::core::align::sentences::inside_rows(
                    &pair.docs.left.turns,
                    &pair.docs.right.turns,
                    &pair.alignment,
                )
            });
            align_report::write_json(&pair, rows.as_deref(), &mut out)
        } else {
            align_report::write_text(&pair, 160, &mut out)
        }
    });
    written.err().unwrap_or(ExitCode::SUCCESS)
}

/// `tandem FILE` with one file: it must be a project that can be read, said before any window.
///
/// # Errors
/// The exit code, after a message on stderr.
pub fn check_project(path: &Path) -> Result<(), ExitCode> {
    ProjectFile::read(path).map(drop).map_err(|e| {
        eprintln!("tandem: {}", crate::core::text::terminal_safe(&e.to_string()));
        eprintln!("tandem: give two files (a text and its translation), one .tandem project, or none");
        ExitCode::from(2)
    })
}

/// Reads `--kinds numbers,names`.
pub fn parse_kinds(list: &str) -> Result<Vec<FlagKind>, String> {
    list.split(',')
        .filter(|k| !k.trim().is_empty())
        .map(|k| {
            FlagKind::parse(k).ok_or_else(|| {
                let all: Vec<&str> = FlagKind::ALL.iter().map(|k| k.name()).collect();
                format!("unknown kind '{}' (kinds: {})", k.trim(), all.join(", "))
            })
        })
        .collect()
}

/// Reads a glossary file (TSV or CSV) given on the command line.
///
/// # Errors
/// What is wrong with it, said for a person.
pub fn read_glossary(path: &Path) -> Result<review::Glossary, String> {
    review::Glossary::read(path)
}

/// `tandem check (LEFT RIGHT | work.tandem) [--json] [--kinds …] [--glossary terms.tsv]`: like a
/// linter, 0 when nothing is flagged, 1 when something is, 2 on error.
#[allow(clippy::too_many_arguments)]
pub fn check(
    left: &Path,
    right: Option<&Path>,
    json: bool,
    kinds: Option<&str>,
    glossary: Option<&Path>,
    encodings: [Option<&str>; 2],
    allow_outside: bool,
) -> ExitCode {
    let extra = match glossary.map(read_glossary).transpose() {
        Ok(extra) => extra,
        Err(e) => {
            eprintln!("tandem: {}", crate::core::text::terminal_safe(&e));
            return ExitCode::from(2);
        }
    };
    let kinds = match kinds.map(parse_kinds).transpose() {
        Ok(kinds) => kinds,
        Err(e) => {
            eprintln!("tandem: {}", crate::core::text::terminal_safe(&e.to_string()));
            return ExitCode::from(2);
        }
    };
    let mut loaded = match load(left, right, encodings, 2, allow_outside) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    if let Some(extra) = extra {
        loaded.glossary.terms.extend(extra.terms);
    }
    let mut flags = flags_of(&loaded);
    let pair = loaded.pair;
    if let Some(kinds) = kinds {
        flags.retain(|f| kinds.contains(&f.kind));
    }
    let text =
        if json { format!("{}\n", check_report::to_json(&pair, &flags)) } else { check_report::to_text(&pair, &flags) };
    if let Err(code) = emit(&text) {
        return code;
    }
    if flags.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
