//! The email document: one column, at most 600 px wide, built from
//! `role="presentation"` tables (the only layout every client, Outlook's Word
//! engine included, agrees on), with every style inlined by css-inline.
//!
//! Two style sheets, on purpose:
//!
//! * [`INLINE_CSS`] is inlined into `style` attributes and never appears as
//!   a sheet: Gmail and many webmails drop or rewrite `<style>`;
//! * [`HEAD_CSS`] holds only what cannot be inline: the narrow-screen and
//!   dark-mode media queries (below 620 px the column loses its gutters;
//!   below 480 px, phones, the type tightens and buttons span the width). It stays a `<style>` in the head
//!   (`inline_style_tags(false)` + `keep_style_tags(true)`), and its rules say
//!   `!important` to beat the inline styles. Clients without media queries
//!   still get a layout that fits, because the column is fluid (`width:100%;
//!   max-width:600px`), with a fixed 600 px ghost table for Outlook only.

use std::borrow::Cow;

use crate::error::{Error, Result};
use crate::model::Lang;
use crate::util::html::escape;

/// Inlined into `style` attributes (see the module documentation).
const INLINE_CSS: &str = r#"
body { margin: 0; padding: 0; width: 100%; background-color: #eef0f3; -webkit-text-size-adjust: 100%; -ms-text-size-adjust: 100%; }
table { border-collapse: collapse; mso-table-lspace: 0pt; mso-table-rspace: 0pt; }
.pd-bg { width: 100%; background-color: #eef0f3; }
.pd-outer { padding: 24px 12px; }
.pd-container { width: 100%; max-width: 600px; margin: 0 auto; }
.pd-header { padding: 4px 8px 14px; font-family: Helvetica, Arial, sans-serif; font-size: 13px; line-height: 20px; font-weight: bold; letter-spacing: 0.06em; text-transform: uppercase; color: #4b5563; }
.pd-card { padding: 32px 32px 12px; background-color: #ffffff; border-radius: 8px; }
.pd-footer { padding: 20px 16px 8px; font-family: Helvetica, Arial, sans-serif; font-size: 13px; line-height: 20px; color: #6b7280; text-align: center; }
.pd-footer p { margin: 0 0 8px; font-size: 13px; line-height: 20px; color: #6b7280; }
.pd-footer a { color: #374151; text-decoration: underline; }
.pd-preheader { display: none; max-height: 0; max-width: 0; overflow: hidden; mso-hide: all; font-size: 1px; line-height: 1px; color: #eef0f3; opacity: 0; }
.pd-content { font-family: Georgia, 'Times New Roman', serif; color: #1f2933; overflow-wrap: break-word; word-wrap: break-word; }
.pd-content h1 { margin: 0 0 20px; font-family: Helvetica, Arial, sans-serif; font-size: 28px; line-height: 34px; font-weight: bold; color: #111827; }
.pd-content h2 { margin: 28px 0 12px; font-family: Helvetica, Arial, sans-serif; font-size: 22px; line-height: 28px; font-weight: bold; color: #111827; }
.pd-content h3 { margin: 24px 0 8px; font-family: Helvetica, Arial, sans-serif; font-size: 18px; line-height: 24px; font-weight: bold; color: #111827; }
.pd-content h4, .pd-content h5, .pd-content h6 { margin: 20px 0 8px; font-family: Helvetica, Arial, sans-serif; font-size: 16px; line-height: 22px; font-weight: bold; color: #111827; }
.pd-content p { margin: 0 0 16px; font-size: 17px; line-height: 27px; color: #1f2933; }
.pd-content a { color: #0b5cad; text-decoration: underline; }
.pd-content img { display: block; max-width: 100%; height: auto; border: 0; outline: none; text-decoration: none; }
.pd-content ul, .pd-content ol { margin: 0 0 16px; padding: 0 0 0 24px; }
.pd-content li { margin: 0 0 6px; font-size: 17px; line-height: 27px; color: #1f2933; }
.pd-content blockquote { margin: 0 0 16px; padding: 2px 0 2px 16px; border-left: 4px solid #cbd2d9; color: #3e4c59; }
.pd-content pre { margin: 0 0 16px; padding: 12px; background-color: #f3f4f6; border-radius: 4px; font-family: Menlo, Consolas, 'Courier New', monospace; font-size: 14px; line-height: 20px; white-space: pre-wrap; word-wrap: break-word; }
.pd-content code { font-family: Menlo, Consolas, 'Courier New', monospace; font-size: 15px; }
.pd-content table { width: 100%; margin: 0 0 16px; border-collapse: collapse; }
.pd-content th, .pd-content td { padding: 6px 8px; border: 1px solid #d2d6dc; font-size: 15px; line-height: 21px; vertical-align: top; color: #1f2933; }
.pd-content th { background-color: #f3f4f6; font-weight: bold; }
.pd-content hr { margin: 24px 0; border: 0; border-top: 1px solid #e5e7eb; }
.pd-content figure { margin: 0 0 16px; }
.pd-content figcaption { font-size: 14px; line-height: 20px; color: #52606d; }
.pd-content sup { font-size: 12px; line-height: 0; }
.pd-content .footnote-definition { margin: 0 0 8px; font-size: 14px; line-height: 21px; color: #52606d; }
.pd-content .footnote-definition p { margin: 0 0 8px; font-size: 14px; line-height: 21px; color: #52606d; }
.pd-content .pd-item { padding: 20px 0 4px; border-top: 1px solid #e5e7eb; }
.pd-content .pd-item-title { margin: 0 0 8px; font-size: 21px; line-height: 27px; }
.pd-content .pd-item-title a { color: #111827; text-decoration: none; }
.pd-content .pd-cta { margin: 0 0 16px; }
.pd-content .pd-btn { display: inline-block; padding: 9px 16px; border-radius: 4px; background-color: #0b5cad; color: #ffffff; font-family: Helvetica, Arial, sans-serif; font-size: 15px; line-height: 20px; font-weight: bold; text-decoration: none; }
"#;

/// Kept as a `<style>` in the head: media queries only (see the module
/// documentation).
const HEAD_CSS: &str = r#"
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media only screen and (max-width: 620px) {
  .pd-outer { padding: 0 !important; }
  .pd-card { border-radius: 0 !important; }
  .pd-header { padding: 14px 24px 10px !important; }
}
@media only screen and (max-width: 480px) {
  .pd-header { padding: 14px 18px 10px !important; }
  .pd-card { padding: 24px 18px 8px !important; }
  .pd-footer { padding: 18px 18px 8px !important; }
  .pd-content h1 { font-size: 24px !important; line-height: 30px !important; }
  .pd-content .pd-item-title { font-size: 19px !important; line-height: 25px !important; }
  .pd-content p, .pd-content li { font-size: 16px !important; line-height: 25px !important; }
  .pd-content .pd-btn { display: block !important; text-align: center !important; }
}
@media (prefers-color-scheme: dark) {
  body, .pd-bg { background-color: #111315 !important; }
  .pd-card { background-color: #1c1f23 !important; }
  .pd-content, .pd-content p, .pd-content li, .pd-content td, .pd-content th,
  .pd-content h1, .pd-content h2, .pd-content h3, .pd-content h4,
  .pd-content .pd-item-title a { color: #e5e7eb !important; }
  .pd-content a { color: #8cc4ff !important; }
  .pd-content .pd-btn { background-color: #8cc4ff !important; color: #0b1220 !important; }
  .pd-content pre, .pd-content th { background-color: #272b31 !important; }
  .pd-content .pd-item, .pd-content hr { border-color: #2f343b !important; }
  .pd-header, .pd-footer, .pd-footer p, .pd-footer a { color: #9ca3af !important; }
  .pd-preheader { color: #111315 !important; }
}
"#;

/// After the preheader: invisible characters that stop clients from pulling
/// body text into the inbox preview line.
const PREHEADER_FILLER: &str = "&#847;&zwnj;&nbsp;";
const PREHEADER_FILLER_COUNT: usize = 60;

/// The pieces of one email, as HTML fragments (already escaped).
pub(crate) struct Page<'a> {
    pub lang: Lang,
    /// Plain text: the document title (the subject).
    pub title: &'a str,
    /// Plain text: the hidden preview line.
    pub preheader: &'a str,
    pub header: &'a str,
    pub main: &'a str,
    pub footer: &'a str,
}

/// The whole email HTML, styles inlined.
pub(crate) fn document(page: &Page) -> Result<String> {
    let html = format!(
        r#"<!DOCTYPE html>
<html lang="{lang}" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="x-apple-disable-message-reformatting">
<meta name="format-detection" content="telephone=no, date=no, address=no, email=no">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>{title}</title>
<style>{HEAD_CSS}</style>
</head>
<body class="pd-body">
<div class="pd-preheader">{preheader}{filler}</div>
<table role="presentation" class="pd-bg" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td class="pd-outer" align="center">
<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width: 600px;"><tr><td style="padding: 0;"><![endif]-->
<table role="presentation" class="pd-container" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td class="pd-header">{header}</td></tr>
<tr><td class="pd-card"><div class="pd-content">
{main}</div></td></tr>
<tr><td class="pd-footer">
{footer}</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr></table>
</body>
</html>
"#,
        lang = page.lang,
        title = escape(page.title),
        preheader = escape(page.preheader),
        filler = PREHEADER_FILLER.repeat(PREHEADER_FILLER_COUNT),
        header = page.header,
        main = page.main,
        footer = page.footer,
    );
    inline(&html)
}

/// Inline [`INLINE_CSS`]; leave the head's media queries where they are.
/// Nothing is fetched: remote stylesheets are off (and the sanitizer lets no
/// `<link>` through anyway).
fn inline(html: &str) -> Result<String> {
    css_inline::CSSInliner::options()
        .inline_style_tags(false)
        .keep_style_tags(true)
        .keep_link_tags(false)
        .load_remote_stylesheets(false)
        .extra_css(Some(Cow::Borrowed(INLINE_CSS)))
        .build()
        .inline(html)
        .map_err(|e| Error::invalid("email", format!("Could not inline the email's styles: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_are_inlined_and_media_queries_kept() -> Result<()> {
        let html = document(&Page {
            lang: Lang::Fr,
            title: "Été",
            preheader: "Aperçu <b>",
            header: "Org",
            main: "<h1>T</h1><p>Body <a href=\"https://x.org/\">x</a></p>",
            footer: "<p>F</p>",
        })?;
        assert!(html.contains("<p style=\"margin: 0 0 16px;"), "{html}");
        assert!(
            html.contains("@media (prefers-color-scheme: dark)"),
            "{html}"
        );
        assert!(
            html.contains("@media only screen and (max-width: 620px)"),
            "{html}"
        );
        assert!(html.contains("Aperçu &lt;b&gt;"), "{html}");
        assert!(html.contains("<html lang=\"fr\""), "{html}");
        assert!(html.contains("<!--[if mso]>"), "{html}");
        Ok(())
    }
}
