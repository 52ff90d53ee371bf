//! Helpers for the tests of the command line: the built program run with arguments.

use std::process::{Command, Output};

use super::fixture;

/// `tandem ARGS…`, run to its end.
pub fn tandem(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem")).args(args).output().expect("the binary runs")
}

/// A fixture's path, as an argument.
pub fn path(name: &str) -> String {
    fixture(name).display().to_string()
}
