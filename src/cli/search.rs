//! `newsdex search QUERY` and `newsdex speakers [QUERY]`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};

use newsdex::search::aliases::Aliases;
use newsdex::search::query::SortOrder;
use newsdex::search::timeline::Period;
use newsdex::search::{Facet, Request, Searcher, parse_day};

use super::render::{self, Style};

/// Opens the index with the user's speaker aliases.
pub struct Opener {
    /// The index folder.
    pub index: std::path::PathBuf,
    /// `--aliases FILE`, if given.
    pub aliases: Option<std::path::PathBuf>,
}

impl Opener {
    fn open(&self) -> Result<Searcher> {
        let searcher = Searcher::open(&self.index)?;
        let path = match &self.aliases {
            Some(p) => Some(p.clone()),
            None => Aliases::default_path().filter(|p| p.exists()),
        };
        Ok(match path {
            Some(p) => searcher.with_aliases(Aliases::load(&p).map_err(anyhow::Error::msg)?),
            None => searcher,
        })
    }
}

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
    /// Count matching passages by speaker, outlet or year, beside the hits
    /// (repeatable).
    #[arg(long, value_enum, value_name = "FACET")]
    pub facet: Vec<FacetArg>,
    /// Forgive one typo per word. Without --json, a query that matches
    /// nothing exactly is retried this way, with a note on stderr.
    #[arg(long, conflicts_with = "exact")]
    pub fuzzy: bool,
    /// Never retry a query with typos forgiven.
    #[arg(long)]
    pub exact: bool,
    /// One JSON object per hit (schema/hit.schema.json), then one per facet
    /// count (schema/facet.schema.json).
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print the --facet tables as CSV (facet,value,count) instead of hits.
    #[arg(long, requires = "facet")]
    pub csv: bool,
}

/// A facet on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FacetArg {
    /// Named speakers quoted.
    Speaker,
    /// Publications.
    Outlet,
    /// Years of publication.
    Year,
}

impl From<FacetArg> for Facet {
    fn from(f: FacetArg) -> Facet {
        match f {
            FacetArg::Speaker => Facet::Speaker,
            FacetArg::Outlet => Facet::Outlet,
            FacetArg::Year => Facet::Year,
        }
    }
}

