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

/// The regular face of an installed family, read into memory.
pub fn load(family: &str) -> Option<UserFont> {
    let db = database();
    let query = fontdb::Query { families: &[fontdb::Family::Name(family)], ..fontdb::Query::default() };
    let id = db.query(&query)?;
    let (data, index) = db.with_face_data(id, |data, index| (data.to_vec(), index))?;
    Some(UserFont { name: family.to_string(), data: Arc::new(data), index })
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
}
