//! What the container, object and account commands share: OSC's `--property` options, its column lookup over
//! listing entries (`utils.get_dict_properties`) and the sorted ShowOne of a headers dict.

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Error, Output, Parser, Result, RowSink, Value};
use osc_lib::format_columns::dict_column;
use osc_lib::parseractions;
use osc_lib::ClientManager;

use crate::api::Listing;
use crate::pages::ListingPages;

/// `--property <key=value>` (`KeyValueAction`, required).
pub fn add_set_property(parser: &mut Parser, help: &str) {
    parser.add(
        Arg::option(&["--property"])
            .metavar("<key=value>")
            .required()
            .append()
            .check(parseractions::key_value_check)
            .help(help),
    );
}

/// `--property <key>` (`append`, required).
pub fn add_unset_property(parser: &mut Parser, help: &str) {
    parser.add(
        Arg::option(&["--property"])
            .metavar("<key>")
            .required()
            .append()
            .help(help),
    );
}

/// The dict `KeyValueAction` stores for `--property`.
pub fn properties(args: &Args) -> Result<Vec<(String, String)>> {
    parseractions::key_value(&args.strings("property"))
        .map_err(|message| Error::usage(parseractions::argument_error("--property", &message)))
}

/// A positional argument with its metavar and help.
pub fn positional(parser: &mut Parser, dest: &str, metavar: &str, help: &str) {
    parser.add(Arg::positional(dest).metavar(metavar).help(help));
}

/// A positional taking one or more values.
pub fn positionals(parser: &mut Parser, dest: &str, metavar: &str, help: &str) {
    parser.add(
        Arg::positional(dest)
            .metavar(metavar)
            .nargs(Nargs::OneOrMore)
            .help(help),
    );
}

/// The options `container list` and `object list` share after their own: `--limit`, `--marker`
/// (`add_marker_pagination_option_to_parser` without `--max-items`), `--end-marker`, `--long` and `--all`.
pub fn add_listing_options(parser: &mut Parser, all_help: &str) {
    identity::pagination::add_marker_pagination_options(parser, false);
    parser.add(
        Arg::option(&["--end-marker"])
            .metavar("<end-marker>")
            .help("End anchor for paging"),
    );
    parser.add(
        Arg::option(&["--long"])
            .flag()
            .help("List additional fields in output"),
    );
    parser.add(Arg::option(&["--all"]).flag().help(all_help));
}

/// The listing the options ask for (empty values are not sent, as OSC tests each for truth).
pub fn listing(args: &Args) -> Result<Listing> {
    let text = |dest: &str| args.str(dest).filter(|s| !s.is_empty()).map(str::to_owned);
    Ok(Listing {
        full: args.flag("all"),
        limit: identity::pagination::non_negative(args, "limit", "--limit")?,
        marker: text("marker"),
        end_marker: text("end_marker"),
        prefix: text("prefix"),
        delimiter: text("delimiter"),
    })
}

/// A listing's rows, a page at a time, into `sink`: `utils.get_dict_properties(item, columns)` of each entry,
/// each column's key in lower case with `_` for spaces; `''` when the entry lacks it (a `subdir` entry has no
/// `name`).
pub fn stream_listing(
    ctx: &mut ClientManager,
    columns: &[&str],
    mut pages: ListingPages,
    sink: &mut dyn RowSink,
) -> Result<()> {
    let keys: Vec<String> = columns
        .iter()
        .map(|c| c.to_lowercase().replace(' ', "_"))
        .collect();
    sink.columns(columns.iter().map(|c| (*c).to_owned()).collect())?;
    while let Some(page) = pages.next_page(ctx)? {
        let rows = page
            .iter()
            .map(|item| {
                keys.iter()
                    .map(|key| {
                        item.get(key)
                            .map_or_else(|| Value::str(""), Value::from_json)
                    })
                    .collect()
            })
            .collect();
        sink.rows(rows)?;
    }
    Ok(())
}

/// A Lister of the dicts the API returned, in the given columns.
pub fn dicts_output(columns: &[&str], dicts: Vec<Vec<(String, Value)>>) -> Output {
    let rows = dicts
        .into_iter()
        .map(|dict| {
            columns
                .iter()
                .map(|column| {
                    dict.iter()
                        .find(|(key, _)| key == column)
                        .map_or_else(|| Value::str(""), |(_, value)| value.clone())
                })
                .collect()
        })
        .collect();
    Output::List {
        columns: columns.iter().map(|c| (*c).to_owned()).collect(),
        rows,
    }
}

/// `zip(*sorted(data.items()))` with `properties` as a `DictColumn`.
pub fn show_output(mut data: Vec<(String, Value)>) -> Output {
    for (key, value) in data.iter_mut() {
        if key == "properties" {
            *value = dict_column(std::mem::replace(value, Value::Null));
        }
    }
    data.sort_by(|a, b| a.0.cmp(&b.0));
    Output::show(data)
}
