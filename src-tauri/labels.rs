//! The words Postdesk writes for readers, in each language: one table for
//! the exported site, the newsletter and the app's Listing tab, plus month
//! names and dates written the way each language writes them. A French page
//! or email reads French from the title to the footer.

use chrono::{Datelike, NaiveDate};

use crate::model::Lang;

/// The fixed words of one language.
#[derive(Debug)]
pub struct Labels {
    lang: Lang,
    /// The link from a teaser to its post (site listing, digest item).
    pub continue_reading: &'static str,
    /// The title of a site listing page.
    pub listing_title: &'static str,
    /// Site pagination: the link to newer posts.
    pub newer: &'static str,
    /// Site pagination: the link to older posts.
    pub older: &'static str,
    /// Site pagination: "Page 2 of 5".
    pub page: &'static str,
    pub of: &'static str,
    /// The name of the pagination landmark.
    pub pages_label: &'static str,
    /// A post page's link back to the listing.
    pub all_posts: &'static str,
    /// The link to a post's translation, written in the translation's language.
    pub other_language: &'static str,
    /// A colon as the language writes it (French puts a space before it).
    pub colon: &'static str,
    /// The heading of a post's tags.
    pub tags: &'static str,
    /// The email footer's unsubscribe link.
    pub unsubscribe: &'static str,
    /// The email footer's link to the ESP-hosted copy of the email.
    pub view_online: &'static str,
    /// The email footer's link to the site (plain preset, which has no hosted copy).
    pub read_on_site: &'static str,
    /// Prefix of an image's alt text in the email's plain text: `[Image: …]`.
    pub image: &'static str,
    /// The heading of the numbered link list at the end of the email's plain text.
    pub links: &'static str,
}

static EN: Labels = Labels {
    lang: Lang::En,
    continue_reading: "Continue reading",
    listing_title: "Posts",
    newer: "\u{2190} Newer posts",
    older: "Older posts \u{2192}",
    page: "Page",
    of: "of",
    pages_label: "Pages",
    all_posts: "All posts",
    other_language: "Read in English",
    colon: ": ",
    tags: "Tags",
    unsubscribe: "Unsubscribe",
    view_online: "View online",
    read_on_site: "Read on our website",
    image: "Image",
    links: "Links",
};

static FR: Labels = Labels {
    lang: Lang::Fr,
    continue_reading: "Lire la suite",
    listing_title: "Articles",
    newer: "\u{2190} Articles plus r\u{e9}cents",
    older: "Articles plus anciens \u{2192}",
    page: "Page",
    of: "sur",
    pages_label: "Pages",
    all_posts: "Tous les articles",
    other_language: "Lire en fran\u{e7}ais",
    colon: "\u{a0}: ",
    tags: "\u{c9}tiquettes",
    unsubscribe: "Se d\u{e9}sabonner",
    view_online: "Voir en ligne",
    read_on_site: "Lire sur notre site",
    image: "Image",
    links: "Liens",
};

/// The words of `lang`.
pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

const MONTHS_EN: [&str; 12] = [
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

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "f\u{e9}vrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "ao\u{fb}t",
    "septembre",
    "octobre",
    "novembre",
    "d\u{e9}cembre",
];

impl Labels {
    /// The language these words are in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The Listing tab's link under each teaser: "Continue reading →".
    pub fn continue_reading_link(&self) -> String {
        format!("{} \u{2192}", self.continue_reading)
    }

    /// The name of a month (`month0` counts from 0, as chrono's `month0()`).
    pub fn month_name(&self, month0: u32) -> &'static str {
        let table = match self.lang {
            Lang::En => &MONTHS_EN,
            Lang::Fr => &MONTHS_FR,
        };
        table[month0 as usize % 12]
    }

    /// A date on a site page: "5 March 2024", "1er mars 2024".
    pub fn page_date(&self, date: NaiveDate) -> String {
        match self.lang {
            Lang::En => format!(
                "{} {} {}",
                date.day(),
                self.month_name(date.month0()),
                date.year()
            ),
            Lang::Fr => self.french_date(date),
        }
    }

    /// A date in an email: "March 5, 2026", "1er mars 2026".
    pub fn email_date(&self, date: NaiveDate) -> String {
        match self.lang {
            Lang::En => format!(
                "{} {}, {}",
                self.month_name(date.month0()),
                date.day(),
                date.year()
            ),
            Lang::Fr => self.french_date(date),
        }
    }

    /// Why the reader gets this email (the footer's first line).
    pub fn subscribed_to(&self, newsletter: &str) -> String {
        match self.lang {
            Lang::Fr => format!(
                "Vous recevez ce courriel parce que vous \u{ea}tes abonn\u{e9}\u{b7}e \u{e0} {newsletter}."
            ),
            Lang::En => {
                format!("You are receiving this email because you subscribed to {newsletter}.")
            }
        }
    }

    /// "1er mars 2026", "15 août 2026": French writes the first of the month as an ordinal.
    fn french_date(&self, date: NaiveDate) -> String {
        let month = self.month_name(date.month0());
        match date.day() {
            1 => format!("1er {month} {}", date.year()),
            d => format!("{d} {month} {}", date.year()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn months_by_language() {
        assert_eq!(labels(Lang::En).month_name(2), "March");
        assert_eq!(labels(Lang::Fr).month_name(7), "août");
    }

    #[test]
    fn dates_read_naturally_in_both_languages() {
        assert_eq!(
            labels(Lang::En).email_date(day(2026, 3, 5)),
            "March 5, 2026"
        );
        assert_eq!(
            labels(Lang::Fr).email_date(day(2026, 3, 1)),
            "1er mars 2026"
        );
        assert_eq!(
            labels(Lang::Fr).email_date(day(2026, 8, 15)),
            "15 août 2026"
        );
        assert_eq!(labels(Lang::En).page_date(day(2024, 3, 1)), "1 March 2024");
        assert_eq!(labels(Lang::Fr).page_date(day(2024, 3, 1)), "1er mars 2024");
    }

    #[test]
    fn the_listing_link_has_an_arrow() {
        assert_eq!(
            labels(Lang::En).continue_reading_link(),
            "Continue reading →"
        );
        assert_eq!(labels(Lang::Fr).continue_reading_link(), "Lire la suite →");
    }
}
