//! Compares `cliff::format::render` with the real cliff 4.17 on generated cases, byte for byte.
//!
//! The cases come from a seeded generator (same cases every run). They all go through one Python process
//! (`cliff_oracle/oracle.py`, in the venv made by `cliff_oracle/setup.sh`). Without the venv the test fails
//! with instructions, unless `CLIFF_ORACLE_OPTIONAL=1`. `CLIFF_ORACLE_CASES=N` changes the number of cases,
//! `CLIFF_ORACLE_SEED=S` the seed.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use cliff::format::{render, Terminal};
use cliff::{ArgValue, Args, Output, Value};
use serde_json::json;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "alpha",
    "beta",
    "server",
    "network",
    "admin",
    "demo",
    "ACTIVE",
    "ERROR",
    "default",
    "public",
    "x",
    "well-known",
    "a--b",
    "re-use",
    "e-mail",
    "it's",
    "say \"hi\"",
    "C:\\path",
    "a,b",
    "foo_bar",
    "v1.2.3",
    "10.0.0.1",
    "key=value",
    "#tag",
    "[x]",
    "{y}",
    "50%",
    "@home",
    "!bang",
    "&amp",
    "*star",
    "|pipe",
    ">gt",
    "`tick`",
    "q?",
    "col:on",
    "-dash",
    "--",
    "...",
    "~",
    "very-long-hyphenated-word-that-keeps-going",
    "supercalifragilisticexpialidocious",
    "ed3599bcea0747fd9ce06613f9ca6e22",
];

const UNICODE: &[&str] = &[
    "中文",
    "日本語テキスト",
    "한국어",
    "café",
    "cafe\u{301}",
    "naïve",
    "Ünïcödé",
    "Ελληνικά",
    "русский",
    "עברית",
    "العربية",
    "हिन्दी",
    "தமிழ்",
    "ไทย",
    "😀",
    "👍🏽",
    "👨\u{200d}👩\u{200d}👧",
    "🇺🇸🇫🇷",
    "❤\u{fe0f}",
    "☺",
    "✅",
    "\u{200b}zero",
    "\u{a0}nbsp",
    "\u{3000}ideo",
    "e\u{301}\u{302}",
    "𝔘𝔫𝔦",
    "\u{1F600}\u{1F601}",
    "ﾊﾝｶｸ",
    "ＦＵＬＬ",
    "Ⅻ",
    "½",
    "٣٤",
    "\u{2028}ls",
    "\u{85}nel",
    "\u{feff}bom",
    "\u{7}bell",
    "\u{1}soh",
];

const YAMLISH: &[&str] = &[
    "",
    " ",
    "true",
    "False",
    "yes",
    "NO",
    "on",
    "null",
    "Null",
    "~",
    "123",
    "-7",
    "+3",
    "0x1F",
    "0o17",
    "017",
    "0b101",
    "1_000",
    "1.5",
    "-.5",
    ".5",
    "1e5",
    "1.0e+5",
    "12:30",
    "1:20:30.5",
    ".inf",
    "-.Inf",
    ".NaN",
    "2024-01-02",
    "2024-1-2 3:04:05",
    "2024-01-02T03:04:05.123Z",
    "2024-01-02 03:04:05 +01:00",
    "<<",
    "=",
    "- item",
    ": colon",
    "? q",
    "a: b",
    "a #b",
    "a#b",
    "'quoted'",
    "\"dq\"",
    " lead",
    "trail ",
    "a\nb",
    "a\n",
    "\nb",
    "a \nb",
    "a\n b",
    "line1\r\nline2",
    "cr\ronly",
    "tab\there",
    "\ttab",
    "multi\n\nblank",
    "---",
    "--- doc",
    "...",
    "%dir",
    "@at",
    "`bt`",
    "!tag",
    "&anc",
    "*ali",
    "|lit",
    ">fold",
    "{a: 1}",
    "[1]",
];

fn random_word(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=5 => rng.pick(WORDS).to_string(),
        6..=7 => rng.pick(UNICODE).to_string(),
        _ => rng.pick(YAMLISH).to_string(),
    }
}

