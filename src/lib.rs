//! Tandem puts a text and its translation side by side, split into speaker turns and aligned
//! turn by turn.
//!
//! The [`core`] turns bytes into decoded text, paragraphs, speaker turns and an alignment; it never
//! imports a GUI crate. The binary's `align` command prints what the core computes.

pub mod core;
