//! Walking folders: which files are articles, and what the walk reports.
//!
//! walkdir does the walking (following links, with loop detection); this
//! module decides what to read: visible files whose extension names an
//! article format, or text files with no extension. Hidden files and
//! folders are skipped, as `.DS_Store` and `.git` should be.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use walkdir::WalkDir;

use super::Format;

/// A file the walk found, with what change detection needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The file's path.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// Its modification time, in nanoseconds since the epoch.
    pub mtime: u64,
    /// How to read it.
    pub format: Format,
}

/// What a walk yields: an article file, or a problem to report.
#[derive(Debug)]
pub enum Found {
    /// A file to read.
    File(Entry),
    /// A file or folder that could not be walked.
    Problem {
        /// Where.
        path: PathBuf,
        /// What went wrong, in words.
        reason: String,
    },
    /// A file skipped on purpose (its kind is not an article format).
    Ignored(PathBuf),
}

/// Walks `root`, yielding every article file in a stable (sorted) order.
pub fn walk(root: &Path) -> impl Iterator<Item = Found> {
    WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()))
        .filter_map(|item| match item {
            Ok(e) if e.file_type().is_file() => {
                let Some(format) = Format::of(e.path()) else {
                    return Some(Found::Ignored(e.path().to_path_buf()));
                };
                match e.metadata() {
                    Ok(md) => Some(Found::File(Entry {
                        path: e.path().to_path_buf(),
                        size: md.len(),
                        mtime: md
                            .modified()
                            .ok()
                            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                            .map_or(0, |d| d.as_nanos() as u64),
                        format,
                    })),
                    Err(err) => Some(Found::Problem {
                        path: e.path().to_path_buf(),
                        reason: describe(&err),
                    }),
                }
            }
            Ok(_) => None,
            Err(err) => Some(Found::Problem {
                path: err
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.to_path_buf()),
                reason: describe(&err),
            }),
        })
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

fn describe(err: &walkdir::Error) -> String {
    if let Some(ancestor) = err.loop_ancestor() {
        return format!("symbolic link loop back to {}", ancestor.display());
    }
    match err.io_error() {
        Some(io) if io.kind() == std::io::ErrorKind::PermissionDenied => {
            "permission denied (check the file's permissions)".to_string()
        }
        Some(io) if io.kind() == std::io::ErrorKind::NotFound => {
            "vanished during the walk".to_string()
        }
        Some(io) => io.to_string(),
        None => err.to_string(),
    }
}
