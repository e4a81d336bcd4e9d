//! Ingest: from files on disk to [`Article`]s with a body and metadata.
//!
//! [`walk`] finds the article files under a folder; [`read_file`] decodes
//! one file ([`decode`]) and hands it to the reader for its format
//! ([`html`], [`text`], [`json`]). Nothing here knows about quotations or
//! the index.

pub mod decode;
pub mod html;
pub mod json;
pub mod text;
pub mod walk;

use std::path::Path;

use crate::extract::Article;
use crate::extract::dates::{Published, parse_date};

/// The largest file newsdex reads; larger ones are skipped with a warning.
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// The article formats newsdex reads, decided by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A saved web page (`.html`, `.htm`).
    Html,
    /// Plain text (`.txt`, or no extension).
    Text,
    /// Markdown with optional front matter (`.md`).
    Markdown,
    /// One JSON article (`.json`).
    Json,
    /// One JSON article per line (`.jsonl`, `.ndjson`).
    JsonLines,
}

impl Format {
    /// The format of a path, or `None` for files that are not articles.
    pub fn of(path: &Path) -> Option<Format> {
        let Some(ext) = path.extension() else {
            return Some(Format::Text);
        };
        match ext.to_str()?.to_ascii_lowercase().as_str() {
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// Why a file could not be read. Each names what to do next.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("cannot read: {0} (check that it exists and that newsdex may read it)")]
    Io(#[from] std::io::Error),
    /// The file is empty.
    #[error("empty file: nothing to index (it is read again once it has text)")]
    Empty,
    /// The file holds binary data.
    #[error("binary file, not an article (remove it or give it a non-article extension)")]
    Binary,
    /// The file is too large to be one article.
    #[error(
        "{0} bytes is over the {MAX_FILE_SIZE}-byte limit for one file (split it, or use JSONL)"
    )]
    TooLarge(u64),
    /// A JSON article that does not parse.
    #[error("invalid JSON: {0} (see schema/article.schema.json)")]
    Json(#[from] serde_json::Error),
    /// A JSON article with neither `text` nor `html`.
    #[error("JSON article has no \"text\" or \"html\" field (see schema/article.schema.json)")]
    NoBody,
}

/// What a reader finds in one article: the body and the metadata, before
/// passages and quotations.
#[derive(Debug, Default, PartialEq)]
pub struct Parsed {
    /// The article body, one paragraph per line.
    pub text: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication or site name.
    pub outlet: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// Publication date.
    pub published: Option<Published>,
    /// Original or canonical address.
    pub url: Option<String>,
    /// How the source was read, when something went wrong.
    pub notes: Vec<String>,
}

/// The articles of one file, and warnings about parts that were skipped.
#[derive(Debug, Default)]
pub struct FileRead {
    /// The articles, with body and metadata (no passages or quotes yet).
    pub articles: Vec<Article>,
    /// Problems with single records, such as a bad line in a JSONL file.
    pub warnings: Vec<String>,
}

/// Reads the file at `path` from disk.
pub fn read_file(path: &Path, format: Format, key: &str) -> Result<FileRead, ReadError> {
    let size = std::fs::metadata(path)?.len();
    if size > MAX_FILE_SIZE {
        return Err(ReadError::TooLarge(size));
    }
    let bytes = std::fs::read(path)?;
    read_bytes(path, &bytes, format, key)
}

/// Reads an article file's bytes. `key` becomes each article's id (with
/// `#id` appended for the records of a JSONL file).
pub fn read_bytes(
    path: &Path,
    bytes: &[u8],
    format: Format,
    key: &str,
) -> Result<FileRead, ReadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    if decode::looks_binary(bytes) {
        return Err(ReadError::Binary);
    }
    let base = Article {
        id: key.to_string(),
        path: path.to_path_buf(),
        ..Article::default()
    };
    let mut out = FileRead::default();
    match format {
        Format::Html => {
            let (html, _) = decode::decode_html(bytes);
            let mut page = html::read_page(&html);
            out.warnings.append(&mut page.notes);
            out.articles.push(from_parsed(base, page));
        }
        Format::Text => {
            let (text, _) = decode::decode_text(bytes);
            out.articles.push(from_parsed(base, text::read_text(&text)));
        }
        Format::Markdown => {
            let (text, _) = decode::decode_text(bytes);
            out.articles
                .push(from_parsed(base, text::read_markdown(&text)));
        }
        Format::Json => {
            let (text, _) = decode::decode_text(bytes);
            let record = json::parse(&text)?;
            out.articles.push(from_json(base, record)?);
        }
        Format::JsonLines => {
            let (text, _) = decode::decode_text(bytes);
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let parsed = json::parse(line)
                    .map_err(ReadError::from)
                    .and_then(|record| {
                        let local = record
                            .id
                            .clone()
                            .unwrap_or_else(|| format!("line{}", n + 1));
                        let a = Article {
                            id: format!("{key}#{local}"),
                            ..base.clone()
                        };
                        from_json(a, record)
                    });
                match parsed {
                    Ok(a) => out.articles.push(a),
                    Err(e) => out.warnings.push(format!("line {}: {e}", n + 1)),
                }
            }
        }
    }
    for a in &mut out.articles {
        // No outlet named: the site of the article's address, in every
        // format ("news.example.co.uk" gives "example.co.uk").
        if a.outlet.is_none() {
            a.outlet = a.url.as_deref().and_then(html::host_of);
        }
        if a.title.is_none() {
            a.notes.push("no title found".to_string());
        }
        if a.date.is_none() {
            a.notes.push("no publication date found".to_string());
        }
    }
    Ok(out)
}

