//! Search: queries, filters, snippets and facets over the passage index.
//!
//! [`Searcher::search`] turns a [`Request`] into ranked [`Hit`]s: BM25 over
//! the passage text and title (with the previous passage as weaker context
//! of a passage that quotes someone, so a quotation is found by the topic
//! named just before it),
//! filtered by speaker, outlet and dates, best passage per article unless
//! all passages are asked for. Nothing here prints; the CLI renders.

pub mod aliases;
pub mod context;
pub mod facets;
pub mod loose;
pub mod query;
pub mod quotes;
pub mod snippets;
pub mod timeline;

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::{Collector, TopDocs};
use tantivy::query::{EnableScoring, Query};
use tantivy::schema::Value;
use tantivy::{DocAddress, Index, IndexReader, TantivyDocument};

use crate::index::schema::Fields;
use crate::index::writer::StoredQuote;
use crate::index::{self, IndexError};

pub use facets::SpeakerCount;

/// What a facet counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Facet {
    /// Named speakers quoted.
    Speaker,
    /// Publications.
    Outlet,
    /// Years of publication.
    Year,
}
pub use query::{Request, SearchError};

/// One result: a passage of an article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    /// The article's file.
    pub path: String,
    /// The article's id (the path, or path#id inside a JSONL file).
    pub article: String,
    /// Passage number within the article, from 0.
    pub passage: u64,
    /// Headline.
    pub title: Option<String>,
    /// Publication.
    pub outlet: Option<String>,
    /// Publication day.
    pub date: Option<String>,
    /// Original address.
    pub url: Option<String>,
    /// BM25 score.
    pub score: f32,
    /// The whole passage.
    pub text: String,
    /// The best fragment of the passage, with highlights.
    pub snippet: Snippet,
    /// Named speakers quoted in the passage.
    pub speakers: Vec<String>,
    /// The passage's quotations.
    pub quotes: Vec<StoredQuote>,
    /// Other articles with the same body (copies of one story filed again).
    pub also_in: Vec<String>,
    /// Indices into `quotes` of the quotations the match falls inside.
    pub in_quote: Vec<usize>,
}

/// A fragment of a passage, and the byte ranges of the matched terms in it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Snippet {
    /// The fragment's text.
    pub text: String,
    /// Byte ranges in `text` to highlight.
    pub highlights: Vec<Range<usize>>,
}

/// Postings below which a query is ranked on one thread (see
/// [`Searcher::threads_for`]).
const PARALLEL_POSTINGS: u64 = 20_000;

/// An open index, ready for queries: the index as it was when opened.
pub struct Searcher {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    aliases: aliases::Aliases,
    /// The cores a heavy query's segments are ranked on, counted at the
    /// first search that needs them.
    cores: OnceLock<usize>,
    /// Postings from which a query is ranked in parallel.
    parallel_postings: u64,
}

impl Searcher {
    /// Opens the index at `path`.
    pub fn open(path: &Path) -> Result<Searcher, IndexError> {
        let (index, fields) = index::open_existing(path)?;
        let reader = index::snapshot(&index)?;
        Ok(Searcher {
            index,
            reader,
            fields,
            aliases: aliases::Aliases::default(),
            cores: OnceLock::new(),
            parallel_postings: PARALLEL_POSTINGS,
        })
    }

    /// Ranks every query (`from` 0) or none (`u64::MAX`) on up to `cores`
    /// threads, whatever the machine.
    #[cfg(test)]
    fn ranked_in_parallel(mut self, from: u64, cores: usize) -> Searcher {
        self.parallel_postings = from;
        self.cores = OnceLock::from(cores);
        self
    }

