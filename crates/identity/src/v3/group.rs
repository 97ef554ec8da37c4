//! `group add user|contains user|create|delete|list|remove user|set|show` (openstacksdk `Group`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::common::{self, given};
use crate::output::{self, fail};
use crate::resources::{GROUP, SERVICE_TYPE};
use openstack_sdk as sdk;
use openstack_sdk::{quote_path, Call, Param};

/// `_format_group`.
pub fn format_group(item: &Json) -> Output {
    output::show(vec![
        ("description", sdk::attr(item, "description")),
        ("domain_id", sdk::attr(item, "domain_id")),
        ("id", sdk::attr(item, "id")),
        ("name", sdk::attr(item, "name")),
    ])
}

fn membership_path(group: &str, user: &str) -> String {
    format!("/groups/{}/users/{}", quote_path(group), quote_path(user))
}

fn add_membership_arguments(parser: &mut Parser, group_help: &str, user_help: &str) {
    parser.add(Arg::positional("group").metavar("<group>").help(group_help));
    parser.add(
        Arg::positional("user")
            .metavar("<user>")
            .nargs(Nargs::OneOrMore)
            .help(user_help),
    );
    common::add_group_domain_option(parser);
    common::add_user_domain_option(parser);
}

/// Adds (PUT) or removes (DELETE) each user, reporting failures as OSC does.
fn change_membership(
    ctx: &mut ClientManager,
    args: &Args,
    method: Method,
    verb: &str,
) -> Result<Output> {
    let group_arg = args.str("group").unwrap_or("");
    let group_id = fail(common::find_group_id_sdk(
        ctx,
        group_arg,
        given(args, "group_domain"),
        true,
    ))?;
    let user_domain = given(args, "user_domain").map(str::to_owned);
    osc_lib::multi::each_item(
        ctx,
        args,
        &args.strings("user"),
        |ctx, user| {
            let user_id = common::find_user_id_sdk(ctx, user, user_domain.as_deref(), true)?;
            Call::new(SERVICE_TYPE, method, membership_path(&group_id, &user_id)).send(ctx)?;
            Ok(())
        },
        |user, err: &openstack_sdk::Failure| format!("{user} not {verb} group {group_arg}: {err}"),
        |errors, total| format!("{errors} of {total} users not {verb} group {group_arg}."),
    )
}

/// `group add user`.
pub struct AddUserToGroup;

