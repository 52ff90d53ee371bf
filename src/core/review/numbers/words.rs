//! The words of numbers in English and French: cardinals, ordinals, approximations (`une
//! quarantaine`), months, scale words, and the small words around numbers (`to`, `ou`, `per cent`).

use super::{Tok, Token};

const CARDINALS: &[(&str, u32)] = &[
    ("zero", 0),
    ("zéro", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    // `threescore and ten`: the older English count in twenties.
    ("twoscore", 40),
    ("threescore", 60),
    ("fourscore", 80),
    ("un", 1),
    ("une", 1),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("dix", 10),
    ("onze", 11),
    ("douze", 12),
    ("treize", 13),
    ("quatorze", 14),
    ("quinze", 15),
    ("seize", 16),
    ("vingt", 20),
    ("vingts", 20),
    ("trente", 30),
    ("quarante", 40),
    ("cinquante", 50),
    ("soixante", 60),
    ("septante", 70),
    ("huitante", 80),
    ("octante", 80),
    ("nonante", 90),
    ("cent", 100),
    ("cents", 100),
];

/// German number words, alone (`zehn`) or glued into one (`dreihundertfünfundzwanzig`, see
/// [`german`]).
const GERMAN: &[(&str, u32)] = &[
    ("eins", 1),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
    ("zehn", 10),
    ("zwölf", 12),
    ("dreizehn", 13),
    ("vierzehn", 14),
    ("fünfzehn", 15),
    ("sechzehn", 16),
    ("siebzehn", 17),
    ("achtzehn", 18),
    ("neunzehn", 19),
    ("zwanzig", 20),
    ("dreissig", 30),
    ("dreißig", 30),
    ("vierzig", 40),
    ("fünfzig", 50),
    ("sechzig", 60),
    ("siebzig", 70),
    ("achtzig", 80),
    ("neunzig", 90),
    ("hundert", 100),
];
/// Parts a glued German number has beyond [`GERMAN`]'s words (`ein` and `elf` are numbers only
/// inside one: alone they are an article and an elf).
const GERMAN_PARTS: [(&str, u32); 3] = [("tausend", 1000), ("ein", 1), ("elf", 11)];
const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
    ("thousandth", 1000),
    ("premier", 1),
    ("première", 1),
    ("deuxième", 2),
    ("troisième", 3),
    ("quatrième", 4),
    ("cinquième", 5),
    ("sixième", 6),
    ("septième", 7),
    ("huitième", 8),
    ("neuvième", 9),
    ("dixième", 10),
    ("onzième", 11),
    ("douzième", 12),
    ("treizième", 13),
    ("quatorzième", 14),
    ("quinzième", 15),
    ("seizième", 16),
    ("vingtième", 20),
    ("trentième", 30),
    ("quarantième", 40),
    ("cinquantième", 50),
    ("soixantième", 60),
    ("centième", 100),
    ("millième", 1000),
];
const APPROX: &[(&str, u32)] = &[
    ("dizaine", 10),
    ("douzaine", 12),
    ("quinzaine", 15),
    ("vingtaine", 20),
    ("trentaine", 30),
    ("quarantaine", 40),
    ("cinquantaine", 50),
    ("soixantaine", 60),
    ("centaine", 100),
    ("millier", 1000),
    ("dozen", 12),
];
/// Counts in the plural, alone (`dozens of`, `des centaines de`): two to nine of the unit.
const PLURALS: &[(&str, u32)] = &[
    ("tens", 10),
    ("dozens", 12),
    ("scores", 20),
    ("hundreds", 100),
    ("dizaines", 10),
    ("douzaines", 12),
    ("vingtaines", 20),
    ("centaines", 100),
];
/// Decades and ages in words (`the sixties`, `in her forties`): ten years from the value.
const DECADES: &[(&str, u32)] = &[
    ("twenties", 20),
    ("thirties", 30),
    ("forties", 40),
    ("fifties", 50),
    ("sixties", 60),
    ("seventies", 70),
    ("eighties", 80),
    ("nineties", 90),
];
/// The hours a word names (`noon`, `à midi`, `minuit`): a clock time, only ever a confirmation.
const HOURS: [(&str, u8); 7] =
    [("noon", 12), ("midday", 12), ("midi", 12), ("mittag", 12), ("midnight", 0), ("minuit", 0), ("mitternacht", 0)];
