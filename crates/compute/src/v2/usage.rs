//! `usage list|show` (openstacksdk `Usage`, Nova's simple tenant usage).

use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use identity::common::{add_project_domain_option, find_project_id_sdk, given};
use identity::output::fail;
use osc_lib::ClientManager;
use serde_json::Value as Json;

use super::options::write_stdout;
use crate::resources::USAGE;
use openstack_sdk as sdk;
use openstack_sdk::Param;

/// A naive UTC date and time, as Python's `datetime` prints it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct DateTime {
    days: i64,
    micros: i64,
}

const DAY_MICROS: i64 = 86_400_000_000;

/// (year, month, day) of days since 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The number of days of a month (1 to 12) of a proleptic Gregorian year.
pub fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a date (`days_from_civil`).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl DateTime {
    fn now() -> Self {
        let micros = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_micros() as i64);
        DateTime {
            days: micros.div_euclid(DAY_MICROS),
            micros: micros.rem_euclid(DAY_MICROS),
        }
    }

    fn plus_days(self, days: i64) -> Self {
        DateTime {
            days: self.days + days,
            ..self
        }
    }

    /// `strftime('%Y-%m-%d')`.
    fn date(self) -> String {
        let (y, m, d) = civil_from_days(self.days);
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// `isoformat()`: microseconds only when there are some.
    fn isoformat(self) -> String {
        let seconds = self.micros / 1_000_000;
        let fraction = self.micros % 1_000_000;
        let mut text = format!(
            "{}T{:02}:{:02}:{:02}",
            self.date(),
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        );
        if fraction != 0 {
            text.push_str(&format!(".{fraction:06}"));
        }
        text
    }

    /// `datetime.strptime(text, '%Y-%m-%d')`.
    fn parse_date(text: &str) -> Result<Self> {
        let invalid = || {
            Error::command(format!(
                "time data '{text}' does not match format '%Y-%m-%d'"
            ))
        };
        let parts: Vec<&str> = text.split('-').collect();
        let [year, month, day] = parts.as_slice() else {
            return Err(invalid());
        };
        let number = |part: &str, max_len: usize| -> Result<i64> {
            if part.is_empty() || part.len() > max_len || !part.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(invalid());
            }
            part.parse().map_err(|_| invalid())
        };
        let (year, month, day) = (number(year, 4)?, number(month, 2)?, number(day, 2)?);
        if !(1..=12).contains(&month) {
            return Err(invalid());
        }
        if day < 1 || day > days_in_month(year, month) {
            return Err(Error::command("day is out of range for month"));
        }
        Ok(DateTime {
            days: days_from_civil(year, month, day),
            micros: 0,
        })
    }
}

/// The `--start` and `--end` of both commands: four weeks ago and tomorrow by default.
fn range(args: &Args) -> Result<(DateTime, DateTime)> {
    let now = DateTime::now();
    let start = match args.str("start") {
        Some(text) => DateTime::parse_date(text)?,
        None => now.plus_days(-28),
    };
    let end = match args.str("end") {
        Some(text) => DateTime::parse_date(text)?,
        None => now.plus_days(1),
    };
    Ok((start, end))
}

fn range_options(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--start"])
            .metavar("<start>")
            .help("Usage range start date, ex 2012-01-20 (default: 4 weeks ago)"),
    );
    parser.add(
        Arg::option(&["--end"])
            .metavar("<end>")
            .help("Usage range end date, ex 2012-01-20 (default: tomorrow)"),
    );
}

const COLUMNS: [&str; 5] = [
    "Project",
    "Servers",
    "RAM MB-Hours",
    "CPU Hours",
    "Disk GB-Hours",
];

/// `FloatColumn`: `f"{value:.2f}"` for a table, the value for the others; Python's `TypeError` for none in a
/// table.
fn float_column(value: Value, table: bool) -> Result<Value> {
    let number = match &value {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        _ => None,
    };
    match (number, table) {
        (Some(f), _) => Ok(Value::Column {
            human: format!("{f:.2}"),
            machine: Box::new(value),
        }),
        (None, true) if value == Value::Null => Err(Error::command(
            "unsupported format string passed to NoneType.__format__",
        )),
        (None, _) => Ok(value),
    }
}

