//! `render` against real OSC output (shared/samples/fmt-*).

use super::*;
use crate::error::ErrorKind;

fn args(pairs: &[(&str, ArgValue)]) -> Args {
    let mut args = Args::default();
    for (dest, value) in pairs {
        args.set(*dest, value.clone());
    }
    args
}

fn s(text: &str) -> ArgValue {
    ArgValue::from(text)
}

fn list(items: &[&str]) -> ArgValue {
    ArgValue::List(items.iter().map(|i| ArgValue::from(*i)).collect())
}

fn projects() -> Output {
    let rows = [
        ("23e018ddcb7147be913e0bcb67465c5c", "demo"),
        ("8a01cec2b1da4355a5d7da154e31dd3a", "service"),
        ("ed3599bcea0747fd9ce06613f9ca6e22", "admin"),
    ];
    Output::List {
        columns: vec!["ID".into(), "Name".into()],
        rows: rows
            .iter()
            .map(|(id, name)| vec![Value::str(*id), Value::str(*name)])
            .collect(),
    }
}

fn project_show() -> Output {
    Output::show(vec![
        (
            "description".into(),
            Value::str("Bootstrap project for initializing the cloud."),
        ),
        ("domain_id".into(), Value::str("default")),
        ("enabled".into(), Value::Bool(true)),
        ("id".into(), Value::str("ed3599bcea0747fd9ce06613f9ca6e22")),
        ("is_domain".into(), Value::Bool(false)),
        ("name".into(), Value::str("admin")),
        ("options".into(), Value::Dict(vec![])),
        ("parent_id".into(), Value::str("default")),
        ("tags".into(), Value::List(vec![])),
    ])
}

fn render_ok(output: &Output, pairs: &[(&str, ArgValue)]) -> String {
    render(output, &args(pairs), Terminal::default()).unwrap()
}

const PROJECT_TABLE: &str = "\
+----------------------------------+---------+
| ID                               | Name    |
+----------------------------------+---------+
| 23e018ddcb7147be913e0bcb67465c5c | demo    |
| 8a01cec2b1da4355a5d7da154e31dd3a | service |
| ed3599bcea0747fd9ce06613f9ca6e22 | admin   |
+----------------------------------+---------+
";

#[test]
fn lister_table_and_selection() {
    assert_eq!(render_ok(&projects(), &[]), PROJECT_TABLE);
    assert_eq!(
        render_ok(
            &projects(),
            &[
                ("formatter", s("table")),
                ("columns", list(&["Name", "ID"]))
            ]
        ),
        PROJECT_TABLE
    );
    assert_eq!(
        render_ok(&projects(), &[("columns", list(&["Name"]))]),
        "+---------+\n| Name    |\n+---------+\n| demo    |\n| service |\n| admin   |\n+---------+\n"
    );
    let err = render(
        &projects(),
        &args(&[("columns", list(&["Bogus"]))]),
        Terminal::default(),
    )
    .unwrap_err();
    assert_eq!(
        err.message,
        "No recognized column names in ['Bogus']. Recognized columns are ('ID', 'Name')."
    );
    assert_eq!(err.kind, ErrorKind::Command);
}

#[test]
fn lister_sorting() {
    let sorted = render_ok(&projects(), &[("sort_columns", list(&["Name"]))]);
    assert_eq!(
        sorted,
        "+----------------------------------+---------+\n| ID                               | Name    |\n\
         +----------------------------------+---------+\n| ed3599bcea0747fd9ce06613f9ca6e22 | admin   |\n\
         | 23e018ddcb7147be913e0bcb67465c5c | demo    |\n| 8a01cec2b1da4355a5d7da154e31dd3a | service |\n\
         +----------------------------------+---------+\n"
    );
    let desc = render_ok(
        &projects(),
        &[
            ("sort_columns", list(&["Name"])),
            ("sort_direction", s("desc")),
            ("formatter", s("value")),
        ],
    );
    assert_eq!(
        desc,
        "8a01cec2b1da4355a5d7da154e31dd3a service\n23e018ddcb7147be913e0bcb67465c5c demo\ned3599bcea0747fd9ce06613f9ca6e22 admin\n"
    );
}

