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

/// Walks `root`, yielding every article file in path order: the byte order
/// of the paths as text, which is also the order of the index's record, so
/// a run can compare the two as it walks (see `index::state`).
pub fn walk(root: &Path) -> impl Iterator<Item = Found> + Send + 'static {
    walk_under(root, root)
}

/// Orders two entries of one folder so that a depth-first walk yields
/// paths in byte order: a folder sorts as its name followed by `/`, so
/// `b.txt` (`.` is below `/`) comes before everything inside `b`.
fn path_order(a: &walkdir::DirEntry, b: &walkdir::DirEntry) -> std::cmp::Ordering {
    name_order(
        a.file_name(),
        a.file_type().is_dir(),
        b.file_name(),
        b.file_type().is_dir(),
    )
}

fn name_order(
    a: &std::ffi::OsStr,
    a_dir: bool,
    b: &std::ffi::OsStr,
    b_dir: bool,
) -> std::cmp::Ordering {
    // The record holds paths as (lossy) text, so names compare as text too.
    let cmp = |a: &[u8], b: &[u8]| {
        let a = a.iter().chain(a_dir.then_some(&b'/'));
        let b = b.iter().chain(b_dir.then_some(&b'/'));
        a.cmp(b)
    };
    match (a.to_str(), b.to_str()) {
        (Some(a), Some(b)) => cmp(a.as_bytes(), b.as_bytes()),
        _ => cmp(
            a.to_string_lossy().as_bytes(),
            b.to_string_lossy().as_bytes(),
        ),
    }
}

/// Found files sent from a walker thread at a time.
const CHUNK: usize = 1024;
/// Chunks a walker thread may run ahead of the reader: the walk holds at
/// most this many chunks per thread, however large the folder.
const AHEAD: usize = 32;
/// A folder with fewer subfolders than this is split one level deeper, so
/// that each thread has many shares to walk.
const SHARES: usize = 64;

/// Walks `root` on `threads` threads and yields what [`walk`] would, in the
/// same order, as it goes.
///
/// The folder is cut into shares (its subfolders, one or two levels down)
/// dealt round-robin to the threads; each thread walks its shares in turn
/// and sends what it finds down a bounded channel of its own, and the
/// reader takes the shares in order from the channel that holds each. A
/// walk is mostly waiting on the file system, so a second thread nearly
/// halves it, and no thread runs more than [`AHEAD`] chunks ahead.
pub fn walk_parallel(root: &Path, threads: usize) -> Box<dyn Iterator<Item = Found> + Send> {
    if threads < 2 {
        return Box::new(walk(root));
    }
    let shares = shares(root);
    if shares.iter().filter(|(_, d)| *d).count() < 4 {
        return Box::new(walk(root));
    }
    let shares: std::sync::Arc<Vec<PathBuf>> =
        std::sync::Arc::new(shares.into_iter().map(|(p, _)| p).collect());
    let mut channels = Vec::with_capacity(threads);
    for t in 0..threads {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Option<Vec<Found>>>(AHEAD);
        let shares = shares.clone();
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            for share in shares.iter().skip(t).step_by(threads) {
                let mut chunk = Vec::with_capacity(CHUNK);
                for found in walk_under(&root, share) {
                    chunk.push(found);
                    if chunk.len() == CHUNK {
                        let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
                        if tx.send(Some(full)).is_err() {
                            return;
                        }
                    }
                }
                // The end of each share is marked, even an empty one.
                if !chunk.is_empty() && tx.send(Some(chunk)).is_err() || tx.send(None).is_err() {
                    return;
                }
            }
        });
        channels.push(rx);
    }
    Box::new(Ordered {
        channels,
        shares: shares.len(),
        share: 0,
        current: Vec::new().into_iter(),
    })
}

/// The reader's side of [`walk_parallel`]: shares in order, each from the
/// channel of the thread that walks it.
struct Ordered {
    channels: Vec<std::sync::mpsc::Receiver<Option<Vec<Found>>>>,
    shares: usize,
    share: usize,
    current: std::vec::IntoIter<Found>,
}

impl Iterator for Ordered {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            if let Some(found) = self.current.next() {
                return Some(found);
            }
            if self.share == self.shares {
                return None;
            }
            let channel = &self.channels[self.share % self.channels.len()];
            match channel.recv().expect("walker threads do not panic") {
                Some(chunk) => self.current = chunk.into_iter(),
                None => self.share += 1,
            }
        }
    }
}

/// The shares of a parallel walk of `root`, in walk order, each with
/// whether it is a folder: the visible entries of `root`, with folders
/// replaced by their own entries while there are fewer than [`SHARES`]
/// (at most two levels below `root`; links are not opened, so a loop stays
/// one share).
fn shares(root: &Path) -> Vec<(PathBuf, bool)> {
    let mut shares = vec![(root.to_path_buf(), true)];
    for _ in 0..3 {
        if shares.iter().filter(|(_, d)| *d).count() >= SHARES {
            break;
        }
        let mut next = Vec::with_capacity(shares.len());
        for (path, is_dir) in shares {
            let opened = is_dir && (path == root || !path.is_symlink());
            match opened.then(|| entries(&path)).flatten() {
                Some(children) => next.extend(children),
                None => next.push((path, is_dir)),
            }
        }
        shares = next;
    }
    shares
}

