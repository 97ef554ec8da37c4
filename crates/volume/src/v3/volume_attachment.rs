//! `volume attachment complete|volume attachment create|volume attachment delete|volume attachment list|volume attachment set|volume attachment show` (OSC `volume/v3/volume_attachment.py`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use crate::common;

/// `volume attachment complete`.
pub struct CompleteVolumeAttachment;

impl Command<ClientManager> for CompleteVolumeAttachment {
    fn description(&self) -> &str {
        "Complete an attachment for a volume."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("attachment")
                .metavar("<attachment>")
                .help("ID of volume attachment to mark as completed"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume attachment create`.
pub struct CreateVolumeAttachment;

impl Command<ClientManager> for CreateVolumeAttachment {
    fn description(&self) -> &str {
        "Create an attachment for a volume.\n\nThis command will only create a volume attachment in the Volume service. It\nwill not invoke the necessary Compute service actions to actually attach\nthe volume to the server at the hypervisor level. As a result, it should\ntypically only be used for troubleshooting issues with an existing server\nin combination with other tooling. For all other use cases, the 'server\nadd volume' command should be preferred."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume")
                .metavar("<volume>")
                .help("Name or ID of volume to attach to server."),
        );
        parser.add(
            Arg::positional("server_old")
                .nargs(Nargs::Optional)
                .metavar("<server>")
                .hidden(),
        );
        parser.add(
            Arg::option(&["--connect"])
                .flag()
                .help("Make an active connection using provided connector info"),
        );
        parser.add(
            Arg::option(&["--no-connect"])
                .dest("connect")
                .action(Action::StoreFalse)
                .help("Do not make an active connection using provided connector info"),
        );
        parser.add(
            Arg::option(&["--initiator"])
                .metavar("<initiator>")
                .help("IQN of the initiator attaching to"),
        );
        parser.add(
            Arg::option(&["--ip"])
                .metavar("<ip>")
                .help("IP of the system attaching to"),
        );
        parser.add(
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("Name of the host attaching to"),
        );
        parser.add(
            Arg::option(&["--server"])
                .metavar("<server>")
                .help("Name or ID of server attaching to"),
        );
        parser.add(
            Arg::option(&["--platform"])
                .metavar("<platform>")
                .help("Platform type"),
        );
        parser.add(
            Arg::option(&["--os-type"])
                .metavar("<ostype>")
                .help("OS type"),
        );
        parser.add(Arg::option(&["--multipath"]).flag().help("Use multipath"));
        parser.add(
            Arg::option(&["--no-multipath"])
                .dest("multipath")
                .action(Action::StoreFalse)
                .help("Use multipath"),
        );
        parser.add(
            Arg::option(&["--mountpoint"])
                .metavar("<mountpoint>")
                .help("Mountpoint volume will be attached at"),
        );
        parser.add(Arg::option(&["--mode"]).metavar("<mode>").help("Mode of volume attachment, rw, ro and null, where null indicates we want to honor any existing admin-metadata settings (supported by --os-volume-api-version 3.54 or later)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume attachment delete`.
pub struct DeleteVolumeAttachment;

impl Command<ClientManager> for DeleteVolumeAttachment {
    fn description(&self) -> &str {
        "Delete an attachment for a volume.\n\nSimilarly to the 'volume attachment create' command, this command will only\ndelete the volume attachment record in the Volume service. It will not\ninvoke the necessary Compute service actions to actually attach the volume\nto the server at the hypervisor level. As a result, it should typically\nonly be used for troubleshooting issues with an existing server in\ncombination with other tooling. For all other use cases, the 'server volume\nremove' command should be preferred."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("attachment")
                .metavar("<attachment>")
                .help("ID of volume attachment to delete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume attachment list`.
pub struct ListVolumeAttachment;

impl Command<ClientManager> for ListVolumeAttachment {
    fn description(&self) -> &str {
        "Lists all volume attachments."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Filter results by project (name or ID) (admin only)"),
        );
        parser.add(Arg::option(&["--project-domain"]).metavar("<project-domain>").help("Domain the project belongs to (name or ID). This can be used in case collisions between project names exist."));
        parser.add(
            Arg::option(&["--all-projects"])
                .flag()
                .help("Shows details for all projects (admin only)."),
        );
        parser.add(Arg::option(&["--volume-id"]).metavar("<volume-id>").help("Filters results by a volume ID. This option is deprecated. Consider using the '--filters' option which was introduced in microversion 3.33 instead."));
        parser.add(Arg::option(&["--server-id"]).metavar("<server-id>").help("Filters results by a server ID. This option is deprecated. Consider using the '--filters' option which was introduced in microversion 3.33 instead."));
        parser.add(Arg::option(&["--status"]).metavar("<status>").help("Filters results by a status. This option is deprecated. Consider using the '--filters' option which was introduced in microversion 3.33 instead."));
        parser.add(Arg::option(&["--limit"]).check(common::non_negative_limit).int().metavar("<limit>").help("The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned."));
        parser.add(Arg::option(&["--marker"]).metavar("<marker>").help("The first position in the collection to return results from. This should be a value that was returned in a previous request."));
        parser.add(Arg::option(&["--max-items"]).check(common::non_negative_max_items).int().metavar("<max-items>").help("The maximum number of entries to return in total, paging through multiple requests if needed. Use --limit to control the page size."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume attachment set`.
pub struct SetVolumeAttachment;

impl Command<ClientManager> for SetVolumeAttachment {
    fn description(&self) -> &str {
        "Update an attachment for a volume.\n\nThis call is designed to be more of an volume attachment completion than\nanything else. It expects the value of a connector object to notify the\ndriver that the volume is going to be connected and where it's being\nconnected to."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("attachment")
                .metavar("<attachment>")
                .help("ID of volume attachment."),
        );
        parser.add(
            Arg::option(&["--initiator"])
                .metavar("<initiator>")
                .help("IQN of the initiator attaching to"),
        );
        parser.add(
            Arg::option(&["--ip"])
                .metavar("<ip>")
                .help("IP of the system attaching to"),
        );
        parser.add(
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("Name of the host attaching to"),
        );
        parser.add(
            Arg::option(&["--platform"])
                .metavar("<platform>")
                .help("Platform type"),
        );
        parser.add(
            Arg::option(&["--os-type"])
                .metavar("<ostype>")
                .help("OS type"),
        );
        parser.add(Arg::option(&["--multipath"]).flag().help("Use multipath"));
        parser.add(
            Arg::option(&["--no-multipath"])
                .dest("multipath")
                .action(Action::StoreFalse)
                .help("Use multipath"),
        );
        parser.add(
            Arg::option(&["--mountpoint"])
                .metavar("<mountpoint>")
                .help("Mountpoint volume will be attached at"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume attachment show`.
pub struct ShowVolumeAttachment;

impl Command<ClientManager> for ShowVolumeAttachment {
    fn description(&self) -> &str {
        "Show detailed information for a volume attachment."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("attachment")
                .metavar("<attachment>")
                .help("ID of volume attachment."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}
