//! Saved web pages: the article body without the page around it, and the
//! metadata from the page's head.
//!
//! The page is parsed once (dom_query). Metadata comes first, from JSON-LD,
//! OpenGraph and the usual meta tags, while the head is intact. Then
//! embedded posts and captions are removed (they are not the article's
//! speech), dom_smoothie picks the article's main content, and html2text
//! turns it into text configured for search: no link footnotes, no table
//! borders and no hard wrapping, so quotations stay whole on one line.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use chrono::{Datelike, NaiveDate, Timelike};
use dom_query::Document;
use dom_smoothie::{Config, Readability};
use serde_json::Value;

use super::Parsed;
use crate::extract::dates::{
    Published, Slashes, is_date_line, month_number, parse_date, parse_date_in, weekday,
};

/// Pages nested deeper than this are read without building a tree: parsers
/// and main-content scoring slow to a crawl on them.
pub const MAX_DEPTH: usize = 2_000;

/// Reads a whole saved page.
pub fn read_page(html: &str) -> Parsed {
    // The page without what no reader of it looks at: script and style
    // code, drawings, navigation menus and unread attributes. This is what
    // is parsed here and, should readability fail, by the fallback.
    let html_no_code = without_code(html);
    let lean = without_unread_attributes(&html_no_code);
    let depth = nesting_depth(&lean);
    if depth > MAX_DEPTH {
        return Parsed {
            text: strip_tags(html),
            notes: vec![format!(
                "HTML nested {depth} levels deep; indexed its text without the page structure"
            )],
            ..Parsed::default()
        };
    }
    let doc = Document::from(lean.as_ref());
    let mut page = Parsed::default();
    // Embedded posts are not the article's: not its text, and their times
    // are not its date.
    doc.select(EMBEDDED_POSTS).remove();
    let ld = json_ld(&doc);
    let metas = Metas::of(&doc);
    page.url = metas
        .get(&["og:url"])
        .or_else(|| attr(&doc, "link[rel=canonical]", "href"))
        .or_else(|| saved_from(&doc, html));
    // "application-name" is often a tagline ("Yahoo News - Latest News &
    // Headlines"): it comes after the publisher, and loses its tagline.
    page.outlet = metas
        .get(&["og:site_name", "publisher", "cre"])
        .or_else(|| ld.iter().find_map(|o| name_of(o.get("publisher")?)))
        .or_else(|| {
            metas.get(&["application-name"]).and_then(|a| {
                let name = [" - ", " | ", " – ", " — "]
                    .iter()
                    .filter_map(|sep| a.find(sep))
                    .min()
                    .map_or(a.as_str(), |cut| &a[..cut])
                    .trim();
                (!name.is_empty()).then(|| name.to_string())
            })
        });
    let title = ld
        .iter()
        .find_map(|o| o.get("headline")?.as_str().map(clean))
        .filter(|h| h.contains(' '))
        .or_else(|| metas.get(&["og:title", "twitter:title", "title", "headline"]))
        .or_else(|| text_of(&doc, "title"))
        .or_else(|| text_of(&doc, "h1"));
    if let Some(t) = title {
        let (headline, site) = strip_site(&t, page.outlet.as_deref());
        page.title = Some(headline);
        // No outlet named anywhere else: the site the title carries
        // ("BBC NEWS | ...", "... - Los Angeles Times"), or the address's host.
        if page.outlet.is_none() {
            page.outlet = site.or_else(|| page.url.as_deref().and_then(host_of));
        }
    }
    if page.outlet.is_none() {
        page.outlet = page.url.as_deref().and_then(host_of);
    }
    page.byline = ld
        .iter()
        .find_map(|o| name_of(o.get("author")?))
        .or_else(|| {
            metas.get(&[
                "author",
                "article:author",
                "byl",
                "sailthru.author",
                "dc.creator",
            ])
        })
        .map(|b| strip_by(&b))
        .filter(|b| !b.starts_with("http") && !b.is_empty());
    page.published =
        publication_date(&doc, html, &metas, &ld, page.url.as_deref()).map(|p| local_day(p, html));

    // The headline as the page shows it, which may differ from the title
    // its metadata gives.
    let shown_title = text_of(&doc, "h1");
    // Captions and forms are not the article's text.
    doc.select(NOT_TEXT).remove();
    remove_forms(&doc);
    remove_furniture(&doc);
    remove_link_paragraphs(&doc);
    let mut readability = match Readability::with_document(doc, None, Some(Config::default())) {
        Ok(r) => r,
        Err(e) => {
            page.notes.push(format!(
                "could not prepare the page ({e}); indexed its main text without its menus"
            ));
            page.text = fallback_text(&lean);
            return page;
        }
    };
    match readability.parse() {
        Ok(article) => {
            page.text = without_page_lines(
                &article_text(&article.content),
                &[page.title.as_deref(), shown_title.as_deref()],
                page.byline.as_deref(),
            );
            if page.byline.is_none() {
                page.byline = article
                    .byline
                    .map(|b| strip_by(&b))
                    .filter(|b| b.len() < 100 && !b.is_empty() && !b.contains("left a comment"));
            }
            if page.title.is_none() && !article.title.is_empty() {
                page.title = Some(article.title);
            }
        }
        Err(e) => {
            page.notes.push(format!(
                "found no article in the page ({e}); indexed its main text without its menus"
            ));
            page.text = fallback_text(&lean);
        }
    }
    page
}

