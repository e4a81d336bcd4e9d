//! In-process query latency over a fixed query set.
//!
//! `cargo bench --bench search -- INDEX QUERIES.tsv [RUNS]` opens the index
//! once, then runs each query of the TSV (columns: id, kind, query, speaker,
//! since, until) RUNS times (default 20), top 10 with snippets, as
//! `newsdex search` does, and prints p50 and p95 per query and overall, in
//! milliseconds.

use std::path::PathBuf;
use std::time::Instant;

use newsdex::search::{Request, Searcher, parse_day};

// The allocator of the newsdex binary, so the figures are what users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let [index, queries, rest @ ..] = args.as_slice() else {
        eprintln!("usage: cargo bench --bench search -- INDEX QUERIES.tsv [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = rest.first().and_then(|r| r.parse().ok()).unwrap_or(20);
    let searcher = Searcher::open(&PathBuf::from(index)).expect("an index");
    let text = std::fs::read_to_string(queries).expect("a query file");
    let mut all = Vec::new();
    println!(
        "{:<5} {:>8} {:>8} {:>6}  query",
        "id", "p50 ms", "p95 ms", "hits"
    );
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let col = |i: usize| cols.get(i).map(|s| s.trim()).filter(|s| !s.is_empty());
        let req = Request {
            query: col(2).map(str::to_string),
            speakers: col(3).map(|s| vec![s.to_string()]).unwrap_or_default(),
            since: col(4).and_then(|d| parse_day(d, false)),
            until: col(5).and_then(|d| parse_day(d, true)),
            limit: 10,
            ..Request::default()
        };
        let mut times = Vec::with_capacity(runs);
        let mut hits = 0;
        for _ in 0..runs {
            let t = Instant::now();
            hits = match searcher.search(&req) {
                Ok(h) => h.len(),
                Err(e) => {
                    eprintln!("{}: {e}", cols[0]);
                    0
                }
            };
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{:<5} {:>8.2} {:>8.2} {:>6}  {} {}",
            cols[0],
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            hits,
            col(2).unwrap_or(""),
            col(3)
                .map(|s| format!("--speaker {s:?}"))
                .unwrap_or_default()
        );
        all.extend(times);
    }
    all.sort_by(f64::total_cmp);
    println!(
        "all   {:>8.2} {:>8.2}  ({} queries x {runs} runs, in process)",
        percentile(&all, 0.5),
        percentile(&all, 0.95),
        all.len() / runs
    );
}
