//! Dates as Hugo and Jekyll sites write them. A date without an offset is UTC.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// The forms named in error messages.
pub(crate) const ACCEPTED: &str = "2024-03-05, 2024-03-05 09:30:00 -0500 or 2024-03-05T09:30:00Z";

/// With an offset: `2024-03-05 09:30:00 -0500` (Jekyll), `2024-03-05T09:30:00-05:00`…
const WITH_OFFSET: &[&str] = &[
    "%Y-%m-%d %H:%M:%S%.f %z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M:%S%.f %z",
    "%Y-%m-%d %H:%M %z",
    "%Y-%m-%d %H:%M%z",
    "%Y-%m-%dT%H:%M%z",
];

/// Without an offset, read as UTC.
const WITHOUT_OFFSET: &[&str] = &[
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
];

/// Read a date: RFC 3339, `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM[:SS] [+-]HHMM`
/// (the offset may also be `+HH:MM`, `Z`, `UTC` or `GMT`, or be left out).
pub(crate) fn parse_date(text: &str) -> Option<DateTime<Utc>> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(&text) {
        return Some(d.to_utc());
    }
    // A trailing `Z`, `UTC` or `GMT` is the zero offset.
    let utc = [" UTC", " GMT", "Z", "z"]
        .iter()
        .find_map(|suffix| text.strip_suffix(suffix))
        .filter(|rest| rest.ends_with(|c: char| c.is_ascii_digit()));
    if let Some(rest) = utc {
        return WITHOUT_OFFSET
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(rest.trim_end(), f).ok())
            .map(|d| d.and_utc());
    }
    WITH_OFFSET
        .iter()
        .find_map(|f| DateTime::parse_from_str(&text, f).ok())
        .map(|d| d.to_utc())
        .or_else(|| {
            WITHOUT_OFFSET
                .iter()
                .find_map(|f| NaiveDateTime::parse_from_str(&text, f).ok())
                .map(|d| d.and_utc())
        })
        .or_else(|| {
            NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|d| d.and_utc())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
    }

    #[test]
    fn the_accepted_forms() {
        let cases = [
            ("2024-03-05", utc(2024, 3, 5, 0, 0, 0)),
            ("2024-03-05T09:30:00Z", utc(2024, 3, 5, 9, 30, 0)),
            ("2024-03-05T09:30:00-05:00", utc(2024, 3, 5, 14, 30, 0)),
            (
                "2024-03-05T09:30:00.250+01:00",
                utc(2024, 3, 5, 8, 30, 0) + chrono::Duration::milliseconds(250),
            ),
            ("2024-03-05 09:30:00 -0500", utc(2024, 3, 5, 14, 30, 0)),
            ("2024-03-05 09:30:00 -05:00", utc(2024, 3, 5, 14, 30, 0)),
            ("2024-03-05 09:30:00-0500", utc(2024, 3, 5, 14, 30, 0)),
            ("2024-03-05 09:30 +0100", utc(2024, 3, 5, 8, 30, 0)),
            ("2024-03-05  09:30:00   +0000", utc(2024, 3, 5, 9, 30, 0)),
            ("2024-03-05 09:30:00", utc(2024, 3, 5, 9, 30, 0)),
            ("2024-03-05T09:30", utc(2024, 3, 5, 9, 30, 0)),
            ("2024-03-05 09:30:00 UTC", utc(2024, 3, 5, 9, 30, 0)),
            ("2024-03-05 09:30:00Z", utc(2024, 3, 5, 9, 30, 0)),
            (" 2024-03-05 ", utc(2024, 3, 5, 0, 0, 0)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text), Some(want), "{text}");
        }
    }

    #[test]
    fn what_is_refused() {
        for text in [
            "",
            "March 5th",
            "2024-13-05",
            "2024-02-30",
            "05/03/2024",
            "09:30:00",
            "2024-03-05 25:00",
            "2024-03-05 09:30:00 EST",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }
}