    /// How many threads rank `query`, the calling one included: one per
    /// segment up to one per core when the query reads enough postings to
    /// pay for it. Starting a thread and joining it costs about 0.05 ms, what
    /// scoring a few thousand postings takes, and on 2 cores 3 segments save
    /// at most a third of the scoring; below [`PARALLEL_POSTINGS`] the query
    /// runs on the calling thread alone, as do the small lookups around it
    /// (copies, speaker names).
    fn threads_for(&self, searcher: &tantivy::Searcher, query: &dyn Query) -> usize {
        let mut postings = 0u64;
        query.query_terms(&mut |term, _| {
            postings += searcher.doc_freq(term).unwrap_or(0);
        });
        if postings < self.parallel_postings {
            return 1;
        }
        let cores = *self
            .cores
            .get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        searcher.segment_readers().len().min(cores).max(1)
    }

    /// Uses these speaker aliases (see [`aliases`]).
    pub fn with_aliases(mut self, aliases: aliases::Aliases) -> Searcher {
        self.aliases = aliases;
        self
    }

    /// The fields of the index.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// Runs a search.
    pub fn search(&self, req: &Request) -> Result<Vec<Hit>, SearchError> {
        let searcher = self.reader.searcher();
        let speakers = self.speakers_for(req)?;
        let built = query::build(
            &self.index,
            &searcher,
            &self.fields,
            req,
            &speakers,
            &self.aliases,
        )?;
        let want = req.offset + req.limit;
        // Fetch more passages than needed when keeping one per article.
        let fetch = if req.all_passages {
            want
        } else {
            want * 8 + 32
        };
        let top = rank_segments(
            &searcher,
            &*built.query,
            &TopDocs::with_limit(fetch.max(1)).order_by_score(),
            self.threads_for(&searcher, &*built.query),
        )?;
        // Which story each passage belongs to comes from the body-hash fast
        // field: a stored document (a compressed block to inflate) is read
        // only for a passage that becomes a hit, or that has no hash.
        let mut hashes = BodyHashes::new(&searcher, &self.fields);
        let mut seen = HashSet::new();
        let mut seen_bodies = HashSet::new();
        let mut picked = Vec::new();
        for (score, addr) in top {
            let body = hashes.of(addr)?;
            let mut doc: Option<TantivyDocument> = None;
            if !req.all_passages {
                // One hit per article, and one per story filed several times.
                // Every passage of an article has its body's hash, so the
                // hash alone tells both apart; an article without one is
                // told by its id.
                let first = if body != 0 {
                    seen_bodies.insert(body)
                } else {
                    let d: TantivyDocument = searcher.doc(addr)?;
                    let first = seen.insert(str_field(&d, self.fields.article).unwrap_or_default());
                    doc = Some(d);
                    first
                };
                if !first {
                    continue;
                }
            }
            picked.push((score, addr, body, doc));
            if picked.len() >= want {
                break;
            }
        }
        // Other articles of the same stories, looked up together.
        let bodies: Vec<u64> = picked
            .iter()
            .map(|&(_, _, body, _)| body)
            .filter(|&b| b != 0)
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let copies = self.copies(&searcher, &bodies)?;
        let snippets = snippets::Snippets::new(&searcher, &*built.scoring, self.fields.text)?;
        let mut hits = Vec::with_capacity(picked.len());
        for (score, addr, body, doc) in picked {
            let doc = match doc {
                Some(d) => d,
                None => searcher.doc(addr)?,
            };
            let article = str_field(&doc, self.fields.article).unwrap_or_default();
            let mut hit = self.hit(&doc, article, score, &snippets);
            if let Some(articles) = copies.get(&body) {
                hit.also_in = articles
                    .iter()
                    .filter(|a| **a != hit.article)
                    .take(MAX_COPIES)
                    .cloned()
                    .collect();
                hit.also_in.sort();
            }
            hits.push(hit);
        }
        if let Some(order) = req.sort {
            query::sort_hits(&mut hits, order);
        }
        Ok(hits.into_iter().skip(req.offset).collect())
    }

