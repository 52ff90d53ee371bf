//! Dictionaries between two Latin-script languages (German–French, from WikDict): a word's stem
//! → the stems of its translations, read once, on first use.

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

use super::latin::{fold, is_stop, stem};

/// FreeDict+WikDict German–French and French–German (CC BY-SA 3.0), folded into one table by
/// `assets/dict/make-wikdict.py`: see `assets/dict/README.md`.
static DEU_FRA_GZ: &[u8] = include_bytes!("../../../assets/dict/wikdict-deu-fra.tsv.gz");

/// At most this many stems stand for one word (its first translations).
const MAX_SENSES: usize = 10;
/// Translations longer than this many content words are phrases, not a word's counterpart.
const MAX_WORDS: usize = 2;

struct Table {
    /// `w:stem` keys of translations, by id.
    keys: Vec<Box<str>>,
    /// A headword, folded (`gletscher`) → the ids of its translations' stems.
    senses: HashMap<Box<str>, Vec<u32>, crate::core::hash::FnvBuild>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut text = String::new();
        // The bundled file is ours and fixed: if it cannot be read, words go without it.
        if flate2::read::GzDecoder::new(DEU_FRA_GZ).read_to_string(&mut text).is_err() {
            text.clear();
        }
        parse(&text)
    })
}

/// Reads lines `Gletscher<TAB>glacier<TAB>…`.
fn parse(text: &str) -> Table {
    let mut table = Table { keys: Vec::new(), senses: HashMap::default() };
    let mut ids: HashMap<String, u32, crate::core::hash::FnvBuild> = HashMap::default();
    for line in text.lines() {
        let mut fields = line.split('\t');
        let Some(head) = fields.next().filter(|h| !h.contains(' ')) else { continue };
        let own = stem(head);
        let head = fold(head);
        let mut senses = table.senses.remove(head.as_str()).unwrap_or_default();
        for translation in fields {
            let words: Vec<&str> = translation
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() > 2 && !is_stop(&w.to_lowercase()))
                .collect();
            if words.len() > MAX_WORDS {
                continue;
            }
            for word in words {
                let s = stem(word);
                if s == own || senses.len() >= MAX_SENSES {
                    continue;
                }
                let next = ids.len() as u32;
                let id = *ids.entry(format!("w:{s}")).or_insert(next);
                if id == next {
                    table.keys.push(format!("w:{s}").into());
                }
                if !senses.contains(&id) {
                    senses.push(id);
                }
            }
        }
        if !senses.is_empty() {
            table.senses.insert(head.into(), senses);
        }
    }
    table
}

/// Endings a German or French word may carry that its headword does not (`Gletschern`,
/// `Berge`, `souvenirs`), tried in turn when the word itself is not a headword.
const ENDINGS: [&str; 6] = ["en", "er", "es", "e", "n", "s"];

/// The keys (`w:glacie`) of the translations of `word`: its headword is the word itself, or the
/// word without an ending.
pub(super) fn senses(word: &str) -> impl Iterator<Item = &'static str> {
    let table = table();
    let word = fold(word);
    let found = table.senses.get(word.as_str()).or_else(|| {
        ENDINGS.iter().find_map(|e| word.strip_suffix(e).filter(|w| w.len() >= 3).and_then(|w| table.senses.get(w)))
    });
    found.into_iter().flatten().map(|&id| &*table.keys[id as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_words_carry_their_french_stems() {
        let of = |word: &str| senses(word).collect::<Vec<_>>();
        assert_eq!(of("Gletscher"), ["w:glacie"], "the word's own entry, not its compounds'");
        assert_eq!(of("Gletschern"), ["w:glacie"], "an ending the headword does not have");
        assert!(of("Erinnerungen").contains(&"w:souven"), "{:?}", of("Erinnerungen"));
        assert!(of("Berg").contains(&"w:montag"), "{:?}", of("Berg"));
        assert!(of("xyzzy").is_empty());
    }

    #[test]
    fn phrases_and_the_word_itself_are_left_out() {
        let t = parse("Tour\ttour\texcursion\tla grande course de montagne en hiver\n");
        let keys: Vec<&str> = t.senses["tour"].iter().map(|&id| &*t.keys[id as usize]).collect();
        assert_eq!(keys, ["w:excurs"]);
    }

    #[test]
    #[ignore = "a measurement: cargo test --release --lib bilingual -- --ignored --nocapture"]
    fn dictionary_load_time() {
        let t = std::time::Instant::now();
        let table = table();
        println!("WikDict German–French: read in {:?}: {} headwords", t.elapsed(), table.senses.len());
    }
}
