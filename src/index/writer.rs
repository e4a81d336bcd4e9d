//! Writing the index: one document per passage, added, replaced and deleted
//! by file, committed at intervals so a crash loses little.
//!
//! A run walks each folder and compares the walk with the index's record as
//! it goes ([`super::state::Diff`]); the new and changed files are read and
//! analysed in batches on worker threads that feed tantivy's writer. A
//! changed file is replaced by deleting its path term and adding its
//! documents again in the same commit; a deleted file is a term delete.
//! Commits happen every [`IndexOptions::commit_every`] and at the end;
//! tantivy's commit is atomic, so a killed run leaves the last commit
//! searchable and the next run picks up from it.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tantivy::indexer::UserOperation;
use tantivy::schema::Facet;
use tantivy::{DateTime, IndexWriter, TantivyDocument, Term};

use super::IndexError;
use super::schema::Fields;
use super::state::{self, Change};
use crate::extract::{self, Article};
use crate::ingest::walk::{self, Entry, Found};
use crate::ingest::{self, ReadError};

/// How an index run behaves.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Rebuild from scratch instead of updating.
    pub full: bool,
    /// Commit at least this often during a long run.
    pub commit_every: Duration,
    /// Worker threads reading and analysing files.
    pub threads: usize,
    /// Memory for tantivy's writer, in bytes.
    pub memory: usize,
}

impl Default for IndexOptions {
    fn default() -> Self {
        let threads = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .min(8);
        Self {
            full: false,
            commit_every: Duration::from_secs(60),
            threads,
            memory: 128 << 20,
        }
    }
}

/// Something the user may want to hear about during a run.
#[derive(Debug)]
pub enum Event<'a> {
    /// A file was skipped, or part of it was.
    Warning {
        /// The file.
        path: &'a Path,
        /// Why, and what to do.
        reason: String,
    },
    /// Work done so far, out of the files to read.
    Progress {
        /// Files read.
        done: usize,
        /// Files to read in all.
        total: usize,
    },
    /// A note about the index itself.
    Notice(String),
    /// How long a phase of the run took (shown with --verbose).
    Timing(&'static str, Duration),
}

/// Counts of what a run did.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct Summary {
    /// Files new to the index.
    pub added: usize,
    /// Files whose content changed.
    pub updated: usize,
    /// Files gone from their folder, removed from the index.
    pub removed: usize,
    /// Files as they were.
    pub unchanged: usize,
    /// Files that could not be indexed (each reported with a warning).
    pub skipped: usize,
    /// Files ignored because their kind is not an article format.
    pub ignored: usize,
    /// Articles written in this run.
    pub articles: usize,
    /// Passages written in this run.
    pub passages: usize,
    /// Quotations found in this run.
    pub quotes: usize,
}

impl Summary {
    /// Adds the counts of a part of the run (a batch, a worker).
    pub fn add(&mut self, part: &Summary) {
        self.added += part.added;
        self.updated += part.updated;
        self.removed += part.removed;
        self.unchanged += part.unchanged;
        self.skipped += part.skipped;
        self.ignored += part.ignored;
        self.articles += part.articles;
        self.passages += part.passages;
        self.quotes += part.quotes;
    }
}

/// What the index keeps in its commit payload: the folders and when each
/// was last indexed.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Payload {
    /// Folder path to the time (RFC 3339) it was last indexed.
    pub roots: std::collections::BTreeMap<String, String>,
}

impl Payload {
    /// Reads the payload of the index's last commit.
    pub fn load(index: &tantivy::Index) -> Payload {
        index
            .load_metas()
            .ok()
            .and_then(|m| m.payload)
            .and_then(|p| serde_json::from_str(&p).ok())
            .unwrap_or_default()
    }
}

/// Files read between two checks of the commit clock.
const BATCH: usize = 256;

/// The largest segment [`tidy`] makes, in passages.
///
/// A merge maps every segment it reads. Under tantivy's log merge policy the
/// last merges of a large run read most of the index, so the indexer's
/// memory grew with the archive (650 MB on Reuters); capped, a merge reads at
/// most this many passages whatever the archive's size (peak RSS 223 MB on
/// Reuters, 298 MB on ten times its size), and a search visits one segment
/// per ~35,000 articles (3 on Reuters, 28 on ten times its size).
const TIDY_MAX_DOCS: u32 = 300_000;

