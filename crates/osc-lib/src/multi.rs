//! The loop OSC's multi-item commands run (`project delete a b c`), and this client's `--parallel <n>`, which runs
//! it on several items at once (an addition to OSC, docs/extensions.md).
//!
//! Whatever the order in which items finish, the messages come out in the items' order and in OSC's words, with
//! OSC's summary and exit code: a parallel run prints exactly what a serial one prints.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use cliff::{Arg, Args, Error, Output, Result};

use crate::clientmanager::ClientManager;

/// The environment variable that sets the default of `--parallel`.
pub const PARALLEL_ENV: &str = "OSC_RS_PARALLEL";

/// The clouds.yaml key (of a cloud) that sets the default of `--parallel`, below the environment variable.
pub const PARALLEL_KEY: &str = "parallel";

/// The most items worked on at once, whatever is asked: more only queues at the server.
pub const MAX_PARALLEL: usize = 64;

/// The `--parallel <n>` option of a multi-item command.
pub fn parallel_option() -> Arg {
    Arg::option(&["--parallel"])
        .metavar("<n>")
        .dest("parallel")
        .help(&format!(
            "Work on up to <n> items at once (default: ${PARALLEL_ENV}, else `{PARALLEL_KEY}` of the cloud in \
             clouds.yaml, else 1). Messages keep the items' order. Not in python-openstackclient"
        ))
        .extension()
}

/// How many items to work on at once: `--parallel`, else `OSC_RS_PARALLEL`, else the cloud's `parallel`, else 1.
pub fn parallelism(manager: &ClientManager, args: &Args) -> Result<usize> {
    let env = std::env::var(PARALLEL_ENV).ok().filter(|v| !v.is_empty());
    let (given, source) = if let Some(value) = args.str("parallel") {
        (value.to_owned(), "--parallel".to_owned())
    } else if let Some(value) = env {
        (value, PARALLEL_ENV.to_owned())
    } else if let Some(value) = manager
        .settings
        .cloud
        .as_ref()
        .and_then(|cloud| cloud.get(PARALLEL_KEY))
    {
        let text = match value {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        (text, format!("clouds.yaml's {PARALLEL_KEY}"))
    } else {
        return Ok(1);
    };
    match given.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n.min(MAX_PARALLEL)),
        _ => Err(Error::command(format!(
            "{source} must be a whole number of at least 1, not '{given}'"
        ))),
    }
}

/// Runs `action` on every item, up to `parallel` at once, and returns each item's result in the items' order.
/// One at a time (OSC's way) on `manager` itself when `parallel` is 1, there is one item, or the transport cannot
/// be shared; otherwise on forks of it (see [`ClientManager::fork`]), one per thread.
pub fn run_each<T: Send, E: Send>(
    manager: &mut ClientManager,
    items: &[String],
    parallel: usize,
    action: impl Fn(&mut ClientManager, &str) -> std::result::Result<T, E> + Sync,
) -> Result<Vec<std::result::Result<T, E>>> {
    let threads = parallel.min(items.len());
    let forks = if threads > 1 {
        let mut forks = Vec::with_capacity(threads);
        for _ in 0..threads {
            match manager.fork()? {
                Some(fork) => forks.push(fork),
                None => break,
            }
        }
        forks
    } else {
        Vec::new()
    };
    if forks.len() < 2 {
        return Ok(items.iter().map(|item| action(manager, item)).collect());
    }
    log::debug!("{} items, {} at once", items.len(), forks.len());
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<std::result::Result<T, E>>>> =
        Mutex::new(items.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for fork in forks {
            let (next, results, action) = (&next, &results, &action);
            scope.spawn(move || {
                let mut manager = fork.into_manager();
                loop {
                    let index = next.fetch_add(1, Ordering::SeqCst);
                    let Some(item) = items.get(index) else { break };
                    let result = action(&mut manager, item);
                    // A poisoned lock means another worker panicked; the scope re-raises that panic anyway.
                    if let Ok(mut slots) = results.lock() {
                        slots[index] = Some(result);
                    }
                }
            });
        }
    });
    let slots = results
        .into_inner()
        .map_err(|_| Error::command("A worker thread failed"))?;
    // Every index below items.len() was taken by exactly one worker, which stored its result before taking the
    // next; a missing one can only follow a worker's panic, which `scope` has already propagated.
    Ok(slots.into_iter().flatten().collect())
}

/// The loop of OSC's multi-item commands: `action` on each item (up to `--parallel` at once), each failure logged
/// as `failure(item, error)` in the items' order, and any failure ending the command with `summary(failed,
/// total)` ("1 of 3 projects failed to delete.") and exit code 1.
pub fn each_item<E: Send>(
    manager: &mut ClientManager,
    args: &Args,
    items: &[String],
    action: impl Fn(&mut ClientManager, &str) -> std::result::Result<(), E> + Sync,
    failure: impl Fn(&str, &E) -> String,
    summary: impl Fn(usize, usize) -> String,
) -> Result<Output> {
    let parallel = parallelism(manager, args)?;
    let mut errors = 0;
    for (item, result) in items
        .iter()
        .zip(run_each(manager, items, parallel, action)?)
    {
        if let Err(err) = result {
            errors += 1;
            log::error!("{}", failure(item, &err));
        }
    }
    if errors > 0 {
        return Err(Error::command(summary(errors, items.len())));
    }
    Ok(Output::ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(parallel: Option<&str>) -> Args {
        let mut parser = cliff::Parser::new("x");
        parser.add(parallel_option());
        let argv: Vec<String> = match parallel {
            Some(n) => vec!["--parallel".to_owned(), n.to_owned()],
            None => Vec::new(),
        };
        parser.parse_args(&argv).expect("parses")
    }

    #[test]
    fn one_at_a_time_keeps_order_and_results() {
        let mut manager = ClientManager::new(Default::default(), Box::new(|| unreachable!()));
        let items: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        let results = run_each(&mut manager, &items, 1, |_, item| {
            if item == "b" {
                Err(format!("no {item}"))
            } else {
                Ok(item.to_uppercase())
            }
        })
        .expect("runs");
        assert_eq!(
            results,
            vec![
                Ok("A".to_owned()),
                Err("no b".to_owned()),
                Ok("C".to_owned())
            ]
        );
    }

    #[test]
    fn parallelism_from_the_option_then_the_default() {
        let manager = ClientManager::new(Default::default(), Box::new(|| unreachable!()));
        assert_eq!(parallelism(&manager, &args(Some("8"))).ok(), Some(8));
        assert_eq!(
            parallelism(&manager, &args(Some("1000"))).ok(),
            Some(MAX_PARALLEL)
        );
        let err = parallelism(&manager, &args(Some("0"))).expect_err("0 is refused");
        assert_eq!(
            err.to_string(),
            "--parallel must be a whole number of at least 1, not '0'"
        );
        if std::env::var_os(PARALLEL_ENV).is_none() {
            assert_eq!(parallelism(&manager, &args(None)).ok(), Some(1));
        }
    }
}