fn random_text(rng: &mut Rng) -> String {
    match rng.below(12) {
        0..=4 => random_word(rng),
        5..=7 => {
            let n = 2 + rng.below(14);
            let words: Vec<String> = (0..n).map(|_| random_word(rng)).collect();
            let sep = *rng.pick(&[" ", " ", " ", "  ", "\n", "-", ", "]);
            words.join(sep)
        }
        8 => {
            // A long run without spaces.
            let n = 20 + rng.below(100);
            (0..n)
                .map(|i| char::from(b'a' + ((i * 7 + rng.below(3)) % 26) as u8))
                .collect()
        }
        9 => {
            let n = 3 + rng.below(30);
            let words: Vec<String> = (0..n).map(|_| rng.pick(WORDS).to_string()).collect();
            words.join(" ")
        }
        10 => {
            let lines = 2 + rng.below(4);
            let parts: Vec<String> = (0..lines).map(|_| random_word(rng)).collect();
            let sep = *rng.pick(&["\n", "\r\n", "\r"]);
            parts.join(sep)
        }
        _ => rng.pick(YAMLISH).to_string(),
    }
}

fn random_float(rng: &mut Rng) -> f64 {
    *rng.pick(&[
        0.0,
        -0.0,
        0.1,
        0.5,
        1.0,
        -2.5,
        3.25,
        1e16,
        1e15,
        1.5e-7,
        0.0001,
        0.00001,
        123456789.125,
        1e100,
        -1e-300,
        2.0f64.powi(60),
        1.0 / 3.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        42.0,
        1e22,
        5e-324,
    ])
}

fn random_scalar(rng: &mut Rng) -> Value {
    match rng.below(20) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(50)),
        2..=3 => Value::Int(*rng.pick(&[
            0,
            1,
            -1,
            7,
            42,
            100,
            65535,
            -123456,
            9_007_199_254_740_993,
            i64::MAX,
            i64::MIN,
        ])),
        4 => Value::Float(random_float(rng)),
        _ => Value::Str(random_text(rng)),
    }
}

fn random_value(rng: &mut Rng, depth: usize) -> Value {
    if depth > 2 {
        return random_scalar(rng);
    }
    match rng.below(20) {
        0..=1 => {
            let n = rng.below(4);
            Value::List((0..n).map(|_| random_value(rng, depth + 1)).collect())
        }
        2 => {
            let n = rng.below(4);
            Value::Dict(
                (0..n)
                    .map(|_| (random_key(rng), random_value(rng, depth + 1)))
                    .collect(),
            )
        }
        3 if depth == 0 => {
            let machine = random_value(rng, depth + 1);
            let human = match rng.below(3) {
                0 => cliff::format::python_str(&machine),
                1 => random_text(rng),
                _ => "a\r\nb\tc\rd".to_owned(),
            };
            Value::Column {
                human,
                machine: Box::new(machine),
            }
        }
        _ => random_scalar(rng),
    }
}

fn random_key(rng: &mut Rng) -> String {
    if rng.chance(80) {
        rng.pick(&[
            "id", "name", "status", "zone", "Tags", "b", "a", "ünï", "中", "x y", "", "true",
            "key: v",
        ])
        .to_string()
    } else {
        random_text(rng)
    }
}

const COLUMN_NAMES: &[&str] = &[
    "ID",
    "Name",
    "Status",
    "Server Name",
    "Created At",
    "Description",
    "Enabled",
    "Project ID",
    "Tags",
    "Networks",
    "Size",
    "Flavor",
    "domain_id",
    "is_domain",
    "Fixed IP Addresses",
    "名前",
    "Ünïcode",
];

/// One generated case: what to render, how, and its oracle description.
struct Case {
    output: Output,
    args: Args,
    terminal: Terminal,
    oracle: serde_json::Value,
}