/// Groups of segments to merge: those under half of `max_docs` passages,
/// smallest first, two or more to a group and at most `max_docs` in all.
fn merge_groups(
    segments: &[tantivy::index::SegmentMeta],
    max_docs: u32,
) -> Vec<Vec<tantivy::index::SegmentId>> {
    let mut small: Vec<&tantivy::index::SegmentMeta> = segments
        .iter()
        .filter(|s| s.num_docs() < max_docs / 2)
        .collect();
    small.sort_by_key(|s| s.num_docs());
    let mut out = Vec::new();
    let mut group = Vec::new();
    let mut total = 0;
    for s in small {
        if total + s.num_docs() > max_docs {
            if group.len() >= 2 {
                out.push(std::mem::take(&mut group));
            }
            group.clear();
            total = 0;
        }
        group.push(s.id());
        total += s.num_docs();
    }
    if group.len() >= 2 {
        out.push(group);
    }
    out
}

/// Merges the segments a run leaves behind, after its writer is gone, into
/// segments of at most [`TIDY_MAX_DOCS`] passages. Segments already over
/// half that size are left alone, so an update run merges only what is new.
///
/// A run itself never merges: each passage is then written twice (by the
/// writer, then by one merge here) instead of three times (writer, a merge
/// capped at 150,000 passages while the writer's memory was also held, and
/// a merge here), and the writer gets the memory a merge would have taken.
/// Reuters, full runs, 6 interleaved rounds: a median 32.2 s against 34.7 s
/// with merges during the run and half the writer's memory.
///
/// A search pays for every segment it opens. Reuters measured, cold,
/// interleaved: merging the small segments left by a run (eight to five)
/// made cold searches 13-19% faster; merging the four segments of up to
/// 150,000 passages into two made them 11% faster again (median of the 20
/// benchmark queries 7.75 -> 6.87 ms).
fn tidy(index: &tantivy::Index, fields: &Fields, path: &Path) -> Result<(), IndexError> {
    let groups = merge_groups(&index.searchable_segment_metas()?, TIDY_MAX_DOCS);
    if groups.is_empty() {
        return Ok(());
    }
    let options = tantivy::indexer::IndexWriterOptions::builder()
        .num_worker_threads(1)
        .memory_budget_per_thread(15 << 20)
        .num_merge_threads(1)
        .build();
    let mut writer = open_writer(index, fields, options, path)?;
    for group in groups {
        writer.merge(&group).wait()?;
    }
    writer.wait_merging_threads()?;
    Ok(())
}

/// tantivy's indexing threads for `workers` reading and analysing threads:
/// one for every two.
///
/// tantivy's share of a run's CPU is about that of reading and analysing
/// (45% against 44%, profiled on a 17,753-file Reuters subset), so one
/// indexing thread keeps up
/// with two workers. On 2 cores, one indexing thread with the whole writer
/// memory beat two with half each: full Reuters, 3 interleaved rounds,
/// 26.0-27.1 s against 30.1-35.1 s, user CPU 44-46 s against 51-54 s, peak
/// RSS 214 against 267 MB (four threads no longer share two cores, and one
/// segment of ~100,000 passages is written where two of half that were);
/// the run ends with three segments instead of two, and the 20 benchmark
/// queries took 3-5% longer on them, cold and in process.
fn writer_threads(workers: usize) -> usize {
    (workers / 2).clamp(1, 4)
}

