//! From a [`Request`] to a tantivy query: the user's query language, plus
//! speaker, outlet and date filters.

use std::ops::Bound;

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, Query, QueryParser,
    QueryParserError, RangeQuery, TermQuery,
};
use tantivy::query_grammar::{self, UserInputAst, UserInputLeaf};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::{DateTime, Index, Score, Term};

use super::Hit;
use super::context::NextPassage;
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
    /// Forgive one typo per word.
    pub fuzzy: bool,
    /// Search the quoted words only, not whole passages.
    pub in_quotes: bool,
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
    searcher: &tantivy::Searcher,
    f: &Fields,
    req: &Request,
    speakers: &[String],
    aliases: &super::aliases::Aliases,
) -> Result<Built, SearchError> {
    // A phrase is matched in the passage and title only: the previous
    // passage is context for words, not for phrases that would run across
    // the two.
    let has_phrase = req.query.as_deref().is_some_and(|q| q.contains('"'));
    let defaults = if req.in_quotes {
        vec![f.quote]
    } else {
        vec![f.text, f.title]
    };
    let mut parser = QueryParser::for_index(index, defaults);
    parser.set_conjunction_by_default();
    parser.set_field_boost(f.title, 1.5);
    let mut before = QueryParser::for_index(index, vec![f.text]);
    before.set_conjunction_by_default();
    let text = req
        .query
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty());
    let scoring: Box<dyn Query> = match text {
        Some(q) => {
            let field = if req.in_quotes { f.quote } else { f.text };
            let q = expand_prefixes(q, searcher, field);
            // One typo: each word stands for the index's words within one
            // edit of it, scored as they are (BM25), so the closest and
            // rarest come first. A fuzzy query of tantivy's own scores every
            // match the same, and the order of equal hits is the index's.
            let q = if req.fuzzy {
                expand_typos(index, &q, searcher, field)
            } else {
                q
            };
            let parsed = match query_grammar::parse_query(&q) {
                Ok(ast) if !req.in_quotes && !has_phrase => WithContext {
                    here: &parser,
                    before: &before,
                    before_quote: f.before_quote,
                    searcher,
                }
                .build(ast),
                _ => parser.parse_query(&q),
            };
            parsed.map_err(|e| SearchError::Query {
                query: q.clone(),
                reason: e.to_string(),
            })?
        }
        None => Box::new(AllQuery),
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, scoring.box_clone())];
    if !req.speakers.is_empty() {
        let mut any = Vec::new();
        for name in &req.speakers {
            for speaker in facets::resolve(name, speakers, aliases)? {
                let term = Term::from_facet(f.speakers, &Facet::from_path([speaker.as_str()]));
                any.push((
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
                ));
            }
        }
        clauses.push((Occur::Must, filter(BooleanQuery::new(any))));
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
        clauses.push((Occur::Must, filter(BooleanQuery::new(any))));
    }
    if req.since.is_some() || req.until.is_some() {
        let bound = |d: Option<NaiveDate>| match d {
            Some(d) => Bound::Included(Term::from_field_date(f.date, day(d))),
            None => Bound::Unbounded,
        };
        clauses.push((
            Occur::Must,
            filter(RangeQuery::new(bound(req.since), bound(req.until))),
        ));
    }
    Ok(Built {
        query: Box::new(BooleanQuery::new(clauses)),
        scoring,
    })
}

/// A filter: it narrows the hits and adds nothing to their scores.
///
/// Scored as tantivy scores them, filters skewed the ranking. A date range
/// added 1 to a passage's score in a segment where some passages fall
/// outside it, and 0 in a segment that it covers whole (tantivy drops a
/// clause that matches everything). An outlet, a phrase query, added its
/// BM25 score, higher for rarer outlets; a speaker added the idf of their
/// name. A hit scores the same with or without filters now.
fn filter(query: impl Query) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(Box::new(query), 0.0))
}

/// Weight of a word found in the passage before a quoting one, against 1
/// in the passage itself.
const CONTEXT_BOOST: Score = 0.3;

