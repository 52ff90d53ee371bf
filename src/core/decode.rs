//! Bytes on disk → Unicode text: BOM sniffing, UTF-8 validation, legacy-encoding detection.

use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// What every format is read as, for messages about files that are none of them.
pub const READ: &str = "Tandem reads plain text (any common encoding), Markdown, Word (.docx), \
                        OpenDocument (.odt), SRT and WebVTT subtitles and web pages (.html)";

/// Text decoded from a file, with what was learned on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, line ends kept as they were (see [`crate::core::paragraphs`] for line splitting).
    pub text: String,
    /// The encoding's canonical name (`UTF-8`, `GBK`, `UTF-16LE`, …).
    pub encoding: &'static str,
    /// Whether the file started with a byte-order mark.
    pub had_bom: bool,
    /// How many invalid byte sequences were replaced by U+FFFD.
    pub replaced: usize,
    /// When the encoding is a guess that may well be wrong, why it was made (said to the user).
    pub guess: Option<String>,
}

/// What went wrong reading a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The file could not be opened or read (missing, permissions, vanished, a folder…): the
    /// system's kind of error, kept for whoever must tell them apart, and what it says.
    Io { kind: std::io::ErrorKind, message: String },
    /// The file holds no bytes, or only white space.
    Empty,
    /// Only spaces and line breaks.
    Blank,
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge(u64),
    /// The bytes look like a binary file, not text.
    Binary { offset: usize },
    /// The bytes do not decode as text in any encoding we tried.
    Undecodable { encoding: &'static str, replaced: usize },
    /// The caller asked for an encoding label we do not know.
    UnknownEncoding(String),
    /// A document (Word, OpenDocument, subtitles…) that is damaged, protected or empty.
    Document(String),
}

/// An error reading or decoding one file, naming the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("error reading '{}': {}", path.display(), describe(kind))]
pub struct DecodeError {
    path: PathBuf,
    kind: ErrorKind,
}

impl DecodeError {
    pub fn new(path: impl Into<PathBuf>, kind: ErrorKind) -> Self {
        Self { path: path.into(), kind }
    }
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file is not there (deleted, moved, never was).
    pub fn is_missing(&self) -> bool {
        matches!(self.kind, ErrorKind::Io { kind: std::io::ErrorKind::NotFound, .. })
    }
}

pub(crate) fn describe(kind: &ErrorKind) -> String {
    match kind {
        ErrorKind::Io { message, .. } => message.clone(),
        ErrorKind::Empty => "the file is empty".into(),
        ErrorKind::Blank => "the file has no text (only spaces and line breaks)".into(),
        ErrorKind::TooLarge(n) if *n > MAX_FILE_BYTES => format!(
            "the file is larger than the limit of {} MiB ({} MiB or more)",
            MAX_FILE_BYTES / (1024 * 1024),
            n / (1024 * 1024)
        ),
        ErrorKind::TooLarge(n) => format!(
            "the file is too large ({} MiB; the limit is {} MiB)",
            n / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
        ErrorKind::Binary { offset } => {
            format!("not a text file or a document Tandem reads (binary data at byte {offset}); {}", READ)
        }
        ErrorKind::Document(what) => what.clone(),
        ErrorKind::Undecodable { encoding, replaced } => format!(
            "not valid text: {replaced} invalid byte sequences even as {encoding}; \
             try forcing an encoding"
        ),
        ErrorKind::UnknownEncoding(label) => format!("unknown encoding '{label}'"),
    }
}

/// Looks up an encoding by any WHATWG label (`gbk`, `gb18030`, `big5`, `shift_jis`, `latin1`, …).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Reads and decodes a file. `forced` is an encoding label that overrides detection.
///
/// # Errors
/// Missing or unreadable files, empty, binary, oversized or undecodable content, unknown labels.
pub fn read_file(path: &Path, forced: Option<&str>) -> Result<Decoded, DecodeError> {
    let err = |kind| DecodeError::new(path, kind);
    let forced = match forced {
        Some(label) => Some(encoding_for_label(label).ok_or_else(|| err(ErrorKind::UnknownEncoding(label.into())))?),
        None => None,
    };
    let bytes = read_bytes(path)?;
    decode_bytes(&bytes, forced).map_err(err)
}

/// The bytes of a file, at most [`MAX_FILE_BYTES`] of them.
///
/// # Errors
/// A missing or unreadable file, a folder, a file over the limit.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, DecodeError> {
    let err = |kind| DecodeError::new(path, kind);
    let meta = std::fs::metadata(path).map_err(|e| err(io_error(&e)))?;
    if meta.is_dir() {
        let message = "it is a folder, not a file".into();
        return Err(err(ErrorKind::Io { kind: std::io::ErrorKind::IsADirectory, message }));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(err(ErrorKind::TooLarge(meta.len())));
    }
    // A device, a pipe or a file still growing has no size to trust: read at most the limit.
    let file = open(path, &meta).map_err(|e| err(io_error(&e)))?;
    read_limited(file, MAX_FILE_BYTES).map_err(err)
}

