//! Latin-script words as the aligner compares them: stems shared by English, French and German,
//! function words that say nothing, and the English forms no suffix rule brings to their word.

use std::sync::OnceLock;

/// A Latin-script word brought to a key shared by English, French and German: lower case,
/// accents off, a plural or verb ending dropped (with the consonant it doubled, `stopped` →
/// `stop`, and `-ies`, `-ied` → `-y`), a final `e` dropped so that `move`, `moved` and `moving`
/// meet, at most six letters (`governments` → `govern`, `gouvernement` → `gouver`). Crude,
/// and the same on both sides.
pub fn stem(word: &str) -> String {
    let mut w = fold(word);
    for possessive in ["'s", "’s"] {
        if let Some(base) = w.strip_suffix(possessive) {
            w = base.to_string();
        }
    }
    let letters = w.chars().count();
    if letters > 4 && (w.ends_with("ies") || w.ends_with("ied")) {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if let Some(suffix) = ["ing", "ed"].into_iter().find(|s| letters > s.len() + 2 && w.ends_with(s)) {
        w.truncate(w.len() - suffix.len());
        // `stopp`, `runn` → `stop`, `run`; `call`, `pass` keep theirs.
        let b = w.as_bytes();
        if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] && b"bdgmnprt".contains(&b[b.len() - 1]) {
            w.pop();
        }
    } else if letters > 4 && w.ends_with("es") && !w.ends_with("ses") {
        w.truncate(w.len() - 2);
    } else if letters > 3 && w.ends_with('s') && !["ss", "us", "is"].iter().any(|e| w.ends_with(e)) {
        w.pop();
    }
    // Twice: French `décidée` meets `décidé`.
    for _ in 0..2 {
        if w.chars().count() > 3 && w.ends_with('e') {
            w.pop();
        }
    }
    w.chars().take(6).collect()
}

/// Lower case, accents off: `Gebäude` → `gebaude`.
pub(super) fn fold(word: &str) -> String {
    word.chars().flat_map(char::to_lowercase).map(fold_accent).collect()
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ß' => 's',
        'œ' => 'o',
        _ => c,
    }
}

/// Function words of English, French and German, and of Chinese: they say nothing about which
/// sentence translates which.
pub(super) fn is_stop(w: &str) -> bool {
    const LATIN: &[&str] = &[
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "not",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "me",
        "him",
        "her",
        "them",
        "us",
        "my",
        "his",
        "their",
        "our",
        "your",
        "who",
        "which",
        "what",
        "when",
        "where",
        "how",
        "all",
        "any",
        "some",
        "no",
        "so",
        "if",
        "then",
        "than",
        "too",
        "very",
        "can",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "shall",
        "into",
        "out",
        "up",
        "down",
        "about",
        "over",
        "also",
        "just",
        "only",
        "one",
        "sth",
        "someone",
        "something",
        "etc",
        // What is left of a negative contraction (`didn't` reads as `didn` and `t`).
        "didn",
        "don",
        "doesn",
        "couldn",
        "wouldn",
        "shouldn",
        "isn",
        "wasn",
        "aren",
        "weren",
        "hasn",
        "haven",
        "hadn",
        "mustn",
        "needn",
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "du",
        "de",
        "et",
        "ou",
        "mais",
        "que",
        "qui",
        "quoi",
        "dont",
        "ce",
        "ces",
        "cet",
        "cette",
        "il",
        "elle",
        "ils",
        "elles",
        "nous",
        "vous",
        "je",
        "tu",
        "se",
        "sa",
        "son",
        "ses",
        "leur",
        "leurs",
        "est",
        "sont",
        "etait",
        "ete",
        "avoir",
        "etre",
        "pas",
        "ne",
        "en",
        "au",
        "aux",
        "dans",
        "par",
        "pour",
        "sur",
        "avec",
        "sans",
        "plus",
        "tres",
        "comme",
        "si",
        "lui",
        "y",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "und",
        "oder",
        "aber",
        "ist",
        "sind",
        "war",
        "wird",
        "nicht",
        "mit",
        "von",
        "zu",
        "auf",
        "im",
        "fur",
        "sich",
        "es",
        "er",
        "sie",
        "wir",
        "ich",
        "auch",
        "noch",
        "nur",
        "dass",
        "wie",
        "als",
        "bei",
        "aus",
        "nach",
        "um",
    ];
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| LATIN.iter().copied().collect()).contains(w)
}

