//! JSON articles: one per `.json` file, one per line in `.jsonl`/`.ndjson`.
//!
//! The format is `schema/article.schema.json`: id, url, title, outlet,
//! byline, date, and the body as `text` or `html`. Unknown fields are
//! ignored, so exports from other tools load as they are.

use serde::Deserialize;

/// One article as written in JSON.
#[derive(Debug, Default, Deserialize)]
pub struct JsonArticle {
    /// The article's own identifier, kept as given.
    #[serde(default, deserialize_with = "string_or_number")]
    pub id: Option<String>,
    /// Original address.
    #[serde(default, alias = "link")]
    pub url: Option<String>,
    /// Headline.
    #[serde(default, alias = "headline")]
    pub title: Option<String>,
    /// Publication.
    #[serde(default, alias = "source", alias = "publication", alias = "publisher")]
    pub outlet: Option<String>,
    /// Author line.
    #[serde(
        default,
        alias = "author",
        alias = "authors",
        deserialize_with = "string_or_list"
    )]
    pub byline: Option<String>,
    /// Publication date, in any format newsdex reads.
    #[serde(
        default,
        alias = "published",
        alias = "datePublished",
        alias = "pubdate"
    )]
    pub date: Option<String>,
    /// Body as plain text.
    #[serde(default, alias = "body", alias = "content")]
    pub text: Option<String>,
    /// Body as HTML, used when there is no `text`.
    #[serde(default)]
    pub html: Option<String>,
}

fn string_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

fn string_or_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Array(items) => {
            let names: Vec<String> = items
                .iter()
                .filter_map(|i| match i {
                    serde_json::Value::String(s) => Some(s.clone()),
                    serde_json::Value::Object(m) => m.get("name")?.as_str().map(str::to_string),
                    _ => None,
                })
                .collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        serde_json::Value::Object(m) => m.get("name").and_then(|n| n.as_str()).map(str::to_string),
        _ => None,
    })
}

/// Parses one JSON article.
pub fn parse(text: &str) -> serde_json::Result<JsonArticle> {
    serde_json::from_str(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_aliases() {
        let a = parse(r#"{"id": 7, "headline": "H", "source": "S", "author": ["A", "B"], "date": "2025-01-02", "text": "T", "section": "ignored"}"#).unwrap();
        assert_eq!(a.id.as_deref(), Some("7"));
        assert_eq!(a.title.as_deref(), Some("H"));
        assert_eq!(a.outlet.as_deref(), Some("S"));
        assert_eq!(a.byline.as_deref(), Some("A, B"));
        assert_eq!(a.text.as_deref(), Some("T"));
    }
}
