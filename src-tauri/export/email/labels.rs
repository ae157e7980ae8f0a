//! The words an email adds around the posts, in the email's language. A
//! French digest reads French from the subject line to the footer.

use chrono::{Datelike, NaiveDate};

use crate::model::Lang;

/// Fixed words of the layout.
#[derive(Debug)]
pub(crate) struct Labels {
    lang: Lang,
    /// The link under each digest item.
    pub continue_reading: &'static str,
    /// The footer's unsubscribe link.
    pub unsubscribe: &'static str,
    /// The footer's link to the ESP-hosted copy of the email.
    pub view_online: &'static str,
    /// The footer's link to the site (plain preset, which has no hosted copy).
    pub read_on_site: &'static str,
    /// Prefix of an image's alt text in the plain text: `[Image: …]`.
    pub image: &'static str,
    /// The heading of the numbered link list at the end of the plain text.
    pub links: &'static str,
}

static EN: Labels = Labels {
    lang: Lang::En,
    continue_reading: "Continue reading",
    unsubscribe: "Unsubscribe",
    view_online: "View online",
    read_on_site: "Read on our website",
    image: "Image",
    links: "Links",
};

static FR: Labels = Labels {
    lang: Lang::Fr,
    continue_reading: "Lire la suite",
    unsubscribe: "Se désabonner",
    view_online: "Voir en ligne",
    read_on_site: "Lire sur notre site",
    image: "Image",
    links: "Liens",
};

pub(crate) fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

impl Labels {
    /// The date as a reader writes it: "March 5, 2026", "1er mars 2026".
    pub(crate) fn long_date(&self, date: NaiveDate) -> String {
        let month = crate::export::dates::month_name(self.lang, date.month0());
        if self.lang == Lang::Fr {
            let day = match date.day() {
                1 => "1er".to_string(),
                d => d.to_string(),
            };
            format!("{day} {month} {}", date.year())
        } else {
            format!("{month} {}, {}", date.day(), date.year())
        }
    }

    /// Why the reader gets this email (the footer's first line).
    pub(crate) fn subscribed_to(&self, newsletter: &str) -> String {
        if self.lang == Lang::Fr {
            format!("Vous recevez ce courriel parce que vous êtes abonné·e à {newsletter}.")
        } else {
            format!("You are receiving this email because you subscribed to {newsletter}.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally_in_both_languages() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
        assert_eq!(labels(Lang::En).long_date(d(2026, 3, 5)), "March 5, 2026");
        assert_eq!(labels(Lang::Fr).long_date(d(2026, 3, 1)), "1er mars 2026");
        assert_eq!(labels(Lang::Fr).long_date(d(2026, 8, 15)), "15 août 2026");
    }
}