#[cfg(unix)]
fn is_pipe(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_pipe(_: &std::fs::Metadata) -> bool {
    false
}

/// Opens a file for reading. A named pipe is opened without waiting for a writer (a plain open
/// would wait for ever when there is none), then read as usual: what a writer sends arrives,
/// and with no writer the read ends at once.
#[cfg(unix)]
fn open(path: &Path, meta: &std::fs::Metadata) -> std::io::Result<std::fs::File> {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::OpenOptionsExt;
    if !is_pipe(meta) {
        return std::fs::File::open(path);
    }
    let file = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)?;
    let fd = file.as_raw_fd();
    // Wait a while for a writer to come and write (or close): a program started just after.
    let mut poll = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
    // SAFETY: one pollfd, owned here, for a descriptor this function owns.
    let ready = unsafe { libc::poll(&raw mut poll, 1, PIPE_WAIT_MS) };
    if ready == 0 {
        return Err(std::io::Error::other(format!(
            "a pipe that nothing was written to in {} s (no program writes into it)",
            PIPE_WAIT_MS / 1000
        )));
    }
    // SAFETY: fcntl on a descriptor this function owns, with flags read from it.
    let cleared = unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        flags >= 0 && libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) == 0
    };
    if cleared { Ok(file) } else { Err(std::io::Error::last_os_error()) }
}

/// How long a named pipe is given for a writer to appear.
#[cfg(unix)]
const PIPE_WAIT_MS: i32 = 5_000;

