//! argparse's `parse_known_args`: the `O`/`A`/`-` pattern of the command line, optionals consumed where they
//! stand, positionals matched greedily between them as argparse's regular expressions do.

use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

use super::{py, Action, Arg, ArgType, ArgValue, Args, Arity, EarlyExit, Parser};

/// Why a parse stopped before its end.
enum Halt {
    /// argparse's `error(message)`: a usage error.
    Error(String),
    /// A `help` or `version` action (argparse prints and exits 0).
    Exit(EarlyExit),
}

type Step<T> = std::result::Result<T, Halt>;

/// An option string found in argv: the action (`None` if unknown), the option string, the `=value` or
/// the rest of a `-fvalue`.
struct OptionTuple {
    action: Option<usize>,
    option_string: String,
    explicit: Option<String>,
}

/// `(namespace, extras)` or argparse's error message.
pub(super) fn parse_known_args(
    parser: &Parser,
    argv: &[String],
) -> Result<(Args, Vec<String>), String> {
    let mut state = State::new(parser, argv);
    match state.run() {
        Ok(()) => {}
        Err(Halt::Exit(exit)) => state.namespace.early_exit = Some(exit),
        Err(Halt::Error(message)) => return Err(message),
    }
    Ok((state.namespace, state.extras))
}

struct State<'a> {
    parser: &'a Parser,
    args: &'a [String],
    /// One byte per argv string: `O` option, `A` argument, `-` the first `--`.
    pattern: Vec<u8>,
    options: BTreeMap<usize, OptionTuple>,
    namespace: Args,
    /// For each action, the action whose default initialised its destination (the first one with that dest).
    owner: Vec<usize>,
    /// Indexed by owner: whether an action wrote the destination during the parse.
    written: Vec<bool>,
    seen: Vec<bool>,
    seen_non_default: Vec<bool>,
    /// For each action, the actions of its mutually exclusive groups.
    conflicts: Vec<Vec<usize>>,
    /// Positionals not consumed yet.
    positionals: Vec<usize>,
    extras: Vec<String>,
}

impl<'a> State<'a> {
    fn new(parser: &'a Parser, args: &'a [String]) -> Self {
        let count = parser.actions.len();
        let mut namespace = Args::default();
        let mut owner: Vec<usize> = (0..count).collect();
        for (i, arg) in parser.actions.iter().enumerate() {
            if !arg.has_dest() {
                continue;
            }
            match namespace.values.entry(arg.dest.clone()) {
                Entry::Vacant(slot) => {
                    slot.insert(arg.default.clone());
                }
                Entry::Occupied(_) => {
                    let actions = &parser.actions;
                    if let Some(first) =
                        (0..i).find(|&j| actions[j].has_dest() && actions[j].dest == arg.dest)
                    {
                        owner[i] = first;
                    }
                }
            }
        }
        let mut conflicts = vec![Vec::new(); count];
        for mutex in &parser.mutexes {
            for (i, &a) in mutex.actions.iter().enumerate() {
                let others = mutex.actions[..i].iter().chain(&mutex.actions[i + 1..]);
                conflicts[a].extend(others);
            }
        }
        State {
            parser,
            args,
            pattern: Vec::with_capacity(args.len()),
            options: BTreeMap::new(),
            namespace,
            owner,
            written: vec![false; count],
            seen: vec![false; count],
            seen_non_default: vec![false; count],
            conflicts,
            positionals: (0..count)
                .filter(|&i| parser.actions[i].is_positional())
                .collect(),
            extras: Vec::new(),
        }
    }

