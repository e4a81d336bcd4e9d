//! The search experience: quotes, facets, time, query language and output.

use crate::util::{Env, json_lines, repo};

fn validate(schema_name: &str, values: &[serde_json::Value]) {
    let dir = repo().join("schema");
    let mut compiler = boon::Compiler::new();
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(schema_name)).unwrap()).unwrap();
    compiler.add_resource(schema_name, v).unwrap();
    let mut schemas = boon::Schemas::new();
    let id = compiler.compile(schema_name, &mut schemas).unwrap();
    for value in values {
        if let Err(e) = schemas.validate(value, id) {
            panic!("{schema_name}: {e:#}\n{value}");
        }
    }
}

#[test]
fn a_match_inside_a_quotation_shows_speaker_and_day() {
    let env = Env::with_corpus();
    env.index_corpus();
    let hits = json_lines(
        &env.ok(&["search", "settle", "--speaker", "voronin", "--json"])
            .stdout,
    );
    let hit = hits
        .iter()
        .find(|h| env.rel(h["path"].as_str().unwrap()) == "wire/velmora-talks-0311")
        .unwrap();
    let matched: Vec<_> = hit["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["matched"] == true)
        .collect();
    assert_eq!(matched.len(), 1, "{hit}");
    assert_eq!(matched[0]["speaker"], "Aleksander Voronin");
    let text = env.ok(&["search", "settle", "--speaker", "voronin"]).stdout;
    assert!(
        text.contains("We have to settle this, — Aleksander Voronin, 2025-03-10"),
        "{text}"
    );
}

#[test]
fn quotes_searches_inside_quoted_words_only() {
    let env = Env::with_corpus();
    env.index_corpus();
    let found = json_lines(&env.ok(&["quotes", "water", "--json", "-n", "50"]).stdout);
    assert!(!found.is_empty());
    for q in &found {
        assert!(
            q["text"].as_str().unwrap().to_lowercase().contains("water"),
            "{q}"
        );
        assert!(
            q["context"]
                .as_str()
                .unwrap()
                .contains(q["text"].as_str().unwrap()),
            "{q}"
        );
    }
    validate("quote-hit.schema.json", &found);
}

#[test]
fn quotes_of_a_speaker_newest_first() {
    let env = Env::with_corpus();
    env.index_corpus();
    let found = json_lines(
        &env.ok(&["quotes", "--speaker", "voronin", "--json", "-n", "100"])
            .stdout,
    );
    assert!(found.len() >= 8);
    assert!(found.iter().all(|q| q["speaker"] == "Aleksander Voronin"));
    let days: Vec<&str> = found
        .iter()
        .map(|q| q["said_on"].as_str().unwrap())
        .collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "{days:?}");
    let text = env
        .ok(&["quotes", "--speaker", "voronin", "-n", "1"])
        .stdout;
    assert!(text.starts_with("2025-05-"), "{text}");
}

#[test]
fn facets_beside_the_results() {
    let env = Env::with_corpus();
    env.index_corpus();
    let out = env
        .ok(&[
            "search", "strike", "--facet", "outlet", "--facet", "year", "--facet", "speaker",
            "--json",
        ])
        .stdout;
    let lines = json_lines(&out);
    let facets: Vec<_> = lines
        .iter()
        .filter(|l| l.get("facet").is_some())
        .cloned()
        .collect();
    assert!(
        facets
            .iter()
            .any(|f| f["facet"] == "outlet" && f["value"] == "Midland Courier")
    );
    assert!(
        facets
            .iter()
            .any(|f| f["facet"] == "year" && f["value"] == "2025")
    );
    assert!(facets.iter().any(|f| f["facet"] == "speaker"));
    validate("facet.schema.json", &facets);
    let csv = env
        .ok(&["search", "strike", "--facet", "outlet", "--csv"])
        .stdout;
    assert!(
        csv.starts_with("facet,value,count\noutlet,Midland Courier,"),
        "{csv}"
    );
    let text = env.ok(&["search", "strike", "--facet", "outlet"]).stdout;
    assert!(text.contains("by outlet:"));
}

