//! Reindexing safely: exactness under random edits, kills, chaos, copies,
//! old schemas, and status.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use newsdex::index::state::indexed_articles;

use crate::util::{Env, json_lines, repo};

/// A small deterministic generator (xorshift), so failures replay.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn article(id: u64, version: u64) -> String {
    format!(
        "Harbour report {id}\n\nBy Test Writer\n2025-03-{:02}\n\nThe port authority met again about berth marker{id}v{version} \
         and the dredging contract.\n\n“We expect the work to finish on time,” said harbour master Edda Vik.\n",
        1 + id % 28
    )
}

/// The files of `dir` and their contents: the model of what the index must hold.
fn model(dir: &Path) -> BTreeMap<String, String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (p.display().to_string(), fs::read_to_string(&p).unwrap())
        })
        .collect()
}

fn assert_exact(env: &Env, dir: &Path, step: usize) {
    let want: Vec<String> = model(dir).into_keys().collect();
    let got = indexed_articles(&env.index).unwrap();
    assert_eq!(got, want, "index differs from the folder after step {step}");
}

#[test]
fn random_edits_keep_the_index_exact() {
    let env = Env::new();
    let dir = env.root.join("feed");
    fs::create_dir_all(&dir).unwrap();
    let mut rng = Rng(0x5eed_1234_abcd);
    let mut next_id = 0;
    let mut versions: BTreeMap<PathBuf, (u64, u64)> = BTreeMap::new();
    for _ in 0..12 {
        let p = dir.join(format!("a{next_id}.txt"));
        fs::write(&p, article(next_id, 0)).unwrap();
        versions.insert(p, (next_id, 0));
        next_id += 1;
    }
    env.ok(&["index", dir.to_str().unwrap(), "-q"]);
    assert_exact(&env, &dir, 0);
    for step in 1..=25 {
        for _ in 0..=rng.below(3) {
            let paths: Vec<PathBuf> = versions.keys().cloned().collect();
            let pick = paths
                .get((rng.next() as usize) % paths.len().max(1))
                .cloned();
            match rng.below(4) {
                0 => {
                    let p = dir.join(format!("a{next_id}.txt"));
                    fs::write(&p, article(next_id, 0)).unwrap();
                    versions.insert(p, (next_id, 0));
                    next_id += 1;
                }
                1 if !paths.is_empty() => {
                    let p = pick.clone().unwrap();
                    let (id, v) = versions[&p];
                    fs::write(&p, article(id, v + 1)).unwrap();
                    versions.insert(p, (id, v + 1));
                }
                2 if paths.len() > 2 => {
                    let p = pick.clone().unwrap();
                    fs::remove_file(&p).unwrap();
                    versions.remove(&p);
                }
                _ if !paths.is_empty() => {
                    let p = pick.clone().unwrap();
                    let to = dir.join(format!("renamed-{step}-{}.txt", rng.below(1000)));
                    if !to.exists() {
                        fs::rename(&p, &to).unwrap();
                        let v = versions.remove(&p).unwrap();
                        versions.insert(to, v);
                    }
                }
                _ => {}
            }
        }
        env.ok(&["index", dir.to_str().unwrap(), "-q"]);
        assert_exact(&env, &dir, step);
        // The current version of an edited article is searchable, once.
        if let Some((id, v)) = versions.values().find(|(_, v)| *v > 0) {
            let hits = json_lines(
                &env.ok(&[
                    "search",
                    &format!("text:marker{id}v{v}"),
                    "--json",
                    "--all-passages",
                ])
                .stdout,
            );
            assert_eq!(hits.len(), 1, "step {step}");
            let old = env.run(&["search", "--exact", &format!("marker{id}v{}", v - 1)]);
            assert_eq!(old.code, 1, "step {step}: an old version is still indexed");
        }
    }
}

