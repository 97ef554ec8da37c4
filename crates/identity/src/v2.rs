//! Identity API v2 (`OS_IDENTITY_API_VERSION=2`): Keystone removed it, so its commands exist only to fail as OSC
//! fails. OSC loads its v2 command group, then its authentication fails against a v3-only Keystone (exit 1);
//! without these names ours said "not an openstack command" (exit 2). Each v2 command is the v3 command of the
//! same name (same options and help), which authenticates first and then refuses to run.

use std::sync::Arc;

use cliff::{Args, Command, CommandKind, Error, Output, Parser, Result};
use osc_lib::{ClientManager, PluginCommand};

/// The commands of OSC's `openstack.identity.v2` group.
const V2_COMMANDS: &[&str] = &[
    "catalog list",
    "catalog show",
    "ec2 credentials create",
    "ec2 credentials delete",
    "ec2 credentials list",
    "ec2 credentials show",
    "endpoint create",
    "endpoint delete",
    "endpoint list",
    "endpoint show",
    "project create",
    "project delete",
    "project list",
    "project set",
    "project show",
    "project unset",
    "role add",
    "role assignment list",
    "role create",
    "role delete",
    "role list",
    "role remove",
    "role show",
    "service create",
    "service delete",
    "service list",
    "service show",
    "token issue",
    "token revoke",
    "user create",
    "user delete",
    "user list",
    "user set",
    "user show",
];

/// The v2 command names, each wrapping the v3 command of that name.
pub fn commands() -> Vec<(String, PluginCommand)> {
    super::v3::commands()
        .into_iter()
        .filter(|(name, _)| V2_COMMANDS.contains(&name.as_str()))
        .map(|(name, v3)| {
            let command: PluginCommand = Arc::new(Unsupported(v3));
            (name, command)
        })
        .collect()
}

/// A v3 command standing in for its v2 namesake.
struct Unsupported(PluginCommand);

impl Command<ClientManager> for Unsupported {
    fn description(&self) -> &str {
        self.0.description()
    }

    fn kind(&self) -> CommandKind {
        self.0.kind()
    }

    fn auth_required(&self) -> bool {
        self.0.auth_required()
    }

    fn deprecated(&self) -> bool {
        self.0.deprecated()
    }

    fn epilog(&self) -> Option<&str> {
        self.0.epilog()
    }

    fn add_arguments(&self, parser: &mut Parser) {
        self.0.add_arguments(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        // Authentication fails first on a v3-only Keystone, with the same error as OSC's.
        ctx.token()?;
        Err(Error::command(
            "Identity API v2 is not available: Keystone removed it (use identity API version 3)",
        ))
    }
}
