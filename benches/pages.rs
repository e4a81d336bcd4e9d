//! Saved-page reading speed, in pages per second on one thread.
//!
//! `cargo bench --bench pages -- DIR...` loads every file under the folders
//! into memory (corpus-sample/ by default), then times, five times each:
//! - reading: character decoding, HTML parsing, boilerplate removal, the
//!   body as text, and title, outlet, byline and date (what the body and
//!   date anchors of issue 4 measure);
//! - the whole analysis: reading plus passages and quotations.
//!
//! It prints the median of each. No process start, no disk, no output.

mod common;

use std::time::Instant;

use newsdex::extract;
use newsdex::ingest::{self, walk};

// The allocator of the newsdex binary, so the figures are what users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn median_rate(mut run: impl FnMut() -> usize) -> (f64, Vec<f64>) {
    let mut rates = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let n = run();
        rates.push(n as f64 / t.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    (rates[2], rates)
}

fn show(rates: &[f64]) -> String {
    rates
        .iter()
        .map(|r| format!("{r:.0}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn main() {
    let inputs = common::inputs();
    let mut files = Vec::new();
    for dir in &inputs {
        for found in walk::walk(dir) {
            if let walk::Found::File(e) = found
                && let Ok(bytes) = std::fs::read(&e.path)
            {
                files.push((e, bytes));
            }
        }
    }
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let read_all = || {
        let mut articles = Vec::new();
        for (e, b) in &files {
            if let Ok(read) = ingest::read_bytes(&e.path, b, e.format, "bench") {
                articles.extend(read.articles);
            }
        }
        articles
    };
    let (read, read_runs) = median_rate(|| {
        read_all();
        files.len()
    });
    let (whole, whole_runs) = median_rate(|| {
        for mut a in read_all() {
            extract::analyze(&mut a);
        }
        files.len()
    });
    println!(
        "pages: {} files ({:.1} MB) on one thread, median of 5\n\
         read (decode, parse, body, metadata): {read:.0} pages/s (runs: {})\n\
         read and analyse (plus passages, quotations): {whole:.0} pages/s (runs: {})",
        files.len(),
        bytes as f64 / 1e6,
        show(&read_runs),
        show(&whole_runs),
    );
}