    fn arg(&self, index: usize) -> &'a Arg {
        &self.parser.actions[index]
    }

    /// `_parse_known_args`.
    fn run(&mut self) -> Step<()> {
        let mut after_double_dash = false;
        for (i, arg) in self.args.iter().enumerate() {
            if after_double_dash {
                self.pattern.push(b'A');
            } else if arg == "--" {
                self.pattern.push(b'-');
                after_double_dash = true;
            } else if let Some(tuple) = self.parse_optional(arg)? {
                self.options.insert(i, tuple);
                self.pattern.push(b'O');
            } else {
                self.pattern.push(b'A');
            }
        }

        let mut start = 0;
        if let Some(&max_option) = self.options.keys().next_back() {
            while start <= max_option {
                let Some(&next_option) = self.options.range(start..).next().map(|(i, _)| i) else {
                    break;
                };
                if start != next_option {
                    let end = self.consume_positionals(start)?;
                    if end > start {
                        start = end;
                        continue;
                    }
                    start = end;
                }
                if !self.options.contains_key(&start) {
                    self.extras
                        .extend_from_slice(&self.args[start..next_option]);
                    start = next_option;
                }
                start = self.consume_optional(start)?;
            }
        }
        let stop = self.consume_positionals(start)?;
        self.extras.extend_from_slice(&self.args[stop..]);

        let mut missing = Vec::new();
        for (i, arg) in self.parser.actions.iter().enumerate() {
            if self.seen[i] {
                continue;
            }
            if arg.required {
                missing.push(arg.display_name());
            } else if let (ArgValue::Str(default), ArgType::Int) = (&arg.default, arg.value_type) {
                if arg.has_dest() && self.still_default_of(i) {
                    let value = get_value(arg, default.clone())?;
                    self.namespace.set(arg.dest.clone(), value);
                }
            }
        }
        if !missing.is_empty() {
            return Err(Halt::Error(format!(
                "the following arguments are required: {}",
                missing.join(", ")
            )));
        }
        for mutex in &self.parser.mutexes {
            if mutex.required && !mutex.actions.iter().any(|&a| self.seen_non_default[a]) {
                let names: Vec<String> = mutex
                    .actions
                    .iter()
                    .map(|&a| self.arg(a))
                    .filter(|a| !a.hidden)
                    .map(Arg::display_name)
                    .collect();
                return Err(Halt::Error(format!(
                    "one of the arguments {} is required",
                    names.join(" ")
                )));
            }
        }
        Ok(())
    }

    /// argparse's `action.default is getattr(namespace, action.dest)`.
    fn still_default_of(&self, index: usize) -> bool {
        let owner = self.owner[index];
        !self.written[owner]
            && (owner == index
                || py::is_same_object(&self.arg(owner).default, &self.arg(index).default))
    }

    /// The action of an exact option string.
    fn find_option(&self, option_string: &str) -> Option<usize> {
        self.parser
            .actions
            .iter()
            .position(|a| a.flags.iter().any(|f| f == option_string))
    }

    /// `_parse_optional`: whether an argv string is an option (known or not), or a positional value.
    fn parse_optional(&self, arg: &str) -> Step<Option<OptionTuple>> {
        if !arg.starts_with('-') {
            return Ok(None);
        }
        if let Some(action) = self.find_option(arg) {
            return Ok(Some(OptionTuple {
                action: Some(action),
                option_string: arg.to_owned(),
                explicit: None,
            }));
        }
        if py::len(arg) == 1 {
            return Ok(None);
        }
        if let Some((option_string, explicit)) = arg.split_once('=') {
            if let Some(action) = self.find_option(option_string) {
                return Ok(Some(OptionTuple {
                    action: Some(action),
                    option_string: option_string.to_owned(),
                    explicit: Some(explicit.to_owned()),
                }));
            }
        }
        let mut tuples = self.option_tuples(arg);
        if tuples.len() > 1 {
            let matches: Vec<&str> = tuples.iter().map(|t| t.option_string.as_str()).collect();
            return Err(Halt::Error(format!(
                "ambiguous option: {arg} could match {}",
                matches.join(", ")
            )));
        }
        if let Some(tuple) = tuples.pop() {
            return Ok(Some(tuple));
        }
        if looks_negative(arg) && !self.has_negative_number_options() {
            return Ok(None);
        }
        if arg.contains(' ') {
            return Ok(None);
        }
        Ok(Some(OptionTuple {
            action: None,
            option_string: arg.to_owned(),
            explicit: None,
        }))
    }

    fn has_negative_number_options(&self) -> bool {
        self.parser
            .actions
            .iter()
            .flat_map(|a| &a.flags)
            .any(|f| looks_negative(f))
    }

    /// `_get_option_tuples`: the options an unknown string could abbreviate (long options, with
    /// `allow_abbrev`) or start with (`-fvalue`, single-dash options).
    fn option_tuples(&self, arg: &str) -> Vec<OptionTuple> {
        let every_option = self
            .parser
            .actions
            .iter()
            .enumerate()
            .flat_map(|(i, a)| a.flags.iter().map(move |f| (i, f)));
        let mut result = Vec::new();
        let second = arg.chars().nth(1);
        if second == Some('-') {
            if self.parser.allow_abbrev {
                let (prefix, explicit) = match arg.split_once('=') {
                    Some((p, e)) => (p, Some(e.to_owned())),
                    None => (arg, None),
                };
                for (action, flag) in every_option {
                    if flag.starts_with(prefix) {
                        result.push(OptionTuple {
                            action: Some(action),
                            option_string: flag.clone(),
                            explicit: explicit.clone(),
                        });
                    }
                }
            }
        } else {
            let split = arg.char_indices().nth(2).map_or(arg.len(), |(i, _)| i);
            let (short_prefix, short_explicit) = arg.split_at(split);
            for (action, flag) in every_option {
                if flag == short_prefix {
                    result.push(OptionTuple {
                        action: Some(action),
                        option_string: flag.clone(),
                        explicit: Some(short_explicit.to_owned()),
                    });
                } else if flag.starts_with(arg) {
                    result.push(OptionTuple {
                        action: Some(action),
                        option_string: flag.clone(),
                        explicit: None,
                    });
                }
            }
        }
        result
    }

    /// `consume_optional`: the option at `start` (and any single-dash flags clustered with it) with its
    /// values; returns where the next argv string starts.
    fn consume_optional(&mut self, start: usize) -> Step<usize> {
        // Each option index is consumed once and never looked up again (the parse only moves forward).
        let Some(tuple) = self.options.remove(&start) else {
            return Ok(start + 1);
        };
        let OptionTuple {
            mut action,
            mut option_string,
            mut explicit,
        } = tuple;
        let mut takes: Vec<(usize, Vec<String>)> = Vec::new();
        let stop;
        loop {
            let Some(current) = action else {
                self.extras.push(self.args[start].clone());
                return Ok(start + 1);
            };
            let arg = self.arg(current);
            match explicit.take() {
                Some(value) => {
                    let count = match_argument(arg, b"A")?;
                    let single_dash = option_string.chars().nth(1) != Some('-');
                    if count == 0 && single_dash && !value.is_empty() {
                        takes.push((current, Vec::new()));
                        let mut chars = value.chars();
                        let dash = option_string.chars().next().unwrap_or('-');
                        let first = chars.next().unwrap_or_default();
                        option_string = format!("{dash}{first}");
                        let rest = chars.as_str();
                        match self.find_option(&option_string) {
                            Some(next) => {
                                action = Some(next);
                                explicit = (!rest.is_empty()).then(|| rest.to_owned());
                            }
                            None => {
                                return Err(argument_error(
                                    arg,
                                    &format!("ignored explicit argument {}", py::repr_str(&value)),
                                ))
                            }
                        }
                    } else if count == 1 {
                        stop = start + 1;
                        takes.push((current, vec![value]));
                        break;
                    } else {
                        return Err(argument_error(
                            arg,
                            &format!("ignored explicit argument {}", py::repr_str(&value)),
                        ));
                    }
                }
                None => {
                    let first = start + 1;
                    let count = match_argument(arg, &self.pattern[first..])?;
                    stop = first + count;
                    takes.push((current, self.args[first..stop].to_vec()));
                    break;
                }
            }
        }
        for (index, values) in takes {
            self.take_action(index, values)?;
        }
        Ok(stop)
    }

    /// `consume_positionals`: as many remaining positionals as the pattern from `start` allows.
    fn consume_positionals(&mut self, start: usize) -> Step<usize> {
        let counts = {
            let remaining: Vec<&Arg> = self.positionals.iter().map(|&i| self.arg(i)).collect();
            match_partial(&remaining, &self.pattern[start..])
        };
        let mut index = start;
        for (k, &count) in counts.iter().enumerate() {
            let action = self.positionals[k];
            let values = self.args[index..index + count].to_vec();
            index += count;
            self.take_action(action, values)?;
        }
        self.positionals.drain(..counts.len());
        Ok(index)
    }

    /// `take_action`: converts, checks mutual exclusion, stores.
    fn take_action(&mut self, index: usize, strings: Vec<String>) -> Step<()> {
        let arg = self.arg(index);
        self.seen[index] = true;
        let (value, is_default) = get_values(arg, strings)?;
        if let Some(check) = arg.check {
            (check.0)(&value).map_err(|message| argument_error(arg, &message))?;
        }
        if !is_default {
            self.seen_non_default[index] = true;
            if let Some(&other) = self.conflicts[index]
                .iter()
                .find(|&&c| self.seen_non_default[c])
            {
                let message = format!(
                    "not allowed with argument {}",
                    self.arg(other).display_name()
                );
                return Err(argument_error(arg, &message));
            }
        }
        let stored = match &arg.action {
            Action::Store => value,
            Action::StoreConst(c) => c.clone(),
            Action::StoreTrue => ArgValue::Bool(true),
            Action::StoreFalse => ArgValue::Bool(false),
            Action::Append | Action::AppendConst(_) => {
                let item = match &arg.action {
                    Action::AppendConst(c) => c.clone(),
                    _ => value,
                };
                let mut items = match self.namespace.get(&arg.dest) {
                    ArgValue::List(items) => items.clone(),
                    _ => Vec::new(),
                };
                items.push(item);
                ArgValue::List(items)
            }
            Action::Count => match self.namespace.get(&arg.dest) {
                ArgValue::Int(n) => ArgValue::Int(n + 1),
                ArgValue::Bool(b) => ArgValue::Int(i64::from(*b) + 1),
                _ => ArgValue::Int(1),
            },
            Action::Help => return Err(Halt::Exit(EarlyExit::Help)),
            Action::Version(version) => {
                return Err(Halt::Exit(EarlyExit::Version(version.clone())))
            }
        };
        self.written[self.owner[index]] = true;
        match self.namespace.values.get_mut(&arg.dest) {
            Some(slot) => *slot = stored,
            None => self.namespace.set(arg.dest.clone(), stored),
        }
        Ok(())
    }
}

