//! Command line: `tandem [LEFT RIGHT]` opens the window; `tandem align`, `check` and `export` work headless.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tandem::cli;

const EXAMPLES: &str = "Examples:
  tandem interview_zh.txt interview_fr.docx     open a text and its translation in the window
  tandem check work.tandem --kinds numbers,names   list what differs, like a linter (exit 1 if any)";

#[derive(Parser)]
#[command(name = "tandem", version, about = "A text and its translation, side by side, turn by turn")]
#[command(args_conflicts_with_subcommands = true, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A text and its translation to open in the window, or one `.tandem` project (none: the
    /// last pair, or the sample).
    #[arg(num_args = 0..=2, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Print a manual page (`man`, `man-align`, `man-check`, `man-export`) or a shell's
    /// completions (`bash`, `zsh`, `fish`) and exit: what the package installs.
    #[arg(long, value_name = "WHAT", hide = true, exclusive = true)]
    generate: Option<String>,
}

/// `tandem --generate man|man-SUBCOMMAND|bash|zsh|fish`: written from these very definitions, so they never
/// drift from the program.
fn generate(what: &str) -> ExitCode {
    use clap::CommandFactory;
    let mut command = Cli::command();
    // Written to memory first: the generators panic on a write error (a closed pipe).
    let mut text = Vec::new();
    match what {
        "man" => clap_mangen::Man::new(command).render(&mut text).unwrap_or_default(),
        // `man-align`…: a page for each subcommand, named `tandem-align` as git names its own.
        sub if sub.strip_prefix("man-").is_some_and(|name| command.find_subcommand(name).is_some()) => {
            let name = &sub["man-".len()..];
            let page = command.find_subcommand(name).cloned().unwrap_or_default();
            // A one-shot program: the page's name may live as long as it.
            let title: &'static str = Box::leak(format!("tandem-{name}").into_boxed_str());
            let page = page.name(title).version(env!("CARGO_PKG_VERSION"));
            clap_mangen::Man::new(page).render(&mut text).unwrap_or_default();
        }
        "bash" | "zsh" | "fish" => {
            let shell: clap_complete::Shell = what.parse().unwrap_or(clap_complete::Shell::Bash);
            clap_complete::generate(shell, &mut command, "tandem", &mut text);
        }
        other => {
            eprintln!(
                "tandem: --generate takes man, man-align, man-check, man-export, bash, zsh or fish, not '{other}'"
            );
            return ExitCode::from(2);
        }
    }
    cli::emit(text).err().unwrap_or(ExitCode::SUCCESS)
}

#[derive(Subcommand)]
enum Command {
    /// Split two documents into speaker turns, align them and print the result.
    Align {
        /// The text, or a `.tandem` project (its corrected alignment).
        left: PathBuf,
        /// Its translation (none when LEFT is a project).
        right: Option<PathBuf>,
        /// Print one JSON object instead of a readable summary.
        #[arg(long)]
        json: bool,
        /// With --json: each link also lists its sentences matched in groups (`sentences`: the
        /// left and right sentences of each group as a turn and a character range of its text).
        #[arg(long, requires = "json")]
        sentences: bool,
        /// Read the left file in this encoding (gbk, gb18030, big5, shift_jis, windows-1252, utf-16le…).
        #[arg(long, value_name = "LABEL")]
        encoding_left: Option<String>,
        /// Read the right file in this encoding.
        #[arg(long, value_name = "LABEL")]
        encoding_right: Option<String>,
        /// Also write a project file (`work.tandem`) that the window opens (`.tandem` is added
        /// when FILE does not end so; never over one of the two texts).
        #[arg(long, value_name = "FILE")]
        save: Option<PathBuf>,
        /// Replace the project FILE when it exists.
        #[arg(long)]
        force: bool,
        /// Read a project's sources even when they lie outside the project's folder.
        #[arg(long)]
        allow_outside: bool,
    },
    /// Write the aligned pair as TMX, TSV, CSV, XLSX, DOCX or a printable HTML page.
    /// Exit 0: written; 1: an input cannot be read or the output cannot be written; 2: bad arguments.
    Export(Export),
    /// Point at what differs between a text and its translation (numbers, missing text, names…).
    /// Exit 0: nothing flagged; 1: something is; 2: an error.
    Check {
        /// The text, or a `.tandem` project (its corrected alignment; its dismissed flags are left out).
        left: PathBuf,
        /// Its translation (none when LEFT is a project).
        right: Option<PathBuf>,
        /// Print one JSON object instead of one line a flag.
        #[arg(long)]
        json: bool,
        /// Only these kinds: numbers, missing, added, length, untranslated, names, duplicate, speaker,
        /// pairs, consistency, glossary, tokens.
        #[arg(long, value_name = "KIND,KIND")]
        kinds: Option<String>,
        /// Agreed terms, a TSV or CSV file (a term, then its renderings separated by `|`): a row
        /// whose one side holds a term and whose other side none of its renderings is flagged.
        /// Added to a project's own glossary.
        #[arg(long, value_name = "TERMS")]
        glossary: Option<PathBuf>,
        #[arg(long, value_name = "LABEL")]
        encoding_left: Option<String>,
        #[arg(long, value_name = "LABEL")]
        encoding_right: Option<String>,
        /// Read a project's sources even when they lie outside the project's folder.
        #[arg(long)]
        allow_outside: bool,
    },
}