fn set_published(a: &mut Article, p: Option<Published>) {
    if let Some(p) = p {
        a.date = Some(p.date);
        a.published = p.time;
    }
}

fn from_parsed(mut a: Article, p: Parsed) -> Article {
    a.text = p.text;
    a.title = p.title;
    a.outlet = p.outlet;
    a.byline = p.byline;
    a.url = p.url;
    set_published(&mut a, p.published);
    a
}

fn from_json(mut a: Article, r: json::JsonArticle) -> Result<Article, ReadError> {
    let page = match (r.text, r.html) {
        (Some(t), _) => Parsed {
            text: t,
            ..Parsed::default()
        },
        // A whole saved page, as scrapers export it: read as a page, for
        // its body without the site's menus and for the metadata the
        // record leaves out.
        (None, Some(h)) if is_whole_page(&h) => html::read_page(&h),
        (None, Some(h)) => Parsed {
            text: html::to_text(&h),
            ..Parsed::default()
        },
        (None, None) => return Err(ReadError::NoBody),
    };
    a.text = page.text;
    a.notes = page.notes;
    a.title = r.title.or(page.title);
    a.outlet = r.outlet.or(page.outlet);
    a.byline = r.byline.or(page.byline);
    a.url = r.url.or(page.url);
    let date = r.date.as_deref().and_then(parse_date);
    set_published(&mut a, date.or(page.published));
    Ok(a)
}

/// True when HTML is a whole page rather than a fragment of a body.
fn is_whole_page(html: &str) -> bool {
    let head = &html.as_bytes()[..html.len().min(1024)];
    [&b"<html"[..], b"<head", b"<!doctype"]
        .iter()
        .any(|tag| head.windows(tag.len()).any(|w| w.eq_ignore_ascii_case(tag)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_json(line: &str) -> Article {
        let bytes = line.as_bytes();
        let mut read = read_bytes(Path::new("a.json"), bytes, Format::Json, "a.json").unwrap();
        read.articles.remove(0)
    }

    #[test]
    fn a_json_record_of_a_whole_page_is_read_as_a_page() {
        let record = serde_json::json!({
            "url": "https://www.example.org/2024/05/02/bridge",
            "html": "<!DOCTYPE html><html><head><title>Bridge reopens - The Gazette</title>\
                     <meta property=\"og:site_name\" content=\"The Gazette\">\
                     <meta property=\"article:published_time\" content=\"2024-05-02T08:00:00Z\">\
                     </head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
                     <article><h1>Bridge reopens</h1><p>The old bridge over the Drava reopened \
                     on Thursday after two years of repairs, the city said.</p><p>Traffic was \
                     light in the morning and heavy by noon, officials said.</p></article></body></html>"
        });
        let a = read_json(&record.to_string());
        assert_eq!(a.title.as_deref(), Some("Bridge reopens"));
        assert_eq!(a.outlet.as_deref(), Some("The Gazette"));
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2024-05-02"));
        assert!(a.text.contains("old bridge over the Drava"), "{}", a.text);
        assert!(!a.text.contains("Home"), "{}", a.text);
        // A fragment stays a fragment; the record's own fields win.
        let a = read_json(r#"{"title": "Mine", "html": "<p>Only <b>this</b>.</p>"}"#);
        assert_eq!(a.title.as_deref(), Some("Mine"));
        assert_eq!(a.text.trim(), "Only this.");
    }

    #[test]
    fn a_json_article_without_an_outlet_takes_the_site_of_its_url() {
        let a = read_json(r#"{"url": "https://news.example.co.uk/world/1", "text": "T"}"#);
        assert_eq!(a.outlet.as_deref(), Some("example.co.uk"));
        let a = read_json(
            r#"{"url": "https://news.example.co.uk/world/1", "outlet": "The Example", "text": "T"}"#,
        );
        assert_eq!(a.outlet.as_deref(), Some("The Example"));
        let md = "---\ntitle: T\nurl: https://www.example.org/a\n---\n\nText.\n";
        let a = read_bytes(Path::new("a.md"), md.as_bytes(), Format::Markdown, "a.md")
            .unwrap()
            .articles
            .remove(0);
        assert_eq!(a.outlet.as_deref(), Some("example.org"));
    }
}