/// `ArgumentError(action, message)` as `error()` shows it.
fn argument_error(arg: &Arg, message: &str) -> Halt {
    Halt::Error(format!("argument {}: {message}", arg.display_name()))
}

/// `_get_values`: the strings converted and checked; also whether the result is the default object itself
/// (argparse's `argument_values is not action.default` test for mutual exclusion).
fn get_values(arg: &Arg, mut strings: Vec<String>) -> Step<(ArgValue, bool)> {
    let arity = arg.arity();
    if arity != Arity::Remainder {
        if let Some(p) = strings.iter().position(|s| s == "--") {
            strings.remove(p);
        }
    }
    if strings.is_empty() && arity == Arity::Optional {
        let raw = if arg.is_positional() {
            arg.default.clone()
        } else {
            arg.const_value()
        };
        let value = match &raw {
            ArgValue::Str(s) => {
                let value = get_value(arg, s.clone())?;
                check_value(arg, &value)?;
                value
            }
            _ => raw.clone(),
        };
        let is_default = if arg.is_positional() {
            !(matches!(raw, ArgValue::Str(_)) && arg.value_type == ArgType::Int)
        } else {
            py::is_same_object(&value, &arg.default)
        };
        return Ok((value, is_default));
    }
    if strings.is_empty() && arity == Arity::ZeroOrMore && arg.is_positional() {
        let (value, is_default) = match &arg.default {
            ArgValue::Null => (ArgValue::List(Vec::new()), false),
            default => (default.clone(), true),
        };
        check_value(arg, &value)?;
        return Ok((value, is_default));
    }
    if strings.len() == 1 && matches!(arity, Arity::Single | Arity::Optional) {
        let value = get_value(arg, strings.remove(0))?;
        check_value(arg, &value)?;
        let is_default = py::is_argv_default(&value, &arg.default);
        return Ok((value, is_default));
    }
    let values = strings
        .into_iter()
        .map(|s| get_value(arg, s))
        .collect::<Step<Vec<_>>>()?;
    if arity != Arity::Remainder {
        for value in &values {
            check_value(arg, value)?;
        }
    }
    Ok((ArgValue::List(values), false))
}