#[test]
fn lister_max_width() {
    let want = "\
+----------+---------+
| ID       | Name    |
+----------+---------+
| 23e018dd | demo    |
| cb7147be |         |
| 913e0bcb |         |
| 67465c5c |         |
| 8a01cec2 | service |
| b1da4355 |         |
| a5d7da15 |         |
| 4e31dd3a |         |
| ed3599bc | admin   |
| ea0747fd |         |
| 9ce06613 |         |
| f9ca6e22 |         |
+----------+---------+
";
    assert_eq!(
        render_ok(&projects(), &[("max_width", ArgValue::Int(20))]),
        want
    );
    // CLIFF_MAX_TERM_WIDTH is the default; an explicit --max-width 0 overrides it.
    let env = Terminal::with_env(false, None, Some("20"), None).unwrap();
    assert_eq!(render(&projects(), &Args::default(), env).unwrap(), want);
    assert_eq!(
        render(&projects(), &args(&[("max_width", ArgValue::Int(0))]), env).unwrap(),
        PROJECT_TABLE
    );
    // Fitting to the terminal happens on a tty, or with --fit-width / CLIFF_FIT_WIDTH.
    let tty = Terminal {
        is_tty: true,
        width: Some(20),
        ..Terminal::default()
    };
    assert_eq!(render(&projects(), &Args::default(), tty).unwrap(), want);
    let piped = Terminal {
        is_tty: false,
        width: Some(20),
        ..Terminal::default()
    };
    assert_eq!(
        render(&projects(), &Args::default(), piped).unwrap(),
        PROJECT_TABLE
    );
    assert_eq!(
        render(
            &projects(),
            &args(&[("fit_width", ArgValue::Bool(true))]),
            piped
        )
        .unwrap(),
        want
    );
    let env_fit = Terminal::with_env(false, Some(20), None, Some("1")).unwrap();
    assert_eq!(
        render(&projects(), &Args::default(), env_fit).unwrap(),
        want
    );
    let err = Terminal::with_env(false, None, Some("wide"), None).unwrap_err();
    assert_eq!(
        err.message,
        "invalid literal for int() with base 10: 'wide'"
    );
}

#[test]
fn lister_empty() {
    let empty = Output::List {
        columns: vec!["ID".into(), "Name".into()],
        rows: vec![],
    };
    assert_eq!(render_ok(&empty, &[]), "\n");
    assert_eq!(
        render_ok(&empty, &[("print_empty", ArgValue::Bool(true))]),
        "+----+------+\n| ID | Name |\n+----+------+\n+----+------+\n"
    );
    assert_eq!(render_ok(&empty, &[("formatter", s("json"))]), "[]\n");
    assert_eq!(render_ok(&empty, &[("formatter", s("yaml"))]), "[]\n");
    assert_eq!(render_ok(&empty, &[("formatter", s("value"))]), "");
    assert_eq!(
        render_ok(&empty, &[("formatter", s("csv"))]),
        "\"ID\",\"Name\"\n"
    );
}

