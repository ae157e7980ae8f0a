//! Table cells: column alignment written as an `align` attribute, which the
//! sanitizer allows (and which email clients honour), instead of the
//! `style="text-align: …"` pulldown-cmark writes (styles are not allowed).

use pulldown_cmark::{Alignment, CowStr, Event, Tag, TagEnd};

/// The table pass: replaces `TableCell` start and end events with the
/// equivalent HTML.
pub(crate) struct AlignCells<I> {
    inner: I,
    alignments: Vec<Alignment>,
    in_head: bool,
    column: usize,
}

impl<I> AlignCells<I> {
    pub(crate) fn new(inner: I) -> Self {
        AlignCells {
            inner,
            alignments: Vec::new(),
            in_head: false,
            column: 0,
        }
    }

    fn open_cell(&mut self) -> &'static str {
        let alignment = self
            .alignments
            .get(self.column)
            .copied()
            .unwrap_or(Alignment::None);
        self.column += 1;
        match (self.in_head, alignment) {
            (true, Alignment::None) => "<th>",
            (true, Alignment::Left) => "<th align=\"left\">",
            (true, Alignment::Center) => "<th align=\"center\">",
            (true, Alignment::Right) => "<th align=\"right\">",
            (false, Alignment::None) => "<td>",
            (false, Alignment::Left) => "<td align=\"left\">",
            (false, Alignment::Center) => "<td align=\"center\">",
            (false, Alignment::Right) => "<td align=\"right\">",
        }
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for AlignCells<I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        let event = self.inner.next()?;
        Some(match event {
            Event::Start(Tag::Table(alignments)) => {
                self.alignments = alignments;
                Event::Start(Tag::Table(Vec::new()))
            }
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.column = 0;
                event
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                event
            }
            Event::Start(Tag::TableRow) => {
                self.column = 0;
                event
            }
            Event::Start(Tag::TableCell) => Event::InlineHtml(CowStr::Borrowed(self.open_cell())),
            Event::End(TagEnd::TableCell) => Event::InlineHtml(CowStr::Borrowed(if self.in_head {
                "</th>"
            } else {
                "</td>"
            })),
            event => event,
        })
    }
}