#[derive(clap::Args)]
struct Export {
    /// The text, or a `.tandem` project (its corrected alignment and notes).
    left: PathBuf,
    /// Its translation (none when LEFT is a project).
    right: Option<PathBuf>,
    /// tmx, tsv, csv, xlsx, docx or html (default: from the extension of -o).
    #[arg(long, short = 'f', value_name = "FORMAT")]
    format: Option<String>,
    /// The file to write (default: standard output, for the text formats).
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace FILE when it exists.
    #[arg(long)]
    force: bool,
    /// CSV/TSV: write cells that begin with = + - @ as they are (by default they get a leading
    /// ' so that a spreadsheet shows them instead of running them as formulas).
    #[arg(long)]
    raw: bool,
    /// Which rows: all, paired (text on both sides) or flagged (by the review).
    #[arg(long, value_name = "SCOPE", default_value = "all")]
    scope: String,
    /// What a row holds: turn (a pair of turns, as the window shows it) or sentence (a group
    /// of sentences matched inside a pair, the segments a translation memory wants).
    #[arg(long, value_name = "SEGMENTS", default_value = "turn")]
    segments: String,
    /// Language code of the left text (zh-CN, fr, en…; default: detected).
    #[arg(long, value_name = "CODE")]
    left_lang: Option<String>,
    /// Language code of the right text.
    #[arg(long, value_name = "CODE")]
    right_lang: Option<String>,
    #[arg(long, value_name = "LABEL")]
    encoding_left: Option<String>,
    #[arg(long, value_name = "LABEL")]
    encoding_right: Option<String>,
    /// Read a project's sources even when they lie outside the project's folder.
    #[arg(long)]
    allow_outside: bool,
}

fn main() -> ExitCode {
    tandem::app::mark_start();
    let cli = Cli::parse();
    if let Some(what) = &cli.generate {
        return generate(what);
    }
    match cli.command {
        Some(Command::Align {
            left,
            right,
            json,
            sentences,
            encoding_left,
            encoding_right,
            save,
            force,
            allow_outside,
        }) => cli::align(
            &left,
            right.as_deref(),
            (json, sentences),
            [encoding_left.as_deref(), encoding_right.as_deref()],
            save.as_deref().map(|s| (s, force)),
            allow_outside,
        ),
        Some(Command::Export(e)) => cli::export(&cli::ExportArgs {
            left: e.left,
            right: e.right,
            format: e.format,
            output: e.output,
            force: e.force,
            scope: Some(e.scope),
            langs: [e.left_lang, e.right_lang],
            encodings: [e.encoding_left, e.encoding_right],
            raw: e.raw,
            segments: Some(e.segments),
            allow_outside: e.allow_outside,
        }),
        Some(Command::Check { left, right, json, kinds, glossary, encoding_left, encoding_right, allow_outside }) => {
            cli::check(
                &left,
                right.as_deref(),
                json,
                kinds.as_deref(),
                glossary.as_deref(),
                [encoding_left.as_deref(), encoding_right.as_deref()],
                allow_outside,
            )
        }
        None => match cli.files.len() {
            0 | 2 => run_window(cli.files),
            // One project; or one text, whose translation the window then asks for.
            _ if !tandem::core::project::is_project(&cli.files[0]) => run_window(cli.files),
            _ => match cli::check_project(&cli.files[0]) {
                Ok(()) => run_window(cli.files),
                Err(code) => code,
            },
        },
    }
}