/// `_get_value`: `type(string)`.
fn get_value(arg: &Arg, string: String) -> Step<ArgValue> {
    match arg.value_type {
        ArgType::Str => Ok(ArgValue::Str(string)),
        ArgType::Int => match py::parse_int(&string) {
            Some(i) => Ok(ArgValue::Int(i)),
            None => Err(argument_error(
                arg,
                &format!("invalid int value: {}", py::repr_str(&string)),
            )),
        },
    }
}

/// `_check_value`: the value must be one of the choices.
fn check_value(arg: &Arg, value: &ArgValue) -> Step<()> {
    let Some(choices) = &arg.choices else {
        return Ok(());
    };
    let choices: Vec<ArgValue> = choices
        .iter()
        .map(|c| match (arg.value_type, py::parse_int(c)) {
            (ArgType::Int, Some(i)) => ArgValue::Int(i),
            _ => ArgValue::Str(c.clone()),
        })
        .collect();
    if choices.contains(value) {
        return Ok(());
    }
    let listed: Vec<String> = choices.iter().map(py::repr_value).collect();
    Err(argument_error(
        arg,
        &format!(
            "invalid choice: {} (choose from {})",
            py::repr_value(value),
            listed.join(", ")
        ),
    ))
}

/// `_negative_number_matcher`: `^-\d+$|^-\d*\.\d+$`.
fn looks_negative(text: &str) -> bool {
    let Some(body) = text.strip_prefix('-') else {
        return false;
    };
    let body = body.strip_suffix('\n').unwrap_or(body);
    let digits = |s: &str| s.chars().all(|c| py::decimal_value(c).is_some());
    match body.split_once('.') {
        None => !body.is_empty() && digits(body),
        Some((whole, fraction)) => digits(whole) && !fraction.is_empty() && digits(fraction),
    }
}