/// Indexes `roots` into the index at `path`.
pub fn index_folders(
    path: &Path,
    roots: &[PathBuf],
    opts: &IndexOptions,
    on_event: &(dyn Fn(Event) + Sync),
) -> Result<Summary, IndexError> {
    let clock = Instant::now();
    let phase = |name: &'static str, since: Instant| on_event(Event::Timing(name, since.elapsed()));
    let (index, fields) = super::open_or_create(path, opts.full, on_event)?;
    let threads = writer_threads(opts.threads);
    let options = tantivy::indexer::IndexWriterOptions::builder()
        .num_worker_threads(threads)
        .memory_budget_per_thread(opts.memory / threads)
        .num_merge_threads(1)
        .build();
    let mut writer = open_writer(&index, &fields, options, path)?;
    phase("open index and writer", clock);
    let mut payload = Payload::load(&index);
    if opts.full {
        writer.delete_all_documents()?;
        payload.roots.clear();
    }
    let mut summary = Summary::default();
    let mut last_commit = Instant::now();
    // The record as this run found it: what it indexes is compared with
    // what was there before, not with itself.
    let searcher = super::snapshot(&index)?.searcher();
    for root in roots {
        let root = std::fs::canonicalize(root).map_err(|e| IndexError::Folder(root.clone(), e))?;
        if !root.is_dir() {
            return Err(IndexError::NotAFolder(root));
        }
        let root_key = root.to_string_lossy().into_owned();
        let clock = Instant::now();
        let record = if opts.full {
            state::Record::empty()
        } else {
            state::Record::open(&searcher, &fields, Some(&root_key))?
        };
        // Files stream from the walk, through the comparison with the
        // record, to the indexer in batches: memory stays flat however many
        // files the folder holds.
        let mut diff = state::Diff::new(record.files()?)?;
        let mut run = Run::new(&mut writer, &mut summary, &mut last_commit, &payload);
        let mut batch: Vec<(Entry, Option<u64>)> = Vec::with_capacity(BATCH);
        let mut walked = 0;
        let mut found = walk::walk_parallel(&root, opts.threads).peekable();
        while let Some(f) = found.next() {
            match f {
                Found::File(e) => {
                    walked += 1;
                    match diff.entry(&e, &mut |gone| run.remove(&fields, gone))? {
                        Change::New => batch.push((e, None)),
                        Change::Suspect { hash } => batch.push((e, Some(hash))),
                        Change::Unchanged => run.summary.unchanged += 1,
                        Change::Repeated => {
                            run.summary.skipped += 1;
                            on_event(Event::Warning {
                                path: &e.path,
                                reason: "skipped: its name is not valid text and reads the same \
                                         as another file's (rename one of them)"
                                    .to_string(),
                            });
                        }
                    }
                }
                Found::Ignored(_) => run.summary.ignored += 1,
                Found::Problem { path, reason } => {
                    run.summary.skipped += 1;
                    on_event(Event::Warning {
                        path: &path,
                        reason,
                    });
                }
            }
            let end = found.peek().is_none();
            if batch.len() == BATCH || end && !batch.is_empty() {
                run.batch(&fields, &root_key, &batch, walked, opts, on_event)?;
                batch.clear();
            }
        }
        diff.finish(&mut |gone| run.remove(&fields, gone))?;
        phase("walk, compare and index the folder", clock);
        payload
            .roots
            .insert(root_key, chrono::Utc::now().to_rfc3339());
    }
    let clock = Instant::now();
    commit(&mut writer, &payload)?;
    phase("commit", clock);
    let clock = Instant::now();
    writer.wait_merging_threads()?;
    phase("finish merges", clock);
    let clock = Instant::now();
    // The run's work is committed: a merge that cannot run (another
    // process took the index's lock in between) only leaves searches a
    // little slower until the next run.
    if let Err(e) = tidy(&index, &fields, path) {
        on_event(Event::Notice(format!(
            "the small segments of this run were not merged ({e}); the next run will"
        )));
    }
    phase("merge the small segments left", clock);
    Ok(summary)
}

/// Opens the index's writer; it never merges on its own ([`tidy`] does).
fn open_writer(
    index: &tantivy::Index,
    fields: &Fields,
    options: tantivy::indexer::IndexWriterOptions,
    path: &Path,
) -> Result<IndexWriter<TantivyDocument>, IndexError> {
    let writer: IndexWriter<TantivyDocument> = index
        .writer_with_options(options)
        .map_err(|e| super::writer_error(e, path))?;
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    // A new writer's first operation takes the opstamp of the last commit.
    // A merge that starts at once targets that same opstamp; tantivy then
    // skips applying deletes to a segment whose deletes were last written at
    // it, yet gives the merged segment the delete cursor of another input
    // segment that has moved past that first operation. Were the first
    // operation the delete of an edited file, its old version would come
    // back in the merged segment (found by the kill test: the first file of
    // a run came back twice). Spending that opstamp on a delete that matches
    // nothing leaves every real delete after it.
    writer.delete_term(Term::from_field_text(fields.file, ""));
    Ok(writer)
}

/// Removes a folder's articles from the index. Returns how many files.
pub fn remove_folder(path: &Path, root: &Path) -> Result<usize, IndexError> {
    let (index, fields) = super::open_existing(path)?;
    let options = tantivy::indexer::IndexWriterOptions::builder()
        .num_worker_threads(1)
        .memory_budget_per_thread(32 << 20)
        .num_merge_threads(1)
        .build();
    let mut writer = open_writer(&index, &fields, options, path)?;
    let root_key = std::fs::canonicalize(root)
        .unwrap_or_else(|_| root.to_path_buf())
        .to_string_lossy()
        .into_owned();
    let searcher = super::snapshot(&index)?.searcher();
    let files = state::Record::open(&searcher, &fields, Some(&root_key))?.count()?;
    let mut payload = Payload::load(&index);
    if files == 0 && payload.roots.remove(&root_key).is_none() {
        return Err(IndexError::UnknownFolder(root.to_path_buf()));
    }
    writer.delete_term(Term::from_field_text(fields.root, &root_key));
    payload.roots.remove(&root_key);
    commit(&mut writer, &payload)?;
    Ok(files)
}

