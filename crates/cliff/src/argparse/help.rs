//! argparse's `HelpFormatter` (with cliff's `SmartHelpFormatter` line handling): usage, help and version text.

use std::collections::{BTreeMap, HashSet};

use super::{py, Action, Arg, ArgType, ArgValue, Arity, Parser};

/// The indentation of a section's items (argparse's `indent_increment`).
const INDENT: usize = 2;

/// argparse's formatter state for one rendering: the widths derived from the terminal.
struct Formatter<'a> {
    parser: &'a Parser,
    /// `columns - 2`.
    width: isize,
    /// `min(24, max(width - 20, 4))`.
    max_help_position: isize,
}

impl<'a> Formatter<'a> {
    fn new(parser: &'a Parser, columns: usize) -> Self {
        let width = columns as isize - 2;
        Formatter {
            parser,
            width,
            max_help_position: 24.min((width - 20).max(2 * INDENT as isize)),
        }
    }

    /// The usage item: `usage: ...` and a blank line.
    fn usage(&self) -> String {
        const PREFIX: &str = "usage: ";
        let parser = self.parser;
        let prog = parser.prog.as_str();
        let actions: Vec<usize> = (0..parser.actions.len()).collect();
        let usage = if actions.is_empty() {
            prog.to_owned()
        } else {
            let (optionals, positionals): (Vec<usize>, Vec<usize>) = actions
                .iter()
                .partition(|&&i| !parser.actions[i].is_positional());
            let ordered: Vec<usize> = optionals.iter().chain(&positionals).copied().collect();
            let action_usage = self.actions_usage(&ordered);
            let full = [prog, action_usage.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            let text_width = self.width;
            if (py::len(PREFIX) + py::len(&full)) as isize > text_width {
                let opt_parts = usage_parts(&self.actions_usage(&optionals));
                let pos_parts = usage_parts(&self.actions_usage(&positionals));
                let lines = if (py::len(PREFIX) + py::len(prog)) as f64 <= 0.75 * text_width as f64
                {
                    let indent = " ".repeat(py::len(PREFIX) + py::len(prog) + 1);
                    let with_prog = |parts: &[String]| {
                        let mut all = vec![prog.to_owned()];
                        all.extend(parts.iter().cloned());
                        all
                    };
                    if !opt_parts.is_empty() {
                        let mut lines =
                            usage_lines(&with_prog(&opt_parts), &indent, Some(PREFIX), text_width);
                        lines.extend(usage_lines(&pos_parts, &indent, None, text_width));
                        lines
                    } else if !pos_parts.is_empty() {
                        usage_lines(&with_prog(&pos_parts), &indent, Some(PREFIX), text_width)
                    } else {
                        vec![prog.to_owned()]
                    }
                } else {
                    let indent = " ".repeat(py::len(PREFIX));
                    let parts: Vec<String> = opt_parts.iter().chain(&pos_parts).cloned().collect();
                    let mut lines = usage_lines(&parts, &indent, None, text_width);
                    if lines.len() > 1 {
                        lines = usage_lines(&opt_parts, &indent, None, text_width);
                        lines.extend(usage_lines(&pos_parts, &indent, None, text_width));
                    }
                    let mut all = vec![prog.to_owned()];
                    all.extend(lines);
                    all
                };
                lines.join("\n")
            } else {
                full
            }
        };
        format!("{PREFIX}{usage}\n\n")
    }

    /// `_format_actions_usage`: the arguments as usage shows them, with mutually exclusive groups.
    fn actions_usage(&self, actions: &[usize]) -> String {
        let parser = self.parser;
        let mut in_group: HashSet<usize> = HashSet::new();
        let mut inserts: BTreeMap<usize, String> = BTreeMap::new();
        for mutex in &parser.mutexes {
            let Some(&first) = mutex.actions.first() else {
                continue;
            };
            let Some(start) = actions.iter().position(|&a| a == first) else {
                continue;
            };
            let end = start + mutex.actions.len();
            if end > actions.len() || actions[start..end] != mutex.actions[..] {
                continue;
            }
            let mut suppressed = 0;
            for &a in &mutex.actions {
                in_group.insert(a);
                if parser.actions[a].hidden {
                    suppressed += 1;
                }
            }
            let exposed = mutex.actions.len() - suppressed;
            let brackets = if !mutex.required {
                Some(("[", "]"))
            } else if exposed > 1 {
                Some(("(", ")"))
            } else {
                None
            };
            if let Some((open, close)) = brackets {
                inserts
                    .entry(start)
                    .and_modify(|s| {
                        s.push(' ');
                        s.push_str(open);
                    })
                    .or_insert_with(|| open.to_owned());
                inserts
                    .entry(end)
                    .and_modify(|s| s.push_str(close))
                    .or_insert_with(|| close.to_owned());
            }
            for i in start + 1..end {
                inserts.insert(i, "|".to_owned());
            }
        }

        let mut parts: Vec<Option<String>> = Vec::with_capacity(actions.len());
        for (i, &a) in actions.iter().enumerate() {
            let arg = &parser.actions[a];
            if arg.hidden {
                parts.push(None);
                if inserts.get(&i).is_some_and(|s| s == "|") {
                    inserts.remove(&i);
                } else if inserts.get(&(i + 1)).is_some_and(|s| s == "|") {
                    inserts.remove(&(i + 1));
                }
            } else if let Some(first_flag) = arg.flags.first() {
                let mut part = if arg.arity() == Arity::Exactly(0) {
                    first_flag.clone()
                } else {
                    format!(
                        "{first_flag} {}",
                        format_args(arg, &arg.dest.to_uppercase())
                    )
                };
                if !arg.required && !in_group.contains(&a) {
                    part = format!("[{part}]");
                }
                parts.push(Some(part));
            } else {
                let mut part = format_args(arg, &arg.dest);
                if in_group.contains(&a)
                    && part.len() >= 2
                    && part.starts_with('[')
                    && part.ends_with(']')
                {
                    part = part[1..part.len() - 1].to_owned();
                }
                parts.push(Some(part));
            }
        }
        for (&i, text) in inserts.iter().rev() {
            parts.insert(i.min(parts.len()), Some(text.clone()));
        }
        let text = parts.into_iter().flatten().collect::<Vec<_>>().join(" ");
        let text = drop_space_after_open(&text);
        let text = drop_space_before_close(&text);
        let text = drop_empty_brackets(&text);
        py::strip(&text).to_owned()
    }

    /// `_format_text`: a paragraph (description, epilog, group description, version) filled at `indent`.
    fn text(&self, text: &str, indent: usize) -> String {
        let text = if text.contains("%(prog)") {
            py::percent_format(text, &|key| {
                (key == "prog").then(|| (self.parser.prog.clone(), py::repr_str(&self.parser.prog)))
            })
        } else {
            text.to_owned()
        };
        let text_width = (self.width - indent as isize).max(11) as usize;
        format!("{}\n\n", py::fill(&text, text_width, &" ".repeat(indent)))
    }

    /// `_format_action`: one argument's invocation and help, in a section.
    fn action(&self, arg: &Arg, help_position: isize) -> String {
        let help_width = (self.width - help_position).max(11) as usize;
        let action_width = help_position - INDENT as isize - 2;
        let header = invocation(arg);
        let indent = " ".repeat(INDENT);
        let help = arg.help.as_deref().unwrap_or("");
        let mut indent_first = 0;
        let mut out = if help.is_empty() {
            format!("{indent}{header}\n")
        } else if py::len(&header) as isize <= action_width {
            let pad = (action_width as usize).saturating_sub(py::len(&header));
            format!("{indent}{header}{}  ", " ".repeat(pad))
        } else {
            indent_first = help_position as usize;
            format!("{indent}{header}\n")
        };
        if !py::strip(help).is_empty() {
            let text = self.expand_help(arg);
            if !text.is_empty() {
                let lines = self.split_lines(&text, help_width);
                for (n, line) in lines.iter().enumerate() {
                    let pad = if n == 0 {
                        indent_first
                    } else {
                        help_position as usize
                    };
                    out.push_str(&" ".repeat(pad));
                    out.push_str(line);
                    out.push('\n');
                }
            }
        } else if !out.ends_with('\n') {
            out.push('\n');
        }
        out
    }

    /// `_split_lines`, as cliff's `SmartHelpFormatter` overrides it when `smart_help` is set.
    fn split_lines(&self, text: &str, width: usize) -> Vec<String> {
        let wrap = |line: &str| py::wrap(&py::squash_whitespace(line), width, "", "");
        if self.parser.smart_help && text.contains('\n') {
            py::splitlines(text).into_iter().flat_map(wrap).collect()
        } else {
            wrap(text)
        }
    }

    /// `_expand_help`: the help string `%`-formatted with the action's attributes and `prog`.
    fn expand_help(&self, arg: &Arg) -> String {
        let help = arg.help.as_deref().unwrap_or("");
        let pair = |value: ArgValue| Some((py::str_value(&value), py::repr_value(&value)));
        let text = |s: &str| Some((s.to_owned(), py::repr_str(s)));
        let lookup = |key: &str| match key {
            "prog" => text(&self.parser.prog),
            "dest" => text(&arg.dest),
            "help" => text(help),
            "option_strings" => pair(ArgValue::List(
                arg.flags.iter().map(|f| ArgValue::Str(f.clone())).collect(),
            )),
            "nargs" => match arg.arity() {
                Arity::Single => pair(ArgValue::Null),
                Arity::Optional => text("?"),
                Arity::ZeroOrMore => text("*"),
                Arity::OneOrMore => text("+"),
                Arity::Remainder => text("..."),
                Arity::Exactly(n) => pair(ArgValue::Int(n as i64)),
            },
            "const" => pair(arg.const_value()),
            "default" if arg.has_dest() => pair(arg.default.clone()),
            "type" => match arg.value_type {
                ArgType::Int => text("int"),
                ArgType::Str => pair(ArgValue::Null),
            },
            "choices" => match &arg.choices {
                Some(choices) => text(&choices.join(", ")),
                None => pair(ArgValue::Null),
            },
            "required" => pair(ArgValue::Bool(arg.required)),
            "metavar" => match &arg.metavar {
                Some(m) => text(m),
                None => pair(ArgValue::Null),
            },
            "version" => match &arg.action {
                Action::Version(v) => text(v),
                _ => None,
            },
            _ => None,
        };
        py::percent_format(help, &lookup)
    }
}

/// `_metavar_formatter`: the metavar, else `{choice,...}`, else the default name.
fn metavar(arg: &Arg, default: &str) -> String {
    if let Some(m) = &arg.metavar {
        m.clone()
    } else if let Some(choices) = &arg.choices {
        format!("{{{}}}", choices.join(","))
    } else {
        default.to_owned()
    }
}

/// `_format_args`: the value part of an argument (`X`, `[X]`, `[X ...]`, `X [X ...]`, `...`, `X X`).
fn format_args(arg: &Arg, default: &str) -> String {
    let m = metavar(arg, default);
    match arg.arity() {
        Arity::Single => m,
        Arity::Optional => format!("[{m}]"),
        Arity::ZeroOrMore => format!("[{m} ...]"),
        Arity::OneOrMore => format!("{m} [{m} ...]"),
        Arity::Remainder => "...".to_owned(),
        Arity::Exactly(n) => vec![m; n].join(" "),
    }
}

/// `_format_action_invocation`: `-f FORMAT, --format FORMAT`, `-v, --verbose` or a positional's metavar.
fn invocation(arg: &Arg) -> String {
    if arg.is_positional() {
        metavar(arg, &arg.dest)
    } else if arg.arity() == Arity::Exactly(0) {
        arg.flags.join(", ")
    } else {
        let args = format_args(arg, &arg.dest.to_uppercase());
        arg.flags
            .iter()
            .map(|f| format!("{f} {args}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `re.sub(r'([\[(]) ', r'\1', text)`.
fn drop_space_after_open(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if matches!(c, '[' | '(') && chars.peek() == Some(&' ') {
            chars.next();
        }
    }
    out
}

/// `re.sub(r' ([\])])', r'\1', text)`.
fn drop_space_before_close(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' && matches!(chars.peek(), Some(']' | ')')) {
            continue;
        }
        out.push(c);
    }
    out
}