/// One row: `ProjectColumn` (the project's name when known), `CountColumn`, three `FloatColumn`s.
fn usage_row(usage: &Json, names: &[(String, String)], table: bool) -> Result<Vec<Value>> {
    let project = sdk::attr(usage, "tenant_id");
    let project_human = match &project {
        Value::Null => String::new(),
        Value::Str(id) if id.is_empty() => String::new(),
        Value::Str(id) => names
            .iter()
            .find(|(pid, _)| pid == id)
            .map_or_else(|| id.clone(), |(_, name)| name.clone()),
        other => osc_lib::utils::py_str(other),
    };
    let servers = sdk::attr(usage, "server_usages");
    let servers_human = match &servers {
        Value::List(items) => items.len().to_string(),
        Value::Null => String::new(),
        other => osc_lib::utils::py_str(other),
    };
    Ok(vec![
        Value::Column {
            human: project_human,
            machine: Box::new(project),
        },
        Value::Column {
            human: servers_human,
            machine: Box::new(servers),
        },
        float_column(sdk::attr(usage, "total_memory_mb_usage"), table)?,
        float_column(sdk::attr(usage, "total_vcpus_usage"), table)?,
        float_column(sdk::attr(usage, "total_local_gb_usage"), table)?,
    ])
}

fn is_table(args: &Args) -> bool {
    args.str("formatter").is_none_or(|f| f == "table")
}

/// `usage list`.
pub struct ListUsage;

impl Command<ClientManager> for ListUsage {
    fn description(&self) -> &str {
        "List resource usage per project"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        range_options(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (start, end) = range(args)?;
        let params: Vec<Param> = vec![
            ("detailed", Some("True".to_owned())),
            ("start", Some(start.isoformat())),
            ("end", Some(end.isoformat())),
        ];
        let usages = fail(sdk::list(ctx, &USAGE, USAGE.base_path, &params, None))?;
        // A failure to list projects only loses the names, as in OSC.
        let names: Vec<(String, String)> = sdk::list(
            ctx,
            &identity::resources::PROJECT,
            identity::resources::PROJECT.base_path,
            &[],
            None,
        )
        .unwrap_or_default()
        .iter()
        .map(|p| {
            (
                sdk::id_of(p),
                sdk::str_of(p, "name").unwrap_or("").to_owned(),
            )
        })
        .collect();
        let table = is_table(args);
        if table && !usages.is_empty() {
            write_stdout(&format!(
                "Usage from {} to {}: \n",
                start.date(),
                end.date()
            ))?;
        }
        let rows = usages
            .iter()
            .map(|u| usage_row(u, &names, table))
            .collect::<Result<Vec<_>>>()?;
        Ok(Output::List {
            columns: COLUMNS.iter().map(|c| (*c).to_owned()).collect(),
            rows,
        })
    }
}

/// `usage show`.
pub struct ShowUsage;

impl Command<ClientManager> for ShowUsage {
    fn description(&self) -> &str {
        "Show resource usage for a single project"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Name or ID of project to show usage for"),
        );
        add_project_domain_option(parser);
        range_options(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (start, end) = range(args)?;
        let project = match given(args, "project") {
            Some(project) => fail(find_project_id_sdk(
                ctx,
                project,
                given(args, "project_domain"),
                true,
                None,
            ))?,
            None => {
                let token = ctx.token()?;
                token
                    .body
                    .pointer("/token/project/id")
                    .and_then(Json::as_str)
                    .unwrap_or("")
                    .to_owned()
            }
        };
        let query = vec![
            ("start".to_owned(), start.isoformat()),
            ("end".to_owned(), end.isoformat()),
        ];
        let path = sdk::item_path(USAGE.base_path, &project);
        let usage = fail(
            sdk::proxy::versioned(ctx, &USAGE, osc_lib::Method::Get, path)
                .and_then(|call| call.query(query).json(ctx)),
        )?;
        let usage = USAGE.unwrap_body(usage);
        let table = is_table(args);
        if table {
            write_stdout(&format!(
                "Usage from {} to {} on project {project}: \n",
                start.date(),
                end.date()
            ))?;
        }
        let values = usage_row(&usage, &[], table)?;
        Ok(Output::show(
            COLUMNS
                .iter()
                .map(|c| (*c).to_owned())
                .zip(values)
                .collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_python_prints_them() {
        let day = DateTime::parse_date("2012-01-20").unwrap();
        assert_eq!(day.isoformat(), "2012-01-20T00:00:00");
        assert_eq!(day.plus_days(-28).date(), "2011-12-23");
        let t = DateTime {
            days: day.days,
            micros: 3_723_000_042,
        };
        assert_eq!(t.isoformat(), "2012-01-20T01:02:03.000042");
        assert!(DateTime::parse_date("2012-13-01").is_err());
        assert_eq!(
            DateTime::parse_date("x").unwrap_err().message,
            "time data 'x' does not match format '%Y-%m-%d'"
        );
        assert_eq!(
            DateTime::parse_date("2024-2-29").unwrap().date(),
            "2024-02-29"
        );
    }
}
