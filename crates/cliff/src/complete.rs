//! Shell completion scripts: cliff's bash format exactly, plus zsh and fish (which OSC lacks).

use std::collections::BTreeMap;

/// The `--shell` choices.
pub const SHELLS: &[&str] = &["bash", "fish", "none", "zsh"];

/// cliff's `CompleteDictionary`: command words nested, leaves holding the option strings.
#[derive(Debug, Default)]
pub struct CompletionTree {
    root: BTreeMap<String, Node>,
}

#[derive(Debug)]
enum Node {
    Options(String),
    Words(BTreeMap<String, Node>),
}

impl CompletionTree {
    /// Adds a command (its words) with the option strings of its parser, with cliff's quirk for a word that is
    /// both a command and the start of others (`{'cmd': 'action other', 'cmd_other': ...}`).
    pub fn add_command(&mut self, words: &[&str], options: &[String]) {
        let optstr = options.join(" ");
        let Some((last, parents)) = words.split_last() else {
            return;
        };
        let mut last_cmd = (*last).to_owned();
        let mut dict = &mut self.root;
        for sub in parents {
            // The borrow checker needs the lookup and the insertion split; the logic is cliff's.
            let is_leaf = matches!(dict.get(*sub), Some(Node::Options(_)));
            if is_leaf {
                if let Some(Node::Options(data)) = dict.get_mut(*sub) {
                    data.push(' ');
                    data.push_str(&last_cmd);
                }
                last_cmd = format!("{sub}_{last_cmd}");
            } else {
                let node = dict
                    .entry((*sub).to_owned())
                    .or_insert_with(|| Node::Words(BTreeMap::new()));
                match node {
                    Node::Words(children) => dict = children,
                    Node::Options(_) => unreachable!("checked above that this entry is not a leaf"),
                }
            }
        }
        dict.insert(last_cmd, Node::Options(optstr));
    }

    /// The top-level command words, sorted and space-separated.
    pub fn commands(&self) -> String {
        self.root.keys().cloned().collect::<Vec<_>>().join(" ")
    }

