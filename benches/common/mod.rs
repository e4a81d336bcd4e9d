//! What the benchmarks share.

use std::path::PathBuf;

/// The benchmark's input paths: its arguments that are not options (cargo
/// passes `--bench`), or corpus-sample/ when there are none.
pub fn inputs() -> Vec<PathBuf> {
    let args: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if args.is_empty() {
        vec![PathBuf::from("corpus-sample")]
    } else {
        args
    }
}
