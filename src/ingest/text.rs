//! Plain text and Markdown: the body, and the metadata that text files carry
//! in loose conventions.
//!
//! In order: YAML front matter; a wire header of `-- ` lines (headline,
//! byline, date, address); a block of `Key: value` lines; or a headline on
//! the first line followed by "By …" and date lines. A dateline such as
//! "LISBON (Northgate Wire) -" gives the outlet. Hard-wrapped paragraphs are
//! joined back into one line each, keeping byte offsets unchanged.

use serde::Deserialize;

use super::Parsed;
use crate::extract::dates::{is_date_line, parse_date};

/// Front matter fields newsdex reads; others are ignored.
#[derive(Debug, Default, Deserialize)]
struct FrontMatter {
    title: Option<String>,
    #[serde(
        alias = "source",
        alias = "publication",
        alias = "site",
        alias = "publisher"
    )]
    outlet: Option<String>,
    #[serde(alias = "author", alias = "by")]
    byline: Option<serde_norway::Value>,
    #[serde(alias = "published", alias = "pubdate", alias = "published_at")]
    date: Option<serde_norway::Value>,
    #[serde(alias = "link")]
    url: Option<String>,
}

/// Reads a plain text file.
pub fn read_text(text: &str) -> Parsed {
    if let Some((fm, body)) = front_matter(text) {
        let mut a = from_front_matter(fm);
        a.text = unwrap_lines(body.trim());
        a.outlet = a.outlet.or_else(|| dateline_outlet(&a.text));
        return a;
    }
    let mut a = header(text);
    a.outlet = a.outlet.or_else(|| dateline_outlet(&a.text));
    a
}

/// Reads a Markdown file: front matter, then the body as plain text.
pub fn read_markdown(text: &str) -> Parsed {
    let (mut a, body) = match front_matter(text) {
        Some((fm, body)) => (from_front_matter(fm), body),
        None => (Parsed::default(), text),
    };
    a.text = markdown_to_text(body);
    if a.title.is_none() {
        // A leading "# Headline" is the title.
        a.title = body
            .lines()
            .find(|l| !l.trim().is_empty())
            .and_then(|l| l.strip_prefix("# "))
            .map(|t| t.trim().to_string());
        if let Some(t) = &a.title
            && let Some(rest) = a.text.strip_prefix(t.as_str())
        {
            a.text = rest.trim_start().to_string();
        }
    }
    a.outlet = a.outlet.or_else(|| dateline_outlet(&a.text));
    a
}

fn front_matter(text: &str) -> Option<(FrontMatter, &str)> {
    let rest = text.strip_prefix("---")?;
    let rest = rest
        .strip_prefix('\n')
        .or_else(|| rest.strip_prefix("\r\n"))?;
    let end = rest.find("\n---")?;
    let yaml = &rest[..end];
    let after = &rest[end + 4..];
    let body = after.split_once('\n').map_or("", |(_, b)| b);
    let fm = serde_norway::from_str(yaml).unwrap_or_default();
    Some((fm, body))
}