#[test]
fn timeline_counts_over_time() {
    let env = Env::with_corpus();
    env.index_corpus();
    let buckets = json_lines(
        &env.ok(&["timeline", "ceasefire", "--by", "month", "--json"])
            .stdout,
    );
    let labels: Vec<&str> = buckets
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert!(labels.windows(2).all(|w| w[0] < w[1]));
    assert!(labels.contains(&"2025-03") && labels.contains(&"2025-04"));
    validate("timeline.schema.json", &buckets);
    // Weeks start on Monday, and empty weeks are shown.
    let weeks = json_lines(
        &env.ok(&["timeline", "strike", "--by", "week", "--json"])
            .stdout,
    );
    for w in &weeks {
        let d =
            chrono::NaiveDate::parse_from_str(w["start"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        assert_eq!(chrono::Datelike::weekday(&d), chrono::Weekday::Mon);
    }
    // The speaker filter narrows the counts.
    let all: u64 = buckets.iter().map(|b| b["count"].as_u64().unwrap()).sum();
    let his = json_lines(
        &env.ok(&["timeline", "ceasefire", "--speaker", "voronin", "--json"])
            .stdout,
    );
    let his: u64 = his.iter().map(|b| b["count"].as_u64().unwrap()).sum();
    assert!(his > 0 && his < all);
    let chart = env.ok(&["timeline", "ceasefire"]).stdout;
    assert!(
        chart
            .lines()
            .any(|l| l.starts_with("2025-04") && l.contains('█')),
        "{chart}"
    );
    let csv = env.ok(&["timeline", "ceasefire", "--csv"]).stdout;
    assert!(csv.starts_with("start,label,count\n"));
}

#[test]
fn prefix_and_typo_tolerance() {
    let env = Env::with_corpus();
    env.index_corpus();
    let exact = json_lines(
        &env.ok(&["search", "ceasefire", "--json", "-n", "50"])
            .stdout,
    );
    let prefix = json_lines(&env.ok(&["search", "ceasef*", "--json", "-n", "50"]).stdout);
    assert_eq!(prefix.len(), exact.len());
    let r = env.ok(&["search", "cesefire"]);
    assert!(r.stderr.contains("within one typo"), "{}", r.stderr);
    // Scripts get exact results unless they ask for --fuzzy.
    assert_eq!(env.run(&["search", "cesefire", "--json"]).code, 1);
    assert_eq!(env.run(&["search", "cesefire", "--exact"]).code, 1);
    // A typo is ranked as the word it stands for, not in the index's order.
    let typo = json_lines(
        &env.ok(&["search", "cesefire", "--fuzzy", "--json", "-n", "50"])
            .stdout,
    );
    let order = |hits: &[serde_json::Value]| -> Vec<String> {
        hits.iter().map(|h| h["article"].to_string()).collect()
    };
    assert_eq!(order(&typo)[..5], order(&exact)[..5]);
    // Field names for title, speaker, outlet and quote.
    for q in [
        "title:drava",
        "speaker:voronin",
        "outlet:\"midland courier\"",
        "quote:settle",
    ] {
        env.ok(&["search", q]);
    }
}

#[test]
fn sort_and_paging() {
    let env = Env::with_corpus();
    env.index_corpus();
    let newest = json_lines(
        &env.ok(&["search", "strike", "--sort", "-date", "--json", "-n", "20"])
            .stdout,
    );
    let days: Vec<&str> = newest.iter().map(|h| h["date"].as_str().unwrap()).collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "{days:?}");
    let page1 = json_lines(&env.ok(&["search", "strike", "--json", "-n", "3"]).stdout);
    let page2 = json_lines(
        &env.ok(&["search", "strike", "--json", "-n", "3", "--offset", "3"])
            .stdout,
    );
    let all = json_lines(&env.ok(&["search", "strike", "--json", "-n", "6"]).stdout);
    let ids = |v: &[serde_json::Value]| {
        v.iter()
            .map(|h| h["article"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!([ids(&page1), ids(&page2)].concat(), ids(&all));
}

#[test]
fn speaker_names_are_forgiven_or_explained() {
    let env = Env::with_corpus();
    env.index_corpus();
    for name in ["voronin", "VORONIN", "aleksander", "Aleksandr Voronin"] {
        let r = env.run(&["search", "ceasefire", "--speaker", name]);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
    }
}

#[test]
fn completions_and_man_page() {
    let env = Env::new();
    let bash = env.ok(&["completions", "bash"]).stdout;
    assert!(bash.contains("newsdex") && bash.contains("timeline"));
    let zsh = env.ok(&["completions", "zsh"]).stdout;
    assert!(zsh.contains("#compdef newsdex"));
    let man = env.ok(&["man"]).stdout;
    assert!(man.contains(".TH newsdex") && man.contains("quotes"));
}

#[test]
fn quiet_and_verbose_work_on_every_command() {
    let env = Env::with_corpus();
    let r = env.ok(&["index", "-q", env.corpus.to_str().unwrap()]);
    assert!(r.stdout.is_empty() && r.stderr.is_empty());
    let r = env.ok(&["-v", "index", env.corpus.to_str().unwrap()]);
    assert!(
        r.stderr.contains("walk, compare and index the folder"),
        "{}",
        r.stderr
    );
    let r = env.ok(&["search", "-v", "strike"]);
    assert!(r.stderr.contains("search took"));
    for cmd in [
        &["speakers", "-q"][..],
        &["status", "-q"],
        &["quotes", "water", "-v"],
        &["timeline", "strike", "-q"],
    ] {
        env.ok(cmd);
    }
}

#[test]
fn errors_say_what_to_do_next() {
    let env = Env::with_corpus();
    let r = env.run(&["quotes", "water"]);
    assert!(
        r.stderr.contains("run `newsdex index DIR` first"),
        "{}",
        r.stderr
    );
    env.index_corpus();
    let r = env.run(&["search", "strike", "--since", "last tuesday"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("use YYYY, YYYY-MM or YYYY-MM-DD"),
        "{}",
        r.stderr
    );
    let r = env.run(&["quotes"]);
    assert!(r.stderr.contains("--speaker"), "{}", r.stderr);
}

#[test]
fn an_ambiguous_speaker_lists_the_candidates() {
    let env = Env::with_corpus();
    std::fs::write(
        env.corpus.join("wire/marek-cousin.txt"),
        "Harbour pilots strike\n\nBy Jo Park\n2025-05-02\n\n“We will not guide ships in for free,” said pilot Tomas Marek.\n",
    )
    .unwrap();
    env.index_corpus();
    let r = env.run(&["search", "strike", "--speaker", "marek"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("Ilse Marek") && r.stderr.contains("Tomas Marek"),
        "{}",
        r.stderr
    );
    env.ok(&["search", "strike", "--speaker", "tomas marek"]);
}

#[test]
fn an_aliases_file_joins_spellings_of_one_person() {
    let env = Env::with_corpus();
    env.index_corpus();
    let kostyuk = |rows: &[serde_json::Value]| -> Vec<serde_json::Value> {
        rows.iter()
            .filter(|r| r["speaker"].as_str().unwrap().starts_with("Pavel Kost"))
            .cloned()
            .collect()
    };
    let before = json_lines(&env.ok(&["speakers", "--top", "100", "--json"]).stdout);
    assert_eq!(kostyuk(&before).len(), 2, "two spellings before");
    let file = env.root.join("aliases.txt");
    std::fs::write(&file, "# one person\nPavel Kostyuk = Pavel Kostiuk\n").unwrap();
    let after = json_lines(
        &env.ok(&[
            "--aliases",
            file.to_str().unwrap(),
            "speakers",
            "--top",
            "100",
            "--json",
        ])
        .stdout,
    );
    let merged = kostyuk(&after);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0]["speaker"], "Pavel Kostyuk");
    assert_eq!(merged[0]["variants"][0], "Pavel Kostiuk");
    // --speaker finds both spellings' quotations.
    let q = json_lines(
        &env.ok(&[
            "--aliases",
            file.to_str().unwrap(),
            "quotes",
            "--speaker",
            "kostyuk",
            "--json",
            "-n",
            "50",
        ])
        .stdout,
    );
    assert!(
        q.iter().any(|x| x["speaker"] == "Pavel Kostiuk")
            && q.iter().any(|x| x["speaker"] == "Pavel Kostyuk")
    );
    // A bad line is an error that names the file and line.
    std::fs::write(&file, "Pavel Kostyuk\n").unwrap();
    let r = env.run(&["--aliases", file.to_str().unwrap(), "speakers"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("aliases.txt:1"), "{}", r.stderr);
}
