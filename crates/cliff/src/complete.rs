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
