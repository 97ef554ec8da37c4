//! `--wait`: following a workflow or action execution until it finishes. While waiting, a spinner with the
//! execution's state and its tasks counted by state is drawn on stderr, only when stderr is a terminal; piped
//! output gets nothing extra.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use cliff::Result;
use osc_lib::ClientManager;
use serde_json::Value as Json;

use crate::api::{segment, Mistral};
use crate::text::py_str;

/// States an execution does not leave by itself. `PAUSED` is not one: a paused execution is waited for until
/// someone resumes (or cancels) it.
pub const FINAL_STATES: &[&str] = &["SUCCESS", "ERROR", "CANCELLED"];

/// The states after which `--wait` exits with 1.
pub const FAILED_STATES: &[&str] = &["ERROR", "CANCELLED"];

/// The pauses between fetches: short at first, since many executions finish within a second, then every second.
fn poll_interval(poll: usize) -> Duration {
    match poll {
        0 => Duration::from_millis(250),
        1 => Duration::from_millis(500),
        _ => Duration::from_secs(1),
    }
}

/// How often the spinner is redrawn between polls.
const FRAME_INTERVAL: Duration = Duration::from_millis(100);

const SPINNER: &[char] = &['|', '/', '-', '\\'];

/// What is being waited for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A workflow execution (`/executions`), whose tasks are counted while waiting.
    Workflow,
    /// An action execution (`/action_executions`).
    Action,
}

impl Kind {
    fn collection(self) -> &'static str {
        match self {
            Kind::Workflow => "executions",
            Kind::Action => "action_executions",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Kind::Workflow => "Workflow execution",
            Kind::Action => "Action execution",
        }
    }
}

/// The state of an execution resource.
pub fn state(execution: &Json) -> String {
    py_str(execution.get("state").unwrap_or(&Json::Null))
}

/// Fetches the execution until its state is final, starting from `execution` as created; returns the last one.
pub fn until_finished(manager: &mut ClientManager, kind: Kind, execution: Json) -> Result<Json> {
    poll(manager, kind, execution, poll_interval)
}

fn poll(
    manager: &mut ClientManager,
    kind: Kind,
    execution: Json,
    interval: fn(usize) -> Duration,
) -> Result<Json> {
    let id = py_str(execution.get("id").unwrap_or(&Json::Null));
    let mut spinner = Spinner::new(std::io::stderr().is_terminal());
    let mut execution = execution;
    let mut polls = 0;
    while !FINAL_STATES.contains(&state(&execution).as_str()) {
        let counts = if spinner.enabled && kind == Kind::Workflow {
            task_counts(manager, &id)?
        } else {
            BTreeMap::new()
        };
        let status = status_line(kind, &state(&execution), &counts);
        spinner.spin_for(interval(polls), &status);
        polls += 1;
        execution = Mistral::new(manager).get(
            &format!("/{}/{}", kind.collection(), segment(&id)),
            Vec::new(),
        )?;
    }
    spinner.clear();
    Ok(execution)
}

/// The error message of a finished execution that did not succeed (`None` when it succeeded).
pub fn failure(kind: Kind, execution: &Json) -> Option<String> {
    let state = state(execution);
    if !FAILED_STATES.contains(&state.as_str()) {
        return None;
    }
    let id = py_str(execution.get("id").unwrap_or(&Json::Null));
    let label = kind.label();
    Some(match execution.get("state_info") {
        Some(Json::Null) | None => format!("{label} {id} ended in {state}."),
        Some(info) => format!("{label} {id} ended in {state}: {}", py_str(info).trim_end()),
    })
}

/// The workflow execution's tasks counted by state.
fn task_counts(manager: &mut ClientManager, id: &str) -> Result<BTreeMap<String, usize>> {
    let tasks = Mistral::new(manager).list(
        &format!("/executions/{}/tasks", segment(id)),
        vec![("fields".to_owned(), "id,state".to_owned())],
        "tasks",
    )?;
    let mut counts = BTreeMap::new();
    for task in &tasks {
        *counts.entry(state(task)).or_insert(0) += 1;
    }
    Ok(counts)
}

