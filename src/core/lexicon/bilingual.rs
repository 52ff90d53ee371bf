//! Dictionaries between Latin-script languages (German–French and French–English, from
//! WikDict): a word → the stems of its translations, read once, on first use.

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

use super::latin::{fold, is_stop, stem};

/// FreeDict+WikDict German–French and French–German, folded into one table, and French–English
/// found through three other languages, by `assets/dict/make-wikdict.py` (CC BY-SA 3.0): see
/// `assets/dict/README.md`.
static TABLES: [&[u8]; 2] = [
    include_bytes!("../../../assets/dict/wikdict-deu-fra.tsv.gz"),
    include_bytes!("../../../assets/dict/wikdict-fra-eng.tsv.gz"),
];

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
        let mut tables = String::new();
        for gz in TABLES {
            let mut text = String::new();
            // The bundled files are ours and fixed: one that cannot be read is left out.
            if flate2::read::GzDecoder::new(gz).read_to_string(&mut text).is_ok() {
                tables.push_str(&text);
            }
        }
        parse(&tables)
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

/// Endings of French verb forms (accents off), tried in turn with the infinitive's endings:
/// `parlons`, `parlé`, `parlaient` → `parler`; `choisit` → `choisir`.
const VERB_ENDINGS: [&str; 14] =
    ["aient", "ions", "iez", "ais", "ait", "ant", "ent", "ons", "ez", "ees", "ee", "es", "e", "it"];

/// The keys (`w:glacie`) of the translations of `word`: its headword is the word itself, the
/// word without an ending, or the infinitive of a French verb form.
pub(super) fn senses(word: &str) -> impl Iterator<Item = &'static str> {
    let table = table();
    let word = fold(word);
    let get = |w: &str| table.senses.get(w);
    let found = get(&word)
        .or_else(|| ENDINGS.iter().find_map(|e| word.strip_suffix(e).filter(|w| w.len() >= 3).and_then(get)))
        .or_else(|| {
            VERB_ENDINGS.iter().find_map(|e| {
                let base = word.strip_suffix(e).filter(|b| b.len() >= 3)?;
                ["er", "ir", "re"].iter().find_map(|inf| get(&format!("{base}{inf}")))
            })
        });
    found.into_iter().flatten().map(|&id| &*table.keys[id as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_their_translations_stems() {
        let of = |word: &str| senses(word).collect::<Vec<_>>();
        assert_eq!(of("Gletscher"), ["w:glacie"], "the word's own entry, not its compounds'");
        assert_eq!(of("Gletschern"), ["w:glacie"], "an ending the headword does not have");
        assert!(of("Erinnerungen").contains(&"w:souven"), "{:?}", of("Erinnerungen"));
        assert!(of("Berg").contains(&"w:montag"), "{:?}", of("Berg"));
        assert!(of("xyzzy").is_empty());
        // French to English, and French verb forms to their infinitive's entry.
        assert!(of("maison").contains(&"w:hous"), "{:?}", of("maison"));
        assert!(of("parlons").contains(&"w:speak"), "{:?}", of("parlons"));
        assert!(of("gouvernements").contains(&"w:govern"), "{:?}", of("gouvernements"));
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
        println!(
            "WikDict German–French and French–English: read in {:?}: {} headwords",
            t.elapsed(),
            table.senses.len()
        );
    }
}
