//! Names and tokens that a translation keeps as they are — model names, acronyms, mixed-case
//! brand names, URLs, e-mail addresses, Latin words inside Chinese — found on one side only.

use std::collections::HashSet;
use std::ops::Range;

use super::{Flag, FlagKind, Span, flag_at, units};
use crate::core::document::Pair;
use crate::core::lexicon::Dictionaries;
use crate::core::side::{Side, Sides};
use crate::core::text::{is_alnum, is_cjk};

/// A token that should survive translation, where it is, and whether it is strong enough to be
/// expected on the other side even when the other document never uses it elsewhere.
#[derive(Debug, Clone, PartialEq)]
struct Token {
    key: String,
    chars: Range<usize>,
    text: String,
    strong: bool,
}

fn tokens(text: &str) -> Vec<Token> {
    // Only a digit, two capitals in a word, an address, or Latin letters beside CJK can make a
    // token: most turns have none, and this glance at the bytes says so.
    let (mut capitals, mut latin, mut cjk, mut cand) = (0, false, false, false);
    let bytes = text.as_bytes();
    for (k, &b) in bytes.iter().enumerate() {
        if b.is_ascii_alphanumeric() {
            latin = true;
            cand |= b.is_ascii_digit();
            capitals += usize::from(b.is_ascii_uppercase());
        } else if b == 0xC3 {
            // Latin-1 letters: capitals are C3 80–9E (À, É…), the others lower case.
            capitals += usize::from(bytes.get(k + 1).is_some_and(|n| (0x80..=0x9E).contains(n)));
        } else if b >= 0x80 {
            // Lead bytes E3 and above: CJK (and other scripts of the BMP); continuation bytes are
            // part of the letter before.
            cjk |= b >= 0xE3;
            if b >= 0xC0 {
                capitals = 0;
            }
        } else {
            cand |= b == b'@' || b == b'/';
            capitals = 0;
        }
        cand |= capitals >= 2;
        if cand {
            break;
        }
    }
    if !(cand || latin && cjk) {
        return Vec::new();
    }
    let c: Vec<char> = text.chars().collect();
    let n = c.len();
    let mut out = Vec::new();
    let mut i = 0;
    let word_char = |ch: char| if ch.is_ascii() { ch.is_ascii_alphanumeric() } else { !is_cjk(ch) && is_alnum(ch) };
    while i < n {
        if !word_char(c[i]) || (i > 0 && word_char(c[i - 1])) {
            i += 1;
            continue;
        }
        let start = i;
        // A URL or an e-mail address runs over dots, slashes and the like; any other word is
        // joined only by `-`, `_` and a dot between digits (`GPT-3.5`).
        let scan = |wide: bool| {
            let mut e = start;
            while e < n {
                let ch = c[e];
                let next_word = e + 1 < n && word_char(c[e + 1]);
                let ok = word_char(ch)
                    || (wide && c[e..].starts_with(&[':', '/', '/']))
                    || (wide && ch == '/' && e > start && matches!(c[e - 1], ':' | '/'))
                    || (wide && next_word && matches!(ch, '.' | '@' | '/' | ':' | '?' | '=' | '&' | '%' | '#'))
                    || (next_word && matches!(ch, '-' | '_'))
                    || (ch == '.' && e > start && c[e - 1].is_ascii_digit() && e + 1 < n && c[e + 1].is_ascii_digit());
                if !ok {
                    break;
                }
                e += 1;
            }
            e
        };
        // The wide scan only where a URL or an address can go on.
        let narrow = scan(false);
        i = narrow;
        if narrow < n && matches!(c[narrow], '.' | '@' | ':' | '/') {
            let wide_end = scan(true);
            let wide: String = c[start..wide_end].iter().collect();
            let url = wide.contains("://") || wide.starts_with("www.") || (wide.contains('.') && wide.contains('/'));
            let email = wide.contains('@') && wide.rsplit('@').next().is_some_and(|d| d.contains('.'));
            if url || email {
                i = wide_end;
                let key: String = wide.chars().filter(|ch| ch.is_alphanumeric()).flat_map(char::to_lowercase).collect();
                out.push(Token { key, chars: start..i, text: wide, strong: true });
                continue;
            }
        }
        let w = &c[start..i];
        let before_cjk = start > 0 && is_cjk(c[start - 1]);
        let after_cjk = i < n && is_cjk(c[i]);
        let (mut letters, mut digits, mut upper) = (0, 0, 0);
        for &ch in w {
            letters += usize::from(ch.is_alphabetic());
            digits += usize::from(ch.is_ascii_digit());
            upper += usize::from(ch.is_uppercase());
        }
        // Most words are plain lower-case words: nothing to keep.
        if upper == 0 && digits == 0 && !(before_cjk || after_cjk) {
            continue;
        }
        let word: String = w.iter().collect();
        // `(IT)`, `(DE)`: the language a member spoke, which the European Parliament's record
        // writes before the speech in some languages only.
        if start > 0 && c[start - 1] == '(' && c.get(i) == Some(&')') && LANGUAGE_TAGS.contains(&word.as_str()) {
            continue;
        }
        // `21st`, `448e`, `XXIe`, `3K`, `7cm`: an ordinal or a number with its unit, no name;
        // `l966`: a number misread by a scan.
        if is_ordinal_or_measure(&word) || super::numbers::is_ocr_number(w) {
            continue;
        }
        // `A100`, `GPT-4`, `4o`, `H20`: digits with a capital or a short tag, not `100-model`.
        let mixed = letters >= 1 && digits >= 1 && (upper >= 1 || letters <= 3);
        // `OpenAI`, `ChatGPT`, `DeepSeek`; not `États-Unis` (each part is capitalised once).
        let inner_capital = word
            .split(['-', '_'])
            .any(|p| p.chars().skip(1).any(char::is_uppercase) && p.chars().any(char::is_lowercase))
            && !(letters >= 3 && word.ends_with('s') && upper == letters - 1);
        // `NASA`, `NPCs`
        let acronym = letters >= 2 && (upper == letters || (word.ends_with('s') && upper == letters - 1));
        // `Nvidia` inside Chinese; not `app` or `vlog`, words written in Latin letters that no
        // capital marks as a name.
        let in_cjk = (before_cjk || after_cjk) && letters >= 2 && upper >= 1;
        let strong = mixed || inner_capital;
        if strong || acronym || in_cjk {
            let key: String = word.chars().filter(|ch| ch.is_alphanumeric()).flat_map(char::to_lowercase).collect();
            out.push(Token { key, chars: start..i, text: word, strong });
        }
    }
    out
}

