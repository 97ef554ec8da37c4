//! cliff::argparse against Python 3.11's argparse, byte for byte: `argparse_oracle.py` describes the parsers and
//! the operations and prints what Python does; this test builds the same parsers and compares.
//!
//! Python comes from `$CLIFF_PYTHON` (a venv with cliff 4.17.0 makes the oracle cliff's own parser) or `python3`.
//! Without a usable Python 3.11 the test fails, unless `CLIFF_ORACLE_OPTIONAL=1`.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use cliff::argparse::{Action, Arg, ArgValue, Args, GroupId, MutexId, Nargs, Parser};
use cliff::ErrorKind;
use serde_json::Value as Json;

/// The oracle's JSON for these script arguments, or `None` when it cannot run and that is allowed.
fn oracle(args: &[&str]) -> Option<Json> {
    let python = std::env::var("CLIFF_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/argparse_oracle.py");
    let optional = std::env::var("CLIFF_ORACLE_OPTIONAL").is_ok_and(|v| v == "1");
    let unavailable = |why: String| -> Option<Json> {
        if optional {
            eprintln!("argparse oracle skipped (CLIFF_ORACLE_OPTIONAL=1): {why}");
            None
        } else {
            panic!(
                "the argparse oracle cannot run: {why}\nInstall Python 3.11 as python3 or point CLIFF_PYTHON at one \
                 (ideally a venv with cliff==4.17.0), or set CLIFF_ORACLE_OPTIONAL=1 to skip this test."
            )
        }
    };
    let output = match Command::new(&python).arg(&script).args(args).output() {
        Ok(output) => output,
        Err(err) => return unavailable(format!("cannot start {python}: {err}")),
    };
    if !output.status.success() {
        return unavailable(format!(
            "{python} {} failed ({}): {}",
            script.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Some(serde_json::from_slice(&output.stdout).expect("the oracle prints JSON"))
}

fn value(json: &Json) -> ArgValue {
    match json {
        Json::Null => ArgValue::Null,
        Json::Bool(b) => ArgValue::Bool(*b),
        Json::Number(n) => ArgValue::Int(n.as_i64().expect("integer")),
        Json::String(s) => ArgValue::Str(s.clone()),
        Json::Array(items) => ArgValue::List(items.iter().map(value).collect()),
        Json::Object(_) => panic!("no dict values in argparse namespaces here"),
    }
}

fn text(json: &Json) -> String {
    match json {
        Json::String(s) => s.clone(),
        Json::Number(n) => n.to_string(),
        other => panic!("expected a string, got {other}"),
    }
}

/// The `Arg` for argparse's `add_argument(*flags, **kw)`.
fn make_arg(flags: &[String], kw: &serde_json::Map<String, Json>) -> Arg {
    let refs: Vec<&str> = flags.iter().map(String::as_str).collect();
    let mut arg = if refs.len() == 1 && !refs[0].starts_with('-') {
        Arg::positional(refs[0])
    } else {
        Arg::option(&refs)
    };
    let constant = kw.get("const").map(value).unwrap_or_default();
    let action = kw.get("action").and_then(Json::as_str).unwrap_or("store");
    arg = arg.action(match action {
        "store" => Action::Store,
        "store_const" => Action::StoreConst(constant.clone()),
        "store_true" => Action::StoreTrue,
        "store_false" => Action::StoreFalse,
        "append" => Action::Append,
        "append_const" => Action::AppendConst(constant.clone()),
        "count" => Action::Count,
        "help" => Action::Help,
        "version" => Action::Version(text(&kw["version"])),
        other => panic!("unknown action {other}"),
    });
    if matches!(action, "store" | "append") && kw.contains_key("const") {
        arg = arg.constant(constant);
    }
    if let Some(nargs) = kw.get("nargs") {
        arg = arg.nargs(match nargs {
            Json::Number(n) => Nargs::Exactly(n.as_u64().expect("count") as usize),
            Json::String(s) if s == "?" => Nargs::Optional,
            Json::String(s) if s == "*" => Nargs::ZeroOrMore,
            Json::String(s) if s == "+" => Nargs::OneOrMore,
            Json::String(s) if s == "..." => Nargs::Remainder,
            other => panic!("unknown nargs {other}"),
        });
    }
    if let Some(default) = kw.get("default") {
        arg = arg.default(value(default));
    }
    if kw.get("type").and_then(Json::as_str) == Some("int") {
        arg = arg.int();
    }
    if let Some(Json::Array(choices)) = kw.get("choices") {
        let choices: Vec<String> = choices.iter().map(text).collect();
        arg = arg.choices(&choices.iter().map(String::as_str).collect::<Vec<_>>());
    }
    if kw.get("required") == Some(&Json::Bool(true)) {
        arg = arg.required();
    }
    match kw.get("help") {
        Some(Json::String(h)) if h == "==SUPPRESS==" => arg = arg.hidden(),
        Some(Json::String(h)) => arg = arg.help(h),
        _ => {}
    }
    if let Some(Json::String(m)) = kw.get("metavar") {
        arg = arg.metavar(m);
    }
    if let Some(Json::String(d)) = kw.get("dest") {
        arg = arg.dest(d);
    }
    arg
}

fn build(spec: &Json) -> Parser {
    let mut parser = Parser::new(&text(&spec["prog"]));
    parser.description = spec["description"].as_str().map(str::to_owned);
    parser.epilog = spec["epilog"].as_str().map(str::to_owned);
    parser.smart_help = spec["smart"].as_bool().expect("smart");
    parser.allow_abbrev = spec["allow_abbrev"].as_bool().expect("allow_abbrev");
    let mut groups: Vec<GroupId> = Vec::new();
    let mut mutexes: Vec<MutexId> = Vec::new();
    for item in spec["items"].as_array().expect("items") {
        match item["kind"].as_str().expect("kind") {
            "group" => {
                groups.push(parser.add_group(&text(&item["title"]), item["description"].as_str()))
            }
            "mutex" => {
                let group = item["group"].as_u64().map(|g| groups[g as usize]);
                mutexes.push(parser.add_mutex(group, item["required"].as_bool().unwrap_or(false)));
            }
            _ => {
                let flags: Vec<String> = item["flags"]
                    .as_array()
                    .expect("flags")
                    .iter()
                    .map(text)
                    .collect();
                let arg = make_arg(&flags, item["kw"].as_object().expect("kw"));
                if let Some(m) = item["mutex"].as_u64() {
                    parser.add_to_mutex(mutexes[m as usize], arg);
                } else if let Some(g) = item["group"].as_u64() {
                    parser.add_to(groups[g as usize], arg);
                } else {
                    parser.add(arg);
                }
            }
        }
    }
    parser
}

/// What Rust did for one operation, or `Ok(())` when it matched Python.
fn check(parser: &mut Parser, op: &Json, expected: &Json) -> Result<(), String> {
    let columns = op["columns"].as_u64().expect("columns") as usize;
    let same = |what: &str, want: &str, got: &str| {
        if want == got {
            Ok(())
        } else {
            Err(format!(
                "{what} differs\n--- python\n{want}--- rust\n{got}---\n{want:?}\n{got:?}"
            ))
        }
    };
    match op["op"].as_str().expect("op") {
        "help" => {
            return same(
                "help",
                &text(&expected["text"]),
                &parser.format_help(columns),
            )
        }
        "usage" => {
            return same(
                "usage",
                &text(&expected["text"]),
                &parser.format_usage(columns),
            )
        }
        "option_strings" if expected.get("build_error").is_none_or(Json::is_null) => {
            let want: Vec<String> = expected["list"]
                .as_array()
                .expect("list")
                .iter()
                .map(text)
                .collect();
            let got = parser.option_strings();
            return if want == got {
                Ok(())
            } else {
                Err(format!("option strings: python {want:?}, rust {got:?}"))
            };
        }
        "option_strings" => return Ok(()),
        _ => {}
    }
    parser.columns = Some(columns);
    let argv: Vec<String> = op["argv"]
        .as_array()
        .expect("argv")
        .iter()
        .map(text)
        .collect();
    let result: cliff::Result<(Args, Vec<String>)> = if op["known"].as_bool().expect("known") {
        parser.parse_known_args(&argv)
    } else {
        parser.parse_args(&argv).map(|args| (args, Vec::new()))
    };
    if let Some(message) = expected.get("build_error").filter(|m| !m.is_null()) {
        return match result {
            Err(err) if err.kind == ErrorKind::Command && err.message == text(message) => Ok(()),
            other => Err(format!("expected build error {message}, got {other:?}")),
        };
    }
    match (expected["exit"].as_i64(), result) {
        (Some(2), Err(err)) if err.kind == ErrorKind::Usage => {
            same("stderr", &text(&expected["stderr"]), &err.message)
        }
        (Some(0), Ok((args, _))) if args.early_exit.is_some() => {
            let got = parser.early_exit_text(&args, columns).unwrap_or_default();
            same("stdout", &text(&expected["stdout"]), &got)
        }
        (None, Ok((args, extras))) if args.early_exit.is_none() => {
            let want: BTreeMap<String, ArgValue> = expected["namespace"]
                .as_object()
                .expect("namespace")
                .iter()
                .map(|(k, v)| (k.clone(), value(v)))
                .collect();
            let want_extras: Vec<String> = expected["extras"]
                .as_array()
                .expect("extras")
                .iter()
                .map(text)
                .collect();
            if args.values == want && extras == want_extras {
                Ok(())
            } else {
                Err(format!(
                    "namespace differs\npython: {want:?} extras {want_extras:?}\nrust:   {:?} extras {extras:?}",
                    args.values
                ))
            }
        }
        (exit, got) => Err(format!(
            "outcome differs: python exit {exit:?} stdout {:?} stderr {:?}\nrust: {got:?}",
            expected["stdout"], expected["stderr"]
        )),
    }
}

/// Runs every operation of the oracle's cases: (operations compared, failures).
fn compare(oracle: &Json) -> (usize, Vec<String>) {
    let mut total = 0;
    let mut failures = Vec::new();
    for case in oracle["cases"].as_array().expect("cases") {
        let name = text(&case["name"]);
        let mut parser = build(&case["parser"]);
        let ops = case["ops"].as_array().expect("ops");
        let results = case["results"].as_array().expect("results");
        for (i, (op, expected)) in ops.iter().zip(results).enumerate() {
            let python_crashed = expected.get("python_error").is_some()
                || expected["build_error"]
                    .as_str()
                    .is_some_and(|e| e.starts_with("python_error"));
            if python_crashed {
                continue;
            }
            total += 1;
            if let Err(diff) = check(&mut parser, op, expected) {
                failures.push(format!("[{name} #{i}] {op}\n{diff}"));
            }
        }
    }
    (total, failures)
}

#[test]
fn argparse_matches_python() {
    let Some(oracle) = oracle(&[]) else {
        return;
    };
    let (total, failures) = compare(&oracle);
    assert!(total >= 150, "only {total} oracle operations");
    assert!(
        failures.is_empty(),
        "{} of {total} operations differ from Python ({}):\n\n{}",
        failures.len(),
        oracle["flavour"],
        failures
            .iter()
            .take(25)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
    eprintln!("{total} operations match Python ({})", oracle["flavour"]);
}

/// Random parsers and command lines (`ARGPARSE_FUZZ=count:seed`, default 300:1).
#[test]
#[ignore = "slow; run with `cargo test -p cliff --test argparse_oracle -- --ignored`"]
fn argparse_fuzz() {
    let setting = std::env::var("ARGPARSE_FUZZ").unwrap_or_else(|_| "300:1".to_owned());
    let (count, seed) = setting.split_once(':').expect("ARGPARSE_FUZZ=count:seed");
    let Some(oracle) = oracle(&["--fuzz", count, seed]) else {
        return;
    };
    let (total, failures) = compare(&oracle);
    assert!(
        failures.is_empty(),
        "{} of {total} random operations differ from Python:\n\n{}",
        failures.len(),
        failures
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
    eprintln!("{total} random operations match Python");
}
