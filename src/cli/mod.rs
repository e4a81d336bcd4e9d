//! The command line: argument definitions, one module per subcommand, and
//! rendering. This is the only layer that touches the terminal.

mod extract;
mod index;
mod render;
mod search;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

/// Search engine for news coverage: who said what, and when.
#[derive(Debug, Parser)]
#[command(name = "newsdex", version, about, max_term_width = 100)]
pub struct Cli {
    /// Print nothing but results and errors.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more about what is going on (timings of each phase).
    #[arg(long, short, global = true)]
    pub verbose: bool,
    /// The index folder [default: ~/.local/share/newsdex/index].
    #[arg(long, global = true, env = "NEWSDEX_INDEX", value_name = "PATH")]
    pub index: Option<PathBuf>,
    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value = "auto")]
    pub color: ColorWhen,
    /// Speaker aliases file [default: NEWSDEX_ALIASES, or
    /// ~/.config/newsdex/aliases.txt when it exists].
    #[arg(long, global = true, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index folders of articles (or update the index after changes).
    Index(index::IndexArgs),
    /// Search the index: ranked passages with highlighted snippets.
    Search(search::SearchArgs),
    /// Who is quoted, and how often (optionally on a topic).
    Speakers(search::SpeakersArgs),
    /// Print what newsdex reads in article files, as JSON lines.
    Extract(extract::ExtractArgs),
    /// The index's health: counts, folders, and what changed since.
    Status(StatusArgs),
    /// Search inside quotations: what did X say about Y, and when.
    Quotes(search::QuotesArgs),
    /// Count matching passages over time, as a bar chart.
    Timeline(search::TimelineArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -`.
    Man,
}

/// Arguments of `newsdex status`.
#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// Print the status as JSON (schema/status.schema.json).
    #[arg(long)]
    pub json: bool,
}

/// Parses the command line and runs the subcommand.
pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let index = cli
        .index
        .clone()
        .unwrap_or_else(newsdex::index::default_path);
    let color = match cli.color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let terminal = io::stdout().is_terminal();
    let width = if terminal {
        terminal_size::terminal_size().map_or(80, |(w, _)| usize::from(w.0))
    } else {
        80
    };
    let style = render::Style {
        color,
        width,
        terminal,
    };
    let open = search::Opener {
        index: index.clone(),
        aliases: cli.aliases.clone(),
    };
    let code = match &cli.command {
        Command::Index(args) => index::run(args, &index, &mut out, cli.quiet, cli.verbose)?,
        Command::Search(args) => search::run(args, &open, &mut out, style, cli.verbose)?,
        Command::Quotes(args) => search::quotes(args, &open, &mut out, style)?,
        Command::Timeline(args) => search::timeline(args, &open, &mut out, style)?,
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(*shell, &mut Cli::command(), "newsdex", &mut out);
            ExitCode::SUCCESS
        }
        Command::Man => {
            use clap::CommandFactory;
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            ExitCode::SUCCESS
        }
        Command::Speakers(args) => search::speakers(args, &open, &mut out)?,
        Command::Extract(args) => extract::run(args, &mut out, cli.quiet)?,
        Command::Status(args) => {
            let s = newsdex::index::status::status(&index)?;
            if args.json {
                serde_json::to_writer(&mut out, &s)?;
                out.write_all(b"\n")?;
            } else {
                render::status(&mut out, &s)?;
            }
            // Exit 1 when a folder changed since it was last indexed.
            if s.folders.iter().all(|f| f.up_to_date()) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
    };
    out.flush()?;
    Ok(code)
}

/// True when the error is a closed pipe (`newsdex search x | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// The error and its causes on one line.
pub fn error_chain(err: &anyhow::Error) -> String {
    err.chain()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
