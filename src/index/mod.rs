//! Index: the tantivy index of passages, where it lives, and opening it.
//!
//! [`schema`] loads and checks the schema file; [`state`] reads what the
//! index records of each file and plans a run; [`writer`] writes. Errors a
//! caller branches on are an [`IndexError`].

pub mod schema;
pub mod state;
pub mod status;
mod stem;
pub mod writer;

use std::path::{Path, PathBuf};

use tantivy::Index;
use tantivy::directory::MmapDirectory;

use schema::Fields;

/// Environment variable naming the index folder.
pub const INDEX_ENV: &str = "NEWSDEX_INDEX";

/// The index folder when neither `--index` nor `NEWSDEX_INDEX` is given:
/// `newsdex/index` under the user's data folder
/// (`~/.local/share/newsdex/index` on Linux).
pub fn default_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("newsdex")
        .join("index")
}

/// Errors that callers tell apart.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// No index at the path yet.
    #[error("no index at {0}: run `newsdex index DIR` first (or pass --index PATH)")]
    NoIndex(PathBuf),
    /// The index was built by another version of newsdex.
    #[error(
        "the index at {0} was built with another schema: run `newsdex index --full DIR` to rebuild it"
    )]
    SchemaMismatch(PathBuf),
    /// Another process is writing the index.
    #[error("another newsdex is indexing into {0}: wait for it to finish, or use another --index")]
    Locked(PathBuf),
    /// A folder to index cannot be opened.
    #[error("cannot open folder {0}: {1}")]
    Folder(PathBuf, std::io::Error),
    /// A path to index is not a folder.
    #[error("{0} is not a folder: give `newsdex index` a folder of articles")]
    NotAFolder(PathBuf),
    /// A folder to remove was never indexed.
    #[error("{0} is not one of the index's folders (see `newsdex status`)")]
    UnknownFolder(PathBuf),
    /// Any other tantivy error.
    #[error(transparent)]
    Tantivy(#[from] tantivy::TantivyError),
    /// Any other I/O error.
    #[error("{1}: {0}")]
    Io(std::io::Error, PathBuf),
}

fn is_index(path: &Path) -> bool {
    path.join("meta.json").is_file()
}

/// Opens an existing index for searching.
pub fn open_existing(path: &Path) -> Result<(Index, Fields), IndexError> {
    if !is_index(path) {
        return Err(IndexError::NoIndex(path.to_path_buf()));
    }
    let dir = MmapDirectory::open(path)
        .map_err(|e| IndexError::Io(std::io::Error::other(e), path.into()))?;
    let index = Index::open(dir)?;
    if index.schema() != schema::schema() {
        return Err(IndexError::SchemaMismatch(path.to_path_buf()));
    }
    schema::register_tokenizers(&index);
    let fields =
        Fields::new(&index.schema()).map_err(|_| IndexError::SchemaMismatch(path.into()))?;
    Ok((index, fields))
}

/// A reader of the index as it is now. A command reads one snapshot and
/// exits, so the reader does not watch for new commits (tantivy's default
/// starts a watcher thread for that).
pub fn snapshot(index: &Index) -> tantivy::Result<tantivy::IndexReader> {
    index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()
}

/// Opens the index for writing, creating it, or rebuilding it when its
/// schema is not this version's.
fn open_or_create(
    path: &Path,
    full: bool,
    on_event: &(dyn Fn(writer::Event) + Sync),
) -> Result<(Index, Fields), IndexError> {
    match open_existing(path) {
        Ok(found) => return Ok(found),
        Err(IndexError::NoIndex(_)) => {}
        Err(IndexError::SchemaMismatch(_)) => {
            // Make sure nobody is writing it before removing it.
            let dir = MmapDirectory::open(path)
                .map_err(|e| IndexError::Io(std::io::Error::other(e), path.into()))?;
            let old = Index::open(dir)?;
            let lock = old.writer_with_num_threads::<tantivy::TantivyDocument>(1, 15 << 20);
            drop(lock.map_err(|e| writer_error(e, path))?);
            if !full {
                on_event(writer::Event::Notice(format!(
                    "the index at {} was built with another schema; rebuilding it",
                    path.display()
                )));
            }
            std::fs::remove_dir_all(path).map_err(|e| IndexError::Io(e, path.into()))?;
        }
        Err(e) => return Err(e),
    }
    std::fs::create_dir_all(path).map_err(|e| IndexError::Io(e, path.into()))?;
    let dir = MmapDirectory::open(path)
        .map_err(|e| IndexError::Io(std::io::Error::other(e), path.into()))?;
    let index = Index::create(dir, schema::schema(), settings())?;
    schema::register_tokenizers(&index);
    let fields = Fields::new(&index.schema()).expect("checked by tests");
    Ok((index, fields))
}

/// Index settings: stored passages are compressed in tantivy's 16 KiB
/// blocks. Every hit inflates a whole block; 64 KiB blocks made Reuters'
/// index 6% smaller (1.34x the text, now 1.41x) but cost each cold search
/// 0.3-0.9 ms more. Indexes keep the block size they were built with.
fn settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_blocksize: 16 << 10,
        ..Default::default()
    }
}

/// Maps tantivy's lock failure to a clear message.
fn writer_error(e: tantivy::TantivyError, path: &Path) -> IndexError {
    match e {
        tantivy::TantivyError::LockFailure(..) => IndexError::Locked(path.to_path_buf()),
        other => IndexError::Tantivy(other),
    }
}
