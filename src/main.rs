//! Command line: `tandem align LEFT RIGHT [--json]`; the window comes with the app.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tandem::core::document::Pair;
use tandem::core::report;

#[derive(Parser)]
#[command(name = "tandem", version, about = "A text and its translation, side by side, turn by turn")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Split two documents into speaker turns, align them and print the result.
    Align {
        left: PathBuf,
        right: PathBuf,
        /// Print one JSON object instead of a readable summary.
        #[arg(long)]
        json: bool,
        /// Read the left file in this encoding (gbk, gb18030, big5, shift_jis, windows-1252, utf-16le…).
        #[arg(long, value_name = "LABEL")]
        encoding_left: Option<String>,
        /// Read the right file in this encoding.
        #[arg(long, value_name = "LABEL")]
        encoding_right: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Align { left, right, json, encoding_left, encoding_right }) => {
            match Pair::load(&left, &right, [encoding_left.as_deref(), encoding_right.as_deref()]) {
                Ok(pair) => {
                    if json {
                        println!("{}", report::to_json(&pair));
                    } else {
                        print!("{}", report::to_text(&pair, 160));
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("tandem: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        None => {
            eprintln!("tandem: the window is not built yet; use `tandem align LEFT RIGHT`");
            ExitCode::FAILURE
        }
    }
}