fn from_front_matter(fm: FrontMatter) -> Parsed {
    let scalar = |v: serde_norway::Value| -> Option<String> {
        match v {
            serde_norway::Value::String(s) => Some(s),
            serde_norway::Value::Sequence(items) => {
                let names: Vec<String> = items
                    .into_iter()
                    .filter_map(|i| i.as_str().map(str::to_string))
                    .collect();
                (!names.is_empty()).then(|| names.join(", "))
            }
            serde_norway::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    Parsed {
        text: String::new(),
        title: fm.title.map(|t| t.trim().to_string()),
        outlet: fm.outlet,
        byline: fm.byline.and_then(scalar).map(|b| strip_by(&b)),
        published: fm.date.and_then(scalar).and_then(|d| parse_date(&d)),
        url: fm.url,
        notes: Vec::new(),
    }
}

fn markdown_to_text(md: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::with_capacity(md.len());
    for event in Parser::new(md) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableRow,
            ) => out.push_str("\n\n"),
            Event::End(TagEnd::TableCell) => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_string()
}

fn strip_by(s: &str) -> String {
    let s = s.trim();
    let lower = s.to_lowercase();
    let s = if lower.starts_with("by:") || lower.starts_with("by ") {
        &s[3..]
    } else {
        s
    };
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Metadata from the top of a text file, and the body below it.
fn header(text: &str) -> Parsed {
    let mut a = Parsed::default();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() && lines[i].trim().is_empty() {
        i += 1;
    }
    // A wire header: "-- Headline", "-- By Name", "-- date", "-- url".
    if lines.get(i).is_some_and(|l| l.starts_with("-- ")) {
        let mut first = true;
        while let Some(line) = lines.get(i).and_then(|l| l.strip_prefix("--")) {
            let v = line.trim();
            if first {
                a.title = Some(v.to_string()).filter(|s| !s.is_empty());
                first = false;
            } else if v.to_lowercase().starts_with("by ") {
                a.byline = Some(strip_by(v));
            } else if v.starts_with("http") {
                a.url = Some(v.to_string());
            } else if a.published.is_none() {
                a.published = parse_date(v);
            }
            i += 1;
        }
        a.text = body_from(&lines[i..]);
        return a;
    }
    // A "Key: value" block.
    let mut j = i;
    let mut any = false;
    while let Some(line) = lines.get(j) {
        let Some((k, v)) = line.split_once(':') else {
            break;
        };
        let v = v.trim().to_string();
        match k.trim().to_lowercase().as_str() {
            "title" | "headline" => a.title = Some(v),
            "outlet" | "source" | "publication" | "publisher" | "site" => a.outlet = Some(v),
            "by" | "byline" | "author" | "authors" => a.byline = Some(strip_by(&v)),
            "date" | "published" | "pubdate" | "dateline date" => a.published = parse_date(&v),
            "url" | "link" => a.url = Some(v),
            _ => break,
        }
        any = true;
        j += 1;
    }
    if any {
        a.text = body_from(&lines[j..]);
        return a;
    }
    // A headline, then "By …" and date lines near the top.
    let first = lines.get(i).map_or("", |l| l.trim());
    let is_headline = !first.is_empty()
        && first.len() < 160
        && !first.ends_with(['.', ',', ';', '"', '”'])
        && lines
            .get(i + 1)
            .is_some_and(|l| l.trim().is_empty() || is_meta_line(l));
    if is_headline {
        a.title = Some(first.to_string());
        i += 1;
    }
    let mut k = i;
    let mut seen = 0;
    while k < lines.len() && seen < 4 {
        let line = lines[k].trim();
        if line.is_empty() {
            k += 1;
            continue;
        }
        if line.len() < 80 && line.to_lowercase().starts_with("by ") && a.byline.is_none() {
            a.byline = Some(strip_by(line));
        } else if line.len() < 70 && a.published.is_none() && is_date_line(line) {
            a.published = parse_date(line);
        } else {
            break;
        }
        seen += 1;
        k += 1;
    }
    a.text = body_from(&lines[k..]);
    a
}

fn is_meta_line(l: &str) -> bool {
    let l = l.trim();
    l.to_lowercase().starts_with("by ") || (l.len() < 70 && is_date_line(l))
}

/// The body below the header, with hard-wrapped paragraphs joined.
fn body_from(lines: &[&str]) -> String {
    unwrap_lines(lines.join("\n").trim())
}

/// Joins hard-wrapped lines: in a block of lines between blank lines where
/// the lines are of similar, short length, each newline becomes a space.
/// Lengths in bytes are unchanged, so offsets stay valid.
pub fn unwrap_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (n, block) in text.split("\n\n").enumerate() {
        if n > 0 {
            out.push_str("\n\n");
        }
        let lines: Vec<&str> = block.split('\n').collect();
        let wrapped = lines.len() >= 3 && {
            let body = &lines[..lines.len() - 1];
            let short = body
                .iter()
                .filter(|l| (30..=100).contains(&l.trim_end().len()))
                .count();
            short * 10 >= body.len() * 8
                && body
                    .iter()
                    .filter(|l| l.trim_end().ends_with(['.', '"', '”']))
                    .count()
                    * 2
                    < body.len()
        };
        if wrapped {
            out.push_str(&block.replace('\n', " "));
        } else {
            out.push_str(block);
        }
    }
    out
}

/// The outlet named in a dateline: "LISBON (Northgate Wire) - ...".
fn dateline_outlet(body: &str) -> Option<String> {
    crate::extract::dateline::dateline(body).map(|d| d.outlet.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_header() {
        let t = "-- Ford is reviewing all products\n-- By  Poornima Gupta\n-- Mon Oct 23, 2006 3:48pm EDT\n-- http://example.com/a\n\n \n\nDETROIT  (Reuters) - Ford said on Monday.\n";
        let a = read_text(t);
        assert_eq!(a.title.as_deref(), Some("Ford is reviewing all products"));
        assert_eq!(a.byline.as_deref(), Some("Poornima Gupta"));
        assert_eq!(a.published.unwrap().date.to_string(), "2006-10-23");
        assert_eq!(a.url.as_deref(), Some("http://example.com/a"));
        assert_eq!(a.outlet.as_deref(), Some("Reuters"));
        assert!(a.text.starts_with("DETROIT"));
    }

    #[test]
    fn key_value_header() {
        let t = "Title: Rates held\nOutlet: Midland Courier\nBy: Jo Park\nDate: 2025-02-14\n\nThe bank held rates.";
        let a = read_text(t);
        assert_eq!(a.title.as_deref(), Some("Rates held"));
        assert_eq!(a.outlet.as_deref(), Some("Midland Courier"));
        assert_eq!(a.byline.as_deref(), Some("Jo Park"));
        assert_eq!(a.published.unwrap().date.to_string(), "2025-02-14");
        assert_eq!(a.text, "The bank held rates.");
    }

    #[test]
    fn headline_byline_and_date_lines() {
        let t = "Strike enters third day\n\nBy Lena Ortiz\nMarch 11, 2025\n\nBuses stayed in their depots.";
        let a = read_text(t);
        assert_eq!(a.title.as_deref(), Some("Strike enters third day"));
        assert_eq!(a.byline.as_deref(), Some("Lena Ortiz"));
        assert_eq!(a.published.unwrap().date.to_string(), "2025-03-11");
        assert_eq!(a.text, "Buses stayed in their depots.");
    }

    #[test]
    fn no_title_when_the_first_line_is_a_sentence() {
        let t = "The first line is a sentence of the story itself.\nAnd another one.";
        let a = read_text(t);
        assert_eq!(a.title, None);
        assert!(a.text.starts_with("The first line"));
    }

    #[test]
    fn front_matter_and_markdown() {
        let t = "---\ntitle: Water bills rise\noutlet: Valley Sentinel\nauthor: Sam Reyes\ndate: 2025-04-02\n---\n\n## What changed\n\nThe *council* voted, [reports say](http://x).\n\n- one\n- two\n";
        let a = read_markdown(t);
        assert_eq!(a.title.as_deref(), Some("Water bills rise"));
        assert_eq!(a.outlet.as_deref(), Some("Valley Sentinel"));
        assert_eq!(a.byline.as_deref(), Some("Sam Reyes"));
        assert_eq!(a.published.unwrap().date.to_string(), "2025-04-02");
        assert!(a.text.contains("The council voted, reports say."));
        assert!(!a.text.contains("http"));
    }

    #[test]
    fn hard_wrapped_lines_are_joined_in_place() {
        let para = "The company said on Monday that it would cut costs\nacross all of its divisions and review its brands\nas demand for its larger vehicles kept falling\nin every market.";
        let out = unwrap_lines(para);
        assert_eq!(out.len(), para.len());
        assert!(!out.contains('\n'));
        let prose = "One short line.\nAnother short line.\nA third short line.";
        assert_eq!(unwrap_lines(prose), prose);
    }
}
