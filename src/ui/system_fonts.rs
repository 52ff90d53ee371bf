//! The user's installed fonts (via fontdb), offered per column in Settings.

use std::sync::Arc;

use super::fonts::UserFont;

fn database() -> fontdb::Database {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    db
}

/// Family names of the installed fonts, sorted and unique.
pub fn families() -> Vec<String> {
    families_in(&database())
}

/// Family names in a font database, sorted and unique.
pub fn families_in(db: &fontdb::Database) -> Vec<String> {
    let mut names: Vec<String> = db.faces().filter_map(|f| f.families.first().map(|(name, _)| name.clone())).collect();
    names.sort_by_key(|n| n.to_lowercase());
    names.dedup();
    names
}

/// The regular and bold faces of an installed family, read into memory.
pub fn load(family: &str) -> Option<UserFont> {
    load_from(&database(), family)
}

/// [`load`] from a given font database.
pub fn load_from(db: &fontdb::Database, family: &str) -> Option<UserFont> {
    let face = |weight: fontdb::Weight| {
        let query = fontdb::Query { families: &[fontdb::Family::Name(family)], weight, ..fontdb::Query::default() };
        let id = db.query(&query)?;
        // The nearest face may be lighter than asked: a family without bold gives its regular.
        let heavy = db.face(id)?.weight.0 >= 600;
        db.with_face_data(id, |data, index| (Arc::new(data.to_vec()), index, heavy))
    };
    let (data, index, _) = face(fontdb::Weight::NORMAL)?;
    let bold = face(fontdb::Weight::BOLD).filter(|&(_, _, heavy)| heavy).map(|(data, index, _)| (data, index));
    Some(UserFont { name: family.to_string(), data, index, bold })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_are_listed_once_each_in_order() {
        let mut db = fontdb::Database::new();
        db.load_fonts_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts"));
        assert_eq!(families_in(&db), ["Noto Emoji", "Noto Sans", "Noto Sans Arabic", "Noto Sans SC"]);
    }

    #[test]
    fn a_family_brings_its_bold_face_when_it_has_one() {
        let mut db = fontdb::Database::new();
        db.load_fonts_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts"));
        let sans = load_from(&db, "Noto Sans").unwrap();
        assert!(sans.bold.is_some(), "Noto Sans has a bold face among the bundled files");
        assert_ne!(sans.bold.as_ref().unwrap().0, sans.data);
        let emoji = load_from(&db, "Noto Emoji").unwrap();
        assert!(emoji.bold.is_none(), "a family with one weight has no bold to bring");
        assert!(load_from(&db, "No Such Family").is_none());
    }
}
