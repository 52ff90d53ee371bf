//! Formats: told by content first, the file name second; damaged, protected and unknown files named.

use std::io::Write;

use super::*;

fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default()).expect("a part");
        zip.write_all(body.as_bytes()).expect("written");
    }
    zip.finish().expect("a zip").into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

#[test]
fn word_paragraphs_headings_labels_and_tables() {
    let body = format!(
        r#"<w:document {W}><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>A title</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Host : </w:t></w:r><w:r><w:t>How did it start?</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
<w:p><w:r><w:t>Tom &amp; Jerry</w:t><w:tab/><w:t>tabbed</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>
<w:p/>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Shen Wei</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>We opened in 2014.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:sectPr/></w:body></w:document>"#
    );
    let bytes = zip_of(&[("[Content_Types].xml", "<Types/>"), ("word/document.xml", &body)]);
    let s = read_bytes(Path::new("a.docx"), &bytes, None).expect("read");
    assert_eq!(s.format, InputFormat::Docx);
    assert_eq!(
        s.text,
        "# A title\n\n**Host :** How did it start?\n\nTom & Jerry\ttabbed\n\nShen Wei: We opened in 2014.\n"
    );
    assert_eq!(s.positions, ["paragraph 1", "paragraph 2", "paragraph 3", "paragraph 4"]);
}

#[test]
fn opendocument_paragraphs_bold_spans_and_notes() {
    let content = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0">
<office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>
<office:body><office:text><text:h text:outline-level="1">Titre</text:h>
<text:p><text:span text:style-name="T1">Journaliste :</text:span> Comment<text:s text:c="2"/>est-ce né ?<text:note><text:note-body><text:p>une note</text:p></text:note-body></text:note></text:p>
<text:list><text:list-item><text:p>un point</text:p></text:list-item></text:list>
</office:text></office:body></office:document-content>"#;
    let bytes = zip_of(&[("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content)]);
    let s = read_bytes(Path::new("a.odt"), &bytes, None).expect("read");
    assert_eq!(s.format, InputFormat::Odt);
    assert_eq!(s.text, "# Titre\n\n**Journaliste :** Comment  est-ce né ?\n\nun point\n");
}

#[test]
fn what_is_not_read_is_said() {
    let say = |bytes: &[u8], name: &str| match read_bytes(Path::new(name), bytes, None) {
        Err(ErrorKind::Document(m)) => m,
        other => panic!("{name}: {other:?}"),
    };
    assert!(say(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "a.doc").contains("password"));
    assert!(say(b"%PDF-1.7\n", "a.pdf").contains("Word (.docx)"));
    assert!(say(&zip_of(&[("x.txt", "x")]), "a.docx").contains("not a Word (.docx) or OpenDocument"));
    assert!(say(b"PK\x03\x04 cut short", "a.docx").contains("damaged"));
    let empty = format!(r#"<w:document {W}><w:body><w:p/></w:body></w:document>"#);
    assert!(say(&zip_of(&[("word/document.xml", &empty)]), "a.docx").contains("no text"));
    match read_bytes(Path::new("a.bin"), &[0u8, 1, 2, 3, 0, 0, 7, 8, 0, 0, 0, 0, 1], None) {
        Err(ErrorKind::Binary { .. }) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn content_before_extension() {
    // Subtitles named .txt are subtitles; a page named .txt is a page only when it says so.
    let srt = "1\n00:00:01,000 --> 00:00:02,000\nHello.\n";
    assert_eq!(read_bytes(Path::new("a.txt"), srt.as_bytes(), None).unwrap().format, InputFormat::Srt);
    let page = "<!DOCTYPE html><html><body><p>Hi.</p></body></html>";
    assert_eq!(read_bytes(Path::new("a.txt"), page.as_bytes(), None).unwrap().format, InputFormat::Html);
    assert_eq!(read_bytes(Path::new("a.html"), b"Just text.", None).unwrap().format, InputFormat::Text);
    assert_eq!(read_bytes(Path::new("a.md"), b"# T\n\nText.", None).unwrap().format, InputFormat::Markdown);
    let plain = read_bytes(Path::new("a.srt"), "Host: no cues here.".as_bytes(), None).unwrap();
    assert_eq!(plain.format, InputFormat::Text);
}

#[test]
fn nested_tables_give_each_cell_its_text_once() {
    // A table inside a cell inside a table…, 40 levels deep, each level's cell with one word:
    // each word once (the text used to repeat once per level, and a crafted 53 KB file took
    // 115 s and 8 GB).
    let depth = 40;
    let mut xml = String::new();
    for k in 0..depth {
        xml.push_str(&format!("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>level{k}</w:t></w:r></w:p>"));
    }
    for _ in 0..depth {
        xml.push_str("</w:tc><w:tc><w:p><w:r><w:t>side</w:t></w:r></w:p></w:tc></w:tr></w:tbl>");
    }
    let body = format!("<w:document {W}><w:body>{xml}<w:sectPr/></w:body></w:document>");
    let bytes = zip_of(&[("[Content_Types].xml", "<Types/>"), ("word/document.xml", &body)]);
    let s = read_bytes(Path::new("nested.docx"), &bytes, None).expect("read");
    for k in 0..depth {
        assert_eq!(
            s.text.matches(&format!("level{k}\n")).count()
                + s.text.matches(&format!("level{k} ")).count()
                + s.text.matches(&format!("level{k}:")).count(),
            1,
            "level{k} once: {}",
            &s.text[..s.text.len().min(300)]
        );
    }
    assert_eq!(s.text.matches("side").count(), depth);
}

#[test]
fn a_part_that_inflates_past_the_limit_says_so() {
    // A small archive whose part inflates to a megabyte, read with a limit of 64 KiB: the message
    // speaks of the content inflating, not of a file over the limit (the file is small).
    let big = "a".repeat(1 << 20);
    let bytes = zip_of(&[("word/document.xml", &big)]);
    assert!(bytes.len() < 16 << 10, "a small file: {} bytes", bytes.len());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let part = zip.by_name("word/document.xml").expect("the part");
    let e = super::read_part_within(part, 64 << 10).unwrap_err();
    let said = crate::core::decode::describe(&e);
    assert!(said.contains("inflates past the limit") && !said.contains("larger than"), "{said}");
}