/// A word in more than one passage in this many names no topic ("said",
/// "market" in financial news): it is looked for in the passage itself
/// only, as Elasticsearch's common-terms cutoff treats its most frequent
/// words. On Reuters, without it, "market said" was 2-3x slower in process
/// ("said" is in 62% of passages).
const TOPIC_MAX_SHARE: u64 = 10;

/// Builds a query where each word (a literal without a field) may be found
/// in the passage or its title (`here`), or in the text of the passage
/// before it when this one quotes someone (`before`, in the passages marked
/// in `before_quote`, shifted by [`NextPassage`]). Everything else is built
/// by `here` as the query parser builds it, and clauses are joined as it
/// joins them.
struct WithContext<'a> {
    here: &'a QueryParser,
    before: &'a QueryParser,
    before_quote: Field,
    searcher: &'a tantivy::Searcher,
}

impl WithContext<'_> {
    fn build(&self, ast: UserInputAst) -> Result<Box<dyn Query>, QueryParserError> {
        Ok(match ast {
            UserInputAst::Clause(clauses) => {
                let mut subqueries = Vec::with_capacity(clauses.len());
                for (occur, clause) in clauses {
                    let query = self.build(clause)?;
                    // As the parser trims them: a word with no token ("-")
                    // is left out rather than matching nothing.
                    if !query.is::<EmptyQuery>() {
                        subqueries.push((occur.unwrap_or(Occur::Must), query));
                    }
                }
                if subqueries.is_empty() {
                    Box::new(EmptyQuery)
                } else {
                    Box::new(BooleanQuery::new(subqueries))
                }
            }
            UserInputAst::Boost(ast, boost) => Box::new(BoostQuery::new(
                self.build(*ast)?,
                boost.into_inner() as Score,
            )),
            UserInputAst::Leaf(leaf) => {
                let word = matches!(&*leaf, UserInputLeaf::Literal(l) if l.field_name.is_none());
                let in_passage = self
                    .here
                    .build_query_from_user_input_ast(UserInputAst::Leaf(leaf.clone()))?;
                if !word || in_passage.is::<EmptyQuery>() {
                    return Ok(in_passage);
                }
                let in_previous = self
                    .before
                    .build_query_from_user_input_ast(UserInputAst::Leaf(leaf))?;
                if !self.names_a_topic(in_previous.as_ref()) {
                    return Ok(in_passage);
                }
                let in_previous = BoostQuery::new(
                    Box::new(NextPassage::new(in_previous, self.before_quote)),
                    CONTEXT_BOOST,
                );
                Box::new(BooleanQuery::new(vec![
                    (Occur::Should, in_passage),
                    (Occur::Should, Box::new(in_previous)),
                ]))
            }
        })
    }

    /// Whether every term of `query` is in at most one passage in
    /// [`TOPIC_MAX_SHARE`].
    fn names_a_topic(&self, query: &dyn Query) -> bool {
        let most = self.searcher.num_docs() / TOPIC_MAX_SHARE;
        let mut rare = true;
        query.query_terms(&mut |term, _| {
            rare &= self.searcher.doc_freq(term).is_ok_and(|n| n <= most);
        });
        rare
    }
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

/// How many index terms one `prefix*` may stand for.
const MAX_EXPANSIONS: usize = 64;

/// Rewrites each `word*` (or `field:word*`) outside quotes into the index
/// terms that start with it: `(inflat OR inflation OR inflationari)`.
fn expand_prefixes(
    query: &str,
    searcher: &tantivy::Searcher,
    default: tantivy::schema::Field,
) -> String {
    let schema = searcher.schema();
    rewrite_words(query, |piece| {
        let stem = piece.strip_suffix('*')?;
        let (name, field, prefix) = match stem.split_once(':') {
            Some((name, p)) => (format!("{name}:"), schema.get_field(name).ok()?, p),
            None => (String::new(), default, stem),
        };
        let trimmed = prefix.trim_start_matches(['(', '-', '+']);
        let lead = &prefix[..prefix.len() - trimmed.len()];
        let folded = deunicode::deunicode(trimmed).to_lowercase();
        let terms = if folded.chars().count() >= 2 {
            index_terms(searcher, field, Near::Prefix(&folded))
        } else {
            Vec::new()
        };
        if terms.is_empty() {
            // Nothing starts with it: keep the word, which then matches nothing.
            return Some(format!("{lead}{name}{folded}"));
        }
        let alts: Vec<String> = terms.iter().map(|t| format!("{name}{t}")).collect();
        Some(format!("{lead}({})", alts.join(" OR ")))
    })
}

