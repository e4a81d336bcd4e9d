//! The harness: a temporary copy of corpus-sample/ and the real binary.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A temporary workspace with its own index.
pub struct Env {
    /// Keeps the folder alive.
    _dir: tempfile::TempDir,
    /// The folder.
    pub root: PathBuf,
    /// The corpus copy inside it, if any.
    pub corpus: PathBuf,
    /// The index path inside it.
    pub index: PathBuf,
}

/// What a run printed and returned.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Env {
    /// An empty workspace.
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().canonicalize().expect("canonical temp dir");
        Env {
            corpus: root.join("corpus"),
            index: root.join("index"),
            root,
            _dir: dir,
        }
    }

    /// A workspace holding a copy of corpus-sample/.
    pub fn with_corpus() -> Env {
        let env = Env::new();
        copy_dir(&repo().join("corpus-sample"), &env.corpus);
        env
    }

    /// Runs newsdex with these arguments.
    pub fn run(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_newsdex"))
            .args(args)
            .env("NEWSDEX_INDEX", &self.index)
            .env_remove("NO_COLOR")
            .current_dir(&self.root)
            .output()
            .expect("run newsdex");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs newsdex and asserts it exited 0.
    pub fn ok(&self, args: &[&str]) -> Run {
        let r = self.run(args);
        assert_eq!(
            r.code, 0,
            "newsdex {args:?} failed:\n{}\n{}",
            r.stdout, r.stderr
        );
        r
    }

    /// Indexes the corpus copy.
    pub fn index_corpus(&self) -> Run {
        self.ok(&["index", self.corpus.to_str().unwrap()])
    }

    /// A path relative to the corpus copy.
    pub fn rel<'a>(&self, path: &'a str) -> &'a str {
        let prefix = format!("{}/", self.corpus.display());
        path.strip_prefix(prefix.as_str()).unwrap_or(path)
    }
}

/// Parses JSON lines.
pub fn json_lines(s: &str) -> Vec<serde_json::Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON {l:?}: {e}")))
        .collect()
}

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
