//! What a number measures, read from the word after it (`二十公里`, `twelve miles`, `3 斤`,
//! `five pounds`): a translator who converts 20 km into "twelve miles" or 斤 into pounds has
//! kept the number, and the converted value, rounded as people round, matches it.

/// A kind of measure: only measures of one kind convert into each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim {
    Length,
    Mass,
    Volume,
    Area,
    /// In days.
    Time,
}

/// A unit: its kind and how many metres, kilograms, litres or square metres it is.
pub type Unit = (Dim, f64);

/// Units by the word written after the number, lower-cased. (Not the words that are more often
/// something else after a number: French `livres` are books, `milles` thousands; `两` is two or
/// a tael of silver; `in` is a preposition.)
const UNITS: &[(&str, Dim, f64)] = {
    use Dim::*;
    &[
        ("km", Length, 1000.0),
        ("kilometre", Length, 1000.0),
        ("kilometer", Length, 1000.0),
        ("kilomètre", Length, 1000.0),
        ("公里", Length, 1000.0),
        ("千米", Length, 1000.0),
        ("mile", Length, 1609.34),
        ("里", Length, 500.0),
        ("m", Length, 1.0),
        ("metre", Length, 1.0),
        ("meter", Length, 1.0),
        ("mètre", Length, 1.0),
        ("米", Length, 1.0),
        ("cm", Length, 0.01),
        ("centimetre", Length, 0.01),
        ("centimeter", Length, 0.01),
        ("centimètre", Length, 0.01),
        ("厘米", Length, 0.01),
        ("公分", Length, 0.01),
        ("foot", Length, 0.3048),
        ("feet", Length, 0.3048),
        ("ft", Length, 0.3048),
        ("pied", Length, 0.3048),
        ("inch", Length, 0.0254),
        ("inches", Length, 0.0254),
        ("pouce", Length, 0.0254),
        ("yard", Length, 0.9144),
        ("丈", Length, 3.333),
        ("尺", Length, 0.3333),
        ("寸", Length, 0.03333),
        ("kg", Mass, 1.0),
        ("kilo", Mass, 1.0),
        ("kilogram", Mass, 1.0),
        ("kilogramme", Mass, 1.0),
        ("公斤", Mass, 1.0),
        ("千克", Mass, 1.0),
        ("斤", Mass, 0.5),
        ("pound", Mass, 0.4536),
        ("lb", Mass, 0.4536),
        ("lbs", Mass, 0.4536),
        ("ounce", Mass, 0.02835),
        ("oz", Mass, 0.02835),
        ("once", Mass, 0.02835),
        ("g", Mass, 0.001),
        ("gram", Mass, 0.001),
        ("gramme", Mass, 0.001),
        ("克", Mass, 0.001),
        ("ton", Mass, 1000.0),
        ("tonne", Mass, 1000.0),
        ("吨", Mass, 1000.0),
        ("l", Volume, 1.0),
        ("litre", Volume, 1.0),
        ("liter", Volume, 1.0),
        ("升", Volume, 1.0),
        ("gallon", Volume, 3.785),
        ("pint", Volume, 0.568),
        ("pinte", Volume, 0.568),
        ("亩", Area, 666.7),
        ("acre", Area, 4046.9),
        ("hectare", Area, 10_000.0),
        ("ha", Area, 10_000.0),
        ("公顷", Area, 10_000.0),
        // `over 12 months` for `plus d'un an`, `quinze jours` for "two weeks". (Not `日`, a
        // date's day; not `min`, a minimum as often as a minute.)
        ("hour", Time, 1.0 / 24.0),
        ("heure", Time, 1.0 / 24.0),
        ("小时", Time, 1.0 / 24.0),
        ("stunde", Time, 1.0 / 24.0),
        ("stunden", Time, 1.0 / 24.0),
        ("day", Time, 1.0),
        ("jour", Time, 1.0),
        ("天", Time, 1.0),
        ("tag", Time, 1.0),
        ("tage", Time, 1.0),
        ("tagen", Time, 1.0),
        ("week", Time, 7.0),
        ("semaine", Time, 7.0),
        ("周", Time, 7.0),
        ("星期", Time, 7.0),
        ("woche", Time, 7.0),
        ("wochen", Time, 7.0),
        ("fortnight", Time, 14.0),
        ("month", Time, 30.44),
        ("mois", Time, 30.44),
        ("个月", Time, 30.44),
        ("monat", Time, 30.44),
        ("monate", Time, 30.44),
        ("monaten", Time, 30.44),
        ("year", Time, 365.25),
        ("an", Time, 365.25),
        ("année", Time, 365.25),
        ("年", Time, 365.25),
        ("jahr", Time, 365.25),
        ("jahre", Time, 365.25),
        ("jahren", Time, 365.25),
    ]
};