/// Rewrites each plain word outside quotes that the index lacks into the
/// index terms of `field` within one edit (a transposition counts as one)
/// of its stem: `cesefire` becomes `(ceasefir)`. Words the index has, words
/// of three letters or fewer, operators and `field:` words stay as they are.
fn expand_typos(
    index: &Index,
    query: &str,
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
) -> String {
    let Ok(mut analyzer) = index.tokenizer_for_field(field) else {
        return query.to_string();
    };
    rewrite_words(query, |piece| {
        let lead = &piece[..piece.len() - piece.trim_start_matches(['(', '-', '+']).len()];
        let word = piece[lead.len()..].trim_end_matches(')');
        let tail = &piece[lead.len() + word.len()..];
        let plain = word.chars().count() > 3
            && word.chars().all(char::is_alphanumeric)
            && !matches!(word, "AND" | "OR" | "NOT");
        if !plain {
            return None;
        }
        let mut stems = Vec::new();
        analyzer
            .token_stream(word)
            .process(&mut |t| stems.push(t.text.clone()));
        let [stem] = stems.as_slice() else {
            return None;
        };
        let terms = index_terms(searcher, field, Near::OneEdit(stem));
        // A word the index has is no typo: "centrel bank" looks for "bank",
        // not also for "band".
        if terms.is_empty() || terms.iter().any(|t| t == stem) {
            return None;
        }
        Some(format!("{lead}({}){tail}", terms.join(" OR ")))
    })
}

/// Rewrites the words of a query that stand outside quotation marks, one
/// at a time: `rewrite` gives a word's replacement, or `None` to keep it.
fn rewrite_words(query: &str, mut rewrite: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(query.len());
    let mut in_phrase = false;
    for (i, piece) in query.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let quotes = piece.matches('"').count();
        let was_in_phrase = in_phrase;
        if quotes % 2 == 1 {
            in_phrase = !in_phrase;
        }
        let new = (!was_in_phrase && quotes == 0)
            .then(|| rewrite(piece))
            .flatten();
        out.push_str(new.as_deref().unwrap_or(piece));
    }
    out
}

