//! What is written right after a number and keeps it a number: ordinal endings (`21st`, `448e`)
//! and units (`3K`, `7cm`, `2GHz`), shared by the numbers check and the names check.

/// Ordinal endings in English and French (`21st`, `448th`, `2e`, `1er`, `3ème`).
const ORDINAL: [&str; 10] = ["st", "nd", "rd", "th", "e", "er", "re", "ème", "eme", "è"];

/// Units written right after a number, in the case measures are written in (`5G`, a network, is
/// a name; `5g`, grams, a measure); `c` is cents (`2.8c le litre` in a Canadian record).
const UNITS: [&str; 45] = [
    "K", "cm", "mm", "m", "km", "nm", "µm", "kg", "g", "mg", "t", "l", "L", "ml", "mL", "cl", "dl", "h", "min", "s",
    "ms", "Hz", "kHz", "MHz", "GHz", "kB", "KB", "MB", "GB", "TB", "W", "kW", "MW", "GW", "kWh", "V", "mA", "mAh", "c",
    "ha", "lb", "lbs", "oz", "ft", "kcal",
];

/// `st`, `TH`, `e`, `ème`…: an ordinal ending, in any case.
pub fn is_ordinal_ending(s: &str) -> bool {
    ORDINAL.iter().any(|o| o.chars().eq(s.chars().flat_map(char::to_lowercase)))
}

/// `cm`, `K`, `GHz`…: a unit, as written.
pub fn is_unit(s: &str) -> bool {
    UNITS.contains(&s)
}
