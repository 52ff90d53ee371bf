//! Speaker labels of parliamentary records written without a colon: the French Assemblée's
//! `M. Jean Dupont. Monsieur le ministre…` and the European Parliament's `Anna Schmidt,
//! rapporteur. – (DE) Mr President…`.

use super::{Candidate, Style};
use crate::core::text::{canonical, is_space};

/// Titles a record writes before a member's name or office: the French Assemblée's, and its
/// English translation's (`The President.` for `M. le président.`).
const HONORIFICS: [&str; 12] = ["M.", "Mme", "Mlle", "MM.", "Mmes", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "The"];

/// Small words a name or an office may hold without a capital (`le président`, `von der Leyen`).
const PARTICLES: [&str; 14] =
    ["le", "la", "l'", "l’", "de", "du", "des", "von", "van", "der", "den", "di", "da", "dos"];

/// The chair of a sitting, named by its office alone (`President. – …`).
const CHAIRS: [&str; 8] =
    ["President", "Président", "Présidente", "Presidente", "Präsident", "Präsidentin", "Chair", "Speaker"];

/// The longest label looked for, in bytes: a name and its office.
const MAX_LABEL: usize = 200;

/// A record's label at the start of `line`, if it has one.
pub fn record_label(line: &str) -> Option<Candidate> {
    dash_label(line).or_else(|| honorific_label(line))
}

/// Whether `words` read as a person's name or an office held by one: one to six words, each
/// capitalised or a particle, the first one capitalised or a particle before an office
/// (`le président`, `la ministre`).
fn is_record_name(words: &str) -> bool {
    let parts: Vec<&str> = words.split(is_space).filter(|w| !w.is_empty()).collect();
    // Letters, and the marks names hold (`Jean-Marie`, `d'Estaing`, `J.`).
    let name_char = |c: char| c.is_alphabetic() || is_space(c) || matches!(c, '-' | '\'' | '’' | '.');
    if parts.is_empty() || parts.len() > 6 || !words.chars().all(name_char) {
        return false;
    }
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let particle = |w: &str| {
        PARTICLES.contains(&w.to_lowercase().as_str()) || w.starts_with(['l', 'd']) && w.contains(['\'', '’'])
    };
    let office_after_particle = parts.len() == 2 && particle(parts[0]) && parts[1].chars().all(char::is_lowercase);
    office_after_particle || parts.iter().all(|w| capital(w) || particle(w)) && capital(parts.last().unwrap_or(&""))
}

/// Whether what follows a name and its comma is an office (`ministre de l'agriculture`,
/// `Minister of Agriculture`), not the rest of a sentence: no figure, a dozen words at most, and
/// in English, where `Mr. Speaker, the member knows…` opens a speech, every word capitalised
/// but the small ones.
fn is_office(title: &str, office: &str) -> bool {
    const SMALL: [&str; 9] = ["of", "the", "and", "for", "to", "in", "on", "at", "with"];
    let words: Vec<&str> = office.split(is_space).filter(|w| !w.is_empty()).collect();
    let english = matches!(title, "Mr" | "Mr." | "Mrs" | "Mrs." | "Ms" | "Ms." | "The");
    // `M. Jonckheer, Mme Thyssen et M. Gemelli ont évoqué…`: people listed, not an office (the
    // full stop after `M` is a title's).
    let person = |w: &&str| HONORIFICS.iter().any(|h| h.trim_end_matches('.') == w.trim_end_matches('.'));
    !words.is_empty()
        && !words.iter().any(person)
        && words.len() <= 12
        && !office.chars().any(|c| c.is_ascii_digit())
        && (!english || words.iter().all(|w| w.starts_with(char::is_uppercase) || SMALL.contains(w)))
}

/// `Anna Schmidt, rapporteur. – (DE) Mr President, …`, `President. – The next item…`: a name,
/// perhaps an office after a comma, a full stop, then a dash.
fn dash_label(line: &str) -> Option<Candidate> {
    let head = &line[..line.floor_char_boundary(MAX_LABEL)];
    // The first full stop followed by a dash (`Jean-Marie` holds a hyphen of its own).
    let name_end =
        head.match_indices(". ").map(|(at, _)| at).find(|&at| head[at + 2..].starts_with(['–', '—', '-']))?;
    let dash = name_end + 2;
    let label = &line[..name_end];
    // `Paris, le 12 mai. – Il fait beau.`: a dateline, not a member.
    if label.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let name = label.split(',').next().unwrap_or(label).trim();
    // `Jean-Marie Le Pen (NI)`: the group in brackets is no part of the name.
    let bare = name.strip_suffix(')').and_then(|n| n.rfind(" (").map(|at| n[..at].trim()));
    let name = bare.unwrap_or(name);
    // One word alone (`Non. – Pourquoi ?` in a novel's dialogue) is a speaker only as the chair.
    let alone = !name.contains(is_space) && bare.is_none() && !label.contains(',');
    if !is_record_name(name) || alone && !CHAIRS.contains(&name) {
        return None;
    }
    let after = &line[dash..];
    let dash_len = after.chars().next().map_or(1, char::len_utf8);
    let rest = dash + dash_len + (after.len() - dash_len - after[dash_len..].trim_start_matches(is_space).len());
    let qualified = name.len() < label.trim_end().len();
    Some(Candidate {
        style: Style::Record,
        name: name.to_string(),
        label: line[..dash + dash_len].trim_end().to_string(),
        rest,
        canonical: canonical(name),
        qualified,
    })
}

