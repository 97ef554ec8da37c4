//! OSC's `identity/v3/tag.py`: tag options of projects (filters on list, `--tag` on create and set).

use cliff::{Arg, ArgValue, Args, Parser};

use openstack_sdk::Param;

/// `add_tag_filtering_option_to_parser`: `--tags`, `--tags-any`, `--not-tags`, `--not-tags-any`.
pub fn add_tag_filtering_options(parser: &mut Parser, collection: &str) {
    for (flag, text) in [
        (
            "--tags",
            format!("List {collection} which have all given tag(s) (Comma-separated list of tags)"),
        ),
        (
            "--tags-any",
            format!("List {collection} which have any given tag(s) (Comma-separated list of tags)"),
        ),
        (
            "--not-tags",
            format!(
                "Exclude {collection} which have all given tag(s) (Comma-separated list of tags)"
            ),
        ),
        (
            "--not-tags-any",
            format!(
                "Exclude {collection} which have any given tag(s) (Comma-separated list of tags)"
            ),
        ),
    ] {
        parser.add(
            Arg::option(&[flag])
                .metavar("<tag>[,<tag>,...]")
                .help(&text),
        );
    }
}

/// `get_tag_filtering_args`: the filters as query parameters (the comma list split and joined again).
pub fn tag_filtering_params(args: &Args) -> Vec<Param> {
    let mut params = Vec::new();
    for (dest, name) in [
        ("tags", "tags"),
        ("tags_any", "tags-any"),
        ("not_tags", "not-tags"),
        ("not_tags_any", "not-tags-any"),
    ] {
        if let Some(value) = args.str(dest) {
            params.push((name, Some(value.to_owned())));
        }
    }
    params
}

fn tag_arg(resource: &str) -> Arg {
    Arg::option(&["--tag"])
        .append()
        .dest("tags")
        .metavar("<tag>")
        .default(ArgValue::List(Vec::new()))
        .help(&format!(
            "Tag to be added to the {resource} (repeat option to set multiple tags)"
        ))
}

/// `add_tag_option_to_parser_for_create`: `--tag` (repeatable).
pub fn add_tag_option_for_create(parser: &mut Parser, resource: &str) {
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(group, tag_arg(resource));
}

/// `add_tag_option_to_parser_for_set`: `--tag`, `--clear-tags`, `--remove-tag`.
pub fn add_tag_option_for_set(parser: &mut Parser, resource: &str) {
    parser.add(tag_arg(resource));
    parser.add(Arg::option(&["--clear-tags"]).flag().help(&format!(
        "Clear tags associated with the {resource}. Specify both --tag and --clear-tags to overwrite current tags"
    )));
    parser.add(
        Arg::option(&["--remove-tag"])
            .append()
            .dest("remove_tags")
            .metavar("<tag>")
            .default(ArgValue::List(Vec::new()))
            .help(&format!(
                "Tag to be deleted from the {resource} (repeat option to delete multiple tags)"
            )),
    );
}
