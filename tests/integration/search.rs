//! Search: ranking, filters, JSON output, errors and exit codes.

use crate::util::{Env, json_lines};

#[test]
fn known_query_ranks_the_known_article_first() {
    let env = Env::with_corpus();
    env.index_corpus();
    let r = env.ok(&["search", "Drava corridor", "--json"]);
    let hits = json_lines(&r.stdout);
    assert!(!hits.is_empty());
    assert_eq!(
        env.rel(hits[0]["article"].as_str().unwrap()),
        "exports/northgate-feed-apr-may.jsonl#nw-20250422-drava-corridor"
    );
}

#[test]
fn speaker_filter_finds_the_quote_after_the_topic() {
    // The quotation names no ceasefire; the paragraph before it does.
    let env = Env::with_corpus();
    env.index_corpus();
    let r = env.ok(&[
        "search",
        "ceasefire",
        "--speaker",
        "voronin",
        "--json",
        "-n",
        "20",
    ]);
    let hits = json_lines(&r.stdout);
    assert!(hits.iter().all(|h| {
        h["speakers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "Aleksander Voronin")
    }));
    let hit = hits
        .iter()
        .find(|h| env.rel(h["path"].as_str().unwrap()) == "wire/velmora-talks-0311")
        .expect("the Monday quotation is found");
    assert!(
        hit["text"]
            .as_str()
            .unwrap()
            .contains("We have to settle this")
    );
    let q = hit["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"] == "We have to settle this,")
        .unwrap();
    assert_eq!(q["said_on"], "2025-03-10");
}

#[test]
fn speaker_filter_narrows_results() {
    let env = Env::with_corpus();
    env.index_corpus();
    let all = json_lines(
        &env.ok(&[
            "search",
            "ceasefire",
            "--json",
            "-n",
            "100",
            "--all-passages",
        ])
        .stdout,
    );
    let some = json_lines(
        &env.ok(&[
            "search",
            "ceasefire",
            "--json",
            "-n",
            "100",
            "--all-passages",
            "--speaker",
            "Aleksander Voronin",
        ])
        .stdout,
    );
    assert!(some.len() < all.len(), "{} vs {}", some.len(), all.len());
    assert!(!some.is_empty());
}

#[test]
fn date_filters_narrow_results() {
    let env = Env::with_corpus();
    env.index_corpus();
    let r = env.ok(&[
        "search",
        "strike",
        "--since",
        "2025-03-05",
        "--until",
        "2025-03-31",
        "--json",
        "-n",
        "50",
    ]);
    let hits = json_lines(&r.stdout);
    assert!(!hits.is_empty());
    for h in &hits {
        let d = h["date"].as_str().unwrap();
        assert!(("2025-03-05"..="2025-03-31").contains(&d), "{d}");
    }
    // A month alone means the whole month.
    let march = json_lines(
        &env.ok(&[
            "search", "strike", "--since", "2025-03", "--until", "2025-03", "--json", "-n", "50",
        ])
        .stdout,
    );
    assert!(march.len() >= hits.len());
    assert!(
        march
            .iter()
            .all(|h| h["date"].as_str().unwrap().starts_with("2025-03"))
    );
}

#[test]
fn outlet_filter_is_case_insensitive() {
    let env = Env::with_corpus();
    env.index_corpus();
    let hits = json_lines(
        &env.ok(&["search", "strike", "--outlet", "midland courier", "--json"])
            .stdout,
    );
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["outlet"] == "Midland Courier"));
}

