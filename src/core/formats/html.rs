//! A saved web page: its readable text only, parsed with html5ever (scraper). `<main>` or
//! `<article>` first; scripts, styles, forms, navigation, banners, cookie notices, share buttons
//! and footers left out where the markup tells them apart; headings kept as headings; each block
//! (`<p>`, `<li>`, `<h2>`, a table row…) a paragraph, `<b>Name:</b>` kept as a label.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};

use super::{Extracted, InputFormat, Paragraphs, table_row};

/// Elements whose content is never text to read.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "form", "button", "select",
    "input", "textarea", "nav", "aside", "dialog", "menu",
];

/// Words in an `id` or `class` that mark page furniture rather than the article.
const FURNITURE: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "banner",
    "share",
    "social",
    "newsletter",
    "subscribe",
    "breadcrumb",
    "sidebar",
    "navbar",
    "nav-",
    "menu",
    "footer",
    "related",
    "advert",
    "promo",
    "popup",
    "modal",
    "comments",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "li",
    "dd",
    "dt",
    "blockquote",
    "pre",
    "figcaption",
    "caption",
    "address",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "table",
    "body",
    "hr",
];

pub fn read(text: &str) -> Extracted {
    let page = Html::parse_document(text);
    let pick = |s: &str| Selector::parse(s).ok().and_then(|sel| page.select(&sel).next());
    let (root, in_article) = match pick("main").or_else(|| pick("article")).or_else(|| pick("[role=main]")) {
        Some(root) => (root, true),
        None => (pick("body").unwrap_or_else(|| page.root_element()), false),
    };
    let mut walker = Walker { out: Paragraphs::default(), open: String::new(), heading: false, in_article };
    // The part chosen is read whatever its classes say (`<body class="has-sidebar">`).
    walker.children(root);
    walker.flush();
    walker.out.into_source(InputFormat::Html)
}

struct Walker {
    out: Paragraphs,
    open: String,
    heading: bool,
    /// Reading `<main>`/`<article>`: its own `<header>` holds the title, not the site's menu.
    in_article: bool,
}

impl Walker {
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.open);
        let text = text.trim();
        if !text.is_empty() {
            let line = if self.heading { format!("# {}", text.replace('\n', " ")) } else { text.to_string() };
            self.out.push_numbered(&line, "paragraph");
        }
        self.heading = false;
    }

    fn is_furniture(&self, e: &ElementRef<'_>) -> bool {
        let el = e.value();
        let name = el.name();
        if DROPPED.contains(&name) || (!self.in_article && matches!(name, "header" | "footer")) || name == "footer" {
            return true;
        }
        if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
            return true;
        }
        if matches!(
            el.attr("role"),
            Some("navigation" | "banner" | "contentinfo" | "complementary" | "search" | "dialog" | "alert")
        ) {
            return true;
        }
        let marks = format!("{} {}", el.attr("id").unwrap_or(""), el.attr("class").unwrap_or("")).to_ascii_lowercase();
        FURNITURE.iter().any(|w| marks.contains(w))
    }

    /// Reads the children of `root` in document order. The walk keeps its own stack, not the
    /// call stack: a page of 100,000 nested `<div>`s is read, not a stack overflow.
    fn children(&mut self, root: ElementRef<'_>) {
        enum Step<'a> {
            Node(NodeRef<'a, Node>),
            /// The end of a block element: what it holds becomes a paragraph.
            EndBlock,
        }
        let mut stack: Vec<Step<'_>> = root.children().rev().map(Step::Node).collect();
        while let Some(step) = stack.pop() {
            let node = match step {
                Step::EndBlock => {
                    self.flush();
                    continue;
                }
                Step::Node(node) => node,
            };
            let e = match node.value() {
                Node::Text(t) => {
                    self.text(t);
                    continue;
                }
                Node::Element(_) => match ElementRef::wrap(node) {
                    Some(e) => e,
                    None => continue,
                },
                _ => continue,
            };
            if self.is_furniture(&e) {
                continue;
            }
            let name = e.value().name();
            match name {
                "br" => self.open.push('\n'),
                "tr" => {
                    self.flush();
                    let cells: Vec<String> = e
                        .children()
                        .filter_map(ElementRef::wrap)
                        .filter(|c| matches!(c.value().name(), "td" | "th"))
                        .map(|c| {
                            c.text().collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
                        })
                        .collect();
                    for p in table_row(&cells) {
                        self.open = p;
                        self.flush();
                    }
                }
                _ => {
                    if BLOCKS.contains(&name) {
                        self.flush();
                        self.heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                        stack.push(Step::EndBlock);
                    }
                    stack.extend(e.children().rev().map(Step::Node));
                }
            }
        }
    }

    /// Text as a browser shows it: white space collapsed.
    fn text(&mut self, t: &str) {
        let mut words = t.split_whitespace().peekable();
        if t.starts_with(char::is_whitespace) && !self.open.ends_with([' ', '\n']) && !self.open.is_empty() {
            self.open.push(' ');
        }
        while let Some(w) = words.next() {
            self.open.push_str(w);
            if words.peek().is_some() {
                self.open.push(' ');
            }
        }
        if t.ends_with(char::is_whitespace) && !t.trim().is_empty() {
            self.open.push(' ');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deeply_nested_elements_are_read_without_exhausting_the_stack() {
        // A small crafted page: 30,000 nested `<div>`s (150 KB) aborted the program when the
        // walk recursed.
        let depth = 30_000;
        let page = format!("<html><body>{}Deep text.{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
        let source = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || read(&page))
            .unwrap()
            .join()
            .expect("no stack overflow on a small stack");
        assert!(source.text.contains("Deep text."));
    }

    #[test]
    fn the_article_is_read_and_the_page_furniture_is_not() {
        let page = r#"<!DOCTYPE html><html><head><title>T</title><style>p{}</style><script>var x = "<p>no</p>";</script></head>
<body class="page has-sidebar"><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<main><header><h1>The co-op that feeds a street</h1></header>
<p><b>Reporter:</b> How did it start?</p>
<p><strong>Claire Morel:</strong> In 2014, seven   of us
had no bakery.</p>
<ul><li>First point</li><li>Second<br>line</li></ul>
<div class="share-buttons">Share on X</div></main>
<footer>© 2023 The Paper · Terms</footer></body></html>"#;
        let s = read(page);
        assert_eq!(
            s.text,
            "# The co-op that feeds a street\n\nReporter: How did it start?\n\nClaire Morel: In 2014, seven of us had no bakery.\n\nFirst point\n\nSecond line\n"
        );
        assert_eq!(s.positions.len(), 5);
        assert_eq!(s.positions[1], "paragraph 2");
    }

    #[test]
    fn without_main_or_article_the_body_is_read_whatever_its_classes() {
        let page = r#"<html><body class="single has-sidebar"><header><a href="/">The Paper</a></header>
<h2>Notes</h2><p>Host: Welcome.</p><table><tr><td>Ada</td><td>Thank you.</td></tr></table>
<footer>Terms</footer></body></html>"#;
        assert_eq!(read(page).text, "# Notes\n\nHost: Welcome.\n\nAda: Thank you.\n");
    }
}