fn tagged(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => json!({"t": "null"}),
        Value::Bool(b) => json!({"t": "bool", "v": b}),
        Value::Int(i) => json!({"t": "int", "v": i.to_string()}),
        Value::Float(f) => json!({"t": "float", "v": f.to_bits().to_string()}),
        Value::Str(s) => json!({"t": "str", "v": s}),
        Value::List(items) => {
            json!({"t": "list", "v": items.iter().map(tagged).collect::<Vec<_>>()})
        }
        Value::Dict(pairs) => {
            json!({"t": "dict", "v": pairs.iter().map(|(k, v)| json!([k, tagged(v)])).collect::<Vec<_>>()})
        }
        Value::Column { human, machine } => {
            json!({"t": "column", "v": {"human": human, "machine": tagged(machine)}})
        }
    }
}

/// A name as a user might type it for `-c` or `--sort-column`.
fn variant(rng: &mut Rng, name: &str) -> String {
    // argparse drops a lone `--` value; that is the parser's business, not the formatters'.
    if name == "--" {
        return "bogus".to_owned();
    }
    match rng.below(5) {
        0 => name.to_lowercase().replace(' ', "_"),
        1 => name.to_uppercase(),
        2 => format!(" {} ", name.to_lowercase()),
        _ => name.to_owned(),
    }
}

/// A long listing sorted on values whose order depends on every comparison CPython's sort makes.
fn sort_stress_case(rng: &mut Rng, index: usize) -> Case {
    let columns: Vec<String> = vec!["A".into(), "B".into()];
    let nrows = 2 + rng.below(400);
    let nan_share = rng.below(60);
    let rows: Vec<Vec<Value>> = (0..nrows)
        .map(|i| {
            let a = if rng.chance(nan_share) {
                Value::Float(f64::NAN)
            } else {
                Value::Float(rng.below(40) as f64)
            };
            let b = match rng.below(4) {
                0 => Value::Column {
                    human: "c".into(),
                    machine: Box::new(Value::Int(rng.below(9) as i64)),
                },
                1 if rng.chance(20) => Value::str("s"),
                _ => Value::List(vec![
                    Value::Int(rng.below(30) as i64),
                    if rng.chance(97) {
                        Value::Int(rng.below(3) as i64)
                    } else {
                        Value::str("s")
                    },
                ]),
            };
            vec![a, b, Value::Int(i as i64)]
        })
        .collect();
    let columns3: Vec<String> = vec![columns[0].clone(), columns[1].clone(), "N".into()];
    let sort: Vec<&str> = match rng.below(3) {
        0 => vec!["A"],
        1 => vec!["B"],
        _ => vec!["B", "A"],
    };
    let mut argv = vec!["--format=value".to_owned()];
    let mut args = Args::default();
    args.set("formatter", ArgValue::from("value"));
    for s in &sort {
        argv.push(format!("--sort-column={s}"));
    }
    args.set(
        "sort_columns",
        ArgValue::List(sort.iter().map(|s| ArgValue::from(*s)).collect()),
    );
    if rng.chance(50) {
        argv.push("--sort-descending".into());
        args.set("sort_direction", ArgValue::from("desc"));
    }
    let oracle = json!({
        "index": index,
        "kind": "list",
        "columns": columns3,
        "argv": argv,
        "env": {},
        "tty": false,
        "term_width": null,
        "rows": rows.iter().map(|r| r.iter().map(tagged).collect::<Vec<_>>()).collect::<Vec<_>>(),
    });
    Case {
        output: Output::List {
            columns: columns3,
            rows,
        },
        args,
        terminal: Terminal::default(),
        oracle,
    }
}

