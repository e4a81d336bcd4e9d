//! Dates as news writes them: publication dates in metadata and date lines,
//! and the relative days ("Monday", "yesterday") of an attribution.
//!
//! chrono does the calendar arithmetic; the tolerant reading of loose formats
//! ("Mon Oct 23, 2006 3:48pm EDT", "Jan. 13, 2017", "11 March 2025") is ours,
//! because no crate reads the whole range of formats that pages and wire
//! copy use.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone,
    Weekday,
};

/// A publication date: always a day, sometimes an exact time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    /// The calendar day in the source's own time zone.
    pub date: NaiveDate,
    /// The exact time, when the source gives one with a zone.
    pub time: Option<DateTime<FixedOffset>>,
}

/// Reads a date in any of the common formats; `None` when there is no
/// plausible date (years 1900 to 2100) in the text.
pub fn parse_date(text: &str) -> Option<Published> {
    parse_date_in(text, Slashes::MonthFirst)
}

/// A line that is a date and little else: "March 11, 2025",
/// "Published: 2025-03-11", "Updated Tue 4 Mar 2025 09.30 GMT".
pub fn is_date_line(l: &str) -> bool {
    l.len() < 100 && l.split_whitespace().count() <= 9 && parse_date(l).is_some()
}

/// How to read "02/10/2020": month first (US) or day first (most of the
/// world). Dots and dashes are always day first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slashes {
    /// 10 February, when the first number can be a month.
    MonthFirst,
    /// 2 October.
    DayFirst,
}

/// [`parse_date`], with slashed dates read as the source's locale writes them.
pub fn parse_date_in(text: &str, slashes: Slashes) -> Option<Published> {
    let text = text.trim();
    if text.is_empty() || text.len() > 120 {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(Published {
            date: t.date_naive(),
            time: Some(t),
        });
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(text) {
        return Some(Published {
            date: t.date_naive(),
            time: Some(t),
        });
    }
    parse_loose(text, slashes)
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(u32, usize),
    Month(u32),
    Word(String),
    Sep(char),
}

/// Full month names of languages whose three-letter prefixes the table in
/// [`month_number`] does not cover: Italian, Portuguese, Dutch, Romanian,
/// Austrian German; and the forms that follow a day number in Russian,
/// Ukrainian, Polish and Czech ("15 августа 2016", "3 marca 2020").
const MORE_MONTHS: [(&str, u32); 82] = [
    ("gennaio", 1),
    ("aprile", 4),
    ("settembre", 9),
    ("dicembre", 12),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("ottobre", 10),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("augustus", 8),
    ("ianuarie", 1),
    ("februarie", 2),
    ("martie", 3),
    ("aprilie", 4),
    ("iunie", 6),
    ("iulie", 7),
    ("septembrie", 9),
    ("octombrie", 10),
    ("noiembrie", 11),
    ("decembrie", 12),
    ("jänner", 1),
    ("febbraio", 2),
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    ("ledna", 1),
    ("února", 2),
    ("března", 3),
    ("dubna", 4),
    ("května", 5),
    ("června", 6),
    ("července", 7),
    ("srpna", 8),
    ("září", 9),
    ("října", 10),
    ("listopadu", 11),
    ("prosince", 12),
];

pub(crate) fn month_number(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.').to_lowercase();
    if let Some(&(_, m)) = MORE_MONTHS.iter().find(|(name, _)| *name == w) {
        return Some(m);
    }
    let m = match w.get(..3.min(w.len()))? {
        "jan" | "ene" => 1,
        "feb" | "fév" | "fev" => 2,
        "mar" | "mär" | "maa" => 3,
        "apr" | "avr" | "abr" => 4,
        "may" | "mai" | "mei" => 5,
        "jun" | "jui" if w.starts_with("jun") || w == "juin" => 6,
        "jul" | "jui" => 7,
        "aug" | "aoû" | "ago" => 8,
        "sep" | "set" => 9,
        "oct" | "okt" | "out" => 10,
        "nov" => 11,
        "dec" | "dez" | "dic" | "déc" => 12,
        _ => return None,
    };
    // "Mar" alone is March, but "market" is not a month.
    let full_ok = matches!(
        w.as_str(),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "sept"
            | "juni"
            | "juli"
            | "januar"
            | "februar"
            | "märz"
            | "oktober"
            | "dezember"
            | "juin"
            | "juillet"
            | "janvier"
            | "février"
            | "mars"
            | "avril"
            | "août"
            | "septembre"
            | "octobre"
            | "novembre"
            | "décembre"
            | "enero"
            | "febrero"
            | "marzo"
            | "abril"
            | "mayo"
            | "junio"
            | "julio"
            | "agosto"
            | "septiembre"
            | "octubre"
            | "noviembre"
            | "diciembre"
    );
    (w.chars().count() == 3 || full_ok).then_some(m)
}

fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_ascii_digit() {
            let mut end = i;
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                chars.next();
            }
            let s = &text[i..end];
            if let Ok(n) = s.parse() {
                toks.push(Tok::Num(n, s.len()));
            }
            // An English ordinal's suffix is part of the number: "November
            // 20th, 2019", "1st March 2020".
            let rest = &text[end..];
            if ["st", "nd", "rd", "th"]
                .iter()
                .any(|o| rest.get(..2).is_some_and(|r| r.eq_ignore_ascii_case(o)))
                && !rest[2..].starts_with(char::is_alphabetic)
            {
                chars.next();
                chars.next();
            }
        } else if c.is_alphabetic() {
            let mut end = i;
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphabetic() && d != '.' {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let w = &text[i..end];
            match month_number(w) {
                Some(m) => toks.push(Tok::Month(m)),
                None => toks.push(Tok::Word(w.trim_end_matches('.').to_lowercase())),
            }
        } else {
            if matches!(c, '-' | '/' | '.' | ':' | '+') {
                toks.push(Tok::Sep(c));
            }
            chars.next();
        }
    }
    toks
}

