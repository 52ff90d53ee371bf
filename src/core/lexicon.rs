//! The words of a text as alignment compares them: Latin-script words stemmed, Chinese words
//! found on the bundled CC-CEDICT and carried to English stems, names carried through pinyin,
//! numbers as values. The dictionary is read once, lazily, on first use.

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

use super::text::is_han;

mod bilingual;
mod latin;
pub use latin::stem;
use latin::{is_stop, lemma};

/// CC-CEDICT (CC BY-SA 4.0, MDBG), unmodified, compressed: see `assets/dict/README.md`.
static CEDICT_GZ: &[u8] = include_bytes!("../../assets/dict/cedict_1_0_ts_utf-8_mdbg.txt.gz");

/// FNV: headwords and stems are short, and SipHash cost a third of reading the dictionary.
type Fast = crate::core::hash::FnvBuild;

/// The longest Chinese word looked up, in characters.
const MAX_WORD: usize = 6;
/// At most this many English stems stand for one Chinese word (its first senses).
const MAX_SENSES: usize = 10;

/// One word of a text: its own key, and the keys of what it may be translated by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// `w:stem` for a Latin-script word, `z:词` for a Chinese word, `#12` for a number.
    pub key: String,
    /// Keys of the word's translations (English stems, pinyin of a name), without `key`.
    pub senses: Vec<String>,
    /// Where it is in the text read (bytes).
    pub span: std::ops::Range<usize>,
}

/// The Chinese–English dictionary, parsed on first use: about 120,000 headwords in 25 MB.
struct Cedict {
    /// English stems' keys (`w:north`), by id.
    keys: Vec<Box<str>>,
    /// Simplified and traditional headwords → the ids of the stems of their first senses, as a
    /// range of `pool`.
    senses: HashMap<Box<str>, (u32, u32), Fast>,
    pool: Vec<u32>,
    /// Characters that are a surname → their pinyin (`陈` → `chen`).
    surnames: HashMap<char, String>,
    /// Each character's first reading, without tone (`宝` → `bao`).
    readings: HashMap<char, String>,
    /// Words written with numerals whose first meaning holds no number: `十分` (very), `万一`
    /// (in case), `一五一十` (in full detail), `四川` (Sichuan).
    numerals_not_counts: std::collections::HashSet<Box<str>, Fast>,
}

impl Cedict {
    fn senses(&self, head: &str) -> Option<&[u32]> {
        self.senses.get(head).map(|&(at, len)| &self.pool[at as usize..(at + len) as usize])
    }
}

fn cedict() -> &'static Cedict {
    static DICT: OnceLock<Cedict> = OnceLock::new();
    DICT.get_or_init(|| {
        let mut text = String::new();
        // The bundled file is ours and fixed: a failure here is a broken build, and the
        // aligner then runs without a dictionary rather than stopping.
        if flate2::read::GzDecoder::new(CEDICT_GZ).read_to_string(&mut text).is_err() {
            text.clear();
        }
        parse_cedict(&text)
    })
}

