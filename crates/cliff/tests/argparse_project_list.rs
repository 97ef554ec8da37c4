//! `openstack help project list` and `openstack project list -f xml`, byte for byte as python-openstackclient
//! 10.5.0 printed them (stdout not a terminal, so 80 columns), from a parser built the way cliff builds it:
//! `-h`, the Lister's formatter options and groups, then the command's own options.

use cliff::argparse::{Action, Arg, ArgValue, Parser};
use cliff::ErrorKind;

/// Captured from `openstack help project list` (`/work/shared/samples/help-project-list.txt`).
const HELP: &str = r#"usage: openstack project list [-h] [-f {csv,json,table,value,yaml}]
                              [-c COLUMN]
                              [--quote {all,minimal,none,nonnumeric}]
                              [--noindent] [--max-width <integer>]
                              [--fit-width] [--print-empty]
                              [--sort-column SORT_COLUMN]
                              [--sort-ascending | --sort-descending]
                              [--domain <domain>] [--parent <parent>]
                              [--user <user>] [--my-projects] [--long]
                              [--sort <key>[:<direction>]] [--enabled]
                              [--disabled] [--tags <tag>[,<tag>,...]]
                              [--tags-any <tag>[,<tag>,...]]
                              [--not-tags <tag>[,<tag>,...]]
                              [--not-tags-any <tag>[,<tag>,...]]
                              [--limit <limit>] [--marker <marker>]
                              [--max-items <max-items>]

List projects

options:
  -h, --help            show this help message and exit
  --domain <domain>     Filter projects by <domain> (name or ID)
  --parent <parent>     Filter projects whose parent is <parent> (name or ID)
  --user <user>         Filter projects by <user> (name or ID)
  --my-projects         List projects for the authenticated user. Supersedes
                        other filters.
  --long                List additional fields in output
  --sort <key>[:<direction>]
                        Sort output by selected keys and directions (asc or
                        desc) (default: asc), repeat this option to specify
                        multiple keys and directions.
  --enabled             List only enabled projects
  --disabled            List only disabled projects
  --tags <tag>[,<tag>,...]
                        List projects which have all given tag(s) (Comma-
                        separated list of tags)
  --tags-any <tag>[,<tag>,...]
                        List projects which have any given tag(s) (Comma-
                        separated list of tags)
  --not-tags <tag>[,<tag>,...]
                        Exclude projects which have all given tag(s) (Comma-
                        separated list of tags)
  --not-tags-any <tag>[,<tag>,...]
                        Exclude projects which have any given tag(s) (Comma-
                        separated list of tags)
  --limit <limit>       The maximum number of entries to return per page. If
                        the value exceeds the server-defined maximum, then the
                        server-defined value will be used. Note that this
                        controls the page size, not the total number of
                        entries returned. Use --max-items to limit the total
                        number of entries returned.
  --marker <marker>     The first position in the collection to return results
                        from. This should be a value that was returned in a
                        previous request.
  --max-items <max-items>
                        The maximum number of entries to return in total,
                        paging through multiple requests if needed. Use
                        --limit to control the page size.

output formatters:
  output formatter options

  -f {csv,json,table,value,yaml}, --format {csv,json,table,value,yaml}
                        the output format, defaults to table
  -c COLUMN, --column COLUMN
                        specify the column(s) to include, can be repeated to
                        show multiple columns
  --sort-column SORT_COLUMN
                        specify the column(s) to sort the data (columns
                        specified first have a priority, non-existing columns
                        are ignored), column names are case-insensitive and
                        accept underscores for spaces, can be repeated
  --sort-ascending      sort the column(s) in ascending order
  --sort-descending     sort the column(s) in descending order

CSV Formatter:
  --quote {all,minimal,none,nonnumeric}
                        when to include quotes, defaults to nonnumeric

json formatter:
  --noindent            whether to disable indenting the JSON