fn parse_loose(text: &str, slashes: Slashes) -> Option<Published> {
    let toks = tokenize(text);
    let mut date = None;
    let mut date_end = 0;
    for i in 0..toks.len() {
        let found = match &toks[i..] {
            // 2025-03-11, 2025/03/11, 2025.03.11
            [
                Tok::Num(y, 4),
                Tok::Sep(_),
                Tok::Num(m, _),
                Tok::Sep(_),
                Tok::Num(d, _),
                ..,
            ] => Some((ymd(*y, *m, *d), 5)),
            // 20250311
            [Tok::Num(n, 8), ..] => Some((ymd(n / 10000, n / 100 % 100, n % 100), 1)),
            // 11.03.2025 (day first, as in most of the world) or 03/11/2025.
            [
                Tok::Num(a, _),
                Tok::Sep(s1),
                Tok::Num(b, _),
                Tok::Sep(s2),
                Tok::Num(y, 4),
                ..,
            ] if s1 == s2 && *s1 != ':' && !matches!(toks.get(i + 5), Some(Tok::Sep(':'))) => {
                // (A "year" glued to a colon is a two-digit year run into a
                // time: "28.09.19" then "12:44" is not 28.09.1912.)
                // Slashes are month first (US style) when that reads as a date.
                let d = if *s1 == '/' && *a <= 12 && slashes == Slashes::MonthFirst {
                    ymd(*y, *a, *b)
                } else {
                    ymd(*y, *b, *a)
                };
                Some((d, 5))
            }
            // March 11, 2025 / Mar. 11 2025
            [Tok::Month(m), Tok::Num(d, 1..=2), Tok::Num(y, 4), ..] => Some((ymd(*y, *m, *d), 3)),
            // 11 March 2025 / 11. März 2025
            [Tok::Num(d, 1..=2), Tok::Month(m), Tok::Num(y, 4), ..] => Some((ymd(*y, *m, *d), 3)),
            [
                Tok::Num(d, 1..=2),
                Tok::Sep('.'),
                Tok::Month(m),
                Tok::Num(y, 4),
                ..,
            ] => Some((ymd(*y, *m, *d), 4)),
            // 11 de marzo de 2025
            [
                Tok::Num(d, 1..=2),
                Tok::Word(w1),
                Tok::Month(m),
                Tok::Word(w2),
                Tok::Num(y, 4),
                ..,
            ] if w1 == "de" && w2 == "de" => Some((ymd(*y, *m, *d), 5)),
            _ => None,
        };
        if let Some((Some(d), len)) = found {
            date = Some(d);
            date_end = i + len;
            break;
        }
    }
    let date = date?;
    // A time and zone after (or before) the date: "3:48pm EDT", "09:30 +0100".
    let time = find_time(&toks, date_end)
        .or_else(|| find_time(&toks, 0))
        .and_then(|(t, offset)| {
            let offset = offset?;
            offset
                .from_local_datetime(&NaiveDateTime::new(date, t))
                .single()
        });
    Some(Published { date, time })
}

