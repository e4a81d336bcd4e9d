//! `newsdex index DIR...`: build or update the index from folders.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::Args;

use newsdex::index::writer::{self, Event, IndexOptions};

use super::render;

/// Arguments of `newsdex index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Folders of articles to index (HTML, text, Markdown, JSON, JSONL).
    #[arg(value_name = "DIR", required_unless_present = "remove")]
    pub dirs: Vec<PathBuf>,
    /// Rebuild the index from scratch instead of updating it.
    #[arg(long)]
    pub full: bool,
    /// Remove a folder's articles from the index instead of indexing.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["dirs", "full"])]
    pub remove: Option<PathBuf>,
    /// Worker threads for reading and analysing files [default: all cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Commit at least every this many seconds, so a crash loses little.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub commit_every: u64,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs the indexer and prints warnings and a summary.
pub fn run(
    args: &IndexArgs,
    index: &std::path::Path,
    out: &mut dyn Write,
    quiet: bool,
    verbose: bool,
) -> Result<ExitCode> {
    if let Some(dir) = &args.remove {
        let n = writer::remove_folder(index, dir)?;
        if !quiet {
            writeln!(
                out,
                "removed {} ({n} files) from {}",
                dir.display(),
                index.display()
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut opts = IndexOptions {
        full: args.full,
        commit_every: Duration::from_secs(args.commit_every),
        ..IndexOptions::default()
    };
    if let Some(t) = args.threads {
        opts.threads = t.max(1);
    }
    let started = Instant::now();
    let progress = std::io::stderr().is_terminal() && !quiet;
    let bar = progress.then(|| {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} {eta}")
                .expect("valid template"),
        );
        bar
    });
    let stderr = Mutex::new(std::io::stderr());
    let on_event = |e: Event| {
        let mut err = stderr.lock().expect("stderr lock");
        let _ = match e {
            Event::Warning { path, reason } if bar.is_some() => {
                let line = format!("newsdex: warning: {}: {reason}", path.display());
                bar.as_ref().expect("bar").println(line);
                Ok(())
            }
            Event::Warning { path, reason } => {
                writeln!(err, "newsdex: warning: {}: {reason}", path.display())
            }
            Event::Notice(n) if !quiet => writeln!(err, "newsdex: {n}"),
            Event::Progress { done, total } => {
                if let Some(bar) = &bar {
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                }
                Ok(())
            }
            Event::Timing(phase, took) if verbose => {
                writeln!(err, "newsdex: {phase}: {:.3}s", took.as_secs_f64())
            }
            _ => Ok(()),
        };
    };
    let summary = writer::index_folders(index, &args.dirs, &opts, &on_event)
        .with_context(|| format!("indexing into {}", index.display()))?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if args.json {
        render::summary_json(out, &summary, started.elapsed())?;
    } else if !quiet {
        render::summary(out, &summary, index, started.elapsed())?;
    }
    Ok(if summary.skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