/// What a run keeps while it indexes batch after batch.
struct Run<'a> {
    writer: &'a mut IndexWriter<TantivyDocument>,
    summary: &'a mut Summary,
    done: usize,
    last_commit: &'a mut Instant,
    payload: &'a Payload,
}

impl<'a> Run<'a> {
    fn new(
        writer: &'a mut IndexWriter<TantivyDocument>,
        summary: &'a mut Summary,
        last_commit: &'a mut Instant,
        payload: &'a Payload,
    ) -> Run<'a> {
        Run {
            writer,
            summary,
            done: 0,
            last_commit,
            payload,
        }
    }

    /// Deletes a file that is gone.
    fn remove(&mut self, fields: &Fields, file: &str) {
        self.writer
            .delete_term(Term::from_field_text(fields.file, file));
        self.summary.removed += 1;
    }

    /// Indexes one batch of files (each with its recorded content hash, if
    /// it is in the index), counts and reports it, and commits when a
    /// commit is due.
    fn batch(
        &mut self,
        fields: &Fields,
        root: &str,
        batch: &[(Entry, Option<u64>)],
        total: usize,
        opts: &IndexOptions,
        on_event: &(dyn Fn(Event) + Sync),
    ) -> Result<(), IndexError> {
        let counts = index_batch(self.writer, fields, root, batch, opts, on_event);
        self.summary.add(&counts);
        self.done += batch.len();
        on_event(Event::Progress {
            done: self.done,
            total,
        });
        if self.last_commit.elapsed() >= opts.commit_every {
            commit(self.writer, self.payload)?;
            *self.last_commit = Instant::now();
        }
        Ok(())
    }
}

fn commit(writer: &mut IndexWriter<TantivyDocument>, payload: &Payload) -> tantivy::Result<()> {
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&serde_json::to_string(payload).expect("payload serializes"));
    prepared.commit()?;
    Ok(())
}

/// Reads, analyses and writes a batch of files on worker threads.
fn index_batch(
    writer: &IndexWriter<TantivyDocument>,
    fields: &Fields,
    root: &str,
    batch: &[(Entry, Option<u64>)],
    opts: &IndexOptions,
    on_event: &(dyn Fn(Event) + Sync),
) -> Summary {
    let next = AtomicUsize::new(0);
    let total = Mutex::new(Summary::default());
    std::thread::scope(|s| {
        for _ in 0..opts.threads.max(1) {
            s.spawn(|| {
                let mut local = Summary::default();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((entry, known)) = batch.get(i) else {
                        break;
                    };
                    index_file(writer, fields, root, entry, *known, &mut local, on_event);
                }
                let mut t = total
                    .lock()
                    .expect("no worker panics while holding the lock");
                t.add(&local);
            });
        }
    });
    total.into_inner().expect("workers finished")
}