/// What the spinner says: `Workflow execution RUNNING, tasks: 1 RUNNING, 2 SUCCESS`.
pub fn status_line(kind: Kind, state: &str, counts: &BTreeMap<String, usize>) -> String {
    let mut line = format!("{} {state}", kind.label());
    if !counts.is_empty() {
        let parts: Vec<String> = counts
            .iter()
            .map(|(state, count)| format!("{count} {state}"))
            .collect();
        line.push_str(&format!(", tasks: {}", parts.join(", ")));
    }
    line
}

/// The longest spinner line, so that it never wraps on an 80-column terminal (a wrapped line cannot be redrawn).
const LINE_WIDTH: usize = 79;

/// A one-line spinner on stderr; does nothing when disabled, but still waits.
struct Spinner {
    enabled: bool,
    frame: usize,
    started: Instant,
}

impl Spinner {
    fn new(enabled: bool) -> Self {
        Spinner {
            enabled,
            frame: 0,
            started: Instant::now(),
        }
    }

    /// Waits `duration`, redrawing the line every frame.
    fn spin_for(&mut self, duration: Duration, status: &str) {
        if !self.enabled {
            std::thread::sleep(duration);
            return;
        }
        let until = Instant::now() + duration;
        while Instant::now() < until {
            let elapsed = self.started.elapsed().as_secs();
            let glyph = SPINNER[self.frame % SPINNER.len()];
            self.frame += 1;
            // Progress is decoration: a failed write to the terminal must not fail the command.
            let mut stderr = std::io::stderr().lock();
            let line = format!("{glyph} {status} ({elapsed}s)");
            let line: String = line.chars().take(LINE_WIDTH).collect();
            let _ = write!(stderr, "\r\x1b[2K{line}");
            let _ = stderr.flush();
            std::thread::sleep(FRAME_INTERVAL.min(until.saturating_duration_since(Instant::now())));
        }
    }

    fn clear(&mut self) {
        if self.enabled && self.frame > 0 {
            let mut stderr = std::io::stderr().lock();
            let _ = write!(stderr, "\r\x1b[2K");
            let _ = stderr.flush();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn polls_until_final() {
        let (result, sent) = crate::testing::with_manager(
            &[
                (200, r#"{"id": "e1", "state": "PAUSED"}"#),
                (200, r#"{"id": "e1", "state": "SUCCESS"}"#),
            ],
            |manager| {
                poll(
                    manager,
                    Kind::Workflow,
                    json!({"id": "e1", "state": "RUNNING"}),
                    |_| Duration::ZERO,
                )
            },
        );
        assert_eq!(result.unwrap(), json!({"id": "e1", "state": "SUCCESS"}));
        assert_eq!(
            crate::testing::lines(&sent),
            vec!["GET /executions/e1", "GET /executions/e1"]
        );
    }

    #[test]
    fn status_lines() {
        let mut counts = BTreeMap::new();
        counts.insert("SUCCESS".to_owned(), 2);
        counts.insert("RUNNING".to_owned(), 1);
        assert_eq!(
            status_line(Kind::Workflow, "RUNNING", &counts),
            "Workflow execution RUNNING, tasks: 1 RUNNING, 2 SUCCESS"
        );
        assert_eq!(
            status_line(Kind::Action, "RUNNING", &BTreeMap::new()),
            "Action execution RUNNING"
        );
    }

    #[test]
    fn failures() {
        assert_eq!(
            failure(
                Kind::Workflow,
                &json!({"id": "e1", "state": "ERROR", "state_info": "Failure caused by error in tasks: boom"})
            ),
            Some(
                "Workflow execution e1 ended in ERROR: Failure caused by error in tasks: boom"
                    .to_owned()
            )
        );
        assert_eq!(
            failure(
                Kind::Action,
                &json!({"id": "a1", "state": "CANCELLED", "state_info": null})
            ),
            Some("Action execution a1 ended in CANCELLED.".to_owned())
        );
        assert_eq!(
            failure(Kind::Workflow, &json!({"id": "e1", "state": "SUCCESS"})),
            None
        );
    }
}
