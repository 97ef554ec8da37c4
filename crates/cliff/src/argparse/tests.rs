//! Literal expectations for the important argparse behaviours (tests/argparse_oracle.rs compares hundreds more
//! against Python itself).

use super::*;
use crate::error::ErrorKind;

fn argv(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// A small command parser in cliff's shape: `-h`, a choice option, an append option, a mutex, a positional.
fn parser() -> Parser {
    let mut p = Parser::new("prog");
    p.columns = Some(80);
    p.add(
        Arg::option(&["-h", "--help"])
            .action(Action::Help)
            .help("show this help message and exit"),
    );
    p.add(
        Arg::option(&["-f", "--format"])
            .dest("formatter")
            .choices(&["csv", "json", "table"])
            .default("table")
            .help("the output format, defaults to %(default)s"),
    );
    p.add(
        Arg::option(&["-c", "--column"])
            .append()
            .default(ArgValue::List(vec![]))
            .metavar("COLUMN"),
    );
    p.add(Arg::option(&["--limit"]).int().metavar("<limit>"));
    let m = p.add_mutex(None, false);
    p.add_to_mutex(
        m,
        Arg::option(&["--sort-ascending"])
            .action(Action::StoreConst("asc".into()))
            .dest("dir"),
    );
    p.add_to_mutex(
        m,
        Arg::option(&["--sort-descending"])
            .action(Action::StoreConst("desc".into()))
            .dest("dir"),
    );
    p.add(Arg::positional("name").help("the name"));
    p
}

const USAGE: &str =
    "usage: prog [-h] [-f {csv,json,table}] [-c COLUMN] [--limit <limit>]\n            \
                     [--sort-ascending | --sort-descending]\n            name\n";

fn usage_error(p: &Parser, args: &[&str]) -> String {
    match p.parse_args(&argv(args)) {
        Err(err) => {
            assert_eq!(err.kind, ErrorKind::Usage);
            err.message
        }
        Ok(args) => panic!("expected an error, parsed {args:?}"),
    }
}

#[test]
fn dest_is_derived_like_argparse() {
    assert_eq!(Arg::option(&["-f", "--format"]).dest, "format");
    assert_eq!(Arg::option(&["-x"]).dest, "x");
    assert_eq!(Arg::option(&["-x", "--dry-run", "--other"]).dest, "dry_run");
    assert_eq!(Arg::option(&["--os-cloud"]).dest, "os_cloud");
    assert_eq!(Arg::positional("project").dest, "project");
}

#[test]
fn parses_values_anywhere() {
    let p = parser();
    let args = p
        .parse_args(&argv(&[
            "-fjson",
            "-c",
            "ID",
            "n",
            "--column=Name",
            "--limit",
            "-5",
            "--sort-desc",
        ]))
        .unwrap();
    assert_eq!(args.str("formatter"), Some("json"));
    assert_eq!(args.strings("column"), ["ID", "Name"]);
    assert_eq!(args.str("name"), Some("n"));
    assert_eq!(args.int("limit"), Some(-5));
    assert_eq!(args.str("dir"), Some("desc"));
    assert_eq!(args.early_exit, None);
}

#[test]
fn defaults_fill_the_namespace() {
    let args = parser().parse_args(&argv(&["n"])).unwrap();
    let mut want = BTreeMap::new();
    want.insert("formatter".to_owned(), ArgValue::from("table"));
    want.insert("column".to_owned(), ArgValue::List(vec![]));
    want.insert("limit".to_owned(), ArgValue::Null);
    want.insert("dir".to_owned(), ArgValue::Null);
    want.insert("name".to_owned(), ArgValue::from("n"));
    assert_eq!(args.values, want);
}

#[test]
fn invalid_choice_quotes_with_repr() {
    assert_eq!(
        usage_error(&parser(), &["-f", "xml", "n"]),
        format!(
            "{USAGE}prog: error: argument -f/--format: invalid choice: 'xml' (choose from 'csv', 'json', 'table')\n"
        )
    );
}

#[test]
fn error_messages_are_argparses() {
    let p = parser();
    let tail = |args: &[&str]| {
        usage_error(&p, args)
            .strip_prefix(USAGE)
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        tail(&["--limit", "ten", "n"]),
        "prog: error: argument --limit: invalid int value: 'ten'\n"
    );
    assert_eq!(
        tail(&[]),
        "prog: error: the following arguments are required: name\n"
    );
    assert_eq!(
        tail(&["--sort-ascending", "--sort-descending", "n"]),
        "prog: error: argument --sort-descending: not allowed with argument --sort-ascending\n"
    );
    assert_eq!(
        tail(&["--sort", "n"]),
        "prog: error: ambiguous option: --sort could match --sort-ascending, --sort-descending\n"
    );
    assert_eq!(
        tail(&["n", "-f"]),
        "prog: error: argument -f/--format: expected one argument\n"
    );
    assert_eq!(
        tail(&["n", "x", "--bogus"]),
        "prog: error: unrecognized arguments: x --bogus\n"
    );
    assert_eq!(
        tail(&["n", "--sort-ascending=1"]),
        "prog: error: argument --sort-ascending: ignored explicit argument '1'\n"
    );
}

#[test]
fn required_options_and_groups() {
    let mut p = Parser::new("p");
    p.columns = Some(80);
    p.add(Arg::option(&["--x"]).required());
    let m = p.add_mutex(None, true);
    p.add_to_mutex(m, Arg::option(&["--a"]).flag());
    p.add_to_mutex(m, Arg::option(&["--b"]).flag());
    p.add(Arg::positional("y"));
    assert_eq!(
        usage_error(&p, &[]),
        "usage: p --x X (--a | --b) y\np: error: the following arguments are required: --x, y\n"
    );
    assert_eq!(
        usage_error(&p, &["--x", "1", "y"]),
        "usage: p --x X (--a | --b) y\np: error: one of the arguments --a --b is required\n"
    );
    assert!(p
        .parse_args(&argv(&["--x", "1", "--b", "y"]))
        .unwrap()
        .flag("b"));
}

#[test]
fn known_args_keep_unknowns_in_order() {
    let mut p = Parser::new("p");
    p.add(Arg::option(&["--debug"]).flag());
    p.add(Arg::option(&["--os-cloud"]).dest("cloud"));
    let (args, rest) = p
        .parse_known_args(&argv(&[
            "server",
            "list",
            "--os-cloud",
            "c",
            "-x",
            "value",
            "--long",
            "--debug",
        ]))
        .unwrap();
    assert_eq!(rest, ["server", "list", "-x", "value", "--long"]);
    assert_eq!(args.str("cloud"), Some("c"));
    assert!(args.flag("debug"));
}

#[test]
fn clustered_flags_count_and_append_const() {
    let mut p = Parser::new("p");
    p.add(
        Arg::option(&["-v", "--verbose"])
            .action(Action::Count)
            .dest("level")
            .default(1i64),
    );
    p.add(
        Arg::option(&["-q"])
            .action(Action::StoreConst(ArgValue::Int(0)))
            .dest("level"),
    );
    p.add(
        Arg::option(&["-a"])
            .action(Action::AppendConst("a".into()))
            .dest("items"),
    );
    p.add(Arg::option(&["-o"]).dest("out"));
    let args = p.parse_args(&argv(&["-vva", "-aoFILE", "-v"])).unwrap();
    assert_eq!(args.int("level"), Some(4));
    assert_eq!(args.strings("items"), ["a", "a"]);
    assert_eq!(args.str("out"), Some("FILE"));
    assert_eq!(p.parse_args(&argv(&["-vq"])).unwrap().int("level"), Some(0));
}

#[test]
fn help_and_version_stop_the_parse() {
    let p = parser();
    let args = p
        .parse_args(&argv(&["--limit", "3", "-h", "--bogus"]))
        .unwrap();
    assert_eq!(args.early_exit, Some(EarlyExit::Help));
    assert_eq!(p.early_exit_text(&args, 80), Some(p.format_help(80)));

    let mut app = Parser::new("openstack");
    app.add(Arg::option(&["--version"]).action(Action::Version("%(prog)s 7.1.0".into())));
    let args = app.parse_args(&argv(&["--version"])).unwrap();
    assert_eq!(
        args.early_exit,
        Some(EarlyExit::Version("%(prog)s 7.1.0".into()))
    );
    assert_eq!(
        app.early_exit_text(&args, 80).as_deref(),
        Some("openstack 7.1.0\n")
    );
    assert!(!args.values.contains_key("version"));
    assert_eq!(app.early_exit_text(&Args::default(), 80), None);
}

#[test]
fn help_layout() {
    let mut p = parser();
    p.description = Some("Does things.".into());
    p.epilog = Some("See also %(prog)s docs.".into());
    let g = p.add_group("extra", Some("extra options"));
    p.add_to(
        g,
        Arg::option(&["--multi-line"]).help("first line\nsecond line"),
    );
    p.add_to(g, Arg::option(&["--secret"]).hidden());
    assert_eq!(
        p.format_help(60),
        "usage: prog [-h] [-f {csv,json,table}] [-c COLUMN]
            [--limit <limit>]
            [--sort-ascending | --sort-descending]
            [--multi-line MULTI_LINE]
            name

Does things.

positional arguments:
  name                  the name

options:
  -h, --help            show this help message and exit
  -f {csv,json,table}, --format {csv,json,table}
                        the output format, defaults to
                        table
  -c COLUMN, --column COLUMN
  --limit <limit>
  --sort-ascending
  --sort-descending

extra:
  extra options

  --multi-line MULTI_LINE
                        first line
                        second line

See also prog docs.
"
    );
    p.smart_help = false;
    assert!(p
        .format_help(60)
        .contains("                        first line second line\n"));
}

#[test]
fn usage_of_a_long_prog_goes_on_its_own_line() {
    let mut p = Parser::new("a very long program name that takes most of the line");
    p.add(Arg::option(&["--alpha"]).metavar("<a>"));
    p.add(Arg::option(&["--beta"]).metavar("<b>"));
    p.add(Arg::positional("target"));
    assert_eq!(
        p.format_usage(60),
        "usage: a very long program name that takes most of the line\n       [--alpha <a>] [--beta <b>] target\n"
    );
    // Once the arguments need two lines, optionals and positionals are split onto their own lines.
    p.add(Arg::option(&["--gamma-option"]).metavar("<gamma>"));
    assert_eq!(
        p.format_usage(60),
        "usage: a very long program name that takes most of the line\n       \
         [--alpha <a>] [--beta <b>] [--gamma-option <gamma>]\n       target\n"
    );
}

#[test]
fn conflicting_option_strings_are_dropped_from_the_new_argument() {
    let mut p = Parser::new("p");
    p.add(Arg::option(&["-f", "--format"]));
    p.add(Arg::option(&["-f", "--fmt"]).help("second"));
    assert_eq!(p.option_strings(), ["-f", "--format", "--fmt"]);
    assert!(p.check().is_ok());
    assert_eq!(p.format_usage(80), "usage: p [-f FORMAT] [--fmt FMT]\n");

    p.add(Arg::option(&["--fmt"]).dest("again"));
    let err = p.parse_args(&argv(&[])).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Command);
    assert_eq!(
        err.message,
        "argument again: Cannot resolve conflicting option string, all names conflict."
    );
}

