//! mistralclient's list machinery (`commands/v2/base.py`, `api/base.py`): the options every `... list` shares
//! (`--marker`, `--limit`, `--sort_keys`, `--sort_dirs`, `--filter`), the execution lists' newest-first paging
//! (`--oldest`), the query string, and the table shape of an empty list.

use cliff::argparse::Nargs;
use cliff::{Arg, ArgValue, Args, Error, Output, Result, Value};

use crate::api::Query;

/// The execution lists' default page size.
pub const DEFAULT_EXECUTION_LIMIT: i64 = 100;

/// Adds `MistralLister`'s options; `executions` adds `MistralExecutionLister`'s `--oldest` and the default limit.
pub fn add_arguments(parser: &mut cliff::Parser, executions: bool) {
    parser.add(
        Arg::option(&["--marker"])
            .nargs(Nargs::Optional)
            .default("")
            .help(
                "The last execution uuid of the previous page, displays list of executions after \"marker\".",
            ),
    );
    let limit = Arg::option(&["--limit"])
        .nargs(Nargs::Optional)
        .int()
        .help("Maximum number of entries to return in a single result. ");
    parser.add(if executions {
        limit.default(DEFAULT_EXECUTION_LIMIT)
    } else {
        limit
    });
    parser.add(
        Arg::option(&["--sort_keys"])
            .nargs(Nargs::Optional)
            .default("created_at")
            .help(
                "Comma-separated list of sort keys to sort results by. Default: created_at. Example: mistral \
                 execution-list --sort_keys=id,description",
            ),
    );
    parser.add(
        Arg::option(&["--sort_dirs"])
            .nargs(Nargs::Optional)
            .default("asc")
            .help(
                "Comma-separated list of sort directions. Default: asc. Example: mistral execution-list \
                 --sort_keys=id,description --sort_dirs=asc,desc",
            ),
    );
    parser.add(
        Arg::option(&["--filter"])
            .dest("filters")
            .append()
            .help("Filters. Can be repeated."),
    );
    if executions {
        parser.add(
            Arg::option(&["--oldest"]).flag().help(
                "Display the executions starting from the oldest entries instead of the newest",
            ),
        );
    }
}

/// The parsed list options; `None` stands for Python's `None` (an option given without its value).
#[derive(Debug, Clone, PartialEq)]
pub struct ListOptions {
    /// `--marker`.
    pub marker: Option<String>,
    /// `--limit`.
    pub limit: Option<i64>,
    /// `--sort_keys`.
    pub sort_keys: Option<String>,
    /// `--sort_dirs` (already switched to `desc` for a newest-first execution list).
    pub sort_dirs: Option<String>,
    /// `--filter key=value`, as a Python dict: a repeated key keeps its place and takes the last value.
    pub filters: Vec<(String, String)>,
    /// Whether the page is reversed after fetching (newest first from the API, shown oldest first).
    pub reverse: bool,
}

impl ListOptions {
    /// Reads the options; an execution list without `--oldest`, marker or custom sort asks for the newest page.
    pub fn from_args(args: &Args, executions: bool) -> Result<Self> {
        let mut filters: Vec<(String, String)> = Vec::new();
        for filter in args.strings("filters") {
            let parts: Vec<&str> = filter.split('=').collect();
            let [key, value] = parts[..] else {
                return Err(Error::command(format!("Invalid filter: {filter}")));
            };
            dict_set(&mut filters, key, value);
        }
        let mut options = ListOptions {
            marker: args.str("marker").map(str::to_owned),
            limit: args.int("limit"),
            sort_keys: args.str("sort_keys").map(str::to_owned),
            sort_dirs: args.str("sort_dirs").map(str::to_owned),
            filters,
            reverse: false,
        };
        if executions
            && options.marker.as_deref() == Some("")
            && options.sort_dirs.as_deref() == Some("asc")
            && options.sort_keys.as_deref() == Some("created_at")
            && !args.flag("oldest")
        {
            options.reverse = true;
            options.sort_dirs = Some("desc".to_owned());
        }
        Ok(options)
    }

    /// `_build_query_params(marker, limit, sort_keys, sort_dirs, fields, filters)`: only what is set, in this order.
    pub fn query(&self, fields: Option<&[&str]>, filters: &[(String, String)]) -> Query {
        let mut query = Query::new();
        let mut push = |key: &str, value: String| query.push((key.to_owned(), value));
        if let Some(marker) = self.marker.as_deref().filter(|m| !m.is_empty()) {
            push("marker", marker.to_owned());
        }
        if let Some(limit) = self.limit.filter(|&l| l > 0) {
            push("limit", limit.to_string());
        }
        if let Some(keys) = self.sort_keys.as_deref().filter(|k| !k.is_empty()) {
            push("sort_keys", keys.to_owned());
        }
        if let Some(dirs) = self.sort_dirs.as_deref().filter(|d| !d.is_empty()) {
            push("sort_dirs", dirs.to_owned());
        }
        if let Some(fields) = fields.filter(|f| !f.is_empty()) {
            push("fields", fields.join(","));
        }
        for (key, value) in filters {
            push(key, value.clone());
        }
        query
    }