/// The languages' codes a parliament's record writes in brackets before a speech given in them.
const LANGUAGE_TAGS: [&str; 28] = [
    "BG", "CS", "DA", "DE", "EL", "EN", "ES", "ET", "FI", "FR", "GA", "HR", "HU", "IT", "LT", "LV", "MT", "NL", "PL",
    "PT", "RO", "SK", "SL", "SV", "ZH", "JA", "RU", "AR",
];

/// A number with an ordinal ending or a unit glued to it, or a Roman numeral with an ordinal
/// ending (`XXIe siècle`): the numbers check's, never a name.
fn is_ordinal_or_measure(word: &str) -> bool {
    let digits = word.chars().take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',')).count();
    let (head, tail) = word.split_at(word.char_indices().nth(digits).map_or(word.len(), |(b, _)| b));
    if head.starts_with(|c: char| c.is_ascii_digit()) {
        // `45-m-Seile`, `10-km`: a measure joined to its noun.
        let unit = tail.strip_prefix('-').map_or(tail, |t| t.split('-').next().unwrap_or(t));
        // `20h25`, `17h`: a French clock time.
        let clock = tail
            .strip_prefix(['h', 'H'])
            .is_some_and(|m| m.is_empty() || (m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit())));
        return units::is_ordinal_ending(tail) || units::is_unit(unit) || clock;
    }
    // `II`, `XIV`: a Roman numeral alone (`recommandations I et II` for "Recommendations 1
    // and 2") is a number, the numbers check's.
    if !word.is_empty() && word.len() <= 6 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return true;
    }
    // Roman numerals: `XXIe`, `IVe`, `XIXth`.
    let roman = word.chars().take_while(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M')).count();
    let rest = &word[roman..];
    roman >= 1 && !rest.is_empty() && units::is_ordinal_ending(rest)
}