impl Command<ClientManager> for AddUserToGroup {
    fn description(&self) -> &str {
        "Add user to group"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_membership_arguments(
            parser,
            "Group to contain <user> (name or ID)",
            "User(s) to add to <group> (name or ID) (repeat option to add multiple users)",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        change_membership(ctx, args, Method::Put, "added to")
    }
}

/// `group remove user`.
pub struct RemoveUserFromGroup;

impl Command<ClientManager> for RemoveUserFromGroup {
    fn description(&self) -> &str {
        "Remove user from group"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_membership_arguments(
            parser,
            "Group containing <user> (name or ID)",
            "User(s) to remove from <group> (name or ID) (repeat option to remove multiple users)",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        change_membership(ctx, args, Method::Delete, "removed from")
    }
}

/// `group contains user`.
pub struct CheckUserInGroup;

impl Command<ClientManager> for CheckUserInGroup {
    fn description(&self) -> &str {
        "Check user membership in group"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .help("Group to check (name or ID)"),
        );
        parser.add(
            Arg::positional("user")
                .metavar("<user>")
                .help("User to check (name or ID)"),
        );
        common::add_group_domain_option(parser);
        common::add_user_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let user = args.str("user").unwrap_or("");
        let group = args.str("group").unwrap_or("");
        let user_id = fail(common::find_user_id_sdk(
            ctx,
            user,
            given(args, "user_domain"),
            false,
        ))?;
        let group_id = fail(common::find_group_id_sdk(
            ctx,
            group,
            given(args, "group_domain"),
            false,
        ))?;
        // openstacksdk's check: HEAD answering 204 means a member; a 404 means not; a 403 is taken as not.
        let member = match Call::new(
            SERVICE_TYPE,
            Method::Head,
            membership_path(&group_id, &user_id),
        )
        .send(ctx)
        {
            Ok(response) => response.status == 204,
            Err(failure) if failure.is_forbidden() || failure.is_not_found() => false,
            Err(failure) => return Err(failure.into()),
        };
        if member {
            Ok(Output::Text {
                text: format!("{user} in group {group}\n"),
            })
        } else {
            // OSC writes this to stderr and still succeeds.
            log::error!("{user} not in group {group}");
            Ok(Output::ok())
        }
    }
}

/// `group create`.
pub struct CreateGroup;

impl Command<ClientManager> for CreateGroup {
    fn description(&self) -> &str {
        "Create new group"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<group-name>")
                .help("New group name"),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain to contain new group (name or ID)"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New group description"),
        );
        parser.add(
            Arg::option(&["--or-show"])
                .flag()
                .help("Return existing group"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut body = Map::new();
        let name = args.str("name").unwrap_or("");
        if let Some(description) = given(args, "description") {
            body.insert("description".to_owned(), Json::from(description));
        }
        if let Some(domain) = given(args, "domain") {
            body.insert(
                "domain_id".to_owned(),
                Json::from(fail(common::find_domain_id_sdk(ctx, domain, true))?),
            );
        }
        if !name.is_empty() {
            body.insert("name".to_owned(), Json::from(name));
        }
        let group = match sdk::create(ctx, &GROUP, Method::Post, GROUP.base_path, body) {
            Ok(group) => group,
            Err(failure) if failure.is_conflict() && args.flag("or_show") => {
                let params: Vec<Param> = given(args, "domain")
                    .map(|d| ("domain_id", Some(d.to_owned())))
                    .into_iter()
                    .collect();
                let group = fail(sdk::find_one(ctx, &GROUP, GROUP.base_path, name, &params))?;
                log::info!(
                    "Returning existing group {}",
                    sdk::str_of(&group, "name").unwrap_or("None")
                );
                group
            }
            Err(failure) => return Err(failure.into()),
        };
        Ok(format_group(&group))
    }
}

/// `group delete`.
pub struct DeleteGroup;

impl Command<ClientManager> for DeleteGroup {
    fn description(&self) -> &str {
        "Delete group(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("groups")
                .metavar("<group>")
                .nargs(Nargs::OneOrMore)
                .help("Group(s) to delete (name or ID)"),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain containing group(s) (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let domain = given(args, "domain").map(str::to_owned);
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("groups"),
            |ctx, group| {
                let id = common::find_group_id_sdk(ctx, group, domain.as_deref(), true)?;
                sdk::delete(ctx, &GROUP, &sdk::item_path(GROUP.base_path, &id), true)
            },
            output::delete_failure("group"),
            output::delete_summary("groups"),
        )
    }
}

/// `group list`.
pub struct ListGroup;

impl Command<ClientManager> for ListGroup {
    fn description(&self) -> &str {
        "List groups"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Filter group list by <domain> (name or ID)"),
        );
        parser.add(
            Arg::option(&["--user"])
                .metavar("<user>")
                .help("Filter group list by <user> (name or ID)"),
        );
        common::add_user_domain_option(parser);
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let domain = match given(args, "domain") {
            Some(domain) => Some(fail(common::find_domain_id_sdk(ctx, domain, true))?),
            None => None,
        };
        let data = match given(args, "user") {
            None => {
                let params: Vec<Param> =
                    domain.map(|d| ("domain_id", Some(d))).into_iter().collect();
                fail(sdk::list(ctx, &GROUP, GROUP.base_path, &params, None))?
            }
            Some(user) => {
                let user_id = fail(common::find_user_id_sdk(
                    ctx,
                    user,
                    given(args, "user_domain"),
                    true,
                ))?;
                let base = format!("/users/{}/groups", quote_path(&user_id));
                fail(sdk::list(ctx, &GROUP, &base, &[], None))?
            }
        };
        let long = args.flag("long");
        let columns: &[&str] = if long {
            &["ID", "Name", "Domain ID", "Description"]
        } else {
            &["ID", "Name"]
        };
        let rows = data
            .iter()
            .map(|group| {
                let mut row = vec![sdk::attr(group, "id"), sdk::attr(group, "name")];
                if long {
                    row.push(sdk::attr(group, "domain_id"));
                    row.push(sdk::attr(group, "description"));
                }
                row
            })
            .collect();
        Ok(output::list(columns, rows))
    }
}

