//! Month names as readers write them, shared by the site pages and the
//! newsletter so the two never disagree on a spelling.

use crate::model::Lang;

const EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The name of a month (`month0` counts from 0, as chrono's `month0()`).
pub fn month_name(lang: Lang, month0: u32) -> &'static str {
    let table = match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    };
    table[month0 as usize % 12]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_by_language() {
        assert_eq!(month_name(Lang::En, 2), "March");
        assert_eq!(month_name(Lang::Fr, 7), "août");
    }
}