#[test]
fn killing_the_indexer_never_loses_the_last_commit() {
    let env = Env::new();
    let dir = env.root.join("big");
    fs::create_dir_all(&dir).unwrap();
    for id in 0..2500 {
        fs::write(dir.join(format!("s{id:05}.txt")), article(id, 0)).unwrap();
    }
    let mut rng = Rng(0xdead_beef_0042);
    let mut kills = 0;
    for round in 0..20 {
        // Every file changes before each run, so each run has the whole
        // folder to redo and is still working when it is killed.
        if round > 0 {
            for id in 0..2500 {
                fs::write(dir.join(format!("s{id:05}.txt")), article(id, round)).unwrap();
            }
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsdex"))
            .args(["index", dir.to_str().unwrap(), "--commit-every", "0", "-q"])
            .env("NEWSDEX_INDEX", &env.index)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(20 + rng.below(400)));
        // Searches work while the indexer runs (once a first commit exists).
        if env.index.join("meta.json").exists() {
            let r = env.run(&["search", "dredging", "-q"]);
            assert!(
                r.code == 0 || r.code == 1,
                "search during a run: {}",
                r.stderr
            );
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            kills += 1;
        }
        child.wait().unwrap();
        if env.index.join("meta.json").exists() {
            // The last commit is searchable, and holds no duplicates.
            let r = env.run(&["search", "dredging", "-q"]);
            assert!(
                r.code == 0 || r.code == 1,
                "search after a kill: {}",
                r.stderr
            );
            let ids = indexed_articles(&env.index).unwrap();
            let mut dedup = ids.clone();
            dedup.dedup();
            let dups: Vec<_> = ids
                .windows(2)
                .filter(|w| w[0] == w[1])
                .map(|w| w[0].clone())
                .collect();
            assert_eq!(
                ids.len(),
                dedup.len(),
                "duplicates after a kill in round {round}: {dups:?}"
            );
        }
    }
    assert!(kills >= 10, "only {kills} runs were killed mid-way");
    // The next run finishes the job.
    env.ok(&["index", dir.to_str().unwrap(), "-q"]);
    assert_exact(&env, &dir, 0);
}

#[test]
fn chaos_folder_is_indexed_with_one_warning_per_bad_file() {
    let env = Env::new();
    let dir = env.root.join("chaos");
    fs::create_dir_all(dir.join("sub")).unwrap();
    let good = article(1, 0);
    fs::write(dir.join("good one.txt"), &good).unwrap();
    fs::write(dir.join("Überblick – ärger.md"), "---\ntitle: Ärger am Hafen\n---\n\nDer Hafenmeister sprach von „großen Problemen“ im Hafen.\n").unwrap();
    fs::write(
        dir.join("latin1.txt"),
        b"Prices\n\nThe club said tickets cost \xa310, \x93a fair price\x94 it said.\n",
    )
    .unwrap();
    fs::write(
        dir.join("unbalanced.txt"),
        "Unbalanced\n\nShe said \"this never closes.\n\nAnd “neither does this.\n",
    )
    .unwrap();
    fs::write(dir.join("binary.html"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    fs::write(dir.join("empty.txt"), "").unwrap();
    let big = fs::File::create(dir.join("huge.txt")).unwrap();
    big.set_len(100 * 1024 * 1024).unwrap();
    let deep = format!(
        "<html><body>{}deep harbour text{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    fs::write(dir.join("deep.html"), deep).unwrap();
    fs::write(dir.join(".DS_Store"), [0u8; 64]).unwrap();
    fs::write(dir.join("153.tar.gz"), [0x1f, 0x8b, 8, 0]).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&dir, dir.join("sub/loop")).unwrap();
        std::os::unix::fs::symlink(dir.join("vanished.txt"), dir.join("dangling.txt")).unwrap();
    }
    let locked = dir.join("locked.txt");
    fs::write(&locked, &good).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    }
    // As root, permissions do not stop a read: then the file is simply indexed.
    let unreadable = fs::read(&locked).is_err();

    let r = env.run(&["index", dir.to_str().unwrap(), "--json"]);
    assert_eq!(
        r.code, 1,
        "skips are reflected in the exit code:\n{}",
        r.stderr
    );
    let mut bad = vec![
        "binary.html",
        "empty.txt",
        "huge.txt",
        "deep.html",
        "loop",
        "dangling.txt",
    ];
    if unreadable {
        bad.push("locked.txt");
    }
    for name in &bad {
        let n = r.stderr.lines().filter(|l| l.contains(name)).count();
        assert_eq!(n, 1, "{name}: want one warning line:\n{}", r.stderr);
    }
    let s = &json_lines(&r.stdout)[0];
    // deep.html is indexed (with a warning); the others are skipped.
    assert_eq!(
        s["skipped"].as_u64().unwrap() as usize,
        bad.len() - 1,
        "{s}"
    );
    assert_eq!(s["ignored"], 1, "the .gz file: {s}");
    for q in [
        "dredging",
        "Hafenmeister",
        "\"fair price\"",
        "neither",
        "\"deep harbour text\"",
    ] {
        env.ok(&["search", q]);
    }
    let latin = json_lines(&env.ok(&["search", "tickets", "--json"]).stdout);
    assert!(latin[0]["text"].as_str().unwrap().contains("£10"));
}

