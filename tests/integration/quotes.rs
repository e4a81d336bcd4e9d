//! The extractor against the hand-written answers in corpus-sample/expected/,
//! through the library. The pass rate is printed (run with --nocapture) and
//! held to a floor so it cannot silently fall.

use std::collections::HashMap;

use newsdex::extract::{self, Article, speakers::name_key};
use newsdex::ingest::{self, walk};

use crate::util::repo;

fn norm(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect();
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn same_speaker(expected: &str, got: Option<&str>) -> bool {
    match got {
        None => expected == "-",
        Some(g) => {
            let (e, g) = (name_key(expected), name_key(g));
            e == g || e.rsplit(' ').next() == g.rsplit(' ').next()
        }
    }
}

fn articles() -> HashMap<String, Article> {
    let root = repo().join("corpus-sample");
    let mut out = HashMap::new();
    for found in walk::walk(&root) {
        let walk::Found::File(entry) = found else {
            continue;
        };
        let rel = entry
            .path
            .strip_prefix(&root)
            .unwrap()
            .display()
            .to_string();
        let read = ingest::read_file(&entry.path, entry.format, &rel).unwrap();
        for mut a in read.articles {
            extract::analyze(&mut a);
            out.insert(a.id.clone(), a);
        }
    }
    out
}

fn tsv(name: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(repo().join("corpus-sample/expected").join(name)).unwrap();
    text.lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn expected_quotes_and_speakers() {
    let articles = articles();
    let rows = tsv("quotes.tsv");
    let (mut found, mut right, mut dated) = (0, 0, 0);
    let mut misses = Vec::new();
    for row in &rows {
        let (path, speaker, said_on, quote) = (&row[0], &row[1], &row[2], &row[3]);
        let article = articles
            .get(path)
            .unwrap_or_else(|| panic!("no article {path}"));
        let want = norm(quote);
        let got = article.quotes.iter().find(|q| {
            let n = norm(&q.text);
            n == want || (n.len() > 10 && (n.contains(&want) || want.contains(&n)))
        });
        let Some(q) = got else {
            misses.push(format!("missed  {path}: {quote}"));
            continue;
        };
        found += 1;
        let name = q.speaker.as_ref().map(|s| s.name.as_str());
        if same_speaker(speaker, name) {
            right += 1;
        } else {
            misses.push(format!(
                "speaker {path}: {quote:.40} -> {name:?}, want {speaker}"
            ));
        }
        let day = q
            .said_on
            .map(|d| d.to_string())
            .unwrap_or_else(|| "-".into());
        if day == *said_on {
            dated += 1;
        }
    }
    let n = rows.len();
    let pct = |k: usize| 100.0 * k as f64 / n as f64;
    println!(
        "corpus-sample quotes: found {found}/{n} ({:.1}%), right speaker {right}/{n} ({:.1}%), right day {dated}/{n} ({:.1}%)",
        pct(found),
        pct(right),
        pct(dated)
    );
    for m in &misses {
        println!("  {m}");
    }
    assert!(
        pct(found) >= 95.0,
        "quote recall fell to {:.1}%",
        pct(found)
    );
    assert!(
        pct(right) >= 85.0,
        "speaker accuracy fell to {:.1}%",
        pct(right)
    );
    assert!(
        pct(dated) >= 85.0,
        "said-on accuracy fell to {:.1}%",
        pct(dated)
    );
}

#[test]
fn strings_that_are_not_speech() {
    let articles = articles();
    let rows = tsv("not-quotes.tsv");
    let wrongly: Vec<String> = rows
        .iter()
        .filter(|row| {
            let a = &articles[&row[0]];
            a.quotes
                .iter()
                .any(|q| norm(&q.text) == norm(&row[1]) && q.speaker.is_some())
        })
        .map(|row| format!("{}: {}", row[0], row[1]))
        .collect();
    println!(
        "not-speech strings attributed to a speaker: {}/{}: {wrongly:?}",
        wrongly.len(),
        rows.len()
    );
    assert!(wrongly.len() * 4 <= rows.len(), "{wrongly:?}");
}

#[test]
fn expected_metadata() {
    let articles = articles();
    let rows = tsv("metadata.tsv");
    let mut wrong = Vec::new();
    for row in &rows {
        let a = &articles[&row[0]];
        let got = [
            a.title.clone().unwrap_or("-".into()),
            a.outlet.clone().unwrap_or("-".into()),
            a.byline.clone().unwrap_or("-".into()),
            a.date.map(|d| d.to_string()).unwrap_or("-".into()),
        ];
        for (i, field) in ["title", "outlet", "byline", "date"].iter().enumerate() {
            if got[i] != row[i + 1] {
                wrong.push(format!(
                    "{} {field}: got {:?}, want {:?}",
                    row[0],
                    got[i],
                    row[i + 1]
                ));
            }
        }
    }
    println!("metadata fields wrong: {}/{}", wrong.len(), rows.len() * 4);
    for w in &wrong {
        println!("  {w}");
    }
    assert!(wrong.len() * 20 <= rows.len() * 4, "{wrong:#?}");
}