/// Per side, the tokens of every turn, and every key the document uses — to tell a name the
/// translation renders otherwise (the other document never has it) from one it dropped here.
/// Computed once per pair.
pub(super) struct Vocabularies {
    turns: Sides<Vec<Vec<Token>>>,
    keys: Sides<HashSet<String>>,
    /// Which dictionaries the pair's words are looked up in (read from its first turns, once).
    dictionaries: crate::core::lexicon::Dictionaries,
}

impl Vocabularies {
    pub(super) fn of(pair: &Pair) -> Self {
        let turns =
            Sides::from_fn(|side| pair.doc(side).turns.turns.iter().map(|t| tokens(&t.text)).collect::<Vec<_>>());
        let keys = turns.as_ref().map(|v| v.iter().flatten().map(|t| t.key.clone()).collect());
        let dictionaries =
            crate::core::align::counterparts::dictionaries(&pair.docs.left.turns, &pair.docs.right.turns);
        Vocabularies { turns, keys, dictionaries }
    }
}

/// A URL, an e-mail address or a code with digits (`C-98`, `ISO9001`, `GPT-4`): copied
/// character for character, or it points elsewhere.
fn exact(token: &Token) -> bool {
    token.text.chars().any(|c| c.is_ascii_digit() || c == '@')
        || token.text.contains("://")
        || token.text.starts_with("www.")
}

/// Flags a paired row whose one side writes a URL, an address or a code otherwise than the
/// other (`C-98` and `C98`, `ISO 9001` kept, `example.org/A` and `example.org/a`).
fn check_exact(pair: &Pair, row: usize, found: &Sides<Vec<(usize, &Token)>>) -> Option<Flag> {
    let mut spans: Sides<Vec<Span>> = Sides::default();
    let mut say = Vec::new();
    for (t, k) in found.left.iter().filter(|(_, k)| exact(k)) {
        let same_key: Vec<&(usize, &Token)> = found.right.iter().filter(|(_, o)| o.key == k.key).collect();
        if same_key.is_empty() || same_key.iter().any(|(_, o)| o.text == k.text) {
            continue;
        }
        let (rt, other) = same_key[0];
        spans.left.push(Span { turn: *t, chars: k.chars.clone(), text: k.text.clone() });
        spans.right.push(Span { turn: *rt, chars: other.chars.clone(), text: other.text.clone() });
        say.push(format!("{} ≠ {}", k.text, other.text));
    }
    (!say.is_empty()).then(|| flag_at(pair, FlagKind::Tokens, row, spans, say.join("; ")))
}

/// Flags a paired row holding a name on one side only, and one whose code or address is
/// written otherwise on the other side.
pub(super) fn check_row(pair: &Pair, row: usize, vocab: &Vocabularies) -> Vec<Flag> {
    let link = &pair.alignment.links[row];
    let found = Sides::from_fn(|side| {
        let per_turn = &vocab.turns[side];
        link.turns(side).clone().flat_map(|t| per_turn[t].iter().map(move |k| (t, k))).collect::<Vec<_>>()
    });
    check_exact(pair, row, &found).into_iter().chain(check_missing(pair, row, vocab)).collect()
}

/// The turns of a side in a row and the rows either side of it: where a name's counterpart may
/// be when the alignment put a sentence one row off.
fn around(pair: &Pair, row: usize, side: Side) -> Range<usize> {
    let links = &pair.alignment.links;
    let first = links[row.saturating_sub(1)].turns(side).start.min(links[row].turns(side).start);
    let last = links.get(row + 1).map_or(0, |l| l.turns(side).end).max(links[row].turns(side).end);
    first..last
}