const MONTHS: [[&str; 2]; 12] = [
    ["january", "janvier"],
    ["february", "février"],
    ["march", "mars"],
    ["april", "avril"],
    ["may", "mai"],
    ["june", "juin"],
    ["july", "juillet"],
    ["august", "août"],
    ["september", "septembre"],
    ["october", "octobre"],
    ["november", "novembre"],
    ["december", "décembre"],
];

/// Whether a word can be a known word, by its first letter and length alone (hyphenated words
/// and words opening with a non-ASCII letter are always looked up).
pub(super) fn might_be_known(word: &[char]) -> bool {
    static LENGTHS: std::sync::OnceLock<[u32; 26]> = std::sync::OnceLock::new();
    let lengths = LENGTHS.get_or_init(|| {
        let mut table = [0u32; 26];
        for w in known_words() {
            if let Some(f) = w.chars().next().filter(char::is_ascii_lowercase) {
                table[(f as u8 - b'a') as usize] |= 1 << w.chars().count().min(31);
            }
        }
        table
    });
    match word.first() {
        Some(f) if f.is_ascii_alphabetic() && !word.contains(&'-') => {
            word.len() < 32 && lengths[(f.to_ascii_lowercase() as u8 - b'a') as usize] & (1 << word.len()) != 0
        }
        _ => true,
    }
}

/// A set of short words hashed with FNV (no need for SipHash's resistance here, and faster).
type KnownWords = std::collections::HashSet<&'static str, crate::core::hash::FnvBuild>;

/// Every word the reader knows (cardinals, ordinals, approximations, months, scales, and the
/// small words around numbers), to pass over all the others at once.
pub(super) fn known_words() -> &'static KnownWords {
    static WORDS: std::sync::OnceLock<KnownWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut set: KnownWords = CARDINALS
            .iter()
            .chain(GERMAN)
            .chain(ORDINALS)
            .chain(APPROX)
            .chain(PLURALS)
            .chain(DECADES)
            .map(|(w, _)| *w)
            .collect();
        set.extend(MONTHS.iter().flatten());
        set.extend(HOURS.iter().map(|(w, _)| *w));
        set.extend([
            "of",
            "de",
            "to",
            "à",
            "or",
            "ou",
            "a",
            "an",
            "and",
            "et",
            "percent",
            "pourcent",
            "per",
            "pour",
            "thousand",
            "thousands",
            "milliers",
            "tausend",
            "decade",
            "decades",
            "tiers",
            "thirds",
            "quarts",
            "quarters",
            "décennie",
            "décennies",
            "mille",
            "milles",
            "million",
            "millions",
            "milliard",
            "milliards",
            "billion",
            "billions",
            "bn",
            "trillion",
            "trillions",
            "billiard",
        ]);
        set
    })
}

/// The English units and tens, by value (`UNITS[k]` is k + 1, `TENS[k]` is 10 × (k + 2)).
const UNITS: [&str; 9] = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// `twentyone`, `ninetynine`: tens and units written as one word (the hyphen lost), lower case.
pub(super) fn glued_tens(word: &str) -> Option<f64> {
    let (t, tens) = TENS.iter().enumerate().find(|(_, w)| word.starts_with(*w))?;
    let u = UNITS.iter().position(|w| *w == &word[tens.len()..])?;
    Some((10 * (t + 2) + u + 1) as f64)
}

/// An English number word only (`five`, `twenty-one`; not `six`, French as well): what a
/// following `cents` means money after.
pub(super) fn english_only(word: &str) -> bool {
    word.split('-')
        .all(|part| part != "six" && CARDINALS.iter().take_while(|(w, _)| *w != "un").any(|(w, _)| *w == part))
}