/// The visible entries of a folder in walk order, or `None` if it cannot
/// be read (the walk will report why).
fn entries(dir: &Path) -> Option<Vec<(PathBuf, bool)>> {
    let mut out: Vec<(PathBuf, bool)> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| !is_hidden(&e.file_name()))
        .map(|e| {
            let path = e.path();
            let is_dir = path.is_dir();
            (path, is_dir)
        })
        .collect();
    out.sort_by(|(a, a_dir), (b, b_dir)| {
        name_order(
            a.file_name().unwrap_or_default(),
            *a_dir,
            b.file_name().unwrap_or_default(),
            *b_dir,
        )
    });
    Some(out)
}

/// Walks `start`, part of the walk of `root`. A symbolic link back to the
/// root or above it is a loop even when `start` is a subfolder, where
/// walkdir cannot see the root as an ancestor.
fn walk_under(root: &Path, start: &Path) -> impl Iterator<Item = Found> + Send + 'static {
    let root_canon = std::fs::canonicalize(root).ok();
    let root = root.to_path_buf();
    let mut it = WalkDir::new(start)
        .follow_links(true)
        .sort_by(path_order)
        .into_iter()
        .filter_entry(move |e| e.depth() == 0 || !is_hidden(e.file_name()));
    std::iter::from_fn(move || {
        loop {
            let item = it.next()?;
            let found = match item {
                Ok(e) if e.path_is_symlink() && e.file_type().is_dir() => {
                    let target = std::fs::canonicalize(e.path()).ok();
                    let loops = match (&target, &root_canon) {
                        (Some(t), Some(r)) => r.starts_with(t),
                        _ => false,
                    };
                    if loops {
                        it.skip_current_dir();
                        Some(Found::Problem {
                            path: e.path().to_path_buf(),
                            reason: format!(
                                "symbolic link loop back to {}",
                                target.map(|t| t.display().to_string()).unwrap_or_default()
                            ),
                        })
                    } else {
                        None
                    }
                }
                Ok(e) if e.file_type().is_file() => Some(match Format::of(e.path()) {
                    None => Found::Ignored(e.path().to_path_buf()),
                    Some(format) => match e.metadata() {
                        Ok(md) => Found::File(Entry {
                            path: e.path().to_path_buf(),
                            size: md.len(),
                            mtime: md
                                .modified()
                                .ok()
                                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                                .map_or(0, |d| d.as_nanos() as u64),
                            format,
                        }),
                        Err(err) => Found::Problem {
                            path: e.path().to_path_buf(),
                            reason: describe(&err),
                        },
                    },
                }),
                Ok(_) => None,
                Err(err) => Some(Found::Problem {
                    path: err
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| root.clone()),
                    reason: describe(&err),
                }),
            };
            if found.is_some() {
                return found;
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(found: &[Found]) -> Vec<String> {
        found
            .iter()
            .map(|f| match f {
                Found::File(e) => format!("file {}", e.path.display()),
                Found::Ignored(p) => format!("ignored {}", p.display()),
                Found::Problem { path, .. } => format!("problem {}", path.display()),
            })
            .collect()
    }

    #[test]
    fn parallel_walk_finds_what_a_single_walk_finds() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for d in 0..9 {
            let sub = root.join(format!("d{d}"));
            std::fs::create_dir_all(sub.join("inner")).unwrap();
            std::fs::write(sub.join("a.txt"), "x").unwrap();
            std::fs::write(sub.join("inner/b.md"), "x").unwrap();
            std::fs::write(sub.join("c.gz"), "x").unwrap();
            std::fs::write(sub.join(".hidden.txt"), "x").unwrap();
        }
        std::fs::write(root.join("top.json"), "{}").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root, root.join("d3/inner/loop")).unwrap();
        let single: Vec<Found> = walk(root).collect();
        let parallel: Vec<Found> = walk_parallel(root, 2).collect();
        assert_eq!(names(&single), names(&parallel));
        assert_eq!(
            single
                .iter()
                .filter(|f| matches!(f, Found::File(_)))
                .count(),
            19
        );
        #[cfg(unix)]
        assert_eq!(
            single
                .iter()
                .filter(|f| matches!(f, Found::Problem { .. }))
                .count(),
            1
        );
    }

    #[test]
    fn parallel_walk_streams_large_folders_in_path_order() {
        // More files than the threads may hold ahead of the reader, in
        // folders whose names sort differently as paths and as names.
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for d in ["a", "a-b", "a.b", "b", "c"] {
            for i in 0..(CHUNK * 3 / 2) {
                let path = root.join(d).join(format!("{i}.txt"));
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, "x").unwrap();
            }
        }
        std::fs::write(root.join("a.txt"), "x").unwrap();
        let parallel: Vec<String> = walk_parallel(root, 2)
            .map(|f| match f {
                Found::File(e) => e.path.to_string_lossy().into_owned(),
                other => panic!("{other:?}"),
            })
            .collect();
        let mut sorted = parallel.clone();
        sorted.sort();
        assert_eq!(parallel.len(), 5 * (CHUNK * 3 / 2) + 1);
        assert_eq!(parallel, sorted);
        // A reader that stops early lets the walker threads go.
        assert_eq!(walk_parallel(root, 2).take(3).count(), 3);
    }
}
