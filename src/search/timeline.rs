//! Timelines: matching passages counted by day, week or month.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::Query;
use tantivy::schema::Field;

use super::SearchError;

/// The width of a timeline's buckets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// One bucket a day.
    Day,
    /// One bucket a week, starting on Monday.
    Week,
    /// One bucket a calendar month.
    Month,
}

/// One bucket of a timeline.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Bucket {
    /// First day of the bucket.
    #[serde(serialize_with = "as_day")]
    pub start: NaiveDate,
    /// Label: YYYY-MM-DD for days and weeks, YYYY-MM for months.
    pub label: String,
    /// Matching passages published in it.
    pub count: u64,
}

fn as_day<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

fn bucket_start(d: NaiveDate, by: Period) -> NaiveDate {
    match by {
        Period::Day => d,
        Period::Week => d - Duration::days(i64::from(d.weekday().num_days_from_monday())),
        Period::Month => d.with_day(1).expect("day 1 exists"),
    }
}

fn next_start(d: NaiveDate, by: Period) -> NaiveDate {
    match by {
        Period::Day => d + Duration::days(1),
        Period::Week => d + Duration::days(7),
        Period::Month => {
            let (y, m) = if d.month() == 12 {
                (d.year() + 1, 1)
            } else {
                (d.year(), d.month() + 1)
            };
            NaiveDate::from_ymd_opt(y, m, 1).expect("valid month")
        }
    }
}

/// Counts the dated passages matching `query`, with empty buckets filled
/// in between the first and the last.
pub fn count(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    date: Field,
    by: Period,
) -> Result<Vec<Bucket>, SearchError> {
    let docs = searcher.search(query, &DocSetCollector)?;
    let name = searcher.schema().get_field_name(date).to_string();
    let mut columns = Vec::new();
    for segment in searcher.segment_readers() {
        columns.push(segment.fast_fields().date(&name)?);
    }
    let mut counts: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    for addr in docs {
        let Some(d) = columns[addr.segment_ord as usize].first(addr.doc_id) else {
            continue;
        };
        let Some(day) = chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0) else {
            continue;
        };
        *counts
            .entry(bucket_start(day.date_naive(), by))
            .or_default() += 1;
    }
    let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    let mut at = first;
    while at <= last {
        let label = match by {
            Period::Month => at.format("%Y-%m").to_string(),
            _ => at.to_string(),
        };
        out.push(Bucket {
            start: at,
            label,
            count: counts.get(&at).copied().unwrap_or(0),
        });
        at = next_start(at, by);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_start_on_mondays_and_firsts() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 13).unwrap(); // a Thursday
        assert_eq!(bucket_start(d, Period::Week).to_string(), "2025-03-10");
        assert_eq!(bucket_start(d, Period::Month).to_string(), "2025-03-01");
        let dec = NaiveDate::from_ymd_opt(2024, 12, 1).unwrap();
        assert_eq!(next_start(dec, Period::Month).to_string(), "2025-01-01");
    }
}
