//! Rendering results for people (plain or coloured text) and for scripts
//! (JSON lines). Every function writes to any writer, so tests render into
//! a buffer.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use newsdex::extract::Article;

/// One line of `newsdex extract` output (schema/extract.schema.json).
#[derive(Serialize)]
struct ExtractedJson<'a> {
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    url: Option<&'a str>,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    byline: Option<&'a str>,
    date: Option<String>,
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    passages: Option<Vec<&'a str>>,
    quotes: Vec<QuoteJson<'a>>,
    notes: &'a [String],
}

/// A quotation in JSON (schema/quote.schema.json).
#[derive(Serialize)]
pub struct QuoteJson<'a> {
    text: &'a str,
    speaker: Option<&'a str>,
    role: Option<&'a str>,
    named: Option<bool>,
    said_on: Option<String>,
    when: Option<&'a str>,
    partial: bool,
    /// Character (not byte) offsets of the quoted words in the body.
    start: usize,
    end: usize,
    passage: Option<usize>,
}

/// Writes one article as `newsdex extract` prints it.
pub fn extracted(out: &mut dyn Write, a: &Article, id: Option<&str>, with_text: bool) -> Result<()> {
    let chars = CharOffsets::new(&a.text);
    let quotes = a
        .quotes
        .iter()
        .map(|q| QuoteJson {
            text: &q.text,
            speaker: q.speaker.as_ref().map(|s| s.name.as_str()),
            role: q.speaker.as_ref().and_then(|s| s.role.as_deref()),
            named: q.speaker.as_ref().map(|s| s.named),
            said_on: q.said_on.map(|d| d.to_string()),
            when: q.when.as_deref(),
            partial: q.partial,
            start: chars.of(q.range.start),
            end: chars.of(q.range.end),
            passage: a.passage_of(q.range.start),
        })
        .collect();
    let line = ExtractedJson {
        path: a.path.display().to_string(),
        id,
        url: a.url.as_deref(),
        title: a.title.as_deref(),
        outlet: a.outlet.as_deref(),
        byline: a.byline.as_deref(),
        date: a.date.map(|d| d.to_string()),
        published: a.published.map(|t| t.to_rfc3339()),
        text: with_text.then_some(a.text.as_str()),
        passages: with_text.then(|| a.passages.iter().map(|p| a.passage_text(p)).collect()),
        quotes,
        notes: &a.notes,
    };
    serde_json::to_writer(&mut *out, &line)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Byte offset to character offset, for consumers that index by character.
struct CharOffsets {
    /// Byte offset of every character boundary, in order.
    bounds: Vec<usize>,
}

impl CharOffsets {
    fn new(text: &str) -> Self {
        let mut bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bounds.push(text.len());
        Self { bounds }
    }

    fn of(&self, byte: usize) -> usize {
        self.bounds.partition_point(|&b| b < byte)
    }
}