/// Drops the lines that belong to the page, not to the article's words:
/// - anywhere, a date and little else ("PUBLISHED: 10:48, Tue, Nov 19,
///   2019", "Updated Nov 19, 6:55 AM"), the page's stamps, which the
///   metadata already holds;
/// - among the first lines, the headline (alone, or at the end of a
///   breadcrumb trail), which the title already holds, what stands above
///   it, and a short "By ..." byline;
/// - a short copyright notice and, when it comes in the last third, the
///   footer after it.
fn without_page_lines(text: &str, titles: &[Option<&str>], byline: Option<&str>) -> String {
    /// How many lines from the top hold the headline and byline.
    const EDGE: usize = 3;
    let titles: Vec<String> = titles
        .iter()
        .flatten()
        .map(|t| words(t).join(" "))
        .filter(|t| t.contains(' '))
        .collect();
    let byline = byline
        .map(|b| words(b).join(" "))
        .filter(|b| b.contains(' '));
    // Which of the first lines are the headline; what stands above the
    // first of them (a section's name, breadcrumbs) is the page's too.
    let headlines: Vec<bool> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(EDGE)
        .map(|l| titles.iter().any(|t| is_headline(l, t)))
        .collect();
    let first_headline = headlines.iter().position(|&h| h);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    for line in text.lines() {
        let line = line.trim();
        if !line.is_empty() {
            let head = i < EDGE;
            let above = first_headline.is_some_and(|h| i < h);
            let headline = headlines.get(i).copied().unwrap_or(false);
            i += 1;
            if above {
                continue;
            }
            if is_copyright_line(line) {
                // In the last third, the notice ends the article: what
                // follows is the page's footer.
                if out.len() >= text.len() * 2 / 3 {
                    break;
                }
                continue;
            }
            if is_date_line(line)
                || is_stamp_line(line)
                || headline
                || (head && is_byline_line(line, byline.as_deref()))
            {
                continue;
            }
        }
        // One blank line between paragraphs, where a dropped line leaves two.
        if line.is_empty() && (out.is_empty() || out.ends_with("\n\n")) {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

/// The lower-case words of a text, for comparing lines with the title.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The headline, alone or ending a line of breadcrumbs ("Home Latest News
/// <headline>", often run together as "HomeLatest News<headline>").
fn is_headline(line: &str, title: &str) -> bool {
    let line = words(line).join(" ");
    line.len() <= title.len() + 60 && line.ends_with(title)
}

/// "By Jane Doe", "By Jane Doe - 11/18/19 11:04 PM EST", a bare "By", or
/// the page's byline with little after it but an outlet or a date ("Jane
/// Doe and John Roe, Associated Press").
fn is_byline_line(line: &str, byline: Option<&str>) -> bool {
    let count = line.split_whitespace().count();
    if count > 16 {
        return false;
    }
    let first = line.split_whitespace().next().unwrap_or_default();
    let sentence = line.ends_with(['.', '?', '!', '"', '\u{201d}']);
    if (first.eq_ignore_ascii_case("by") || first.eq_ignore_ascii_case("by:"))
        && count <= 12
        && !sentence
    {
        return true;
    }
    // The byline, then an outlet or a date: "Jane Doe, The Gazette •
    // January 22, 2025 at 12:30 p.m.".
    byline.is_some_and(|b| {
        let ws = words(line).join(" ");
        let rest = ws.strip_prefix(b);
        rest.is_some_and(|r| r.is_empty() || r.starts_with(' '))
            && ((ws.len() <= b.len() + 30 && !sentence) || parse_date(line).is_some())
    })
}

/// A stamp with a time but no date ("Updated at 1:23 p.m.", "Posted 10:05
/// AM"): the page's, like the date lines.
fn is_stamp_line(line: &str) -> bool {
    line.contains(':')
        && line.contains(|c: char| c.is_ascii_digit())
        && line.split_whitespace().count() <= 6
        && ["updated", "published", "posted", "last updated", "modified"]
            .iter()
            .any(|w| {
                line.get(..w.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(w))
            })
}

/// "© 2019 Press TV. All rights reserved.", "Copyright 2020 The Outlet".
fn is_copyright_line(line: &str) -> bool {
    line.split_whitespace().count() <= 30
        && (line.contains('\u{a9}')
            || line
                .get(..9)
                .is_some_and(|p| p.eq_ignore_ascii_case("copyright"))
            || line.to_lowercase().contains("all rights reserved"))
}

/// Embedded posts: not the article's text, and their times are not its date.
const EMBEDDED_POSTS: &str =
    "blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed";

/// Elements whose text is never the article's: captions and what a browser
/// does not show as text.
const NOT_TEXT: &str = "figcaption, noscript, template, svg, iframe";

/// Removes the furniture that sits inside article containers: the
/// section's name above a headline ("kicker", "eyebrow"), photo
/// captions, credits and gallery viewers that are not in a `<figcaption>`,
/// breadcrumbs, share bars, newsletter and sign-up boxes, cookie notices,
/// related-story and promotion blocks, adverts. They are elements whose
/// class names them, removed when they are short, hold no run of paragraphs
/// (a class such as "has-gallery" on a wrapper of a story must not take the
/// story with it) and hold no byline.
fn remove_furniture(doc: &Document) {
    static NAMES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "kicker",
                "eyebrow",
                "cookie",
                "consent",
                "signup",
                "sign-up",
                "caption",
                "credit",
                "gallery",
                "slideshow",
                "breadcrumb",
                "share",
                "social",
                "newsletter",
                "subscribe",
                "related",
                "advert",
                "promo",
                "recommend",
            ])
            .expect("furniture names build an automaton")
    });
    let mut doomed = Vec::new();
    for node in doc.select("[class]").nodes() {
        if ["body", "html", "article", "main"]
            .iter()
            .any(|n| node.has_name(n))
        {
            continue;
        }
        // One pass over the class attribute finds a name inside any of its
        // classes ("story-share-bar", "relatedLinks").
        if !NAMES.is_match(node.attr("class").unwrap_or_default().as_ref()) {
            continue;
        }
        if node.text().len() > 1_500 {
            continue;
        }
        let inside = dom_query::Selection::from(*node);
        // A "credit" or share bar can hold the byline: it stays for the
        // metadata (readability reads the byline too).
        if inside
            .select(r#"[class*="byline"], [class*="author"], [rel="author"], [itemprop="author"]"#)
            .exists()
        {
            continue;
        }
        let paragraphs = inside
            .select("p")
            .nodes()
            .iter()
            .filter(|p| p.text().len() >= 100)
            .count();
        if paragraphs < 3 {
            doomed.push(*node);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Removes paragraphs that are nothing but a link ("READ MORE: ...", the
/// headline of another story): an article's own paragraphs have words of
/// their own around any link.
fn remove_link_paragraphs(doc: &Document) {
    let mut doomed = Vec::new();
    for node in doc.select("p").nodes() {
        let text = node.text();
        let text = text.trim();
        if text.is_empty() || text.len() > 200 {
            continue;
        }
        let linked: usize = dom_query::Selection::from(*node)
            .select("a")
            .nodes()
            .iter()
            .map(|a| a.text().trim().len())
            .sum();
        if linked >= text.len() {
            doomed.push(*node);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Removes the page's forms (search boxes, newsletter sign-ups, comment
/// boxes), but not a form that wraps the page: ASP.NET sites put the whole
/// body, article and all, inside one.
fn remove_forms(doc: &Document) {
    for form in doc.select("form").iter() {
        let prose: usize = form.select("p").iter().map(|p| p.text().len()).sum();
        if prose < 500 {
            form.remove();
        }
    }
}

/// The text of a page where readability found no article: menus, headers,
/// footers, sidebars and forms dropped, and of what is left, the largest
/// element that says it is the main content (`articleBody`, `<article>`,
/// `<main>`), or else the whole body.
fn fallback_text(html: &str) -> String {
    let doc = Document::from(html);
    remove_forms(&doc);
    doc.select(EMBEDDED_POSTS).remove();
    doc.select(NOT_TEXT).remove();
    doc.select(
        "script, style, nav, header, footer, aside, [role=navigation], [role=banner], \
         [role=contentinfo], [role=search], [aria-hidden=true]",
    )
    .remove();
    let main = doc
        .select("[itemprop=articleBody], article, main, [role=main]")
        .iter()
        .map(|node| (node.text().len(), node))
        .filter(|(len, _)| *len >= 200)
        .max_by_key(|(len, _)| *len)
        .map(|(_, node)| node.html().to_string());
    match main {
        Some(html) => to_text(&html),
        None => to_text(&doc.html()),
    }
}

/// The deepest element nesting of a page, counted from its tags alone.
/// Void elements and self-closing tags do not nest.
pub fn nesting_depth(html: &str) -> usize {
    const VOID: [&[u8]; 16] = [
        b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
        b"source", b"track", b"wbr", b"p", b"li", b"option",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        i += off + 1;
        match bytes.get(i) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = bytes[i..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(bytes.len(), |p| i + p);
                let name = &bytes[i..name_end];
                let tag_end = memchr::memchr(b'>', &bytes[i..]).map_or(bytes.len(), |p| i + p);
                let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
                let void = VOID.iter().any(|v| v.eq_ignore_ascii_case(name));
                if !void && !self_closing {
                    depth += 1;
                    max = max.max(depth);
                }
            }
            _ => {}
        }
    }
    max
}

/// The page without the code in its `<script>`, `<style>` and `<svg>`
/// elements and without the menus in its `<nav>` elements (the elements
/// stay, empty), for the parser.
///
/// Half the bytes of the article-extraction benchmark's pages are script
/// and style sheet, and another 4% vector drawings, which the parser reads
/// a character at a time and the reader then throws away. Of what is left,
/// a fifth is navigation: menus and breadcrumbs, never the article's text,
/// its date or its metadata. (Footers and asides are kept: some hold the
/// article's date.) JSON scripts (JSON-LD and other data) are kept: they
/// carry the metadata. Dates in scripts' state objects are read from the
/// page as it was ([`date_in_scripts`]). A script, style sheet or drawing
/// is left whole, with the rest of the page, when its end tag cannot be
/// found, as the parser would read it; a menu without an end tag is
/// simply left.
fn without_code(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + p;
        i = at + 1;
        let Some(tag) = [&b"script"[..], b"style", b"svg", b"nav"]
            .into_iter()
            .find(|t| {
                bytes.len() > at + 1 + t.len()
                    && bytes[at + 1..at + 1 + t.len()].eq_ignore_ascii_case(t)
                    && ends_tag_name(bytes[at + 1 + t.len()])
            })
        else {
            continue;
        };
        let Some(open_end) = tag_end(bytes, at + 1 + tag.len()) else {
            break;
        };
        let open = &bytes[at..open_end];
        // A self-closed `<svg ... />` has nothing inside.
        let empty = tag == b"svg" && open.ends_with(b"/>");
        if empty || tag == b"script" && open.windows(4).any(|w| w.eq_ignore_ascii_case(b"json")) {
            i = open_end;
            continue;
        }
        let Some(close) = end_tag(bytes, open_end, tag) else {
            if tag == b"nav" {
                i = open_end;
                continue;
            }
            break;
        };
        if close > open_end {
            out.push_str(&html[copied..open_end]);
            copied = close;
        }
        i = close + 2;
    }
    if copied == 0 {
        Cow::Borrowed(html)
    } else {
        out.push_str(&html[copied..]);
        Cow::Owned(out)
    }
}

/// Whether nothing that reads the page looks at an attribute: script
/// state (`data-*`) and the alternative image sources (`srcset`, `sizes`).
/// A tenth of the bytes the parser sees once code is gone, and an
/// allocation each.
fn is_unread_attribute(name: &[u8]) -> bool {
    (name.len() > 5 && name[..5].eq_ignore_ascii_case(b"data-"))
        || name.eq_ignore_ascii_case(b"srcset")
        || name.eq_ignore_ascii_case(b"sizes")
}

/// The page without the attributes no reader of it looks at
/// ([`is_unread_attribute`]). Start tags are read as the parser reads them:
/// names end at whitespace, `/`, `=` or `>`, values are quoted or end at
/// whitespace or `>`. Script contents (the JSON kept by [`without_code`])
/// are left as they are. At a quote that never closes the rest of the page
/// is left as it is.
fn without_unread_attributes(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let len = bytes.len();
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    'tags: while let Some(p) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + p;
        i = at + 1;
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let mut k = i;
        while k < len && !ends_tag_name(bytes[k]) {
            k += 1;
        }
        let script = bytes[i..k].eq_ignore_ascii_case(b"script");
        loop {
            while k < len && (space(bytes[k]) || bytes[k] == b'/') {
                k += 1;
            }
            if k >= len {
                break 'tags;
            }
            if bytes[k] == b'>' {
                k += 1;
                break;
            }
            let name_start = k;
            k += 1;
            while k < len && !space(bytes[k]) && !matches!(bytes[k], b'=' | b'>' | b'/') {
                k += 1;
            }
            let name_end = k;
            while k < len && space(bytes[k]) {
                k += 1;
            }
            if k < len && bytes[k] == b'=' {
                k += 1;
                while k < len && space(bytes[k]) {
                    k += 1;
                }
                match bytes.get(k) {
                    Some(&q @ (b'"' | b'\'')) => match memchr::memchr(q, &bytes[k + 1..]) {
                        Some(e) => k += e + 2,
                        None => break 'tags,
                    },
                    _ => {
                        while k < len && !space(bytes[k]) && bytes[k] != b'>' {
                            k += 1;
                        }
                    }
                }
            }
            if is_unread_attribute(&bytes[name_start..name_end]) {
                out.push_str(&html[copied..name_start]);
                copied = k;
            }
        }
        i = k;
        if script {
            match end_tag(bytes, k, b"script") {
                Some(e) => i = e,
                None => break,
            }
        }
    }
    if copied == 0 {
        Cow::Borrowed(html)
    } else {
        out.push_str(&html[copied..]);
        Cow::Owned(out)
    }
}

/// A byte that ends a tag's name: `>`, `/` or HTML whitespace.
fn ends_tag_name(b: u8) -> bool {
    matches!(b, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Where a start tag whose name ends at `from` ends (just past its `>`),
/// skipping quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (k, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return Some(k + 1),
            _ => {}
        }
    }
    None
}

/// Where the first `</tag` at or after `from` starts (any case), as the
/// parser ends a script or a style sheet.
fn end_tag(bytes: &[u8], from: usize, tag: &[u8]) -> Option<usize> {
    let mut k = from;
    while let Some(p) = memchr::memmem::find(&bytes[k..], b"</") {
        let at = k + p;
        let name = at + 2..at + 2 + tag.len();
        if bytes
            .get(name.clone())
            .is_some_and(|n| n.eq_ignore_ascii_case(tag))
            && bytes.get(name.end).is_some_and(|&b| ends_tag_name(b))
        {
            return Some(at);
        }
        k = at + 2;
    }
    None
}

/// Text of a page without parsing it: tags dropped, script and style
/// contents skipped, entities for quotes and spaces decoded.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while i < html.len() {
        if html.as_bytes()[i] == b'<' {
            let skip_to = ["script", "style"].iter().find_map(|t| {
                lower[i + 1..]
                    .starts_with(t)
                    .then(|| lower[i..].find(&format!("</{t}")).map(|p| i + p))
            });
            let from = skip_to.flatten().unwrap_or(i);
            match html[from..].find('>') {
                Some(p) => {
                    i = from + p + 1;
                    out.push(' ');
                }
                None => break,
            }
        } else {
            let next = html[i..].find('<').map_or(html.len(), |p| i + p);
            out.push_str(&html[i..next]);
            i = next;
        }
    }
    let text = out
        .replace("&quot;", "\"")
        .replace("&ldquo;", "\u{201c}")
        .replace("&rdquo;", "\u{201d}")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// HTML to search text: one paragraph per line, no markup, no footnotes.
pub fn to_text(html: &str) -> String {
    render(html, false)
}

/// Marks around a link's text while rendering: private-use characters.
const LINK_START: char = '\u{E000}';
const LINK_END: char = '\u{E001}';

/// Like [`to_text`], for the article readability found: without the lines
/// that are nothing but links ("Most read" lists, headlines of other
/// stories, "[VIDEO]" teasers), which readability keeps when they sit in
/// the article's container.
fn article_text(html: &str) -> String {
    render(html, true)
}

fn render(html: &str, drop_link_lines: bool) -> String {
    if nesting_depth(html) > MAX_DEPTH {
        return strip_tags(html);
    }
    let raw = html2text::config::with_decorator(SearchText {
        mark_links: drop_link_lines,
    })
    .link_footnotes(false)
    .no_table_borders()
    .allow_width_overflow()
    .string_from_read(html.as_bytes(), 100_000)
    .unwrap_or_default();
    if !drop_link_lines {
        return tidy(&raw);
    }
    // Lists of other stories come as runs of such lines. A lone link line
    // inside the text is more often the article's own (a product in a
    // roundup, a source it cites) and stays, unless it opens or ends it.
    let lines: Vec<&str> = raw.lines().filter(|l| !l.trim().is_empty()).collect();
    let links: Vec<bool> = lines.iter().map(|l| only_links(l)).collect();
    let last = lines.len().saturating_sub(1);
    let kept: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|&(i, _)| {
            let in_run = links[i] && (i == 0 || i == last || links[i - 1] || links[i + 1]);
            !in_run && !is_teaser(lines[i])
        })
        .map(|(_, l)| *l)
        .collect();
    tidy(&kept.join("\n")).replace([LINK_START, LINK_END], "")
}

/// A short line (at most 200 bytes) whose words are all inside links.
fn only_links(line: &str) -> bool {
    let line = line.trim();
    if line.len() > 200 || !line.contains(LINK_START) {
        return false;
    }
    let mut depth = 0usize;
    for c in line.chars() {
        match c {
            LINK_START => depth += 1,
            LINK_END => depth = depth.saturating_sub(1),
            c if depth == 0 && c.is_alphanumeric() => return false,
            _ => {}
        }
    }
    true
}

/// A link to another story behind a label: "READ MORE: <headline>",
/// "Related: <headline>". The label is at most three words and ends with a
/// colon; everything after it is linked, and is a headline of four words
/// or more, not a name ("Account: @name", "Buy it now: Amazon").
fn is_teaser(line: &str) -> bool {
    let line = line.trim();
    let Some((label, rest)) = line.split_once(':') else {
        return false;
    };
    !label.contains(LINK_START)
        && !label.is_empty()
        && label.split_whitespace().count() <= 3
        && rest.split_whitespace().count() >= 4
        && only_links(rest)
}

/// html2text's decorator for search text: words only. No brackets around
/// links, no list bullets or heading marks (they would show in snippets and
/// stand between a quotation and its speaker), and no image text: an
/// image's alt or title text is a caption, not the article's words.
#[derive(Clone, Copy, Debug)]
struct SearchText {
    /// Put [`LINK_START`] and [`LINK_END`] around each link's text.
    mark_links: bool,
}

impl html2text::render::TextDecorator for SearchText {
    type Annotation = ();

    fn decorate_link_start(&mut self, _url: &str) -> (String, ()) {
        let mark = if self.mark_links {
            LINK_START.to_string()
        } else {
            String::new()
        };
        (mark, ())
    }
    fn decorate_link_end(&mut self) -> String {
        if self.mark_links {
            LINK_END.to_string()
        } else {
            String::new()
        }
    }
    fn decorate_em_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_em_end(&self) -> String {
        String::new()
    }
    fn decorate_strong_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_strong_end(&self) -> String {
        String::new()
    }
    fn decorate_strikeout_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_strikeout_end(&self) -> String {
        String::new()
    }
    fn decorate_code_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_code_end(&self) -> String {
        String::new()
    }
    fn decorate_preformat_first(&self) {}
    fn decorate_preformat_cont(&self) {}
    fn decorate_image(&mut self, _src: &str, _title: &str) -> (String, ()) {
        (String::new(), ())
    }
    fn header_prefix(&self, _level: usize) -> String {
        String::new()
    }
    fn quote_prefix(&self) -> String {
        String::new()
    }
    fn unordered_item_prefix(&self) -> String {
        String::new()
    }
    fn ordered_item_prefix(&self, _i: i64) -> String {
        String::new()
    }
    fn make_subblock_decorator(&self) -> Self {
        *self
    }
}

/// Trims lines, drops empty ones, and separates paragraphs by one blank line.
fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(line);
    }
    out
}

