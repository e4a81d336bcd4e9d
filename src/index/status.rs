//! The index's health: what it holds, which folders it covers, when each
//! was last indexed, and what changed in them since.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;
use tantivy::schema::{Facet, Field};

use super::schema::Fields;
use super::state::{self, Change};
use super::writer::Payload;
use super::{IndexError, open_existing};
use crate::ingest::walk::{self, Found};

/// What `newsdex status` reports (schema/status.schema.json).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Status {
    /// The index folder.
    pub index: String,
    /// Articles indexed.
    pub articles: u64,
    /// Passages indexed.
    pub passages: u64,
    /// Quotations indexed.
    pub quotes: u64,
    /// Distinct named speakers.
    pub speakers: usize,
    /// Files indexed.
    pub files: usize,
    /// Articles whose body is a copy of another's (same story filed again).
    pub copies: u64,
    /// The folders the index covers.
    pub folders: Vec<FolderStatus>,
}

/// One indexed folder.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FolderStatus {
    /// The folder.
    pub path: String,
    /// When it was last indexed (RFC 3339), if a run finished.
    pub last_indexed: Option<String>,
    /// Files indexed from it.
    pub files: usize,
    /// Whether the folder still exists.
    pub exists: bool,
    /// Files there now that the index lacks.
    pub new: usize,
    /// Files whose size or time differ from the index's record.
    pub changed: usize,
    /// Indexed files that are gone.
    pub removed: usize,
}

impl FolderStatus {
    /// True when the folder is as the index recorded it.
    pub fn up_to_date(&self) -> bool {
        self.exists && self.new == 0 && self.changed == 0 && self.removed == 0
    }
}

/// Every named speaker in the index, from the speaker facet's dictionary.
pub fn speakers_in(searcher: &tantivy::Searcher, field: Field) -> tantivy::Result<Vec<String>> {
    let mut names = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted.terms().stream()?;
        while stream.advance() {
            if let Ok(facet) = Facet::from_encoded(stream.key().to_vec())
                && let Some(name) = facet.to_path().last()
            {
                names.insert((*name).to_string());
            }
        }
    }
    Ok(names.into_iter().collect())
}

/// Reports on the index at `path`; walks each folder to see what changed
/// (a walk and a stat per file: nothing is read).
pub fn status(path: &Path) -> Result<Status, IndexError> {
    let (index, fields) = open_existing(path)?;
    let searcher = super::snapshot(&index)?.searcher();
    let c = counts(&searcher, &fields)?;
    let payload = Payload::load(&index);
    let mut roots: BTreeSet<String> = payload.roots.keys().cloned().collect();
    roots.extend(state::roots(&searcher, &fields)?);
    let folders = roots
        .into_iter()
        .map(|root| {
            let last = payload.roots.get(&root).cloned();
            folder_status(&searcher, &fields, &root, last)
        })
        .collect::<tantivy::Result<Vec<_>>>()?;
    let files = state::Record::open(&searcher, &fields, None)?.count()?;
    Ok(Status {
        index: path.display().to_string(),
        articles: c.articles,
        passages: c.passages,
        quotes: c.quotes,
        copies: c.copies,
        speakers: speakers_in(&searcher, fields.speakers)?.len(),
        files,
        folders,
    })
}

struct Counts {
    articles: u64,
    passages: u64,
    quotes: u64,
    copies: u64,
}

fn counts(searcher: &tantivy::Searcher, fields: &Fields) -> tantivy::Result<Counts> {
    let schema = searcher.schema();
    let mut c = Counts {
        articles: 0,
        passages: 0,
        quotes: 0,
        copies: 0,
    };
    let mut bodies = rustc_hash::FxHashSet::default();
    for segment in searcher.segment_readers() {
        let ff = segment.fast_fields();
        let passage = ff.u64(schema.get_field_name(fields.passage))?;
        let quote_count = ff.u64(schema.get_field_name(fields.quote_count))?;
        let body_hash = ff.u64(schema.get_field_name(fields.body_hash))?;
        for doc in segment.doc_ids_alive() {
            c.passages += 1;
            c.quotes += quote_count.first(doc).unwrap_or(0);
            if passage.first(doc) == Some(0) {
                c.articles += 1;
                let body = body_hash.first(doc).unwrap_or(0);
                if body != 0 && !bodies.insert(body) {
                    c.copies += 1;
                }
            }
        }
    }
    Ok(c)
}

fn folder_status(
    searcher: &tantivy::Searcher,
    fields: &Fields,
    root: &str,
    last: Option<String>,
) -> tantivy::Result<FolderStatus> {
    let record = state::Record::open(searcher, fields, Some(root))?;
    let exists = Path::new(root).is_dir();
    let (mut new, mut changed, mut removed) = (0, 0, 0);
    let mut diff = state::Diff::new(record.files()?)?;
    if exists {
        for found in walk::walk(Path::new(root)) {
            if let Found::File(e) = found {
                match diff.entry(&e, &mut |_| removed += 1)? {
                    Change::New => new += 1,
                    Change::Suspect { .. } => changed += 1,
                    Change::Unchanged | Change::Repeated => {}
                }
            }
        }
    }
    let files = diff.finish(&mut |_| removed += 1)?;
    Ok(FolderStatus {
        path: root.to_string(),
        last_indexed: last,
        files,
        exists,
        new,
        changed,
        removed,
    })
}