/// What draws the window: `TANDEM_RENDERER=glow` or `wgpu`, else OpenGL on Linux (on Mesa's
/// software llvmpipe, the meeting-room PC without a GPU, a key costs a quarter of the CPU it
/// costs through Vulkan's lavapipe) and wgpu elsewhere (Windows without a GPU driver has
/// OpenGL 1.1 only).
fn renderer() -> (eframe::Renderer, bool) {
    match std::env::var("TANDEM_RENDERER").as_deref() {
        Ok("glow") => (eframe::Renderer::Glow, true),
        Ok("wgpu") => (eframe::Renderer::Wgpu, true),
        _ if cfg!(target_os = "linux") => (eframe::Renderer::Glow, false),
        _ => (eframe::Renderer::Wgpu, false),
    }
}

/// The window could not be opened with the default renderer: the same command again with the
/// other one (a window system allows one event loop per process).
fn retry_with(renderer: eframe::Renderer) -> Option<ExitCode> {
    let name = if renderer == eframe::Renderer::Glow { "glow" } else { "wgpu" };
    eprintln!("tandem: trying again with the {name} renderer");
    let exe = std::env::current_exe().ok()?;
    let status =
        std::process::Command::new(exe).args(std::env::args_os().skip(1)).env("TANDEM_RENDERER", name).status().ok()?;
    Some(status.code().map_or(ExitCode::FAILURE, |c| ExitCode::from(c.clamp(0, 255) as u8)))
}

/// The window's icon (the one the desktop entry names too).
fn icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../assets/icon/tandem-256.png")).unwrap_or_default()
}

fn run_window(files: Vec<PathBuf>) -> ExitCode {
    let (renderer, chosen) = renderer();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Tandem")
            .with_app_id("tandem")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([480.0, 320.0])
            .with_drag_and_drop(true)
            .with_icon(icon()),
        renderer,
        ..Default::default()
    };
    // A window destroyed from outside (`xdotool windowclose`, a dead X server) makes winit
    // unwrap an X11 error: that is the window gone, not a bug to report with a backtrace. Every
    // edit is already in the recovery copy, so nothing is lost.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !window_gone(&panic_message(info.payload())) {
            default_hook(info);
        }
    }));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        eframe::run_native("Tandem", options, Box::new(move |cc| Ok(Box::new(tandem::app::TandemApp::new(cc, files)))))
    }));
    match result {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("tandem: cannot open a window: {e}");
            let other =
                if renderer == eframe::Renderer::Glow { eframe::Renderer::Wgpu } else { eframe::Renderer::Glow };
            // No display at all is no renderer's fault.
            let display = std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some();
            match (chosen, display || !cfg!(target_os = "linux")) {
                (false, true) => retry_with(other).unwrap_or(ExitCode::FAILURE),
                _ => ExitCode::FAILURE,
            }
        }
        Err(payload) if window_gone(&panic_message(&*payload)) => {
            eprintln!("tandem: the window was closed from outside; unsaved edits are in the recovery copy");
            ExitCode::SUCCESS
        }
        Err(payload) => std::panic::resume_unwind(payload),
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_string()))
        .unwrap_or_default()
}

/// The X server says the window no longer exists (X11 error "BadWindow").
fn window_gone(message: &str) -> bool {
    message.contains("X11Error") && message.contains("error_kind: Window")
}