/// Whitespace collapsed and HTML entities decoded: JSON-LD strings and some
/// meta values carry "&#x27;" or "&amp;#8216;" through a second escaping.
fn clean(s: &str) -> String {
    let mut s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    for _ in 0..2 {
        if !s.contains('&') {
            break;
        }
        s = html_escape::decode_html_entities(&s).into_owned();
    }
    s
}

/// A byline without "By", and without what follows the names: a date or
/// time ("Arik Hesseldahl, 04.08.05, 1:21 PM ET"), a desk ("Karen Kaplan,
/// Times Staff Writer") or a wire tag ("Jane Doe, CNN").
fn strip_by(s: &str) -> String {
    let s = clean(s);
    let s = if s.to_lowercase().starts_with("by ") {
        s[3..].trim()
    } else {
        s.as_str()
    };
    let mut parts = s.split(", ");
    let mut kept = vec![parts.next().unwrap_or_default()];
    for part in parts {
        let lower = part.to_lowercase();
        let desk = [
            "staff",
            "writer",
            "reporter",
            "correspondent",
            "editor",
            "contributor",
        ]
        .iter()
        .any(|w| lower.contains(w));
        let tag = part.len() <= 5 && part.chars().all(|c| c.is_ascii_uppercase());
        if desk || tag || part.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        kept.push(part);
    }
    // "Nathan Willis March 25": a date run into the names.
    let joined = kept.join(", ");
    let words: Vec<&str> = joined.split(' ').collect();
    let dated = words.windows(2).position(|w| {
        month_number(w[0]).is_some() && w[1].starts_with(|c: char| c.is_ascii_digit())
    });
    // "Sunday, Feb 1, 2015 11:57 AM UTC": a date where the names should
    // be (a "dateline" is taken for a byline) leaves no names.
    let full_weekday = words[0].len() > 5 && weekday(words[0].trim_end_matches(',')).is_some();
    if full_weekday || dated == Some(0) {
        return String::new();
    }
    let names = match dated {
        Some(i) => words[..i].join(" "),
        None => joined,
    };
    // "Lucas Nolan22": a day run into the last name.
    names
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim()
        .to_string()
}

/// A page title without its site decorations, and the site name it carried:
/// "Headline | Outlet", "Headline - Section - Outlet", "Outlet: Headline",
/// "CNN.com - Headline", "BBC NEWS | Asia-Pacific | Headline".
fn strip_site(title: &str, outlet: Option<&str>) -> (String, Option<String>) {
    let mut title = clean(title);
    let is_outlet = |seg: &str| outlet.is_some_and(|o| seg.eq_ignore_ascii_case(o.trim()));
    // The site is an address-like word or the outlet, over any other
    // segment; a dated segment ("Sep 24, 2005") is never the site.
    let mut site: Option<(String, bool)> = None;
    let mut record = |seg: &str| {
        let strong = seg
            .split_whitespace()
            .find(|w| looks_like_site(w))
            .or_else(|| is_outlet(seg).then_some(seg));
        match strong {
            Some(name) if !site.as_ref().is_some_and(|s| s.1) => {
                site = Some((name.to_string(), true));
            }
            None if site.is_none() && !seg.chars().any(|c| c.is_ascii_digit()) => {
                site = Some((seg.to_string(), false));
            }
            _ => {}
        }
    };
    for _ in 0..4 {
        let before = title.len();
        // A trailing site or section: short beside the headline.
        for sep in [" | ", " - ", " – ", " — ", " :: "] {
            if let Some(pos) = title.rfind(sep) {
                let (head, tail) = (title[..pos].trim(), title[pos + sep.len()..].trim());
                let short = tail.split_whitespace().count() <= 4
                    && (head.len() > tail.len() * 2 || title_case(tail) && head.len() > tail.len());
                if !head.is_empty() && (is_outlet(tail) || looks_like_site(tail) || short) {
                    record(tail);
                    title = head.to_string();
                    break;
                }
            }
        }
        // A leading site: an address-like name, the outlet, or a short
        // segment before a pipe.
        for sep in [" | ", " - ", ": "] {
            if let Some(pos) = title.find(sep) {
                let (head, tail) = (title[..pos].trim(), title[pos + sep.len()..].trim());
                let short_pipe = sep == " | "
                    && head.split_whitespace().count() <= 3
                    && tail.len() > head.len()
                    && tail.split_whitespace().count() >= 3;
                if !tail.is_empty() && (is_outlet(head) || looks_like_site(head) || short_pipe) {
                    record(head);
                    title = tail.to_string();
                    break;
                }
            }
        }
        if title.len() == before {
            break;
        }
    }
    (title, site.map(|s| s.0))
}