/// Spelled numbers and the words around numbers, in English and French; `after_english`: the
/// word before was an English number word only.
pub(super) fn words(word: &str, start: usize, out: &mut Vec<Token>, after_english: bool) {
    let end = start + word.chars().count();
    let push = |out: &mut Vec<Token>, tok: Tok| out.push(Token { tok, chars: (start, end) });
    match word {
        "to" | "à" | "or" | "ou" => return push(out, Tok::RangeSep),
        "a" | "an" => return push(out, Tok::Article),
        "and" | "et" => return push(out, Tok::And),
        "percent" | "pourcent" => return push(out, Tok::Percent),
        "cent" | "cents" if matches!(out.last().map(|t| t.tok), Some(Tok::Per)) => {
            out.pop();
            return push(out, Tok::Percent);
        }
        "per" | "pour" => return push(out, Tok::Per),
        // `tens of thousands`: `of` joins a plural count to its scale, and is nothing elsewhere.
        "of" | "de" => {
            let after_count = matches!(out.last().map(|t| t.tok), Some(Tok::Num { about: true, spelled: true, .. }));
            return push(out, if after_count { Tok::Of } else { Tok::Break });
        }
        // `deux cents` is 200, but `cents` alone is money, not a hundred, and so it is after an
        // English number (`five cents`).
        "cents" if !matches!(out.last().map(|t| t.tok), Some(Tok::Num { spelled: true, .. })) || after_english => {
            return push(out, Tok::Break);
        }
        _ => {}
    }
    // `the last decade`: ten years, with no count before it; only ever a confirmation.
    if matches!(word, "decade" | "décennie") && !matches!(out.last().map(|t| t.tok), Some(Tok::Num { .. })) {
        return push(out, Tok::Num { lo: 10.0, hi: 10.0, spelled: true, ordinal: true, about: false });
    }
    if let Some(scale) = scale_word(word) {
        return push(out, Tok::Scale(scale));
    }
    // `le tiers`, `deux tiers`, `two thirds`, `trois quarts`: a fraction, the count before it
    // its numerator; only ever a confirmation (`1/3`).
    if let Some(part) = match word {
        "tiers" | "thirds" => Some(3.0),
        // (`a quarter to five`, `quatre heures et quart` are clock times: see `half`.)
        "quarts" | "quarters" => Some(4.0),
        "third" if matches!(out.last().map(|t| t.tok), Some(Tok::Article)) => Some(3.0),
        _ => None,
    } {
        let (count, from) = match out.last().map(|t| (t.tok, t.chars.0)) {
            Some((Tok::Num { lo, hi, .. }, from)) if lo == hi && lo < part => {
                out.pop();
                (lo, from)
            }
            _ => (1.0, start),
        };
        let v = count / part;
        let tok = Tok::Num { lo: v, hi: v, spelled: true, ordinal: true, about: false };
        return out.push(Token { tok, chars: (from, end) });
    }
    if let Some((_, unit)) = PLURALS.iter().find(|(w, _)| *w == word) {
        let (lo, hi) = super::about::plural(*unit as f64);
        return push(out, Tok::Num { lo, hi, spelled: true, ordinal: false, about: true });
    }
    if let Some((_, v)) = DECADES.iter().find(|(w, _)| *w == word) {
        let v = *v as f64;
        return push(out, Tok::Num { lo: v, hi: v + 9.0, spelled: true, ordinal: false, about: true });
    }
    // `une vingtaine`, `a dozen`: about that many.
    if let Some((_, v)) = APPROX.iter().find(|(w, _)| *w == word) {
        let (lo, hi) = super::about::around(*v as f64);
        return push(out, Tok::Num { lo, hi, spelled: true, ordinal: false, about: true });
    }
    // A month's name is its number (`mars 2023`, `2023年3月`), noon is 12 (`12 noon`, `à midi`);
    // only ever a confirmation.
    if let Some(m) = month(word).or_else(|| HOURS.iter().find(|(w, _)| *w == word).map(|&(_, h)| f64::from(h))) {
        return push(out, Tok::Num { lo: m, hi: m, spelled: true, ordinal: true, about: false });
    }
    // Hyphenated compounds: `quatre-vingt-dix-sept`, `twenty-one`, `vingt-et-un`; a number
    // that opens a compound is one (`eleven-year-old`), and `forty-odd` is about forty.
    let parts: Vec<&str> = word.split('-').collect();
    let mut value = 0.0f64;
    let mut any = false;
    let mut odd = false;
    let mut prev = "";
    let mut ordinal = false;
    for part in &parts {
        let (v, ord) = match number_word(part) {
            Some(v) => v,
            None if *part == "et" && any => {
                prev = part;
                continue;
            }
            // `sixty-thousand-ton`.
            None if any && scale_word(part).is_some() => {
                value *= scale_word(part).unwrap_or(1.0);
                prev = part;
                continue;
            }
            None => {
                odd = any && *part == "odd";
                break;
            }
        };
        ordinal |= ord;
        if (*part == "vingt" || *part == "vingts") && prev == "quatre" {
            value += 80.0 - 4.0;
        } else if v == 100.0 {
            value = value.max(1.0) * 100.0;
        } else {
            value += v;
        }
        any = true;
        prev = part;
    }
    // `seize` is sixteen in French and a verb in English: it confirms, never stands alone.
    let ordinal = ordinal || word == "seize";
    if any && odd {
        let (lo, hi) = super::about::odd(value);
        push(out, Tok::Num { lo, hi, spelled: true, ordinal, about: true });
    } else if any {
        push(out, Tok::Num { lo: value, hi: value, spelled: true, ordinal, about: false });
    } else {
        push(out, Tok::Break);
    }
}

