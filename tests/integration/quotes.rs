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

/// How many expected quotations were found, with the right speaker and the
/// right day, and what went wrong.
struct Score {
    n: usize,
    found: usize,
    right: usize,
    dated: usize,
    misses: Vec<String>,
}

impl Score {
    fn pct(&self, k: usize) -> f64 {
        100.0 * k as f64 / self.n as f64
    }

    fn print(&self, what: &str) {
        println!(
            "{what}: found {}/{} ({:.1}%), right speaker {}/{} ({:.1}%), right day {}/{} ({:.1}%)",
            self.found,
            self.n,
            self.pct(self.found),
            self.right,
            self.n,
            self.pct(self.right),
            self.dated,
            self.n,
            self.pct(self.dated)
        );
        for m in &self.misses {
            println!("  {m}");
        }
    }
}

fn score(articles: &HashMap<String, Article>) -> Score {
    let rows = tsv("quotes.tsv");
    let mut s = Score {
        n: rows.len(),
        found: 0,
        right: 0,
        dated: 0,
        misses: Vec::new(),
    };
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
            s.misses.push(format!("missed  {path}: {quote}"));
            continue;
        };
        s.found += 1;
        let name = q.speaker.as_ref().map(|s| s.name.as_str());
        if same_speaker(speaker, name) {
            s.right += 1;
        } else {
            s.misses.push(format!(
                "speaker {path}: {quote:.40} -> {name:?}, want {speaker}"
            ));
        }
        let day = q
            .said_on
            .map(|d| d.to_string())
            .unwrap_or_else(|| "-".into());
        if day == *said_on {
            s.dated += 1;
        }
    }
    s
}

#[test]
fn expected_quotes_and_speakers() {
    let s = score(&articles());
    s.print("corpus-sample quotes");
    assert!(
        s.pct(s.found) >= 95.0,
        "quote recall fell to {:.1}%",
        s.pct(s.found)
    );
    assert!(
        s.pct(s.right) >= 85.0,
        "speaker accuracy fell to {:.1}%",
        s.pct(s.right)
    );
    assert!(
        s.pct(s.dated) >= 85.0,
        "said-on accuracy fell to {:.1}%",
        s.pct(s.dated)
    );
}

/// The text as a tokeniser leaves it: every punctuation mark that is not
/// inside a word stands between spaces ("“ We will win , ” she said ."); a
/// doubled mark ('' or ``) is one token.
fn tokenised(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 11 / 10);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let inside_word = matches!(c, '.' | ',' | '\'' | '’' | '-' | ':' | '/')
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || c.is_whitespace() || inside_word {
            out.push(c);
            i += 1;
            continue;
        }
        let len = if matches!(c, '\'' | '`') && chars.get(i + 1) == Some(&c) {
            2
        } else {
            1
        };
        if !out.is_empty() && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
        out.extend(&chars[i..i + len]);
        i += len;
        if chars.get(i).is_some_and(|n| !n.is_whitespace()) {
            out.push(' ');
        }
    }
    out
}

#[test]
fn expected_quotes_in_tokenised_text() {
    // The same articles as tokens joined by spaces, as quotation datasets
    // give them: nearly as many quotations and speakers as in the text as
    // written.
    let mut articles = articles();
    let running = score(&articles);
    for a in articles.values_mut() {
        a.text = tokenised(&a.text);
        a.quotes = extract::quotes::extract_quotes(&a.text, a.date);
    }
    let s = score(&articles);
    s.print("corpus-sample quotes, tokenised");
    assert!(
        s.found + 1 >= running.found && s.right + 2 >= running.right,
        "tokenised: found {} right {} of {}, against {} and {} as written",
        s.found,
        s.right,
        s.n,
        running.found,
        running.right
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