/// "Los Angeles Times", "US News": every word capitalised, as site and
/// section names are (headlines mostly are not).
fn title_case(seg: &str) -> bool {
    seg.split_whitespace().all(|w| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || matches!(w, "of" | "the" | "and" | "&" | "for" | "in")
    })
}

/// "CNN.com", "Forbes.com", "bbc.co.uk": a segment that is a site's address.
fn looks_like_site(seg: &str) -> bool {
    let lower = seg.to_ascii_lowercase();
    !lower.contains(' ')
        && [".com", ".co.uk", ".org", ".net", ".co", ".de", ".fr"]
            .iter()
            .any(|tld| lower.ends_with(tld))
}

/// The address a saved page came from when it names no address of its own:
/// the Wayback Machine's capture (its toolbar's address box, or the address
/// its replay script starts with), or the "saved from url" mark a browser
/// leaves in a page it saves.
fn saved_from(doc: &Document, html: &str) -> Option<String> {
    // The address that follows `mark` in the page's source, up to `end`.
    let after = |mark: &str, end: &[char]| {
        let rest = &html[html.find(mark)? + mark.len()..];
        let url = &rest[..rest.find(end).unwrap_or(rest.len())];
        url.contains("://").then(|| url.to_string())
    };
    attr(doc, "input#wmtbURL", "value")
        .filter(|u| u.contains("://"))
        .or_else(|| after("__wm.wombat(\"", &['"']))
        // <!-- saved from url=(0042)http://example.com/x.html -->
        .or_else(|| {
            let mark = &html[html.find("saved from url=(")?..];
            let mark = &mark[..mark.find(')')? + 1];
            after(mark, &[' ', '\t', '\n', '\r'])
        })
}

/// The site of an address: its registrable domain (by the Public Suffix
/// List, so "news.bbc.co.uk" gives "bbc.co.uk" and "edition.cnn.com"
/// "cnn.com"), through web.archive.org captures:
/// "https://web.archive.org/web/2005/http://www.cnn.com/x" gives "cnn.com".
pub(crate) fn host_of(url: &str) -> Option<String> {
    let mut rest = url;
    loop {
        let after_scheme = rest.split_once("://").map_or(rest, |(_, r)| r);
        let host = after_scheme
            .split(['/', '?', '#'])
            .next()?
            .to_ascii_lowercase();
        if host == "web.archive.org" {
            let inner = after_scheme.split_once("/web/")?.1;
            rest = inner.split_once('/')?.1;
            continue;
        }
        let host = host.split(':').next()?;
        if host.parse::<std::net::Ipv4Addr>().is_ok() {
            return None;
        }
        let site = psl::domain_str(host).unwrap_or(host);
        return site.contains('.').then(|| site.to_string());
    }
}

/// The page's meta tags, read in one pass: for each value (lower-cased) of
/// `property`, `name` and `itemprop`, in that order, the `content` of the
/// first tag that has it. Looking up each of the ~50 names newsdex knows
/// with its own selector walked the whole tree each time: a fifth of
/// reading a page.
struct Metas(HashMap<String, [Option<Option<String>>; 3]>);

impl Metas {
    const KINDS: [&'static str; 3] = ["property", "name", "itemprop"];

    fn of(doc: &Document) -> Metas {
        let mut map: HashMap<String, [Option<Option<String>>; 3]> = HashMap::new();
        for node in doc.select("meta").iter() {
            for (kind, attr_name) in Self::KINDS.iter().enumerate() {
                if let Some(v) = node.attr(attr_name) {
                    let slot = &mut map.entry(v.to_lowercase()).or_default()[kind];
                    if slot.is_none() {
                        *slot = Some(node.attr("content").map(|c| c.to_string()));
                    }
                }
            }
        }
        Metas(map)
    }

    /// The content of the first of these meta tags that the page has.
    fn get(&self, names: &[&str]) -> Option<String> {
        names
            .iter()
            .filter_map(|name| self.0.get(&name.to_lowercase()))
            .flat_map(|slots| slots.iter())
            .find_map(|slot| {
                let v = clean(slot.as_ref()?.as_ref()?);
                (!v.is_empty()).then_some(v)
            })
    }
}

fn attr(doc: &Document, sel: &str, name: &str) -> Option<String> {
    doc.select(sel)
        .attr(name)
        .map(|v| clean(&v))
        .filter(|v| !v.is_empty())
}

fn text_of(doc: &Document, sel: &str) -> Option<String> {
    let t = clean(&doc.select_single(sel).text());
    (!t.is_empty()).then_some(t)
}

/// The JSON-LD objects of the page that describe an article.
fn json_ld(doc: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    for node in doc.select("script[type=\"application/ld+json\"]").iter() {
        let raw = node.text();
        // Some pages wrap their JSON-LD in a CDATA section.
        let body = raw
            .trim()
            .trim_start_matches("//")
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("//")
            .trim_end()
            .trim_end_matches("]]>")
            .trim_end_matches("//")
            .trim();
        let Ok(v) = serde_json::from_str::<Value>(body) else {
            continue;
        };
        collect_articles(&v, &mut out);
    }
    out
}

fn collect_articles(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect_articles(i, out)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                collect_articles(graph, out);
            }
            let is_article = |t: &Value| {
                t.as_str()
                    .is_some_and(|s| s.ends_with("Article") || s == "BlogPosting" || s == "Report")
            };
            let typed = match map.get("@type") {
                Some(Value::Array(ts)) => ts.iter().any(is_article),
                Some(t) => is_article(t),
                None => false,
            };
            if typed {
                out.push(v.clone());
            }
        }
        _ => {}
    }
}

/// A name from a JSON-LD person or organisation, a list of them, or a string.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean(s)).filter(|s| !s.is_empty()),
        Value::Object(m) => m.get("name").and_then(name_of),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

/// Meta names that say the page was published, in order of trust.
const PUBLISHED_METAS: [&str; 27] = [
    "article:published_time",
    "og:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "sailthru.date",
    "parsely-pub-date",
    "originalpublicationdate",
    "displaydate",
    "article.published",
    "publication_date",
    "article:published",
    "cxenseparse:recs:publishtime",
    "citation_publication_date",
    "citation_date",
    "publication-date",
    "pub_date",
    "article_date_original",
    "bt:pubdate",
    "og:pubdate",
    "rnews:datepublished",
    "date.available",
    "release_date",
    "dcterms.issued",
];

/// Meta names that give a date without saying which.
const DATED_METAS: [&str; 9] = [
    "date",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "created",
    "dc.date.created",
    "datecreated",
    "pdate",
    "timestamp",
];

/// The publication date, from the most reliable place the page has one.
fn publication_date(
    doc: &Document,
    html: &str,
    metas: &Metas,
    ld: &[Value],
    url: Option<&str>,
) -> Option<Published> {
    let og = metas
        .get(&["article:published_time"])
        .and_then(|v| parse_date(&v));
    og.or_else(|| {
        ld.iter()
            .find_map(|o| o.get("datePublished")?.as_str().and_then(parse_date))
    })
    .or_else(|| any_ld_date(doc))
    .or_else(|| metas.get(&PUBLISHED_METAS).and_then(|v| parse_date(&v)))
    .or_else(|| {
        let sel = doc.select("[itemprop=\"datePublished\"]");
        sel.attr("content")
            .or_else(|| sel.attr("datetime"))
            .map(|v| v.to_string())
            .or_else(|| Some(sel.text().to_string()))
            .and_then(|v| parse_date(&v))
    })
    .or_else(|| {
        // RDFa and microdata outside meta tags:
        // <span property="schema:dateCreated" content="...">.
        let sel = doc.select(
            "[property$=\"datePublished\" i][content], [property$=\"dateCreated\" i][content], \
                 [itemprop=\"dateCreated\" i][content]",
        );
        sel.attr("content").and_then(|v| parse_date(&v))
    })
    // A bare "date" is often the day the page was last saved: it comes
    // after the names that say "published".
    .or_else(|| {
        // The first <time> of the page that is not a reader's comment.
        doc.select("time[datetime]")
            .nodes()
            .iter()
            .filter(|n| !in_comments(n))
            .find_map(|n| parse_date(&n.attr("datetime")?))
    })
    .or_else(|| metas.get(&DATED_METAS).and_then(|v| parse_date(&v)))
    .or_else(|| url.and_then(date_in_url))
    // The lead image is uploaded with the story: ".../2020/10/26/photo.jpg".
    .or_else(|| {
        metas
            .get(&["og:image", "twitter:image"])
            .and_then(|u| date_in_url(&u))
    })
    .or_else(|| date_in_scripts(html))
    .or_else(|| {
        let seen = SeenDates::of(doc);
        dated_element(doc, &seen).or_else(|| dated_line(doc, &seen))
    })
}

