//! Indexing: summaries, incremental reruns, bad input.

use std::fs;

use crate::util::{Env, json_lines, repo};

fn summary(env: &Env) -> serde_json::Value {
    let r = env.run(&["index", env.corpus.to_str().unwrap(), "--json"]);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    json_lines(&r.stdout).remove(0)
}

#[test]
fn first_run_indexes_every_article() {
    let env = Env::with_corpus();
    let s = summary(&env);
    assert_eq!(s["skipped"], 0);
    assert_eq!(s["added"], 44, "{s}");
    assert_eq!(s["articles"], 48, "{s}");
    // The expected/ TSV files are not articles.
    assert_eq!(s["ignored"], 3, "{s}");
}

#[test]
fn rerun_reads_only_what_changed() {
    let env = Env::with_corpus();
    summary(&env);
    let again = summary(&env);
    assert_eq!(again["unchanged"], 44);
    assert_eq!(again["added"], 0);
    assert_eq!(again["articles"], 0);

    // Edit one file, delete one, add one, touch one without changing it.
    let edited = env.corpus.join("wire/velmora-talks-0311");
    let text = fs::read_to_string(&edited).unwrap();
    fs::write(
        &edited,
        text.replace(
            "Perhaps even face to face.",
            "Perhaps even in Lisbon itself.",
        ),
    )
    .unwrap();
    fs::remove_file(env.corpus.join("wire/lisbon-round-0403.txt")).unwrap();
    fs::write(env.corpus.join("wire/new-story.txt"), "Harbour cranes idle\n\nBy Ana Pereira\n2025-05-02\n\n“The cranes will turn again by June,” said port director Halvard Lunde.\n").unwrap();
    let touched = env.corpus.join("ledger");
    let first_md = fs::read_dir(&touched)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let content = fs::read(&first_md).unwrap();
    fs::write(&first_md, content).unwrap();

    let s = summary(&env);
    assert_eq!(
        (
            s["added"].as_u64(),
            s["updated"].as_u64(),
            s["removed"].as_u64()
        ),
        (Some(1), Some(1), Some(1)),
        "{s}"
    );
    // 44 files less the edited and the deleted one; the touched file is
    // read, found identical by hash, and left as it was.
    assert_eq!(s["unchanged"], 42, "{s}");

    // The index holds exactly the current text: no ghosts, no duplicates.
    let gone = env.run(&["search", "\"Perhaps even face to face\""]);
    assert_eq!(gone.code, 1, "{}", gone.stdout);
    let now = json_lines(
        &env.ok(&[
            "search",
            "text:\"Perhaps even in Lisbon itself\"",
            "--json",
            "--all-passages",
        ])
        .stdout,
    );
    assert_eq!(now.len(), 1);
    let deleted = env.run(&["search", "\"ready to sign a fair and durable\""]);
    assert_eq!(deleted.code, 1);
    let new = json_lines(
        &env.ok(&["search", "cranes", "--speaker", "lunde", "--json"])
            .stdout,
    );
    assert_eq!(new.len(), 1);
}

#[test]
fn full_rebuild_gives_the_same_index() {
    let env = Env::with_corpus();
    summary(&env);
    let before = env
        .ok(&["search", "water", "--json", "-n", "100", "--all-passages"])
        .stdout;
    let r = env.ok(&["index", "--full", env.corpus.to_str().unwrap(), "--json"]);
    assert_eq!(json_lines(&r.stdout)[0]["added"], 44);
    let after = env
        .ok(&["search", "water", "--json", "-n", "100", "--all-passages"])
        .stdout;
    assert_eq!(json_lines(&before).len(), json_lines(&after).len());
}

