//! `server group create|delete|list|show` (openstacksdk `ServerGroup`).

use cliff::argparse::Nargs;
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use identity::output::{self, fail};
use identity::pagination::non_negative;
use osc_lib::format_columns::{dict_column, list_column};
use osc_lib::{parseractions, ClientManager, Method};
use serde_json::{Map, Value as Json};

use super::options::supports;
use crate::resources::SERVER_GROUP;
use openstack_sdk as sdk;
use openstack_sdk::{Param, Res};

/// `_get_server_group_columns`: `member_ids` shown as `members`; `policy` and `rules` from 2.64, `policies`
/// before.
fn format_group(cm: &mut ClientManager, item: &Json) -> Result<Output> {
    let new = supports(cm, "2.64")?;
    let mut pairs: Vec<(&str, Value)> = vec![
        ("id", sdk::attr(item, "id")),
        ("members", list_column(sdk::attr(item, "members"))),
        ("name", sdk::attr(item, "name")),
    ];
    if new {
        pairs.push(("policy", sdk::attr(item, "policy")));
    } else {
        pairs.push(("policies", list_column(sdk::attr(item, "policies"))));
    }
    pairs.push(("project_id", sdk::attr(item, "project_id")));
    if new {
        pairs.push(("rules", dict_column(sdk::attr(item, "rules"))));
    }
    pairs.push(("user_id", sdk::attr(item, "user_id")));
    Ok(output::show(pairs))
}

fn find_group(cm: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    sdk::find_one(cm, &SERVER_GROUP, SERVER_GROUP.base_path, name_or_id, &[])
}

/// `server group create`.
pub struct CreateServerGroup;

impl Command<ClientManager> for CreateServerGroup {
    fn description(&self) -> &str {
        "Create a new server group."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("New server group name"),
        );
        parser.add(
            Arg::option(&["--policy"])
                .metavar("<policy>")
                .choices(&["affinity", "anti-affinity", "soft-affinity", "soft-anti-affinity"])
                .default(ArgValue::Str("affinity".to_owned()))
                .help(
                    "Add a policy to <name> Specify --os-compute-api-version 2.15 or higher for the \
                     'soft-affinity' or 'soft-anti-affinity' policy.",
                ),
        );
        parser.add(
            Arg::option(&["--rule"])
                .metavar("<key=value>")
                .dest("rules")
                .append()
                .check(parseractions::key_value_check)
                .help(
                    "A rule for the policy. Currently, only the 'max_server_per_host' rule is supported for the \
                     'anti-affinity' policy.",
                ),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let rules = parseractions::key_value(&args.strings("rules"))
            .map_err(|message| Error::usage(parseractions::argument_error("--rule", &message)))?;
        let policy = args.str("policy").unwrap_or("affinity");
        if (policy == "soft-affinity" || policy == "soft-anti-affinity") && !supports(ctx, "2.15")?
        {
            return Err(Error::command(format!(
                "--os-compute-api-version 2.15 or greater is required to support the {policy} policy"
            )));
        }
        let new = supports(ctx, "2.64")?;
        if !rules.is_empty() && !new {
            return Err(Error::command(
                "--os-compute-api-version 2.64 or greater is required to support the --rule option",
            ));
        }
        let mut body = Map::new();
        body.insert(
            "name".into(),
            args.str("name").map_or(Json::Null, Json::from),
        );
        if new {
            body.insert("policy".into(), Json::from(policy));
            if !rules.is_empty() {
                let rules: Map<String, Json> =
                    rules.into_iter().map(|(k, v)| (k, Json::from(v))).collect();
                body.insert("rules".into(), Json::Object(rules));
            }
        } else {
            body.insert("policies".into(), Json::from(vec![policy]));
        }
        let group = fail(sdk::create(
            ctx,
            &SERVER_GROUP,
            Method::Post,
            SERVER_GROUP.base_path,
            body,
        ))?;
        format_group(ctx, &group)
    }
}

/// `server group delete`.
pub struct DeleteServerGroup;