/// A publication time given in UTC is shown to readers in the site's own
/// time, and that is the day the story ran: "2023-11-09T03:28:35Z" on a page
/// that also writes "2023-11-08 22:28:35" was published on 8 November. When
/// the page writes the same instant as a local time (the same minutes and
/// seconds, a whole or half number of hours away, at most 14), the day is
/// that local time's. A time on the hour is left as it is.
fn local_day(found: Published, html: &str) -> Published {
    let Some(t) = found.time else {
        return found;
    };
    // On the hour, the minutes and seconds do not tell the instant apart.
    if t.offset().local_minus_utc() != 0 || t.minute() == 0 && t.second() == 0 {
        return found;
    }
    let utc = t.naive_utc();
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(off) = memchr::memchr(b':', &bytes[from..]) {
        let colon = from + off;
        from = colon + 1;
        // "YYYY-MM-DDThh:mm:ss": the first colon is 13 bytes in.
        let Some(start) = colon.checked_sub(13) else {
            continue;
        };
        let shape = |i: usize, b: &[u8]| bytes.get(start + i).is_some_and(|c| b.contains(c));
        if !(shape(4, b"-") && shape(7, b"-") && shape(10, b"T ") && shape(16, b":")) {
            continue;
        }
        let Some(stamp) = html.get(start..start + 19) else {
            continue;
        };
        let Ok(local) = chrono::NaiveDateTime::parse_from_str(
            &stamp.replacen(' ', "T", 1),
            "%Y-%m-%dT%H:%M:%S",
        ) else {
            continue;
        };
        let shift = (local - utc).num_seconds();
        if shift != 0 && shift % 1800 == 0 && shift.abs() <= 14 * 3600 {
            return Published {
                date: local.date(),
                time: found.time,
            };
        }
    }
    found
}

/// How to read dates in a page's visible text, worked out once per page.
struct SeenDates {
    /// How the page writes "02/10/2020": month first only in US English (or
    /// English with no region, or no language given); day first in any
    /// other language or region (`<html lang="en-GB">`, `lang="fr"`).
    slashes: Slashes,
    /// No page was published after today: "offer valid until 31.12.2099"
    /// is not its date.
    latest: NaiveDate,
}