fn ymd(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1900..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

fn find_time(toks: &[Tok], from: usize) -> Option<(NaiveTime, Option<FixedOffset>)> {
    for i in from..toks.len() {
        if let [
            Tok::Num(h, 1..=2),
            Tok::Sep(':'),
            Tok::Num(mi, 2),
            rest @ ..,
        ] = &toks[i..]
        {
            let mut h = *h;
            let mut rest = rest;
            let mut sec = 0;
            if let [Tok::Sep(':'), Tok::Num(s, 2), r @ ..] = rest {
                sec = *s;
                rest = r;
            }
            if let [Tok::Word(ampm), r @ ..] = rest {
                if ampm == "pm" || ampm == "p.m" {
                    if h < 12 {
                        h += 12;
                    }
                    rest = r;
                } else if ampm == "am" || ampm == "a.m" {
                    if h == 12 {
                        h = 0;
                    }
                    rest = r;
                }
            }
            let time = NaiveTime::from_hms_opt(h, *mi, sec.min(59))?;
            let offset = match rest {
                [Tok::Word(z), ..] => zone_offset(z),
                [Tok::Sep(s), Tok::Num(n, 4), ..] if *s == '+' || *s == '-' => {
                    let secs = (n / 100 * 3600 + n % 100 * 60) as i32;
                    FixedOffset::east_opt(if *s == '-' { -secs } else { secs })
                }
                [
                    Tok::Sep(s),
                    Tok::Num(hh, 2),
                    Tok::Sep(':'),
                    Tok::Num(mm, 2),
                    ..,
                ] if *s == '+' || *s == '-' => {
                    let secs = (hh * 3600 + mm * 60) as i32;
                    FixedOffset::east_opt(if *s == '-' { -secs } else { secs })
                }
                _ => None,
            };
            return Some((time, offset));
        }
    }
    None
}

fn zone_offset(zone: &str) -> Option<FixedOffset> {
    let hours = match zone {
        "utc" | "gmt" | "z" => 0,
        "edt" => -4,
        "est" | "cdt" => -5,
        "cst" | "mdt" => -6,
        "mst" | "pdt" => -7,
        "pst" => -8,
        "bst" | "cet" => 1,
        "cest" | "mesz" | "eet" => 2,
        "eest" | "msk" => 3,
        "ist" => return FixedOffset::east_opt(5 * 3600 + 1800),
        "jst" | "kst" => 9,
        _ => return None,
    };
    FixedOffset::east_opt(hours * 3600)
}

/// The day an attribution's time words point to, seen from the article's
/// date: "Monday" is the latest Monday on or before it, "yesterday" the day
/// before, "last week" seven days before.
pub fn resolve_relative(article_date: NaiveDate, words: &str) -> Option<NaiveDate> {
    let w = words.to_lowercase();
    let w = w.trim();
    if w == "yesterday" || w == "last night" {
        return article_date.checked_sub_signed(Duration::days(1));
    }
    if w == "today" || w == "this week" || w == "tonight" || w == "this morning" {
        return Some(article_date);
    }
    if w == "last week" {
        return article_date.checked_sub_signed(Duration::days(7));
    }
    let day = weekday(w.rsplit(' ').next()?)?;
    let back = (article_date.weekday().num_days_from_monday() + 7 - day.num_days_from_monday()) % 7;
    let back = if w.starts_with("last ") && back == 0 {
        7
    } else {
        back
    };
    article_date.checked_sub_signed(Duration::days(i64::from(back)))
}

/// A weekday name, in full or abbreviated.
pub fn weekday(w: &str) -> Option<Weekday> {
    Some(match w.to_lowercase().trim_end_matches('.') {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn slashed_dates_follow_the_locale() {
        let day = |s| parse_date_in("02/10/2020", s).map(|p| p.date.to_string());
        assert_eq!(day(Slashes::MonthFirst).as_deref(), Some("2020-02-10"));
        assert_eq!(day(Slashes::DayFirst).as_deref(), Some("2020-10-02"));
        // A first number over 12 is a day either way; dots are day first.
        assert_eq!(
            parse_date("25/10/2020")
                .map(|p| p.date.to_string())
                .as_deref(),
            Some("2020-10-25")
        );
        assert_eq!(
            parse_date("02.10.2020")
                .map(|p| p.date.to_string())
                .as_deref(),
            Some("2020-10-02")
        );
    }

    #[test]
    fn english_ordinals_are_days() {
        for (text, want) in [
            ("Published November 20th, 2019 - 07:50 GMT", "2019-11-20"),
            ("1st March 2020", "2020-03-01"),
            ("Mar 2nd 2021", "2021-03-02"),
        ] {
            assert_eq!(
                parse_date(text).map(|p| p.date.to_string()).as_deref(),
                Some(want),
                "{text}"
            );
        }
        // Letters run on are not an ordinal: "20this" is no day.
        assert_eq!(parse_date("November 20this 2019"), None);
    }

    #[test]
    fn a_short_year_run_into_a_time_is_not_a_year() {
        // Two cells, "14.03.21" and "12:44", read as one text.
        assert_eq!(parse_date("14.03.2112:44"), None);
        assert_eq!(
            parse_date("14.03.2021 12:44").map(|p| p.date.to_string()),
            Some("2021-03-14".to_string())
        );
    }

    #[test]
    fn month_names_of_more_languages() {
        for (text, want) in [
            ("15 августа 2016, 13:43", "2016-08-15"),
            ("3 березня 2021", "2021-03-03"),
            ("3 marca 2020", "2020-03-03"),
            ("12. října 2019", "2019-10-12"),
            ("20 septembrie 2020", "2020-09-20"),
            ("3 maggio 2019", "2019-05-03"),
            ("12 de outubro de 2021", "2021-10-12"),
            ("5 maart 2018", "2018-03-05"),
            ("1. Jänner 2022", "2022-01-01"),
        ] {
            assert_eq!(
                parse_date(text).map(|p| p.date.to_string()).as_deref(),
                Some(want),
                "{text}"
            );
        }
    }

    #[test]
    fn iso_and_rfc_dates() {
        assert_eq!(parse_date("2025-03-04").unwrap().date, day("2025-03-04"));
        let p = parse_date("2025-03-04T23:30:00-05:00").unwrap();
        assert_eq!(p.date, day("2025-03-04"));
        assert!(p.time.is_some());
        assert_eq!(
            parse_date("Tue, 04 Mar 2025 09:30:00 +0000").unwrap().date,
            day("2025-03-04")
        );
        assert_eq!(
            parse_date("2025-03-04 16:43:30").unwrap().date,
            day("2025-03-04")
        );
    }

    #[test]
    fn wire_date_lines() {
        let p = parse_date("Mon Oct 23, 2006 3:48pm EDT").unwrap();
        assert_eq!(p.date, day("2006-10-23"));
        assert_eq!(p.time.unwrap().to_rfc3339(), "2006-10-23T15:48:00-04:00");
    }

    #[test]
    fn written_out_dates() {
        assert_eq!(
            parse_date("March 11, 2025").unwrap().date,
            day("2025-03-11")
        );
        assert_eq!(parse_date("Jan. 13, 2017").unwrap().date, day("2017-01-13"));
        assert_eq!(parse_date("11 March 2025").unwrap().date, day("2025-03-11"));
        assert_eq!(
            parse_date("Published: 2025-03-11").unwrap().date,
            day("2025-03-11")
        );
        assert_eq!(
            parse_date("8:43 AM, April 19, 2013").unwrap().date,
            day("2013-04-19")
        );
        assert_eq!(parse_date("17. Mai 2019").unwrap().date, day("2019-05-17"));
        assert_eq!(parse_date("13.10.2005").unwrap().date, day("2005-10-13"));
    }

    #[test]
    fn non_dates_are_rejected() {
        assert_eq!(parse_date("the market rallied"), None);
        assert_eq!(parse_date("3:48pm"), None);
        assert_eq!(parse_date("Room 1234"), None);
    }

    #[test]
    fn weekdays_resolve_backwards() {
        // Tuesday 22 April 2025: "Monday" is the 21st.
        let tue = day("2025-04-22");
        assert_eq!(resolve_relative(tue, "Monday"), Some(day("2025-04-21")));
        assert_eq!(
            resolve_relative(tue, "late Monday"),
            Some(day("2025-04-21"))
        );
        assert_eq!(resolve_relative(tue, "Tuesday"), Some(tue));
        assert_eq!(resolve_relative(tue, "Sunday"), Some(day("2025-04-20")));
        assert_eq!(resolve_relative(tue, "Wednesday"), Some(day("2025-04-16")));
        assert_eq!(resolve_relative(tue, "yesterday"), Some(day("2025-04-21")));
        assert_eq!(resolve_relative(tue, "last week"), Some(day("2025-04-15")));
    }
}
