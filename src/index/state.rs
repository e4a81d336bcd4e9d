//! What changed since the last run: the index's own record of each file,
//! against what the walk finds now.
//!
//! The index is the record. Every passage document carries its file's path,
//! folder, size, modification time and content hash, so there is no side
//! file to drift from the index. [`Record`] reads it back in path order
//! from each segment's dictionary of paths, merged across segments; the
//! walk yields paths in the same order, so [`Diff`] compares the two as a
//! merge, holding one file of each at a time. A run's memory does not grow
//! with the number of files it compares.

use std::collections::BTreeSet;
use std::sync::Arc;

use tantivy::columnar::{Column, StrColumn};
use tantivy::fastfield::AliveBitSet;
use tantivy::postings::TermInfo;
use tantivy::schema::IndexRecordOption;
use tantivy::termdict::TermMerger;
use tantivy::{DocId, DocSet, InvertedIndexReader, Searcher, TERMINATED};

use super::schema::Fields;
use crate::ingest::walk::Entry;

/// What the index remembers of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// Size in bytes when indexed.
    pub size: u64,
    /// Modification time (ns) when indexed.
    pub mtime: u64,
    /// Content hash when indexed.
    pub hash: u64,
    /// Whether it was indexed under the folder the record was opened for
    /// (always, for a record of every file).
    pub under_root: bool,
}

/// The index's record of files, ready to be read in path order.
pub struct Record {
    segments: Vec<SegmentRecord>,
    /// Paths from this one (inclusive) ...
    from: Vec<u8>,
    /// ... to this one (exclusive), if bounded.
    to: Option<Vec<u8>>,
}

/// One segment's share of the record.
struct SegmentRecord {
    paths: Arc<InvertedIndexReader>,
    alive: Option<AliveBitSet>,
    size: Column<u64>,
    mtime: Column<u64>,
    hash: Column<u64>,
    roots: Option<StrColumn>,
    /// The ordinal of the folder the record is for in `roots`; `None` when
    /// the segment holds none of its files, or the record is of every file.
    root: Option<u64>,
}

impl Record {
    /// The record of the files under the folder `root`, or of every file.
    pub fn open(searcher: &Searcher, fields: &Fields, root: Option<&str>) -> tantivy::Result<Self> {
        let schema = searcher.schema();
        let name = |f| schema.get_field_name(f);
        let mut segments = Vec::with_capacity(searcher.segment_readers().len());
        for segment in searcher.segment_readers() {
            let ff = segment.fast_fields();
            let roots = ff.str(name(fields.root))?;
            let root_ord = match (root, &roots) {
                (Some(root), Some(roots)) => roots.dictionary().term_ord(root)?,
                _ => None,
            };
            segments.push(SegmentRecord {
                paths: segment.inverted_index(fields.file)?,
                alive: segment.alive_bitset().cloned(),
                size: ff.u64(name(fields.file_size))?,
                mtime: ff.u64(name(fields.file_mtime))?,
                hash: ff.u64(name(fields.file_hash))?,
                roots,
                root: root_ord,
            });
        }
        let (from, to) = match root {
            Some(root) => {
                let mut from = root.as_bytes().to_vec();
                if from.last() != Some(&b'/') {
                    from.push(b'/');
                }
                // Paths under the folder share its prefix and end before
                // the prefix with its `/` made `0`, the next byte.
                let mut to = from.clone();
                *to.last_mut().expect("not empty") = b'/' + 1;
                (from, Some(to))
            }
            None => (Vec::new(), None),
        };
        Ok(Record { segments, from, to })
    }

    /// A record of nothing: what a full rebuild compares with.
    pub fn empty() -> Self {
        Record {
            segments: Vec::new(),
            from: Vec::new(),
            to: None,
        }
    }

    /// How many files the record holds under its folder (every file, for
    /// a record of every file).
    pub fn count(&self) -> tantivy::Result<usize> {
        let mut files = self.files()?;
        let mut n = 0;
        while let Some((_, r)) = files.next()? {
            n += usize::from(r.under_root);
        }
        Ok(n)
    }

    /// Reads the record in path order.
    pub fn files(&self) -> tantivy::Result<Files<'_>> {
        let mut streams = Vec::with_capacity(self.segments.len());
        for s in &self.segments {
            let range = s.paths.terms().range().ge(&self.from);
            let range = match &self.to {
                Some(to) => range.lt(to),
                None => range,
            };
            streams.push(range.into_stream()?);
        }
        Ok(Files {
            record: self,
            merger: TermMerger::new(streams),
        })
    }
}

/// The record's files in path order, one at a time.
pub struct Files<'a> {
    record: &'a Record,
    merger: TermMerger<'a>,
}

impl Files<'_> {
    /// The next file of the record and what the index remembers of it.
    /// A path left in several segments (a copy a killed run left behind)
    /// comes once, as the first segment with a live document has it.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> tantivy::Result<Option<(String, Recorded)>> {
        while self.merger.advance() {
            for (ord, info) in self.merger.current_segment_ords_and_term_infos() {
                let segment = &self.record.segments[ord];
                if let Some(doc) = first_alive(&segment.paths, &info, segment.alive.as_ref())? {
                    let path = String::from_utf8_lossy(self.merger.key()).into_owned();
                    return Ok(Some((
                        path,
                        segment.recorded(doc, self.record.to.is_none()),
                    )));
                }
            }
        }
        Ok(None)
    }
}