fn make_case(rng: &mut Rng, index: usize) -> Case {
    if rng.chance(8) {
        return sort_stress_case(rng, index);
    }
    let is_list = rng.chance(60);
    let ncols = if is_list {
        // Now and then a listing without columns.
        usize::from(!rng.chance(2)) * (1 + rng.below(6))
    } else {
        rng.below(9)
    };
    let mut columns: Vec<String> = Vec::new();
    while columns.len() < ncols {
        let name = if rng.chance(8) {
            random_text(rng)
        } else {
            rng.pick(COLUMN_NAMES).to_string()
        };
        if !columns.contains(&name) || rng.chance(3) {
            columns.push(name);
        }
    }
    let mut argv: Vec<String> = Vec::new();
    let mut args = Args::default();
    let formats: &[&str] = if is_list {
        &["table", "table", "table", "csv", "json", "yaml", "value"]
    } else {
        &["table", "table", "json", "yaml", "value", "shell"]
    };
    let formatter = *rng.pick(formats);
    argv.push(format!("--format={formatter}"));
    args.set("formatter", ArgValue::from(formatter));

    // Column selection.
    let mut selected = Vec::new();
    if rng.chance(25) && !columns.is_empty() {
        for _ in 0..1 + rng.below(3) {
            let c = if rng.chance(15) {
                "bogus".to_owned()
            } else {
                let i = rng.below(columns.len());
                variant(rng, &columns[i])
            };
            selected.push(c);
        }
    } else if rng.chance(3) {
        selected.push("nope".to_owned());
    }
    for c in &selected {
        argv.push(format!("--column={c}"));
    }
    args.set(
        "columns",
        ArgValue::List(
            selected
                .iter()
                .map(|c| ArgValue::from(c.as_str()))
                .collect(),
        ),
    );

    let output = if is_list {
        let nrows = match rng.below(10) {
            0 => 0,
            1 => 65 + rng.below(300),
            _ => 1 + rng.below(8),
        };
        // Each column keeps to one kind of value most of the time, as real listings do.
        let kinds: Vec<usize> = (0..ncols).map(|_| rng.below(8)).collect();
        let rows: Vec<Vec<Value>> = (0..nrows)
            .map(|_| {
                kinds
                    .iter()
                    .map(|&k| match (k, rng.chance(85)) {
                        (0, true) => Value::Str(random_text(rng)),
                        (1, true) => Value::Int(rng.below(1000) as i64 - 100),
                        (2, true) => Value::Str(rng.pick(WORDS).to_string()),
                        (3, true) if rng.chance(90) => Value::Null,
                        (4, true) => Value::Float(random_float(rng)),
                        // Values whose order depends on the exact comparisons made: NaN, columns mixed with
                        // strings (a column compares False to a string, a string to a column raises), and
                        // lists whose later items are unorderable.
                        (6, _) if rng.chance(30) => Value::Float(f64::NAN),
                        (6, _) => Value::Float(rng.below(50) as f64),
                        (7, _) => match rng.below(3) {
                            0 => Value::Column {
                                human: "c".into(),
                                machine: Box::new(Value::str(rng.pick(WORDS).to_string())),
                            },
                            1 => Value::str(rng.pick(WORDS).to_string()),
                            _ => Value::List(vec![
                                Value::Int(rng.below(6) as i64),
                                if rng.chance(50) {
                                    Value::Int(rng.below(3) as i64)
                                } else {
                                    Value::str("s")
                                },
                            ]),
                        },
                        _ => random_value(rng, 0),
                    })
                    .collect()
            })
            .collect();
        let mut sort = Vec::new();
        if rng.chance(35) && ncols > 0 {
            for _ in 0..1 + rng.below(2) {
                let name = if rng.chance(10) {
                    "missing".to_owned()
                } else {
                    let i = rng.below(ncols);
                    variant(rng, &columns[i])
                };
                sort.push(name);
            }
        }
        for s in &sort {
            argv.push(format!("--sort-column={s}"));
        }
        args.set(
            "sort_columns",
            ArgValue::List(sort.iter().map(|c| ArgValue::from(c.as_str())).collect()),
        );
        match rng.below(4) {
            0 => {
                argv.push("--sort-ascending".into());
                args.set("sort_direction", ArgValue::from("asc"));
            }
            1 => {
                argv.push("--sort-descending".into());
                args.set("sort_direction", ArgValue::from("desc"));
            }
            _ => {}
        }
        let quote = *rng.pick(&["nonnumeric", "nonnumeric", "all", "minimal", "none"]);
        argv.push(format!("--quote={quote}"));
        args.set("quote_mode", ArgValue::from(quote));
        Output::List {
            columns: columns.clone(),
            rows,
        }
    } else {
        let values: Vec<Value> = (0..ncols).map(|_| random_value(rng, 0)).collect();
        let prefix = *rng.pick(&["", "", "os_", "X-"]);
        argv.push(format!("--prefix={prefix}"));
        args.set("prefix", ArgValue::from(prefix));
        let mut variables = Vec::new();
        if rng.chance(15) && ncols > 0 {
            let name = columns[rng.below(ncols)].to_lowercase().replace(' ', "_");
            // argparse drops a lone `--` value; that is the parser's business.
            if name != "--" {
                variables.push(name);
            }
        }
        for v in &variables {
            argv.push(format!("--variable={v}"));
        }
        args.set(
            "variables",
            ArgValue::List(
                variables
                    .iter()
                    .map(|c| ArgValue::from(c.as_str()))
                    .collect(),
            ),
        );
        Output::Show {
            fields: columns.clone(),
            values,
        }
    };

    if rng.chance(20) {
        argv.push("--noindent".into());
        args.set("noindent", ArgValue::Bool(true));
    }
    if rng.chance(15) {
        argv.push("--print-empty".into());
        args.set("print_empty", ArgValue::Bool(true));
    }
    if rng.chance(45) {
        let w = *rng.pick(&[-1i64, 0, 1, 5, 12, 20, 25, 30, 40, 50, 60, 80, 100, 150]);
        argv.push(format!("--max-width={w}"));
        args.set("max_width", ArgValue::Int(w));
    }
    if rng.chance(20) {
        argv.push("--fit-width".into());
        args.set("fit_width", ArgValue::Bool(true));
    }
    let mut env = serde_json::Map::new();
    let env_max = rng
        .chance(15)
        .then(|| rng.pick(&["0", "30", "45", " 70 ", "-3"]).to_string());
    let env_fit = rng.chance(15).then(|| rng.pick(&["0", "1"]).to_string());
    if let Some(v) = &env_max {
        env.insert("CLIFF_MAX_TERM_WIDTH".into(), json!(v));
    }
    if let Some(v) = &env_fit {
        env.insert("CLIFF_FIT_WIDTH".into(), json!(v));
    }
    let tty = rng.chance(30);
    let term_width = if rng.chance(60) {
        Some(*rng.pick(&[0usize, 10, 20, 33, 50, 80, 120, 200]))
    } else {
        None
    };
    let terminal = Terminal::with_env(tty, term_width, env_max.as_deref(), env_fit.as_deref())
        .expect("valid env");

    let mut oracle = json!({
        "index": index,
        "kind": if is_list { "list" } else { "show" },
        "columns": columns,
        "argv": argv,
        "env": env,
        "tty": tty,
        "term_width": term_width,
    });
    match &output {
        Output::List { rows, .. } => {
            oracle["rows"] = json!(rows
                .iter()
                .map(|r| r.iter().map(tagged).collect::<Vec<_>>())
                .collect::<Vec<_>>());
        }
        Output::Show { values, .. } => {
            oracle["values"] = json!(values.iter().map(tagged).collect::<Vec<_>>())
        }
        _ => {}
    }
    Case {
        output,
        args,
        terminal,
        oracle,
    }
}

