//! "What did X say about Y": quotations as results, with their speaker,
//! day, article and the sentence around them.

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Order, TantivyDocument};

use super::query::Built;
use super::{Request, SearchError, day_of, str_field};
use crate::index::schema::Fields;
use crate::index::writer::StoredQuote;

/// One quotation found by `newsdex quotes`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuoteHit {
    /// The quoted words.
    pub text: String,
    /// Who said them.
    pub speaker: Option<String>,
    /// The speaker's title or role.
    pub role: Option<String>,
    /// Whether the speaker is a named person.
    pub named: bool,
    /// The day they were said.
    pub said_on: Option<String>,
    /// The sentence around the quotation.
    pub context: String,
    /// The article's headline.
    pub title: Option<String>,
    /// The article's outlet.
    pub outlet: Option<String>,
    /// The article's publication day.
    pub date: Option<String>,
    /// The article's file.
    pub path: String,
    /// The article's id.
    pub article: String,
    /// The passage number.
    pub passage: u64,
}

/// Finds the quotations of the passages matching `built`, keeping those
/// whose own words match the query and whose speaker is wanted.
pub fn find(
    searcher: &tantivy::Searcher,
    f: &Fields,
    built: &Built,
    req: &Request,
    speakers: &[String],
) -> Result<Vec<QuoteHit>, SearchError> {
    let want = req.offset + req.limit;
    let fetch = (want * 4).max(200);
    let addrs: Vec<DocAddress> = if req.query.is_some() {
        searcher
            .search(&*built.query, &TopDocs::with_limit(fetch).order_by_score())?
            .into_iter()
            .map(|(_, a)| a)
            .collect()
    } else {
        let date = searcher.schema().get_field_name(f.date).to_string();
        searcher
            .search(
                &*built.query,
                &TopDocs::with_limit(fetch)
                    .order_by_fast_field::<tantivy::DateTime>(date, Order::Desc),
            )?
            .into_iter()
            .map(|(_, a)| a)
            .collect()
    };
    let matcher = match req.query {
        Some(_) => Some(SnippetGenerator::create(
            searcher,
            &*built.scoring,
            f.quote,
        )?),
        None => None,
    };
    let mut out = Vec::new();
    for addr in addrs {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let quotes: Vec<StoredQuote> = str_field(&doc, f.quotes)
            .and_then(|q| serde_json::from_str(&q).ok())
            .unwrap_or_default();
        let text = str_field(&doc, f.text).unwrap_or_default();
        for q in quotes {
            if !speakers.is_empty() && !q.speaker.as_ref().is_some_and(|s| speakers.contains(s)) {
                continue;
            }
            if let Some(m) = &matcher
                && m.snippet(&q.text).highlighted().is_empty()
            {
                continue;
            }
            out.push(QuoteHit {
                context: sentence_around(&text, q.start, q.end),
                text: q.text,
                speaker: q.speaker,
                role: q.role,
                named: q.named,
                said_on: q.said_on,
                title: str_field(&doc, f.title),
                outlet: str_field(&doc, f.outlet),
                date: day_of(&doc, f.date),
                path: str_field(&doc, f.file).unwrap_or_default(),
                article: str_field(&doc, f.article).unwrap_or_default(),
                passage: doc
                    .get_first(f.passage)
                    .and_then(|v| v.as_u64())
                    .unwrap_or(0),
            });
        }
    }
    if req.query.is_none() || req.sort == Some(super::query::SortOrder::DateDesc) {
        out.sort_by(|a, b| b.said_on.cmp(&a.said_on));
    } else if req.sort == Some(super::query::SortOrder::Date) {
        out.sort_by(|a, b| {
            (a.said_on.is_none(), &a.said_on).cmp(&(b.said_on.is_none(), &b.said_on))
        });
    }
    Ok(out.into_iter().skip(req.offset).take(req.limit).collect())
}

/// The sentence of `text` holding the byte range `start..end`.
pub fn sentence_around(text: &str, start: usize, end: usize) -> String {
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    let is_end = |w: &[u8]| matches!(w[0], b'.' | b'?' | b'!') && w[1] == b' ';
    let bytes = text.as_bytes();
    let from = (0..start.saturating_sub(1))
        .rev()
        .find(|&i| i + 1 < bytes.len() && is_end(&bytes[i..i + 2]))
        .map_or(0, |i| i + 2);
    let to = (end..bytes.len().saturating_sub(1))
        .find(|&i| is_end(&bytes[i..i + 2]))
        .map_or(text.len(), |i| i + 1);
    let (mut from, mut to) = (from.min(start), to.max(end));
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    while !text.is_char_boundary(to) {
        to += 1;
    }
    text[from..to].trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_around_a_quote() {
        let t = "Talks resumed. “We have to settle this,” Voronin told a reporter. He left.";
        let start = t.find("We have").unwrap();
        let end = t.find("this,").unwrap() + 5;
        assert_eq!(
            sentence_around(t, start, end),
            "“We have to settle this,” Voronin told a reporter."
        );
    }
}
