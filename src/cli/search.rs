//! `newsdex search QUERY` and `newsdex speakers [QUERY]`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};

use newsdex::search::query::SortOrder;
use newsdex::search::{Request, Searcher, parse_day};

use super::render::{self, Style};

/// Filters shared by every command that queries the index.
#[derive(Debug, Args, Clone)]
pub struct Filters {
    /// Only passages quoting this speaker (repeatable; case, accents and
    /// partial names are forgiven: "putin" finds "Vladimir Putin").
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Only articles from this outlet (repeatable).
    #[arg(long, value_name = "NAME")]
    pub outlet: Vec<String>,
    /// Only articles published on or after this day (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only articles published on or before this day (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}

impl Filters {
    /// Checks the filters and turns them into a request.
    pub fn request(&self, query: Option<&str>) -> Result<Request> {
        let day = |s: &Option<String>, end: bool, flag: &str| -> Result<_> {
            match s {
                None => Ok(None),
                Some(s) => match parse_day(s, end) {
                    Some(d) => Ok(Some(d)),
                    None => bail!("--{flag} {s:?} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
                },
            }
        };
        Ok(Request {
            query: query.map(str::to_string),
            speakers: self.speaker.clone(),
            outlets: self.outlet.clone(),
            since: day(&self.since, false, "since")?,
            until: day(&self.until, true, "until")?,
            ..Request::default()
        })
    }
}

/// Hit order on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Sort {
    /// Best match first.
    Relevance,
    /// Oldest first.
    Date,
    /// Newest first.
    #[value(name = "-date")]
    NewestFirst,
}

/// Arguments of `newsdex search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query: words, "phrases", AND/OR/NOT, field:term
    /// (fields: title, text, quote, speaker, outlet, byline).
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    pub query: Option<String>,
    #[command(flatten)]
    pub filters: Filters,
    /// How many hits.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Skip this many hits (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Show every matching passage, not only the best one of each article.
    #[arg(long)]
    pub all_passages: bool,
    /// Order of hits.
    #[arg(
        long,
        value_enum,
        default_value = "relevance",
        allow_hyphen_values = true
    )]
    pub sort: Sort,
    /// One JSON object per hit (schema/hit.schema.json).
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `newsdex speakers`.
#[derive(Debug, Args)]
pub struct SpeakersArgs {
    /// Only passages matching this query.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    #[command(flatten)]
    pub filters: Filters,
    /// How many speakers.
    #[arg(long, default_value_t = 20)]
    pub top: usize,
    /// One JSON object per speaker (schema/speaker.schema.json).
    #[arg(long)]
    pub json: bool,
}

/// Runs a search and renders the hits. Exit 0 with hits, 1 without.
pub fn run(args: &SearchArgs, index: &Path, out: &mut dyn Write, style: Style) -> Result<ExitCode> {
    if args.query.is_none() && args.filters.speaker.is_empty() && args.filters.outlet.is_empty() {
        bail!("give a query, or a --speaker or --outlet filter (see `newsdex search --help`)");
    }
    let searcher = Searcher::open(index)?;
    let mut req = args.filters.request(args.query.as_deref())?;
    req.limit = args.limit.max(1);
    req.offset = args.offset;
    req.all_passages = args.all_passages;
    req.sort = match args.sort {
        Sort::Relevance => None,
        Sort::Date => Some(SortOrder::Date),
        Sort::NewestFirst => Some(SortOrder::DateDesc),
    };
    let hits = searcher.search(&req)?;
    for hit in &hits {
        if args.json {
            render::hit_json(out, hit)?;
        } else {
            render::hit(out, hit, style)?;
        }
    }
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Counts speakers and renders the table. Exit 0 with speakers, 1 without.
pub fn speakers(args: &SpeakersArgs, index: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    let searcher = Searcher::open(index)?;
    let req = args.filters.request(args.query.as_deref())?;
    let counts = searcher.speakers(&req, args.top.max(1))?;
    if args.json {
        for c in &counts {
            serde_json::to_writer(&mut *out, c)?;
            out.write_all(b"\n")?;
        }
    } else {
        render::speakers(out, &counts)?;
    }
    Ok(if counts.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