impl Command<ClientManager> for DeleteServerGroup {
    fn description(&self) -> &str {
        "Delete existing server group(s)."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server_group")
                .metavar("<server-group>")
                .nargs(Nargs::OneOrMore)
                .help("server group(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("server_group"),
            |ctx, name| {
                let group = find_group(ctx, name)?;
                let path = sdk::item_path(SERVER_GROUP.base_path, &sdk::id_of(&group));
                sdk::delete(ctx, &SERVER_GROUP, &path, true)
            },
            |_, err| err.to_string(),
            output::delete_summary("server groups"),
        )
    }
}

/// `NonNegativeAction` on `--limit`, checked while parsing.
fn non_negative_limit(value: &ArgValue) -> std::result::Result<(), String> {
    non_negative_value(value, "--limit")
}

/// `NonNegativeAction` on `--offset`.
fn non_negative_offset(value: &ArgValue) -> std::result::Result<(), String> {
    non_negative_value(value, "--offset")
}

/// `NonNegativeAction` on `--max-items`.
fn non_negative_max_items(value: &ArgValue) -> std::result::Result<(), String> {
    non_negative_value(value, "--max-items")
}

fn non_negative_value(value: &ArgValue, option: &str) -> std::result::Result<(), String> {
    match value {
        ArgValue::Int(i) => parseractions::non_negative(option, *i).map(|_| ()),
        _ => Ok(()),
    }
}

/// `server group list`.
pub struct ListServerGroup;

impl Command<ClientManager> for ListServerGroup {
    fn description(&self) -> &str {
        "List all server groups."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--all-projects"])
                .flag()
                .help("Display information from all projects (admin only)"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(Arg::option(&["--limit"]).metavar("<limit>").int().check(non_negative_limit).help(
            "The maximum number of entries to return per page. If the value exceeds the server-defined maximum, \
             then the maximum value will be used. Note that this controls the page size, not the total number of \
             entries returned. Use --max-items to limit the total number of entries returned.",
        ));
        parser.add(
            Arg::option(&["--offset"])
                .metavar("<offset>")
                .int()
                .check(non_negative_offset)
                .help("The (zero-based) offset of the first item in the collection to return."),
        );
        parser.add(Arg::option(&["--max-items"]).metavar("<max-items>").int().check(non_negative_max_items).help(
            "The maximum number of entries to return in total, paging through multiple requests if needed. Use \
             --limit to control the page size.",
        ));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let limit = non_negative(args, "limit", "--limit")?.filter(|l| *l != 0);
        non_negative(args, "offset", "--offset")?;
        let max_items = non_negative(args, "max_items", "--max-items")?.map(|m| m as usize);
        let mut params: Vec<Param> = Vec::new();
        if args.flag("all_projects") {
            params.push(("all_projects", Some("True".to_owned())));
        }
        // `offset` is not among the class's query parameters: openstacksdk drops it.
        if let Some(limit) = limit {
            params.push(("limit", Some(limit.to_string())));
        }
        let data = fail(sdk::list(
            ctx,
            &SERVER_GROUP,
            SERVER_GROUP.base_path,
            &params,
            max_items,
        ))?;
        let new = supports(ctx, "2.64")?;
        let mut columns = vec!["ID", "Name", if new { "Policy" } else { "Policies" }];
        let long = args.flag("long");
        if long {
            columns.extend(["Members", "Project Id", "User Id"]);
        }
        let rows = data
            .iter()
            .map(|g| {
                let mut row = vec![
                    sdk::attr(g, "id"),
                    sdk::attr(g, "name"),
                    if new {
                        sdk::attr(g, "policy")
                    } else {
                        list_column(sdk::attr(g, "policies"))
                    },
                ];
                if long {
                    row.push(list_column(sdk::attr(g, "members")));
                    row.push(sdk::attr(g, "project_id"));
                    row.push(sdk::attr(g, "user_id"));
                }
                row
            })
            .collect();
        Ok(output::list(&columns, rows))
    }
}

/// `server group show`.
pub struct ShowServerGroup;

impl Command<ClientManager> for ShowServerGroup {
    fn description(&self) -> &str {
        "Display server group details."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server_group")
                .metavar("<server-group>")
                .help("server group to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let group = fail(find_group(ctx, args.str("server_group").unwrap_or("")))?;
        format_group(ctx, &group)
    }
}