#[test]
fn lister_machine_formats() {
    assert_eq!(
        render_ok(&projects(), &[("formatter", s("csv"))]),
        "\"ID\",\"Name\"\n\"23e018ddcb7147be913e0bcb67465c5c\",\"demo\"\n\"8a01cec2b1da4355a5d7da154e31dd3a\",\"service\"\n\"ed3599bcea0747fd9ce06613f9ca6e22\",\"admin\"\n"
    );
    assert_eq!(
        render_ok(&projects(), &[("formatter", s("csv")), ("quote_mode", s("none"))]),
        "ID,Name\n23e018ddcb7147be913e0bcb67465c5c,demo\n8a01cec2b1da4355a5d7da154e31dd3a,service\ned3599bcea0747fd9ce06613f9ca6e22,admin\n"
    );
    assert_eq!(
        render_ok(&projects(), &[("formatter", s("json")), ("noindent", ArgValue::Bool(true))]),
        "[{\"ID\": \"23e018ddcb7147be913e0bcb67465c5c\", \"Name\": \"demo\"}, {\"ID\": \"8a01cec2b1da4355a5d7da154e31dd3a\", \"Name\": \"service\"}, {\"ID\": \"ed3599bcea0747fd9ce06613f9ca6e22\", \"Name\": \"admin\"}]\n"
    );
    assert_eq!(
        render_ok(&projects(), &[("formatter", s("json"))]),
        "[\n  {\n    \"ID\": \"23e018ddcb7147be913e0bcb67465c5c\",\n    \"Name\": \"demo\"\n  },\n  {\n    \"ID\": \"8a01cec2b1da4355a5d7da154e31dd3a\",\n    \"Name\": \"service\"\n  },\n  {\n    \"ID\": \"ed3599bcea0747fd9ce06613f9ca6e22\",\n    \"Name\": \"admin\"\n  }\n]\n"
    );
    assert_eq!(
        render_ok(&projects(), &[("formatter", s("yaml"))]),
        "- ID: 23e018ddcb7147be913e0bcb67465c5c\n  Name: demo\n- ID: 8a01cec2b1da4355a5d7da154e31dd3a\n  Name: service\n- ID: ed3599bcea0747fd9ce06613f9ca6e22\n  Name: admin\n"
    );
    assert_eq!(render_ok(&projects(), &[("formatter", s("value")), ("columns", list(&["id"]))]), "23e018ddcb7147be913e0bcb67465c5c\n8a01cec2b1da4355a5d7da154e31dd3a\ned3599bcea0747fd9ce06613f9ca6e22\n");
}

#[test]
fn user_list_long_yaml_sorts_keys() {
    let users = Output::List {
        columns: [
            "ID",
            "Name",
            "Project",
            "Domain",
            "Description",
            "Email",
            "Enabled",
        ]
        .iter()
        .map(|c| c.to_string())
        .collect(),
        rows: vec![vec![
            Value::str("615648f2ded34d7da5449fca2b932050"),
            Value::str("mistral"),
            Value::str("8a01cec2b1da4355a5d7da154e31dd3a"),
            Value::str("default"),
            Value::Null,
            Value::Null,
            Value::Bool(true),
        ]],
    };
    assert_eq!(
        render_ok(&users, &[("formatter", s("yaml"))]),
        "- Description: null\n  Domain: default\n  Email: null\n  Enabled: true\n  ID: 615648f2ded34d7da5449fca2b932050\n  Name: mistral\n  Project: 8a01cec2b1da4355a5d7da154e31dd3a\n"
    );
}