#[test]
fn two_folders_in_one_index_and_removing_one() {
    let env = Env::with_corpus();
    let other = env.root.join("other");
    fs::create_dir_all(&other).unwrap();
    fs::write(other.join("note.txt"), "Ferry timetable changes\n\nBy Jo Park\n2025-05-03\n\n“The winter timetable ends early,” said ferry operator Signe Dahl.\n").unwrap();
    env.ok(&[
        "index",
        env.corpus.to_str().unwrap(),
        other.to_str().unwrap(),
    ]);
    env.ok(&["search", "Dahl"]);
    env.ok(&["index", "--remove", other.to_str().unwrap()]);
    assert_eq!(env.run(&["search", "Dahl"]).code, 1);
    env.ok(&["search", "Drava"]);
    // Indexing one folder again leaves the other alone.
    env.ok(&["index", other.to_str().unwrap()]);
    env.ok(&["search", "Drava"]);
    env.ok(&["search", "Dahl"]);
}

#[test]
fn bad_files_are_reported_and_the_run_goes_on() {
    let env = Env::with_corpus();
    let bad = env.corpus.join("bad-input");
    fs::create_dir_all(&bad).unwrap();
    for e in fs::read_dir(repo().join("tests/fixtures/bad-input")).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), bad.join(e.file_name())).unwrap();
    }
    let r = env.run(&["index", env.corpus.to_str().unwrap()]);
    assert_eq!(r.code, 1, "skipped files are reflected in the exit code");
    for name in [
        "binary-named.txt",
        "empty.txt",
        "broken.json",
        "mixed.jsonl",
    ] {
        let lines: Vec<&str> = r.stderr.lines().filter(|l| l.contains(name)).collect();
        assert!(!lines.is_empty(), "{name} not reported:\n{}", r.stderr);
        assert!(lines.iter().all(|l| l.starts_with("newsdex: warning: ")));
    }
    // Each says what is wrong and what happens or what to do.
    for (name, says) in [
        ("empty.txt", "empty file: nothing to index"),
        (
            "binary-named.txt",
            "remove it or give it a non-article extension",
        ),
        ("broken.json", "see schema/article.schema.json"),
    ] {
        assert!(
            r.stderr
                .lines()
                .any(|l| l.contains(name) && l.contains(says)),
            "{name}: {says:?} not said:\n{}",
            r.stderr
        );
    }
    // The good record of the mixed JSONL and the unbalanced text are indexed.
    env.ok(&["search", "\"bridge reopens\""]);
    env.ok(&["search", "\"another paragraph\""]);
    // The corpus is all there.
    env.ok(&["search", "Drava"]);
}

#[test]
fn a_second_indexer_is_refused() {
    let env = Env::with_corpus();
    env.index_corpus();
    // Hold tantivy's writer lock as a running indexer would.
    let lock = env.index.join(".tantivy-writer.lock");
    let file = fs::File::create(&lock).unwrap();
    file.lock().unwrap();
    let r = env.run(&["index", env.corpus.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("another newsdex is indexing"),
        "{}",
        r.stderr
    );
    // Searches still work meanwhile.
    env.ok(&["search", "Drava"]);
}

fn segments(env: &Env) -> usize {
    let meta: serde_json::Value =
        serde_json::from_slice(&fs::read(env.index.join("meta.json")).unwrap()).unwrap();
    meta["segments"].as_array().unwrap().len()
}

#[test]
fn a_run_leaves_its_small_segments_merged() {
    // Each indexing thread writes its own segment, and each update run adds
    // one: a search pays for every segment it opens, so a run merges the
    // small ones it leaves.
    let env = Env::with_corpus();
    summary(&env);
    assert_eq!(segments(&env), 1);
    fs::write(
        env.corpus.join("wire/late-story.txt"),
        "Ferry strike ends\n\nBy Ana Pereira\n2025-05-03\n\n“The boats sail at dawn,” said union steward Mira Holt.\n",
    )
    .unwrap();
    let s = summary(&env);
    assert_eq!(s["added"], 1, "{s}");
    assert_eq!(segments(&env), 1);
    let hits = env.ok(&["search", "boats", "--json"]);
    assert!(hits.stdout.contains("late-story.txt"), "{}", hits.stdout);
}