/// The parts of a name of four letters or more (`D.Anker/M.Piola`: `anker`, `piola`;
/// `ZinalRothorn`: `zinal`, `rothorn`), lower case: one of them on the other side is the name
/// written otherwise (`Rothorn de Zinal`).
fn parts(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut part = String::new();
    let mut prev_lower = false;
    for c in name.chars().chain([' ']) {
        let boundary = !c.is_alphabetic() || (c.is_uppercase() && prev_lower);
        if boundary {
            if part.chars().count() >= 4 {
                out.push(std::mem::take(&mut part));
            }
            part.clear();
        }
        if c.is_alphabetic() {
            part.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase();
    }
    out
}

/// A word of capitalised common words run together (`SommerEnde`, `SeeEnde`: German nouns a
/// scan or a lost hyphen joined, "end of summer"): no name, though its inner capital looks like
/// one's. Each part is a dictionary word of three letters or more, with its capital (`MythenWestwand`
/// keeps the mountain's name; `iPhone`, `DeepSeek` are no dictionary's German or French).
fn common_compound(word: &str) -> bool {
    let mut parts = Vec::new();
    let mut part = String::new();
    let mut prev_lower = false;
    for c in word.chars() {
        if !c.is_alphabetic() || (c.is_uppercase() && prev_lower) {
            parts.push(std::mem::take(&mut part));
        }
        if c.is_alphabetic() {
            part.push(c);
        }
        prev_lower = c.is_lowercase();
    }
    parts.push(part);
    parts.len() >= 2
        && parts.iter().all(|p| {
            p.chars().count() >= 3
                && p.starts_with(char::is_uppercase)
                && p.chars().skip(1).all(char::is_lowercase)
                && crate::core::lexicon::in_latin_dictionary(p)
        })
}

/// Flags a paired row holding a name on one side only: its counterpart is neither in the row
/// nor in the rows either side of it, in the same spelling, its parts, or its digits as a number.
fn check_missing(pair: &Pair, row: usize, vocab: &Vocabularies) -> Option<Flag> {
    let link = &pair.alignment.links[row];
    let found = Sides::from_fn(|side| {
        let per_turn = &vocab.turns[side];
        link.turns(side).clone().flat_map(|t| per_turn[t].iter().map(move |k| (t, k))).collect::<Vec<_>>()
    });
    if found.left.is_empty() && found.right.is_empty() {
        return None;
    }
    let near = Sides::from_fn(|side| around(pair, row, side));
    let keys = Sides::from_fn(|side: Side| {
        near[side].clone().flat_map(|t| vocab.turns[side][t].iter().map(|k| k.key.as_str())).collect::<HashSet<&str>>()
    });
    let text = |side: Side| near[side].clone().map(move |t| pair.doc(side).turns.turns[t].text.as_str());
    // Each side's words run together, lower case: a name written with a hyphen, a space or
    // other capitals there (`SaasFee` for `Saas-Fee`, `ZinalRothorn` for `Zinal-Rothorn`) is kept.
    let plain = Sides::from_fn(|side| {
        text(side).flat_map(str::chars).filter(|&c| is_alnum(c)).flat_map(char::to_lowercase).collect::<String>()
    });
    // And its words one by one (`KLL` of `KLL-Seilbahn`).
    let words = Sides::from_fn(|side| {
        text(side)
            .flat_map(|t| t.split(|c: char| !is_alnum(c)))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<HashSet<String>>()
    });
    // The initials of each side's words in order, function words left out (`Union européenne`:
    // `ue`), each with whether its word is capitalised: where an acronym's expansion is looked for.
    let initials = Sides::from_fn(|side| {
        text(side)
            .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
            .filter(|w| w.chars().count() >= 2 && !crate::core::lexicon::is_stop_word(w))
            .filter_map(|w| w.chars().next().map(|c| (c.to_lowercase().next().unwrap_or(c), c.is_uppercase())))
            .collect::<Vec<(char, bool)>>()
    });
    // The words of each side's stretch, with their senses: read only when a name is not found
    // otherwise (most rows hold none).
    let dictionaries = vocab.dictionaries;
    let mut near_words = Sides::from_fn(|side: Side| NearWords {
        texts: text(side).collect::<Vec<_>>().join("\n"),
        dictionaries,
        read: None,
    });
    let odd = Sides::from_fn(|side| {
        let other = side.other();
        let mut seen = HashSet::new();
        let mut numbers: Option<Vec<super::numbers::Quantity>> = None;
        found[side]
            .iter()
            .filter(|(_, k)| {
                // Numbers alone are the numbers check's; a name inside another (`GPT` in `GPT-4`) counts as there.
                let elsewhere = keys[other].iter().any(|o| o.contains(k.key.as_str()) || k.key.contains(o))
                    || (k.key.chars().count() >= 4 && plain[other].contains(k.key.as_str()))
                    || words[other].contains(&k.key)
                    || parts(&k.text).iter().any(|p| words[other].contains(p))
                    || acronym_answered(&k.text, &keys[other], &initials[other]);
                // `R5` for `Stand 5`, `28G` for `twenty-eight gigabytes`: the digits as a number.
                let mut digits = || {
                    let value: String = k.text.chars().filter(char::is_ascii_digit).collect();
                    let value: f64 = value.parse().ok()?;
                    let there = numbers.get_or_insert_with(|| text(other).flat_map(super::numbers::read).collect());
                    Some(there.iter().any(|q| q.lo == value && q.hi == value))
                };
                let by_number = !elsewhere && k.text.chars().any(|c| c.is_ascii_digit()) && digits() == Some(true);
                // `NASA` for `美国国家航空航天局`, `联合国` for `UN`: a dictionary or a name's pinyin.
                let by_word = !elsewhere && !by_number && answered(&k.text, &mut near_words[other]);
                !elsewhere
                    && !by_number
                    && !by_word
                    && (k.strong || vocab.keys[other].contains(&k.key))
                    && (dictionaries != Dictionaries::All || !common_compound(&k.text))
                    && seen.insert(k.key.clone())
            })
            .map(|(t, k)| Span { turn: *t, chars: k.chars.clone(), text: k.text.clone() })
            .collect::<Vec<_>>()
    });
    if odd.left.is_empty() && odd.right.is_empty() {
        return None;
    }
    let say = |side: Side| odd[side].iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(", ");
    let message = match (odd.left.is_empty(), odd.right.is_empty()) {
        (false, false) => format!("{} only on the left; {} only on the right", say(Side::Left), say(Side::Right)),
        (false, true) => format!("{}: only on the left", say(Side::Left)),
        _ => format!("{}: only on the right", say(Side::Right)),
    };
    Some(flag_at(pair, FlagKind::Names, row, odd, message))
}

/// Whether an acronym is answered on the other side by the same letters in another order — an
/// acronym of the other language, whose adjectives follow their noun (`EU` / `UE`, `EPP` / `PPE`,
/// `NATO` / `OTAN`) — or by the words it stands for (`UE` for "European Union", `PPE` for
/// "European People's Party"): as many words in a row, the first capitalised, whose initials
/// are its letters in any order. `keys` are the other side's tokens' keys, `initials` its words'.
fn acronym_answered(text: &str, keys: &HashSet<&str>, initials: &[(char, bool)]) -> bool {
    let n = text.chars().count();
    if !(2..=6).contains(&n) || !text.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    let sorted = |s: &mut dyn Iterator<Item = char>| {
        let mut v: Vec<char> = s.flat_map(char::to_lowercase).collect();
        v.sort_unstable();
        v
    };
    let letters = sorted(&mut text.chars());
    keys.iter().any(|o| o.chars().count() == n && sorted(&mut o.chars()) == letters)
        || initials.windows(n).any(|w| w[0].1 && sorted(&mut w.iter().map(|(c, _)| *c)) == letters)
}

/// One side's text around a row and, once asked for, its words' keys and senses.
struct NearWords {
    texts: String,
    dictionaries: crate::core::lexicon::Dictionaries,
    read: Option<(HashSet<String>, HashSet<String>)>,
}

/// Whether a word of `name` and a word of `near` translate each other: one's key among the
/// other's senses, or a sense they share (a dictionary entry, a Chinese name's pinyin).
fn answered(name: &str, near: &mut NearWords) -> bool {
    use crate::core::lexicon::words_with;
    let (keys, senses) = near.read.get_or_insert_with(|| {
        let words = words_with(&near.texts, near.dictionaries);
        let keys = words.iter().map(|w| w.key.clone()).collect();
        let senses = words.into_iter().flat_map(|w| w.senses).collect();
        (keys, senses)
    });
    words_with(name, near.dictionaries)
        .iter()
        .filter(|w| !w.key.starts_with('#'))
        .any(|w| senses.contains(&w.key) || w.senses.iter().any(|s| keys.contains(s) || senses.contains(s)))
}

#[cfg(test)]
#[path = "names_tests.rs"]
mod tests;
