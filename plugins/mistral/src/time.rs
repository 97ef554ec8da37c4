//! Dates as mistralclient handles them: Mistral's `YYYY-MM-DD HH:MM:SS` UTC timestamps, the Duration column
//! (Python `timedelta` printing) and the local-time conversion of `cron trigger create --first-time`.

use serde_json::Value as Json;

use crate::text::{py_repr, truthy};

/// Mistral's timestamp format, as `strptime` spells it.
const TIMESTAMP_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

/// The `--first-time` format.
pub const FIRST_TIME_FORMAT: &str = "%Y-%m-%d %H:%M";

/// Seconds since the Unix epoch, now.
pub fn now() -> i64 {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(elapsed) => elapsed.as_secs() as i64,
        // A clock before 1970: Python would count backwards too.
        Err(err) => -(err.duration().as_secs() as i64),
    }
}

/// mistralclient's `get_duration_str`: `end - start`, or `now - start` followed by `...` while running (just `...`
/// under two seconds); empty without a start. Bad timestamps fail with Python's `strptime` message.
pub fn duration(start: &Json, end: &Json, now: i64) -> Result<String, String> {
    if !truthy(start) {
        return Ok(String::new());
    }
    let start = parse_json(start, TIMESTAMP_FORMAT)?;
    if truthy(end) {
        let end = parse_json(end, TIMESTAMP_FORMAT)?;
        return Ok(timedelta(end - start));
    }
    let elapsed = now - start;
    if elapsed < 2 {
        return Ok("...".to_owned());
    }
    Ok(format!("{}...", timedelta(elapsed)))
}

fn parse_json(value: &Json, format: &str) -> Result<i64, String> {
    match value {
        Json::String(text) => strptime(text, format),
        other => Err(format!(
            "strptime() argument 1 must be str, not {}",
            match other {
                Json::Bool(_) => "bool",
                Json::Number(n) if n.is_f64() => "float",
                Json::Number(_) => "int",
                Json::Array(_) => "list",
                Json::Object(_) => "dict",
                _ => "NoneType",
            }
        )),
    }
}

/// Python's `str(timedelta(seconds=...))`: `H:MM:SS`, with `N day(s), ` in front when a day or more (negative
/// durations count whole days down, as `-1 day, 23:59:59`).
pub fn timedelta(total_seconds: i64) -> String {
    let days = total_seconds.div_euclid(86_400);
    let rest = total_seconds.rem_euclid(86_400);
    let clock = format!("{}:{:02}:{:02}", rest / 3600, rest % 3600 / 60, rest % 60);
    if days == 0 {
        clock
    } else {
        let plural = if days.abs() != 1 { "s" } else { "" };
        format!("{days} day{plural}, {clock}")
    }
}

/// `datetime.strptime(text, format)` for the two formats used here, as seconds since the epoch (UTC); the error
/// is Python's.
pub fn strptime(text: &str, format: &str) -> Result<i64, String> {
    let mismatch = || {
        format!(
            "time data {} does not match format {}",
            py_repr(&Json::String(text.to_owned())),
            py_repr(&Json::String(format.to_owned()))
        )
    };
    let with_seconds = format == TIMESTAMP_FORMAT;
    let mut rest = text;
    let mut number = |max_digits: usize, separator: Option<char>| -> Option<i64> {
        let digits = rest
            .chars()
            .take(max_digits)
            .take_while(char::is_ascii_digit)
            .count();
        if digits == 0 {
            return None;
        }
        let value = rest[..digits].parse().ok()?;
        rest = &rest[digits..];
        if let Some(separator) = separator {
            rest = rest.strip_prefix(separator)?;
        }
        Some(value)
    };
    let fields = (|| {
        let year = number(4, Some('-'))?;
        let month = number(2, Some('-'))?;
        let day = number(2, Some(' '))?;
        let hour = number(2, Some(':'))?;
        let minute = number(2, with_seconds.then_some(':'))?;
        let second = if with_seconds { number(2, None)? } else { 0 };
        Some((year, month, day, hour, minute, second))
    })();
    let (year, month, day, hour, minute, second) = fields.ok_or_else(mismatch)?;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => return Err(mismatch()),
    };
    if day < 1 || hour > 23 || minute > 59 || second > 61 {
        return Err(mismatch());
    }
    if !rest.is_empty() {
        return Err(format!("unconverted data remains: {rest}"));
    }
    if day > days_in_month {
        return Err("day is out of range for month".to_owned());
    }
    Ok(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second.min(59))
}