#[cfg(not(unix))]
fn open(path: &Path, _: &std::fs::Metadata) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Reads everything, but never more than `limit` bytes: one byte more is an error, whatever the
/// reader (`/dev/zero`, an endless pipe).
///
/// # Errors
/// [`ErrorKind::TooLarge`] past the limit, [`ErrorKind::Io`] when reading fails.
pub fn read_limited(reader: impl std::io::Read, limit: u64) -> Result<Vec<u8>, ErrorKind> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes).map_err(|e| io_error(&e))?;
    if bytes.len() as u64 > limit {
        return Err(ErrorKind::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

fn io_error(e: &std::io::Error) -> ErrorKind {
    let message = match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    };
    ErrorKind::Io { kind: e.kind(), message }
}

/// Decodes bytes: BOM first, then strict UTF-8, then UTF-16 without BOM, then detection.
///
/// # Errors
/// [`ErrorKind::Empty`], [`ErrorKind::Binary`] or [`ErrorKind::Undecodable`].
pub fn decode_bytes(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, ErrorKind> {
    if bytes.is_empty() {
        return Err(ErrorKind::Empty);
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ErrorKind::Blank);
    }
    let mut guess = None;
    let (encoding, had_bom, body) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        (forced.unwrap_or(enc), true, &bytes[bom_len..])
    } else if let Some(enc) = forced {
        (enc, false, bytes)
    } else if std::str::from_utf8(bytes).is_ok() && !bytes.contains(&0) {
        (UTF_8, false, bytes)
    } else if let Some(enc) = sniff_utf16(bytes) {
        (enc, false, bytes)
    } else {
        if let Some(offset) = binary_offset(bytes) {
            return Err(ErrorKind::Binary { offset });
        }
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        let (good, bad) = utf8_counts(bytes);
        // A file that is almost UTF-8 (a few stray bytes) stays UTF-8: a legacy guess would garble it.
        let enc =
            if good > 0 && good >= 10 * bad { UTF_8 } else { detector.guess(None, chardetng::Utf8Detection::Allow) };
        if enc != UTF_8 && good >= 8 && 2 * good >= bad {
            // Many well-formed UTF-8 characters among the broken ones: damaged UTF-8 as likely
            // as a legacy file. The guess stands, but the user is told it is one.
            guess = Some(format!(
                "read as {}, a guess: the file is not valid UTF-8 ({bad} broken byte sequences among \
                 {good} well-formed UTF-8 characters); if the text looks wrong, it may be damaged \
                 UTF-8 or another encoding: open it again choosing its encoding",
                enc.name()
            ));
        }
        (enc, false, bytes)
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let replaced = if had_errors { text.chars().filter(|&c| c == '\u{FFFD}').count() } else { 0 };
    let chars = text.chars().count().max(1);
    if replaced * 10 > chars {
        return Err(ErrorKind::Undecodable { encoding: encoding.name(), replaced });
    }
    // The same check whatever the route: a forced encoding, a byte-order mark or a project's
    // recorded encoding lets no NUL or run of control characters through as text.
    if let Some(offset) = nul_offset(&text).or_else(|| control_offset(&text)) {
        return Err(ErrorKind::Binary { offset });
    }
    let text = text.into_owned();
    if text.trim().is_empty() {
        return Err(ErrorKind::Empty);
    }
    Ok(Decoded { text, encoding: encoding.name(), had_bom, replaced, guess })
}

/// UTF-16 without BOM: text in the BMP's Latin or CJK ranges leaves NULs in every other byte.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 > pairs * 6 && even_nul * 20 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 > pairs * 6 && odd_nul * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The offset of the first NUL byte in the first 64 KiB, the sign of a binary file.
fn binary_offset(bytes: &[u8]) -> Option<usize> {
    bytes[..bytes.len().min(65536)].iter().position(|&b| b == 0)
}

/// The offset of the first NUL character in the first 64 Ki characters of decoded text.
fn nul_offset(text: &str) -> Option<usize> {
    text.char_indices().take(65536).find(|&(_, c)| c == '\0').map(|(i, _)| i)
}

/// Text that decoded but is full of control characters is binary data in disguise.
fn control_offset(text: &str) -> Option<usize> {
    let mut controls = 0usize;
    let mut first = None;
    let mut total = 0usize;
    for (i, c) in text.char_indices().take(65536) {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}') {
            controls += 1;
            first.get_or_insert(i);
        }
    }
    (controls * 20 > total.max(1)).then(|| first.unwrap_or(0))
}

