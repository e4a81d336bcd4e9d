//! The previous passage as weaker context of a passage that quotes someone.
//!
//! The topic of a quotation is often named just before it ("Sales of new
//! homes fell ..." then "“It is a slump,” said Moore."), so a query's word
//! may match a quoting passage through the passage before it. This used to
//! be a field of its own, the previous passage's text indexed a second time
//! with every quoting passage: on Reuters, 45% more words than the bodies
//! and a ninth of a full indexing run.
//!
//! Now the words are indexed once. The indexer adds an article's passages as
//! one batch, which tantivy keeps together and in order in one segment;
//! merges keep that order, and a file's passages are deleted together. So
//! the passage after document `d` is document `d + 1`, and the indexer marks
//! `d` (`before_quote`, a fast field of every passage: 1 when that next
//! passage quotes someone, else 0). [`NextPassage`] keeps a query's matches
//! in marked passages, read from that column, and turns each match in `d`
//! into a match of `d + 1`, scored as the match in `d`. (An indexed mark
//! intersected with the query was slower: 20 benchmark queries in process,
//! 3 interleaved rounds, 2.14-3.03 against 1.42-2.19 ms.)

use std::fmt;

use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::Field;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

/// Matches the passage after each match of `inner` in a passage marked in
/// `before_quote`: the next passage of the same article, which quotes
/// someone.
pub struct NextPassage {
    inner: Box<dyn Query>,
    before_quote: Field,
}

impl NextPassage {
    /// Shifts the matches of `inner` to the quoting passages that follow
    /// them.
    pub fn new(inner: Box<dyn Query>, before_quote: Field) -> NextPassage {
        NextPassage {
            inner,
            before_quote,
        }
    }
}

impl Clone for NextPassage {
    fn clone(&self) -> NextPassage {
        NextPassage::new(self.inner.box_clone(), self.before_quote)
    }
}

impl fmt::Debug for NextPassage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NextPassage({:?})", self.inner)
    }
}

impl Query for NextPassage {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let name = scoring
            .schema()
            .get_field_name(self.before_quote)
            .to_string();
        Ok(Box::new(NextPassageWeight {
            inner: self.inner.weight(scoring)?,
            before_quote: name,
        }))
    }
}

struct NextPassageWeight {
    inner: Box<dyn Weight>,
    before_quote: String,
}

impl Weight for NextPassageWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(NextPassageScorer::new(
            self.inner.scorer(reader, boost)?,
            reader.fast_fields().u64(&self.before_quote)?,
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new(
            "match in the previous passage",
            scorer.score(),
        ))
    }
}

/// The inner scorer's marked matches, one document on.
struct NextPassageScorer {
    inner: Box<dyn Scorer>,
    marked: Column<u64>,
    doc: DocId,
}

impl NextPassageScorer {
    fn new(inner: Box<dyn Scorer>, marked: Column<u64>) -> NextPassageScorer {
        let mut scorer = NextPassageScorer {
            inner,
            marked,
            doc: TERMINATED,
        };
        let first = scorer.inner.doc();
        scorer.settle(first);
        scorer
    }

    /// From the inner scorer at `inner_doc` on to its first marked match.
    fn settle(&mut self, mut inner_doc: DocId) -> DocId {
        while inner_doc != TERMINATED && self.marked.first(inner_doc) != Some(1) {
            inner_doc = self.inner.advance();
        }
        self.doc = if inner_doc == TERMINATED {
            TERMINATED
        } else {
            inner_doc + 1
        };
        self.doc
    }
}

impl DocSet for NextPassageScorer {
    fn advance(&mut self) -> DocId {
        let next = self.inner.advance();
        self.settle(next)
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        // Here the inner scorer is before `target - 1`.
        let next = self.inner.seek(target - 1);
        self.settle(next)
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }
}

impl Scorer for NextPassageScorer {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::index::writer::{IndexOptions, index_folders};
    use crate::search::{Request, Searcher};

    fn article(dir: &Path, name: &str, paragraphs: &[&str]) {
        let mut text = format!("Title: Report {name}\nOutlet: Test Wire\nDate: 2025-03-10\n\n");
        for p in paragraphs {
            text.push_str(p);
            text.push_str("\n\n");
        }
        std::fs::write(dir.join(format!("{name}.txt")), text).unwrap();
    }

