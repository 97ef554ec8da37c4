//! `resource member list/show/create/delete/update` (mistralclient `commands/v2/members.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::{json, Value as Json};

use crate::api::{ensure_not_empty, segment, Mistral};
use crate::listing::{self, list_output, opt, opt_str};
use crate::shape::{self, cell, Column};

/// `MemberFormatter.COLUMNS`.
const COLUMNS: &[Column] = &[
    ("resource_id", "Resource ID", false),
    ("resource_type", "Resource Type", false),
    ("project_id", "Resource Owner", false),
    ("member_id", "Member ID", false),
    ("status", "Status", false),
    ("created_at", "Created at", false),
    ("updated_at", "Updated at", false),
];

fn row(member: &Json) -> Vec<Value> {
    COLUMNS
        .iter()
        .map(|(field, _, _)| cell(member, field))
        .collect()
}

fn show(member: &Json) -> Output {
    shape::show(&shape::headings(COLUMNS), row(member))
}

/// `/<type>s/<id>/members`.
fn members_path(resource_id: &str, resource_type: &str) -> String {
    format!(
        "/{}s/{}/members",
        segment(resource_type),
        segment(resource_id)
    )
}

/// The member, or the session's own project when none is given (mistralclient uses `http_client.project_id`,
/// which OSC never sets, so it asked for member `None`; the token's project is what was meant).
fn member_or_self(manager: &mut ClientManager, member_id: Option<String>) -> Result<String> {
    match member_id.filter(|m| !m.is_empty()) {
        Some(member) => Ok(member),
        None => Mistral::new(manager).project_id(),
    }
}

/// `resource member list`.
pub struct List;

impl Command<ClientManager> for List {
    fn description(&self) -> &str {
        "List all members."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        listing::add_arguments(parser, false);
        parser.add(Arg::positional("resource_id").help("Resource id to be shared."));
        parser.add(Arg::positional("resource_type").help("Resource type."));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        // mistralclient ignores the list options here.
        let path = members_path(
            &opt_str(args, "resource_id"),
            &opt_str(args, "resource_type"),
        );
        let members = Mistral::new(manager).list(&path, Vec::new(), "members")?;
        let rows = members.iter().map(row).collect();
        Ok(list_output(&shape::headings(COLUMNS), rows))
    }
}

/// `resource member show`.
pub struct Show;

impl Command<ClientManager> for Show {
    fn description(&self) -> &str {
        "Show specific member information."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("resource").help("Resource ID to be shared."));
        parser.add(Arg::positional("resource_type").help("Resource type."));
        parser.add(member_id_option());
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let resource = opt(args, "resource");
        let resource_type = opt(args, "resource_type");
        ensure_not_empty("Member", "resource_id", resource.as_deref())?;
        ensure_not_empty("Member", "resource_type", resource_type.as_deref())?;
        let member = member_or_self(manager, opt(args, "member_id"))?;
        let path = format!(
            "{}/{}",
            members_path(
                &resource.unwrap_or_default(),
                &resource_type.unwrap_or_default()
            ),
            segment(&member)
        );
        let member = Mistral::new(manager).get(&path, Vec::new())?;
        Ok(show(&member))
    }
}

/// `-m/--member-id`.
fn member_id_option() -> Arg {
    Arg::option(&["-m", "--member-id"]).default("").help(
        "Project ID to whom the resource is shared to. No need to provide this param if you are the resource \
         member.",
    )
}

/// The three positionals of `create` and `delete`.
fn add_membership(parser: &mut Parser, resource_dest: &str) {
    parser.add(Arg::positional(resource_dest).help("Resource ID to be shared."));
    parser.add(Arg::positional("resource_type").help("Resource type."));
    parser.add(Arg::positional("member_id").help("Project ID to whom the resource is shared to."));
}