#[test]
fn copies_of_a_story_collapse_into_one_hit() {
    let env = Env::with_corpus();
    let src = env.corpus.join("wire/velmora-talks-0311");
    fs::copy(&src, env.corpus.join("wire/velmora-talks-0311-refiled")).unwrap();
    fs::copy(&src, env.corpus.join("wire/velmora-talks-0312")).unwrap();
    let other = env.corpus.join("wire/tricounty-mediator-0310");
    fs::copy(
        &other,
        env.corpus.join("wire/tricounty-mediator-0310-refiled"),
    )
    .unwrap();
    env.index_corpus();
    let hits = json_lines(
        &env.ok(&["search", "\"Perhaps even face to face\"", "--json"])
            .stdout,
    );
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["also_in"].as_array().unwrap().len(), 2);
    // Two stories in one search: each hit names its own story's copies.
    let both = json_lines(
        &env.ok(&[
            "search",
            "\"Perhaps even face to face\" OR \"running commentary\"",
            "--json",
        ])
        .stdout,
    );
    assert_eq!(both.len(), 2, "{both:?}");
    for hit in &both {
        let own = hit["article"].as_str().unwrap();
        let stem = if own.contains("velmora") {
            "velmora"
        } else {
            "tricounty"
        };
        let copies = hit["also_in"].as_array().unwrap();
        let want = if stem == "velmora" { 2 } else { 1 };
        assert_eq!(copies.len(), want, "{hit}");
        assert!(
            copies
                .iter()
                .all(|c| c.as_str().unwrap().contains(stem) && c != own),
            "{hit}"
        );
    }
    let text = env.ok(&["search", "\"Perhaps even face to face\""]).stdout;
    assert!(text.contains("also in 2 other files"), "{text}");
    let all = json_lines(
        &env.ok(&[
            "search",
            "text:\"Perhaps even face to face\"",
            "--json",
            "--all-passages",
        ])
        .stdout,
    );
    assert_eq!(all.len(), 3);
}

#[test]
fn an_index_of_another_schema_is_detected_and_rebuilt() {
    let env = Env::with_corpus();
    env.index_corpus();
    // Make the index look as if an older newsdex built it.
    let meta_path = env.index.join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&meta_path).unwrap()).unwrap();
    meta["schema"]
        .as_array_mut()
        .unwrap()
        .retain(|f| f["name"] != "quote_count");
    fs::write(&meta_path, meta.to_string()).unwrap();

    let r = env.run(&["search", "Drava"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("another schema") && r.stderr.contains("--full"),
        "{}",
        r.stderr
    );
    let r = env.run(&["index", env.corpus.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("rebuilding"), "{}", r.stderr);
    env.ok(&["search", "Drava"]);
}

#[test]
fn status_reports_counts_folders_and_changes() {
    let env = Env::with_corpus();
    env.index_corpus();
    let r = env.ok(&["status", "--json"]);
    let s = &json_lines(&r.stdout)[0];
    assert_eq!(s["articles"], 48);
    assert_eq!(s["files"], 44);
    assert!(s["quotes"].as_u64().unwrap() > 250);
    assert!(s["speakers"].as_u64().unwrap() > 30);
    assert_eq!(s["folders"][0]["path"], env.corpus.display().to_string());
    let schema: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(repo().join("schema/status.schema.json")).unwrap(),
    )
    .unwrap();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("status.schema.json", schema).unwrap();
    let mut schemas = boon::Schemas::new();
    let id = compiler
        .compile("status.schema.json", &mut schemas)
        .unwrap();
    schemas.validate(s, id).unwrap();

    fs::write(env.corpus.join("wire/extra.txt"), article(7, 0)).unwrap();
    fs::remove_file(env.corpus.join("wire/lisbon-round-0403.txt")).unwrap();
    let r = env.run(&["status", "--json"]);
    assert_eq!(r.code, 1, "a changed folder exits 1");
    let f = &json_lines(&r.stdout)[0]["folders"][0];
    assert_eq!(
        (f["new"].as_u64(), f["removed"].as_u64()),
        (Some(1), Some(1))
    );
    let text = env.run(&["status"]).stdout;
    assert!(text.contains("1 new, 0 changed, 1 removed"), "{text}");
}