/// The first live document of a term, if it has one.
fn first_alive(
    inverted: &InvertedIndexReader,
    info: &TermInfo,
    alive: Option<&AliveBitSet>,
) -> tantivy::Result<Option<DocId>> {
    let mut docs = inverted.read_postings_from_terminfo(info, IndexRecordOption::Basic)?;
    let mut doc = docs.doc();
    while doc != TERMINATED {
        if alive.is_none_or(|a| a.is_alive(doc)) {
            return Ok(Some(doc));
        }
        doc = docs.advance();
    }
    Ok(None)
}

impl SegmentRecord {
    fn recorded(&self, doc: DocId, every_file: bool) -> Recorded {
        let under_root = every_file
            || self.root.is_some()
                && self.roots.as_ref().and_then(|r| r.term_ords(doc).next()) == self.root;
        Recorded {
            size: self.size.first(doc).unwrap_or(0),
            mtime: self.mtime.first(doc).unwrap_or(0),
            hash: self.hash.first(doc).unwrap_or(0),
            under_root,
        }
    }
}

/// Every folder that still has a file in the index.
pub fn roots(searcher: &Searcher, fields: &Fields) -> tantivy::Result<BTreeSet<String>> {
    let mut out = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(fields.root)?;
        let alive = segment.alive_bitset();
        let mut terms = inverted.terms().stream()?;
        while terms.advance() {
            if first_alive(&inverted, terms.value(), alive)?.is_some() {
                out.insert(String::from_utf8_lossy(terms.key()).into_owned());
            }
        }
    }
    Ok(out)
}

/// What the walk found of one file, against the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Not in the record.
    New,
    /// Size or time differ from the record: to be read, and reindexed if
    /// its content differs from the recorded hash.
    Suspect {
        /// The content hash recorded.
        hash: u64,
    },
    /// Size and time as recorded.
    Unchanged,
    /// A path the walk gave already (two names that read the same as
    /// text): it cannot be told apart in the index.
    Repeated,
}

/// A walk compared with the record as a merge of two ordered lists.
pub struct Diff<'a> {
    files: Files<'a>,
    next: Option<(String, Recorded)>,
    /// The last path walked (empty before the first: no path is empty).
    last: String,
    /// Files of the record under the folder, passed so far.
    under_root: usize,
}

impl<'a> Diff<'a> {
    /// Starts comparing a walk with `files`.
    pub fn new(mut files: Files<'a>) -> tantivy::Result<Self> {
        let next = files.next()?;
        Ok(Diff {
            files,
            next,
            last: String::new(),
            under_root: 0,
        })
    }

    /// Compares the next file of the walk. Files of the record that come
    /// before it were not walked: those recorded under this folder are gone,
    /// and are passed to `gone`.
    pub fn entry(&mut self, entry: &Entry, gone: &mut dyn FnMut(&str)) -> tantivy::Result<Change> {
        let key = entry.path.to_string_lossy();
        if !self.last.is_empty() && key.as_bytes() <= self.last.as_bytes() {
            debug_assert_eq!(key, self.last, "the walk yields paths in order");
            return Ok(Change::Repeated);
        }
        self.last.clear();
        self.last.push_str(&key);
        while let Some((path, r)) = &self.next
            && path.as_bytes() < key.as_bytes()
        {
            if r.under_root {
                gone(path);
            }
            self.advance()?;
        }
        let change = match &self.next {
            Some((path, r)) if *path == key => {
                let change = if r.size == entry.size && r.mtime == entry.mtime {
                    Change::Unchanged
                } else {
                    Change::Suspect { hash: r.hash }
                };
                self.advance()?;
                change
            }
            _ => Change::New,
        };
        Ok(change)
    }

    /// Ends the walk: the record's files after the last one walked are gone.
    /// Returns how many files the record held under the folder.
    pub fn finish(mut self, gone: &mut dyn FnMut(&str)) -> tantivy::Result<usize> {
        while let Some((path, r)) = &self.next {
            if r.under_root {
                gone(path);
            }
            self.advance()?;
        }
        Ok(self.under_root)
    }

    /// Moves past the record's current file.
    fn advance(&mut self) -> tantivy::Result<()> {
        if self.next.as_ref().is_some_and(|(_, r)| r.under_root) {
            self.under_root += 1;
        }
        self.next = self.files.next()?;
        Ok(())
    }
}

