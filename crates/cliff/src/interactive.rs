//! Interactive mode: with no command, a `(<name>) ` prompt with line editing, history and completion of command
//! words on a terminal; one command per line from a pipe (`echo "command list" | openstack`).

use std::io::BufRead;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

use crate::app::{App, Application};

/// Runs commands until `exit`, `quit` or end of input; returns the exit code of the session (0, or 130 when
/// interrupted outside the prompt).
pub fn run<A: Application>(app: &mut App<A>) -> i32 {
    if crate::terminal::stdin_is_tty() {
        prompt_loop(app)
    } else {
        batch_loop(app)
    }
}

/// What to do with one input line.
enum LineOutcome {
    Continue,
    Stop,
}

fn run_line<A: Application>(app: &mut App<A>, line: &str) -> LineOutcome {
    let words = match split(line) {
        Ok(words) => words,
        Err(message) => {
            log::error!("{message}");
            return LineOutcome::Continue;
        }
    };
    match words.first().map(String::as_str) {
        None => LineOutcome::Continue,
        Some("exit" | "quit" | "EOF") => LineOutcome::Stop,
        Some(_) => {
            app.run_subcommand(&words);
            LineOutcome::Continue
        }
    }
}

fn batch_loop<A: Application>(app: &mut App<A>) -> i32 {
    let stdin = std::io::stdin();
    // Bytes, not `lines()`: a line that is not UTF-8 would end the loop. Python decodes it with surrogateescape
    // and runs it like any other line, so it is decoded the same way as argv.
    for line in stdin.lock().split(b'\n') {
        let Ok(mut line) = line else { break };
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        let line = crate::surrogate::decode(&line);
        if let LineOutcome::Stop = run_line(app, &line) {
            break;
        }
    }
    0
}

struct CommandWords {
    names: Vec<String>,
}

impl Completer for CommandWords {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        // As cliff: complete the whole command name from what is typed, returning the missing part of each.
        let prefix = &line[..pos];
        let start = prefix.rfind(' ').map_or(0, |i| i + 1);
        let candidates = self
            .names
            .iter()
            .filter(|name| name.starts_with(prefix))
            .map(|name| {
                let rest = &name[start..];
                let word_end = rest.find(' ').map_or(rest.len(), |i| i + 1);
                let replacement = rest[..word_end].to_owned();
                Pair {
                    display: name.clone(),
                    replacement,
                }
            })
            .fold(Vec::<Pair>::new(), |mut acc, pair| {
                if !acc.iter().any(|p| p.replacement == pair.replacement) {
                    acc.push(pair);
                }
                acc
            });
        Ok((start, candidates))
    }
}

impl Hinter for CommandWords {
    type Hint = String;
}
impl Highlighter for CommandWords {}
impl Validator for CommandWords {}
impl Helper for CommandWords {}

fn history_path() -> Option<std::path::PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| std::path::PathBuf::from(home).join(".local/state"))
        })?;
    Some(base.join("openstack-rs").join("history"))
}

fn prompt_loop<A: Application>(app: &mut App<A>) -> i32 {
    let prompt = format!("({}) ", app.app.info().name);
    let names: Vec<String> = app
        .commands
        .iter()
        .map(|(name, _)| name.to_owned())
        .collect();
    let mut editor: Editor<CommandWords, rustyline::history::FileHistory> = match Editor::new() {
        Ok(editor) => editor,
        Err(err) => {
            log::error!("{err}");
            return 1;
        }
    };
    editor.set_helper(Some(CommandWords { names }));
    let history = history_path();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    loop {
        match editor.readline(&prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                }
                if let LineOutcome::Stop = run_line(app, &line) {
                    break;
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(err) => {
                log::error!("{err}");
                break;
            }
        }
    }
    if let Some(path) = &history {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = editor.save_history(path);
    }
    0
}

/// POSIX-mode `shlex.split`: whitespace separates words, quotes group them, backslash escapes outside single
/// quotes, `#` starts a comment only at the start of a word.
pub fn split(line: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' | '\r' => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            '#' if !in_word => break,
            '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(ch) => word.push(ch),
                        None => return Err("No closing quotation".to_owned()),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(ch @ ('"' | '\\' | '$' | '`')) => word.push(ch),
                            Some(ch) => {
                                word.push('\\');
                                word.push(ch);
                            }
                            None => return Err("No closing quotation".to_owned()),
                        },
                        Some(ch) => word.push(ch),
                        None => return Err("No closing quotation".to_owned()),
                    }
                }
            }
            '\\' => {
                in_word = true;
                match chars.next() {
                    Some(ch) => word.push(ch),
                    None => return Err("No escaped character".to_owned()),
                }
            }
            _ => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn splits_like_shlex() {
        assert_eq!(
            split("command list -f json").unwrap(),
            vec!["command", "list", "-f", "json"]
        );
        assert_eq!(
            split(r#"project create "a b" 'c d' e\ f"#).unwrap(),
            vec!["project", "create", "a b", "c d", "e f"]
        );
        assert_eq!(split("  # comment").unwrap(), Vec::<String>::new());
        assert_eq!(split("a#b").unwrap(), vec!["a#b"]);
        assert_eq!(split(r#""a\"b""#).unwrap(), vec![r#"a"b"#]);
        assert!(split("'open").is_err());
    }
}