#[test]
fn json_hits_follow_the_schema() {
    let env = Env::with_corpus();
    env.index_corpus();
    let r = env.ok(&["search", "water", "--json", "-n", "5"]);
    let schema = crate::util::repo().join("schema/hit.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema).unwrap()).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("hit.schema.json", schema).unwrap();
    let id = compiler.compile("hit.schema.json", &mut schemas).unwrap();
    for hit in json_lines(&r.stdout) {
        if let Err(e) = schemas.validate(&hit, id) {
            panic!("{e:#}\n{hit}");
        }
        // Highlights point at query terms in the snippet.
        let snippet: Vec<char> = hit["snippet"].as_str().unwrap().chars().collect();
        for h in hit["highlights"].as_array().unwrap() {
            let (s, e) = (
                h[0].as_u64().unwrap() as usize,
                h[1].as_u64().unwrap() as usize,
            );
            let word: String = snippet[s..e].iter().collect();
            assert!(word.to_lowercase().starts_with("water"), "{word}");
        }
    }
}

#[test]
fn one_passage_per_article_by_default() {
    let env = Env::with_corpus();
    env.index_corpus();
    let hits = json_lines(&env.ok(&["search", "strike", "--json", "-n", "50"]).stdout);
    let mut articles: Vec<&str> = hits
        .iter()
        .map(|h| h["article"].as_str().unwrap())
        .collect();
    let n = articles.len();
    articles.sort();
    articles.dedup();
    assert_eq!(articles.len(), n);
    let all = json_lines(
        &env.ok(&["search", "strike", "--json", "-n", "50", "--all-passages"])
            .stdout,
    );
    assert!(all.len() > n);
}

#[test]
fn bad_query_exits_2_with_one_line() {
    let env = Env::with_corpus();
    env.index_corpus();
    for q in ["nosuchfield:value", "\"unclosed"] {
        let r = env.run(&["search", q]);
        assert_eq!(r.code, 2, "{q}: {}", r.stderr);
        assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
        assert!(r.stderr.starts_with("newsdex: "));
    }
}

#[test]
fn no_hits_exits_1() {
    let env = Env::with_corpus();
    env.index_corpus();
    let r = env.run(&["search", "zzzqqqxxx"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
}

#[test]
fn unknown_and_ambiguous_speakers_are_explained() {
    let env = Env::with_corpus();
    env.index_corpus();
    let r = env.run(&["search", "water", "--speaker", "Nobody Atall"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("newsdex speakers"), "{}", r.stderr);
}

#[test]
fn missing_index_says_what_to_do() {
    let env = Env::new();
    let r = env.run(&["search", "water"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("run `newsdex index DIR` first"),
        "{}",
        r.stderr
    );
}

#[test]
fn plain_output_highlights_without_colour_off_a_terminal() {
    let env = Env::with_corpus();
    env.index_corpus();
    let r = env.ok(&["search", "Drava", "-n", "1"]);
    assert!(r.stdout.contains("[Drava]"), "{}", r.stdout);
    assert!(!r.stdout.contains('\u{1b}'));
    let r = env.ok(&["search", "Drava", "-n", "1", "--color", "always"]);
    assert!(r.stdout.contains('\u{1b}'));
}

#[test]
fn speakers_counts_who_is_quoted_on_a_topic() {
    let env = Env::with_corpus();
    env.index_corpus();
    let rows = json_lines(&env.ok(&["speakers", "ceasefire", "--json"]).stdout);
    assert_eq!(rows[0]["speaker"], "Aleksander Voronin");
    let counts: Vec<u64> = rows.iter().map(|r| r["count"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    // Filters apply to the counts too.
    let later = json_lines(
        &env.ok(&["speakers", "ceasefire", "--since", "2025-04-01", "--json"])
            .stdout,
    );
    let total = |rows: &[serde_json::Value]| {
        rows.iter()
            .map(|r| r["count"].as_u64().unwrap())
            .sum::<u64>()
    };
    assert!(total(&later) < total(&rows));
}

#[test]
fn pages_without_an_outlet_are_found_by_the_site_of_their_address() {
    let env = Env::new();
    std::fs::create_dir_all(&env.corpus).unwrap();
    // A page saved from the Wayback Machine: its address is only in the
    // archive's toolbar.
    std::fs::write(
        env.corpus.join("capture.html"),
        r#"<html><head><title>Harbour cranes idle as dockers walk out</title></head><body>
        <div id="wm-ipp"><form><input type="text" name="url" id="wmtbURL"
         value="http://news.harbourgazette.co.uk:80/2006/05/04/cranes.html"></form></div>
        <article><h1>Harbour cranes idle as dockers walk out</h1>
        <p>Dockers at the eastern terminal walked out on Thursday over the new shift pattern,
        leaving the harbour cranes idle for the first time in a decade.</p>
        <p>"We will stay out until the rota is withdrawn," said Ewan Marsh, the union's branch
        secretary.</p></article></body></html>"#,
    )
    .unwrap();
    // An export that names an address and no outlet.
    std::fs::write(
        env.corpus.join("feed.jsonl"),
        r#"{"id": "a1", "url": "https://www.harbourgazette.co.uk/2006/05/05/talks", "title": "Dock talks resume", "date": "2006-05-05", "text": "Talks between the dockers and the port authority resumed on Friday, a day after the walkout."}"#,
    )
    .unwrap();
    env.ok(&["index", env.corpus.to_str().unwrap()]);
    let hits = json_lines(
        &env.ok(&[
            "search",
            "dockers",
            "--outlet",
            "harbourgazette.co.uk",
            "--json",
        ])
        .stdout,
    );
    let hits: Vec<_> = hits.iter().filter(|h| h.get("facet").is_none()).collect();
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(hits.iter().all(|h| h["outlet"] == "harbourgazette.co.uk"));
}