/// Arguments of `newsdex quotes`.
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Words to find inside quotations (all of them); none lists everything
    /// the speakers said, newest first.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    #[command(flatten)]
    pub filters: Filters,
    /// How many quotations.
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    /// Skip this many quotations.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Order: relevance (with a query), date, or -date (newest first).
    #[arg(long, value_enum, allow_hyphen_values = true)]
    pub sort: Option<Sort>,
    /// One JSON object per quotation (schema/quote-hit.schema.json).
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `newsdex timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Passages to count; none counts every passage that passes the filters.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    #[command(flatten)]
    pub filters: Filters,
    /// Bucket width.
    #[arg(long, value_enum, default_value = "month")]
    pub by: By,
    /// One JSON object per bucket (schema/timeline.schema.json).
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// CSV: start,label,count.
    #[arg(long)]
    pub csv: bool,
}

/// Timeline bucket width on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum By {
    /// One bar a day.
    Day,
    /// One bar a week (from Monday).
    Week,
    /// One bar a month.
    Month,
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
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// CSV: speaker,count,variants.
    #[arg(long)]
    pub csv: bool,
}

/// Runs a search and renders the hits. Exit 0 with hits, 1 without.
pub fn run(
    args: &SearchArgs,
    open: &Opener,
    out: &mut dyn Write,
    style: Style,
    verbose: bool,
) -> Result<ExitCode> {
    if args.query.is_none() && args.filters.speaker.is_empty() && args.filters.outlet.is_empty() {
        bail!("give a query, or a --speaker or --outlet filter (see `newsdex search --help`)");
    }
    let started = std::time::Instant::now();
    let searcher = open.open()?;
    let opened = started.elapsed();
    let mut req = args.filters.request(args.query.as_deref())?;
    req.limit = args.limit.max(1);
    req.offset = args.offset;
    req.all_passages = args.all_passages;
    req.fuzzy = args.fuzzy;
    req.sort = sort_order(Some(args.sort));
    let mut hits = searcher.search(&req)?;
    if hits.is_empty() && !req.fuzzy && !args.exact && !args.json && req.query.is_some() {
        // Nothing matched exactly: forgive one typo per word, and say so.
        req.fuzzy = true;
        hits = searcher.search(&req)?;
        if !hits.is_empty() {
            eprintln!("newsdex: no exact matches; showing matches within one typo");
        }
    }
    let facets: Vec<(Facet, Vec<(String, u64)>)> = args
        .facet
        .iter()
        .map(|f| {
            Ok((
                Facet::from(*f),
                searcher.facet_counts(&req, (*f).into(), 10)?,
            ))
        })
        .collect::<Result<_>>()?;
    if args.csv {
        render::facets_csv(out, &facets)?;
    } else {
        for hit in &hits {
            if args.json {
                render::hit_json(out, hit)?;
            } else {
                render::hit(out, hit, style)?;
            }
        }
        if args.json {
            render::facets_json(out, &facets)?;
        } else {
            render::facets(out, &facets, style)?;
        }
    }
    if verbose {
        eprintln!(
            "newsdex: search took {:.1} ms (opening the index {:.1} ms)",
            started.elapsed().as_secs_f64() * 1000.0,
            opened.as_secs_f64() * 1000.0
        );
    }
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn sort_order(sort: Option<Sort>) -> Option<SortOrder> {
    match sort? {
        Sort::Relevance => None,
        Sort::Date => Some(SortOrder::Date),
        Sort::NewestFirst => Some(SortOrder::DateDesc),
    }
}

/// Lists quotations. Exit 0 with some, 1 without.
pub fn quotes(
    args: &QuotesArgs,
    open: &Opener,
    out: &mut dyn Write,
    style: Style,
) -> Result<ExitCode> {
    if args.query.is_none() && args.filters.speaker.is_empty() {
        bail!("give words to find in quotations, or a --speaker (see `newsdex quotes --help`)");
    }
    let searcher = open.open()?;
    let mut req = args.filters.request(args.query.as_deref())?;
    req.limit = args.limit.max(1);
    req.offset = args.offset;
    req.sort = sort_order(args.sort);
    let found = searcher.quotes(&req)?;
    for q in &found {
        if args.json {
            serde_json::to_writer(&mut *out, q)?;
            out.write_all(b"\n")?;
        } else {
            render::quote(out, q, style)?;
        }
    }
    Ok(if found.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Counts matching passages over time. Exit 0 with some, 1 without.
pub fn timeline(
    args: &TimelineArgs,
    open: &Opener,
    out: &mut dyn Write,
    style: Style,
) -> Result<ExitCode> {
    let searcher = open.open()?;
    let req = args.filters.request(args.query.as_deref())?;
    let by = match args.by {
        By::Day => Period::Day,
        By::Week => Period::Week,
        By::Month => Period::Month,
    };
    let buckets = searcher.timeline(&req, by)?;
    if args.json {
        for b in &buckets {
            serde_json::to_writer(&mut *out, b)?;
            out.write_all(b"\n")?;
        }
    } else if args.csv {
        let mut w = csv::Writer::from_writer(&mut *out);
        w.write_record(["start", "label", "count"])?;
        for b in &buckets {
            w.write_record([b.start.to_string(), b.label.clone(), b.count.to_string()])?;
        }
        w.flush()?;
    } else {
        render::timeline(out, &buckets, style)?;
    }
    Ok(if buckets.iter().all(|b| b.count == 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Counts speakers and renders the table. Exit 0 with speakers, 1 without.
pub fn speakers(args: &SpeakersArgs, open: &Opener, out: &mut dyn Write) -> Result<ExitCode> {
    let searcher = open.open()?;
    let req = args.filters.request(args.query.as_deref())?;
    let counts = searcher.speakers(&req, args.top.max(1))?;
    if args.json {
        for c in &counts {
            serde_json::to_writer(&mut *out, c)?;
            out.write_all(b"\n")?;
        }
    } else if args.csv {
        let mut w = csv::Writer::from_writer(&mut *out);
        w.write_record(["speaker", "count", "variants"])?;
        for c in &counts {
            w.write_record([
                c.speaker.clone(),
                c.count.to_string(),
                c.variants.join("; "),
            ])?;
        }
        w.flush()?;
    } else {
        render::speakers(out, &counts)?;
    }
    Ok(if counts.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
