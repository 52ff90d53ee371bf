//! One cell of the aligned view laid out for the screen: whole when it is short, in pieces when it
//! is long, so that a turn of ten megabytes costs memory for what is on screen only.
//!
//! A long turn is cut into pieces of a couple of thousand characters (at a sentence end or a
//! space where there is one). A piece off screen keeps an estimated height, or the exact one it
//! had when it was last shown; only the pieces the viewport crosses are laid out.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontFamily, FontId, Galley, Stroke, Ui};

use super::cache::{ViewCache, ViewParams};
use super::marks::{Highlight, Marks};
use super::pieces::Window;
use crate::core::document::Pair;
use crate::core::side::Side;
use crate::core::text::is_cjk;
use crate::core::turns::{Turn, TurnKind};
use crate::ui::fonts::{Face, display_text};
use crate::ui::theme;

/// A cell whose turns hold more bytes than this is laid out in pieces.
const WHOLE_LIMIT: usize = 16_000;
/// Pieces this far outside the viewport are laid out too, so scrolling finds them ready.
const MARGIN: f32 = 150.0;

/// A cell laid out for this frame.
pub(crate) struct CellLayout {
    pub height: f32,
    /// What to draw, each with its offset from the top of the cell's text.
    pub pieces: Vec<(f32, Arc<Galley>)>,
    /// For a cell laid out whole: where each turn's text starts in its one galley's text
    /// (characters), with the turn, to tell which word the pointer is on. Empty for a long cell.
    pub turn_starts: Vec<(usize, usize)>,
}

/// The styles of one cell's text.
struct Styles {
    regular: Face,
    bold: Face,
    small: FontId,
    size: f32,
    text: Color32,
    weak: Color32,
}

