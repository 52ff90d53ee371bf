//! Tandem puts a text and its translation side by side, split into speaker turns and aligned
//! turn by turn.
//!
//! The [`core`] turns bytes into decoded text, paragraphs, speaker turns and an alignment; it never
//! imports a GUI crate. The [`app`] is the eframe application and [`ui`] draws it.

pub mod app;
pub mod cli;
pub mod core;
pub mod state;
pub mod ui;
