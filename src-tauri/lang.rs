//! Rules about the two publishing languages that are not rendering: which
//! language a translation is in, and what each language is called.

use crate::model::Lang;

/// The language a translation of a `lang` post is written in (en ↔ fr).
pub fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::Fr,
        Lang::Fr => Lang::En,
    }
}

/// The language's name in English, for messages written in English
/// ("published French posts").
pub fn name_in_english(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Fr => "French",
    }
}

/// The language's name in itself, for readers choosing a language
/// ("English", "Français").
pub fn native_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Fr => "Fran\u{e7}ais",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_translates_to_the_other() {
        for lang in Lang::ALL {
            assert_ne!(other(lang), lang);
            assert_eq!(other(other(lang)), lang);
        }
        assert_eq!(name_in_english(Lang::Fr), "French");
        assert_eq!(native_name(Lang::Fr), "Français");
    }
}
