//! From a [`Request`] to a tantivy query: the user's query language, plus
//! speaker, outlet and date filters.

use std::ops::Bound;

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{DateTime, Index, Term};

use super::Hit;
use super::facets;
use crate::index::schema::Fields;

/// What the user asked for.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Query in newsdex's query language; `None` matches everything.
    pub query: Option<String>,
    /// Speakers, any of which must be quoted in the passage.
    pub speakers: Vec<String>,
    /// Outlets, any of which must have published the article.
    pub outlets: Vec<String>,
    /// First day, inclusive.
    pub since: Option<NaiveDate>,
    /// Last day, inclusive.
    pub until: Option<NaiveDate>,
    /// How many hits.
    pub limit: usize,
    /// Hits to skip, for paging.
    pub offset: usize,
    /// Every matching passage, not just the best of each article.
    pub all_passages: bool,
    /// Order of the hits; `None` is relevance.
    pub sort: Option<SortOrder>,
}

/// The order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SortOrder {
    /// Best match first.
    Relevance,
    /// Oldest first.
    Date,
    /// Newest first.
    DateDesc,
}

/// Why a search could not run.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query does not parse, or names an unknown field.
    #[error("bad query {query:?}: {reason} (fields: title, text, quote, speaker, outlet, byline)")]
    Query {
        /// The query.
        query: String,
        /// What is wrong with it.
        reason: String,
    },
    /// No speaker in the index matches the name.
    #[error("no speaker matching {0:?} is quoted in the index (see `newsdex speakers`)")]
    UnknownSpeaker(String),
    /// The name matches several people.
    #[error("{name:?} matches several speakers: {}; give more of the name", candidates.join(", "))]
    AmbiguousSpeaker {
        /// The name given.
        name: String,
        /// The speakers it matches.
        candidates: Vec<String>,
    },
    /// The index failed.
    #[error(transparent)]
    Index(#[from] tantivy::TantivyError),
}

/// The query to run, and the part of it that scores text (for snippets).
pub struct Built {
    /// The whole query, filters included.
    pub query: Box<dyn Query>,
    /// The user's query alone.
    pub scoring: Box<dyn Query>,
}

/// Builds the query for a request. `speakers` is every speaker in the index.
pub fn build(
    index: &Index,
    f: &Fields,
    req: &Request,
    speakers: &[String],
) -> Result<Built, SearchError> {
    let mut parser = QueryParser::for_index(index, vec![f.text, f.title, f.context]);
    parser.set_conjunction_by_default();
    parser.set_field_boost(f.title, 1.5);
    parser.set_field_boost(f.context, 0.3);
    let text = req
        .query
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty());
    let scoring: Box<dyn Query> = match text {
        Some(q) => parser.parse_query(q).map_err(|e| SearchError::Query {
            query: q.to_string(),
            reason: e.to_string(),
        })?,
        None => Box::new(AllQuery),
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, scoring.box_clone())];
    if !req.speakers.is_empty() {
        let mut any = Vec::new();
        for name in &req.speakers {
            for speaker in facets::resolve(name, speakers)? {
                let term = Term::from_facet(f.speakers, &Facet::from_path([speaker.as_str()]));
                any.push((
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
                ));
            }
        }
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    if !req.outlets.is_empty() {
        let outlet_parser = QueryParser::for_index(index, vec![f.outlet]);
        let mut any = Vec::new();
        for outlet in &req.outlets {
            let phrase = format!("\"{}\"", outlet.replace(['"', '\\'], " "));
            let q = outlet_parser
                .parse_query(&phrase)
                .map_err(|e| SearchError::Query {
                    query: outlet.clone(),
                    reason: e.to_string(),
                })?;
            any.push((Occur::Should, q));
        }
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    if req.since.is_some() || req.until.is_some() {
        let bound = |d: Option<NaiveDate>| match d {
            Some(d) => Bound::Included(Term::from_field_date(f.date, day(d))),
            None => Bound::Unbounded,
        };
        clauses.push((
            Occur::Must,
            Box::new(RangeQuery::new(bound(req.since), bound(req.until))),
        ));
    }
    Ok(Built {
        query: Box::new(BooleanQuery::new(clauses)),
        scoring,
    })
}

fn day(d: NaiveDate) -> DateTime {
    DateTime::from_timestamp_secs(
        d.and_hms_opt(0, 0, 0)
            .expect("midnight")
            .and_utc()
            .timestamp(),
    )
}

/// Reorders hits by date; hits without a date go last.
pub fn sort_hits(hits: &mut [Hit], order: SortOrder) {
    match order {
        SortOrder::Relevance => {}
        SortOrder::Date => {
            hits.sort_by(|a, b| (a.date.is_none(), &a.date).cmp(&(b.date.is_none(), &b.date)))
        }
        SortOrder::DateDesc => {
            hits.sort_by(|a, b| (b.date.is_some(), &b.date).cmp(&(a.date.is_some(), &a.date)))
        }
    }
}
