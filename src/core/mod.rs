//! The core: decoding, paragraphs, speaker turns, alignment and reports. It never names a GUI crate.

pub mod align;
pub mod alignment;
pub mod decode;
pub mod document;
pub mod edit;
pub mod export;
pub mod files;
pub mod formats;
pub mod hash;
pub mod labels;
pub mod lexicon;
pub mod navigate;
pub mod paragraphs;
pub mod project;
pub mod review;
pub mod search;
pub mod sentences;
pub mod session;
pub mod side;
pub mod speakers;
pub mod synth;
pub mod text;
pub mod turns;