    /// `(path_with_underscores, completions)` for every node, sorted, as cliff's `get_data`.
    pub fn data(&self) -> Vec<(String, String)> {
        fn walk(dict: &BTreeMap<String, Node>, path: &str, out: &mut Vec<(String, String)>) {
            for (cmd, node) in dict {
                let name = if path.is_empty() {
                    cmd.clone()
                } else {
                    format!("{path}_{cmd}")
                };
                match node {
                    Node::Options(options) => out.push((name, options.clone())),
                    Node::Words(children) => {
                        out.push((
                            name.clone(),
                            children.keys().cloned().collect::<Vec<_>>().join(" "),
                        ));
                        walk(children, &name, out);
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.root, "", &mut out);
        out.sort();
        out
    }
}

/// The completion script for `shell` (one of [`SHELLS`]) for a program called `name`.
pub fn render(shell: &str, name: &str, tree: &CompletionTree) -> String {
    match shell {
        "none" => data_lines(tree),
        "zsh" => zsh(name, tree),
        "fish" => fish(name, tree),
        _ => bash(name, tree),
    }
}

fn data_lines(tree: &CompletionTree) -> String {
    let mut text = format!("  cmds='{}'\n", tree.commands());
    for (path, value) in tree.data() {
        text.push_str(&format!("  cmds_{}='{}'\n", path.replace('-', "_"), value));
    }
    text
}

fn bash(name: &str, tree: &CompletionTree) -> String {
    let escaped = name.replace('-', "_");
    let mut text = format!("_{escaped}()\n{{\n  local cur prev words\n  COMPREPLY=()\n  _get_comp_words_by_ref -n : cur prev words\n\n  # Command data:\n");
    text.push_str(&data_lines(tree));
    text.push_str(BASH_TRAILER);
    text.push_str(&format!("{escaped} {name}\n"));
    text
}

const BASH_TRAILER: &str = r#"
  dash=-
  underscore=_
  cmd=""
  words[0]=""
  completed="${cmds}"
  for var in "${words[@]:1}"
  do
    if [[ ${var} == -* ]] ; then
      break
    fi
    if [ -z "${cmd}" ] ; then
      proposed="${var}"
    else
      proposed="${cmd}_${var}"
    fi
    local i="cmds_${proposed}"
    i=${i//$dash/$underscore}
    local comp="${!i}"
    if [ -z "${comp}" ] ; then
      break
    fi
    if [[ ${comp} == -* ]] ; then
      if [[ ${cur} != -* ]] ; then
        completed=""
        break
      fi
    fi
    cmd="${proposed}"
    completed="${comp}"
  done

  if [ -z "${completed}" ] ; then
    COMPREPLY=( $( compgen -f -- "$cur" ) $( compgen -d -- "$cur" ) )
  else
    COMPREPLY=( $(compgen -W "${completed}" -- ${cur}) )
  fi
  return 0
}
complete -F _"#;

/// zsh: the same data in an associative array, walked like the bash function (no bash-completion needed).
fn zsh(name: &str, tree: &CompletionTree) -> String {
    let escaped = name.replace('-', "_");
    let mut text = format!(
        "#compdef {name}\n\ntypeset -gA _{escaped}_cmds\n_{escaped}_cmds=(\n  '' '{}'\n",
        tree.commands()
    );
    for (path, value) in tree.data() {
        text.push_str(&format!("  '{}' '{}'\n", path.replace('-', "_"), value));
    }
    text.push_str(&format!(
        r#")

_{escaped}() {{
  local key="" completed="${{_{escaped}_cmds[]}}" word
  for word in "${{(@)words[2,CURRENT-1]}}"; do
    [[ $word == -* ]] && break
    local proposed="${{key:+${{key}}_}}${{word//-/_}}"
    (( ${{+_{escaped}_cmds[$proposed]}} )) || break
    local comp="${{_{escaped}_cmds[$proposed]}}"
    if [[ $comp == -* && $PREFIX != -* ]]; then completed=""; break; fi
    key="$proposed"; completed="$comp"
  done
  if [[ -z $completed ]]; then _files; else compadd -- ${{=completed}}; fi
}}

compdef _{escaped} {name}
"#
    ));
    text
}

/// fish: one `complete` line per node, conditioned on the last command word typed.
fn fish(name: &str, tree: &CompletionTree) -> String {
    let mut text = format!("# fish completion for {name}\ncomplete -c {name} -f\n");
    text.push_str(&format!(
        "complete -c {name} -n '__fish_use_subcommand' -a '{}'\n",
        tree.commands()
    ));
    for (path, value) in tree.data() {
        let words: Vec<&str> = path.split('_').collect();
        let last_word = words.last().copied().unwrap_or("");
        let seen = format!("__fish_seen_subcommand_from {last_word}");
        if value.starts_with('-') {
            for option in value.split(' ') {
                match option.strip_prefix("--") {
                    Some(long) => {
                        text.push_str(&format!("complete -c {name} -n '{seen}' -l {long}\n"))
                    }
                    None => text.push_str(&format!(
                        "complete -c {name} -n '{seen}' -s {}\n",
                        option.trim_start_matches('-')
                    )),
                }
            }
        } else {
            let depth = words.len() + 1;
            text.push_str(&format!("complete -c {name} -n '{seen}; and test (count (commandline -opc)) -eq {depth}' -a '{value}'\n"));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn tree_as_cliff() {
        // Mirrors cliff's test_complete.py: a word that is both a command and a prefix.
        let mut tree = CompletionTree::default();
        tree.add_command(&["image", "delete"], &opts("-h --help"));
        tree.add_command(&["image", "list"], &opts("-h --long"));
        tree.add_command(&["server", "list"], &opts("-h"));
        tree.add_command(&["help"], &opts("-h --help"));
        assert_eq!(tree.commands(), "help image server");
        assert_eq!(
            tree.data(),
            vec![
                ("help".to_owned(), "-h --help".to_owned()),
                ("image".to_owned(), "delete list".to_owned()),
                ("image_delete".to_owned(), "-h --help".to_owned()),
                ("image_list".to_owned(), "-h --long".to_owned()),
                ("server".to_owned(), "list".to_owned()),
                ("server_list".to_owned(), "-h".to_owned()),
            ]
        );
    }

    #[test]
    fn command_that_is_also_a_prefix() {
        let mut tree = CompletionTree::default();
        tree.add_command(&["cmd"], &opts("-a"));
        tree.add_command(&["cmd", "other"], &opts("-b"));
        assert_eq!(
            tree.data(),
            vec![
                ("cmd".to_owned(), "-a other".to_owned()),
                ("cmd_other".to_owned(), "-b".to_owned())
            ]
        );
    }

    #[test]
    fn bash_script_shape() {
        let mut tree = CompletionTree::default();
        tree.add_command(&["command", "list"], &opts("-h --group"));
        let script = render("bash", "openstack", &tree);
        assert!(script.starts_with("_openstack()\n{\n  local cur prev words\n"));
        assert!(script.contains(
            "  cmds='command'\n  cmds_command='list'\n  cmds_command_list='-h --group'\n"
        ));
        assert!(script.ends_with("complete -F _openstack openstack\n"));
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Dynamic completion (`complete --dynamic`): the script asks the program itself at each <TAB>.

/// The environment variable that makes the program complete instead of run: its value is the index of the word
/// being completed among the arguments (the words after the program name).
pub const DYNAMIC_ENV: &str = "_OSC_RS_COMPLETE";

/// A command line's words split into the global options (with their values) and the rest.
#[derive(Debug, Default, PartialEq)]
pub struct GlobalSplit {
    /// The global options and their values, in order.
    pub options: Vec<String>,
    /// The command words and the command's own arguments.
    pub words: Vec<String>,
}

/// Splits the words before the command's own arguments: leading options of `global` (and the value after one
/// that takes a value) go to `options`, everything from the first other word on to `words`.
pub fn split_global(global: &crate::Parser, before: &[String]) -> GlobalSplit {
    let mut split = GlobalSplit::default();
    let mut i = 0;
    while i < before.len() {
        let word = &before[i];
        if !word.starts_with('-') || word == "-" {
            split.words.extend(before[i..].iter().cloned());
            break;
        }
        split.options.push(word.clone());
        let takes_value = !word.contains('=')
            && global
                .argument_for(word)
                .is_some_and(crate::argparse::Arg::takes_value);
        if takes_value {
            if let Some(value) = before.get(i + 1) {
                split.options.push(value.clone());
            }
            i += 1;
        }
        i += 1;
    }
    split
}

/// What the word being completed is, after a command's words.
#[derive(Debug, PartialEq)]
pub enum Position<'p> {
    /// An option string (the word starts with `-`).
    Option,
    /// The value of this argument (an option's value, or a positional).
    Value(&'p crate::argparse::Arg),
    /// Nothing known (past the last positional).
    Nothing,
}

/// Which argument the word being completed (`current`) belongs to, given the command's arguments typed before it.
pub fn argument_at<'p>(parser: &'p crate::Parser, rest: &[String], current: &str) -> Position<'p> {
    if current.starts_with('-') {
        return Position::Option;
    }
    if let Some(option) = rest
        .last()
        .filter(|w| w.starts_with('-') && !w.contains('='))
        .and_then(|w| parser.argument_for(w))
        .filter(|arg| arg.takes_value())
    {
        return Position::Value(option);
    }
    // Count the positional words typed so far, skipping options and their values.
    let mut positionals = 0;
    let mut i = 0;
    while i < rest.len() {
        let word = &rest[i];
        if word.starts_with('-') && word != "-" {
            if !word.contains('=') && parser.argument_for(word).is_some_and(|a| a.takes_value()) {
                i += 1;
            }
        } else {
            positionals += 1;
        }
        i += 1;
    }
    let mut seen = 0;
    for arg in parser.arguments().iter().filter(|a| a.flags.is_empty()) {
        let many = matches!(
            arg.nargs,
            Some(crate::argparse::Nargs::OneOrMore | crate::argparse::Nargs::ZeroOrMore)
        );
        let count = match arg.nargs {
            Some(crate::argparse::Nargs::Exactly(n)) => n,
            _ => 1,
        };
        if many || positionals < seen + count {
            return Position::Value(arg);
        }
        seen += count;
    }
    Position::Nothing
}

/// The words that can follow `typed` in some command's name (`project` → `create`, `delete`, ...).
pub fn next_words(commands: &[&str], typed: &[String]) -> Vec<String> {
    let mut words: Vec<String> = commands
        .iter()
        .filter_map(|name| {
            let parts: Vec<&str> = name.split(' ').collect();
            (parts.len() > typed.len() && parts.iter().zip(typed).all(|(p, t)| p == t))
                .then(|| parts[typed.len()].to_owned())
        })
        .collect();
    words.sort();
    words.dedup();
    words
}

/// The script of `complete --dynamic --shell SHELL`: at each <TAB> it runs `NAME` with [`DYNAMIC_ENV`] set.
pub fn render_dynamic(shell: &str, name: &str) -> String {
    let escaped = name.replace('-', "_");
    match shell {
        "zsh" => format!(
            "#compdef {name}\n\
             _{escaped}_dynamic() {{\n  \
               local -a candidates\n  \
               candidates=(${{(f)\"$({DYNAMIC_ENV}=$((CURRENT - 2)) ${{words[1]}} \"${{(@)words[2,-1]}}\" 2>/dev/null)\"}})\n  \
               compadd -Q -a candidates\n\
             }}\n\
             compdef _{escaped}_dynamic {name}\n"
        ),
        "fish" => format!(
            "function __{escaped}_dynamic\n    \
               set -l words (commandline -opc)\n    \
               set -l current (commandline -ct)\n    \
               set -l index (math (count $words) - 1)\n    \
               env {DYNAMIC_ENV}=$index $words[1] $words[2..-1] \"$current\" 2>/dev/null\n\
             end\n\
             complete -c {name} -f -a '(__{escaped}_dynamic)'\n"
        ),
        "none" => String::new(),
        _ => format!(
            "_{escaped}_dynamic()\n{{\n  \
               local IFS=$'\\n'\n  \
               COMPREPLY=($({DYNAMIC_ENV}=$((COMP_CWORD - 1)) \"${{COMP_WORDS[0]}}\" \"${{COMP_WORDS[@]:1}}\" 2>/dev/null))\n\
             }}\n\
             complete -o default -F _{escaped}_dynamic {name}\n"
        ),
    }
}

#[cfg(test)]
mod dynamic_tests {
    use super::*;
    use crate::argparse::{Arg, Nargs, Parser};

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn global_options_and_their_values_are_set_apart() {
        let mut global = Parser::new("openstack");
        global.add(Arg::option(&["--os-cloud"]).metavar("<cloud>"));
        global.add(Arg::option(&["--debug"]).flag());
        let split = split_global(&global, &words("--os-cloud dc --debug project delete x"));
        assert_eq!(split.options, words("--os-cloud dc --debug"));
        assert_eq!(split.words, words("project delete x"));
    }

    #[test]
    fn positionals_and_option_values_are_found() {
        let mut parser = Parser::new("openstack project delete");
        parser.add(Arg::option(&["--domain"]).metavar("<domain>"));
        parser.add(Arg::option(&["--flag"]).flag());
        parser.add(
            Arg::positional("projects")
                .metavar("<project>")
                .nargs(Nargs::OneOrMore),
        );
        let meta = |p: Position| match p {
            Position::Value(arg) => arg.metavar.clone(),
            other => Some(format!("{other:?}")),
        };
        assert_eq!(
            meta(argument_at(&parser, &[], "")),
            Some("<project>".into())
        );
        assert_eq!(
            meta(argument_at(&parser, &words("--domain"), "d")),
            Some("<domain>".into())
        );
        assert_eq!(
            meta(argument_at(&parser, &words("--domain d --flag a"), "")),
            Some("<project>".into())
        );
        assert_eq!(argument_at(&parser, &[], "--d"), Position::Option);
    }

    #[test]
    fn next_command_words() {
        let names = [
            "project list",
            "project show",
            "server list",
            "server add volume",
        ];
        assert_eq!(next_words(&names, &words("project")), words("list show"));
        assert_eq!(next_words(&names, &[]), words("project server"));
        assert_eq!(next_words(&names, &words("server add")), words("volume"));
    }
}