/// Reads CC-CEDICT's lines: `傳統 传统 [chuan2 tong3] /tradition/convention/`.
fn parse_cedict(text: &str) -> Cedict {
    let mut dict = Cedict {
        keys: Vec::new(),
        senses: HashMap::with_capacity_and_hasher(200_000, Fast::default()),
        pool: Vec::with_capacity(1_000_000),
        surnames: HashMap::new(),
        readings: HashMap::new(),
        numerals_not_counts: Default::default(),
    };
    let mut ids: HashMap<Box<str>, u32, Fast> = HashMap::default();
    let (mut stems, mut word, mut key): (Vec<u32>, String, String) = Default::default();
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((heads, rest)) = line.split_once(" [") else { continue };
        let Some((pinyin, glosses)) = rest.split_once("] /") else { continue };
        let (trad, simp) = heads.split_once(' ').unwrap_or((heads, heads));
        let one_char = |h: &str| {
            let mut chars = h.chars();
            chars.next().filter(|_| chars.next().is_none())
        };
        // Only headwords holding a numeral have their first meaning read for numbers.
        for head in [simp, trad] {
            let numerals = head.chars().filter(|&c| is_numeral(c)).count();
            let len = head.chars().count();
            // `一五一十`, an idiom of numerals alone, counts nothing either.
            if numerals > 0
                && (numerals < len || len >= 4)
                && !first_gloss_counts(glosses.split('/').next().unwrap_or(""))
            {
                dict.numerals_not_counts.insert(head.into());
            }
        }
        stems.clear();
        for gloss in glosses.split('/') {
            if let Some(name) = gloss.strip_prefix("surname ") {
                if let Some(c) = one_char(simp) {
                    for c in std::iter::once(c).chain(trad.chars()) {
                        dict.surnames.entry(c).or_insert_with(|| stem(name));
                    }
                }
                continue;
            }
            if gloss.starts_with("variant of")
                || gloss.starts_with("old variant")
                || gloss.starts_with("see ")
                || gloss.starts_with("CL:")
                || gloss.starts_with("abbr. for")
                || gloss.starts_with("used in")
            {
                continue;
            }
            // The gloss's content words outside brackets, stemmed: `to lay out (goods)` → `lay`.
            let mut depth = 0i32;
            for c in gloss.chars().chain(std::iter::once(' ')) {
                match c {
                    '(' | '[' => depth += 1,
                    ')' | ']' => depth = (depth - 1).max(0),
                    c if depth == 0 && c.is_alphanumeric() => word.push(c),
                    _ => {}
                }
                if depth > 0 || !c.is_alphanumeric() {
                    if word.len() > 2 && stems.len() < MAX_SENSES {
                        word.make_ascii_lowercase();
                        if !is_stop(&word) {
                            key.clear();
                            key.push_str("w:");
                            key.push_str(&stem(&word));
                            let next = ids.len() as u32;
                            let id = match ids.get(key.as_str()) {
                                Some(&id) => id,
                                None => {
                                    ids.insert(key.as_str().into(), next);
                                    dict.keys.push(key.as_str().into());
                                    next
                                }
                            };
                            if !stems.contains(&id) {
                                stems.push(id);
                            }
                        }
                    }
                    word.clear();
                }
            }
        }
        if let Some(c) = one_char(simp) {
            let reading: String =
                pinyin.split(' ').next().unwrap_or("").chars().filter(char::is_ascii_alphabetic).collect();
            let reading = reading.to_lowercase();
            if !reading.is_empty() && !pinyin.starts_with(|c: char| c.is_uppercase()) {
                for c in std::iter::once(c).chain(trad.chars()) {
                    dict.readings.entry(c).or_insert_with(|| reading.clone());
                }
            }
        }
        if stems.is_empty() {
            continue;
        }
        for head in if simp == trad { [simp, ""] } else { [simp, trad] } {
            if head.is_empty() {
                continue;
            }
            // A headword read again (another reading): its senses joined, the first ones first.
            let mut all: Vec<u32> = dict.senses(head).map(<[u32]>::to_vec).unwrap_or_default();
            for &id in &stems {
                if all.len() < MAX_SENSES && !all.contains(&id) {
                    all.push(id);
                }
            }
            let at = dict.pool.len() as u32;
            dict.pool.extend_from_slice(&all);
            dict.senses.insert(head.into(), (at, all.len() as u32));
        }
    }
    dict
}

/// A Chinese numeral character (`十`, `万`, `两`).
fn is_numeral(c: char) -> bool {
    "〇零一二两三四五六七八九十百千万亿".contains(c)
}

/// Whether a gloss speaks of a number: digits, or a number word (`ten million`, `one tenth`).
fn first_gloss_counts(gloss: &str) -> bool {
    const WORDS: [&str; 54] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "billion",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "tenth",
        "dozen",
        "half",
        "double",
        "twice",
        "single",
        "triple",
        "decade",
        "percent",
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ];
    gloss.chars().any(|c| c.is_ascii_digit())
        || gloss.split(|c: char| !c.is_ascii_alphabetic()).any(|w| WORDS.iter().any(|n| n.eq_ignore_ascii_case(w)))
}

/// Whether the numerals `text[start..end]` are part of a longer word that is no count: the
/// longest dictionary word holding them means something else (`十分` is very, `万一` in case).
pub fn numerals_in_a_word(text: &[char], start: usize, end: usize) -> bool {
    let dict = cedict();
    let mut longest: Option<(usize, bool)> = None;
    for s in start.saturating_sub(MAX_WORD - 1)..=start {
        for e in end.max(s + 2)..=(s + MAX_WORD).min(text.len()) {
            let whole = e - s == end - start && e - s >= 4;
            if (e - s <= end - start && !whole) || longest.is_some_and(|(len, _)| len >= e - s) {
                continue;
            }
            let word: String = text[s..e].iter().collect();
            if dict.numerals_not_counts.contains(word.as_str()) {
                longest = Some((e - s, true));
            } else if dict.senses.contains_key(word.as_str()) {
                longest = Some((e - s, false));
            }
        }
    }
    longest.is_some_and(|(_, idiom)| idiom)
}

/// Chinese function words and particles.
fn is_han_stop(w: &str) -> bool {
    matches!(
        w,
        "的" | "了"
            | "是"
            | "在"
            | "着"
            | "过"
            | "吗"
            | "呢"
            | "吧"
            | "啊"
            | "也"
            | "就"
            | "都"
            | "而"
            | "和"
            | "与"
            | "之"
            | "把"
            | "被"
            | "给"
            | "这"
            | "那"
            | "个"
            | "们"
            | "我"
            | "你"
            | "他"
            | "她"
            | "它"
            | "又"
            | "还"
            | "便"
            | "却"
            | "得"
            | "地"
            | "么"
            | "呀"
            | "这个"
            | "那个"
            | "一个"
            | "自己"
    )
}

