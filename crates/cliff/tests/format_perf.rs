//! Formatting a 1,000-row, 6-column table must stay far below 10 ms (release builds).

use std::time::{Duration, Instant};

use cliff::format::{render, Terminal};
use cliff::{ArgValue, Args, Output, Value};

fn listing() -> Output {
    let rows = (0..1000)
        .map(|i: i64| {
            vec![
                Value::str(format!("{:032x}", i * 7919)),
                Value::str(format!("server-{i}")),
                Value::str(if i % 3 == 0 { "ACTIVE" } else { "SHUTOFF" }),
                Value::str(format!(
                    "private=10.0.{}.{}, 2001:db8::{i:x}",
                    i / 256,
                    i % 256
                )),
                Value::Int(i * 3),
                Value::Dict(vec![
                    ("zone".into(), Value::str("nova")),
                    ("tags".into(), Value::List(vec![])),
                ]),
            ]
        })
        .collect();
    let columns = ["ID", "Name", "Status", "Networks", "Size", "Properties"];
    Output::List {
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows,
    }
}

/// The best of several runs, so that a busy machine does not decide the result.
fn best_time(output: &Output, args: &Args) -> Duration {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            let text = render(output, args, Terminal::default()).expect("renders");
            assert!(text.len() > 100_000);
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn thousand_row_table_is_fast() {
    let output = listing();
    let plain = best_time(&output, &Args::default());
    let mut fitted = Args::default();
    fitted.set("max_width", ArgValue::Int(80));
    let wrapped = best_time(&output, &fitted);
    eprintln!("1000x6 table: {plain:?}; fitted to 80 columns: {wrapped:?}");
    if !cfg!(debug_assertions) {
        assert!(plain < Duration::from_millis(10), "{plain:?}");
    }
}