/// The id of every article in the index, once per copy indexed: an exact
/// index lists each current article once.
pub fn indexed_articles(path: &std::path::Path) -> Result<Vec<String>, super::IndexError> {
    let (index, fields) = super::open_existing(path)?;
    let searcher = super::snapshot(&index)?.searcher();
    let schema = searcher.schema();
    let mut out = Vec::new();
    for segment in searcher.segment_readers() {
        let passage = segment
            .fast_fields()
            .u64(schema.get_field_name(fields.passage))?;
        let store = segment
            .get_store_reader(1)
            .map_err(tantivy::TantivyError::from)?;
        for doc in segment.doc_ids_alive() {
            if passage.first(doc) != Some(0) {
                continue;
            }
            let stored: tantivy::TantivyDocument = store.get(doc)?;
            if let Some(id) = stored
                .get_first(fields.article)
                .and_then(|v| tantivy::schema::Value::as_str(&v))
            {
                out.push(id.to_string());
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::writer::{IndexOptions, index_folders};
    use crate::ingest::walk::{self, Found};
    use std::path::Path;

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn index(ix: &Path, roots: &[&Path]) {
        let roots: Vec<_> = roots.iter().map(|r| r.to_path_buf()).collect();
        index_folders(ix, &roots, &IndexOptions::default(), &|_| {}).unwrap();
    }

    fn searcher(ix: &Path) -> (Searcher, Fields) {
        let (index, fields) = crate::index::open_existing(ix).unwrap();
        (index.reader().unwrap().searcher(), fields)
    }

    fn paths(record: &Record) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        let mut files = record.files().unwrap();
        while let Some((path, r)) = files.next().unwrap() {
            out.push((path, r.under_root));
        }
        out
    }

    #[test]
    fn the_record_comes_in_the_order_of_the_walk() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap().join("news");
        // `b.txt` and `b-c.txt` sort before `b/` as text; `b0.txt` after.
        for name in [
            "b/inner.txt",
            "b.txt",
            "b-c.txt",
            "b0.txt",
            "a.md",
            "c/d/e.txt",
        ] {
            write(&root.join(name), "Words of an article, said Ann Lee.");
        }
        let other = std::fs::canonicalize(dir.path())
            .unwrap()
            .join("news-other");
        write(&other.join("x.txt"), "Another folder's article.");
        let ix = dir.path().join("ix");
        index(&ix, &[&root, &other]);
        let (searcher, fields) = searcher(&ix);

        let walked: Vec<String> = walk::walk(&root)
            .filter_map(|f| match f {
                Found::File(e) => Some(e.path.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        let mut sorted = walked.clone();
        sorted.sort();
        assert_eq!(walked, sorted, "the walk yields paths in byte order");

        let under = Record::open(&searcher, &fields, Some(root.to_str().unwrap())).unwrap();
        let recorded: Vec<String> = paths(&under).into_iter().map(|(p, _)| p).collect();
        assert_eq!(recorded, walked, "the folder's record holds its files only");
        let every = Record::open(&searcher, &fields, None).unwrap();
        assert_eq!(paths(&every).len(), 7);
        assert!(paths(&Record::empty()).is_empty());
        assert_eq!(roots(&searcher, &fields).unwrap().len(), 2);
    }

    #[test]
    fn a_walk_against_the_record_finds_new_changed_unchanged_and_gone() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap().join("news");
        for name in ["same.txt", "touched.txt", "gone.txt", "sub/kept.txt"] {
            write(&root.join(name), "An article that was there.");
        }
        let ix = dir.path().join("ix");
        // A subfolder indexed first as a folder of its own keeps its files
        // when the outer folder is indexed: they are not the outer
        // folder's to remove.
        index(&ix, &[&root.join("sub")]);
        index(&ix, &[&root]);
        std::fs::remove_file(root.join("gone.txt")).unwrap();
        write(&root.join("touched.txt"), "An article that was edited.");
        write(&root.join("added.txt"), "A new article.");
        std::fs::remove_file(root.join("sub/kept.txt")).unwrap();

        let (searcher, fields) = searcher(&ix);
        let root_key = root.to_str().unwrap();
        let record = Record::open(&searcher, &fields, Some(root_key)).unwrap();
        let mut diff = Diff::new(record.files().unwrap()).unwrap();
        let mut gone = Vec::new();
        let mut changes = Vec::new();
        for found in walk::walk(&root) {
            let Found::File(e) = found else { continue };
            let name = e.path.file_name().unwrap().to_string_lossy().into_owned();
            let change = diff.entry(&e, &mut |p| gone.push(p.to_string())).unwrap();
            changes.push((name, change));
            // The same path again cannot be told apart.
            assert_eq!(diff.entry(&e, &mut |_| panic!()).unwrap(), Change::Repeated);
        }
        diff.finish(&mut |p| gone.push(p.to_string())).unwrap();
        let hash_of = |c: &Change| matches!(c, Change::Suspect { hash } if *hash != 0);
        assert_eq!(changes.len(), 3);
        assert_eq!(changes[0], ("added.txt".to_string(), Change::New));
        assert_eq!(changes[1], ("same.txt".to_string(), Change::Unchanged));
        assert_eq!(changes[2].0, "touched.txt");
        assert!(hash_of(&changes[2].1), "{:?}", changes[2]);
        // `sub/kept.txt` was last indexed under `sub`, so only `gone.txt`.
        assert_eq!(gone, vec![format!("{root_key}/gone.txt")]);
    }
}
