//! The `newsdex` binary: parse arguments, run, report errors once.

use std::process::ExitCode;

mod cli;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            if cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsdex: {}", cli::error_chain(&err));
            ExitCode::from(2)
        }
    }
}
