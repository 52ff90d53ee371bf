//! Markdown read with pulldown-cmark: headings are headings, emphasis marks and link targets are
//! gone, list items, quotes and table rows are paragraphs — each block's text on the line where
//! it starts, so that line numbers stay the file's own.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::table_row;

pub fn read(source: &str) -> String {
    let line_starts: Vec<usize> = std::iter::once(0).chain(source.match_indices('\n').map(|(at, _)| at + 1)).collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset).saturating_sub(1);
    let mut lines: Vec<String> = vec![String::new(); line_starts.len()];
    let mut open: Option<(usize, String)> = None;
    let mut heading = false;
    // Bold text from the block's start, and whether only bold text came so far.
    let mut strong = 0usize;
    let mut bold_lead = (String::new(), true);
    let mut row: Option<Vec<String>> = None;
    let mut cell = String::new();
    let mut in_cell = false;
    let finish = |lines: &mut Vec<String>, at: usize, text: &str, heading: bool, lead: &(String, bool)| {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let whole_bold = lead.1 && lead.0.trim() == text;
        let line = if heading {
            format!("# {text}")
        } else if whole_bold && !text.contains('\n') {
            // A paragraph in bold alone: a title, as `**…**` is in plain text.
            format!("**{text}**")
        } else {
            text.to_string()
        };
        // A block's lines go on the lines it covers, so that a paragraph keeps its place.
        for (k, part) in line.split('\n').enumerate() {
            if let Some(slot) = lines.get_mut(at + k) {
                if !slot.is_empty() {
                    slot.push(' ');
                }
                slot.push_str(part);
            }
        }
    };
    for (event, range) in
        Parser::new_ext(source, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).into_offset_iter()
    {
        match event {
            // A tight list's items hold their text without a paragraph.
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::Item) if !in_cell => {
                if let Some((at, text)) = open.take() {
                    finish(&mut lines, at, &text, heading, &bold_lead);
                }
                heading = matches!(event, Event::Start(Tag::Heading { .. }));
                open = Some((line_of(range.start), String::new()));
                bold_lead = (String::new(), true);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Item) if !in_cell => {
                if let Some((at, text)) = open.take() {
                    finish(&mut lines, at, &text, heading, &bold_lead);
                }
                heading = false;
            }
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::TableRow | Tag::TableHead) => row = Some(Vec::new()),
            Event::Start(Tag::TableCell) => {
                in_cell = true;
                cell.clear();
            }
            Event::End(TagEnd::TableCell) => {
                in_cell = false;
                if let Some(r) = row.as_mut() {
                    r.push(cell.trim().to_string());
                }
            }
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => {
                if let Some(r) = row.take() {
                    let at = line_of(range.start);
                    let text = table_row(&r).join("\n");
                    finish(&mut lines, at, &text, false, &(String::new(), false));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if in_cell {
                    cell.push_str(&t);
                } else if let Some((_, text)) = open.as_mut() {
                    text.push_str(&t);
                    if bold_lead.1 {
                        if strong > 0 {
                            bold_lead.0.push_str(&t);
                        } else if !t.trim().is_empty() {
                            bold_lead.1 = false;
                        }
                    }
                }
            }
            Event::SoftBreak => {
                if let Some((_, text)) = open.as_mut() {
                    text.push('\n');
                }
            }
            Event::HardBreak => {
                if let Some((_, text)) = open.as_mut() {
                    text.push('\n');
                }
            }
            _ => {}
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_go_and_lines_stay() {
        let md = "# Title\n\n**Host:** How did it *start*?\n\n- one\n- [two](http://x)\n\n> quoted\n> on two lines\n\n**A bold title**\n";
        let text = read(md);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "# Title");
        assert_eq!(lines[2], "Host: How did it start?");
        assert_eq!(lines[4], "one");
        assert_eq!(lines[5], "two");
        assert_eq!((lines[7], lines[8]), ("quoted", "on two lines"));
        assert_eq!(lines[10], "**A bold title**");
    }
}