/// Whether a word is a function word of English, French, German or Chinese (`the`, `les`,
/// `und`, `的`), whatever its case.
pub fn is_stop_word(word: &str) -> bool {
    is_stop(&word.to_lowercase())
}

/// Whether a Latin-script word is a headword of the bundled German–French or French–English
/// dictionary (`Sommer`, `Ende`; not `Mythen`, a name): a common word, whatever its case.
pub fn in_latin_dictionary(word: &str) -> bool {
    bilingual::senses(word).next().is_some()
}

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word> {
    words_with(text, Dictionaries::All)
}

/// Which bundled dictionaries a pair's words are looked up in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dictionaries {
    /// Both: Chinese–English and those between Latin-script languages.
    All,
    /// Chinese–English only: a side is Chinese, so a Latin-script word's counterpart is found
    /// through the Chinese words' senses, and a German–French entry would only add noise.
    Chinese,
}

/// The words of `text`, in order, looked up in `dictionaries`.
pub fn words_with(text: &str, dictionaries: Dictionaries) -> Vec<Word> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    let mut sentence_start = true;
    while k < chars.len() {
        let (at, c) = chars[k];
        if is_han(c) {
            let end = (k..chars.len()).find(|&e| !is_han(chars[e].1)).unwrap_or(chars.len());
            let to = chars.get(end).map_or(text.len(), |&(i, _)| i);
            han_words(&text[at..to], at, &mut out);
            k = end;
            sentence_start = false;
            continue;
        }
        if c.is_alphanumeric() {
            let end = (k..chars.len())
                .find(|&e| {
                    let c = chars[e].1;
                    !(c.is_alphanumeric() && !is_han(c)
                        || matches!(c, '.' | ',')
                            && e + 1 < chars.len()
                            && chars[e + 1].1.is_ascii_digit()
                            && chars[e - 1].1.is_ascii_digit())
                })
                .unwrap_or(chars.len());
            let to = chars.get(end).map_or(text.len(), |&(i, _)| i);
            let word = &text[at..to];
            if word.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',')) {
                let value: String = word.chars().filter(char::is_ascii_digit).collect();
                let key = format!("#{}", value.trim_start_matches('0'));
                out.push(Word { key, senses: Vec::new(), span: at..to });
            } else {
                let lower = word.to_lowercase();
                let capital = word.starts_with(char::is_uppercase) && !sentence_start;
                // Two letters count when capitalised: `Li`, `Wu`, `Xu` are names (pinyin).
                let long = match word.chars().count() {
                    0 | 1 => false,
                    2 => word.starts_with(char::is_uppercase) && !is_stop(&lower),
                    _ => true,
                };
                if long && (!is_stop(&lower) || capital) {
                    // An irregular form also stands for its word (`said` for `say`).
                    let mut senses: Vec<String> =
                        lemma(&lower).map(|base| format!("w:{}", stem(base))).into_iter().collect();
                    let key = stem(word);
                    // A word of one language also stands for its translations in another.
                    if dictionaries == Dictionaries::All {
                        senses.extend(bilingual::senses(word).map(str::to_string));
                    }
                    out.push(Word { key: format!("w:{key}"), senses, span: at..to });
                }
            }
            sentence_start = false;
            k = end;
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '"' | '“' | '«' | '‘' | '\'' | '\n' | ':' | '—') {
            sentence_start = true;
        }
        // A question, an exclamation or a trailing off is one in any language: a run of
        // marks (`?!`, `……`) counts once.
        let mark = match c {
            '?' | '？' => Some("p:?"),
            '!' | '！' => Some("p:!"),
            '…' => Some("p:…"),
            '.' if chars.get(k + 1).is_some_and(|n| n.1 == '.') => Some("p:…"),
            _ => None,
        };
        if let Some(mark) = mark
            && !chars.get(k.wrapping_sub(1)).is_some_and(|p| matches!(p.1, '?' | '？' | '!' | '！' | '…' | '.'))
        {
            out.push(Word { key: mark.to_string(), senses: Vec::new(), span: at..at + c.len_utf8() });
        }
        k += 1;
    }
    out
}

