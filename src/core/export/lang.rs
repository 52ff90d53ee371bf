//! Which language a document is in, as a BCP 47 code (`zh-CN`, `fr`, `en`…), for the `xml:lang`
//! of a translation memory and the `lang` of a web page: the script first, then the commonest
//! short words of the Latin-script languages.

use crate::core::document::{Document, Script};
use crate::core::text::is_alnum;

/// Short words that are frequent in one language and rare in the others.
const WORDS: [(&str, &[&str]); 5] = [
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "that", "it", "we", "you", "for", "with", "this", "are", "was", "have",
            "what", "but", "they", "not", "be",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "des", "et", "est", "une", "que", "qui", "dans", "pour", "pas", "nous", "vous", "avec",
            "sur", "du", "au", "ce", "il",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "ich", "wir", "mit", "sie", "auf", "für", "ein", "eine", "zu",
            "den", "dem", "auch", "es", "sich",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "que", "y", "en", "es", "por", "con", "una", "para", "del", "no", "se", "lo", "como",
            "pero", "más", "su", "al",
        ],
    ),
    (
        "it",
        &[
            "il", "che", "di", "della", "non", "sono", "per", "una", "con", "gli", "è", "del", "questo", "anche", "ma",
            "nel", "alla", "si", "lo", "le",
        ],
    ),
];

/// The language of a document's turns; `und` (undetermined) when nothing tells.
pub fn detect(doc: &Document) -> &'static str {
    let texts = || doc.turns.turns.iter().map(|t| t.text.as_str());
    match Script::of(texts()) {
        Script::Chinese => chinese_variant(texts()),
        Script::Japanese => "ja",
        Script::Korean => "ko",
        Script::Latin => latin(texts()),
        Script::Other => "und",
    }
}

/// The language a code of [`detect`] names, in English, for people (a projector's headers):
/// empty when unknown.
pub fn name(code: &str) -> &'static str {
    match code {
        "zh-CN" => "Chinese (simplified)",
        "zh-TW" => "Chinese (traditional)",
        "ja" => "Japanese",
        "ko" => "Korean",
        "en" => "English",
        "fr" => "French",
        "de" => "German",
        "es" => "Spanish",
        "it" => "Italian",
        _ => "",
    }
}

/// `zh-TW` when traditional characters outnumber simplified ones, `zh-CN` otherwise.
fn chinese_variant<'a>(texts: impl Iterator<Item = &'a str>) -> &'static str {
    // Characters written differently in the two sets, each among the most frequent.
    const SIMPLIFIED: &str = "这们来说时个为会对国发经还过么问题进实现学产关伟";
    const TRADITIONAL: &str = "這們來說時個為會對國發經還過麼問題進實現學產關偉";
    let (mut s, mut t) = (0usize, 0usize);
    for c in texts.flat_map(str::chars).take(200_000) {
        if SIMPLIFIED.contains(c) && !TRADITIONAL.contains(c) {
            s += 1;
        } else if TRADITIONAL.contains(c) && !SIMPLIFIED.contains(c) {
            t += 1;
        }
    }
    if t > s * 2 { "zh-TW" } else { "zh-CN" }
}

/// The Latin-script language whose short words are commonest.
fn latin<'a>(texts: impl Iterator<Item = &'a str>) -> &'static str {
    let mut counts = [0usize; WORDS.len()];
    let mut seen = 0;
    for word in texts.flat_map(|t| t.split(|c: char| !is_alnum(c) && c != '\'')).filter(|w| !w.is_empty()) {
        let word = word.to_lowercase();
        for (k, (_, list)) in WORDS.iter().enumerate() {
            if list.contains(&word.as_str()) {
                counts[k] += 1;
            }
        }
        seen += 1;
        if seen > 50_000 {
            break;
        }
    }
    let (best, &n) = counts.iter().enumerate().max_by_key(|(_, n)| **n).expect("five languages");
    if n == 0 { "und" } else { WORDS[best].0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(text: &str) -> &'static str {
        detect(&Document::from_text("t.txt", text, "UTF-8", 0))
    }

    #[test]
    fn tells_the_languages_of_interviews() {
        assert_eq!(lang("主持人：这个问题我们怎么看？\n\n沈伟：我们现在还在学习。"), "zh-CN");
        assert_eq!(lang("主持人：這個問題我們怎麼看？\n\n沈偉：我們現在還在學習。"), "zh-TW");
        assert_eq!(lang("Animateur : Que pensez-vous de la situation dans les usines ?"), "fr");
        assert_eq!(lang("Host: What do you think of the situation in the factories?"), "en");
        assert_eq!(lang("Moderator: Was denken Sie über die Lage in den Fabriken und der Stadt?"), "de");
        assert_eq!(lang("司会：これはどういう意味ですか。"), "ja");
        assert_eq!((name(lang("Animateur : Que pensez-vous de la situation ?")), name("und")), ("French", ""));
        assert_eq!(lang("12 34 56"), "und");
    }
}
