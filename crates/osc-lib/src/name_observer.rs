//! The name cache's view of a list printed as its rows come (cliff's `RowObserver`): the `ID` and `Name` of
//! each row, the first [`MAX_NAMES`] kept, written to the cache once the list ends without error.

use std::path::PathBuf;

use cliff::{RowObserver, Value};

use crate::name_cache::{NameCache, MAX_NAMES};

/// Records a streamed list's names and IDs in bounded memory.
pub struct NameObserver {
    dir: PathBuf,
    cloud: String,
    object: String,
    /// The `ID` and `Name` columns' places, found at the first row.
    wanted: Option<Vec<usize>>,
    seen: Vec<String>,
}

impl NameObserver {
    /// An observer for the list of `object` (`project`), cached under `dir` for the cloud keyed `cloud`.
    pub fn new(dir: PathBuf, cloud: String, object: &str) -> Self {
        NameObserver {
            dir,
            cloud,
            object: object.to_owned(),
            wanted: None,
            seen: Vec::new(),
        }
    }
}

impl RowObserver for NameObserver {
    fn row(&mut self, columns: &[String], row: &[Value]) {
        if self.seen.len() >= MAX_NAMES {
            // The cache keeps the first names seen, newest first: later ones would be dropped anyway.
            return;
        }
        let wanted = self.wanted.get_or_insert_with(|| {
            columns
                .iter()
                .enumerate()
                .filter(|(_, c)| c.eq_ignore_ascii_case("name") || c.eq_ignore_ascii_case("id"))
                .map(|(i, _)| i)
                .collect()
        });
        self.seen.extend(
            wanted
                .iter()
                .filter_map(|i| row.get(*i).and_then(crate::shell::plain_text)),
        );
    }

    fn finish(self: Box<Self>) {
        let cache = NameCache::new(self.dir);
        if let Err(err) = cache.update(&self.cloud, &self.object, &self.seen, &[]) {
            log::debug!("Could not update the name cache: {err}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_rows_are_cached_when_the_list_ends() {
        let dir =
            std::env::temp_dir().join(format!("osc-rs-names-observer-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let columns = vec!["ID".to_owned(), "Name".to_owned(), "Other".to_owned()];
        let mut observer = Box::new(NameObserver::new(dir.clone(), "c".into(), "project"));
        observer.row(
            &columns,
            &[Value::str("i1"), Value::str("n1"), Value::str("x")],
        );
        observer.row(&columns, &[Value::str("i2"), Value::Null, Value::str("y")]);
        assert!(NameCache::new(&dir).load("c").is_empty());
        observer.finish();
        let names = NameCache::new(&dir).load("c").remove("project");
        assert_eq!(
            names,
            Some(vec!["i1".to_owned(), "n1".to_owned(), "i2".to_owned()])
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
