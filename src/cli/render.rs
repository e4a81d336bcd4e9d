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
    /// Use ANSI colours (only on a terminal).
    pub color: bool,
    /// The terminal's width in columns (80 off a terminal).
    pub width: usize,
    /// Output goes to a terminal (wrap to its width).
    pub terminal: bool,
}

/// A path as the user would type it: relative to the current folder when
/// it lies under it.
pub fn shown(path: &str) -> String {
    let Ok(cwd) = std::env::current_dir() else {
        return path.to_string();
    };
    let prefix = format!("{}/", cwd.display());
    path.strip_prefix(prefix.as_str())
        .unwrap_or(path)
        .to_string()
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
        &format!("{} #{}", shown(&h.article), h.passage),
        Some(&color(Color::Magenta, false)),
        style,
    )?;
    writeln!(out)?;
    out.write_all(b"  ")?;
    let wrapped;
    let text = if style.terminal {
        // On a terminal: wrap to its width, keeping highlight offsets valid
        // by only replacing spaces with newlines.
        wrapped = wrap_in_place(&h.snippet.text, style.width.saturating_sub(2));
        &wrapped
    } else {
        &h.snippet.text
    };
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
    for &i in &h.in_quote {
        let q = &h.quotes[i];
        let who = q.speaker.as_deref().unwrap_or("unattributed");
        let when = q
            .said_on
            .as_deref()
            .map(|d| format!(", {d}"))
            .unwrap_or_default();
        paint(out, "  ❝ ", Some(&color(Color::Cyan, true)), style)?;
        writeln!(out, "{} — {who}{when}", q.text)?;
    }
    if !h.speakers.is_empty() {
        writeln!(out, "  quoted: {}", h.speakers.join(", "))?;
    }
    match h.also_in.len() {
        0 => {}
        1 => writeln!(out, "  also in 1 other file: {}", shown(&h.also_in[0]))?,
        n => writeln!(
            out,
            "  also in {n} other files, such as {}",
            shown(&h.also_in[0])
        )?,
    }
    writeln!(out)?;
    Ok(())
}

fn flat(s: &str) -> String {
    s.replace('\n', "\n  ")
}

/// Wraps text at `width` columns by turning spaces into newlines, so byte
/// offsets into it stay valid.
fn wrap_in_place(text: &str, width: usize) -> String {
    let width = width.max(20);
    let mut out = String::with_capacity(text.len());
    for line in textwrap::wrap(text, textwrap::Options::new(width).break_words(false)) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&line);
    }
    // textwrap drops the spaces it breaks at; put them back as newlines.
    if out.len() == text.len() {
        out
    } else {
        text.to_string()
    }
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
        .enumerate()
        .map(|(i, q)| {
            serde_json::json!({
                "text": q.text, "speaker": q.speaker, "role": q.role, "named": q.named,
                "said_on": q.said_on, "matched": h.in_quote.contains(&i),
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

/// Facet tables beside the hits.
pub fn facets(
    out: &mut dyn Write,
    facets: &[(newsdex::search::Facet, Vec<(String, u64)>)],
    style: Style,
) -> Result<()> {
    for (facet, rows) in facets {
        let name = serde_json::to_value(facet)?
            .as_str()
            .unwrap_or_default()
            .to_string();
        paint(
            out,
            &format!("by {name}:"),
            Some(&color(termcolor::Color::Yellow, true)),
            style,
        )?;
        writeln!(out)?;
        let width = rows
            .iter()
            .map(|(_, c)| c.to_string().len())
            .max()
            .unwrap_or(1);
        for (value, count) in rows {
            writeln!(out, "  {count:>width$}  {value}")?;
        }
    }
    Ok(())
}

/// Facet counts as JSON lines (schema/facet.schema.json).
pub fn facets_json(
    out: &mut dyn Write,
    facets: &[(newsdex::search::Facet, Vec<(String, u64)>)],
) -> Result<()> {
    for (facet, rows) in facets {
        for (value, count) in rows {
            serde_json::to_writer(
                &mut *out,
                &serde_json::json!({"facet": facet, "value": value, "count": count}),
            )?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// Facet counts as CSV.
pub fn facets_csv(
    out: &mut dyn Write,
    facets: &[(newsdex::search::Facet, Vec<(String, u64)>)],
) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["facet", "value", "count"])?;
    for (facet, rows) in facets {
        let name = serde_json::to_value(facet)?
            .as_str()
            .unwrap_or_default()
            .to_string();
        for (value, count) in rows {
            w.write_record([name.as_str(), value.as_str(), &count.to_string()])?;
        }
    }
    w.flush()?;
    Ok(())
}

/// One quotation for people: day and speaker, the words, then the
/// sentence around them and where they come from.
pub fn quote(
    out: &mut dyn Write,
    q: &newsdex::search::quotes::QuoteHit,
    style: Style,
) -> Result<()> {
    use termcolor::Color;
    let day = q.said_on.as_deref().unwrap_or("undated");
    paint(out, day, Some(&color(Color::Yellow, false)), style)?;
    out.write_all(b"  ")?;
    let who = q.speaker.as_deref().unwrap_or("unattributed");
    paint(out, who, Some(&color(Color::Green, true)), style)?;
    if let Some(role) = &q.role {
        write!(out, " ({role})")?;
    }
    writeln!(out)?;
    writeln!(out, "  “{}”", q.text)?;
    if q.context.len() > q.text.len() + 4 {
        writeln!(out, "  in: {}", q.context)?;
    }
    let mut source = Vec::new();
    if let Some(o) = &q.outlet {
        source.push(o.clone());
    }
    if let Some(t) = &q.title {
        source.push(t.clone());
    }
    writeln!(out, "  {}", source.join(", "))?;
    paint(
        out,
        &format!("  {} #{}", shown(&q.article), q.passage),
        Some(&color(Color::Magenta, false)),
        style,
    )?;
    writeln!(out)?;
    writeln!(out)?;
    Ok(())
}

/// A timeline as a bar chart, scaled to the terminal's width.
pub fn timeline(
    out: &mut dyn Write,
    buckets: &[newsdex::search::timeline::Bucket],
    style: Style,
) -> Result<()> {
    let max = buckets.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let label_w = buckets.iter().map(|b| b.label.len()).max().unwrap_or(0);
    let count_w = max.to_string().len();
    let room = style.width.saturating_sub(label_w + count_w + 4).max(10) as u64;
    for b in buckets {
        let len = (b.count * room).div_ceil(max) as usize;
        write!(out, "{:<label_w$}  {:>count_w$} ", b.label, b.count)?;
        paint(
            out,
            &"█".repeat(len),
            Some(&color(termcolor::Color::Blue, false)),
            style,
        )?;
        writeln!(out)?;
    }
    Ok(())
}