/// Which index terms to list.
enum Near<'a> {
    /// Those within one edit of this word (a transposition is one).
    OneEdit(&'a str),
    /// Those that start with this.
    Prefix(&'a str),
}

/// Up to [`MAX_EXPANSIONS`] words of `field`'s term dictionary, in every
/// segment, that are `near` a word.
fn index_terms(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    near: Near,
) -> Vec<String> {
    let mut found = std::collections::BTreeSet::new();
    let mut keep = |key: &[u8]| {
        if let Ok(t) = std::str::from_utf8(key)
            && t.chars().all(char::is_alphanumeric)
        {
            found.insert(t.to_string());
        }
        found.len() < MAX_EXPANSIONS
    };
    // The automaton or the range is built once, not again for every segment.
    enum Walk {
        Fuzzy(tantivy::query::DfaWrapper),
        Range(Vec<u8>, Vec<u8>),
    }
    let walk = match near {
        Near::OneEdit(word) => {
            let fuzzy = tantivy::query::FuzzyTermQuery::new(
                tantivy::Term::from_field_text(field, word),
                1,
                true,
            );
            let Ok(automaton) = fuzzy.automaton() else {
                return Vec::new();
            };
            Walk::Fuzzy(automaton)
        }
        Near::Prefix(prefix) => Walk::Range(
            prefix.as_bytes().to_vec(),
            [prefix.as_bytes(), &[0xff]].concat(),
        ),
    };
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let terms = inverted.terms();
        // The two kinds of stream differ in type, so one macro drains both;
        // it says whether there is room for more.
        macro_rules! drain {
            ($stream:ident) => {{
                let mut more = true;
                while more && $stream.advance() {
                    more = keep($stream.key());
                }
                more
            }};
        }
        let more = match &walk {
            Walk::Fuzzy(automaton) => {
                let Ok(mut stream) = terms.search(automaton).into_stream() else {
                    continue;
                };
                drain!(stream)
            }
            Walk::Range(lower, upper) => {
                let Ok(mut stream) = terms.range().ge(lower).lt(upper).into_stream() else {
                    continue;
                };
                drain!(stream)
            }
        };
        if !more {
            break;
        }
    }
    found.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::schema::Facet;
    use tantivy::{DocAddress, TantivyDocument};

    use super::*;
    use crate::index::schema::{Fields, register_tokenizers, schema};

    /// A passage of `outlet`, dated `year`, quoting `speaker`.
    fn passage(f: &Fields, text: &str, year: i32, outlet: &str, speaker: &str) -> TantivyDocument {
        let mut doc = TantivyDocument::new();
        doc.add_text(f.text, text);
        doc.add_text(f.title, "Port report");
        doc.add_text(f.outlet, outlet);
        doc.add_u64(f.before_quote, 0);
        doc.add_date(
            f.date,
            day(NaiveDate::from_ymd_opt(year, 6, 1).expect("a day")),
        );
        doc.add_facet(f.speakers, Facet::from_path([speaker]));
        doc
    }

    /// Each hit's score for `req`, by document.
    fn scores(index: &Index, f: &Fields, req: &Request) -> Vec<(DocAddress, Score)> {
        let searcher = index.reader().expect("a reader").searcher();
        let speakers = vec!["Ilse Marrow".to_string(), "Tomas Reed".to_string()];
        let aliases = super::super::aliases::Aliases::default();
        let built = build(index, &searcher, f, req, &speakers, &aliases).expect("a query");
        let mut top = searcher
            .search(&*built.query, &TopDocs::with_limit(100).order_by_score())
            .expect("a search");
        top.sort_by_key(|(_, addr)| *addr);
        top.into_iter().map(|(s, a)| (a, s)).collect()
    }

    #[test]
    fn filters_narrow_the_hits_and_leave_their_scores_alone() {
        let index = Index::create_in_ram(schema());
        register_tokenizers(&index);
        let f = Fields::new(&index.schema()).expect("the fields");
        let mut writer: tantivy::IndexWriter = index.writer(15 << 20).expect("a writer");
        // Two segments: one the date filter covers whole, one it does not.
        for i in 0..4 {
            let text = "harbour dredging ".repeat(i + 1) + "delayed again";
            writer
                .add_document(passage(&f, &text, 2020, "Port Wire", "Ilse Marrow"))
                .unwrap();
        }
        writer.commit().unwrap();
        for (i, year) in [2010, 2020, 2010, 2020].into_iter().enumerate() {
            let text = "the harbour ".repeat(i + 1) + "was quiet";
            let outlet = if i % 2 == 0 {
                "Port Wire"
            } else {
                "Daily Estuary Herald"
            };
            writer
                .add_document(passage(&f, &text, year, outlet, "Tomas Reed"))
                .unwrap();
        }
        writer.commit().unwrap();
        assert_eq!(index.searchable_segment_ids().unwrap().len(), 2);

        let plain = Request {
            query: Some("harbour".into()),
            ..Request::default()
        };
        let all = scores(&index, &f, &plain);
        assert_eq!(all.len(), 8);
        let filtered = |req: Request| {
            let got = scores(&index, &f, &req);
            // Every filtered hit scores as it does unfiltered.
            for (addr, score) in &got {
                let unfiltered = all.iter().find(|(a, _)| a == addr).expect("a hit").1;
                assert_eq!(*score, unfiltered, "{addr:?} for {req:?}");
            }
            got.len()
        };
        let since = NaiveDate::from_ymd_opt(2015, 1, 1);
        assert_eq!(
            filtered(Request {
                since,
                ..plain.clone()
            }),
            6
        );
        assert_eq!(
            filtered(Request {
                outlets: vec!["Port Wire".into(), "Daily Estuary Herald".into()],
                ..plain.clone()
            }),
            8
        );
        assert_eq!(
            filtered(Request {
                speakers: vec!["Tomas Reed".into(), "Ilse Marrow".into()],
                since,
                ..plain.clone()
            }),
            6
        );
    }
}