#[test]
fn int_choices_and_string_defaults_convert_like_python() {
    let mut p = Parser::new("p");
    p.columns = Some(80);
    p.add(
        Arg::option(&["--ip-version"])
            .int()
            .choices(&["4", "6"])
            .default(4i64),
    );
    p.add(Arg::option(&["--size"]).int().default("7"));
    assert_eq!(p.parse_args(&argv(&[])).unwrap().int("size"), Some(7));
    assert_eq!(
        p.parse_args(&argv(&["--ip-version", "6"]))
            .unwrap()
            .int("ip_version"),
        Some(6)
    );
    assert_eq!(
        usage_error(&p, &["--ip-version", "5"]),
        "usage: p [--ip-version {4,6}] [--size SIZE]\n\
         p: error: argument --ip-version: invalid choice: 5 (choose from 4, 6)\n"
    );
    p.add(Arg::option(&["--bad"]).int().default("big"));
    assert!(usage_error(&p, &[]).ends_with("p: error: argument --bad: invalid int value: 'big'\n"));
}

#[test]
fn a_value_equal_to_the_default_object_does_not_count_for_mutual_exclusion() {
    // CPython shares '' and small ints, so argparse sees these values as "the default" and lets them through.
    let mut p = Parser::new("p");
    p.columns = Some(80);
    let m = p.add_mutex(None, false);
    p.add_to_mutex(m, Arg::option(&["--e"]).default(""));
    p.add_to_mutex(m, Arg::option(&["--n"]).int().default(5i64));
    p.add_to_mutex(m, Arg::option(&["--s"]).default("x"));
    p.add_to_mutex(m, Arg::option(&["--b"]));
    assert!(p
        .parse_args(&argv(&["--e", "", "--n", "5", "--b", "y"]))
        .is_ok());
    assert!(usage_error(&p, &["--s", "x", "--b", "y"])
        .ends_with("argument --b: not allowed with argument --s\n"));
    assert!(usage_error(&p, &["--n", "500", "--b", "y"])
        .ends_with("argument --b: not allowed with argument --n\n"));
}