/// Chinese words of a run of Han characters, longest match first on the dictionary; a name
/// (a surname and one or two characters) also stands for its pinyin, whole and given name.
fn han_words(run: &str, offset: usize, out: &mut Vec<Word>) {
    let dict = cedict();
    let chars: Vec<char> = run.chars().collect();
    // Where each character starts in `run`: candidate words are slices of it, never copies.
    let starts: Vec<usize> = run.char_indices().map(|(b, _)| b).chain([run.len()]).collect();
    let byte = |k: usize| offset + starts[k];
    let mut k = 0;
    while k < chars.len() {
        let mut len = MAX_WORD.min(chars.len() - k);
        let mut senses = None;
        while len > 0 {
            let w = &run[starts[k]..starts[k + len]];
            if let Some(s) = dict.senses(w) {
                senses = Some((w, s));
                break;
            }
            len -= 1;
        }
        let (w, found) = match senses {
            Some((w, s)) => (w, s.iter().map(|&id| dict.keys[id as usize].to_string()).collect::<Vec<_>>()),
            None => {
                len = 1;
                (&run[starts[k]..starts[k + 1]], Vec::new())
            }
        };
        let mut senses = found;
        if let Some(surname) = dict.surnames.get(&chars[k]) {
            let given = |n: usize| -> Option<String> {
                chars.get(k + 1..k + 1 + n)?.iter().map(|c| dict.readings.get(c).map(String::as_str)).collect()
            };
            senses.push(format!("w:{}", stem(surname)));
            for n in [1, 2] {
                if let Some(g) = given(n) {
                    senses.push(format!("w:{}", stem(&g)));
                    senses.push(format!("w:{}", stem(&format!("{surname}{g}"))));
                }
            }
        }
        if !is_han_stop(w) {
            out.push(Word { key: format!("z:{w}"), senses, span: byte(k)..byte(k + len) });
        }
        k += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.key).collect()
    }

    #[test]
    fn latin_words_are_stemmed_and_function_words_dropped() {
        assert_eq!(keys("The governments governed 1,200 villages."), ["w:govern", "w:govern", "#1200", "w:villag"]);
        assert_eq!(keys("Le gouvernement a décidé."), ["w:gouver", "w:decid"]);
    }

    #[test]
    fn questions_exclamations_and_trailing_off_are_words_of_every_language() {
        assert_eq!(keys("他犯了什么罪？可怜！"), ["z:犯", "z:什么", "z:罪", "p:?", "z:可怜", "p:!"]);
        let en = keys("What have they done?! Poor things... Well…");
        assert_eq!(en.iter().filter(|k| k.starts_with("p:")).collect::<Vec<_>>(), ["p:?", "p:…", "p:…"]);
        assert!(keys("Mr. Smith came.").iter().all(|k| !k.starts_with("p:")), "a full stop is no mark");
    }

    #[test]
    fn irregular_forms_also_stand_for_their_word() {
        let said = &words("Then she said it.")[0];
        assert_eq!((said.key.as_str(), &said.senses[..]), ("w:said", &["w:say".to_string()][..]));
        // `说` (to say) finds the `said` of its translation.
        assert!(words("他说").iter().any(|w| w.senses.contains(&"w:say".to_string())));
        assert_eq!(keys("He didn't walk, they couldn't."), ["w:walk"], "what a contraction leaves is a function word");
    }

    #[test]
    fn chinese_words_carry_english_stems() {
        let w = words("北风如刀，满地冰霜。");
        assert_eq!(w[0].key, "z:北");
        assert!(w[0].senses.contains(&"w:north".to_string()), "{:?}", w[0]);
        assert_eq!(words("人工智能很重要")[0].key, "z:人工智能", "the longest word first");
        assert!(w.iter().any(|w| w.senses.contains(&"w:knif".to_string())), "{w:?}");
    }

    #[test]
    #[ignore = "a measurement: cargo test --release --lib lexicon -- --ignored --nocapture"]
    fn dictionary_load_time() {
        let t = std::time::Instant::now();
        let mut text = String::new();
        flate2::read::GzDecoder::new(CEDICT_GZ).read_to_string(&mut text).unwrap();
        let inflated = t.elapsed();
        let dict = parse_cedict(&text);
        println!(
            "CC-CEDICT: inflated in {inflated:?}, parsed in {:?}: {} headwords, {} stems",
            t.elapsed() - inflated,
            dict.senses.len(),
            dict.keys.len()
        );
    }

    #[test]
    fn names_go_through_pinyin() {
        let w = words("陈清扬说");
        let all: Vec<&String> = w.iter().flat_map(|w| &w.senses).collect();
        assert!(all.contains(&&"w:chenqi".to_string()) || all.contains(&&"w:qingya".to_string()), "{w:?}");
        let en = keys("Then Chen Qingyang came.");
        assert!(en.contains(&"w:qingya".to_string()), "{en:?}");
        assert_eq!(keys("Li Wu is at it."), ["w:li", "w:wu"], "two-letter names count, two-letter words do not");
        assert!(words("李").iter().any(|w| w.senses.contains(&"w:li".to_string())));
    }
}