/// Well-formed non-ASCII UTF-8 characters and broken sequences in the bytes: a UTF-8 file with
/// a few stray bytes has ten times more of the first (a legacy file has almost none).
fn utf8_counts(bytes: &[u8]) -> (usize, usize) {
    let mut rest = bytes;
    let (mut bad, mut good) = (0usize, 0usize);
    loop {
        let (valid, err) = match std::str::from_utf8(rest) {
            Ok(s) => (s, None),
            Err(e) => (std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or(""), Some(e)),
        };
        good += valid.chars().filter(|c| !c.is_ascii()).count();
        let Some(e) = err else { break };
        bad += 1;
        let skip = e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to()).max(1);
        rest = &rest[skip.min(rest.len())..];
    }
    (good, bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> Decoded {
        decode_bytes(bytes, None).unwrap()
    }

    #[test]
    fn utf8_plain_and_with_bom() {
        let d = decode("沈伟：你好".as_bytes());
        assert_eq!((d.text.as_str(), d.encoding, d.had_bom), ("沈伟：你好", "UTF-8", false));
        let d = decode(b"\xEF\xBB\xBFBonjour");
        assert_eq!((d.text.as_str(), d.encoding, d.had_bom), ("Bonjour", "UTF-8", true));
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let text = "问：大模型是什么？\nRéponse : été";
        for (enc, bom) in [(UTF_16LE, &b"\xFF\xFE"[..]), (UTF_16BE, &b"\xFE\xFF"[..])] {
            let units: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| if enc == UTF_16LE { u.to_le_bytes() } else { u.to_be_bytes() })
                .collect();
            let with_bom = [bom, &units].concat();
            let d = decode(&with_bom);
            assert_eq!((d.text.as_str(), d.encoding, d.had_bom), (text, enc.name(), true));
            let latin: Vec<u8> = "Shen Wei: Bonjour, ceci est un texte."
                .encode_utf16()
                .flat_map(|u| if enc == UTF_16LE { u.to_le_bytes() } else { u.to_be_bytes() })
                .collect();
            assert_eq!(decode(&latin).encoding, enc.name());
        }
    }

    #[test]
    fn legacy_chinese_and_latin_are_detected() {
        let zh = "主持人：请您介绍一下大模型的发展历程。\n沈伟：大模型的参数量很大，训练成本也很高。我们认为未来几年会有很多变化。";
        let (gbk, _, _) = encoding_rs::GBK.encode(zh);
        let d = decode(&gbk);
        assert_eq!(d.text, zh);
        assert!(["GBK", "gb18030"].contains(&d.encoding), "{}", d.encoding);

        let big5_text = "主持人：請您介紹一下大模型的發展歷程。沈偉：大模型的參數量很大，訓練成本也很高。";
        let (big5, _, _) = encoding_rs::BIG5.encode(big5_text);
        assert_eq!(decode(&big5).encoding, "Big5");

        let fr = "Le modèle est déjà très grand, a-t-il déclaré à l'été. « Ça devient une mer rouge. »";
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(fr);
        let d = decode(&latin);
        assert_eq!((d.text.as_str(), d.encoding), (fr, "windows-1252"));
    }

    #[test]
    fn shift_jis_is_detected() {
        let ja = "司会：今日は大規模言語モデルについてお話を伺います。よろしくお願いします。";
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(ja);
        let d = decode(&sjis);
        assert_eq!((d.text.as_str(), d.encoding), (ja, "Shift_JIS"));
    }

    #[test]
    fn forced_encoding_wins() {
        let (gbk, _, _) = encoding_rs::GBK.encode("你好，世界。这是一个测试。");
        let d = decode_bytes(&gbk, Some(encoding_rs::GB18030)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("你好，世界。这是一个测试。", "gb18030"));
        assert!(encoding_for_label("latin1").is_some());
        assert!(encoding_for_label("klingon").is_none());
    }

    #[test]
    fn stray_invalid_bytes_are_replaced_and_counted() {
        let mut bytes = "Shen Wei : une réponse assez longue pour que quelques octets cassés ne comptent pas. "
            .repeat(20)
            .into_bytes();
        bytes.insert(100, 0xFF);
        bytes.insert(500, 0xC3);
        let d = decode(&bytes);
        assert_eq!((d.encoding, d.replaced), ("UTF-8", 2));
        assert_eq!(d.text.matches('\u{FFFD}').count(), 2);
    }

    #[test]
    fn endless_readers_stop_at_the_limit() {
        assert_eq!(read_limited(std::io::repeat(b'a'), 1000), Err(ErrorKind::TooLarge(1001)));
        assert_eq!(read_limited(&b"short"[..], 1000), Ok(b"short".to_vec()));
        let e = DecodeError::new(Path::new("/dev/zero"), ErrorKind::TooLarge(MAX_FILE_BYTES + 1));
        assert!(e.to_string().contains("larger than the limit of 256 MiB"), "{e}");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
        assert!(matches!(decode_bytes(png, None), Err(ErrorKind::Binary { offset: 8 })));
        assert_eq!(decode_bytes(b"", None), Err(ErrorKind::Empty));
        assert_eq!(decode_bytes(b" \n\r\n\t", None), Err(ErrorKind::Blank));
        assert_eq!(
            DecodeError::new(Path::new("a.txt"), ErrorKind::Blank).to_string(),
            "error reading 'a.txt': the file has no text (only spaces and line breaks)"
        );
        let noise: Vec<u8> = (0..4000u32).map(|i| (i * 7919 % 251) as u8 | 1).collect();
        assert!(decode_bytes(&noise, None).is_err());
    }

    #[test]
    fn errors_name_the_file_and_the_reason() {
        let e = read_file(Path::new("/no/such/left.txt"), None).unwrap_err();
        assert_eq!(e.to_string(), "error reading '/no/such/left.txt': no such file");
        let e = read_file(Path::new("/tmp"), None).unwrap_err();
        assert!(e.to_string().contains("folder"), "{e}");
        let e = read_file(Path::new("x.txt"), Some("klingon")).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::UnknownEncoding("klingon".into()));
        let e = DecodeError::new("a.bin", ErrorKind::Binary { offset: 512 });
        let message = e.to_string();
        assert!(message.starts_with(
            "error reading 'a.bin': not a text file or a document Tandem reads (binary data at byte 512)"
        ));
        assert!(message.contains("Word (.docx)"), "what is read is listed: {message}");
    }

    #[test]
    fn a_forced_encoding_lets_no_binary_through() {
        // NULs in a file read as windows-1252 because the user (or a project) said so.
        let mut bytes = b"Bonjour, ceci est du texte. ".repeat(10);
        bytes.extend_from_slice(b"\0\0\0\x01\x02binary tail");
        let forced = encoding_for_label("windows-1252");
        assert!(matches!(decode_bytes(&bytes, forced), Err(ErrorKind::Binary { offset: 280 })));
        // Real UTF-16 forced is still text: its NUL bytes are halves of characters.
        let utf16: Vec<u8> = "问：你好\nRéponse".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode_bytes(&utf16, encoding_for_label("utf-16le")).unwrap();
        assert_eq!(d.text, "问：你好\nRéponse");
    }

    /// `text` as UTF-8 with one byte in `every` replaced by a byte that breaks it.
    fn damaged(text: &str, every: usize) -> Vec<u8> {
        let mut bytes = text.as_bytes().to_vec();
        for (k, b) in bytes.iter_mut().enumerate() {
            if k % every == every / 2 {
                *b = 0xFF - (k % 64) as u8;
            }
        }
        bytes
    }

    #[test]
    fn damaged_utf8_read_another_way_says_it_is_a_guess() {
        let zh = "沈伟：我们今天谈谈人工智能的发展，以及它对出版和翻译行业意味着什么。".repeat(30);
        let d = decode(&damaged(&zh, 7));
        assert_ne!(d.encoding, "UTF-8");
        let said = d.guess.expect("a guess is said");
        assert!(said.contains(d.encoding) && said.contains("not valid UTF-8"), "{said}");
        assert!(!said.contains("  "), "one message, no gaps: {said}");
        // A genuine legacy file is read as such without a word of doubt.
        let (gbk, _, _) = encoding_rs::GBK.encode(&zh);
        let d = decode(&gbk);
        assert_eq!((d.encoding, d.guess), ("GBK", None));
        let fr = "Une réponse très détaillée, à côté. ".repeat(30);
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(&fr);
        let d = decode(&latin);
        assert_eq!((d.encoding, d.guess), ("windows-1252", None));
        // Nor are the other legacy encodings of Chinese, Japanese and Korean, whose byte pairs
        // sometimes happen to be well-formed UTF-8.
        let tw = "沈偉：我們今天談談人工智慧的發展，以及它對出版和翻譯行業意味著什麼。".repeat(30);
        let ja = "沈偉：今日は人工知能の発展と、それが出版や翻訳の仕事にとって何を意味するかを話します。".repeat(30);
        let ko = "선웨이: 오늘은 인공지능의 발전과 그것이 출판과 번역에 무엇을 뜻하는지 이야기합니다.".repeat(30);
        for (text, enc) in [
            (&tw, encoding_rs::BIG5),
            (&ja, encoding_rs::SHIFT_JIS),
            (&ja, encoding_rs::EUC_JP),
            (&ko, encoding_rs::EUC_KR),
        ] {
            let (bytes, _, _) = enc.encode(text);
            let d = decode(&bytes);
            assert_eq!((d.encoding, d.guess.as_deref()), (enc.name(), None), "{}", enc.name());
        }
        // Valid UTF-8 is no guess either.
        assert_eq!(decode(zh.as_bytes()).guess, None);
    }
}