#[allow(clippy::too_many_arguments)]
fn index_file(
    writer: &IndexWriter<TantivyDocument>,
    fields: &Fields,
    root: &str,
    entry: &Entry,
    known: Option<u64>,
    summary: &mut Summary,
    on_event: &(dyn Fn(Event) + Sync),
) {
    let key = entry.path.to_string_lossy().into_owned();
    let warn = |reason: String| {
        on_event(Event::Warning {
            path: &entry.path,
            reason,
        })
    };
    if entry.size > ingest::MAX_FILE_SIZE {
        warn(ReadError::TooLarge(entry.size).to_string());
        summary.skipped += 1;
        return;
    }
    let bytes = match std::fs::read(&entry.path) {
        Ok(b) => b,
        Err(e) => {
            let reason = match e.kind() {
                std::io::ErrorKind::NotFound => "vanished before it could be read".to_string(),
                std::io::ErrorKind::PermissionDenied => {
                    "permission denied (check the file's permissions)".to_string()
                }
                _ => format!("cannot read: {e} (check the file and the disk, then run again)"),
            };
            warn(reason);
            summary.skipped += 1;
            return;
        }
    };
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    if known == Some(hash) {
        summary.unchanged += 1;
        return;
    }
    if known.is_some() {
        writer.delete_term(Term::from_field_text(fields.file, &key));
    }
    let read = match ingest::read_bytes(&entry.path, &bytes, entry.format, &key) {
        Ok(r) => r,
        Err(e) => {
            warn(e.to_string());
            summary.skipped += 1;
            return;
        }
    };
    for w in read.warnings {
        warn(w);
    }
    let file = FileInfo {
        key: &key,
        root,
        size: entry.size,
        mtime: entry.mtime,
        hash,
    };
    for article in read.articles {
        // One article's bug must not stop a run.
        let Some(article) = extract::analyzed(article) else {
            warn("newsdex failed on this article (a bug: please report it); skipped".to_string());
            continue;
        };
        summary.articles += 1;
        summary.quotes += article.quotes.len();
        // One batch per article: tantivy keeps a batch together and in
        // order in one segment, so the passage after document `d` is
        // `d + 1` (search reads the previous passage as context that way).
        let docs = documents(fields, &article, &file);
        let passages = docs.len();
        match writer.run(docs.into_iter().map(UserOperation::Add)) {
            Ok(_) => summary.passages += passages,
            Err(e) => warn(format!("could not be added to the index: {e}")),
        }
    }
    if known.is_some() {
        summary.updated += 1
    } else {
        summary.added += 1
    }
}

/// The file-level facts every passage document carries.
pub struct FileInfo<'a> {
    /// File path, the key for updates and deletes.
    pub key: &'a str,
    /// Folder it was indexed under.
    pub root: &'a str,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, ns.
    pub mtime: u64,
    /// Content hash.
    pub hash: u64,
}

/// A quotation as stored with its passage.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct StoredQuote {
    /// The quoted words.
    pub text: String,
    /// Speaker's name, if any.
    pub speaker: Option<String>,
    /// Speaker's role, if any.
    pub role: Option<String>,
    /// Whether the speaker is a named person.
    #[serde(default)]
    pub named: bool,
    /// Day said, YYYY-MM-DD.
    pub said_on: Option<String>,
    /// Byte range of the quoted words within the passage text.
    pub start: usize,
    /// End of that range.
    pub end: usize,
}

/// Bodies shorter than this are never treated as copies of each other.
pub const MIN_COPY_LEN: usize = 200;

/// The hash that copies of one story share: of the body's words joined by
/// single spaces, so copies that differ only in white space match. Short
/// bodies (headline-only items) are too alike to call copies: they get none
/// (0). The words stream into the hash; no joined copy of the body is made.
fn body_hash(text: &str) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut len = 0;
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            hasher.update(b" ");
            len += 1;
        }
        hasher.update(word.as_bytes());
        len += word.len();
    }
    if len < MIN_COPY_LEN {
        0
    } else {
        hasher.digest().max(1)
    }
}