#[test]
fn positionals_are_matched_greedily_between_options() {
    let mut p = Parser::new("p");
    p.add(Arg::positional("src").nargs(Nargs::OneOrMore));
    p.add(Arg::positional("dst"));
    p.add(Arg::option(&["-r"]).flag());
    // The positionals are all consumed before -r, so "c" is left over (argparse is not "intermixed").
    let (args, extras) = p.parse_known_args(&argv(&["a", "b", "-r", "c"])).unwrap();
    assert_eq!(args.strings("src"), ["a"]);
    assert_eq!(args.str("dst"), Some("b"));
    assert_eq!(extras, ["c"]);
    let args = p.parse_args(&argv(&["a", "--", "-r", "c"])).unwrap();
    assert_eq!(args.strings("src"), ["a", "-r"]);
    assert_eq!(args.str("dst"), Some("c"));
}

#[test]
fn survives_a_json_round_trip() {
    let p = parser();
    let json = serde_json::to_string(&p).unwrap();
    let back: Parser = serde_json::from_str(&json).unwrap();
    assert_eq!(back, p);
    assert_eq!(back.format_help(80), p.format_help(80));
    let args = back.parse_args(&argv(&["n"])).unwrap();
    assert_eq!(
        serde_json::to_string(&args).unwrap(),
        serde_json::to_string(&p.parse_args(&argv(&["n"])).unwrap()).unwrap()
    );
}