impl SeenDates {
    fn of(doc: &Document) -> SeenDates {
        let html = doc.select("html");
        let lang = html
            .attr("lang")
            .or_else(|| html.attr("xml:lang"))
            .map(|l| l.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let us = lang.is_empty()
            || lang == "en"
            || lang.starts_with("en-us")
            || lang.starts_with("en_us");
        let today = chrono::Utc::now().date_naive();
        SeenDates {
            slashes: if us {
                Slashes::MonthFirst
            } else {
                Slashes::DayFirst
            },
            latest: today.succ_opt().unwrap_or(today),
        }
    }

    /// The date a text reads as, unless it lies in the future.
    fn read(&self, text: &str) -> Option<Published> {
        parse_date_in(text, self.slashes).filter(|p| p.date <= self.latest)
    }
}

/// Readers' comments carry their own times. (A page-wide class such as
/// `<body class="comments-open">` does not make the page a comment.)
fn in_comments(node: &dom_query::NodeRef) -> bool {
    node.ancestors_it(None).any(|a| {
        if a.has_name("body") || a.has_name("html") {
            return false;
        }
        let named = |name: &str| {
            a.attr(name)
                .is_some_and(|v| v.to_ascii_lowercase().contains("comment"))
        };
        named("class") || named("id")
    })
}

/// Dates in links, menus, sidebars and footers are other stories'.
fn in_other_stories(node: &dom_query::NodeRef) -> bool {
    node.ancestors_it(None).any(|a| {
        a.has_name("a") || a.has_name("nav") || a.has_name("aside") || a.has_name("footer")
    })
}

/// The first short text of the page's body, near its top, that reads as a
/// date ("Posted March 5, 2020 by ...", "10.11.2021"). Each text node counts
/// on its own, as a page's lines can hold a whole menu; then each short line.
fn dated_line(doc: &Document, seen: &SeenDates) -> Option<Published> {
    let body = doc.select("body");
    let root = body.nodes().first()?;
    root.descendants_it()
        .filter(|n| n.is_text())
        .filter(|n| {
            !n.parent()
                .is_some_and(|p| p.has_name("script") || p.has_name("style"))
        })
        .filter_map(|n| {
            let t = n.text();
            let t = t.trim();
            // A long text counts when it opens with a date: "01.02.2022 The
            // labour market started the year well ...".
            let t = if t.len() > 100 && t.starts_with(|c: char| c.is_ascii_digit()) {
                t.get(..t.char_indices().nth(20).map_or(t.len(), |(i, _)| i))?
            } else {
                t
            };
            (!t.is_empty() && t.len() <= 100).then(|| (n, t.to_string()))
        })
        .take(3000)
        .filter(|(n, _)| !in_other_stories(n))
        .map(|(_, t)| t)
        .find_map(|t| seen.read(&t))
        .or_else(|| {
            // A date split over elements ("<b>5.</b> Februar 2020") reads
            // whole on its line of the body's text.
            body.text()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .take(150)
                .filter(|l| l.len() <= 100)
                .find_map(|l| seen.read(l))
        })
}

/// A `datePublished` of any JSON-LD object (a WebPage, a VideoObject), when
/// no article object has one.
fn any_ld_date(doc: &Document) -> Option<Published> {
    fn find(v: &Value) -> Option<Published> {
        match v {
            Value::Object(m) => m
                .get("datePublished")
                .and_then(Value::as_str)
                .and_then(parse_date)
                .or_else(|| m.values().find_map(find)),
            Value::Array(items) => items.iter().find_map(find),
            _ => None,
        }
    }
    doc.select("script[type=\"application/ld+json\"]")
        .iter()
        .find_map(|node| {
            serde_json::from_str::<Value>(node.text().trim())
                .ok()
                .as_ref()
                .and_then(find)
        })
}

/// The first short element whose class or id says it holds the date
/// ("post-date", "entry-meta", "published") and whose text reads as one.
fn dated_element(doc: &Document, seen: &SeenDates) -> Option<Published> {
    const HINTS: [&str; 10] = [
        "date", "time", "publish", "posted", "byline", "meta", "dateline", "stamp", "datum",
        "fecha",
    ];
    for node in doc.select("[class], [id]").iter() {
        let class = node.attr("class").unwrap_or_default().to_lowercase();
        let id = node.attr("id").unwrap_or_default().to_lowercase();
        if !HINTS.iter().any(|h| class.contains(h) || id.contains(h)) {
            continue;
        }
        if class.contains("update") || class.contains("modif") || id.contains("update") {
            continue;
        }
        if node.nodes().first().is_some_and(in_other_stories) {
            continue;
        }
        let text = node.text();
        let text = text.trim();
        if text.is_empty() || text.len() > 80 {
            continue;
        }
        if let Some(p) = seen.read(text) {
            return Some(p);
        }
    }
    None
}

/// A date written into an address: `/2025/03/11/`.
fn date_in_url(url: &str) -> Option<Published> {
    let parts: Vec<&str> = url.split('/').collect();
    parts
        .windows(3)
        .find_map(|w| {
            let ok = w[0].len() == 4 && w[1].len() <= 2 && w[2].len() <= 2;
            let all_digits = w
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            (ok && all_digits)
                .then(|| parse_date(&format!("{}-{}-{}", w[0], w[1], w[2])))
                .flatten()
        })
        .or_else(|| {
            // A segment that starts with the day: "/2003/03/20030331_speech.html",
            // "/news/2020-02-14-harbour-deal". Only from 1990 on, and only a real
            // calendar day, so that an 8-digit id is not read as one.
            parts.iter().find_map(|seg| {
                let head = seg
                    .get(..10)
                    .filter(|h| h.as_bytes()[4] == b'-' && h.as_bytes()[7] == b'-');
                let digits = seg
                    .get(..8)
                    .filter(|h| h.bytes().all(|b| b.is_ascii_digit()));
                let (y, m, d) = match (head, digits) {
                    (Some(h), _) => (h.get(..4)?, h.get(5..7)?, h.get(8..10)?),
                    (None, Some(h)) if !seg[8..].starts_with(|c: char| c.is_ascii_digit()) => {
                        (&h[..4], &h[4..6], &h[6..8])
                    }
                    _ => return None,
                };
                let p = parse_date(&format!("{y}-{m}-{d}"))?;
                (p.date.year() >= 1990).then_some(p)
            })
        })
}

/// A publication date that a script's JSON gives under a telling key:
/// `"published_at":"2019-03-02T06:22:28+01:00"` in a page's state object.
fn date_in_scripts(html: &str) -> Option<Published> {
    const KEYS: [&str; 10] = [
        "\"datePublished\"",
        "\"published_at\"",
        "\"publishedAt\"",
        "\"publishDate\"",
        "\"publish_date\"",
        "\"first-publication\"",
        "\"publishedFirst\"",
        "\"pubDate\"",
        "\"createdAt\"",
        "\"created_at\"",
    ];
    // The first occurrence of a key only: later ones are often a list of
    // other stories (related links, references).
    KEYS.iter().find_map(|key| {
        let at = html.find(key)?;
        let rest = html[at + key.len()..].trim_start();
        let rest = rest.strip_prefix(':')?.trim_start().strip_prefix('"')?;
        let value = &rest[..rest.find('"').filter(|&n| n <= 40)?];
        parse_date(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph of an invented story, for pages built in tests.
    const PARA: &str = "The harbour board voted on Tuesday to delay the dredging of the \
                        eastern channel until the spring, citing the cost of the work. ";

    /// How many copies of [`PARA`] a text holds.
    fn paragraphs(text: &str) -> usize {
        text.matches("harbour board voted").count()
    }

    const PAGE: &str = r#"<!DOCTYPE html><html><head>
<title>Harbor deal collapses | The Harbor Ledger</title>
<meta property="og:site_name" content="The Harbor Ledger">
<meta name="author" content="By Mira Jansen">
<meta property="article:published_time" content="2025-03-04T09:30:00Z">
<script>var article = "“This quote is inside a script,” he said.";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbor deal collapses</h1>
<p>The proposed sale of the harbor authority's eastern terminal collapsed on Monday after the two bidders withdrew within hours of each other.</p>
<p>“We could not make the numbers work,” said Tomas Eller, the chief executive of one of the bidders, in a statement released late in the evening.</p>
<blockquote class="twitter-tweet"><p>“A sad day for the docks,” wrote a local account.</p></blockquote>
<p>The authority said it would reopen the tender in the spring, and that the terminal would continue to operate normally in the meantime.</p>
</article>
<footer>Copyright 2025 The Harbor Ledger. All rights reserved. Privacy. Terms.</footer>
</body></html>"#;

    #[test]
    fn metadata_from_the_head() {
        let page = read_page(PAGE);
        assert_eq!(page.title.as_deref(), Some("Harbor deal collapses"));
        assert_eq!(page.outlet.as_deref(), Some("The Harbor Ledger"));
        assert_eq!(page.byline.as_deref(), Some("Mira Jansen"));
        assert_eq!(page.published.unwrap().date.to_string(), "2025-03-04");
    }

    #[test]
    fn body_without_boilerplate_scripts_or_tweets() {
        let page = read_page(PAGE);
        assert!(
            page.text.contains("We could not make the numbers work"),
            "{}",
            page.text
        );
        assert!(!page.text.contains("inside a script"));
        assert!(!page.text.contains("sad day for the docks"));
        assert!(!page.text.contains("All rights reserved"));
        // One paragraph per line, quotes unbroken.
        assert!(
            page.text
                .lines()
                .any(|l| l.starts_with("“We could not") && l.ends_with("evening."))
        );
    }

    #[test]
    fn meta_tags_are_read_in_order_of_name_then_attribute() {
        let doc = Document::from(
            r#"<html><head>
<meta name="DATE" content="2020-01-02">
<meta property="date" content="  ">
<meta itemprop="date" content="2020-01-04">
<meta name="date" content="2020-01-05">
<meta property="og:title" content="First">
<meta property="og:title" content="Second">
</head><body></body></html>"#,
        );
        let metas = Metas::of(&doc);
        // The first tag of each attribute wins; names match in any case;
        // an empty value passes to the next attribute.
        assert_eq!(metas.get(&["date"]).as_deref(), Some("2020-01-02"));
        assert_eq!(metas.get(&["og:title"]).as_deref(), Some("First"));
        // The names' order is the priority.
        assert_eq!(
            metas.get(&["missing", "og:title", "date"]).as_deref(),
            Some("First")
        );
        assert_eq!(metas.get(&["missing"]), None);
    }

    #[test]
    fn json_ld_wins_over_meta() {
        let html = r#"<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Rates held","datePublished":"2025-01-15T08:00:00+01:00","author":[{"@type":"Person","name":"Ana Pereira"}],"publisher":{"@type":"Organization","name":"Northgate Wire"}}
</script><meta name="date" content="2024-12-01"></head><body><p>Body.</p></body></html>"#;
        let page = read_page(html);
        assert_eq!(page.title.as_deref(), Some("Rates held"));
        assert_eq!(page.byline.as_deref(), Some("Ana Pereira"));
        assert_eq!(page.outlet.as_deref(), Some("Northgate Wire"));
        assert_eq!(page.published.unwrap().date.to_string(), "2025-01-15");
        // Open Graph's article:published_time is the one meta tag that
        // comes before JSON-LD, as in htmldate.
        let og = html.replace(
            r#"<meta name="date" content="2024-12-01">"#,
            r#"<meta property="article:published_time" content="2025-01-17T09:12:00+01:00">"#,
        );
        assert_eq!(day_of(&og).as_deref(), Some("2025-01-17"));
    }

    #[test]
    fn deep_nesting_is_read_without_a_tree() {
        let html = format!(
            "<html><body>{}deep “text”{}</body></html>",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        assert!(nesting_depth(&html) > MAX_DEPTH);
        let page = read_page(&html);
        assert_eq!(page.text, "deep “text”");
        assert_eq!(page.notes.len(), 1);
        assert!(nesting_depth(PAGE) < 20);
    }

    #[test]
    fn date_from_the_address() {
        let day = |u: &str| date_in_url(u).map(|p| p.date.to_string());
        assert_eq!(
            day("https://example.com/news/2019/12/23/story").as_deref(),
            Some("2019-12-23")
        );
        assert_eq!(
            day("https://example.org/speeches/2003/03/20030331_address.html").as_deref(),
            Some("2003-03-31")
        );
        assert_eq!(
            day("https://example.org/news/2020-02-14-harbour-deal").as_deref(),
            Some("2020-02-14")
        );
        // Ids are not days: not a calendar day, before 1990, or longer.
        assert_eq!(day("https://example.org/a/12345678.html"), None);
        assert_eq!(day("https://example.org/a/19850101.html"), None);
        assert_eq!(day("https://example.org/a/2020010199.html"), None);
    }

    #[test]
    fn code_is_left_out_before_parsing_but_json_is_kept() {
        let page = "<html><head><SCRIPT src=\"a.js\" data-x='1>2'>var a = \"<p>x</p>\";</Script >\
                    <script type=\"application/ld+json\">{\"headline\": \"Kept\"}</script>\
                    <script type=\"application/json\">{\"publishedDate\": \"2016-11-04\"}</script>\
                    <style>p { color: red }</style><scripts>not code</scripts></head>\
                    <body><p>Text.</p><svg viewBox=\"0 0 9 9\"><path d=\"M0 0\"/></svg>\
                    <svg class=\"icon\"/><p>More.</p><svgs>kept</svgs><script>unclosed";
        let out = without_code(page);
        assert_eq!(
            out,
            "<html><head><SCRIPT src=\"a.js\" data-x='1>2'></Script >\
             <script type=\"application/ld+json\">{\"headline\": \"Kept\"}</script>\
             <script type=\"application/json\">{\"publishedDate\": \"2016-11-04\"}</script>\
             <style></style><scripts>not code</scripts></head>\
             <body><p>Text.</p><svg viewBox=\"0 0 9 9\"></svg>\
             <svg class=\"icon\"/><p>More.</p><svgs>kept</svgs><script>unclosed"
        );
        let plain = "<p>No code here.</p>";
        assert!(matches!(without_code(plain), Cow::Borrowed(_)));
    }

    #[test]
    fn menus_are_emptied_before_parsing_footers_are_not() {
        let page = "<nav class=\"menu\"><a href=\"/\">Home</a></nav><navbar>kept</navbar>\
                    <p>Text.</p><footer>Published 2 May 2021</footer>\
                    <nav>no end<script>code</script><p>More.</p>";
        assert_eq!(
            without_code(page),
            "<nav class=\"menu\"></nav><navbar>kept</navbar>\
             <p>Text.</p><footer>Published 2 May 2021</footer>\
             <nav>no end<script></script><p>More.</p>"
        );
        let parsed = read_page(&format!(
            "<html><body><nav><a href=\"/a\">Sport news</a></nav><article>{}</article></body></html>",
            "<p>The council met on Monday to vote on the budget for the coming year.</p>".repeat(8)
        ));
        assert!(!parsed.text.contains("Sport news"), "{}", parsed.text);
        assert!(parsed.text.contains("The council met"), "{}", parsed.text);
    }

    #[test]
    fn unread_attributes_are_left_out_before_parsing() {
        let page = "<div class=\"a\" data-state='{\"x\": \"1>2\"}' id=b>\
                    <img src=\"p.jpg\" srcset=\"p2.jpg 2x\" SIZES=100vw DATA-X alt=\"A\">\
                    <a href=\"/x\" data-track = \"y\">Link</a><p>2 < 3 data-y=\"text\"</p>\
                    <script type=\"application/ld+json\">{\"a\": \"<b data-k=v>\"}</script>\
                    <time datetime=\"2021-05-02\" data-t=1>May 2</time>";
        assert_eq!(
            without_unread_attributes(page),
            "<div class=\"a\"  id=b>\
             <img src=\"p.jpg\"   alt=\"A\">\
             <a href=\"/x\" >Link</a><p>2 < 3 data-y=\"text\"</p>\
             <script type=\"application/ld+json\">{\"a\": \"<b data-k=v>\"}</script>\
             <time datetime=\"2021-05-02\" >May 2</time>"
        );
        // A quote that never closes leaves the rest as it was.
        let open = "<p data-a=\"1\">x</p><p data-b=\"unclosed>y</p>";
        assert_eq!(
            without_unread_attributes(open),
            "<p >x</p><p data-b=\"unclosed>y</p>"
        );
        let plain = "<p class=\"x\">No data here.</p>";
        assert!(matches!(without_unread_attributes(plain), Cow::Borrowed(_)));
    }

    #[test]
    fn date_from_a_scripts_state_object_first_key_only() {
        let page = r#"<script>window.state = {"story": {"published_at": "2019-03-02T06:22:28+01:00"},
            "related": [{"published_at": "2018-01-01"}]};</script>"#;
        assert_eq!(
            date_in_scripts(page).map(|p| p.date.to_string()).as_deref(),
            Some("2019-03-02")
        );
        let created = r#"{"photo": {"createdAt": "2022-01-31T15:58:43+01:00"}}"#;
        assert_eq!(
            date_in_scripts(created)
                .map(|p| p.date.to_string())
                .as_deref(),
            Some("2022-01-31")
        );
        let related_only = r#"{"publishDate": "", "refs": [{"publishDate": "2012-06-24"}]}"#;
        assert!(date_in_scripts(related_only).is_none());
    }

    fn day_of(html: &str) -> Option<String> {
        read_page(html).published.map(|p| p.date.to_string())
    }

    #[test]
    fn a_utc_time_takes_the_day_of_its_local_rendering() {
        let page = r#"<html><head>
<meta property="article:published_time" content="2024-03-09T03:41:07Z">
<script>var dl = {"pubdate": "2024-03-08 22:41:07"};</script>
</head><body><p>Story.</p></body></html>"#;
        assert_eq!(day_of(page).as_deref(), Some("2024-03-08"));
        // Without a local rendering of the same instant, the UTC day stays,
        // and so does a time on the hour, which names no instant.
        let alone = page.replace("22:41:07", "22:40:00");
        assert_eq!(day_of(&alone).as_deref(), Some("2024-03-09"));
        let on_the_hour = page
            .replace("03:41:07", "03:00:00")
            .replace("22:41:07", "22:00:00");
        assert_eq!(day_of(&on_the_hour).as_deref(), Some("2024-03-09"));
    }

    #[test]
    fn a_date_in_its_own_element_of_a_long_line_is_found() {
        let menu = "Home News Sport Weather Culture Travel Business Opinion ".repeat(4);
        let page = format!(
            "<html><body><div>{menu}<span class=\"x\">14.02.2023</span> {menu}</div>\
             <p>Text of the story.</p></body></html>"
        );
        assert_eq!(day_of(&page).as_deref(), Some("2023-02-14"));
    }

    #[test]
    fn a_bare_date_meta_comes_after_the_dates_that_say_published() {
        // A CMS's "date" is often the day the page was last saved.
        let saved = r#"<meta name="date" content="2021-03-01T10:00:00+01:00">"#;
        let itemprop = format!(
            r#"<html><head>{saved}</head><body><span itemprop="datePublished"
            content="2021-02-10">10.02.2021</span><p>Story.</p></body></html>"#
        );
        assert_eq!(day_of(&itemprop).as_deref(), Some("2021-02-10"));
        let time = format!(
            r#"<html><head>{saved}</head><body><p class="meta"><time
            datetime="2021-02-12T08:00:00+01:00">12.02.2021</time></p><p>Story.</p></body></html>"#
        );
        assert_eq!(day_of(&time).as_deref(), Some("2021-02-12"));
        let only = format!(r#"<html><head>{saved}</head><body><p>Story.</p></body></html>"#);
        assert_eq!(day_of(&only).as_deref(), Some("2021-03-01"));
        // A meta that says "published" still comes before them.
        let published = r#"<html><head><meta name="publish-date" content="2021-02-01">
            </head><body><time datetime="2021-02-12">12.02.2021</time></body></html>"#;
        assert_eq!(day_of(published).as_deref(), Some("2021-02-01"));
        // A reader's comment has its own time.
        let comments = r#"<html><body><p>Rezept von Anna am 20.09.2020</p><p>Story.</p>
            <ol class="comment-list"><li><time datetime="2020-09-23T18:19:00+02:00">
            23.09.2020</time> Lecker!</li></ol></body></html>"#;
        assert_eq!(day_of(comments).as_deref(), Some("2020-09-20"));
    }

    #[test]
    fn dates_from_rdfa_a_datum_class_and_the_lead_image() {
        let rdfa = r#"<html><body><span property="schema:dateCreated"
            content="2022-01-28T12:45:46+00:00"></span><p>Story.</p></body></html>"#;
        assert_eq!(day_of(rdfa).as_deref(), Some("2022-01-28"));
        let datum = r#"<html><body><p>Menu</p><div><span class="fbdatum">06.10.2017 11:15</span>
            </div></body></html>"#;
        assert_eq!(day_of(datum).as_deref(), Some("2017-10-06"));
        let image = r#"<html><head><meta property="og:image"
            content="https://example.org/media/2020/10/26/1361729/lead.jpg"></head>
            <body><p>Story.</p></body></html>"#;
        assert_eq!(day_of(image).as_deref(), Some("2020-10-26"));
    }

    #[test]
    fn search_text_has_words_only() {
        let text = to_text(
            "<h2>Harbour talks</h2><p>See <a href=\"/r\">the <em>full</em> report</a>.</p>\
             <img src=\"a.jpg\" alt=\"A crane at dusk\" title=\"Crane\">\
             <ul><li>First point</li><li>Second point</li></ul>",
        );
        assert_eq!(
            text,
            "Harbour talks\n\nSee the full report.\n\nFirst point\n\nSecond point"
        );
    }

    #[test]
    fn a_form_around_the_whole_page_is_kept_and_a_search_box_is_not() {
        let page = format!(
            "<html><body><form id=\"aspnetForm\" method=\"post\">\
             <form class=\"search\"><input name=\"q\"><p>Search the site</p></form>\
             <article><h1>Dredging delayed</h1><p>{p}</p><p>{p}</p><p>{p}</p><p>{p}</p></article>\
             </form></body></html>",
            p = PARA
        );
        let got = read_page(&page);
        assert!(got.text.contains("eastern channel"), "{}", got.text);
        assert!(!got.text.contains("Search the site"), "{}", got.text);
    }

    #[test]
    fn captions_galleries_share_bars_and_related_stories_are_not_the_story() {
        let page = format!(
            "<html><body><div class=\"story has-gallery\"><h1>Dredging delayed</h1>\
             <div class=\"credit-bar\"><cite class=\"byline\">By Maria Quist</cite></div>\
             <div class=\"gallery-strip\"><p>A dredger at work in the eastern channel.</p>\
             <span class=\"credit\">Photo: Ann Lee / Harbour Herald</span>\
             <p class=\"open\">Caption</p><p>Image 1 of 9</p></div>\
             <p>{p}</p><p>{p}</p><p>{p}</p><p>{p}</p>\
             <div class=\"photo-caption\">The board met in the old customs house.</div>\
             <div class=\"share-bar\">Share this story</div>\
             <div class=\"related-stories\"><h3>You may also like</h3>\
             <p>Ferry fares rise in spring</p></div>\
             </div></body></html>",
            p = PARA
        );
        let got = read_page(&page);
        assert!(got.text.contains("eastern channel until"), "{}", got.text);
        for boilerplate in [
            "A dredger at work",
            "Photo: Ann Lee",
            "Image 1 of 9",
            "customs house",
            "Share this story",
            "Ferry fares",
        ] {
            assert!(
                !got.text.contains(boilerplate),
                "{boilerplate}: {}",
                got.text
            );
        }
        // A credit bar that holds the byline stays for the metadata.
        assert_eq!(got.byline.as_deref(), Some("Maria Quist"));
    }

    #[test]
    fn runs_of_link_lines_are_not_the_story_but_a_lone_one_is() {
        let page = format!(
            "<html><body><article><h1>Dredging delayed</h1><p>{p}</p><p>{p}</p>\
             <h3><a href=\"/t\">Tide gauge</a></h3><p>{p}</p><p>{p}</p>\
             <ul><li><a href=\"/a\">Ferry fares rise again …</a></li>\
             <li><a href=\"/b\">Harbour cranes idle</a></li></ul>\
             <h4><a href=\"/c\">[VIDEO]</a></h4><p>{p}</p>\
             </article></body></html>",
            p = PARA
        );
        let got = read_page(&page);
        assert!(!got.text.contains("Ferry fares"), "{}", got.text);
        assert!(!got.text.contains("Harbour cranes"), "{}", got.text);
        assert!(!got.text.contains("[VIDEO]"), "{}", got.text);
        // One link line among the paragraphs may be the article's own.
        assert!(got.text.contains("Tide gauge"), "{}", got.text);
        assert!(!got.text.contains(LINK_START) && !got.text.contains(LINK_END));
        assert_eq!(paragraphs(&got.text), 5, "{}", got.text);
    }

    #[test]
    fn paragraphs_that_are_only_a_link_are_not_the_story() {
        let page = format!(
            "<html><body><article><h1>Dredging delayed</h1><p>{p}</p><p>{p}</p>\
             <p><a href=\"/b\">BOARD CHAIR QUITS AFTER VOTE</a></p>\
             <p>{p} See <a href=\"/c\">the plan</a> for details.</p><p>{p}</p>\
             </article></body></html>",
            p = PARA
        );
        let got = read_page(&page);
        assert!(!got.text.contains("BOARD CHAIR QUITS"), "{}", got.text);
        // A link inside a paragraph's own words stays.
        assert!(got.text.contains("the plan for details"), "{}", got.text);
    }

    #[test]
    fn the_pages_date_stamps_are_not_the_story() {
        let page = format!(
            "<html><body><article><h1>Dredging delayed</h1>\
             <p>PUBLISHED: 10:48, Tue, Nov 19, 2019</p><p>| UPDATED: 11:05, Tue, Nov 19, 2019</p>\
             <p>{p}</p><p>{p}</p><p>On March 3, 2019, the board first met. {p}</p><p>{p}</p>\
             </article></body></html>",
            p = PARA
        );
        let got = read_page(&page);
        assert!(!got.text.contains("PUBLISHED"), "{}", got.text);
        assert!(!got.text.contains("UPDATED"), "{}", got.text);
        // A sentence that holds a date is the story's.
        assert!(
            got.text.contains("On March 3, 2019, the board"),
            "{}",
            got.text
        );
    }

    #[test]
    fn headline_byline_stamps_and_copyright_are_the_pages_not_the_storys() {
        let page = format!(
            "<html><head><title>Dredging delayed | Harbour Gazette</title>\
             <meta name=\"author\" content=\"Ann Lee\"></head><body>\
             <div class=\"cookie-notice\">The Gazette uses cookies. <a href=\"/p\">Privacy</a></div>\
             <article><p>Harbours</p><p>Home News Dredging delayed</p>\
             <p>Ann Lee, Harbour Gazette \u{2022} November 18, 2019 at 11:04 p.m.</p>\
             <p>Updated at 1:23 p.m.</p>\
             <p>{p}</p><p>By the end of the week, the dredger had left.</p><p>{p}</p>\
             <p>By Ann Lee</p>\
             <p>Dredging delayed again, the board said of its plan.</p>\
             <p>{p}</p><p>{p}</p>\
             <p>Copyright \u{a9} 2019 Harbour Gazette. All rights reserved.</p>\
             <p>You may also like</p><p>Sign up to our newsletter</p>\
             </article></body></html>",
            p = PARA
        );
        let got = read_page(&page);
        // The section's name, the headline, the byline and the cookie
        // notice are gone.
        let first = got.text.lines().next().unwrap_or_default();
        assert!(first.starts_with("The harbour board"), "{}", got.text);
        assert!(!got.text.contains("cookies"), "{}", got.text);
        assert!(!got.text.contains("Updated at"), "{}", got.text);
        assert!(!got.text.contains("rights reserved"), "{}", got.text);
        // What follows the notice at the end is the page's footer.
        assert!(!got.text.contains("You may also like"), "{}", got.text);
        // Below the top, the same words are the story's.
        assert!(got.text.contains("By the end of the week"), "{}", got.text);
        assert!(got.text.contains("Dredging delayed again"), "{}", got.text);
        assert_eq!(paragraphs(&got.text), 4, "{}", got.text);
    }

    #[test]
    fn a_label_and_a_linked_headline_is_a_teaser_but_a_linked_name_is_not() {
        let page = format!(
            "<html><body><article><h1>Dredging delayed</h1><p>{p}</p>\
             <p>READ MORE: <a href=\"/a\">Ferry fares rise again this winter</a></p>\
             <p>{p}</p><p>Account: <a href=\"/u\">@harbourboard</a></p><p>{p}</p>\
             </article></body></html>",
            p = PARA
        );
        let got = read_page(&page);
        assert!(!got.text.contains("Ferry fares"), "{}", got.text);
        assert!(got.text.contains("Account: @harbourboard"), "{}", got.text);
    }

    #[test]
    fn dates_of_other_stories_in_links_and_sidebars_are_skipped() {
        let page = r#"<html><body>
<aside><p>Most read</p><p><a href="/a">Ferry strike ends</a></p><p>01.02.2022 16:28</p></aside>
<ul><li><a href="/b">Port fees rise <span>31.01.2022</span></a></li></ul>
<div><h1>Ski jumping</h1><p>30.01.2022 18:36</p><p>The story.</p></div>
</body></html>"#;
        assert_eq!(day_of(page).as_deref(), Some("2022-01-30"));
        let by_class = r#"<html><body>
<footer><span class="post-date">02.02.2022</span></footer>
<div><span class="post-date">30.01.2022</span><p>The story.</p></div>
</body></html>"#;
        assert_eq!(day_of(by_class).as_deref(), Some("2022-01-30"));
    }

    #[test]
    fn a_long_text_that_opens_with_a_date_gives_it() {
        let long = "The labour market started the year well, the agency said, with more \
                    vacancies than a year before in every region of the country.";
        let page = format!(
            "<html><body><p><strong>01.02.2022 {long}</strong></p>\
             <p>In the middle of a long text, 03.03.2021 is not the day. {long}</p></body></html>"
        );
        assert_eq!(day_of(&page).as_deref(), Some("2022-02-01"));
        let inside =
            format!("<html><body><p>In the middle, 03.03.2021 is not it. {long}</p></body></html>");
        assert_eq!(day_of(&inside), None);
    }

    #[test]
    fn slashed_dates_in_the_text_follow_the_page_language() {
        let page = |lang: &str| {
            format!(
                "<html lang=\"{lang}\"><body><span class=\"time\">02/10/2020</span>\
                 <p>Story.</p></body></html>"
            )
        };
        assert_eq!(day_of(&page("en-GB")).as_deref(), Some("2020-10-02"));
        assert_eq!(day_of(&page("fr")).as_deref(), Some("2020-10-02"));
        assert_eq!(day_of(&page("en-US")).as_deref(), Some("2020-02-10"));
        assert_eq!(day_of(&page("en")).as_deref(), Some("2020-02-10"));
    }

    #[test]
    fn a_date_in_the_future_is_not_a_publication_date() {
        let page = "<html><body><p>Offer valid until</p><p>31.12.2099</p>\
                    <p>Posted 3 May 2021</p></body></html>";
        assert_eq!(day_of(page).as_deref(), Some("2021-05-03"));
    }

    #[test]
    fn site_decorations_leave_the_title_and_name_the_outlet() {
        let (t, site) = strip_site(
            "CNN.com - Expert: storm could unleash disaster - Aug 29, 2005",
            None,
        );
        assert_eq!(t, "Expert: storm could unleash disaster");
        assert_eq!(site.as_deref(), Some("CNN.com"));
        let (t, site) = strip_site("BBC NEWS | Asia-Pacific | Quake hits island chain", None);
        assert_eq!(t, "Quake hits island chain");
        assert_eq!(site.as_deref(), Some("BBC NEWS"));
        let (t, site) = strip_site("Woman delivers twins - US News - FOXNews.com", None);
        assert_eq!(t, "Woman delivers twins");
        assert_eq!(site.as_deref(), Some("FOXNews.com"));
        // A short title with a dash keeps it.
        let (t, site) = strip_site("Trump - the man", None);
        assert_eq!((t.as_str(), site), ("Trump - the man", None));
    }

    #[test]
    fn outlet_from_the_title_or_the_address() {
        let page = read_page(
            "<html><head><title>High school overhaul flunks out - Los Angeles Times</title>\
             </head><body><p>Text.</p></body></html>",
        );
        assert_eq!(page.outlet.as_deref(), Some("Los Angeles Times"));
        let page = read_page(
            "<html><head><meta name=\"application-name\" \
             content=\"Daily Bugle News - Latest News &amp; Headlines\">\
             <title>Dam opens</title></head><body><p>Text.</p></body></html>",
        );
        assert_eq!(page.outlet.as_deref(), Some("Daily Bugle News"));
        assert_eq!(
            host_of("https://web.archive.org/web/20050829/http://www.cnn.com/2005/x.html")
                .as_deref(),
            Some("cnn.com")
        );
        assert_eq!(
            host_of("https://www.bbc.co.uk/news/1").as_deref(),
            Some("bbc.co.uk")
        );
        assert_eq!(
            host_of("http://breakingnews.nypost.com:80/dynamic/x").as_deref(),
            Some("nypost.com")
        );
        assert_eq!(host_of("http://127.0.0.1:8000/x"), None);
    }

    #[test]
    fn a_page_saved_from_the_wayback_machine_or_a_browser_has_its_address() {
        let toolbar = read_page(
            r#"<html><head><title>Bomb blast near prison</title></head><body>
            <div id="wm-ipp"><form><input type="text" name="url" id="wmtbURL"
             value="http://news.bbc.co.uk:80/1/hi/world/4337692.stm"></form></div>
            <p>Text.</p></body></html>"#,
        );
        assert_eq!(
            toolbar.url.as_deref(),
            Some("http://news.bbc.co.uk:80/1/hi/world/4337692.stm")
        );
        assert_eq!(toolbar.outlet.as_deref(), Some("bbc.co.uk"));
        let replay = read_page(
            r#"<html><head><script>__wm.wombat("http://www.he.example.cn:80/news/2012-06/04/c.htm","20120611024252");</script>
            <title>A story</title></head><body><p>Text.</p></body></html>"#,
        );
        assert_eq!(
            replay.url.as_deref(),
            Some("http://www.he.example.cn:80/news/2012-06/04/c.htm")
        );
        let saved = read_page(
            "<!DOCTYPE html>\n<!-- saved from url=(0045)https://www.example.org/2019/a-long-story.html -->\n\
             <html><head><title>A story</title></head><body><p>Text.</p></body></html>",
        );
        assert_eq!(
            saved.url.as_deref(),
            Some("https://www.example.org/2019/a-long-story.html")
        );
        assert_eq!(saved.outlet.as_deref(), Some("example.org"));
    }

    #[test]
    fn entities_and_cdata_in_json_ld() {
        let page = read_page(
            r#"<html><head><script type="application/ld+json">//<![CDATA[
            {"@type":"NewsArticle","headline":"Pence&#x3a; &#x27;good progress&#x27;",
             "datePublished":"2024-12-06T10:00:00Z"}
            //]]></script></head><body><p>Text.</p></body></html>"#,
        );
        assert_eq!(page.title.as_deref(), Some("Pence: 'good progress'"));
        assert_eq!(
            page.published.map(|p| p.date.to_string()).as_deref(),
            Some("2024-12-06")
        );
    }

    #[test]
    fn a_date_in_the_byline_place_is_no_byline() {
        assert_eq!(strip_by("Sunday, Feb 1, 2015 11:57 AM UTC"), "");
        assert_eq!(strip_by("March 25, 2015"), "");
        assert_eq!(strip_by("By Sun Yang"), "Sun Yang");
        assert_eq!(strip_by("April Ryan"), "April Ryan");
    }

    #[test]
    fn bylines_lose_dates_desks_and_wire_tags() {
        assert_eq!(
            strip_by("By Arik Hesseldahl, 04.08.05, 1:21 PM ET"),
            "Arik Hesseldahl"
        );
        assert_eq!(strip_by("Karen Kaplan, Times Staff Writer"), "Karen Kaplan");
        assert_eq!(strip_by("Jane Doe, CNN"), "Jane Doe");
        assert_eq!(strip_by("By Nathan Willis March 25, 2015"), "Nathan Willis");
        assert_eq!(
            strip_by("Ann Lee, Bo Park and Cy Diaz"),
            "Ann Lee, Bo Park and Cy Diaz"
        );
    }
}
