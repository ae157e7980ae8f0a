//! The library's identity: a random id made once per library and kept in
//! the settings table under a reserved key that is not a setting
//! (`library_settings` does not list it, `config get|set` refuses it).
//! A site export writes it into the folder's manifest, so a manifest found
//! in a folder (a cloned site, say) authorizes overwriting only when this
//! library wrote it. A backup or a copy of the library file keeps the id.

use rusqlite::params;

use super::Store;
use crate::error::{Error, Result};

/// The reserved settings key.
const KEY: &str = "library.id";
/// 16 random bytes in lower-case hex.
const ID_LEN: usize = 32;

fn is_valid(id: &str) -> bool {
    id.len() == ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Store {
    /// The id of this library, made (from SQLite's random generator) the
    /// first time it is asked for. Two processes asking at once get the same id.
    pub fn library_id(&self) -> Result<String> {
        if let Some(id) = self.setting_raw(KEY)?.filter(|id| is_valid(id)) {
            return Ok(id);
        }
        // Insert when missing, replace only a damaged value: the first writer wins.
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, lower(hex(randomblob(16))))
             ON CONFLICT(key) DO UPDATE SET value = excluded.value
             WHERE length(settings.value) != ?2 OR settings.value GLOB '*[^0-9a-f]*'",
            params![KEY, ID_LEN as i64],
        )?;
        self.setting_raw(KEY)?
            .filter(|id| is_valid(id))
            .ok_or_else(|| Error::invalid("library", "The library's id could not be stored."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_is_made_once_and_kept() {
        let store = Store::open_in_memory().unwrap();
        let id = store.library_id().unwrap();
        assert!(is_valid(&id), "{id}");
        assert_eq!(store.library_id().unwrap(), id);
        let other = Store::open_in_memory().unwrap().library_id().unwrap();
        assert_ne!(other, id);
        assert!(crate::library_settings::list(&store)
            .unwrap()
            .iter()
            .all(|s| s.key != KEY));
    }

    #[test]
    fn a_damaged_id_is_replaced() {
        let mut store = Store::open_in_memory().unwrap();
        store.set_setting_raw(KEY, "not an id").unwrap();
        let id = store.library_id().unwrap();
        assert!(is_valid(&id), "{id}");
    }
}
