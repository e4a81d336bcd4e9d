//! `newsdex extract FILE...`: what the indexer sees in each article, as JSON.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use newsdex::extract;
use newsdex::ingest::{self, Format};

use super::render;

/// Arguments of `newsdex extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files to read (HTML, text, Markdown, JSON, JSONL).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Leave the body text and passages out of the output.
    #[arg(long)]
    pub no_text: bool,
}

/// Reads each file and prints one JSON object per article.
pub fn run(args: &ExtractArgs, out: &mut dyn Write, quiet: bool) -> Result<ExitCode> {
    let mut failed = 0;
    for path in &args.files {
        let key = path.display().to_string();
        let format = Format::of(path).unwrap_or(Format::Text);
        match ingest::read_file(path, format, &key) {
            Ok(read) => {
                for w in &read.warnings {
                    if !quiet {
                        eprintln!("newsdex: warning: {}: {w}", path.display());
                    }
                }
                for article in read.articles {
                    let id = article.id.clone();
                    let Some(article) = extract::analyzed(article) else {
                        failed += 1;
                        eprintln!(
                            "newsdex: {id}: newsdex failed on this article (a bug: please report \
                             it); left out"
                        );
                        continue;
                    };
                    let local_id = article
                        .id
                        .strip_prefix(&format!("{key}#"))
                        .map(str::to_string);
                    render::extracted(out, &article, local_id.as_deref(), !args.no_text)?;
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("newsdex: {}: {e}", path.display());
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
