//! The command registry and cliff's command lookup: multi-word names, longest match first, per-word prefixes,
//! and the weighted Damerau-Levenshtein suggestions for unknown commands.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::command::Command;

/// A registered command and where it came from.
pub struct Entry<C> {
    /// The group it was registered in (`openstack.identity.v3`), shown by `command list`.
    pub group: String,
    /// The distribution that provides it when it is not the application itself (shown in help listings).
    pub dist: Option<String>,
    /// The command.
    pub command: Arc<dyn Command<C>>,
}

impl<C> Clone for Entry<C> {
    fn clone(&self) -> Self {
        Entry {
            group: self.group.clone(),
            dist: self.dist.clone(),
            command: Arc::clone(&self.command),
        }
    }
}

/// The result of a successful lookup.
pub struct Found<'a, C> {
    /// The name as typed (`comm li`), used in the program name of the command's parser.
    pub name_as_typed: String,
    /// The registered name (`command list`).
    pub name: &'a str,
    /// The registered command.
    pub entry: &'a Entry<C>,
    /// The arguments after the command words.
    pub rest: Vec<String>,
}

/// All commands of the application, by multi-word name.
pub struct CommandManager<C> {
    commands: BTreeMap<String, Entry<C>>,
    groups: Vec<String>,
}

impl<C> Default for CommandManager<C> {
    fn default() -> Self {
        CommandManager {
            commands: BTreeMap::new(),
            groups: Vec::new(),
        }
    }
}

impl<C> CommandManager<C> {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers `name` in `group`; a second registration of the same name replaces the first (cliff's "last one
    /// wins") and is returned so the caller can warn.
    pub fn add(
        &mut self,
        group: &str,
        name: &str,
        command: Arc<dyn Command<C>>,
        dist: Option<&str>,
    ) -> Option<Entry<C>> {
        if !self.groups.iter().any(|g| g == group) {
            self.groups.push(group.to_owned());
        }
        let entry = Entry {
            group: group.to_owned(),
            dist: dist.map(str::to_owned),
            command,
        };
        self.commands.insert(name.to_owned(), entry)
    }

    /// Whether a command of this exact name exists.
    pub fn contains(&self, name: &str) -> bool {
        self.commands.contains_key(name)
    }

    /// The groups in the order they were first used.
    pub fn groups(&self) -> &[String] {
        &self.groups
    }

    /// Every command, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Entry<C>)> {
        self.commands
            .iter()
            .map(|(name, entry)| (name.as_str(), entry))
    }

    /// Number of commands.
    pub fn len(&self) -> usize {
        self.commands.len()
    }

    /// Whether no command is registered.
    pub fn is_empty(&self) -> bool {
        self.commands.is_empty()
    }

    /// cliff's `find_command`: only the words before the first option can name the command; the longest name
    /// wins; a name matches exactly or when it is the only command of that many words whose every word starts
    /// with the typed word.
    pub fn find(&self, argv: &[String]) -> Option<Found<'_, C>> {
        let start = argv
            .iter()
            .position(|arg| arg.starts_with('-'))
            .unwrap_or(argv.len());
        for i in (1..=start).rev() {
            let typed = &argv[..i];
            let name = typed.join(" ");
            let found = match self.commands.get_key_value(&name) {
                Some(pair) => Some(pair),
                None => {
                    let mut candidates = self.commands.iter().filter(|(command_name, _)| {
                        let words: Vec<&str> = command_name.split(' ').collect();
                        words.len() == i
                            && words
                                .iter()
                                .zip(typed)
                                .all(|(word, arg)| word.starts_with(arg.as_str()))
                    });
                    match (candidates.next(), candidates.next()) {
                        (Some(only), None) => Some(only),
                        _ => None,
                    }
                }
            };
            if let Some((registered, entry)) = found {
                return Some(Found {
                    name_as_typed: name,
                    name: registered.as_str(),
                    entry,
                    rest: argv[i..].to_vec(),
                });
            }
        }
        None
    }

    /// cliff's `get_fuzzy_matches` for the first typed word: every command starting with it, plus every command
    /// whose first word is at the smallest non-zero distance.
    pub fn fuzzy_matches(&self, typed: &str) -> Vec<String> {
        let mut scored: Vec<(usize, &str)> = self
            .commands
            .keys()
            .map(|candidate| {
                if candidate.starts_with(typed) {
                    (0, candidate.as_str())
                } else {
                    let prefix = candidate.split(' ').next().unwrap_or("");
                    (damerau_levenshtein(typed, prefix) + 1, candidate.as_str())
                }
            })
            .collect();
        scored.sort();
        let mut matches = Vec::new();
        let mut match_distance = 0;
        for (distance, candidate) in scored {
            if distance > match_distance {
                if match_distance != 0 {
                    break;
                }
                match_distance = distance;
            }
            matches.push(candidate.to_owned());
        }
        matches
    }
}