/// The unit written right after a number ending at `end` (white space and a hyphen skipped:
/// `twelve-mile`, `deux kilos`); plurals are read as their singular.
pub fn after(text: &[char], end: usize) -> Option<Unit> {
    let mut k = end;
    while k < text.len() && (text[k].is_whitespace() || text[k] == '-') {
        k += 1;
    }
    let first = *text.get(k)?;
    // Asked once a number (a turn may hold tens of thousands): most words after a number (`年`,
    // `个`, `people`, `ans`) begin with no unit's first letter and are turned away at once.
    let table = table();
    if !table.firsts.contains(&first.to_lowercase().next().unwrap_or(first)) {
        return None;
    }
    if crate::core::text::is_cjk(first) {
        // Two characters, then one (`公里`, then `里`).
        let mut buf = [0u8; 8];
        let two = text.get(k + 1).map(|&c| {
            let n = first.encode_utf8(&mut buf).len();
            n + c.encode_utf8(&mut buf[n..]).len()
        });
        let two = two.and_then(|n| table.by_word.get(std::str::from_utf8(&buf[..n]).ok()?).copied());
        return two.or_else(|| table.by_word.get(first.encode_utf8(&mut [0u8; 4]) as &str).copied());
    }
    // No unit is longer than ten letters and a dot (`kilogramme`, `centimètre`, `lbs.`).
    let letters = text[k..].iter().take_while(|c| c.is_alphabetic() || **c == '.').count();
    if letters > 11 {
        return None;
    }
    // Eleven letters, each lower-cased into at most three characters of four bytes.
    let mut buf = [0u8; 132];
    let mut n = 0;
    for c in text[k..k + letters].iter().flat_map(|c| c.to_lowercase()) {
        n += c.encode_utf8(&mut buf[n..]).len();
    }
    let word = std::str::from_utf8(&buf[..n]).ok()?.trim_end_matches('.');
    let find = |w: &str| table.by_word.get(w).copied();
    find(word).or_else(|| word.strip_suffix("es").and_then(find)).or_else(|| word.strip_suffix('s').and_then(find))
}

/// The units by word, and the first letters of their words.
struct Table {
    by_word: std::collections::HashMap<&'static str, Unit>,
    firsts: Vec<char>,
}

fn table() -> &'static Table {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut firsts: Vec<char> = UNITS.iter().filter_map(|(w, _, _)| w.chars().next()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        Table { by_word: UNITS.iter().map(|&(w, dim, factor)| (w, (dim, factor))).collect(), firsts }
    })
}

/// Whether `value` in unit `mine` is, converted, about `theirs` of another unit of the same
/// kind: within a tenth, or a half when small, as a translator rounds 20 km to "twelve miles"
/// (12.4) and 3 斤 to "three pounds" (3.3).
pub fn converts(value: f64, mine: Unit, theirs_value: f64, theirs: Unit) -> bool {
    if mine.0 != theirs.0 || (mine.1 / theirs.1 - 1.0).abs() < 0.01 || theirs_value <= 0.0 {
        return false;
    }
    let converted = value * mine.1 / theirs.1;
    (converted - theirs_value).abs() <= (0.1 * theirs_value).max(0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(text: &str) -> Option<Unit> {
        let c: Vec<char> = text.chars().collect();
        after(&c, 0)
    }

    #[test]
    fn units_are_read_after_the_number_in_three_languages() {
        assert_eq!(unit("公里，上了南面的山"), Some((Dim::Length, 1000.0)));
        assert_eq!(unit("里路"), Some((Dim::Length, 500.0)));
        assert_eq!(unit(" miles and went up"), Some((Dim::Length, 1609.34)));
        assert_eq!(unit("-mile walk"), Some((Dim::Length, 1609.34)));
        assert_eq!(unit(" kilos de riz"), Some((Dim::Mass, 1.0)));
        assert_eq!(unit(" inches"), Some((Dim::Length, 0.0254)));
        assert_eq!(unit(" livres sur la table"), None, "books");
        assert_eq!(unit(" people"), None);
        assert_eq!(unit(" İİİİİİİİİİİ"), None, "letters that lower-case into two characters");
    }

    #[test]
    fn a_conversion_rounded_as_people_round_matches() {
        let (km, mile, jin, pound) =
            (unit("公里").unwrap(), unit(" miles").unwrap(), unit("斤").unwrap(), unit(" pounds").unwrap());
        assert!(converts(20.0, km, 12.0, mile), "20 km is 12.4 miles");
        assert!(converts(12.0, mile, 20.0, km));
        assert!(converts(3.0, jin, 3.0, pound), "3 斤 is 3.3 pounds");
        assert!(!converts(20.0, km, 20.0, mile), "a number copied into another unit is an error");
        assert!(!converts(20.0, km, 20.0, km), "the same unit is compared as it is");
        let (month, year, day, week) =
            (unit(" months").unwrap(), unit(" an").unwrap(), unit(" jours").unwrap(), unit(" weeks").unwrap());
        assert!(converts(12.0, month, 1.0, year), "twelve months are a year");
        assert!(converts(15.0, day, 2.0, week), "quinze jours are a fortnight");
        assert!(!converts(12.0, month, 2.0, year));
        assert_eq!(unit("个月"), Some((Dim::Time, 30.44)));
        assert_eq!(unit("日"), None, "a date's day");
    }
}