    /// For each of `bodies` filed more than once, the articles whose body
    /// hashes to it (the first 51 in index order), found with one query
    /// for all of them.
    fn copies(
        &self,
        searcher: &tantivy::Searcher,
        bodies: &[u64],
    ) -> tantivy::Result<HashMap<u64, Vec<String>>> {
        use tantivy::collector::DocSetCollector;
        use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
        use tantivy::schema::IndexRecordOption;
        let term = |field, v| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                tantivy::Term::from_field_u64(field, v),
                IndexRecordOption::Basic,
            ))
        };
        let mut out = HashMap::new();
        if bodies.is_empty() {
            return Ok(out);
        }
        let any_body = bodies
            .iter()
            .map(|&b| (Occur::Should, term(self.fields.body_hash, b)))
            .collect();
        let q = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(BooleanQuery::new(any_body)) as Box<dyn Query>,
            ),
            (Occur::Must, term(self.fields.passage, 0)),
        ]);
        let mut found: Vec<DocAddress> =
            searcher.search(&q, &DocSetCollector)?.into_iter().collect();
        found.sort();
        let mut hashes = BodyHashes::new(searcher, &self.fields);
        let mut by_body: HashMap<u64, Vec<DocAddress>> = HashMap::new();
        for addr in found {
            let list = by_body.entry(hashes.of(addr)?).or_default();
            if list.len() <= MAX_COPIES {
                list.push(addr);
            }
        }
        for (body, addrs) in by_body {
            // Most stories were filed once: the one article found is the
            // hit's own, and no stored document needs reading to say so.
            if addrs.len() <= 1 {
                continue;
            }
            let mut articles = Vec::with_capacity(addrs.len());
            for addr in addrs {
                // The stored document, though the id is a fast field too: its
                // dictionary's blocks are zstd, slower to open than a stored
                // block (measured in process).
                let doc: TantivyDocument = searcher.doc(addr)?;
                if let Some(a) = str_field(&doc, self.fields.article) {
                    articles.push(a);
                }
            }
            out.insert(body, articles);
        }
        Ok(out)
    }

    /// Who is quoted in the passages matching the request, and how often.
    pub fn speakers(&self, req: &Request, top: usize) -> Result<Vec<SpeakerCount>, SearchError> {
        let searcher = self.reader.searcher();
        let speakers = self.speakers_for(req)?;
        let built = query::build(
            &self.index,
            &searcher,
            &self.fields,
            req,
            &speakers,
            &self.aliases,
        )?;
        facets::count(
            &searcher,
            &*built.query,
            self.fields.speakers,
            top,
            &self.aliases,
        )
    }

    /// Counts of matching passages by outlet or by year, most first.
    pub fn facet_counts(
        &self,
        req: &Request,
        facet: Facet,
        top: usize,
    ) -> Result<Vec<(String, u64)>, SearchError> {
        let searcher = self.reader.searcher();
        let speakers = self.speakers_for(req)?;
        let built = query::build(
            &self.index,
            &searcher,
            &self.fields,
            req,
            &speakers,
            &self.aliases,
        )?;
        match facet {
            Facet::Speaker => Ok(facets::count(
                &searcher,
                &*built.query,
                self.fields.speakers,
                top,
                &self.aliases,
            )?
            .into_iter()
            .map(|c| (c.speaker, c.count))
            .collect()),
            Facet::Outlet => {
                facets::count_values(&searcher, &*built.query, self.fields.outlets, top)
            }
            Facet::Year => {
                let mut years =
                    facets::count_values(&searcher, &*built.query, self.fields.years, usize::MAX)?;
                years.sort();
                years.truncate(top);
                Ok(years)
            }
        }
    }

    /// Matching passages counted by day, week or month.
    pub fn timeline(
        &self,
        req: &Request,
        by: timeline::Period,
    ) -> Result<Vec<timeline::Bucket>, SearchError> {
        let searcher = self.reader.searcher();
        let speakers = self.speakers_for(req)?;
        let built = query::build(
            &self.index,
            &searcher,
            &self.fields,
            req,
            &speakers,
            &self.aliases,
        )?;
        timeline::count(&searcher, &*built.query, self.fields.date, by)
    }

    /// Quotations matching the request: searched inside quoted words only,
    /// by the speakers asked for; newest first when there is no query.
    pub fn quotes(&self, req: &Request) -> Result<Vec<quotes::QuoteHit>, SearchError> {
        let searcher = self.reader.searcher();
        let speakers = self.speakers_for(req)?;
        let mut req = req.clone();
        req.in_quotes = true;
        let wanted: Vec<String> = req
            .speakers
            .iter()
            .map(|n| facets::resolve(n, &speakers, &self.aliases))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .flatten()
            .collect();
        let built = query::build(
            &self.index,
            &searcher,
            &self.fields,
            &req,
            &speakers,
            &self.aliases,
        )?;
        quotes::find(&searcher, &self.fields, &built, &req, &wanted)
    }

    /// The speaker names a request needs to resolve its `--speaker` filters:
    /// none when it has none (reading them all costs tens of milliseconds on
    /// a large index).
    fn speakers_for(&self, req: &Request) -> Result<Vec<String>, SearchError> {
        if req.speakers.is_empty() {
            return Ok(Vec::new());
        }
        // The index finds the candidates: passages whose speaker names hold
        // a word beginning with each typed word; their speaker facets are the
        // names to choose from. Spelling variants ("Zelenskyy", "Zelenskiy")
        // match by a loose pattern; only when that finds nobody is one slip
        // allowed, as fuzzy matching costs a cold process ~10 ms to set up.
        let mut names = self.speaker_candidates(req, false)?;
        if names.is_empty() {
            names = self.speaker_candidates(req, true)?;
        }
        // Names the aliases file joins to the typed one may share no word
        // with it: the file's own names are always candidates.
        names.extend(self.aliases.names().map(str::to_string));
        names.sort();
        names.dedup();
        Ok(names)
    }

    /// Speaker names of the passages whose speaker field has, for each word
    /// typed, a word that begins with it: loosely spelled, or with one slip.
    fn speaker_candidates(&self, req: &Request, slips: bool) -> Result<Vec<String>, SearchError> {
        use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, Query};
        let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for typed in &req.speakers {
            let names = std::iter::once(typed.as_str())
                .chain(self.aliases.canonical(typed))
                .chain(self.aliases.related(typed));
            for name in names {
                let key = crate::extract::speakers::name_key(name);
                let mut words: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for w in key.split(' ').filter(|w| !w.is_empty()) {
                    let query: Box<dyn Query> = if slips {
                        let term = tantivy::Term::from_field_text(self.fields.speaker, w);
                        Box::new(FuzzyTermQuery::new_prefix(
                            term,
                            u8::from(w.len() >= 5),
                            true,
                        ))
                    } else {
                        Box::new(loose::LooseWordQuery::new(self.fields.speaker, w))
                    };
                    words.push((Occur::Must, query));
                }
                if !words.is_empty() {
                    any.push((Occur::Should, Box::new(BooleanQuery::new(words))));
                }
            }
        }
        // Every spelling found is a candidate: no need to merge them here.
        let searcher = self.reader.searcher();
        Ok(facets::count_values(
            &searcher,
            &BooleanQuery::new(any),
            self.fields.speakers,
            usize::MAX,
        )?
        .into_iter()
        .map(|(name, _)| name)
        .collect())
    }

    /// Every named speaker in the index.
    pub fn speaker_names(&self) -> Result<Vec<String>, SearchError> {
        facets::all_speakers(&self.reader.searcher(), self.fields.speakers)
    }

    fn hit(
        &self,
        doc: &TantivyDocument,
        article: String,
        score: f32,
        snippets: &snippets::Snippets,
    ) -> Hit {
        let f = &self.fields;
        let text = str_field(doc, f.text).unwrap_or_default();
        let quotes: Vec<StoredQuote> = str_field(doc, f.quotes)
            .and_then(|q| serde_json::from_str(&q).ok())
            .unwrap_or_default();
        let mut speakers: Vec<String> = Vec::new();
        for q in &quotes {
            if let Some(s) = &q.speaker
                && q.named
                && !speakers.contains(s)
            {
                speakers.push(s.clone());
            }
        }
        let date = day_of(doc, f.date);
        let snippet = snippets.of(&text);
        let in_quote = matched_quotes(&text, &snippet, &quotes);
        Hit {
            path: str_field(doc, f.file).unwrap_or_default(),
            article,
            passage: doc
                .get_first(f.passage)
                .and_then(|v| v.as_u64())
                .unwrap_or(0),
            title: str_field(doc, f.title),
            outlet: str_field(doc, f.outlet),
            date,
            url: str_field(doc, f.url),
            score,
            snippet,
            text,
            speakers,
            quotes,
            also_in: Vec::new(),
            in_quote,
        }
    }

    /// The number of passage documents in the index.
    pub fn passage_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Reads one stored document (for tests and tools).
    pub fn doc(&self, addr: DocAddress) -> tantivy::Result<TantivyDocument> {
        self.reader.searcher().doc(addr)
    }
}

