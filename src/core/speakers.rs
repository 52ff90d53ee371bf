//! Which label candidates of a document are speakers: recurrence, the label's style, the other side.

use std::collections::{HashMap, HashSet};

use super::labels::{self, Candidate, Style};
use super::paragraphs::Line;
use super::turns::Speaker;

/// Names that recur as labels are speakers; one-off `x: y` lines and repeated titles are not.
pub fn decide_speakers(lines: &[Line], candidates: &[Option<Box<Candidate>>]) -> Vec<Speaker> {
    struct Seen<'a> {
        style: Style,
        first: usize,
        /// Distinct whole lines: a title repeated or a copied block counts once.
        distinct: HashSet<(&'a str, &'a str)>,
        spellings: HashMap<&'a str, usize>,
        /// Written at least once with a riding, party or office in brackets.
        qualified: bool,
    }
    let mut seen: HashMap<&str, Seen> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        let Some(c) = c else { continue };
        // A name alone is told apart by the speech below it; a line alone followed straight by
        // another label (`ROUTINE PROCEEDINGS` above `The Speaker:`) is a heading, not a speaker.
        let below = if c.rest == lines[i].text.len() {
            let next = (i + 1..lines.len()).find(|&k| !lines[k].text.is_empty());
            if next.is_some_and(|k| candidates[k].is_some()) {
                continue;
            }
            next.map_or("", |k| lines[k].text.as_ref())
        } else {
            ""
        };
        let entry = seen.entry(c.canonical.as_str()).or_insert_with(|| Seen {
            style: c.style,
            first: i,
            distinct: HashSet::new(),
            spellings: HashMap::new(),
            qualified: false,
        });
        entry.qualified |= c.qualified;
        entry.distinct.insert((lines[i].text.as_ref(), below));
        *entry.spellings.entry(c.name.as_str()).or_default() += 1;
    }
    // Where the record's own label style (`Name (Riding, Party):`) recurs, every such label is a
    // speaker, including a member heard once.
    let qualified: HashSet<&str> =
        candidates.iter().flatten().filter(|c| c.qualified).map(|c| c.label.as_str()).collect();
    let style_recurs = qualified.len() >= 3;
    let mut named: Vec<(&str, Seen)> = seen
        .into_iter()
        .filter(|(canon, s)| {
            let n = s.distinct.len();
            n >= s.style.min_occurrences()
                || (labels::is_interview_mark(canon) && n >= 1)
                || (style_recurs && s.qualified && n >= 1)
        })
        .collect();
    let occurrences: usize = named.iter().map(|(_, s)| s.distinct.len()).sum();
    let real = named.iter().filter(|(c, _)| !labels::is_interview_mark(c)).count();
    let marks = named.len() - real;
    if occurrences < 3 || (real == 0 && marks < 2) {
        return Vec::new();
    }
    named.sort_by_key(|(_, s)| s.first);
    named
        .into_iter()
        .map(|(canon, s)| {
            let name = s.spellings.iter().max_by_key(|&(name, n)| (*n, std::cmp::Reverse(*name))).map(|(n, _)| *n);
            Speaker { name: name.unwrap_or(canon).to_string(), canonical: canon.to_string() }
        })
        .collect()
}