/// `M. Jean Dupont. Monsieur le ministre…`, `Mme la présidente. La parole est…`, `M. Marc
/// Fesneau, ministre de l'agriculture. Monsieur le député…`: a title, a name or an office,
/// perhaps an office after a comma, then a full stop.
fn honorific_label(line: &str) -> Option<Candidate> {
    let title = HONORIFICS.iter().find(|h| line.strip_prefix(**h).is_some_and(|r| r.starts_with(' ')))?;
    let body = &line[title.len() + 1..];
    let head = &body[..body.floor_char_boundary(MAX_LABEL)];
    let stop = head.find(". ")?;
    let label = &body[..stop];
    let name_part = label.split(',').next().unwrap_or(label).trim();
    if !is_record_name(name_part) || label.split_once(',').is_some_and(|(_, office)| !is_office(title, office)) {
        return None;
    }
    let rest = title.len() + 1 + stop + 2;
    let speech = &line[rest..];
    if !speech.chars().any(char::is_lowercase) {
        return None;
    }
    let name = format!("{title} {name_part}");
    Some(Candidate {
        style: Style::Record,
        canonical: canonical(&name),
        qualified: name_part.len() < label.trim_end().len(),
        name,
        label: line[..title.len() + 1 + stop + 1].to_string(),
        rest: rest + (speech.len() - speech.trim_start_matches(is_space).len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(line: &str) -> Option<(String, String, String)> {
        record_label(line).map(|c| (c.name, c.label, line[c.rest..].to_string()))
    }

    #[test]
    fn the_european_parliament_writes_a_dash() {
        let got = name("Anna Schmidt, rapporteur. – (DE) Mr President, this report asks for more.").unwrap();
        assert_eq!(got.0, "Anna Schmidt");
        assert_eq!(got.1, "Anna Schmidt, rapporteur. –");
        assert_eq!(got.2, "(DE) Mr President, this report asks for more.");
        assert_eq!(name("President. – The next item is the debate.").unwrap().0, "President");
        assert_eq!(
            name("Ursula von der Leyen, President of the Commission. - Thank you.").unwrap().0,
            "Ursula von der Leyen"
        );
        assert_eq!(name("Jean-Marie Le Pen (NI). – (FR) Monsieur le Président.").unwrap().0, "Jean-Marie Le Pen");
    }

    #[test]
    fn the_french_assembly_writes_a_title_and_a_full_stop() {
        let got = name("M. Jean Dupont. Monsieur le ministre, quand seront-elles versées ?").unwrap();
        assert_eq!(
            (got.0.as_str(), got.2.as_str()),
            ("M. Jean Dupont", "Monsieur le ministre, quand seront-elles versées ?")
        );
        assert_eq!(name("M. le président. La parole est à M. Dupont.").unwrap().0, "M. le président");
        assert_eq!(name("Mme la présidente. Nous en venons aux questions.").unwrap().0, "Mme la présidente");
        let got = name("M. Marc Fesneau, ministre de l'agriculture. Monsieur le député, 80 % des aides.").unwrap();
        assert_eq!(got.0, "M. Marc Fesneau");
        // Its English translation.
        assert_eq!(name("Mr Jean Dupont. Minister, when will they be paid?").unwrap().0, "Mr Jean Dupont");
        assert_eq!(name("Mr. Jean Dupont. Minister, when will they be paid?").unwrap().0, "Mr. Jean Dupont");
        assert_eq!(name("The President. The floor is Mr Dupont's.").unwrap().0, "The President");
        assert_eq!(name("Mr Marc Fesneau, Minister of Agriculture. Member, 80% of it.").unwrap().0, "Mr Marc Fesneau");
    }

    #[test]
    fn prose_is_no_record() {
        for line in [
            "M. Dupont arriva à la gare. Il pleuvait.",
            "The results were poor. – That is all we know.",
            "In 2003. – The year the bill passed.",
            "Paris, le 12 mai. – Il fait beau.",
            "Mr Smith said so. Then he left.",
            "Mrs Dalloway said she would buy the flowers herself. It was June.",
            "The end. It was over.",
            "Non. – Pourquoi ?",
            "The Speaker: Order. The hon. member for Lac-Vert.",
            "Mr. Speaker, the member knows that training an inspector takes months. We have hired more.",
            "M. Dupont, qui était arrivé la veille au soir avec toute sa famille et ses bagages, ne dit rien. Il attendit.",
            // A Commissioner's answer naming the members who asked (the full stop is `M.`'s).
            "M. Jonckheer, Mme Thyssen et M. Gemelli ont évoqué l'état de préparation des pays.",
        ] {
            assert_eq!(name(line), None, "{line}");
        }
    }
}
