//! The aligned view: two columns, one row per link, only the visible rows laid out. `cache`
//! owns what the view keeps between frames (one [`ViewCache`] per pair); `columns` draws the rows,
//! `cell` lays out one cell (`pieces` keeps a long turn's pieces), `headers` and `overview` draw
//! the documents' headers and the strip beside the rows, `marks` says what is highlighted.

pub mod cache;
pub mod cell;
pub mod columns;
pub mod headers;
pub mod marks;
pub mod overview;
pub mod pieces;
pub mod row_layout;

pub use cache::{GUTTER, ViewCache, ViewEvents, ViewParams};
pub use marks::Marks;
