//! `server_action` commands (OSC's `openstackclient/compute/v2/server_action.py`).

use cliff::argparse::{Action, ArgValue, Nargs};
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{parseractions, ClientManager};
use serde_json::{json, Map, Value as Json};

use super::server::wait_for_server;
use super::server_common::{
    self as common, action, command_error, find_flavor, find_image, find_server, require,
    require_option, supports,
};
use crate::resources::IMAGE;
use openstack_sdk as sdk;

/// `server dump create`.
pub struct CreateServerDump;

impl Command<ClientManager> for CreateServerDump {
    fn description(&self) -> &str {
        "Create a dump file in server(s)\n\nTrigger crash dump in server(s) with features like kdump in Linux.\nIt will create a dump file in the server(s) dumping the server(s)'\nmemory, and also crash the server(s). This is contingent on guest operating\nsystem support, and the location of the dump file inside the guest will\ndepend on the exact guest operating system.\n\nThis command requires ``--os-compute-api-version`` 2.17 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .nargs(Nargs::OneOrMore)
                .metavar("<server>")
                .help("Server(s) to create dump file (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_server_dump(ctx, args)
    }
}

/// `server evacuate`.
pub struct EvacuateServer;

impl Command<ClientManager> for EvacuateServer {
    fn description(&self) -> &str {
        "Evacuate a server to a different host.\n\nThis command is used to recreate a server after the host it was on has failed.\nIt can only be used if the compute service that manages the server is down.\nThis command should only be used by an admin after they have confirmed that the\ninstance is not running on the failed host.\n\nIf the server instance was created with an ephemeral root disk on non-shared\nstorage the server will be rebuilt using the original glance image preserving\nthe ports and any attached data volumes.\n\nIf the server uses boot for volume or has its root disk on shared storage the\nroot disk will be preserved and reused for the evacuated instance on the new\nhost."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
        parser.add(
            Arg::option(&["--wait"])
                .flag()
                .help("Wait for evacuation to complete"),
        );
        parser.add(Arg::option(&["--host"]).metavar("<host>").help("Set the preferred host on which to rebuild the evacuated server. The host will be validated by the scheduler. (supported by --os-compute-api-version 2.29 or above)"));
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(m0, Arg::option(&["--password"]).metavar("<password>").help("Set the password on the evacuated instance. This option is mutually exclusive with the --shared-storage option. This option requires cloud support."));
        parser.add_to_mutex(m0, Arg::option(&["--shared-storage"]).flag().help("Indicate that the instance is on shared storage. This will be auto-calculated with --os-compute-api-version 2.14 and greater and should not be used with later microversions. This option is mutually exclusive with the --password option"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        evacuate_server(ctx, args)
    }
}

/// `server lock`.
pub struct LockServer;

impl Command<ClientManager> for LockServer {
    fn description(&self) -> &str {
        "Lock server(s)\n\nA non-admin user will not be able to execute actions."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .nargs(Nargs::OneOrMore)
                .metavar("<server>")
                .help("Server(s) to lock (name or ID)"),
        );
        parser.add(Arg::option(&["--reason"]).metavar("<reason>").help("Reason for locking the server(s) (supported by --os-compute-api-version 2.73 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        lock_server(ctx, args)
    }
}

/// `server migrate`.
pub struct MigrateServer;

impl Command<ClientManager> for MigrateServer {
    fn description(&self) -> &str {
        "Migrate server to different host.\n\nThere are two types of migration operation: a cold migration and a live\nmigration.\n\nA cold migration operation is implemented as a resize operation\nusing the same flavor as the old server. This means that, like resize, migrate\nworks by shutting down the original server, creating a new server using the\nsame flavor and copying the contents of the original disk into a new one.\nAs with resize, the migrate operation is a two-step process for the user:\nthe first step is to perform the migrate, and the second step is to either\nconfirm (verify) success and release the old server, or to declare a revert\nto release the new server and restart the old one.\n\nBy comparison, a live migration operation does not involve shutting the server\ndown, and is a one-step process that does not require a confirmation or revert\nto finish.\n"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
        parser.add(Arg::option(&["--live-migration"]).flag().help("Live migrate the server; use the ``--host`` option to specify a target host for the migration which will be validated by the scheduler"));
        parser.add(Arg::option(&["--host"]).metavar("<hostname>").help("Migrate the server to the specified host. (supported with --os-compute-api-version 2.30 or above when used with the --live-migration option) (supported with --os-compute-api-version 2.56 or above when used without the --live-migration option)"));
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(m0, Arg::option(&["--shared-migration"]).dest("block_migration").action(Action::StoreFalse).default_none().help("Perform a shared live migration (default before --os-compute-api-version 2.25, auto after)"));
        parser.add_to_mutex(m0, Arg::option(&["--block-migration"]).flag().help("Perform a block live migration (auto-configured from --os-compute-api-version 2.25)"));
        let m1 = parser.add_mutex(None, false);
        parser.add_to_mutex(m1, Arg::option(&["--disk-overcommit"]).action(Action::StoreTrue).default_none().help("Allow disk over-commit on the destination host (supported with --os-compute-api-version 2.24 or below)"));
        parser.add_to_mutex(m1, Arg::option(&["--no-disk-overcommit"]).dest("disk_overcommit").action(Action::StoreFalse).help("Do not over-commit disk on the destination host (default) (supported with --os-compute-api-version 2.24 or below)"));
        parser.add(
            Arg::option(&["--wait"])
                .flag()
                .help("Wait for migrate to complete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        migrate_server(ctx, args)
    }
}

/// `server migrate confirm`.
pub struct MigrateConfirm;

impl Command<ClientManager> for MigrateConfirm {
    fn description(&self) -> &str {
        "DEPRECATED: Use 'server migration confirm' instead."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        migrate_confirm(ctx, args)
    }
}

/// `server migrate revert`.
pub struct MigrateRevert;

impl Command<ClientManager> for MigrateRevert {
    fn description(&self) -> &str {
        "DEPRECATED: Use 'server migration revert' instead."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        migrate_revert(ctx, args)
    }
}

/// `server pause`.
pub struct PauseServer;

impl Command<ClientManager> for PauseServer {
    fn description(&self) -> &str {
        "Pause server(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .nargs(Nargs::OneOrMore)
                .metavar("<server>")
                .help("Server(s) to pause (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        pause_server(ctx, args)
    }
}

/// `server reboot`.
pub struct RebootServer;

impl Command<ClientManager> for RebootServer {
    fn description(&self) -> &str {
        "Perform a hard or soft server reboot"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--hard"])
                .dest("reboot_type")
                .action(Action::StoreConst(ArgValue::Str("HARD".to_owned())))
                .default(ArgValue::Str("SOFT".to_owned()))
                .help("Perform a hard reboot"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--soft"])
                .dest("reboot_type")
                .action(Action::StoreConst(ArgValue::Str("SOFT".to_owned())))
                .default(ArgValue::Str("SOFT".to_owned()))
                .help("Perform a soft reboot"),
        );
        parser.add(
            Arg::option(&["--wait"])
                .flag()
                .help("Wait for reboot to complete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        reboot_server(ctx, args)
    }
}

/// `server rebuild`.
pub struct RebuildServer;

impl Command<ClientManager> for RebuildServer {
    fn description(&self) -> &str {
        "Rebuild server"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
        parser.add(Arg::option(&["--image"]).metavar("<image>").help("Recreate server from the specified image (name or ID). Defaults to the currently used one."));
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set the new name of the rebuilt server"),
        );
        parser.add(
            Arg::option(&["--password"]).metavar("<password>").help(
                "Set the password on the rebuilt server. This option requires cloud support.",
            ),
        );
        parser.add(Arg::option(&["--property"]).dest("properties").append().metavar("<key=value>").help("Set a new property on the rebuilt server (repeat option to set multiple values)")); //  CUSTOM ACTION KeyValueAction nargs=None default=None const=None
        parser.add(Arg::option(&["--description"]).metavar("<description>").help("Set a new description on the rebuilt server (supported by --os-compute-api-version 2.19 or above)"));
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--preserve-ephemeral"])
                .action(Action::StoreTrue)
                .default_none()
                .help("Preserve the default ephemeral storage partition on rebuild."),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--no-preserve-ephemeral"])
                .dest("preserve_ephemeral")
                .action(Action::StoreFalse)
                .help("Do not preserve the default ephemeral storage partition on rebuild."),
        );
        let m1 = parser.add_mutex(None, false);
        parser.add_to_mutex(m1, Arg::option(&["--key-name"]).metavar("<key-name>").help("Set the key name of key pair on the rebuilt server. Cannot be specified with the --key-unset option. (supported by --os-compute-api-version 2.54 or above)"));
        parser.add_to_mutex(m1, Arg::option(&["--no-key-name"]).flag().help("Unset the key name of key pair on the rebuilt server. Cannot be specified with the --key-name option. (supported by --os-compute-api-version 2.54 or above)"));
        parser.add_to_mutex(
            m1,
            Arg::option(&["--key-unset"])
                .dest("no_key_name")
                .flag()
                .hidden(),
        );
        let m2 = parser.add_mutex(None, false);
        parser.add_to_mutex(m2, Arg::option(&["--user-data"]).metavar("<user-data>").help("Add a new user data file to the rebuilt server. Cannot be specified with the --no-user-data option. (supported by --os-compute-api-version 2.57 or above)"));
        parser.add_to_mutex(m2, Arg::option(&["--no-user-data"]).flag().help("Remove existing user data when rebuilding server. Cannot be specified with the --user-data option. (supported by --os-compute-api-version 2.57 or above)"));
        let m3 = parser.add_mutex(None, false);
        parser.add_to_mutex(m3, Arg::option(&["--trusted-image-cert"]).dest("trusted_image_certs").append().metavar("<trusted-cert-id>").help("Trusted image certificate IDs used to validate certificates during the image signature verification process. May be specified multiple times to pass multiple trusted image certificate IDs. Cannot be specified with the --no-trusted-certs option. (supported by --os-compute-api-version 2.63 or above)"));
        parser.add_to_mutex(m3, Arg::option(&["--no-trusted-image-certs"]).flag().help("Remove any existing trusted image certificates from the server. Cannot be specified with the --trusted-certs option. (supported by --os-compute-api-version 2.63 or above)"));
        parser.add(Arg::option(&["--hostname"]).metavar("<hostname>").help("Hostname configured for the server in the metadata service. A separate utility running in the guest is required to propagate changes to this value to the guest OS itself (hostnames supported by --os-compute-api-version 2.90 or above, FQDNs supported by --os-compute-api-version 2.94 or above)"));
        parser.add(Arg::option(&["--reimage-boot-volume"]).action(Action::StoreTrue).default_none().help("Rebuild a volume-backed server. This will wipe the root volume data and overwrite it with the provided image. Defaults to False. (supported by --os-compute-api-version 2.93 or above)"));
        parser.add(Arg::option(&["--no-reimage-boot-volume"]).dest("reimage_boot_volume").action(Action::StoreFalse).default_none().help("Do not rebuild a volume-backed server. (supported by --os-compute-api-version 2.93 or above)"));
        parser.add(
            Arg::option(&["--wait"])
                .flag()
                .help("Wait for rebuild to complete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        rebuild_server(ctx, args)
    }
}

/// `server rescue`.
pub struct RescueServer;

impl Command<ClientManager> for RescueServer {
    fn description(&self) -> &str {
        "Put server in rescue mode.\n\nSpecify ``--os-compute-api-version 2.87`` or higher to rescue a\nserver booted from a volume."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
        parser.add(Arg::option(&["--image"]).metavar("<image>").help(
            "Image (name or ID) to use for the rescue mode (defaults to the currently used one)",
        ));
        parser.add(
            Arg::option(&["--password"])
                .metavar("<password>")
                .help("Set the password on the rescued instance (requires cloud support)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        rescue_server(ctx, args)
    }
}

/// `server resize`.
pub struct ResizeServer;

impl Command<ClientManager> for ResizeServer {
    fn description(&self) -> &str {
        "Scale server to a new flavor.\n\nA resize operation is implemented by creating a new server and copying the\ncontents of the original disk into a new one. It is a two-step process for the\nuser: the first step is to perform the resize, and the second step is to either\nconfirm (verify) success and release the old server or to declare a revert to\nrelease the new server and restart the old one."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
        let m0 = parser.add_mutex(None, true);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--flavor"])
                .metavar("<flavor>")
                .help("Resize server to specified flavor"),
        );
        parser.add_to_mutex(m0, Arg::option(&["--confirm"]).flag().help("**Deprecated** Confirm server resize is complete. Replaced by the 'openstack server resize confirm' and 'openstack server migration confirm' commands"));
        parser.add_to_mutex(m0, Arg::option(&["--revert"]).flag().help("**Deprecated** Restore server state before resize. Replaced by the 'openstack server resize revert' and 'openstack server migration revert' commands"));
        parser.add(
            Arg::option(&["--wait"])
                .flag()
                .help("Wait for resize to complete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        resize_server(ctx, args)
    }
}

/// `server resize confirm`.
pub struct ResizeConfirm;

impl Command<ClientManager> for ResizeConfirm {
    fn description(&self) -> &str {
        "Confirm server resize.\n\nConfirm (verify) success of resize operation and release the old server."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        resize_confirm(ctx, args)
    }
}

/// `server resize revert`.
pub struct ResizeRevert;

impl Command<ClientManager> for ResizeRevert {
    fn description(&self) -> &str {
        "Revert server resize.\n\nRevert the resize operation. Release the new server and restart the old\none."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        resize_revert(ctx, args)
    }
}

/// `server restore`.
pub struct RestoreServer;

impl Command<ClientManager> for RestoreServer {
    fn description(&self) -> &str {
        "Restore server(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .nargs(Nargs::OneOrMore)
                .metavar("<server>")
                .help("Server(s) to restore (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        restore_server(ctx, args)
    }
}

/// `server resume`.
pub struct ResumeServer;

impl Command<ClientManager> for ResumeServer {
    fn description(&self) -> &str {
        "Resume server(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .nargs(Nargs::OneOrMore)
                .metavar("<server>")
                .help("Server(s) to resume (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        resume_server(ctx, args)
    }
}

/// `server shelve`.
pub struct ShelveServer;

impl Command<ClientManager> for ShelveServer {
    fn description(&self) -> &str {
        "Shelve and optionally offload server(s).\n\nShelving a server creates a snapshot of the server and stores this\nsnapshot before shutting down the server. This shelved server can then be\noffloaded or deleted from the host, freeing up remaining resources on the\nhost, such as network interfaces. Shelved servers can be unshelved,\nrestoring the server from the snapshot. Shelving is therefore useful where\nusers wish to retain the UUID and IP of a server, without utilizing other\nresources or disks.\n\nMost clouds are configured to automatically offload shelved servers\nimmediately or after a small delay. For clouds where this is not\nconfigured, or where the delay is larger, offloading can be manually\nspecified. This is an admin-only operation by default."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("servers")
                .nargs(Nargs::OneOrMore)
                .metavar("<server>")
                .help("Server(s) to shelve (name or ID)"),
        );
        parser.add(Arg::option(&["--offload"]).flag().help("Remove the shelved server(s) from the host (admin only). Invoking this option on an unshelved server(s) will result in the server being shelved first"));
        parser.add(
            Arg::option(&["--wait"])
                .flag()
                .help("Wait for shelve and/or offload operation to complete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        shelve_server(ctx, args)
    }
}

/// `server start`.
pub struct StartServer;

impl Command<ClientManager> for StartServer {
    fn description(&self) -> &str {
        "Start server(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .nargs(Nargs::OneOrMore)
                .metavar("<server>")
                .help("Server(s) to start (name or ID)"),
        );
        parser.add(Arg::option(&["--all-projects"]).flag().help("Start server(s) in another project by name (admin only) (can be specified using the ALL_PROJECTS envvar)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        start_server(ctx, args)
    }
}

/// `server stop`.
pub struct StopServer;

impl Command<ClientManager> for StopServer {
    fn description(&self) -> &str {
        "Stop server(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .nargs(Nargs::OneOrMore)
                .metavar("<server>")
                .help("Server(s) to stop (name or ID)"),
        );
        parser.add(Arg::option(&["--all-projects"]).flag().help("Stop server(s) in another project by name (admin only) (can be specified using the ALL_PROJECTS envvar)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        stop_server(ctx, args)
    }
}

/// `server suspend`.
pub struct SuspendServer;

impl Command<ClientManager> for SuspendServer {
    fn description(&self) -> &str {
        "Suspend server(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .nargs(Nargs::OneOrMore)
                .metavar("<server>")
                .help("Server(s) to suspend (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        suspend_server(ctx, args)
    }
}

/// `server unlock`.
pub struct UnlockServer;

impl Command<ClientManager> for UnlockServer {
    fn description(&self) -> &str {
        "Unlock server(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .nargs(Nargs::OneOrMore)
                .metavar("<server>")
                .help("Server(s) to unlock (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        unlock_server(ctx, args)
    }
}

/// `server unpause`.
pub struct UnpauseServer;

impl Command<ClientManager> for UnpauseServer {
    fn description(&self) -> &str {
        "Unpause server(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .nargs(Nargs::OneOrMore)
                .metavar("<server>")
                .help("Server(s) to unpause (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        unpause_server(ctx, args)
    }
}

/// `server unrescue`.
pub struct UnrescueServer;

impl Command<ClientManager> for UnrescueServer {
    fn description(&self) -> &str {
        "Restore server from rescue mode"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        unrescue_server(ctx, args)
    }
}

/// `server unshelve`.
pub struct UnshelveServer;

impl Command<ClientManager> for UnshelveServer {
    fn description(&self) -> &str {
        "Unshelve server(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .nargs(Nargs::OneOrMore)
                .metavar("<server>")
                .help("Server(s) to unshelve (name or ID)"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(m0, Arg::option(&["--availability-zone"]).help("Name of the availability zone in which to unshelve a SHELVED_OFFLOADED server (supported by --os-compute-api-version 2.77 or above)"));
        parser.add_to_mutex(m0, Arg::option(&["--no-availability-zone"]).flag().help("Unpin the availability zone of a SHELVED_OFFLOADED server. Server will be unshelved on a host without availability zone constraint (supported by --os-compute-api-version 2.91 or above)"));
        parser.add(Arg::option(&["--host"]).help("Name of the destination host in which to unshelve a SHELVED_OFFLOADED server (supported by --os-compute-api-version 2.91 or above)"));
        parser.add(
            Arg::option(&["--wait"])
                .flag()
                .help("Wait for unshelve operation to complete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        unshelve_server(ctx, args)
    }
}

fn given<'a>(args: &'a Args, dest: &str) -> Option<&'a str> {
    args.str(dest).filter(|s| !s.is_empty())
}

/// The loop of the simple multi-server actions: find each server (the first failure ends the command), then
/// POST the action.
fn each_server(
    ctx: &mut ClientManager,
    args: &Args,
    body: Json,
    all_projects: bool,
) -> Result<Output> {
    for name in args.strings("server") {
        let server = find_server(ctx, &name, !all_projects_lookup(args), all_projects)?;
        action(ctx, &sdk::id_of(&server), body.clone(), None)?;
    }
    Ok(Output::ok())
}

/// `server start|stop` look servers up without details (`details=False`).
fn all_projects_lookup(args: &Args) -> bool {
    matches!(args.get("all_projects"), ArgValue::Bool(_))
}

fn one_server(ctx: &mut ClientManager, args: &Args) -> Result<Json> {
    Ok(find_server(
        ctx,
        args.str("server").unwrap_or(""),
        true,
        false,
    )?)
}

fn write_stdout(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout();
    // The command's outcome does not depend on this line reaching a closed stdout.
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

fn create_server_dump(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    each_server(ctx, args, json!({"trigger_crash_dump": null}), false)
}

fn evacuate_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let host = given(args, "host");
    if host.is_some() {
        require(
            ctx,
            "2.29",
            "--os-compute-api-version 2.29 or later is required to specify a preferred host.",
        )?;
    }
    let shared = args.flag("shared_storage");
    if shared && supports(ctx, "2.14")? {
        return Err(command_error(
            "--os-compute-api-version 2.13 or earlier is required to specify shared-storage.",
        ));
    }
    let mut evacuate = Map::new();
    if let Some(host) = host {
        evacuate.insert("host".into(), json!(host));
    }
    if let Some(password) = args.str("password") {
        evacuate.insert("adminPass".into(), json!(password));
    }
    if !supports(ctx, "2.14")? {
        evacuate.insert("onSharedStorage".into(), json!(shared));
    }
    let server = one_server(ctx, args)?;
    let id = sdk::id_of(&server);
    action(ctx, &id, json!({"evacuate": evacuate}), None)?;
    if args.flag("wait") {
        let mut success = vec!["active"];
        if sdk::str_of(&server, "status") == Some("SHUTOFF") {
            success.push("shutoff");
        }
        if wait_for_server(ctx, &id, &success)? {
            write_stdout("Complete\n");
        } else {
            return Err(command_error(format!("Error evacuating server: {id}")));
        }
    }
    Ok(Output::show(common::prep_server_detail(
        ctx, &server, true,
    )?))
}

fn lock_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let body = match given(args, "reason") {
        Some(reason) => {
            require(
                ctx,
                "2.73",
                "--os-compute-api-version 2.73 or greater is required to use the --reason option",
            )?;
            json!({"lock": {"locked_reason": reason}})
        }
        None => json!({"lock": null}),
    };
    each_server(ctx, args, body, false)
}

fn migrate_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server = one_server(ctx, args)?;
    let id = sdk::id_of(&server);
    let host = given(args, "host");
    let block = args.get("block_migration").clone();
    let overcommit = args.get("disk_overcommit").clone();
    if args.flag("live_migration") {
        let block_migration = match block {
            ArgValue::Bool(b) => json!(b),
            _ if !supports(ctx, "2.25")? => json!(false),
            _ => json!("auto"),
        };
        if host.is_some() && !supports(ctx, "2.30")? {
            return Err(command_error(
                "--os-compute-api-version 2.30 or greater is required when using --host",
            ));
        }
        let mut live = Map::new();
        if !supports(ctx, "2.25")? {
            let value = matches!(overcommit, ArgValue::Bool(true));
            live.insert("disk_over_commit".into(), json!(value));
        } else if overcommit != ArgValue::Null {
            log::warn!(
                "The --disk-overcommit and --no-disk-overcommit options are only supported by \
                 --os-compute-api-version 2.24 or below; this will be an error in a future release"
            );
        }
        live.insert("host".into(), host.map_or(Json::Null, |h| json!(h)));
        live.insert("block_migration".into(), block_migration);
        let version = if supports(ctx, "2.30")? {
            Some("2.30")
        } else if supports(ctx, "2.25")? {
            Some("2.25")
        } else {
            None
        };
        action(ctx, &id, json!({"os-migrateLive": live}), version)?;
    } else {
        if matches!(block, ArgValue::Bool(true)) || matches!(overcommit, ArgValue::Bool(true)) {
            return Err(command_error(
                "--live-migration must be specified if --block-migration or --disk-overcommit is specified",
            ));
        }
        if host.is_some() {
            require(
                ctx,
                "2.56",
                "--os-compute-api-version 2.56 or greater is required to use --host without --live-migration.",
            )?;
        }
        let body = match host {
            Some(host) => json!({"migrate": {"host": host}}),
            None => json!({"migrate": null}),
        };
        action(ctx, &id, body, None)?;
    }
    if args.flag("wait") {
        if wait_for_server(ctx, &id, &["active", "verify_resize"])? {
            write_stdout(
                "Complete, check success/failure by openstack server migration/event list/show\n",
            );
        } else {
            return Err(command_error(format!("Error migrating server: {id}")));
        }
    }
    Ok(Output::ok())
}

fn pause_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    each_server(ctx, args, json!({"pause": null}), false)
}

fn reboot_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let id = sdk::id_of(&one_server(ctx, args)?);
    let kind = args.str("reboot_type").unwrap_or("SOFT");
    action(ctx, &id, json!({"reboot": {"type": kind}}), None)?;
    if args.flag("wait") {
        if wait_for_server(ctx, &id, &["active"])? {
            write_stdout("Complete\n");
        } else {
            return Err(command_error(format!("Error rebooting server: {id}")));
        }
    }
    Ok(Output::ok())
}

fn rebuild_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server = one_server(ctx, args)?;
    let id = sdk::id_of(&server);
    let current_image = server
        .get("image")
        .and_then(|i| i.get("id"))
        .and_then(Json::as_str)
        .filter(|i| !i.is_empty())
        .map(str::to_owned);
    let image = match given(args, "image") {
        Some(image) => find_image(ctx, image)?,
        None => {
            let Some(current) = &current_image else {
                return Err(command_error(
                    "The --image option is required when rebuilding a volume-backed server",
                ));
            };
            sdk::get(ctx, &IMAGE, IMAGE.base_path, current)?
        }
    };
    let mut rebuild = Map::new();
    rebuild.insert("imageRef".into(), json!(sdk::id_of(&image)));
    if let ArgValue::Bool(preserve) = args.get("preserve_ephemeral") {
        rebuild.insert("preserve_ephemeral".into(), json!(preserve));
    }
    if let Some(name) = args.str("name") {
        rebuild.insert("name".into(), json!(name));
    }
    if let Some(password) = args.str("password") {
        rebuild.insert("adminPass".into(), json!(password));
    }
    let props = parseractions::key_value(&args.strings("properties"))
        .map_err(|m| cliff::Error::usage(parseractions::argument_error("--property", &m)))?;
    if !props.is_empty() {
        let metadata: Map<String, Json> = props.into_iter().map(|(k, v)| (k, json!(v))).collect();
        rebuild.insert("metadata".into(), Json::Object(metadata));
    }
    if let Some(user_data) = given(args, "user_data") {
        require_option(ctx, "2.54", "--user-data")?;
        let data = std::fs::read(user_data).map_err(|e| {
            let reason = match e.kind() {
                std::io::ErrorKind::NotFound => {
                    format!("[Errno 2] No such file or directory: '{user_data}'")
                }
                _ => e.to_string(),
            };
            command_error(format!("Can't open '{user_data}': {reason}"))
        })?;
        rebuild.insert("user_data".into(), json!(common::base64(&data)));
    } else if args.flag("no_user_data") {
        require_option(ctx, "2.54", "--no-user-data")?;
        rebuild.insert("user_data".into(), Json::Null);
    }
    if let Some(key) = given(args, "key_name") {
        require_option(ctx, "2.54", "--key-name")?;
        rebuild.insert("key_name".into(), json!(key));
    } else if args.flag("no_key_name") {
        require_option(ctx, "2.54", "--no-key-name")?;
        rebuild.insert("key_name".into(), Json::Null);
    }
    if let Some(description) = given(args, "description") {
        require_option(ctx, "2.19", "--description")?;
        rebuild.insert("description".into(), json!(description));
    }
    let certs = args.strings("trusted_image_certs");
    if !certs.is_empty() {
        require_option(ctx, "2.63", "--trusted-certs")?;
        rebuild.insert("trusted_image_certificates".into(), json!(certs));
    } else if args.flag("no_trusted_image_certs") {
        require_option(ctx, "2.63", "--no-trusted-certs")?;
        rebuild.insert("trusted_image_certificates".into(), Json::Null);
    }
    if let Some(hostname) = given(args, "hostname") {
        require_option(ctx, "2.90", "--hostname")?;
        rebuild.insert("hostname".into(), json!(hostname));
    }
    if matches!(args.get("reimage_boot_volume"), ArgValue::Bool(true)) {
        require_option(ctx, "2.93", "--reimage-boot-volume")?;
    } else if current_image.is_none() {
        if supports(ctx, "2.93")? {
            return Err(command_error(
                "--reimage-boot-volume is required to rebuild a volume-backed server",
            ));
        }
        log::warn!(
            "Attempting to rebuild a volume-backed server using --os-compute-api-version 2.92 or earlier, which \
             will only succeed if the image is identical to the one initially used. This will be an error in a \
             future release."
        );
    }
    let status = sdk::str_of(&server, "status").unwrap_or("").to_lowercase();
    let success = match status.as_str() {
        "shutoff" => "shutoff",
        "error" | "active" => "active",
        _ => {
            return Err(command_error(
                "The server status is not ACTIVE, SHUTOFF or ERROR.",
            ))
        }
    };
    let response = action(ctx, &id, json!({"rebuild": rebuild}), None)?;
    let mut rebuilt = server.clone();
    if let (Some(target), Ok(answer)) = (rebuilt.as_object_mut(), response.json()) {
        if let Some(Json::Object(fields)) = answer.get("server") {
            for (key, value) in fields {
                target.insert(key.clone(), value.clone());
            }
        }
    }
    if args.flag("wait") {
        if wait_for_server(ctx, &id, &[success])? {
            write_stdout("Complete\n");
        } else {
            return Err(command_error(format!("Error rebuilding server: {id}")));
        }
    }
    Ok(Output::show(common::prep_server_detail(
        ctx, &rebuilt, false,
    )?))
}

fn rescue_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let image = match given(args, "image") {
        Some(image) => Some(sdk::id_of(&find_image(ctx, image)?)),
        None => None,
    };
    let id = sdk::id_of(&one_server(ctx, args)?);
    let mut rescue = Map::new();
    if let Some(password) = args.str("password") {
        rescue.insert("adminPass".into(), json!(password));
    }
    if let Some(image) = image {
        rescue.insert("rescue_image_ref".into(), json!(image));
    }
    action(ctx, &id, json!({"rescue": rescue}), None)?;
    Ok(Output::ok())
}

fn resize_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server = one_server(ctx, args)?;
    let id = sdk::id_of(&server);
    if let Some(flavor) = given(args, "flavor") {
        if !server.get("image").is_some_and(sdk::truthy) {
            log::warn!("The root disk size in flavor will not be applied while booting from a persistent volume.");
        }
        let flavor = find_flavor(ctx, flavor)?;
        action(
            ctx,
            &id,
            json!({"resize": {"flavorRef": sdk::id_of(&flavor)}}),
            None,
        )?;
        if args.flag("wait") {
            if !wait_for_server(ctx, &id, &["active", "verify_resize"])? {
                return Err(command_error(format!("Error resizing server: {id}")));
            }
            write_stdout("Complete\n");
        }
    } else if args.flag("confirm") {
        log::warn!(
            "The --confirm option has been deprecated. Please use the 'openstack server resize confirm' command \
             instead."
        );
        action(ctx, &id, json!({"confirmResize": null}), None)?;
    } else if args.flag("revert") {
        log::warn!(
            "The --revert option has been deprecated. Please use the 'openstack server resize revert' command \
             instead."
        );
        action(ctx, &id, json!({"revertResize": null}), None)?;
    }
    Ok(Output::ok())
}

/// `server resize confirm` (and `server migration confirm`).
pub(crate) fn resize_confirm(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let id = sdk::id_of(&one_server(ctx, args)?);
    action(ctx, &id, json!({"confirmResize": null}), None)?;
    Ok(Output::ok())
}

/// `server resize revert` (and `server migration revert`).
pub(crate) fn resize_revert(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let id = sdk::id_of(&one_server(ctx, args)?);
    action(ctx, &id, json!({"revertResize": null}), None)?;
    Ok(Output::ok())
}

fn migrate_confirm(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    log::warn!("The 'server migrate confirm' command has been deprecated in favour of the 'server migration confirm' command.");
    resize_confirm(ctx, args)
}

fn migrate_revert(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    log::warn!("The 'server migrate revert' command has been deprecated in favour of the 'server migration revert' command.");
    resize_revert(ctx, args)
}

fn restore_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    each_server(ctx, args, json!({"restore": null}), false)
}

fn resume_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    each_server(ctx, args, json!({"resume": null}), false)
}

fn shelve_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let mut ids = Vec::new();
    for name in args.strings("servers") {
        let server = find_server(ctx, &name, true, false)?;
        let status = sdk::str_of(&server, "status").unwrap_or("").to_lowercase();
        if status == "shelved" || status == "shelved_offloaded" {
            continue;
        }
        let id = sdk::id_of(&server);
        action(ctx, &id, json!({"shelve": null}), None)?;
        ids.push(id);
    }
    let (wait, offload) = (args.flag("wait"), args.flag("offload"));
    if !wait && !offload {
        return Ok(Output::ok());
    }
    for id in &ids {
        if !wait_for_server(ctx, id, &["shelved", "shelved_offloaded"])? {
            return Err(command_error(format!("Error shelving server: {id}")));
        }
    }
    if !offload {
        return Ok(Output::ok());
    }
    for id in &ids {
        let server = common::get_server(ctx, id)?;
        if sdk::str_of(&server, "status")
            .is_some_and(|s| s.eq_ignore_ascii_case("shelved_offloaded"))
        {
            continue;
        }
        action(ctx, id, json!({"shelveOffload": null}), None)?;
    }
    if !wait {
        return Ok(Output::ok());
    }
    for id in &ids {
        if !wait_for_server(ctx, id, &["shelved_offloaded"])? {
            return Err(command_error(format!(
                "Error offloading shelved server: {id}"
            )));
        }
    }
    Ok(Output::ok())
}

fn start_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let all = args.flag("all_projects");
    each_server(ctx, args, json!({"os-start": null}), all)
}

fn stop_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let all = args.flag("all_projects");
    each_server(ctx, args, json!({"os-stop": null}), all)
}

fn suspend_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    each_server(ctx, args, json!({"suspend": null}), false)
}

fn unlock_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    each_server(ctx, args, json!({"unlock": null}), false)
}

fn unpause_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    each_server(ctx, args, json!({"unpause": null}), false)
}

fn unrescue_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let id = sdk::id_of(&one_server(ctx, args)?);
    action(ctx, &id, json!({"unrescue": null}), None)?;
    Ok(Output::ok())
}

fn unshelve_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let mut data = Map::new();
    let mut zone: Option<Json> = None;
    if let Some(az) = given(args, "availability_zone") {
        require_option(ctx, "2.77", "--availability-zone")?;
        zone = Some(json!(az));
    }
    if let Some(host) = given(args, "host") {
        require_option(ctx, "2.91", "--host")?;
        data.insert("host".into(), json!(host));
    }
    if args.flag("no_availability_zone") {
        require_option(ctx, "2.91", "--no-availability-zone")?;
        zone = Some(Json::Null);
    }
    if let Some(zone) = zone {
        data.insert("availability_zone".into(), zone);
    }
    let body = if data.is_empty() {
        json!({"unshelve": null})
    } else {
        json!({"unshelve": data})
    };
    for name in args.strings("server") {
        let server = find_server(ctx, &name, true, false)?;
        let status = sdk::str_of(&server, "status").unwrap_or("").to_lowercase();
        if status != "shelved" && status != "shelved_offloaded" {
            continue;
        }
        let id = sdk::id_of(&server);
        action(ctx, &id, body.clone(), None)?;
        if args.flag("wait") && !wait_for_server(ctx, &id, &["active", "shutoff"])? {
            return Err(command_error(format!("Error unshelving server: {id}")));
        }
    }
    Ok(Output::ok())
}
