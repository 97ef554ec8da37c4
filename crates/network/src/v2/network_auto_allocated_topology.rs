//! `network auto allocated topology create|delete` (openstacksdk `AutoAllocatedTopology` and
//! `ValidateTopology`).
//!
//! openstacksdk takes `--project` as given (no lookup: a name goes into the path as it is) and the token's
//! project when it is absent.

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::ClientManager;

use crate::common::{self as c, fail, version_prefix};
use crate::resources::AUTO_ALLOCATED_TOPOLOGY;
use openstack_sdk as sdk;
use openstack_sdk::Resource;

/// openstacksdk's `ValidateTopology`: the dry run of the same path.
const VALIDATE_TOPOLOGY: Resource = Resource {
    class: "ValidateTopology",
    ..AUTO_ALLOCATED_TOPOLOGY.resource
};

/// The project the call is for: `--project` as given, else the token's.
fn project(cm: &mut ClientManager, args: &Args) -> Result<String> {
    match args.str("project") {
        Some(project) => Ok(project.to_owned()),
        None => {
            let token = cm.token()?;
            Ok(sdk::json_text(&token.body["token"]["project"]["id"]))
        }
    }
}

fn add_project_options(parser: &mut Parser, help: &str) {
    parser.add(Arg::option(&["--project"]).metavar("<project>").help(help));
    identity::common::add_project_domain_option(parser);
}

/// `network auto allocated topology create`.
pub struct CreateAutoAllocatedTopology;

impl Command<ClientManager> for CreateAutoAllocatedTopology {
    fn description(&self) -> &str {
        "Create the  auto allocated topology for project"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_project_options(
            parser,
            "Return the auto allocated topology for a given project. Default is current project.",
        );
        parser.add(Arg::option(&["--check-resources"]).flag().help(
            "Validate the requirements for auto allocated topology. Does not return a topology.",
        ));
        parser.add(
            Arg::option(&["--or-show"])
                .flag()
                .default(true)
                .help("If topology exists returns the topology's information (default)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let project = project(ctx, args)?;
        let base = format!(
            "{}{}",
            fail(version_prefix(ctx))?,
            AUTO_ALLOCATED_TOPOLOGY.resource.base_path
        );
        if args.flag("check_resources") {
            // `_get(ValidateTopology, project=..., requires_id=False)`: its error names no ID.
            let path = format!("{}?fields=dry-run", sdk::item_path(&base, &project));
            let answer = sdk::Call::new("network", osc_lib::Method::Get, path)
                .error_message("No ValidateTopology found for None".to_owned())
                .json(ctx);
            let item = VALIDATE_TOPOLOGY.unwrap_body(fail(answer)?);
            let dry_run = item.get("dry_run").map_or(Value::str(""), Value::from_json);
            return Ok(Output::show(vec![("dry_run".to_owned(), dry_run)]));
        }
        let topology = fail(sdk::get(
            ctx,
            &AUTO_ALLOCATED_TOPOLOGY.resource,
            &base,
            &project,
        ))?;
        Ok(c::show(
            &AUTO_ALLOCATED_TOPOLOGY,
            &topology,
            &[],
            &["name", "location", "tenant_id"],
            c::plain,
        ))
    }
}

/// `network auto allocated topology delete`.
pub struct DeleteAutoAllocatedTopology;

impl Command<ClientManager> for DeleteAutoAllocatedTopology {
    fn description(&self) -> &str {
        "Delete auto allocated topology for project"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_project_options(
            parser,
            "Delete auto allocated topology for a given project. Default is the current project.",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let project = project(ctx, args)?;
        let path = fail(c::item_path(ctx, &AUTO_ALLOCATED_TOPOLOGY, &project))?;
        fail(sdk::delete(
            ctx,
            &AUTO_ALLOCATED_TOPOLOGY.resource,
            &path,
            false,
        ))?;
        Ok(Output::ok())
    }
}
