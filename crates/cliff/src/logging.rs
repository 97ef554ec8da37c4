//! The process logger: messages alone on stderr (`%(message)s`, as osc-lib), and a timestamped log file.

use std::fs::File;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use log::{Level, LevelFilter, Log, Metadata, Record};

struct Logger {
    console: AtomicUsize,
    file: Mutex<Option<File>>,
}

static LOGGER: OnceLock<Logger> = OnceLock::new();

/// Log targets of dependencies whose debug output would drown ours.
const QUIET_TARGETS: &[&str] = &["ureq", "rustls", "ring"];

fn level_to_usize(level: LevelFilter) -> usize {
    level as usize
}

impl Log for Logger {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        // Libraries' own chatter (the HTTP and TLS stacks) is not ours to show, as osc-lib silences
        // `requests`: only their warnings and errors pass.
        let target = metadata.target();
        if metadata.level() > Level::Warn && QUIET_TARGETS.iter().any(|t| target.starts_with(t)) {
            return false;
        }
        level_to_usize(metadata.level().to_level_filter()) <= self.console.load(Ordering::Relaxed)
    }

    fn log(&self, record: &Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        // Undecodable argv bytes print as Python's stderr prints them (`\udcXX`).
        let message = crate::surrogate::backslashed(&record.args().to_string());
        // A failed write to stderr has nowhere to be reported: dropping it is the only option.
        let _ = writeln!(std::io::stderr().lock(), "{message}");
        if let Ok(mut guard) = self.file.lock() {
            if let Some(file) = guard.as_mut() {
                let _ = writeln!(
                    file,
                    "{} {} {} {} {}",
                    timestamp(),
                    std::process::id(),
                    level_name(record.level()),
                    record.target(),
                    message
                );
            }
        }
    }

    fn flush(&self) {}
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Error => "ERROR",
        Level::Warn => "WARNING",
        Level::Info => "INFO",
        Level::Debug | Level::Trace => "DEBUG",
    }
}

/// UTC `YYYY-MM-DD HH:MM:SS.mmm`, computed without a date library.
fn timestamp() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = now.as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}.{:03}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        now.subsec_millis()
    )
}

/// Howard Hinnant's days-to-civil algorithm.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Installs the logger (once per process) with this console level.
pub fn init(console: LevelFilter) {
    let logger = LOGGER.get_or_init(|| Logger {
        console: AtomicUsize::new(level_to_usize(console)),
        file: Mutex::new(None),
    });
    logger
        .console
        .store(level_to_usize(console), Ordering::Relaxed);
    if log::set_logger(logger).is_ok() {
        log::set_max_level(LevelFilter::Trace);
    }
}

/// Changes the console level (for example once clouds.yaml's `log_level` is known).
pub fn set_console_level(console: LevelFilter) {
    if let Some(logger) = LOGGER.get() {
        logger
            .console
            .store(level_to_usize(console), Ordering::Relaxed);
    }
}

/// Also writes every message at the console level to this file (`--log-file`).
pub fn set_log_file(path: &str) -> std::io::Result<()> {
    let file = File::options().create(true).append(true).open(path)?;
    if let Some(logger) = LOGGER.get() {
        if let Ok(mut guard) = logger.file.lock() {
            *guard = Some(file);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_417), (2025, 11, 25));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }
}
