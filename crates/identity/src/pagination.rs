//! OSC's `openstackclient/common/pagination.py` as the identity list commands use it, and the checks osc-lib's
//! custom actions make on option values.

use cliff::{Arg, ArgValue, Args, Error, Parser, Result};
use osc_lib::parseractions;

use openstack_sdk::Param;

/// `add_marker_pagination_option_to_parser`: `--limit`, `--marker` and (optionally) `--max-items`.
pub fn add_marker_pagination_options(parser: &mut Parser, include_max_items: bool) {
    parser.add(Arg::option(&["--limit"]).metavar("<limit>").int().check(non_negative_limit).help(
        "The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then \
         the server-defined value will be used. Note that this controls the page size, not the total number of \
         entries returned. Use --max-items to limit the total number of entries returned.",
    ));
    parser.add(Arg::option(&["--marker"]).metavar("<marker>").help(
        "The first position in the collection to return results from. This should be a value that was returned in \
         a previous request.",
    ));
    if include_max_items {
        parser.add(Arg::option(&["--max-items"]).metavar("<max-items>").int().check(non_negative_max_items).help(
            "The maximum number of entries to return in total, paging through multiple requests if needed. Use \
             --limit to control the page size.",
        ));
    }
}

/// `NonNegativeAction` on `--limit`, checked while parsing.
fn non_negative_limit(value: &ArgValue) -> std::result::Result<(), String> {
    non_negative_value(value, "--limit")
}

/// `NonNegativeAction` on `--max-items`, checked while parsing.
fn non_negative_max_items(value: &ArgValue) -> std::result::Result<(), String> {
    non_negative_value(value, "--max-items")
}

fn non_negative_value(value: &ArgValue, option: &str) -> std::result::Result<(), String> {
    match value {
        ArgValue::Int(i) => parseractions::non_negative(option, *i).map(|_| ()),
        _ => Ok(()),
    }
}

/// An argparse error raised by an option's action, as a usage error.
pub fn argument_error(option: &str, message: &str) -> Error {
    Error::usage(parseractions::argument_error(option, message))
}

/// `NonNegativeAction` applied to an `int` option.
pub fn non_negative(args: &Args, dest: &str, option: &str) -> Result<Option<i64>> {
    match args.int(dest) {
        None => Ok(None),
        Some(value) => parseractions::non_negative(option, value)
            .map(Some)
            .map_err(|message| argument_error(option, &message)),
    }
}

/// The pagination arguments as list parameters, and `--max-items` for the paging loop.
pub struct Pagination {
    /// `limit` and `marker` query parameters, when given.
    pub params: Vec<Param>,
    /// `--max-items`.
    pub max_items: Option<usize>,
    /// Whether `--limit` or `--marker` was given.
    pub limit_or_marker: bool,
}

/// Reads `--limit`, `--marker` and `--max-items`.
pub fn pagination(args: &Args) -> Result<Pagination> {
    let limit = non_negative(args, "limit", "--limit")?;
    let max_items = non_negative(args, "max_items", "--max-items")?;
    let marker = args.str("marker");
    let mut params = Vec::new();
    if let Some(limit) = limit {
        params.push(("limit", Some(limit.to_string())));
    }
    if let Some(marker) = marker {
        params.push(("marker", Some(marker.to_owned())));
    }
    Ok(Pagination {
        params,
        max_items: max_items.map(|m| usize::try_from(m).unwrap_or(0)),
        limit_or_marker: limit.is_some() || marker.is_some(),
    })
}