#[test]
fn a_default_shared_by_arguments_of_one_dest_is_converted_by_each() {
    // Equal string constants are one Python object, so `--b`'s `type=int` converts the value `--a` stored.
    let mut p = Parser::new("p");
    p.add(Arg::option(&["--a"]).dest("n").default("7"));
    p.add(Arg::option(&["--b"]).dest("n").int().default("7"));
    assert_eq!(p.parse_args(&[]).unwrap().get("n"), &ArgValue::Int(7));
    assert_eq!(
        p.parse_args(&argv(&["--a", "8"])).unwrap().get("n"),
        &ArgValue::from("8")
    );
}

#[test]
fn custom_action_checks_stop_parsing_with_argparse_wording() {
    fn key_value(value: &ArgValue) -> std::result::Result<(), String> {
        match value {
            ArgValue::Str(s) if s.contains('=') => Ok(()),
            ArgValue::Str(s) => Err(format!("Expected 'key=value' type, but got: {s}")),
            _ => Ok(()),
        }
    }
    let mut p = Parser::new("prog");
    p.columns = Some(80);
    p.add(
        Arg::option(&["--property"])
            .append()
            .metavar("<key=value>")
            .check(key_value),
    );
    let args = p
        .parse_args(&argv(&["--property", "a=1", "--property", "b=2"]))
        .unwrap();
    assert_eq!(args.strings("property"), vec!["a=1", "b=2"]);
    assert_eq!(
        usage_error(&p, &["--property", "a=1", "--property", "oops"]),
        "usage: prog [--property <key=value>]\nprog: error: argument --property: Expected 'key=value' type, but \
         got: oops\n"
    );
}

/// Adds, to `p`, the arguments a command might add after the framework's (a titled group holding a required
/// mutually exclusive pair, a flag that conflicts with `-f`, a positional).
fn add_command_arguments(p: &mut Parser) {
    let m = p.add_mutex(None, false);
    p.add_to_mutex(m, Arg::option(&["--long"]).flag().help("more"));
    p.add_to_mutex(m, Arg::option(&["--short"]).flag().help("less"));
    let g = p.add_group("filters", Some("Narrow the list"));
    p.add_to(g, Arg::option(&["--name"]).metavar("<name>"));
    let gm = p.add_mutex(Some(g), true);
    p.add_to_mutex(gm, Arg::option(&["--enabled"]).flag());
    p.add_to_mutex(gm, Arg::option(&["--disabled"]).flag());
    p.add(Arg::option(&["-f", "--fields"]).append());
    p.add(Arg::positional("target").nargs(Nargs::Optional));
}

#[test]
fn extending_with_a_serialized_parser_equals_adding_directly() {
    let base = || {
        let mut p = Parser::new("prog");
        p.columns = Some(80);
        p.add(Arg::option(&["-h", "--help"]).action(Action::Help));
        p.add(Arg::option(&["-f", "--format"]).dest("formatter"));
        p
    };
    let mut direct = base();
    add_command_arguments(&mut direct);
    let mut own = Parser::new("");
    add_command_arguments(&mut own);
    let shipped: Parser = serde_json::from_str(&serde_json::to_string(&own).unwrap()).unwrap();
    let mut extended = base();
    extended.extend(&shipped);
    assert_eq!(extended, direct);
    assert_eq!(extended.format_help(80), direct.format_help(80));
    assert_eq!(
        usage_error(&extended, &["--enabled", "--disabled"]),
        usage_error(&direct, &["--enabled", "--disabled"])
    );
    let args = extended
        .parse_args(&argv(&["--fields", "a", "--enabled", "-f", "json", "t"]))
        .unwrap();
    assert_eq!(args.strings("fields"), ["a"]);
    assert_eq!(args.str("formatter"), Some("json"));
    assert_eq!(args.str("target"), Some("t"));
}

#[test]
fn extending_keeps_a_build_error() {
    let mut own = Parser::new("");
    own.add(Arg::option(&["-x"]));
    own.add(Arg::option(&["-x"]));
    let mut p = Parser::new("prog");
    p.extend(&own);
    assert_eq!(
        p.check().unwrap_err().message,
        "argument x: Cannot resolve conflicting option string, all names conflict."
    );
}