/// What one element of an nargs pattern accepts: a set of pattern bytes and how many.
#[derive(Clone, Copy)]
struct Atom {
    accepts: &'static [u8],
    min: usize,
    /// `None`: any number.
    max: Option<usize>,
    /// Which argument's group the atom belongs to.
    group: usize,
}

/// `_get_nargs_pattern` as atoms: positionals may span `--` markers, options may not.
fn push_atoms(arg: &Arg, group: usize, atoms: &mut Vec<Atom>) {
    let positional = arg.is_positional();
    let one = Atom {
        accepts: b"A",
        min: 1,
        max: Some(1),
        group,
    };
    let dashes = |atoms: &mut Vec<Atom>| {
        if positional {
            atoms.push(Atom {
                accepts: b"-",
                min: 0,
                max: None,
                group,
            });
        }
    };
    let any_of = |accepts: &'static [u8]| Atom {
        accepts,
        min: 0,
        max: None,
        group,
    };
    let values = if positional { &b"A-"[..] } else { &b"A"[..] };
    match arg.arity() {
        Arity::Single => {
            dashes(atoms);
            atoms.push(one);
            dashes(atoms);
        }
        Arity::Optional => {
            dashes(atoms);
            atoms.push(Atom { min: 0, ..one });
            dashes(atoms);
        }
        Arity::ZeroOrMore => {
            dashes(atoms);
            atoms.push(any_of(values));
        }
        Arity::OneOrMore => {
            dashes(atoms);
            atoms.push(one);
            atoms.push(any_of(values));
        }
        Arity::Remainder => atoms.push(any_of(if positional { b"-AO" } else { b"AO" })),
        Arity::Exactly(n) => {
            dashes(atoms);
            for k in 0..n {
                if k > 0 {
                    dashes(atoms);
                }
                atoms.push(one);
            }
            dashes(atoms);
        }
    }
}