/// Lays out the text of one cell (its turns, each with a line of numbers and its speaker), or
/// `None` for a cell with no turn.
#[allow(clippy::too_many_arguments)]
pub(crate) fn cell_layout(
    ui: &Ui,
    pair: &Pair,
    cache: &ViewCache,
    side: Side,
    row: usize,
    width: f32,
    p: &ViewParams,
    marks: &Marks,
    window: Option<Window>,
) -> Option<CellLayout> {
    let range = pair.alignment.links[row].turns(side).clone();
    if range.is_empty() || !p.shows(side) {
        return None;
    }
    let doc = pair.doc(side);
    let script = cache.scripts[side];
    let user = p.user_fonts[side].then_some(side);
    let visuals = ui.visuals();
    let styles = Styles {
        regular: Face::for_script(script, false, user),
        bold: Face::for_script(script, true, user),
        small: FontId::new(p.text_size * 0.75, FontFamily::Proportional),
        size: p.text_size,
        text: visuals.text_color(),
        weak: visuals.weak_text_color(),
    };
    let new_job = || {
        let mut job = LayoutJob::default();
        job.wrap.max_width = width;
        job
    };
    let layout = |job: LayoutJob| {
        cache.pieces.count_laid_out(job.text.chars().count());
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let turns = &doc.turns.turns;
    let bytes: usize = range.clone().map(|t| turns[t].text.len()).sum();
    if bytes <= WHOLE_LIMIT {
        let mut job = new_job();
        let (mut turn_starts, mut counted) = (Vec::new(), (0, 0));
        for (k, t) in range.enumerate() {
            head(&mut job, pair, cache, side, t, (k > 0, true), &styles, visuals);
            // Characters, not bytes: the text shown has no-break spaces where the turn has spaces.
            counted = (job.text.len(), counted.1 + job.text[counted.0..].chars().count());
            turn_starts.push((counted.1, t));
            let text = display_text(&turns[t].text, script);
            append_with_hits(
                &mut job,
                &text,
                format(&turns[t], &styles),
                &marks.highlights(row, side, t, &turns[t].text),
                visuals,
            );
        }
        let galley = layout(job);
        return Some(CellLayout { height: galley.size().y, pieces: vec![(0.0, galley)], turn_starts });
    }
    // A long cell: blocks (each turn's heading line, then its pieces) laid out when near the view.
    let window = window.unwrap_or(Window { cell_top: 0.0, viewport: egui::Rangef::new(0.0, f32::INFINITY) });
    let seen = window.viewport.expand(MARGIN);
    let key = |t: usize, block: usize| (side, t, block, width.round() as i32, (p.text_size * 4.0).round() as i32);
    let line = p.text_size * 1.4;
    let mut offset = 0.0;
    let mut pieces = Vec::new();
    for (k, t) in range.enumerate() {
        let turn = &turns[t];
        let cuts = cache.pieces.cuts(side, t, &turn.text);
        let hits = marks.highlights(row, side, t, &turn.text);
        for block in 0..cuts.len() {
            let known = cache.pieces.height(&key(t, block));
            let estimate = || {
                if block == 0 {
                    line + if k > 0 { p.text_size * 0.75 * 1.4 } else { 0.0 }
                } else {
                    let (b0, b1) = (cuts[block - 1].0, cuts[block].0);
                    estimate_height(&turn.text[b0..b1], width, p.text_size)
                }
            };
            let top = window.cell_top + offset;
            // An estimate is kept like a measure: the block is laid out when it comes near the
            // view either way, and then its exact height replaces it.
            let guess = known.unwrap_or_else(|| {
                let guess = estimate();
                cache.pieces.set_height(key(t, block), guess);
                guess
            });
            if top < seen.max && top + guess > seen.min {
                let mut job = new_job();
                if block == 0 {
                    head(&mut job, pair, cache, side, t, (k > 0, false), &styles, visuals);
                } else {
                    let ((b0, c0), (b1, c1)) = (cuts[block - 1], cuts[block]);
                    let text = display_text(&turn.text[b0..b1], script);
                    let local: Vec<_> = hits
                        .iter()
                        .filter(|(r, _)| r.start < c1 && r.end > c0)
                        .map(|(r, h)| (r.start.max(c0) - c0..r.end.min(c1) - c0, *h))
                        .collect();
                    append_with_hits(&mut job, &text, format(turn, &styles), &local, visuals);
                }
                let galley = layout(job);
                let height = galley.size().y;
                cache.pieces.set_height(key(t, block), height);
                pieces.push((offset, galley));
                offset += height;
            } else {
                offset += guess;
            }
        }
    }
    cache.pieces.bound();
    Some(CellLayout { height: offset, pieces, turn_starts: Vec::new() })
}

/// The line above a turn's text: its number, its lines (or paragraph, or cue), its speaker; with
/// a blank line first when it is not the cell's first turn (`breaks.0`), a line break after it
/// when the text follows in the same job (`breaks.1`).
#[allow(clippy::too_many_arguments)]
fn head(
    job: &mut LayoutJob,
    pair: &Pair,
    cache: &ViewCache,
    side: Side,
    t: usize,
    (gap, newline): (bool, bool),
    styles: &Styles,
    visuals: &egui::Visuals,
) {
    let doc = pair.doc(side);
    let turn = &doc.turns.turns[t];
    let small = TextFormat::simple(styles.small.clone(), styles.weak);
    if gap {
        job.append("\n", 0.0, small.clone());
    }
    let lines = if !doc.format.has_lines() {
        // A Word file or subtitles have no lines: the paragraph or cue it came from.
        doc.position(turn.first_line, turn.last_line)
    } else if turn.first_line == turn.last_line {
        format!("l. {}", turn.first_line)
    } else {
        format!("l. {}–{}", turn.first_line, turn.last_line)
    };
    // A transcript's time, said in its label (`Anna Berg (00:12):`): where to find it in the recording.
    let lines = match turn.label.as_deref().and_then(crate::core::labels::time_in) {
        Some(time) => format!("{lines} · {time}"),
        None => lines,
    };
    job.append(&format!("#{}  {lines}", t + 1), 0.0, small.clone());
    if let Some(s) = turn.speaker {
        let colour = theme::speaker_colour(cache.slots[side][s], visuals.dark_mode);
        let name = &doc.turns.speakers[s].name;
        job.append(name, styles.size * 0.6, TextFormat::simple(styles.bold.id(styles.size), colour));
        // What the label says beside the name (`MARA, seule. —`, `Mr. Hart (Leeds East):`).
        if let Some(more) = turn.label.as_deref().and_then(|l| crate::core::labels::qualifier(l, name)) {
            job.append(more, styles.size * 0.4, small.clone());
        }
    }
    if newline {
        job.append("\n", 0.0, small);
    }
}

/// How a turn's text is drawn by its kind.
fn format(turn: &Turn, styles: &Styles) -> TextFormat {
    match turn.kind {
        TurnKind::Speech => TextFormat::simple(styles.regular.id(styles.size), styles.text),
        TurnKind::Heading => TextFormat::simple(styles.bold.id(styles.size * 1.08), styles.text),
        // A softer colour, not a slant: egui can only fake italics (apostrophes collide, and
        // Chinese would lean too).
        TurnKind::Narration => TextFormat::simple(styles.regular.id(styles.size), blend(styles.text, styles.weak)),
    }
}

/// A piece's height before it is laid out: its width in ems (CJK one, Latin about half) over the
/// column's width, in lines.
fn estimate_height(text: &str, width: f32, size: f32) -> f32 {
    let ems: f32 = text.chars().map(|c| if is_cjk(c) { 1.0 } else { 0.52 }).sum();
    let lines = (ems * size / width.max(20.0)).ceil().max(1.0) + text.matches('\n').count() as f32;
    lines * size * 1.4
}

/// Appends text, with the highlighted stretches (character ranges) on a coloured background.
fn append_with_hits(
    job: &mut LayoutJob,
    text: &str,
    format: TextFormat,
    hits: &[(Range<usize>, Highlight)],
    visuals: &egui::Visuals,
) {
    if hits.is_empty() {
        job.append(text, 0.0, format);
        return;
    }
    let byte = |ci: usize| text.char_indices().nth(ci).map_or(text.len(), |(b, _)| b);
    let mut at = 0;
    for (chars, current) in hits {
        let (start, end) = (byte(chars.start).max(at), byte(chars.end).max(at));
        if start > at {
            job.append(&text[at..start], 0.0, format.clone());
        }
        let (background, colour) = theme::highlight(*current, visuals.dark_mode, format.color);
        let underline = if *current == Highlight::Flag {
            Stroke::new(2.0, theme::flag_colour(visuals.dark_mode))
        } else {
            Stroke::NONE
        };
        job.append(&text[start..end], 0.0, TextFormat { background, color: colour, underline, ..format.clone() });
        at = end;
    }
    job.append(&text[at..], 0.0, format);
}

pub(crate) fn blend(a: Color32, b: Color32) -> Color32 {
    let m = |x: u8, y: u8| ((x as u16 + y as u16) / 2) as u8;
    Color32::from_rgb(m(a.r(), b.r()), m(a.g(), b.g()), m(a.b(), b.b()))
}