/// `re.sub(r'[\[(] *[\])]', r'', text)`.
fn drop_empty_brackets(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], '[' | '(') {
            let mut j = i + 1;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            if j < chars.len() && matches!(chars[j], ']' | ')') {
                i = j + 1;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// `re.findall(r'\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+', text)`: the pieces long usage wraps between.
fn usage_parts(text: &str) -> Vec<String> {
    let t: Vec<char> = text.chars().collect();
    let n = t.len();
    let mut parts = Vec::new();
    let mut i = 0;
    while i < n {
        if py::is_space(t[i]) {
            i += 1;
            continue;
        }
        let bracketed = match t[i] {
            '(' => bracket_end(&t, i, ')'),
            '[' => bracket_end(&t, i, ']'),
            _ => None,
        };
        let end = bracketed.unwrap_or_else(|| {
            let mut j = i;
            while j < n && !py::is_space(t[j]) {
                j += 1;
            }
            j
        });
        parts.push(t[i..end].iter().collect());
        i = end;
    }
    parts
}

/// The end of `\(.*?\)+(?=\s|$)` (or its `[]` twin) starting at `start`, if it matches.
fn bracket_end(t: &[char], start: usize, close: char) -> Option<usize> {
    let n = t.len();
    let mut j = start + 1;
    while j < n {
        if t[j] == close {
            let mut run_end = j;
            while run_end < n && t[run_end] == close {
                run_end += 1;
            }
            if run_end == n || py::is_space(t[run_end]) {
                return Some(run_end);
            }
        }
        if t[j] == '\n' {
            return None;
        }
        j += 1;
    }
    None
}

/// `get_lines` of `_format_usage`: fills `parts` into lines of `text_width`, each starting with `indent`
/// (the first with `prefix`'s room instead when given, and without the indent).
fn usage_lines(
    parts: &[String],
    indent: &str,
    prefix: Option<&str>,
    text_width: isize,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line: Vec<&str> = Vec::new();
    let indent_len = py::len(indent) as isize;
    let mut line_len = match prefix {
        Some(p) => py::len(p) as isize - 1,
        None => indent_len - 1,
    };
    for part in parts {
        let part_len = py::len(part) as isize;
        if line_len + 1 + part_len > text_width && !line.is_empty() {
            lines.push(format!("{indent}{}", line.join(" ")));
            line.clear();
            line_len = indent_len - 1;
        }
        line.push(part);
        line_len += part_len + 1;
    }
    if !line.is_empty() {
        lines.push(format!("{indent}{}", line.join(" ")));
    }
    if prefix.is_some() {
        if let Some(first) = lines.first_mut() {
            *first = first.chars().skip(py::len(indent)).collect();
        }
    }
    lines
}

/// `HelpFormatter.format_help` of the root section: joins the items, squeezes blank lines, one final newline.
fn finish(items: &[String]) -> String {
    let joined: String = items.concat();
    if joined.is_empty() {
        return String::new();
    }
    let text = format!("\n{joined}\n");
    let mut squeezed = String::with_capacity(text.len());
    let mut newlines = 0;
    for c in text.chars() {
        if c == '\n' {
            newlines += 1;
            if newlines <= 2 {
                squeezed.push(c);
            }
        } else {
            newlines = 0;
            squeezed.push(c);
        }
    }
    format!("{}\n", squeezed.trim_matches('\n'))
}

/// `ArgumentParser.format_usage`.
pub(super) fn format_usage(parser: &Parser, columns: usize) -> String {
    finish(&[Formatter::new(parser, columns).usage()])
}

/// `ArgumentParser.format_help`: usage, description, each non-empty group, epilog.
pub(super) fn format_help(parser: &Parser, columns: usize) -> String {
    let f = Formatter::new(parser, columns);
    let visible = |group: &super::Group| {
        group
            .actions
            .iter()
            .map(|&a| &parser.actions[a])
            .filter(|a| !a.hidden)
            .collect::<Vec<_>>()
    };
    let action_max_length = parser
        .groups
        .iter()
        .flat_map(&visible)
        .map(|a| py::len(&invocation(a)) + INDENT)
        .max()
        .unwrap_or(0) as isize;
    let help_position = (action_max_length + 2).min(f.max_help_position);

    let mut items = vec![f.usage()];
    if let Some(description) = &parser.description {
        items.push(f.text(description, 0));
    }
    for group in &parser.groups {
        let mut section = String::new();
        if let Some(description) = &group.description {
            section.push_str(&f.text(description, INDENT));
        }
        for arg in visible(group) {
            section.push_str(&f.action(arg, help_position));
        }
        if !section.is_empty() {
            items.push(format!("\n{}:\n{section}\n", group.title));
        }
    }
    if let Some(epilog) = &parser.epilog {
        items.push(f.text(epilog, 0));
    }
    finish(&items)
}

/// What the `version` action prints: the version string filled as argparse fills text.
pub(super) fn format_version(parser: &Parser, version: &str, columns: usize) -> String {
    finish(&[Formatter::new(parser, columns).text(version, 0)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_parts_keep_groups_whole() {
        assert_eq!(
            usage_parts("[-h] [-f {a,b}] [--x | --y] (--p | --q) name [rest ...]"),
            [
                "[-h]",
                "[-f {a,b}]",
                "[--x | --y]",
                "(--p | --q)",
                "name",
                "[rest ...]"
            ]
        );
        assert_eq!(usage_parts("[a]b [c"), ["[a]b", "[c"]);
        assert_eq!(usage_parts("[[x]] y"), ["[[x]]", "y"]);
    }

    #[test]
    fn bracket_cleanups_match_the_regexes() {
        assert_eq!(drop_space_after_open("[ [ x ( y"), "[[x (y");
        assert_eq!(drop_space_before_close("x  ] y )"), "x ] y)");
        assert_eq!(drop_empty_brackets("a [] b (  ) [[]]"), "a  b  []");
    }

    #[test]
    fn squeezes_blank_lines() {
        assert_eq!(
            finish(&["usage: x\n\n".into(), "\n\n".into(), "desc\n\n".into()]),
            "usage: x\n\ndesc\n"
        );
        assert_eq!(finish(&[]), "");
    }
}
