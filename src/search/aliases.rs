//! Speaker aliases: a user's own list of names that mean one person.
//!
//! The file (default `~/.config/newsdex/aliases.txt`, or `NEWSDEX_ALIASES`,
//! or `--aliases FILE`) has one person a line:
//!
//! ```text
//! # canonical name = other names, comma separated
//! Volodymyr Zelenskyy = Zelensky, Volodymyr Zelensky, Vladimir Zelensky
//! Lula = Luiz Inácio Lula da Silva, Lula da Silva
//! ```
//!
//! Aliases apply when searching, not when indexing: `--speaker` and the
//! speaker counts treat every listed name as the canonical one, and a change
//! to the file needs no reindex.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::extract::speakers::name_key;

/// Name keys of alias spellings, mapped to their canonical name.
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    canonical: HashMap<String, String>,
    /// Every name the file writes, with its canonical name, in file order.
    spellings: Vec<(String, String)>,
}

impl Aliases {
    /// The default file: `NEWSDEX_ALIASES`, or `aliases.txt` in the user's
    /// newsdex config folder.
    pub fn default_path() -> Option<PathBuf> {
        std::env::var_os("NEWSDEX_ALIASES")
            .map(PathBuf::from)
            .or_else(|| dirs::config_dir().map(|d| d.join("newsdex").join("aliases.txt")))
    }

    /// Reads an aliases file; a line that is not `Name = Other, Other` is an
    /// error naming the line.
    pub fn load(path: &Path) -> Result<Aliases, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Aliases::parse(&text).map_err(|(n, line)| {
            format!(
                "{}:{n}: {line:?} is not `Canonical Name = Other Name, Other Name`",
                path.display()
            )
        })
    }

    /// Parses the text of an aliases file; the error is the line number and line.
    pub fn parse(text: &str) -> Result<Aliases, (usize, String)> {
        let mut canonical = HashMap::new();
        let mut spellings = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((name, others)) = line.split_once('=') else {
                return Err((n + 1, line.to_string()));
            };
            let name = name.trim();
            if name.is_empty() {
                return Err((n + 1, line.to_string()));
            }
            canonical.insert(name_key(name), name.to_string());
            spellings.push((name.to_string(), name.to_string()));
            for other in others.split(',').map(str::trim).filter(|o| !o.is_empty()) {
                canonical.insert(name_key(other), name.to_string());
                spellings.push((other.to_string(), name.to_string()));
            }
        }
        Ok(Aliases {
            canonical,
            spellings,
        })
    }

    /// The canonical name for a name, if the file lists it.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.canonical.get(&name_key(name)).map(String::as_str)
    }

    /// Every spelling of the people `typed` may mean: those with a spelling
    /// in which each typed word begins a word ("kostyuk" gives "Pavel
    /// Kostyuk" and the "Pavel Kostiuk" the file joins to it).
    pub fn related(&self, typed: &str) -> Vec<&str> {
        let key = name_key(typed);
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let people: Vec<&str> = self
            .spellings
            .iter()
            .filter(|(spelling, _)| {
                let k = name_key(spelling);
                words
                    .iter()
                    .all(|w| k.split(' ').any(|kw| kw.starts_with(w)))
            })
            .map(|(_, c)| c.as_str())
            .collect();
        self.spellings
            .iter()
            .filter(|(_, c)| people.contains(&c.as_str()))
            .map(|(s, _)| s.as_str())
            .collect()
    }

    /// Every canonical name the file defines.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.canonical.values().map(String::as_str)
    }

    /// True when no aliases are defined.
    pub fn is_empty(&self) -> bool {
        self.canonical.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_map_names_to_the_canonical_one() {
        let a = Aliases::parse("# people\nLula = Luiz Inácio Lula da Silva, Lula da Silva\n\n")
            .unwrap();
        assert_eq!(a.canonical("lula da silva"), Some("Lula"));
        assert_eq!(a.canonical("Luiz Inacio Lula da Silva"), Some("Lula"));
        assert_eq!(a.canonical("Lula"), Some("Lula"));
        assert_eq!(a.canonical("Someone Else"), None);
    }

    #[test]
    fn a_bad_line_is_reported_with_its_number() {
        assert_eq!(Aliases::parse("A = B\nno equals sign").unwrap_err().0, 2);
    }
}