/// Most other articles named as copies of a hit's story.
const MAX_COPIES: usize = 50;

/// Ranks `query` over every segment with `collector`, on `threads` threads:
/// the calling one and `threads - 1` helpers started for this query, each
/// taking the next segment not yet taken until none is left.
///
/// This is tantivy's `search_with_executor` without a thread pool. A pool
/// of its own for a command that answers one query and exits costs more than
/// it saves: its threads are all new, the caller waits idle while they work,
/// and they spin after the work is done while the caller makes snippets.
/// Reuters on 2 cores, 20 queries, 4 interleaved rounds of cold processes:
/// median 8.55-9.10 ms with a pool of two threads, 7.88-8.39 ms with one
/// helper beside the caller; in process the two measured the same.
fn rank_segments<C: Collector>(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    collector: &C,
    threads: usize,
) -> tantivy::Result<C::Fruit> {
    collector.check_schema(searcher.schema())?;
    let weight = query.weight(EnableScoring::enabled_from_searcher(searcher))?;
    let segments = searcher.segment_readers();
    let next = AtomicUsize::new(0);
    let rank = || {
        let mut fruits = Vec::new();
        loop {
            let ord = next.fetch_add(1, Ordering::Relaxed);
            let Some(segment) = segments.get(ord) else {
                return fruits;
            };
            let fruit = collector.collect_segment(weight.as_ref(), ord as u32, segment);
            fruits.push((ord, fruit));
        }
    };
    let mut fruits = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads.min(segments.len()))
            .map(|_| scope.spawn(rank))
            .collect();
        let mut fruits = rank();
        for helper in helpers {
            // A helper that panicked passes its panic on, as the calling
            // thread's own would.
            fruits.extend(
                helper
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p)),
            );
        }
        fruits
    });
    fruits.sort_unstable_by_key(|&(ord, _)| ord);
    let fruits = fruits
        .into_iter()
        .map(|(_, fruit)| fruit)
        .collect::<tantivy::Result<Vec<_>>>()?;
    collector.merge_fruits(fruits)
}