#[test]
fn showone_formats() {
    let show = project_show();
    assert_eq!(
        render_ok(&show, &[]),
        "\
+-------------+-----------------------------------------------+
| Field       | Value                                         |
+-------------+-----------------------------------------------+
| description | Bootstrap project for initializing the cloud. |
| domain_id   | default                                       |
| enabled     | True                                          |
| id          | ed3599bcea0747fd9ce06613f9ca6e22              |
| is_domain   | False                                         |
| name        | admin                                         |
| options     | {}                                            |
| parent_id   | default                                       |
| tags        | []                                            |
+-------------+-----------------------------------------------+
"
    );
    assert_eq!(
        render_ok(&show, &[("max_width", ArgValue::Int(20))]),
        "\
+-------------+------------------+
| Field       | Value            |
+-------------+------------------+
| description | Bootstrap        |
|             | project for      |
|             | initializing the |
|             | cloud.           |
| domain_id   | default          |
| enabled     | True             |
| id          | ed3599bcea0747fd |
|             | 9ce06613f9ca6e22 |
| is_domain   | False            |
| name        | admin            |
| options     | {}               |
| parent_id   | default          |
| tags        | []               |
+-------------+------------------+
"
    );
    assert_eq!(
        render_ok(&show, &[("columns", list(&["name", "id"]))]),
        "+-------+----------------------------------+\n| Field | Value                            |\n+-------+----------------------------------+\n| id    | ed3599bcea0747fd9ce06613f9ca6e22 |\n| name  | admin                            |\n+-------+----------------------------------+\n"
    );
    assert_eq!(
        render_ok(&show, &[("formatter", s("json")), ("noindent", ArgValue::Bool(true))]),
        "{\"description\": \"Bootstrap project for initializing the cloud.\", \"domain_id\": \"default\", \"enabled\": true, \"id\": \"ed3599bcea0747fd9ce06613f9ca6e22\", \"is_domain\": false, \"name\": \"admin\", \"options\": {}, \"parent_id\": \"default\", \"tags\": []}\n"
    );
    assert_eq!(
        render_ok(&show, &[("formatter", s("yaml"))]),
        "description: Bootstrap project for initializing the cloud.\ndomain_id: default\nenabled: true\nid: ed3599bcea0747fd9ce06613f9ca6e22\nis_domain: false\nname: admin\noptions: {}\nparent_id: default\ntags: []\n"
    );
    assert_eq!(
        render_ok(&show, &[("formatter", s("value"))]),
        "Bootstrap project for initializing the cloud.\ndefault\nTrue\ned3599bcea0747fd9ce06613f9ca6e22\nFalse\nadmin\n{}\ndefault\n[]\n"
    );
    assert_eq!(
        render_ok(&show, &[("formatter", s("shell")), ("prefix", s("os_"))]),
        "os_description=\"Bootstrap project for initializing the cloud.\"\nos_domain_id=\"default\"\nos_enabled=\"True\"\nos_id=\"ed3599bcea0747fd9ce06613f9ca6e22\"\nos_is_domain=\"False\"\nos_name=\"admin\"\nos_options=\"{}\"\nos_parent_id=\"default\"\nos_tags=\"[]\"\n"
    );
    let err = render(
        &show,
        &args(&[("columns", list(&["bogus"]))]),
        Terminal::default(),
    )
    .unwrap_err();
    assert_eq!(
        err.message,
        "No recognized column names in ['bogus']. Recognized columns are ('description', 'domain_id', 'enabled', 'id', 'is_domain', 'name', 'options', 'parent_id', 'tags')."
    );
}

#[test]
fn table_cells() {
    let col = Value::Column {
        human: "a\r\nb\rc".into(),
        machine: Box::new(Value::List(vec![Value::str("m")])),
    };
    let out = Output::List {
        columns: vec!["N".into(), "F".into(), "C".into(), "中文".into()],
        rows: vec![
            vec![
                Value::Int(7),
                Value::Float(0.5),
                col.clone(),
                Value::str("é\tx"),
            ],
            vec![
                Value::Int(100),
                Value::Null,
                Value::List(vec![]),
                Value::str("wide 中文字"),
            ],
        ],
    };
    assert_eq!(
        render_ok(&out, &[]),
        "\
+-----+------+-----+-------------+
|   N |    F | C   | 中文        |
+-----+------+-----+-------------+
|   7 |  0.5 | a   | é       x   |
|     |      | b c |             |
| 100 | None | []  | wide 中文字 |
+-----+------+-----+-------------+
"
    );
    assert_eq!(
        render_ok(&out, &[("formatter", s("value"))]),
        "7 0.5 ['m'] é\tx\n100 None [] wide 中文字\n"
    );
    let dup = Output::List {
        columns: vec!["A".into(), "A".into()],
        rows: vec![],
    };
    assert_eq!(
        render(&dup, &Args::default(), Terminal::default())
            .unwrap_err()
            .message,
        "Field names must be unique"
    );
}

#[test]
fn python_str_is_public() {
    assert_eq!(
        python_str(&Value::List(vec![Value::Null, Value::str("x")])),
        "[None, 'x']"
    );
}

#[test]
fn tables_without_columns() {
    let empty = Output::List {
        columns: vec![],
        rows: vec![],
    };
    let print_empty = ("print_empty", ArgValue::Bool(true));
    assert_eq!(
        render_ok(&empty, std::slice::from_ref(&print_empty)),
        "++\n||\n++\n++\n"
    );
    let err = render(
        &empty,
        &args(&[print_empty, ("max_width", ArgValue::Int(1))]),
        Terminal::default(),
    )
    .unwrap_err();
    assert_eq!(err.message, "integer division or modulo by zero");
    let rows = Output::List {
        columns: vec![],
        rows: vec![vec![]],
    };
    let err = render(&rows, &Args::default(), Terminal::default()).unwrap_err();
    assert_eq!(err.message, "max() arg is an empty sequence");
    assert_eq!(
        render_ok(&rows, &[("formatter", s("json"))]),
        "[\n  {}\n]\n"
    );
}

