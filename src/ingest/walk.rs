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
    walk_under(root, root)
}

/// Walks `root` on `threads` threads, one share of its top-level folders
/// each, and returns what a single walk would, in the same order. A walk
/// is mostly waiting on the file system, so a second thread nearly halves
/// it on a folder of many subfolders.
pub fn walk_parallel(root: &Path, threads: usize) -> Vec<Found> {
    let mut top: Vec<(PathBuf, bool)> = match std::fs::read_dir(root) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .filter(|e| !is_hidden(&e.file_name()))
            .map(|e| {
                let path = e.path();
                let is_dir = path.is_dir();
                (path, is_dir)
            })
            .collect(),
        Err(_) => return walk(root).collect(),
    };
    top.sort();
    let dirs = top.iter().filter(|(_, d)| *d).count();
    if threads < 2 || dirs < 4 {
        return walk(root).collect();
    }
    let mut out: Vec<Vec<Found>> = Vec::with_capacity(top.len());
    std::thread::scope(|s| {
        let chunk = top.len().div_ceil(threads);
        let handles: Vec<_> = top
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    let mut found = Vec::new();
                    for (path, _) in part {
                        found.extend(walk_under(root, path));
                    }
                    found
                })
            })
            .collect();
        for h in handles {
            out.push(h.join().expect("walker threads do not panic"));
        }
    });
    out.into_iter().flatten().collect()
}

/// Walks `start`, part of the walk of `root`. A symbolic link back to the
/// root or above it is a loop even when `start` is a subfolder, where
/// walkdir cannot see the root as an ancestor.
fn walk_under<'a>(root: &'a Path, start: &Path) -> impl Iterator<Item = Found> + 'a {
    let root_canon = std::fs::canonicalize(root).ok();
    let mut it = WalkDir::new(start)
        .follow_links(true)
        .sort_by_file_name()
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
                        .unwrap_or_else(|| root.to_path_buf()),
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
        let parallel = walk_parallel(root, 2);
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
}