table formatter:
  --max-width <integer>
                        Maximum display width, <1 to disable. You can also use
                        the CLIFF_MAX_TERM_WIDTH environment variable, but the
                        parameter takes precedence.
  --fit-width           Fit the table to the display width. Implied if --max-
                        width greater than 0. Set the environment variable
                        CLIFF_FIT_WIDTH=1 to always enable
  --print-empty         Print empty table if there is no data to show.
"#;

/// Captured from `openstack project list -f xml` (`/work/shared/samples/fmt-bad-format.txt`).
const BAD_FORMAT: &str = r#"usage: openstack project list [-h] [-f {csv,json,table,value,yaml}]
                              [-c COLUMN]
                              [--quote {all,minimal,none,nonnumeric}]
                              [--noindent] [--max-width <integer>]
                              [--fit-width] [--print-empty]
                              [--sort-column SORT_COLUMN]
                              [--sort-ascending | --sort-descending]
                              [--domain <domain>] [--parent <parent>]
                              [--user <user>] [--my-projects] [--long]
                              [--sort <key>[:<direction>]] [--enabled]
                              [--disabled] [--tags <tag>[,<tag>,...]]
                              [--tags-any <tag>[,<tag>,...]]
                              [--not-tags <tag>[,<tag>,...]]
                              [--not-tags-any <tag>[,<tag>,...]]
                              [--limit <limit>] [--marker <marker>]
                              [--max-items <max-items>]
openstack project list: error: argument -f/--format: invalid choice: 'xml' (choose from 'csv', 'json', 'table', 'value', 'yaml')
"#;

/// cliff's `DisplayCommandBase`, `Lister` and csv/json/table formatter options, in cliff's order.
fn add_lister_options(parser: &mut Parser) {
    let out = parser.add_group("output formatters", Some("output formatter options"));
    parser.add_to(
        out,
        Arg::option(&["-f", "--format"])
            .dest("formatter")
            .choices(&["csv", "json", "table", "value", "yaml"])
            .default("table")
            .help("the output format, defaults to table"),
    );
    parser.add_to(
        out,
        Arg::option(&["-c", "--column"])
            .append()
            .default(ArgValue::List(Vec::new()))
            .dest("columns")
            .metavar("COLUMN")
            .help("specify the column(s) to include, can be repeated to show multiple columns"),
    );
    let csv = parser.add_group("CSV Formatter", None);
    parser.add_to(
        csv,
        Arg::option(&["--quote"])
            .choices(&["all", "minimal", "none", "nonnumeric"])
            .dest("quote_mode")
            .default("nonnumeric")
            .help("when to include quotes, defaults to nonnumeric"),
    );
    let json = parser.add_group("json formatter", None);
    parser.add_to(
        json,
        Arg::option(&["--noindent"])
            .flag()
            .help("whether to disable indenting the JSON"),
    );
    let table = parser.add_group("table formatter", None);
    parser.add_to(
        table,
        Arg::option(&["--max-width"]).metavar("<integer>").default(0i64).int().help(
            "Maximum display width, <1 to disable. You can also use the CLIFF_MAX_TERM_WIDTH environment \
             variable, but the parameter takes precedence.",
        ),
    );
    parser.add_to(
        table,
        Arg::option(&["--fit-width"]).flag().help(
            "Fit the table to the display width. Implied if --max-width greater than 0. Set the environment \
             variable CLIFF_FIT_WIDTH=1 to always enable",
        ),
    );
    parser.add_to(
        table,
        Arg::option(&["--print-empty"])
            .flag()
            .help("Print empty table if there is no data to show."),
    );
    parser.add_to(
        out,
        Arg::option(&["--sort-column"])
            .append()
            .default(ArgValue::List(Vec::new()))
            .dest("sort_columns")
            .metavar("SORT_COLUMN")
            .help(
                "specify the column(s) to sort the data (columns specified first have a priority, non-existing \
                 columns are ignored), column names are case-insensitive and accept underscores for spaces, can \
                 be repeated",
            ),
    );
    let direction = parser.add_mutex(Some(out), false);
    parser.add_to_mutex(
        direction,
        Arg::option(&["--sort-ascending"])
            .action(Action::StoreConst("asc".into()))
            .dest("sort_direction")
            .help("sort the column(s) in ascending order"),
    );
    parser.add_to_mutex(
        direction,
        Arg::option(&["--sort-descending"])
            .action(Action::StoreConst("desc".into()))
            .dest("sort_direction")
            .help("sort the column(s) in descending order"),
    );
}