/// `re.match` of the atoms at the start of `pattern` (greedy, backtracking as Python's engine does):
/// how many pattern bytes each group took.
fn match_atoms(atoms: &[Atom], pattern: &[u8], groups: usize) -> Option<Vec<usize>> {
    fn step(
        atoms: &[Atom],
        pattern: &[u8],
        i: usize,
        pos: usize,
        counts: &mut [usize],
        failed: &mut [bool],
    ) -> bool {
        if i == atoms.len() {
            return true;
        }
        let key = i * (pattern.len() + 1) + pos;
        if failed[key] {
            return false;
        }
        let atom = atoms[i];
        let run = pattern[pos..]
            .iter()
            .take_while(|c| atom.accepts.contains(c))
            .count();
        let most = atom.max.map_or(run, |m| m.min(run));
        if most >= atom.min {
            for k in (atom.min..=most).rev() {
                counts[i] = k;
                if step(atoms, pattern, i + 1, pos + k, counts, failed) {
                    return true;
                }
            }
        }
        failed[key] = true;
        false
    }
    let mut counts = vec![0; atoms.len()];
    let mut failed = vec![false; (atoms.len() + 1) * (pattern.len() + 1)];
    if !step(atoms, pattern, 0, 0, &mut counts, &mut failed) {
        return None;
    }
    let mut sizes = vec![0; groups];
    for (atom, count) in atoms.iter().zip(&counts) {
        sizes[atom.group] += count;
    }
    Some(sizes)
}

/// `_match_argument`: how many strings an option takes from `pattern`, or argparse's complaint. An option's
/// pattern is one character class (`A`, or `A`/`O` for REMAINDER) with a greedy count, so counting the leading
/// run gives what the regular expression matches.
fn match_argument(arg: &Arg, pattern: &[u8]) -> Step<usize> {
    let accepts: &[u8] = if arg.arity() == Arity::Remainder {
        b"AO"
    } else {
        b"A"
    };
    let run = pattern.iter().take_while(|c| accepts.contains(c)).count();
    let (count, message) = match arg.arity() {
        Arity::Single => (run.min(1), "expected one argument".to_owned()),
        Arity::Optional => (run.min(1), String::new()),
        Arity::ZeroOrMore | Arity::Remainder => (run, String::new()),
        Arity::OneOrMore => (run, "expected at least one argument".to_owned()),
        Arity::Exactly(n) => (
            n.min(run),
            format!("expected {n} argument{}", if n == 1 { "" } else { "s" }),
        ),
    };
    let needed = match arg.arity() {
        Arity::Single | Arity::OneOrMore => 1,
        Arity::Exactly(n) => n,
        _ => 0,
    };
    if run < needed {
        return Err(argument_error(arg, &message));
    }
    Ok(count)
}

/// `_match_arguments_partial`: the longest prefix of `positionals` the pattern satisfies, with each one's count.
fn match_partial(positionals: &[&Arg], pattern: &[u8]) -> Vec<usize> {
    for take in (1..=positionals.len()).rev() {
        let mut atoms = Vec::new();
        for (group, arg) in positionals[..take].iter().enumerate() {
            push_atoms(arg, group, &mut atoms);
        }
        if let Some(sizes) = match_atoms(&atoms, pattern, take) {
            return sizes;
        }
    }
    Vec::new()
}