/// The body hash of passages, from its fast field, with each segment's
/// column opened once.
struct BodyHashes<'a> {
    searcher: &'a tantivy::Searcher,
    field: String,
    columns: Vec<Option<tantivy::columnar::Column<u64>>>,
}

impl<'a> BodyHashes<'a> {
    fn new(searcher: &'a tantivy::Searcher, fields: &Fields) -> Self {
        BodyHashes {
            searcher,
            field: searcher
                .schema()
                .get_field_name(fields.body_hash)
                .to_string(),
            columns: vec![None; searcher.segment_readers().len()],
        }
    }

    /// The body hash of `addr` (0 if none).
    fn of(&mut self, addr: DocAddress) -> tantivy::Result<u64> {
        let slot = &mut self.columns[addr.segment_ord as usize];
        if slot.is_none() {
            let ff = self.searcher.segment_reader(addr.segment_ord).fast_fields();
            *slot = Some(ff.u64(&self.field)?);
        }
        let column = slot.as_ref().expect("opened above");
        Ok(column.first(addr.doc_id).unwrap_or(0))
    }
}

/// The quotations of a passage that a highlighted term of its snippet
/// falls inside.
fn matched_quotes(passage: &str, snippet: &Snippet, quotes: &[StoredQuote]) -> Vec<usize> {
    let Some(offset) = passage.find(snippet.text.as_str()) else {
        return Vec::new();
    };
    quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| {
            snippet.highlights.iter().any(|h| {
                let (s, e) = (offset + h.start, offset + h.end);
                s >= q.start && e <= q.end
            })
        })
        .map(|(i, _)| i)
        .collect()
}