fn project_list() -> Parser {
    let mut parser = Parser::new("openstack project list");
    parser.description = Some("List projects".into());
    parser.epilog = Some(String::new());
    parser.columns = Some(80);
    parser.add(
        Arg::option(&["-h", "--help"])
            .action(Action::Help)
            .help("show this help message and exit"),
    );
    add_lister_options(&mut parser);
    parser.add(
        Arg::option(&["--domain"])
            .metavar("<domain>")
            .help("Filter projects by <domain> (name or ID)"),
    );
    parser.add(
        Arg::option(&["--parent"])
            .metavar("<parent>")
            .help("Filter projects whose parent is <parent> (name or ID)"),
    );
    parser.add(
        Arg::option(&["--user"])
            .metavar("<user>")
            .help("Filter projects by <user> (name or ID)"),
    );
    parser.add(
        Arg::option(&["--my-projects"])
            .flag()
            .help("List projects for the authenticated user. Supersedes other filters."),
    );
    parser.add(
        Arg::option(&["--long"])
            .flag()
            .help("List additional fields in output"),
    );
    parser.add(Arg::option(&["--sort"]).metavar("<key>[:<direction>]").help(
        "Sort output by selected keys and directions (asc or desc) (default: asc), repeat this option to specify \
         multiple keys and directions.",
    ));
    parser.add(
        Arg::option(&["--enabled"])
            .flag()
            .help("List only enabled projects"),
    );
    parser.add(
        Arg::option(&["--disabled"])
            .flag()
            .help("List only disabled projects"),
    );
    for (flag, verb, which) in [
        ("--tags", "List", "all"),
        ("--tags-any", "List", "any"),
        ("--not-tags", "Exclude", "all"),
        ("--not-tags-any", "Exclude", "any"),
    ] {
        parser.add(
            Arg::option(&[flag])
                .metavar("<tag>[,<tag>,...]")
                .append()
                .default(ArgValue::List(Vec::new()))
                .help(&format!("{verb} projects which have {which} given tag(s) (Comma-separated list of tags)")),
        );
    }
    parser.add(Arg::option(&["--limit"]).metavar("<limit>").int().help(
        "The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then \
         the server-defined value will be used. Note that this controls the page size, not the total number of \
         entries returned. Use --max-items to limit the total number of entries returned.",
    ));
    parser.add(Arg::option(&["--marker"]).metavar("<marker>").help(
        "The first position in the collection to return results from. This should be a value that was returned \
         in a previous request.",
    ));
    parser.add(Arg::option(&["--max-items"]).metavar("<max-items>").int().help(
        "The maximum number of entries to return in total, paging through multiple requests if needed. Use \
         --limit to control the page size.",
    ));
    parser
}

#[test]
fn help_of_project_list_is_oscs() {
    assert_eq!(project_list().format_help(80), HELP);
}

#[test]
fn dash_h_prints_the_same_help() {
    let parser = project_list();
    let args = parser
        .parse_args(&["--long".to_owned(), "-h".to_owned()])
        .unwrap();
    assert_eq!(parser.early_exit_text(&args, 80).as_deref(), Some(HELP));
}

#[test]
fn bad_format_is_oscs_usage_error() {
    let err = project_list()
        .parse_args(&["-f".to_owned(), "xml".to_owned()])
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Usage);
    assert_eq!(err.message, BAD_FORMAT);
}
