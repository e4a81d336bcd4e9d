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
pub fn extracted(
    out: &mut dyn Write,
    a: &Article,
    id: Option<&str>,
    with_text: bool,
) -> Result<()> {
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

/// How hits are drawn for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Use ANSI colours.
    pub color: bool,
}

fn paint(
    out: &mut dyn Write,
    text: &str,
    spec: Option<&termcolor::ColorSpec>,
    style: Style,
) -> Result<()> {
    use termcolor::{Ansi, WriteColor};
    match spec {
        Some(spec) if style.color => {
            let mut ansi = Ansi::new(&mut *out);
            ansi.set_color(spec)?;
            ansi.write_all(text.as_bytes())?;
            ansi.reset()?;
        }
        _ => out.write_all(text.as_bytes())?,
    }
    Ok(())
}

fn color(fg: termcolor::Color, bold: bool) -> termcolor::ColorSpec {
    let mut spec = termcolor::ColorSpec::new();
    spec.set_fg(Some(fg)).set_bold(bold);
    spec
}

/// Writes one hit for people: a heading line, the path, the snippet with
/// highlights, and who is quoted.
pub fn hit(out: &mut dyn Write, h: &newsdex::search::Hit, style: Style) -> Result<()> {
    use termcolor::Color;
    let title = h.title.as_deref().unwrap_or("(untitled)");
    paint(out, title, Some(&color(Color::Green, true)), style)?;
    let mut meta = Vec::new();
    if let Some(o) = &h.outlet {
        meta.push(o.clone());
    }
    meta.push(h.date.clone().unwrap_or_else(|| "undated".to_string()));
    writeln!(out, " — {}", meta.join(", "))?;
    paint(
        out,
        &format!("{} #{}", h.article, h.passage),
        Some(&color(Color::Magenta, false)),
        style,
    )?;
    writeln!(out)?;
    out.write_all(b"  ")?;
    let text = &h.snippet.text;
    let mut at = 0;
    for r in &h.snippet.highlights {
        if r.start < at || r.end > text.len() {
            continue;
        }
        paint(out, &flat(&text[at..r.start]), None, style)?;
        if style.color {
            paint(
                out,
                &text[r.start..r.end],
                Some(&color(Color::Red, true)),
                style,
            )?;
        } else {
            write!(out, "[{}]", &text[r.start..r.end])?;
        }
        at = r.end;
    }
    paint(out, &flat(&text[at..]), None, style)?;
    writeln!(out)?;
    if !h.speakers.is_empty() {
        writeln!(out, "  quoted: {}", h.speakers.join(", "))?;
    }
    match h.also_in.len() {
        0 => {}
        1 => writeln!(out, "  also in 1 other file: {}", h.also_in[0])?,
        n => writeln!(out, "  also in {n} other files, such as {}", h.also_in[0])?,
    }
    writeln!(out)?;
    Ok(())
}

fn flat(s: &str) -> String {
    s.replace('\n', " ")
}

/// One hit as JSON (schema/hit.schema.json). Highlights are character
/// offsets into the snippet.
pub fn hit_json(out: &mut dyn Write, h: &newsdex::search::Hit) -> Result<()> {
    let chars = CharOffsets::new(&h.snippet.text);
    let highlights: Vec<[usize; 2]> = h
        .snippet
        .highlights
        .iter()
        .map(|r| [chars.of(r.start), chars.of(r.end)])
        .collect();
    let quotes: Vec<serde_json::Value> = h
        .quotes
        .iter()
        .map(|q| {
            serde_json::json!({
                "text": q.text, "speaker": q.speaker, "role": q.role, "named": q.named,
                "said_on": q.said_on,
            })
        })
        .collect();
    let v = serde_json::json!({
        "path": h.path, "article": h.article, "passage": h.passage, "title": h.title,
        "outlet": h.outlet, "date": h.date, "url": h.url, "score": h.score, "text": h.text,
        "snippet": h.snippet.text, "highlights": highlights, "speakers": h.speakers,
        "quotes": quotes, "also_in": h.also_in,
    });
    serde_json::to_writer(&mut *out, &v)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// The speakers table: count and name, variants in parentheses.
pub fn speakers(out: &mut dyn Write, counts: &[newsdex::search::SpeakerCount]) -> Result<()> {
    let width = counts
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(1);
    for c in counts {
        write!(out, "{:>width$}  {}", c.count, c.speaker)?;
        if !c.variants.is_empty() {
            write!(out, " (also: {})", c.variants.join(", "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The index run's summary for people.
pub fn summary(
    out: &mut dyn Write,
    s: &newsdex::index::writer::Summary,
    index: &std::path::Path,
    took: std::time::Duration,
) -> Result<()> {
    writeln!(
        out,
        "indexed into {}: {} added, {} updated, {} removed, {} unchanged, {} skipped ({} articles, {} passages, {} quotes) in {:.2}s",
        index.display(),
        s.added,
        s.updated,
        s.removed,
        s.unchanged,
        s.skipped,
        s.articles,
        s.passages,
        s.quotes,
        took.as_secs_f64()
    )?;
    Ok(())
}

/// The index run's summary as JSON.
pub fn summary_json(
    out: &mut dyn Write,
    s: &newsdex::index::writer::Summary,
    took: std::time::Duration,
) -> Result<()> {
    let mut v = serde_json::to_value(s)?;
    v["seconds"] = serde_json::json!(took.as_secs_f64());
    serde_json::to_writer(&mut *out, &v)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// `newsdex status` for people.
pub fn status(out: &mut dyn Write, s: &newsdex::index::status::Status) -> Result<()> {
    writeln!(out, "index: {}", s.index)?;
    writeln!(
        out,
        "{} articles in {} files ({} copies of other articles), {} passages, {} quotations, {} named speakers",
        s.articles, s.files, s.copies, s.passages, s.quotes, s.speakers
    )?;
    for f in &s.folders {
        let when = f.last_indexed.as_deref().unwrap_or("never finished");
        write!(out, "{}: {} files, last indexed {when}; ", f.path, f.files)?;
        if !f.exists {
            writeln!(out, "folder is gone (newsdex index --remove {})", f.path)?;
        } else if f.up_to_date() {
            writeln!(out, "up to date")?;
        } else {
            writeln!(
                out,
                "{} new, {} changed, {} removed since (run newsdex index {})",
                f.new, f.changed, f.removed, f.path
            )?;
        }
    }
    Ok(())
}