/// Edit costs of cliff's suggestions: a swap is free, insertions are cheap, deletions dear.
const COST_SWAP: usize = 0;
const COST_SUBSTITUTION: usize = 2;
const COST_INSERTION: usize = 1;
const COST_DELETION: usize = 3;

/// cliff's weighted Damerau-Levenshtein distance (over characters, as Python strings).
pub fn damerau_levenshtein(s1: &str, s2: &str) -> usize {
    if s1 == s2 {
        return 0;
    }
    let a: Vec<char> = s1.chars().collect();
    let b: Vec<char> = s2.chars().collect();
    if a.is_empty() {
        return b.len() * COST_INSERTION;
    }
    if b.is_empty() {
        return a.len() * COST_DELETION;
    }
    let mut row1: Vec<usize> = (0..=b.len()).map(|i| i * COST_INSERTION).collect();
    let mut row2 = row1.clone();
    let mut row0 = row1.clone();
    for i in 0..a.len() {
        row2[0] = (i + 1) * COST_DELETION;
        for j in 0..b.len() {
            let substitution = row1[j] + if a[i] != b[j] { COST_SUBSTITUTION } else { 0 };
            let insertion = row2[j] + COST_INSERTION;
            let deletion = row1[j + 1] + COST_DELETION;
            let mut cost = substitution.min(insertion).min(deletion);
            if i > 0 && j > 0 && a[i - 1] == b[j] && a[i] == b[j - 1] {
                cost = cost.min(row0[j - 1] + COST_SWAP);
            }
            row2[j + 1] = cost;
        }
        // Rotate: row0 <- row1 <- row2 <- row0 (the old row0 is overwritten next round).
        std::mem::swap(&mut row0, &mut row1);
        std::mem::swap(&mut row1, &mut row2);
    }
    row1[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::argparse::Args;
    use crate::error::Result;
    use crate::output::Output;

    struct Noop;
    impl Command<()> for Noop {
        fn description(&self) -> &str {
            "does nothing"
        }
        fn take_action(&self, _: &mut (), _: &Args) -> Result<Output> {
            Ok(Output::ok())
        }
    }

    fn manager(names: &[&str]) -> CommandManager<()> {
        let mut m = CommandManager::new();
        for name in names {
            m.add("test", name, Arc::new(Noop), None);
        }
        m
    }

    fn argv(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn distance_matches_cliff() {
        // Values computed with cliff.utils.damerau_levenshtein(s1, s2, COST).
        assert_eq!(damerau_levenshtein("sevrer", "server"), 0);
        assert_eq!(damerau_levenshtein("projct", "project"), 1);
        assert_eq!(damerau_levenshtein("", "abc"), 3);
        assert_eq!(damerau_levenshtein("abc", ""), 9);
        assert_eq!(damerau_levenshtein("abc", "abd"), 2);
        assert_eq!(damerau_levenshtein("abcd", "abc"), 3);
    }

    #[test]
    fn finds_longest_and_prefix_matches() {
        let m = manager(&[
            "command list",
            "module list",
            "project list",
            "project",
            "server list",
        ]);
        let found = m.find(&argv("comm li -f json")).expect("found");
        assert_eq!(found.name, "command list");
        assert_eq!(found.name_as_typed, "comm li");
        assert_eq!(found.rest, argv("-f json"));
        let found = m.find(&argv("project list x")).expect("found");
        assert_eq!(found.name, "project list");
        assert_eq!(found.rest, argv("x"));
        // "project" alone is an exact one-word command; a longer unmatched tail stays as arguments.
        let found = m.find(&argv("project foo")).expect("found");
        assert_eq!(found.name, "project");
        assert!(m.find(&argv("li")).is_none());
        // Options end the command words.
        assert!(m.find(&argv("--x command list")).is_none());
    }

    #[test]
    fn ambiguous_prefix_is_not_found() {
        let m = manager(&["server list", "server lock"]);
        assert!(m.find(&argv("server l")).is_none());
        assert_eq!(
            m.find(&argv("server li")).map(|f| f.name.to_owned()),
            Some("server list".to_owned())
        );
    }

    #[test]
    fn fuzzy_suggestions_as_cliff() {
        let m = manager(&[
            "project create",
            "project list",
            "server list",
            "command list",
            "complete",
        ]);
        assert_eq!(
            m.fuzzy_matches("projct"),
            vec!["project create", "project list"]
        );
        // Prefix matches (distance 0) come with those at the smallest non-zero distance.
        assert_eq!(
            m.fuzzy_matches("com"),
            vec!["command list", "complete", "project create", "project list"]
        );
    }
}
