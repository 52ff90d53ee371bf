//! A glossary: the terms a client or a team agreed on, each with its renderings. A row whose one
//! side holds a term and whose other side holds none of its agreed renderings is flagged.
//! Read from a two-column TSV or CSV file (the first column the term, the second its renderings,
//! several separated by `|` or `;`), kept in a `.tandem` project.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::{Flag, FlagKind, Span, flag_at};
use crate::core::document::Pair;
use crate::core::side::{Side, Sides};

/// One agreed term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub term: String,
    /// Its agreed renderings: any one of them will do.
    pub renderings: Vec<String>,
}

/// The terms of a pair, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Glossary {
    pub terms: Vec<Term>,
}

impl Glossary {
    /// Reads a TSV (a tab in the first line) or CSV file's text: `term<TAB>rendering`, one term a
    /// line; a header line `term,translation` (or `source`, `target`) is skipped; CSV fields may be
    /// quoted (`"Smith, John",Jean Smith`). Fails on a line without two fields, naming it.
    pub fn parse(text: &str) -> Result<Glossary, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let tab = text.lines().find(|l| !l.trim().is_empty()).is_some_and(|l| l.contains('\t'));
        let mut terms = Vec::new();
        for (k, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields = if tab { line.split('\t').map(str::to_string).collect() } else { csv_fields(line) };
            let (Some(term), Some(renderings)) = (fields.first(), fields.get(1)) else {
                return Err(format!(
                    "line {}: a term and its rendering, separated by a {}",
                    k + 1,
                    if tab { "tab" } else { "comma" }
                ));
            };
            let (term, renderings) = (term.trim(), renderings.trim());
            let header = ["term", "source", "terme"].contains(&term.to_lowercase().as_str());
            if k == 0 && header || term.is_empty() {
                continue;
            }
            let renderings: Vec<String> =
                renderings.split(['|', ';']).map(str::trim).filter(|r| !r.is_empty()).map(str::to_string).collect();
            if renderings.is_empty() {
                return Err(format!("line {}: no rendering for “{term}”", k + 1));
            }
            terms.push(Term { term: term.to_string(), renderings });
        }
        Ok(Glossary { terms })
    }

    /// Reads a glossary file (TSV or CSV, any common encoding).
    ///
    /// # Errors
    /// A file that cannot be read, or a line that is no term: said for a person.
    pub fn read(path: &std::path::Path) -> Result<Glossary, String> {
        let doc = crate::core::decode::read_file(path, None).map_err(|e| e.to_string())?;
        Glossary::parse(&doc.text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The glossary as TSV, one term a line (renderings joined by `|`): what [`Glossary::parse`] reads.
    pub fn to_tsv(&self) -> String {
        self.terms.iter().map(|t| format!("{}\t{}\n", t.term, t.renderings.join("|"))).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// The fields of one CSV line (RFC 4180 quotes, `""` for a quote inside).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().expect("one field").push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

/// Lower case, one character for one, so that positions stay those of the text.
fn lower(text: &str) -> Vec<char> {
    text.chars().map(|c| c.to_lowercase().next().unwrap_or(c)).collect()
}

/// Whether `pin` (lower case) is at `s` in `hay` (lower case), as a whole word when it starts
/// and ends with a letter of a spaced script (`review` in `reviews`, not inside `preview`),
/// anywhere in Chinese.
fn matches_at(hay: &[char], s: usize, pin: &[char]) -> bool {
    let e = s + pin.len();
    if pin.is_empty() || e > hay.len() || hay[s..e] != *pin {
        return false;
    }
    let spaced = |c: char| c.is_alphanumeric() && !crate::core::text::is_cjk(c);
    // A word's start must be a word's start; its end may take an ending (`-s`, `-es`).
    let starts = !spaced(pin[0]) || s == 0 || !spaced(hay[s - 1]);
    let ends = !spaced(pin[pin.len() - 1]) || hay[e..].iter().take_while(|&&c| spaced(c)).count() <= 2;
    starts && ends
}

/// Where `needle` is in `haystack`, case aside (see [`matches_at`]): the character range.
#[cfg(test)]
fn find(haystack: &str, needle: &str) -> Option<Range<usize>> {
    let (hay, pin) = (lower(haystack), lower(needle));
    (0..hay.len()).find(|&s| matches_at(&hay, s, &pin)).map(|s| s..s + pin.len())
}

/// Phrases looked for all at once, by their first character: a text is read once whatever the
/// number of terms (a glossary of hundreds of terms over a record of 100,000 rows).
struct Matcher {
    by_first: HashMap<char, Vec<(usize, Vec<char>)>>,
}

impl Matcher {
    /// Phrases with the index of the term they belong to.
    fn new<'a>(phrases: impl Iterator<Item = (usize, &'a str)>) -> Matcher {
        let mut by_first: HashMap<char, Vec<(usize, Vec<char>)>> = HashMap::new();
        for (k, phrase) in phrases {
            let pin = lower(phrase.trim());
            if let Some(&first) = pin.first() {
                by_first.entry(first).or_default().push((k, pin));
            }
        }
        Matcher { by_first }
    }

    /// Calls `found` with each term index and range found in `hay` (lower case).
    fn find_all(&self, hay: &[char], mut found: impl FnMut(usize, Range<usize>)) {
        for (s, c) in hay.iter().enumerate() {
            for (k, pin) in self.by_first.get(c).into_iter().flatten() {
                if matches_at(hay, s, pin) {
                    found(*k, s..s + pin.len());
                }
            }
        }
    }
}

/// Flags each paired row where one side holds a term and the other none of its renderings.
pub(super) fn check(pair: &Pair, glossary: &Glossary) -> Vec<Flag> {
    let mut flags = Vec::new();
    if glossary.is_empty() {
        return flags;
    }
    let terms = Matcher::new(glossary.terms.iter().enumerate().map(|(k, t)| (k, t.term.as_str())));
    let renderings = Matcher::new(
        glossary.terms.iter().enumerate().flat_map(|(k, t)| t.renderings.iter().map(move |r| (k, r.as_str()))),
    );
    for (row, link) in pair.alignment.links.iter().enumerate().filter(|(_, l)| l.is_paired()) {
        // Per side: where each term is first (turn, range), and which terms' renderings are there.
        let mut at: Sides<HashMap<usize, (usize, Range<usize>)>> = Sides::default();
        let mut rendered: Sides<HashSet<usize>> = Sides::default();
        for side in Side::BOTH {
            let turns = &pair.doc(side).turns.turns;
            for t in link.turns(side).clone() {
                let hay = lower(&turns[t].text);
                terms.find_all(&hay, |k, r| {
                    at[side].entry(k).or_insert((t, r));
                });
                renderings.find_all(&hay, |k, _| {
                    rendered[side].insert(k);
                });
            }
        }
        let mut spans: Sides<Vec<Span>> = Sides::default();
        let mut say = Vec::new();
        for (k, term) in glossary.terms.iter().enumerate() {
            let Some(side) = Side::BOTH.into_iter().find(|&s| at[s].contains_key(&k)) else { continue };
            let other = side.other();
            // A term written the same in both languages (a brand) is its own rendering.
            if rendered[other].contains(&k) || at[other].contains_key(&k) {
                continue;
            }
            let (t, r) = at[side][&k].clone();
            let text: String = pair.doc(side).turns.turns[t].text.chars().skip(r.start).take(r.len()).collect();
            spans[side].push(Span { turn: t, chars: r, text });
            say.push(format!("“{}” without “{}”", term.term, term.renderings.join("” or “")));
        }
        if !say.is_empty() {
            flags.push(flag_at(pair, FlagKind::Glossary, row, spans, say.join("; ")));
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::Document;

    #[test]
    fn reads_tsv_and_csv_with_headers_quotes_and_several_renderings() {
        let g = Glossary::parse(
            "term\ttranslation\n智源研究院\tBAAI|Beijing Academy of Artificial Intelligence\n大模型\tlarge model\n",
        )
        .unwrap();
        assert_eq!(g.terms.len(), 2);
        assert_eq!(g.terms[0].renderings, ["BAAI", "Beijing Academy of Artificial Intelligence"]);
        let g = Glossary::parse("source,target\n\"Smith, John\",Jean Smith\nwhite paper,livre blanc;libro blanco\n")
            .unwrap();
        assert_eq!(g.terms[0].term, "Smith, John");
        assert_eq!(g.terms[1].renderings, ["livre blanc", "libro blanco"]);
        assert_eq!(Glossary::parse(&g.to_tsv()).unwrap(), g, "written back and read again");
        let err = Glossary::parse("a,b\nonly one field\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn terms_are_words_in_spaced_scripts_and_anywhere_in_chinese() {
        assert_eq!(find("The Business Review says", "business review"), Some(4..19));
        assert_eq!(find("two reviews", "review"), Some(4..10), "a plural ending");
        assert_eq!(find("a preview", "review"), None, "inside another word");
        assert_eq!(find("我们的大模型很好", "大模型"), Some(3..6));
        assert_eq!(find("Oui.", "a much longer term"), None, "a turn shorter than the term");
    }

    #[test]
    fn a_row_whose_term_lacks_its_rendering_is_flagged() {
        let doc = |n: &str, t: &str| Document::from_text(n, t, "UTF-8", 0);
        // An interview: the institute is named in Chinese; the translation must use its agreed name.
        let pair = Pair::new(
            doc("zh", "问：智源研究院做了什么？\n\n答：我们发布了大模型。\n"),
            doc("en", "Q: What did the Zhiyuan Institute do?\n\nA: We released a large model.\n"),
        );
        let g = Glossary::parse("智源研究院\tBAAI\n大模型\tlarge model\n").unwrap();
        let flags = check(&pair, &g);
        assert_eq!(flags.len(), 1, "{flags:?}");
        assert_eq!(flags[0].row, 0);
        assert_eq!(flags[0].message, "“智源研究院” without “BAAI”");
        assert_eq!(flags[0].words(Side::Left), ["智源研究院"]);
        assert!(check(&pair, &Glossary::default()).is_empty());
    }
}
