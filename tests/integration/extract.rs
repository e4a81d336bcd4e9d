//! `newsdex extract`: what the indexer sees in an article.

use crate::util::{Env, json_lines};

#[test]
fn plain_text_wire_story() {
    let env = Env::with_corpus();
    let path = env.corpus.join("wire/velmora-talks-0311");
    let r = env.ok(&["extract", path.to_str().unwrap()]);
    let a = &json_lines(&r.stdout)[0];
    assert_eq!(a["outlet"], "Northgate Wire");
    assert_eq!(a["date"], "2025-03-11");
    assert_eq!(a["byline"], "Mikkel Strand");
    let quotes = a["quotes"].as_array().unwrap();
    let monday: Vec<_> = quotes
        .iter()
        .filter(|q| q["said_on"] == "2025-03-10")
        .collect();
    assert_eq!(monday.len(), 2, "{quotes:?}");
    assert!(monday.iter().all(|q| q["speaker"] == "Aleksander Voronin"));
    // Credits name no speakers.
    assert!(quotes.iter().all(|q| q["speaker"] != "Clara Boone"));
}

#[test]
fn jsonl_prints_one_line_per_article_with_its_id() {
    let env = Env::with_corpus();
    let path = env.corpus.join("exports/northgate-feed-apr-may.jsonl");
    let lines = json_lines(
        &env.ok(&["extract", "--no-text", path.to_str().unwrap()])
            .stdout,
    );
    assert_eq!(lines.len(), 3);
    assert!(
        lines
            .iter()
            .any(|l| l["id"] == "nw-20250422-drava-corridor")
    );
    assert!(lines[0].get("text").is_none());
}

#[test]
fn saved_page_metadata_and_body() {
    let env = Env::with_corpus();
    let path = env
        .corpus
        .join("saved-pages/coastal-post-velmora-envoy.html");
    let a = &json_lines(&env.ok(&["extract", path.to_str().unwrap()]).stdout)[0];
    assert_eq!(a["outlet"], "Coastal Post Daily");
    assert_eq!(a["date"], "2025-02-20");
    // The article is repeated inside a script on this page: quotes once.
    let texts: Vec<&str> = a["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    let mut dedup = texts.clone();
    dedup.sort();
    dedup.dedup();
    assert_eq!(dedup.len(), texts.len(), "{texts:?}");
    assert!(!a["text"].as_str().unwrap().contains("__PRELOADED_STATE__"));
}

#[test]
fn extract_output_follows_the_schema() {
    let env = Env::with_corpus();
    let files = [
        "wire/velmora-talks-0311",
        "exports/courier-ledger-export.jsonl",
        "ledger",
    ];
    let mut args = vec!["extract".to_string()];
    for f in files {
        let p = env.corpus.join(f);
        if p.is_dir() {
            for e in std::fs::read_dir(&p).unwrap() {
                args.push(e.unwrap().path().display().to_string());
            }
        } else {
            args.push(p.display().to_string());
        }
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let r = env.ok(&args);
    let dir = crate::util::repo().join("schema");
    let mut compiler = boon::Compiler::new();
    for name in ["extract.schema.json", "quote.schema.json"] {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap();
        compiler.add_resource(name, v).unwrap();
    }
    let mut schemas = boon::Schemas::new();
    let id = compiler
        .compile("extract.schema.json", &mut schemas)
        .unwrap();
    for line in json_lines(&r.stdout) {
        if let Err(e) = schemas.validate(&line, id) {
            panic!("{e:#}\n{line}");
        }
    }
}

#[test]
fn a_missing_file_is_reported_and_others_still_print() {
    let env = Env::with_corpus();
    let good = env.corpus.join("wire/velmora-talks-0311");
    let r = env.run(&["extract", "no-such-file.txt", good.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no-such-file.txt"), "{}", r.stderr);
    assert_eq!(json_lines(&r.stdout).len(), 1);
}
