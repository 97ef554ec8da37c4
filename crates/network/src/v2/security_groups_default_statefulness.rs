//! `security group default statefulness create|delete|list|set|show` (OSC's
//! `network/v2/security_groups_default_statefulness.py`, openstacksdk `SecurityGroupsDefaultStatefulness`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self, fail};
use crate::resources::SG_DEFAULT_STATEFULNESS as SETTING;
use openstack_sdk::Param;

const HIDDEN: &[&str] = &["location", "name", "revision_number"];

/// `--stateful` / `--stateless`, one of them required.
fn add_stateful_options(parser: &mut Parser) {
    let group = parser.add_mutex(None, true);
    parser.add_to_mutex(
        group,
        Arg::option(&["--stateful"])
            .action(Action::StoreTrue)
            .default_none()
            .dest("stateful")
            .help("Set default statefulness to stateful"),
    );
    parser.add_to_mutex(
        group,
        Arg::option(&["--stateless"])
            .action(Action::StoreFalse)
            .default_none()
            .dest("stateful")
            .help("Set default statefulness to stateless"),
    );
}

fn setting_positional(parser: &mut Parser, help: &str) {
    parser.add(Arg::positional("setting").metavar("<setting>").help(help));
}

fn find_setting(cm: &mut ClientManager, args: &Args) -> Result<Json> {
    fail(common::find(
        cm,
        &SETTING,
        args.str("setting").unwrap_or(""),
        &[],
    ))
}

/// `security group default statefulness create`.
pub struct CreateSecurityGroupDefaultStatefulness;

impl Command<ClientManager> for CreateSecurityGroupDefaultStatefulness {
    fn description(&self) -> &str {
        "Create a default statefulness setting for security groups"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_stateful_options(parser);
        parser.add(Arg::option(&["--project"]).metavar("<project>").help(
            "Apply the setting to this project (name or ID). If not specified, the setting applies system-wide",
        ));
        identity::common::add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = Map::new();
        if let Some(stateful) = common::tri_state(args, "stateful") {
            attrs.insert("stateful".into(), Json::Bool(stateful));
        }
        // Always sent, even as null: Neutron would otherwise take the caller's project.
        let project_id = common::project_id(ctx, args)?;
        attrs.insert("project_id".into(), Json::from(project_id));
        let created = fail(common::create(ctx, &SETTING, attrs))?;
        Ok(common::show(&SETTING, &created, &[], HIDDEN, common::plain))
    }
}

/// `security group default statefulness delete`.
pub struct DeleteSecurityGroupDefaultStatefulness;

impl Command<ClientManager> for DeleteSecurityGroupDefaultStatefulness {
    fn description(&self) -> &str {
        "Delete security group default statefulness setting(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("setting")
                .metavar("<setting>")
                .nargs(Nargs::OneOrMore)
                .help("Default statefulness setting(s) to delete (ID only)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::delete_each_worded(
            ctx,
            args,
            &SETTING,
            &args.strings("setting"),
            "Failed to delete default statefulness setting with ID",
            "default statefulness settings",
        )
    }
}

/// `security group default statefulness list`.
pub struct ListSecurityGroupDefaultStatefulness;

impl Command<ClientManager> for ListSecurityGroupDefaultStatefulness {
    fn description(&self) -> &str {
        "List security group default statefulness settings"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("List only settings for this project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params: Vec<Param> = Vec::new();
        if let Some(project_id) = common::project_id(ctx, args)? {
            params.push(("project_id", Some(project_id)));
        }
        let items = fail(common::list(ctx, &SETTING, &params, None))?;
        Ok(common::rows(
            &SETTING,
            &items,
            &["ID", "Project ID", "Stateful"],
            &["id", "project_id", "stateful"],
            common::plain,
        ))
    }
}

/// `security group default statefulness set`.
pub struct SetSecurityGroupDefaultStatefulness;

impl Command<ClientManager> for SetSecurityGroupDefaultStatefulness {
    fn description(&self) -> &str {
        "Update a security group default statefulness setting"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        setting_positional(parser, "Default statefulness setting to modify (ID only)");
        add_stateful_options(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let setting = find_setting(ctx, args)?;
        let mut attrs = Map::new();
        if let Some(stateful) = common::tri_state(args, "stateful") {
            attrs.insert("stateful".into(), Json::Bool(stateful));
        }
        fail(common::update(ctx, &SETTING, &setting, attrs))?;
        Ok(Output::ok())
    }
}

/// `security group default statefulness show`.
pub struct ShowSecurityGroupDefaultStatefulness;

impl Command<ClientManager> for ShowSecurityGroupDefaultStatefulness {
    fn description(&self) -> &str {
        "Show a security group default statefulness setting"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        setting_positional(parser, "Default statefulness setting to display (ID only)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let setting = find_setting(ctx, args)?;
        Ok(common::show(&SETTING, &setting, &[], HIDDEN, common::plain))
    }
}
