//! The "preview text, else teaser" rule: what a post says about itself where
//! there is room for one line only — the page description of every site
//! export and the email preheader.

/// The post's preview text with its whitespace collapsed to single spaces
/// when it has any text, else its teaser (as the renderer gave it).
pub fn preview_text_or_teaser(preview_text: &str, teaser: &str) -> String {
    let preview = preview_text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if preview.is_empty() {
        teaser.to_string()
    } else {
        preview
    }
}

#[cfg(test)]
mod tests {
    use super::preview_text_or_teaser;

    #[test]
    fn preview_text_wins_unless_blank() {
        assert_eq!(
            preview_text_or_teaser(" Two\n lines ", "Teaser."),
            "Two lines"
        );
        assert_eq!(preview_text_or_teaser(" \n\t", "Teaser."), "Teaser.");
        assert_eq!(preview_text_or_teaser("", ""), "");
    }
}