/// A German number written as one word (`hundertfünfzig` 150, `vierundzwanzig` 24,
/// `zweitausend` 2000), or `None` when the word is anything else.
pub(super) fn german(word: &[char]) -> Option<f64> {
    // Longest first, so that `sechzehn` is not read as `sechs`.
    static PARTS: std::sync::OnceLock<Vec<(&str, u32)>> = std::sync::OnceLock::new();
    let known = PARTS.get_or_init(|| {
        let mut all: Vec<(&str, u32)> = GERMAN.iter().chain(&GERMAN_PARTS).copied().collect();
        all.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        all
    });
    let lower: String = word.iter().flat_map(|c| c.to_lowercase()).collect();
    let mut rest = lower.as_str();
    let (mut total, mut group, mut parts) = (0.0f64, 0.0f64, 0);
    while !rest.is_empty() {
        if parts > 0
            && let Some(after) = rest.strip_prefix("und")
        {
            rest = after;
            continue;
        }
        let (w, v) = known.iter().find(|(w, _)| rest.starts_with(w))?;
        rest = &rest[w.len()..];
        parts += 1;
        match *v {
            100 => group = group.max(1.0) * 100.0,
            1000 => {
                total += group.max(1.0) * 1000.0;
                group = 0.0;
            }
            v => group += f64::from(v),
        }
    }
    (parts >= 2).then_some(total + group)
}

/// A German number glued to a suffix, as one word: `zwanzigmal` (twenty times), `dreifach`,
/// `zehnjährigen` (ten years old), and the decades `dreissiger` / `Dreißigerjahre` (the
/// thirties, 30 to 39): the lowest and highest values it stands for. `einmal` (once, or some day) is
/// not counted.
pub(super) fn german_glued(word: &[char]) -> Option<(f64, f64)> {
    let lower: String = word.iter().flat_map(|c| c.to_lowercase()).collect();
    let value = |stem: &str| -> Option<f64> {
        let chars: Vec<char> = stem.chars().collect();
        GERMAN.iter().find(|(w, _)| *w == stem).map(|(_, v)| f64::from(*v)).or_else(|| german(&chars))
    };
    // The decades: a tens word and `er`, with `Jahre` glued on or not.
    for end in ["erjahren", "erjahre", "er"] {
        if let Some(stem) = lower.strip_suffix(end)
            && let Some(v) = value(stem).filter(|v| (20.0..=90.0).contains(v) && v % 10.0 == 0.0)
        {
            return Some((v, v + 9.0));
        }
    }
    const ENDS: [&str; 9] = ["mal", "fach", "fache", "fachen", "jährig", "jährige", "jährigen", "jähriger", "jähriges"];
    let (stem, v) = ENDS.iter().filter_map(|e| lower.strip_suffix(e)).find_map(|stem| Some((stem, value(stem)?)))?;
    (v >= 2.0 && !stem.is_empty()).then_some((v, v))
}

/// Whether a lower-case word is a month's name in English or French.
pub(super) fn is_month(w: &str) -> bool {
    month(w).is_some()
}

fn month(w: &str) -> Option<f64> {
    MONTHS.iter().position(|m| m.contains(&w)).map(|k| (k + 1) as f64)
}

fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "decade" | "decades" | "décennie" | "décennies" => 10.0,
        "thousand" | "thousands" | "mille" | "milles" | "milliers" | "tausend" => 1e3,
        "million" | "millions" => 1e6,
        "milliard" | "milliards" | "billion" | "billions" | "bn" => 1e9,
        "trillion" | "trillions" | "billiard" => 1e12,
        _ => return None,
    })
}

/// The value of one number word, and whether it is an ordinal.
fn number_word(w: &str) -> Option<(f64, bool)> {
    if let Some((_, v)) = CARDINALS.iter().chain(GERMAN).find(|(k, _)| *k == w) {
        return Some((*v as f64, false));
    }
    ORDINALS.iter().find(|(k, _)| *k == w).map(|(_, v)| (*v as f64, true))
}