/// `strftime('%Y-%m-%d %H:%M')` of seconds since the epoch.
pub fn format_minutes(seconds: i64) -> String {
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    let rest = seconds.rem_euclid(86_400);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        rest / 3600,
        rest % 3600 / 60
    )
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day number since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// mistralclient's `_convert_time_string_to_utc`: a local `YYYY-MM-DD HH:MM` shifted by the current UTC offset.
pub fn local_minutes_to_utc(text: &str) -> Result<String, String> {
    let local = strptime(text, FIRST_TIME_FORMAT)?;
    Ok(format_minutes(local - local_utc_offset()))
}

/// The local time zone's current offset from UTC in seconds (east positive), as Python's `time` module derives
/// `-time.timezone` / `-time.altzone`.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn local_utc_offset() -> i64 {
    use std::os::raw::{c_char, c_int, c_long};

    #[repr(C)]
    struct Tm {
        tm_sec: c_int,
        tm_min: c_int,
        tm_hour: c_int,
        tm_mday: c_int,
        tm_mon: c_int,
        tm_year: c_int,
        tm_wday: c_int,
        tm_yday: c_int,
        tm_isdst: c_int,
        tm_gmtoff: c_long,
        tm_zone: *const c_char,
    }
    extern "C" {
        fn tzset();
        fn localtime_r(time: *const i64, result: *mut Tm) -> *mut Tm;
    }
    let now = now();
    let mut tm = Tm {
        tm_sec: 0,
        tm_min: 0,
        tm_hour: 0,
        tm_mday: 0,
        tm_mon: 0,
        tm_year: 0,
        tm_wday: 0,
        tm_yday: 0,
        tm_isdst: 0,
        tm_gmtoff: 0,
        tm_zone: std::ptr::null(),
    };
    // SAFETY: glibc's `struct tm` on 64-bit Linux is nine ints, a long and a pointer, as declared; `localtime_r`
    // only writes into the struct we own and reads the time_t we pass; tzset reads TZ, as Python does at start.
    let converted = unsafe {
        tzset();
        !localtime_r(&now, &mut tm).is_null()
    };
    if converted {
        tm.tm_gmtoff as i64
    } else {
        0
    }
}

/// Elsewhere the conversion assumes UTC.
#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn local_utc_offset() -> i64 {
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn durations() {
        let start = json!("2026-11-25 08:43:44");
        assert_eq!(
            duration(&start, &json!("2026-11-25 08:43:45"), 0).unwrap(),
            "0:00:01"
        );
        assert_eq!(
            duration(&start, &json!("2026-11-27 10:00:00"), 0).unwrap(),
            "2 days, 1:16:16"
        );
        let started = strptime("2026-11-25 08:43:44", TIMESTAMP_FORMAT).unwrap();
        assert_eq!(duration(&start, &Json::Null, started + 1).unwrap(), "...");
        assert_eq!(
            duration(&start, &json!(""), started + 75).unwrap(),
            "0:01:15..."
        );
        assert_eq!(duration(&Json::Null, &Json::Null, 0).unwrap(), "");
        assert_eq!(
            duration(&json!("2026-11-25T08:43:44"), &Json::Null, 0).unwrap_err(),
            "time data '2026-11-25T08:43:44' does not match format '%Y-%m-%d %H:%M:%S'"
        );
    }

    #[test]
    fn timedeltas_as_python() {
        assert_eq!(timedelta(0), "0:00:00");
        assert_eq!(timedelta(86_400), "1 day, 0:00:00");
        assert_eq!(timedelta(-1), "-1 day, 23:59:59");
        assert_eq!(timedelta(36_000), "10:00:00");
    }

    #[test]
    fn strptime_and_back() {
        let seconds = strptime("2026-3-1 7:05", FIRST_TIME_FORMAT).unwrap();
        assert_eq!(seconds, 1_772_348_700);
        assert_eq!(format_minutes(seconds), "2026-03-01 07:05");
        assert_eq!(format_minutes(seconds - 3600 * 8), "2026-02-28 23:05");
        assert_eq!(
            strptime("2026-03-01", FIRST_TIME_FORMAT).unwrap_err(),
            "time data '2026-03-01' does not match format '%Y-%m-%d %H:%M'"
        );
        assert_eq!(
            strptime("2026-03-01 10:00:00", FIRST_TIME_FORMAT).unwrap_err(),
            "unconverted data remains: :00"
        );
        assert_eq!(format_minutes(0), "1970-01-01 00:00");
    }
}
