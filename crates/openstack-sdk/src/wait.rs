//! osc-lib's `utils.wait_for_status` and `utils.wait_for_delete`, which OSC's `--wait` options use: fetch the
//! resource every `sleep_time` seconds (5 by default) until its status is a success or an error status, or
//! until the fetch says it is gone; each poll passes the resource's `progress` to a callback (OSC's
//! `_show_progress` writes `\rProgress: <n>` to the command's stdout).
//!
//! Ctrl-C while waiting: the process keeps the default SIGINT disposition, so the signal ends it at once, in the
//! middle of a sleep or a request, and the shell sees 130 (128 + SIGINT) as with OSC.

use std::time::Duration;

use serde_json::Value as Json;

use crate::failure::Res;

/// osc-lib's default pause between polls.
pub const SLEEP_TIME: Duration = Duration::from_secs(5);

/// osc-lib's default limit of `wait_for_delete`.
pub const DELETE_TIMEOUT: Duration = Duration::from_secs(300);

/// How to wait: the status attribute, which statuses end the wait, the pause between polls.
#[derive(Debug, Clone)]
pub struct Wait {
    /// The attribute holding the status (`status`; Glance's tasks, Heat's stacks use others).
    pub status_field: &'static str,
    /// Lower-case statuses that end the wait successfully.
    pub success: Vec<String>,
    /// Lower-case statuses that end the wait with a failure.
    pub error: Vec<String>,
    /// The pause between polls.
    pub sleep_time: Duration,
    /// How the pause is taken (`std::thread::sleep`; tests pass a function that does not sleep).
    pub sleep: fn(Duration),
}

impl Default for Wait {
    fn default() -> Self {
        Wait {
            status_field: "status",
            success: vec!["active".to_owned()],
            error: vec!["error".to_owned()],
            sleep_time: SLEEP_TIME,
            sleep: std::thread::sleep,
        }
    }
}

/// What a poll saw.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The resource reached a success status (`True`); the last fetch.
    Reached(Json),
    /// The resource reached an error status (`False`); the last fetch.
    Failed(Json),
    /// The resource is gone (`wait_for_delete` returned `True`).
    Gone,
    /// `wait_for_delete` gave up after its timeout (`False`).
    TimedOut,
}

/// `getattr(res, status_field, '').lower()`.
fn status_of(resource: &Json, field: &str) -> String {
    resource
        .get(field)
        .and_then(Json::as_str)
        .unwrap_or("")
        .to_lowercase()
}

/// `getattr(res, 'progress', None) or 0`.
fn progress_of(resource: &Json) -> u64 {
    resource.get("progress").and_then(Json::as_u64).unwrap_or(0)
}

/// OSC's `_show_progress` text for a progress value: `\rProgress: <n>`, nothing for 0.
pub fn progress_text(progress: u64) -> Option<String> {
    (progress > 0).then(|| format!("\rProgress: {progress}"))
}

/// `wait_for_status(status_f, res_id, ...)`: `fetch` is called until the status is a success or an error one;
/// `callback` gets the progress of each poll that did not end the wait.
pub fn wait_for_status(
    wait: &Wait,
    mut fetch: impl FnMut() -> Res<Json>,
    mut callback: impl FnMut(u64),
) -> Res<Outcome> {
    loop {
        let resource = fetch()?;
        let status = status_of(&resource, wait.status_field);
        if wait.success.contains(&status) {
            return Ok(Outcome::Reached(resource));
        }
        if wait.error.contains(&status) {
            return Ok(Outcome::Failed(resource));
        }
        callback(progress_of(&resource));
        (wait.sleep)(wait.sleep_time);
    }
}

/// `wait_for_delete(manager, res_id, ...)`: `fetch` is called until it fails with not found (gone), the status
/// is an error one, or `timeout` worth of pauses have passed. Any other failure ends the wait with that failure.
pub fn wait_for_delete(
    wait: &Wait,
    timeout: Duration,
    mut fetch: impl FnMut() -> Res<Json>,
    mut callback: impl FnMut(u64),
) -> Res<Outcome> {
    let mut waited = Duration::ZERO;
    while waited < timeout {
        let resource = match fetch() {
            Ok(resource) => resource,
            Err(failure) if failure.is_not_found() => return Ok(Outcome::Gone),
            Err(failure) => return Err(failure),
        };
        if wait
            .error
            .contains(&status_of(&resource, wait.status_field))
        {
            return Ok(Outcome::Failed(resource));
        }
        callback(progress_of(&resource));
        (wait.sleep)(wait.sleep_time);
        waited += wait.sleep_time;
    }
    Ok(Outcome::TimedOut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Failure;
    use serde_json::json;

    fn no_sleep(_: Duration) {}

    fn waiting() -> Wait {
        Wait {
            sleep: no_sleep,
            ..Wait::default()
        }
    }

    #[test]
    fn status_reached_with_progress() {
        let mut answers = vec![
            json!({"status": "BUILD", "progress": 0}),
            json!({"status": "BUILD", "progress": 40}),
            json!({"status": "ACTIVE", "progress": 100}),
        ]
        .into_iter();
        let mut shown = Vec::new();
        let outcome = wait_for_status(
            &waiting(),
            || Ok(answers.next().unwrap_or_default()),
            |p| shown.extend(progress_text(p)),
        )
        .unwrap();
        assert_eq!(
            outcome,
            Outcome::Reached(json!({"status": "ACTIVE", "progress": 100}))
        );
        assert_eq!(shown, vec!["\rProgress: 40".to_owned()]);
        let outcome =
            wait_for_status(&waiting(), || Ok(json!({"status": "ERROR"})), |_| {}).unwrap();
        assert_eq!(outcome, Outcome::Failed(json!({"status": "ERROR"})));
    }

    #[test]
    fn delete_gone_failed_or_timed_out() {
        let mut polls = 0;
        let outcome = wait_for_delete(
            &waiting(),
            DELETE_TIMEOUT,
            || {
                polls += 1;
                if polls < 3 {
                    Ok(json!({"status": "deleting"}))
                } else {
                    Err(Failure::NotFound("gone".into()))
                }
            },
            |_| {},
        )
        .unwrap();
        assert_eq!((outcome, polls), (Outcome::Gone, 3));
        let mut polls = 0;
        let outcome = wait_for_delete(
            &waiting(),
            Duration::from_secs(12),
            || {
                polls += 1;
                Ok(json!({"status": "deleting"}))
            },
            |_| {},
        )
        .unwrap();
        // 12 s at 5 s a poll: polls at 0, 5 and 10 s.
        assert_eq!((outcome, polls), (Outcome::TimedOut, 3));
        let failure = wait_for_delete(
            &waiting(),
            DELETE_TIMEOUT,
            || Err(Failure::command("boom")),
            |_| {},
        );
        assert_eq!(failure.unwrap_err().to_string(), "boom");
    }
}