/// The formatter sections of `openstack project list --help` (real cliff 4.17, 80 columns).
const LIST_HELP_SECTIONS: &str = "output formatters:
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
";

/// The formatter sections of `openstack project show --help` (real cliff 4.17, 80 columns).
const SHOW_HELP_SECTIONS: &str = "output formatters:
  output formatter options

  -f {json,shell,table,value,yaml}, --format {json,shell,table,value,yaml}
                        the output format, defaults to table
  -c COLUMN, --column COLUMN
                        specify the column(s) to include, can be repeated to
                        show multiple columns

json formatter:
  --noindent            whether to disable indenting the JSON

shell formatter:
  a format a UNIX shell can parse (variable=\"value\")

  --prefix PREFIX       add a prefix to all variable names

table formatter:
  --max-width <integer>
                        Maximum display width, <1 to disable. You can also use
                        the CLIFF_MAX_TERM_WIDTH environment variable, but the
                        parameter takes precedence.
  --fit-width           Fit the table to the display width. Implied if --max-
                        width greater than 0. Set the environment variable
                        CLIFF_FIT_WIDTH=1 to always enable
  --print-empty         Print empty table if there is no data to show.
";

fn argv(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| (*w).to_owned()).collect()
}

#[test]
fn list_options_as_cliff_declares_them() {
    let mut parser = Parser::new("openstack project list");
    add_list_arguments(&mut parser);
    let help = parser.format_help(80);
    let sections = &help[help.find("output formatters:").unwrap_or(0)..];
    assert_eq!(sections.trim_end(), LIST_HELP_SECTIONS.trim_end());
    assert!(help.contains("[-c COLUMN]"));
    assert!(help.contains("[--sort-ascending | --sort-descending]"));

    let defaults = parser.parse_args(&[]).unwrap();
    assert_eq!(defaults.str("formatter"), Some("table"));
    assert_eq!(defaults.str("quote_mode"), Some("nonnumeric"));
    assert_eq!(defaults.get("max_width"), &ArgValue::Null);
    assert!(
        !defaults.flag("fit_width") && !defaults.flag("print_empty") && !defaults.flag("noindent")
    );
    assert!(defaults.strings("columns").is_empty() && defaults.strings("sort_columns").is_empty());
    assert_eq!(defaults.get("sort_direction"), &ArgValue::Null);

    let words = argv(&[
        "-f",
        "csv",
        "-c",
        "ID",
        "-c",
        "Name",
        "--sort-column",
        "Name",
        "--sort-descending",
        "--max-width",
        "20",
    ]);
    let parsed = parser.parse_args(&words).unwrap();
    assert_eq!(parsed.str("formatter"), Some("csv"));
    assert_eq!(parsed.strings("columns"), ["ID", "Name"]);
    assert_eq!(parsed.strings("sort_columns"), ["Name"]);
    assert_eq!(parsed.str("sort_direction"), Some("desc"));
    assert_eq!(parsed.int("max_width"), Some(20));
    assert!(parser.parse_args(&argv(&["-f", "shell"])).is_err());
}

#[test]
fn show_options_as_cliff_declares_them() {
    let mut parser = Parser::new("openstack project show");
    add_show_arguments(&mut parser);
    let help = parser.format_help(80);
    let sections = &help[help.find("output formatters:").unwrap_or(0)..];
    assert_eq!(sections.trim_end(), SHOW_HELP_SECTIONS.trim_end());
    assert!(!help.contains("--variable"));
    let parsed = parser
        .parse_args(&argv(&[
            "-f",
            "shell",
            "--prefix",
            "os_",
            "--variable",
            "id",
        ]))
        .unwrap();
    assert_eq!(parsed.str("formatter"), Some("shell"));
    assert_eq!(parsed.str("prefix"), Some("os_"));
    assert_eq!(parsed.strings("variables"), ["id"]);
    assert_eq!(parser.parse_args(&[]).unwrap().str("prefix"), Some(""));
    assert!(parser.parse_args(&argv(&["--quote", "all"])).is_err());
}