/// The resource, its type and the member of `create`/`delete`, after mistralclient's checks.
fn membership(args: &Args, resource_dest: &str) -> Result<(String, String, String)> {
    let resource = opt(args, resource_dest).unwrap_or_default();
    let resource_type = opt(args, "resource_type").unwrap_or_default();
    let member = opt(args, "member_id").unwrap_or_default();
    ensure_not_empty("Member", "resource_id", Some(&resource))?;
    ensure_not_empty("Member", "resource_type", Some(&resource_type))?;
    ensure_not_empty("Member", "member_id", Some(&member))?;
    Ok((resource, resource_type, member))
}

/// `resource member create`.
pub struct Create;

impl Command<ClientManager> for Create {
    fn description(&self) -> &str {
        "Shares a resource to another tenant."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_membership(parser, "resource_id");
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let (resource, resource_type, member) = membership(args, "resource_id")?;
        let path = members_path(&resource, &resource_type);
        let member = Mistral::new(manager).create(&path, json!({ "member_id": member }))?;
        Ok(show(&member))
    }
}

/// `resource member delete`.
pub struct Delete;

impl Command<ClientManager> for Delete {
    fn description(&self) -> &str {
        "Delete a resource sharing relationship."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_membership(parser, "resource");
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let deleted = membership(args, "resource").and_then(|(resource, resource_type, member)| {
            let path = format!(
                "{}/{}",
                members_path(&resource, &resource_type),
                segment(&member)
            );
            Mistral::new(manager).delete(&path, Vec::new())
        });
        Ok(match deleted {
            Ok(()) => Output::Text {
                text: format!(
                    "Request to delete {} member {} has been accepted.\n",
                    opt_str(args, "resource_type"),
                    opt_str(args, "member_id")
                ),
            },
            Err(err) => Output::Failed {
                output: Box::new(Output::Text {
                    text: format!("{}\n", err.message),
                }),
                message: "Unable to delete the specified member.".to_owned(),
            },
        })
    }
}

/// `resource member update`.
pub struct Update;

impl Command<ClientManager> for Update {
    fn description(&self) -> &str {
        "Update resource sharing status."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("resource_id").help("Resource ID to be shared."));
        parser.add(Arg::positional("resource_type").help("Resource type."));
        parser.add(member_id_option());
        parser.add(
            Arg::option(&["-s", "--status"])
                .default("accepted")
                .choices(&["pending", "accepted", "rejected"])
                .help("status of the sharing."),
        );
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let member = member_or_self(manager, opt(args, "member_id"))?;
        let path = format!(
            "{}/{}",
            members_path(
                &opt_str(args, "resource_id"),
                &opt_str(args, "resource_type")
            ),
            segment(&member)
        );
        let status = opt(args, "status").map_or(Json::Null, Json::String);
        let member = Mistral::new(manager).update(&path, json!({ "status": status }))?;
        Ok(show(&member))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{args, lines, run};

    #[test]
    fn show_defaults_to_own_project() {
        let (_, sent) = run(
            &Show,
            &args(&[
                ("resource", "wf1".into()),
                ("resource_type", "workflow".into()),
                ("member_id", "".into()),
            ]),
            &[(200, "{}")],
        );
        assert_eq!(lines(&sent), vec!["GET /workflows/wf1/members/project-1"]);
    }

    #[test]
    fn delete_reports() {
        let membership = [
            ("resource", "wf1".into()),
            ("resource_type", "workflow".into()),
            ("member_id", "p2".into()),
        ];
        let (output, sent) = run(&Delete, &args(&membership), &[(204, "")]);
        assert_eq!(lines(&sent), vec!["DELETE /workflows/wf1/members/p2"]);
        assert_eq!(
            output.unwrap(),
            Output::Text {
                text: "Request to delete workflow member p2 has been accepted.\n".to_owned()
            }
        );
        let (output, _) = run(
            &Delete,
            &args(&membership),
            &[(404, r#"{"faultstring": "Resource member not found"}"#)],
        );
        assert_eq!(
            output.unwrap(),
            Output::Failed {
                output: Box::new(Output::Text {
                    text: "Resource member not found\n".to_owned()
                }),
                message: "Unable to delete the specified member.".to_owned(),
            }
        );
    }
}
