//! `tandem export (LEFT RIGHT | work.tandem) --format F [-o FILE] [--segments sentence]`: the
//! aligned pair as TMX, TSV, CSV, XLSX, DOCX or HTML, a row per pair or per sentence group. Exit 0 when written; 1 when an input cannot be read or the output
//! cannot be written (or exists, without `--force`); 2 when the arguments are wrong.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{emit, flags_of, load};
use crate::core::export::{self, Format, Options, Progress, RowScope, Segments};
use crate::core::side::Sides;

/// The arguments of `tandem export`, as typed.
#[derive(Debug, Clone, Default)]
pub struct ExportArgs {
    pub left: PathBuf,
    pub right: Option<PathBuf>,
    /// `tmx`, `tsv`, `csv`, `xlsx`, `docx` or `html`; from the output's extension when `None`.
    pub format: Option<String>,
    pub output: Option<PathBuf>,
    pub force: bool,
    /// `all`, `paired` or `flagged`.
    pub scope: Option<String>,
    pub langs: [Option<String>; 2],
    pub encodings: [Option<String>; 2],
    /// CSV/TSV cells exactly as written, formulas included.
    pub raw: bool,
    /// `turn` (a row per pair, the default) or `sentence` (a row per group of sentences).
    pub segments: Option<String>,
    /// A project's sources are read even from outside its folder.
    pub allow_outside: bool,
}

fn usage(message: &str) -> ExitCode {
    eprintln!("tandem: {message}");
    ExitCode::from(2)
}

pub fn export(args: &ExportArgs) -> ExitCode {
    let names = Format::ALL.map(Format::name).join(", ");
    let format = match (&args.format, &args.output) {
        (Some(name), _) => match Format::parse(name) {
            Some(f) => f,
            None => return usage(&format!("unknown format '{name}' (formats: {names})")),
        },
        (None, Some(out)) => match Format::of_path(out) {
            Some(f) => f,
            None => return usage(&format!("give --format ({names}): {} does not say which", out.display())),
        },
        (None, None) => return usage(&format!("give --format ({names})")),
    };
    let scope = match args.scope.as_deref().map(|s| (s, RowScope::parse(s))) {
        None => RowScope::All,
        Some((_, Some(scope))) => scope,
        Some((name, None)) => return usage(&format!("unknown scope '{name}' (scopes: all, paired, flagged)")),
    };
    let segments = match args.segments.as_deref().map(|s| (s, Segments::parse(s))) {
        None => Segments::Turn,
        Some((_, Some(segments))) => segments,
        Some((name, None)) => return usage(&format!("unknown segments '{name}' (segments: turn, sentence)")),
    };
    if args.output.is_none() && !format.is_text() {
        return usage(&format!("a {} file is not text: give -o FILE", format.name()));
    }
    if args.output.is_none() && std::io::stdout().is_terminal() && format == Format::Html {
        eprintln!("tandem: (a web page follows; give -o FILE to write it to a file)");
    }
    if let Some(out) = args.output.as_deref().filter(|o| !args.force && o.exists()) {
        eprintln!(
            "tandem: {} already exists (give --force to replace it)",
            crate::core::text::terminal_safe(&out.display().to_string())
        );
        return ExitCode::FAILURE;
    }
    let encodings = [args.encodings[0].as_deref(), args.encodings[1].as_deref()];
    let loaded = match load(&args.left, args.right.as_deref(), encodings, 1, args.allow_outside) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let flags = flags_of(&loaded);
    let [left_lang, right_lang] = args.langs.clone();
    let options = Options { scope, langs: Sides::new(left_lang, right_lang), raw: args.raw, segments };
    let prepared = export::prepare(&loaded.pair, &loaded.annotations, &flags, &options);
    let progress = Progress::default();
    match args.output.as_deref() {
        Some(out) => write_to(&prepared, format, out, args.force, &progress),
        None => match export::to_bytes(&prepared, format, &progress) {
            Ok(bytes) => emit(bytes).err().unwrap_or(ExitCode::SUCCESS),
            Err(e) => {
                eprintln!("tandem: {}", crate::core::text::terminal_safe(&e.to_string()));
                ExitCode::FAILURE
            }
        },
    }
}

fn write_to(prepared: &export::Export, format: Format, out: &Path, force: bool, progress: &Progress) -> ExitCode {
    match export::write_file(prepared, format, out, force, progress) {
        Ok(()) => {
            let rows = prepared.rows.len();
            eprintln!(
                "tandem: wrote {rows} rows as {} to {}",
                format.name(),
                crate::core::text::terminal_safe(&out.display().to_string())
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("tandem: {}", crate::core::text::terminal_safe(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}