/// A stored date field as a day, YYYY-MM-DD.
pub(crate) fn day_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_datetime())
        .and_then(|d| chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0))
        .map(|d| d.date_naive().to_string())
}

pub(crate) fn str_field(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// Parses a date given as YYYY, YYYY-MM or YYYY-MM-DD; `end` picks the last
/// day of a year or month instead of the first.
pub fn parse_day(s: &str, end: bool) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    let y = i32::try_from(num(0)?).ok()?;
    if parts[0].len() != 4 || parts.len() > 3 {
        return None;
    }
    match parts.len() {
        1 => NaiveDate::from_ymd_opt(y, if end { 12 } else { 1 }, if end { 31 } else { 1 }),
        2 => {
            let m = num(1)?;
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            if end {
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)?
                };
                next.pred_opt()
            } else {
                Some(first)
            }
        }
        _ => NaiveDate::from_ymd_opt(y, num(1)?, num(2)?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An index of two segments, the words spread unevenly between them.
    fn two_segments() -> (tempfile::TempDir, Fields) {
        use crate::index::schema::{register_tokenizers, schema};
        let dir = tempfile::tempdir().unwrap();
        let index = Index::create_in_dir(dir.path(), schema()).unwrap();
        register_tokenizers(&index);
        let f = Fields::new(&index.schema()).unwrap();
        let mut writer: tantivy::IndexWriter = index.writer(15 << 20).unwrap();
        for (segment, words) in [["harbour", "dredging"], ["harbour", "ferry"]]
            .iter()
            .enumerate()
        {
            for i in 0..40u64 {
                let mut doc = TantivyDocument::new();
                let text = format!(
                    "The {} report number {i} {}and the {} talks.",
                    words[0],
                    format!("{} ", words[1]).repeat(i as usize % 7 + 1),
                    words[i as usize % 2],
                );
                doc.add_text(f.text, &text);
                doc.add_text(f.title, format!("Port report {segment}-{i}"));
                doc.add_text(f.article, format!("a{segment}-{i}"));
                doc.add_u64(f.passage, i % 3);
                writer.add_document(doc).unwrap();
            }
            writer.commit().unwrap();
        }
        drop(writer);
        (dir, f)
    }

    #[test]
    fn ranking_segments_in_parallel_finds_the_same_hits() {
        let (dir, f) = two_segments();
        let one = Searcher::open(dir.path())
            .unwrap()
            .ranked_in_parallel(u64::MAX, 1);
        let two = Searcher::open(dir.path()).unwrap().ranked_in_parallel(0, 2);
        assert_eq!(one.reader.searcher().segment_readers().len(), 2);
        // Who ranks a query: the threads only from the threshold on.
        let searcher = one.reader.searcher();
        let harbour = tantivy::query::TermQuery::new(
            tantivy::Term::from_field_text(f.text, "harbour"),
            tantivy::schema::IndexRecordOption::WithFreqs,
        );
        let parallel = |s: &Searcher| s.threads_for(&searcher, &harbour) > 1;
        assert!(!parallel(&one));
        assert!(parallel(&two));
        assert!(
            !parallel(&Searcher::open(dir.path()).unwrap()),
            "80 postings"
        );
        let from = |n| Searcher::open(dir.path()).unwrap().ranked_in_parallel(n, 2);
        assert!(
            parallel(&from(80)) && !parallel(&from(81)),
            "harbour is in 80 passages"
        );
        for query in [
            "harbour",
            "harbour dredging",
            "ferry talks",
            "\"report number\"",
        ] {
            let req = Request {
                query: Some(query.into()),
                limit: 25,
                all_passages: true,
                ..Request::default()
            };
            let hits = |s: &Searcher| -> Vec<(String, f32)> {
                let found = s.search(&req).unwrap();
                found.into_iter().map(|h| (h.article, h.score)).collect()
            };
            let (alone, side_by_side) = (hits(&one), hits(&two));
            assert!(alone.len() >= 10, "{query}: {alone:?}");
            assert_eq!(alone, side_by_side, "{query}");
        }
    }

    /// A collector whose segments wait for each other: a segment counts
    /// when another one was being collected at the same time.
    struct Rendezvous(std::sync::Mutex<usize>, std::sync::Condvar);

    /// The count of one segment: 1 if it met another, else 0.
    struct Met(usize);

    impl tantivy::collector::SegmentCollector for Met {
        type Fruit = usize;
        fn collect(&mut self, _: tantivy::DocId, _: tantivy::Score) {}
        fn harvest(self) -> usize {
            self.0
        }
    }

    impl Collector for Rendezvous {
        type Fruit = usize;
        type Child = Met;
        fn for_segment(&self, _: u32, _: &tantivy::SegmentReader) -> tantivy::Result<Met> {
            let mut arrived = self.0.lock().unwrap();
            *arrived += 1;
            self.1.notify_all();
            let wait = std::time::Duration::from_secs(10);
            let (arrived, _) = self
                .1
                .wait_timeout_while(arrived, wait, |n| *n < 2)
                .unwrap();
            Ok(Met(usize::from(*arrived >= 2)))
        }
        fn requires_scoring(&self) -> bool {
            false
        }
        fn merge_fruits(&self, met: Vec<usize>) -> tantivy::Result<usize> {
            Ok(met.into_iter().sum())
        }
    }

    #[test]
    fn a_heavy_query_ranks_two_segments_at_the_same_time() {
        let (dir, _) = two_segments();
        let searcher = Searcher::open(dir.path()).unwrap().reader.searcher();
        let met = |threads| {
            let rendezvous = Rendezvous(Default::default(), Default::default());
            rank_segments(&searcher, &tantivy::query::AllQuery, &rendezvous, threads).unwrap()
        };
        // On two threads each segment meets the other. On one, the first
        // segment would wait out the timeout for a second that cannot start
        // and count 0 (not run here: it takes the whole timeout).
        assert_eq!(met(2), 2);
    }

    #[test]
    fn day_formats() {
        assert_eq!(parse_day("2008", false).unwrap().to_string(), "2008-01-01");
        assert_eq!(parse_day("2008", true).unwrap().to_string(), "2008-12-31");
        assert_eq!(
            parse_day("2008-02", true).unwrap().to_string(),
            "2008-02-29"
        );
        assert_eq!(
            parse_day("2008-09-01", false).unwrap().to_string(),
            "2008-09-01"
        );
        assert_eq!(parse_day("yesterday", false), None);
        assert_eq!(parse_day("2008-13", false), None);
    }
}