/// `group set`.
pub struct SetGroup;

impl Command<ClientManager> for SetGroup {
    fn description(&self) -> &str {
        "Set group properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .help("Group to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain containing <group> (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New group name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New group description"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let group = fail(common::find_group_id_sdk(
            ctx,
            args.str("group").unwrap_or(""),
            given(args, "domain"),
            true,
        ))?;
        let mut body = Map::new();
        if let Some(description) = given(args, "description") {
            body.insert("description".to_owned(), Json::from(description));
        }
        if let Some(name) = given(args, "name") {
            body.insert("name".to_owned(), Json::from(name));
        }
        fail(sdk::update(
            ctx,
            &GROUP,
            &sdk::item_path(GROUP.base_path, &group),
            body,
        ))?;
        Ok(Output::ok())
    }
}

/// `group show`.
pub struct ShowGroup;

impl Command<ClientManager> for ShowGroup {
    fn description(&self) -> &str {
        "Display group details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .help("Group to display (name or ID)"),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain containing <group> (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let params: Vec<Param> = match given(args, "domain") {
            Some(domain) => vec![(
                "domain_id",
                Some(fail(common::find_domain_id_sdk(ctx, domain, true))?),
            )],
            None => Vec::new(),
        };
        let group = fail(sdk::find_one(
            ctx,
            &GROUP,
            GROUP.base_path,
            args.str("group").unwrap_or(""),
            &params,
        ))?;
        Ok(format_group(&group))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{l, not_found, run, s};

    const G1: &str =
        r#"{"group": {"id": "g1", "name": "devs", "domain_id": "default", "description": ""}}"#;
    const U1: &str = r#"{"user": {"id": "u1", "name": "alice"}}"#;

    #[test]
    fn add_users_reports_each_failure() {
        let (result, sent) = run(
            &AddUserToGroup,
            &[("group", s("devs")), ("user", l(&["u1", "ghost"]))],
            &[
                (200, G1),
                (200, U1),
                (204, ""),
                (404, &not_found("user", "ghost")),
                (200, r#"{"users": []}"#),
            ],
        );
        assert_eq!(
            sent,
            vec![
                "GET /groups/devs",
                "GET /users/u1",
                "PUT /groups/g1/users/u1",
                "GET /users/ghost",
                "GET /users?name=ghost"
            ]
        );
        assert_eq!(
            result.unwrap_err().message,
            "1 of 2 users not added to group devs."
        );
    }

    #[test]
    fn contains_user_writes_to_stdout_or_logs() {
        let (result, sent) = run(
            &CheckUserInGroup,
            &[("group", s("g1")), ("user", s("u1"))],
            &[(200, U1), (200, G1), (204, "")],
        );
        assert_eq!(sent[2], "HEAD /groups/g1/users/u1");
        assert_eq!(
            result.unwrap(),
            Output::Text {
                text: "u1 in group g1\n".to_owned()
            }
        );
        let (result, _) = run(
            &CheckUserInGroup,
            &[("group", s("g1")), ("user", s("u1"))],
            &[(200, U1), (200, G1), (404, "")],
        );
        assert_eq!(result.unwrap(), Output::ok());
    }

    #[test]
    fn create_show_list() {
        let (result, sent) = run(
            &CreateGroup,
            &[("name", s("devs")), ("description", s("d"))],
            &[(201, G1)],
        );
        assert_eq!(
            sent,
            vec![r#"POST /groups {"group":{"description":"d","name":"devs"}}"#]
        );
        assert_eq!(
            result.unwrap(),
            output::show(vec![
                ("description", cliff::Value::str("")),
                ("domain_id", cliff::Value::str("default")),
                ("id", cliff::Value::str("g1")),
                ("name", cliff::Value::str("devs")),
            ])
        );
        let (_, sent) = run(
            &ListGroup,
            &[("user", s("u1")), ("long", cliff::ArgValue::Bool(true))],
            &[(200, U1), (200, r#"{"groups": []}"#)],
        );
        assert_eq!(sent, vec!["GET /users/u1", "GET /users/u1/groups"]);
    }
}