    /// (file name, passage) of every passage that matches `query`.
    fn matches(index: &Path, query: &str) -> Vec<(String, u64)> {
        let searcher = Searcher::open(index).unwrap();
        let req = Request {
            query: Some(query.to_string()),
            limit: 1000,
            all_passages: true,
            ..Request::default()
        };
        let mut out: Vec<(String, u64)> = searcher
            .search(&req)
            .unwrap()
            .into_iter()
            .map(|h| {
                let name = Path::new(&h.path).file_stem().unwrap().to_string_lossy();
                (name.into_owned(), h.passage)
            })
            .collect();
        out.sort();
        out
    }

    fn pairs(list: &[(&str, u64)]) -> Vec<(String, u64)> {
        list.iter().map(|(n, p)| (n.to_string(), *p)).collect()
    }

    #[test]
    fn a_word_before_a_quotation_finds_it_and_never_crosses_articles() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        let topic = "The harbour authority said the zephyr dredging contract would be \
                     awarded in the spring, after two years of delays and a court ruling.";
        let quote = "\u{201c}We will not wait another season,\u{201d} said Ilse Marrow, \
                     who chairs the port users' group, at a meeting on Monday.";
        let plain = "Shipping volumes at the port rose for a third month in February, \
                     according to figures published by the authority this week.";
        article(&corpus, "quoted", &[topic, quote]);
        article(&corpus, "unquoted", &[topic, plain]);
        let common = "Traffic on the estuary was light over the holiday weekend, the \
                      harbour master's office reported on Sunday evening.";
        article(&corpus, "common", &[common, quote]);
        // Many articles that end with the word and open with a quotation: a
        // shift across two articles would match one of them.
        let tail = "Observers expect the quasar terminal to reopen by the end of the year, \
                    the ministry said in a statement released late on Friday.";
        for i in 0..60 {
            article(&corpus, &format!("tail{i:02}"), &[quote, plain, tail]);
        }
        // Articles without those words, so that they stay topics (in fewer
        // than one passage in ten), and with one word that is everywhere.
        let filler = [
            "Ferry operators on the estuary reported steady summer bookings.",
            "The estuary council approved a budget for road repairs on Tuesday.",
            "Fishing crews on the estuary asked for later winter closures.",
            "A new pilot boat entered service after sea trials in the estuary.",
            "Dock workers along the estuary ratified a two-year wage agreement.",
            "Customs officers seized counterfeit goods at an estuary wharf.",
        ];
        for i in 0..120 {
            article(&corpus, &format!("fill{i:03}"), &filler);
        }
        let index = dir.path().join("index");
        let opts = IndexOptions {
            full: true,
            // Two indexing threads fed by four workers, and little memory so
            // the run writes several segments and merges them.
            threads: 4,
            memory: 30 << 20,
            ..IndexOptions::default()
        };
        index_folders(&index, std::slice::from_ref(&corpus), &opts, &|_| {}).unwrap();

        assert_eq!(
            matches(&index, "zephyr"),
            pairs(&[("quoted", 0), ("quoted", 1), ("unquoted", 0)])
        );
        // One word in the quoting passage, one in the passage before it.
        assert_eq!(matches(&index, "zephyr marrow"), pairs(&[("quoted", 1)]));
        // Only the passages that hold the word: the next article's first
        // passage is never its context.
        let quasar = matches(&index, "quasar");
        assert_eq!(quasar.len(), 60);
        assert!(quasar.iter().all(|(_, p)| *p == 2), "{quasar:?}");
        // A phrase is not read across two passages, nor looked for in the
        // passage before.
        assert!(matches(&index, "\"zephyr marrow\"").is_empty());
        assert_eq!(
            matches(&index, "\"zephyr\""),
            pairs(&[("quoted", 0), ("unquoted", 0)])
        );
        // A word in more than one passage in ten ("estuary") names no
        // topic: it is looked for in the quoting passage itself.
        assert!(matches(&index, "estuary").len() > 700);
        assert!(matches(&index, "estuary marrow").is_empty());
        assert_eq!(
            matches(&index, "harbour marrow"),
            pairs(&[("common", 1), ("quoted", 1)])
        );

        // Deleting and changing files keeps the passages of the rest in order.
        std::fs::remove_file(corpus.join("tail07.txt")).unwrap();
        article(&corpus, "unquoted", &[topic, quote]);
        let again = IndexOptions {
            full: false,
            ..opts
        };
        index_folders(&index, std::slice::from_ref(&corpus), &again, &|_| {}).unwrap();
        assert_eq!(
            matches(&index, "zephyr marrow"),
            pairs(&[("quoted", 1), ("unquoted", 1)])
        );
        assert_eq!(matches(&index, "quasar").len(), 59);
    }
}