/// The documents of one article: one per passage (at least one, so every
/// file has a record in the index even with an empty body).
pub fn documents(fields: &Fields, a: &Article, file: &FileInfo) -> Vec<TantivyDocument> {
    let body_hash = body_hash(&a.text);
    let date = a.date.map(|d| {
        DateTime::from_timestamp_secs(
            d.and_hms_opt(0, 0, 0)
                .expect("midnight")
                .and_utc()
                .timestamp(),
        )
    });
    let ranges: Vec<std::ops::Range<usize>> = if a.passages.is_empty() {
        std::iter::once(0..a.text.len()).collect()
    } else {
        a.passages.iter().map(|p| p.range.clone()).collect()
    };
    let quotes_in =
        |range: &std::ops::Range<usize>| a.quotes.iter().any(|q| range.contains(&q.range.start));
    let mut docs = Vec::with_capacity(ranges.len());
    for (n, range) in ranges.iter().enumerate() {
        let text = &a.text[range.clone()];
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.file, file.key);
        doc.add_text(fields.root, file.root);
        doc.add_text(fields.article, &a.id);
        doc.add_u64(fields.passage, n as u64);
        doc.add_u64(fields.file_size, file.size);
        doc.add_u64(fields.file_mtime, file.mtime);
        doc.add_u64(fields.file_hash, file.hash);
        doc.add_u64(fields.body_hash, body_hash);
        if let Some(t) = &a.title {
            doc.add_text(fields.title, t);
        }
        if let Some(o) = &a.outlet {
            doc.add_text(fields.outlet, o);
            doc.add_facet(fields.outlets, Facet::from_path([o.as_str()]));
        }
        if let Some(b) = &a.byline {
            doc.add_text(fields.byline, b);
        }
        if let Some(u) = &a.url {
            doc.add_text(fields.url, u);
        }
        if let Some(d) = date {
            doc.add_date(fields.date, d);
        }
        if let Some(day) = a.date {
            doc.add_facet(
                fields.years,
                Facet::from_path([day.format("%Y").to_string()]),
            );
        }
        doc.add_text(fields.text, text);
        let quotes: Vec<StoredQuote> = a
            .quotes
            .iter()
            .filter(|q| range.contains(&q.range.start))
            .map(|q| StoredQuote {
                text: q.text.clone(),
                speaker: q.speaker.as_ref().map(|s| s.name.clone()),
                role: q.speaker.as_ref().and_then(|s| s.role.clone()),
                named: q.speaker.as_ref().is_some_and(|s| s.named),
                said_on: q.said_on.map(|d| d.to_string()),
                start: q.range.start - range.start,
                end: q.range.end.min(range.end) - range.start,
            })
            .collect();
        let mut seen: Vec<&str> = Vec::new();
        for q in &quotes {
            doc.add_text(fields.quote, &q.text);
            if let Some(name) = &q.speaker
                && !seen.contains(&name.as_str())
            {
                seen.push(name);
                doc.add_text(fields.speaker, name);
                if q.named {
                    doc.add_facet(fields.speakers, Facet::from_path([name.as_str()]));
                }
            }
        }
        doc.add_u64(fields.quote_count, quotes.len() as u64);
        // The passage before a quoting one is its context (see
        // `search::context`): marked so, a search looks only there.
        doc.add_u64(
            fields.before_quote,
            u64::from(ranges.get(n + 1).is_some_and(quotes_in)),
        );
        if !quotes.is_empty() {
            doc.add_text(
                fields.quotes,
                serde_json::to_string(&quotes).expect("quotes serialize"),
            );
        }
        docs.push(doc);
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_that_differ_in_white_space_share_a_body_hash() {
        let body =
            "ROSTAL (Northgate Wire) - The Ostrava Republic rejected the conditions. ".repeat(4);
        let respaced = format!(
            "  {}\n\n",
            body.replace(' ', "\u{a0} \t").replace(". ", ".\n")
        );
        let h = body_hash(&body);
        assert_ne!(h, 0);
        assert_eq!(body_hash(&respaced), h);
        // The words joined by single spaces, hashed whole: indexes built
        // before the hash streamed keep their values.
        let joined = body.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(h, xxhash_rust::xxh3::xxh3_64(joined.as_bytes()));
        assert_ne!(body_hash(&body.replace("rejected", "accepted")), h);
    }

    #[test]
    fn tidying_merges_what_a_run_left_into_few_segments_within_the_cap() {
        let index = tantivy::Index::create_in_ram(super::super::schema::schema());
        let sizes = [139_000, 5_000, 131_000, 400_000, 127_000, 122_000];
        let metas: Vec<tantivy::index::SegmentMeta> = sizes
            .iter()
            .map(|&n| index.new_segment_meta(tantivy::index::SegmentId::generate_random(), n))
            .collect();
        let size_of = |id: &tantivy::index::SegmentId| {
            metas.iter().find(|m| m.id() == *id).unwrap().num_docs()
        };
        let groups: Vec<Vec<u32>> = merge_groups(&metas, TIDY_MAX_DOCS)
            .iter()
            .map(|g| g.iter().map(size_of).collect())
            .collect();
        // The smallest first, as many as fit; the large segment stays.
        assert_eq!(
            groups,
            vec![vec![5_000, 122_000, 127_000], vec![131_000, 139_000]]
        );
        for g in &groups {
            assert!(g.iter().sum::<u32>() <= TIDY_MAX_DOCS);
        }
    }

    #[test]
    fn one_indexing_thread_for_every_two_workers_and_never_none() {
        let threads: Vec<usize> = [1, 2, 3, 4, 8, 16].map(writer_threads).to_vec();
        assert_eq!(threads, vec![1, 1, 1, 2, 4, 4]);
    }

    #[test]
    fn short_bodies_are_never_copies() {
        assert_eq!(body_hash("Markets close higher"), 0);
        assert_eq!(body_hash(""), 0);
        assert_eq!(
            body_hash(&"x".repeat(MIN_COPY_LEN)),
            xxhash_rust::xxh3::xxh3_64(&[b'x'; MIN_COPY_LEN]).max(1)
        );
    }
}