    /// The user's filters with more entries set as a manager adds them to its `**filters` dict.
    pub fn filters_with(&self, extra: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut filters = self.filters.clone();
        for (key, value) in extra {
            dict_set(&mut filters, key, value);
        }
        filters
    }

    /// Puts a fetched page in display order.
    pub fn arrange(&self, mut items: Vec<serde_json::Value>) -> Vec<serde_json::Value> {
        if self.reverse {
            items.reverse();
        }
        items
    }
}

/// Python `dict[key] = value`.
pub fn dict_set(filters: &mut Vec<(String, String)>, key: &str, value: &str) {
    match filters.iter_mut().find(|(k, _)| k == key) {
        Some(entry) => entry.1 = value.to_owned(),
        None => filters.push((key.to_owned(), value.to_owned())),
    }
}

/// A Lister's result as mistralclient returns it: an empty list is one row of empty cells under the headings.
pub fn list_output(headings: &[&str], rows: Vec<Vec<Value>>) -> Output {
    let rows = if rows.is_empty() {
        vec![vec![Value::str(""); headings.len()]]
    } else {
        rows
    };
    Output::List {
        columns: headings.iter().map(|h| (*h).to_owned()).collect(),
        rows,
    }
}

/// A string option or positional as Python holds it: `None` when absent or given without a value.
pub fn opt(args: &Args, dest: &str) -> Option<String> {
    match args.get(dest) {
        ArgValue::Str(s) => Some(s.clone()),
        ArgValue::Int(i) => Some(i.to_string()),
        _ => None,
    }
}

/// `'%s' % value` of such an option: `None` prints as `None`.
pub fn opt_str(args: &Args, dest: &str) -> String {
    opt(args, dest).unwrap_or_else(|| "None".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(pairs: &[(&str, ArgValue)]) -> Args {
        let mut args = Args::default();
        args.set("marker", ArgValue::from(""));
        args.set("sort_keys", ArgValue::from("created_at"));
        args.set("sort_dirs", ArgValue::from("asc"));
        for (key, value) in pairs {
            args.set(*key, value.clone());
        }
        args
    }

    #[test]
    fn executions_page_newest_first() {
        let options =
            ListOptions::from_args(&args(&[("limit", ArgValue::Int(100))]), true).unwrap();
        assert!(options.reverse);
        assert_eq!(
            options.query(Some(&["id", "state"]), &options.filters),
            vec![
                ("limit".to_owned(), "100".to_owned()),
                ("sort_keys".to_owned(), "created_at".to_owned()),
                ("sort_dirs".to_owned(), "desc".to_owned()),
                ("fields".to_owned(), "id,state".to_owned()),
            ]
        );
        let oldest = ListOptions::from_args(
            &args(&[
                ("limit", ArgValue::Int(100)),
                ("oldest", ArgValue::Bool(true)),
            ]),
            true,
        )
        .unwrap();
        assert!(!oldest.reverse);
        assert_eq!(oldest.sort_dirs.as_deref(), Some("asc"));
        let plain = ListOptions::from_args(&args(&[]), false).unwrap();
        assert!(!plain.reverse);
    }

    #[test]
    fn filters_behave_as_a_dict() {
        let options = ListOptions::from_args(
            &args(&[(
                "filters",
                ArgValue::List(vec![
                    "name=a".into(),
                    "scope=private".into(),
                    "name=b".into(),
                ]),
            )]),
            false,
        )
        .unwrap();
        assert_eq!(
            options.filters_with(&[("namespace", "ns")]),
            vec![
                ("name".to_owned(), "b".to_owned()),
                ("scope".to_owned(), "private".to_owned()),
                ("namespace".to_owned(), "ns".to_owned()),
            ]
        );
        let bad = ListOptions::from_args(
            &args(&[("filters", ArgValue::List(vec!["a=b=c".into()]))]),
            false,
        );
        assert_eq!(bad.unwrap_err().message, "Invalid filter: a=b=c");
    }

    #[test]
    fn empty_list_is_one_blank_row() {
        assert_eq!(
            list_output(&["Name", "Scope"], Vec::new()),
            Output::List {
                columns: vec!["Name".to_owned(), "Scope".to_owned()],
                rows: vec![vec![Value::str(""), Value::str("")]],
            }
        );
    }
}