fn venv_python() -> PathBuf {
    let cache = std::env::var_os("OSC_RS_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
                .join(".cache")
                .join("openstack-rs")
        });
    cache.join("venv-cliff").join("bin").join("python")
}

#[test]
fn render_matches_real_cliff() {
    let python = venv_python();
    if !python.exists() {
        if std::env::var("CLIFF_ORACLE_OPTIONAL").as_deref() == Ok("1") {
            eprintln!("skipping: no cliff venv at {}", python.display());
            return;
        }
        panic!(
            "the real cliff is needed to compare with: run crates/cliff/tests/cliff_oracle/setup.sh (creates {}), \
             or set CLIFF_ORACLE_OPTIONAL=1 to skip this test",
            python.display()
        );
    }
    let count: usize = std::env::var("CLIFF_ORACLE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1500);
    let seed: u64 = std::env::var("CLIFF_ORACLE_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_251_125);
    let mut rng = Rng(seed);
    let cases: Vec<Case> = (0..count).map(|i| make_case(&mut rng, i)).collect();
    let input =
        serde_json::to_vec(&cases.iter().map(|c| &c.oracle).collect::<Vec<_>>()).expect("json");

    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cliff_oracle/oracle.py");
    let mut child = Command::new(&python)
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the oracle");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let result = child.wait_with_output().expect("oracle output");
    writer.join().expect("writer").expect("write cases");
    assert!(result.status.success(), "oracle failed: {}", result.status);
    let answers: Vec<serde_json::Value> = String::from_utf8(result.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("oracle line"))
        .collect();
    assert_eq!(answers.len(), cases.len(), "the oracle answered every case");

    if let Some(path) = std::env::var_os("CLIFF_ORACLE_DUMP") {
        let dump: Vec<_> = cases
            .iter()
            .zip(&answers)
            .map(|(c, a)| json!({"case": c.oracle, "cliff": a}))
            .collect();
        std::fs::write(
            path,
            serde_json::to_string_pretty(&dump).unwrap_or_default(),
        )
        .expect("dump");
    }
    let errors = answers.iter().filter(|a| a["err"].is_string()).count();
    let warnings = answers
        .iter()
        .filter(|a| a["warnings"].as_array().is_some_and(|w| !w.is_empty()))
        .count();
    eprintln!(
        "{} cases: {errors} end in an error, {warnings} log a sort warning",
        cases.len()
    );

    let mut failures = Vec::new();
    for (case, answer) in cases.iter().zip(&answers) {
        let ours = render(&case.output, &case.args, case.terminal);
        let want_err = answer["err"].as_str();
        let same = match (&ours, want_err) {
            (Ok(text), None) => text == answer["out"].as_str().unwrap_or_default(),
            (Err(e), Some(msg)) => e.message == msg,
            _ => false,
        };
        if !same {
            let want = answer["out"].as_str().unwrap_or_default();
            let got = ours.as_deref().unwrap_or_default();
            let line = want
                .split('\n')
                .zip(got.split('\n'))
                .position(|(a, b)| a != b);
            let first = match line {
                Some(n) => format!(
                    "first different line {}:\n    cliff {:?}\n    ours  {:?}",
                    n + 1,
                    want.split('\n').nth(n).unwrap_or_default(),
                    got.split('\n').nth(n).unwrap_or_default()
                ),
                None => format!(
                    "lengths differ: cliff {} bytes, ours {} bytes",
                    want.len(),
                    got.len()
                ),
            };
            failures.push((
                format!(
                    "case {} ({} {}, env {}, tty {}, terminal width {}): cliff {}, ours {}; {first}",
                    case.oracle["index"],
                    case.oracle["kind"],
                    case.oracle["argv"],
                    case.oracle["env"],
                    case.oracle["tty"],
                    case.oracle["term_width"],
                    want_err.map_or("ok".to_owned(), |m| format!("error {m:?}")),
                    ours.as_ref().map_or_else(|e| format!("error {:?}", e.message), |_| "ok".to_owned()),
                ),
                json!({"case": case.oracle, "cliff": answer, "ours": {
                    "out": ours.as_ref().ok(),
                    "err": ours.as_ref().err().map(|e| e.message.clone()),
                }}),
            ));
        }
    }
    let report = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("format_oracle_failures.json");
    if !failures.is_empty() {
        let all: Vec<_> = failures.iter().map(|(_, detail)| detail).collect();
        std::fs::write(
            &report,
            serde_json::to_string_pretty(&all).unwrap_or_default(),
        )
        .expect("write report");
    }
    let shown: Vec<&str> = failures
        .iter()
        .take(8)
        .map(|(line, _)| line.as_str())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from cliff (all of them, with inputs and both outputs, in {}); the first ones:\n{}",
        failures.len(),
        cases.len(),
        report.display(),
        shown.join("\n")
    );
    eprintln!("{} cases identical to cliff", cases.len());
}