/// The word an English irregular form belongs to (`said` → `say`, `feet` → `foot`): the
/// dictionary gives a word's base form, the text its past, participle or plural.
pub(super) fn lemma(lower: &str) -> Option<&'static str> {
    static MAP: OnceLock<std::collections::HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for line in IRREGULAR.lines() {
            let mut forms = line.split_whitespace();
            if let Some(base) = forms.next() {
                for form in forms {
                    map.insert(form, base);
                }
            }
        }
        map
    })
    .get(lower)
    .copied()
}

/// A base form, then the forms of it that suffix rules miss.
const IRREGULAR: &str = "\
arise arose arisen
awake awoke awoken
bear bore borne born
beat beaten
become became
begin began begun
bend bent
bet
bind bound
bite bit bitten
bleed bled
blow blew blown
break broke broken
breed bred
bring brought
build built
burn burnt
buy bought
catch caught
choose chose chosen
cling clung
come came
creep crept
cut
deal dealt
dig dug
draw drew drawn
dream dreamt
drink drank drunk
drive drove driven
eat ate eaten
fall fell fallen
feed fed
feel felt
fight fought
find found
flee fled
fly flew flown
forbid forbade forbidden
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
get got gotten
give gave given
go went gone
grind ground
grow grew grown
hang hung
hear heard
hide hid hidden
hold held
keep kept
kneel knelt
know knew known
lay laid
lead led
leap leapt
leave left
lend lent
lie lay lain
light lit
lose lost
make made
mean meant
meet met
pay paid
ride rode ridden
ring rang rung
rise rose risen
run ran
say said says
see saw seen
seek sought
sell sold
send sent
shake shook shaken
shine shone
shoot shot
shrink shrank shrunk
sing sang sung
sink sank sunk
sit sat
sleep slept
slide slid
speak spoke spoken
spend spent
spin spun
spit spat
spring sprang sprung
stand stood
steal stole stolen
stick stuck
sting stung
stride strode
strike struck stricken
swear swore sworn
sweep swept
swim swam swum
swing swung
take took taken
teach taught
tear tore torn
tell told
think thought
throw threw thrown
tread trod trodden
understand understood
wake woke woken
wear wore worn
weave wove woven
weep wept
win won
wind wound
write wrote written
man men
woman women
child children
foot feet
tooth teeth
mouse mice
goose geese
person people
good better best
bad worse worst
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_meet_their_word() {
        for (forms, key) in [
            (&["move", "moved", "moving", "moves"][..], "mov"),
            (&["stop", "stopped", "stopping", "stops"], "stop"),
            (&["carry", "carried", "carries"], "carry"),
            (&["eye", "eyes"], "eye"),
            (&["leg", "legs"], "leg"),
            (&["call", "called", "calling"], "call"),
            (&["village", "villages"], "villag"),
            (&["décidé", "décidée", "décidés"], "decid"),
            (&["Berg", "Berge"], "berg"),
        ] {
            for form in forms {
                assert_eq!(stem(form), key, "{form}");
            }
        }
        // Endings that are part of the word stay.
        assert_eq!(stem("pass"), "pass");
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("this"), "this");
    }

    #[test]
    fn irregular_forms_know_their_word() {
        assert_eq!(lemma("thought"), Some("think"));
        assert_eq!(lemma("feet"), Some("foot"));
        assert_eq!(lemma("went"), Some("go"));
        assert_eq!(lemma("walked"), None, "a suffix rule's business");
    }
}
