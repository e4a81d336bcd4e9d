//! Quotation extraction speed, in articles per second on one thread.
//!
//! `cargo bench --bench extract -- [FILE.jsonl|DIR]...` reads the articles
//! (corpus-sample/ by default), then times passage splitting and quotation
//! extraction alone over them, five times, and prints the median.

mod common;

use std::time::Instant;

use newsdex::extract::{self, Article};
use newsdex::ingest::{self, Format, walk};

// The allocator of the newsdex binary, so the figures are what users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load(path: &std::path::Path, out: &mut Vec<Article>) {
    if path.is_dir() {
        for found in walk::walk(path) {
            if let walk::Found::File(e) = found
                && let Ok(read) = ingest::read_file(&e.path, e.format, "bench")
            {
                out.extend(read.articles);
            }
        }
    } else {
        let format = Format::of(path).unwrap_or(Format::Text);
        let read = ingest::read_file(path, format, "bench").expect("readable input");
        out.extend(read.articles);
    }
}

fn main() {
    let inputs = common::inputs();
    let mut articles = Vec::new();
    for p in &inputs {
        load(p, &mut articles);
    }
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut rates = Vec::new();
    let mut quotes = 0;
    for _ in 0..5 {
        let mut batch = articles.clone();
        let t = Instant::now();
        quotes = 0;
        for a in &mut batch {
            extract::analyze(a);
            quotes += a.quotes.len();
        }
        rates.push(batch.len() as f64 / t.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "extract: {} articles ({:.1} MB, {quotes} quotes): median {:.0} articles/s on one thread (runs: {})",
        articles.len(),
        bytes as f64 / 1e6,
        rates[2],
        rates
            .iter()
            .map(|r| format!("{r:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
}
