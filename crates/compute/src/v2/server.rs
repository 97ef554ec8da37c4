//! `server` commands (OSC's `openstackclient/compute/v2/server.py`).

use cliff::argparse::{Action, ArgValue, Nargs};
use cliff::Value;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::parseractions;
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use super::server_common::{
    self as common, action, command_error, find_flavor, find_image, find_server, require,
    require_option, supports, COMPUTE,
};
use crate::resources::{
    FLAVOR, FLAVOR_MAX_MICROVERSION, IMAGE, NETWORK, PORT, SECURITY_GROUP, SERVER, SERVER_GROUP,
    SERVER_MAX_MICROVERSION, SNAPSHOT, VOLUME,
};
use openstack_sdk as sdk;
use openstack_sdk::wait::{self, Outcome, Wait};
use openstack_sdk::{Call, Param};

/// `server create`.
pub struct CreateServer;

impl Command<ClientManager> for CreateServer {
    fn description(&self) -> &str {
        "Create a new server"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server_name")
                .metavar("<server-name>")
                .help("New server name"),
        );
        parser.add(
            Arg::option(&["--flavor"])
                .metavar("<flavor>")
                .required()
                .help("Create server with this flavor (name or ID)"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--image"])
                .metavar("<image>")
                .help("Create server boot disk from this image (name or ID)"),
        );
        parser.add_to_mutex(m0, Arg::option(&["--image-property"]).dest("image_properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Create server using the image that matches the specified property. Property must match exactly one property."));
        parser.add_to_mutex(m0, Arg::option(&["--volume"]).metavar("<volume>").help("Create server using this volume as the boot disk (name or ID)\nThis option automatically creates a block device mapping with a boot index of 0. On many hypervisors (libvirt/kvm for example) this will be device vda. Do not create a duplicate mapping using --block-device-mapping for this volume."));
        parser.add_to_mutex(m0, Arg::option(&["--snapshot"]).metavar("<snapshot>").help("Create server using this snapshot as the boot disk (name or ID)\nThis option automatically creates a block device mapping with a boot index of 0. On many hypervisors (libvirt/kvm for example) this will be device vda. Do not create a duplicate mapping using --block-device-mapping for this volume."));
        parser.add(Arg::option(&["--boot-from-volume"]).int().metavar("<volume-size>").help("When used in conjunction with the ``--image`` or ``--image-property`` option, this option automatically creates a block device mapping with a boot index of 0 and tells the compute service to create a volume of the given size (in GB) from the specified image and use it as the root disk of the server. The root volume will not be deleted when the server is deleted. This option is mutually exclusive with the ``--volume`` and ``--snapshot`` options."));
        parser.add(Arg::option(&["--delete-on-termination"]).flag().help("Delete the boot volume automatically when the server is deleted (only valid with --boot-from-volume)."));
        parser.add(Arg::option(&["--block-device-mapping"]).append().check(bdm_legacy_check).metavar("<dev-name=mapping>").help("**Deprecated** Create a block device on the server.\nBlock device mapping in the format\n<dev-name>=<id>:<type>:<size(GB)>:<delete-on-terminate>\n<dev-name>: block device name, like: vdb, xvdc (required)\n<id>: Name or ID of the volume, volume snapshot or image (required)\n<type>: volume, snapshot or image; default: volume (optional)\n<size(GB)>: volume size if create from image or snapshot (optional)\n<delete-on-terminate>: true or false; default: false (optional)\nReplaced by --block-device"));
        parser.add(Arg::option(&["--block-device"]).dest("block_devices").append().check(bdm_check).metavar("<block-device>").help("Create a block device on the server.\nEither a path to a JSON file or a CSV-serialized string describing the block device mapping.\nThe following keys are accepted for both:\nuuid=<uuid>: UUID of the volume, snapshot or ID (required if using source image, snapshot or volume),\nsource_type=<source_type>: source type (one of: image, snapshot, volume, blank),\ndestination_type=<destination_type>: destination type (one of: volume, local) (optional),\ndisk_bus=<disk_bus>: device bus (one of: uml, lxc, virtio, ...) (optional),\ndevice_type=<device_type>: device type (one of: disk, cdrom, etc. (optional),\ndevice_name=<device_name>: name of the device (optional),\nvolume_size=<volume_size>: size of the block device in MiB (for swap) or GiB (for everything else) (optional),\nguest_format=<guest_format>: format of device (optional),\nboot_index=<boot_index>: index of disk used to order boot disk (required for volume-backed instances),\ndelete_on_termination=<true|false>: whether to delete the volume upon deletion of server (optional),\ntag=<tag>: device metadata tag (optional),\nvolume_type=<volume_type>: type of volume to create (name or ID) when source if blank, image or snapshot and dest is volume (optional)"));
        parser.add(
            Arg::option(&["--swap"])
                .int()
                .metavar("<swap>")
                .help("Create and attach a local swap block device of <swap_size> MiB."),
        );
        parser.add(Arg::option(&["--ephemeral"]).dest("ephemerals").append().check(ephemeral_check).metavar("<size=size[,format=format]>").help("Create and attach a local ephemeral block device of <size> GiB and format it to <format>."));
        parser.add(Arg::option(&["--network"]).dest("nic_networks").append().check(nic_key_check).metavar("<network>").help("Create a NIC on the server and connect it to network. Specify option multiple times to create multiple NICs. This is a wrapper for the '--nic net-id=<network>' parameter that provides simple syntax for the standard use case of connecting a new server to a given network. For more advanced use cases, refer to the '--nic' parameter."));
        parser.add(Arg::option(&["--port"]).dest("nic_ports").append().check(nic_key_check).metavar("<port>").help("Create a NIC on the server and connect it to port. Specify option multiple times to create multiple NICs. This is a wrapper for the '--nic port-id=<port>' parameter that provides simple syntax for the standard use case of connecting a new server to a given port. For more advanced use cases, refer to the '--nic' parameter."));
        parser.add(Arg::option(&["--no-network"]).dest("nics").action(Action::AppendConst(ArgValue::from("none"))).help("Do not attach a network to the server. This is a wrapper for the '--nic none' option that provides a simple syntax for disabling network connectivity for a new server. For more advanced use cases, refer to the '--nic' parameter. (supported by --os-compute-api-version 2.37 or above)"));
        parser.add(Arg::option(&["--auto-network"]).dest("nics").action(Action::AppendConst(ArgValue::from("auto"))).help("Automatically allocate a network to the server. This is the default network allocation policy. This is a wrapper for the '--nic auto' option that provides a simple syntax for enabling automatic configuration of network connectivity for a new server. For more advanced use cases, refer to the '--nic' parameter. (supported by --os-compute-api-version 2.37 or above)"));
        parser.add(Arg::option(&["--nic"]).dest("nics").append().check(nic_check).metavar("<net-id=net-uuid,port-id=port-uuid,v4-fixed-ip=ip-addr,v6-fixed-ip=ip-addr,tag=tag,auto,none>").help("Create a NIC on the server.\nNIC in the format:\nnet-id=<net-uuid>: attach NIC to network with this UUID,\nport-id=<port-uuid>: attach NIC to port with this UUID,\nv4-fixed-ip=<ip-addr>: IPv4 fixed address for NIC (optional),\nv6-fixed-ip=<ip-addr>: IPv6 fixed address for NIC (optional),\ntag: interface metadata tag (optional) (supported by --os-compute-api-version 2.43 or above),\nnone: (v2.37+) no network is attached,\nauto: (v2.37+) the compute service will automatically allocate a network.\n\nSpecify option multiple times to create multiple NICs.\nSpecifying a --nic of auto or none cannot be used with any other --nic value.\nEither net-id or port-id must be provided, but not both."));
        parser.add(
            Arg::option(&["--password"])
                .metavar("<password>")
                .help("Set the password to this server. This option requires cloud support."),
        );
        let m1 = parser.add_mutex(None, false);
        parser.add_to_mutex(m1, Arg::option(&["--no-security-group"]).dest("security_groups").action(Action::StoreConst(ArgValue::List(Vec::new()))).help("Do not associate a security group with ports attached to this server. This does not affect the security groups associated with pre-existing ports."));
        parser.add_to_mutex(m1, Arg::option(&["--security-group"]).dest("security_groups").append().metavar("<security-group>").help("Security group to associate with ports attached to this server (name or ID) (repeat option to set multiple groups)"));
        parser.add(
            Arg::option(&["--key-name"])
                .metavar("<key-name>")
                .help("Keypair to inject into this server"),
        );
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .check(parseractions::key_value_check)
                .metavar("<key=value>")
                .help("Set a property on this server (repeat option to set multiple values)"),
        );
        parser.add(Arg::option(&["--file"]).append().metavar("<dest-filename=source-filename>").help("File(s) to inject into image before boot (repeat option to set multiple files) (supported by --os-compute-api-version 2.57 or below)"));
        parser.add(
            Arg::option(&["--user-data"])
                .metavar("<user-data>")
                .help("User data file to serve from the metadata server"),
        );
        parser.add(Arg::option(&["--description"]).metavar("<description>").help("Set description for the server (supported by --os-compute-api-version 2.19 or above)"));
        parser.add(Arg::option(&["--availability-zone"]).metavar("<zone-name>").help("Select an availability zone for the server. Host and node are optional parameters. Availability zone in the format <zone-name>:<host-name>:<node-name>, <zone-name>::<node-name>, <zone-name>:<host-name> or <zone-name>"));
        parser.add(Arg::option(&["--host"]).metavar("<host>").help("Requested host to create servers. (admin only) (supported by --os-compute-api-version 2.74 or above)"));
        parser.add(Arg::option(&["--hypervisor-hostname"]).metavar("<hypervisor-hostname>").help("Requested hypervisor hostname to create servers. (admin only) (supported by --os-compute-api-version 2.74 or above)"));
        parser.add(Arg::option(&["--server-group"]).metavar("<server-group>").help("Server group to create the server within (this is an alias for '--hint group=<server-group-id>')"));
        parser.add(
            Arg::option(&["--hint"])
                .dest("hints")
                .append()
                .check(parseractions::key_value_check)
                .metavar("<key=value>")
                .help("Hints for the scheduler"),
        );
        let m2 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m2,
            Arg::option(&["--use-config-drive"])
                .dest("config_drive")
                .flag()
                .help("Enable config drive."),
        );
        parser.add_to_mutex(
            m2,
            Arg::option(&["--no-config-drive"])
                .dest("config_drive")
                .action(Action::StoreFalse)
                .help("Disable config drive."),
        );
        parser.add_to_mutex(m2, Arg::option(&["--config-drive"]).default(ArgValue::Bool(false)).metavar("<config-drive-volume>|True").help("**Deprecated** Use specified volume as the config drive, or 'True' to use an ephemeral drive. Replaced by '--use-config-drive'."));
        parser.add(
            Arg::option(&["--min"])
                .default(ArgValue::Int(1))
                .int()
                .metavar("<count>")
                .help("Minimum number of servers to launch (default=1)"),
        );
        parser.add(
            Arg::option(&["--max"])
                .default(ArgValue::Int(1))
                .int()
                .metavar("<count>")
                .help("Maximum number of servers to launch (default=1)"),
        );
        parser.add(Arg::option(&["--tag"]).dest("tags").append().metavar("<tag>").help("Tags for the server. Specify multiple times to add multiple tags. (supported by --os-compute-api-version 2.52 or above)"));
        parser.add(Arg::option(&["--hostname"]).metavar("<hostname>").help("Hostname configured for the server in the metadata service. If unset, a hostname will be automatically generated from the server name. A utility such as cloud-init is required to propagate the hostname in the metadata service to the guest OS itself (hostnames supported by --os-compute-api-version 2.90 or above, FQDNs supported by --os-compute-api-version 2.94 or above)"));
        parser.add(
            Arg::option(&["--wait"])
                .flag()
                .help("Wait for build to complete"),
        );
        parser.add(Arg::option(&["--trusted-image-cert"]).dest("trusted_image_certs").append().metavar("<trusted-cert-id>").help("Trusted image certificate IDs used to validate certificates during the image signature verification process. May be specified multiple times to pass multiple trusted image certificate IDs. (supported by --os-compute-api-version 2.63 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_server(ctx, args)
    }
}

/// `server delete`.
pub struct DeleteServer;

impl Command<ClientManager> for DeleteServer {
    fn description(&self) -> &str {
        "Delete server(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .nargs(Nargs::OneOrMore)
                .metavar("<server>")
                .help("Server(s) to delete (name or ID)"),
        );
        parser.add(
            Arg::option(&["--force"])
                .flag()
                .help("Force delete server(s)"),
        );
        parser.add(Arg::option(&["--all-projects"]).flag().help("Delete server(s) in another project by name (admin only)(can be specified using the ALL_PROJECTS envvar)"));
        parser.add(
            Arg::option(&["--wait"])
                .flag()
                .help("Wait for delete to complete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        delete_server(ctx, args)
    }
}

/// `server list`.
pub struct ListServer;

impl Command<ClientManager> for ListServer {
    fn description(&self) -> &str {
        "List servers"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--reservation-id"])
                .metavar("<reservation-id>")
                .help("Only return instances that match the reservation"),
        );
        parser.add(
            Arg::option(&["--ip"])
                .metavar("<ip-address-regex>")
                .help("Regular expression to match IP addresses"),
        );
        parser.add(Arg::option(&["--ip6"]).metavar("<ip-address-regex>").help("Regular expression to match IPv6 addresses. Note that this option only applies for non-admin users when using ``--os-compute-api-version`` 2.5 or greater."));
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name-regex>")
                .help("Regular expression to match names"),
        );
        parser.add(
            Arg::option(&["--instance-name"])
                .metavar("<server-name>")
                .help("Regular expression to match instance name (admin only)"),
        );
        parser.add(
            Arg::option(&["--status"])
                .choices(&[
                    "ACTIVE",
                    "BUILD",
                    "DELETED",
                    "ERROR",
                    "HARD_REBOOT",
                    "MIGRATING",
                    "PASSWORD",
                    "PAUSED",
                    "REBOOT",
                    "REBUILD",
                    "RESCUE",
                    "RESIZE",
                    "REVERT_RESIZE",
                    "SHELVED",
                    "SHELVED_OFFLOADED",
                    "SHUTOFF",
                    "SOFT_DELETED",
                    "SUSPENDED",
                    "VERIFY_RESIZE",
                ])
                .metavar("<status>")
                .help("Search by server status"),
        );
        parser.add(
            Arg::option(&["--flavor"])
                .metavar("<flavor>")
                .help("Search by flavor (name or ID)"),
        );
        parser.add(
            Arg::option(&["--image"])
                .metavar("<image>")
                .help("Search by image (name or ID)"),
        );
        parser.add(
            Arg::option(&["--host"])
                .metavar("<hostname>")
                .help("Search by hostname"),
        );
        parser.add(Arg::option(&["--all-projects"]).flag().help(
            "Include all projects (admin only) (can be specified using the ALL_PROJECTS envvar)",
        ));
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Search by project (admin only) (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--user"])
                .metavar("<user>")
                .help("Search by user (name or ID) (admin only before microversion 2.83)"),
        );
        identity::common::add_user_domain_option(parser);
        parser.add(
            Arg::option(&["--deleted"])
                .flag()
                .help("Only display deleted servers (admin only)"),
        );
        parser.add(
            Arg::option(&["--availability-zone"])
                .help("Search by availability zone (admin only before microversion 2.83)"),
        );
        parser.add(
            Arg::option(&["--key-name"])
                .help("Search by keypair name (admin only before microversion 2.83)"),
        );
        let m1 = parser.add_mutex(None, false);
        parser.add_to_mutex(m1, Arg::option(&["--config-drive"]).dest("has_config_drive").action(Action::StoreTrue).default_none().help("Only display servers with a config drive attached (admin only before microversion 2.83)"));
        parser.add_to_mutex(m1, Arg::option(&["--no-config-drive"]).dest("has_config_drive").action(Action::StoreFalse).help("Only display servers without a config drive attached (admin only before microversion 2.83)"));
        parser.add(
            Arg::option(&["--progress"])
                .check(percent_check)
                .help("Search by progress value (%) (admin only before microversion 2.83)"),
        );
        parser.add(
            Arg::option(&["--vm-state"])
                .choices(&[
                    "active",
                    "building",
                    "deleted",
                    "error",
                    "paused",
                    "stopped",
                    "suspended",
                    "rescued",
                    "resized",
                    "shelved",
                    "shelved_offloaded",
                    "soft-delete",
                ])
                .metavar("<state>")
                .help("Search by vm_state value (admin only before microversion 2.83)"),
        );
        parser.add(
            Arg::option(&["--task-state"])
                .choices(&[
                    "block_device_mapping",
                    "deleting",
                    "image_backup",
                    "image_pending_upload",
                    "image_snapshot",
                    "image_snapshot_pending",
                    "image_uploading",
                    "migrating",
                    "networking",
                    "pausing",
                    "powering-off",
                    "powering-on",
                    "rebooting",
                    "reboot_pending",
                    "reboot_started",
                    "reboot_pending_hard",
                    "reboot_started_hard",
                    "rebooting_hard",
                    "rebuilding",
                    "rebuild_block_device_mapping",
                    "rebuild_spawning",
                    "rescuing",
                    "resize_confirming",
                    "resize_finish",
                    "resize_migrated",
                    "resize_migrating",
                    "resize_prep",
                    "resize_reverting",
                    "restoring",
                    "resuming",
                    "scheduling",
                    "shelving",
                    "shelving_image_pending_upload",
                    "shelving_image_uploading",
                    "shelving_offloading",
                    "soft-deleting",
                    "spawning",
                    "suspending",
                    "updating_password",
                    "unpausing",
                    "unrescuing",
                    "unshelving",
                ])
                .metavar("<state>")
                .help("Search by task_state value (admin only before microversion 2.83)"),
        );
        parser.add(
            Arg::option(&["--power-state"])
                .choices(&[
                    "pending",
                    "running",
                    "paused",
                    "shutdown",
                    "crashed",
                    "suspended",
                ])
                .metavar("<state>")
                .help("Search by power_state value (admin only before microversion 2.83)"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        let m2 = parser.add_mutex(None, false);
        parser.add_to_mutex(m2, Arg::option(&["-n", "--no-name-lookup"]).flag().help("Skip flavor and image name lookup. Mutually exclusive with \"--name-lookup-one-by-one\" option."));
        parser.add_to_mutex(m2, Arg::option(&["--name-lookup-one-by-one"]).flag().help("When looking up flavor and image names, look them up one by one as needed instead of all together (default). Mutually exclusive with \"--no-name-lookup|-n\" option."));
        identity::pagination::add_marker_pagination_options(parser, true);
        parser.add(Arg::option(&["--changes-before"]).metavar("<changes-before>").help("List only servers changed before a certain point of time. The provided time should be an ISO 8061 formatted time (e.g., 2016-03-05T06:27:59Z). (supported by --os-compute-api-version 2.66 or above)"));
        parser.add(Arg::option(&["--changes-since"]).metavar("<changes-since>").help("List only servers changed after a certain point of time. The provided time should be an ISO 8061 formatted time (e.g., 2016-03-04T06:27:59Z)."));
        let m3 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m3,
            Arg::option(&["--locked"]).flag().help(
                "Only display locked servers (supported by --os-compute-api-version 2.73 or above)",
            ),
        );
        parser.add_to_mutex(m3, Arg::option(&["--unlocked"]).flag().help("Only display unlocked servers (supported by --os-compute-api-version 2.73 or above)"));
        parser.add(Arg::option(&["--tags"]).append().metavar("<tag>").help("Only list servers with the specified tag. Specify multiple times to filter on multiple tags. (supported by --os-compute-api-version 2.26 or above)"));
        parser.add(Arg::option(&["--not-tags"]).append().metavar("<tag>").help("Only list servers without the specified tag. Specify multiple times to filter on multiple tags. (supported by --os-compute-api-version 2.26 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_server(ctx, args)
    }
}

/// `server set`.
pub struct SetServer;

impl Command<ClientManager> for SetServer {
    fn description(&self) -> &str {
        "Set server properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<new-name>")
                .help("New server name"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--password"])
                .help("Set the server password. This option requires cloud support."),
        );
        parser.add_to_mutex(m0, Arg::option(&["--no-password"]).flag().help("Clear the admin password for the server from the metadata service; note that this action does not actually change the server password"));
        parser.add_to_mutex(m0, Arg::option(&["--root-password"]).flag().hidden());
        parser.add(Arg::option(&["--property"]).dest("properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Property to add/change for this server (repeat option to set multiple properties)"));
        parser.add(
            Arg::option(&["--auto-approve"])
                .flag()
                .help("Allow server state override without asking for confirmation"),
        );
        parser.add(Arg::option(&["--state"]).choices(&["active", "error"]).metavar("<state>").help("New server state.**WARNING** Resetting the state is intended to work around servers stuck in an intermediate state, such as deleting. If the server is in an error state then this is almost never the correct command to run and you should prefer hard reboot where possible. In particular, if the server is in an error state due to a move operation, setting the state can result in instances that are no longer usable. Proceed with caution. (admin only)"));
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help(
                    "New server description (supported by --os-compute-api-version 2.19 or above)",
                ),
        );
        parser.add(Arg::option(&["--tag"]).dest("tags").append().metavar("<tag>").help("Tag for the server. Specify multiple times to add multiple tags. (supported by --os-compute-api-version 2.26 or above)"));
        parser.add(Arg::option(&["--hostname"]).metavar("<hostname>").help("Hostname configured for the server in the metadata service. A separate utility running in the guest is required to propagate changes to this value to the guest OS itself (hostnames supported by --os-compute-api-version 2.90 or above, FQDNs supported by --os-compute-api-version 2.94 or above)"));
        parser.add(Arg::option(&["--pinned-availability-zone"]).metavar("<availability-zone>").help("Pin the server to the given availability zone. The server must currently be in the given zone. To unpin, use \"server unset --pinned-availability-zone\" (supported by --os-compute-api-version 2.104 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        set_server(ctx, args)
    }
}

/// `server show`.
pub struct ShowServer;

impl Command<ClientManager> for ShowServer {
    fn description(&self) -> &str {
        "Show server details.\n\nSpecify ``--os-compute-api-version 2.47`` or higher to see the embedded flavor\ninformation for the server."
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
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--diagnostics"])
                .flag()
                .help("Display server diagnostics information"),
        );
        parser.add_to_mutex(m0, Arg::option(&["--topology"]).flag().help("Include topology information in the output (supported by --os-compute-api-version 2.78 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_server(ctx, args)
    }
}

/// `server unset`.
pub struct UnsetServer;

impl Command<ClientManager> for UnsetServer {
    fn description(&self) -> &str {
        "Unset server properties and tags"
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
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .metavar("<key>")
                .help(
                    "Property key to remove from server (repeat option to remove multiple values)",
                ),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--all-properties"])
                .flag()
                .help("Remove all properties"),
        );
        parser.add(Arg::option(&["--description"]).flag().help(
            "Unset server description (supported by --os-compute-api-version 2.19 or above)",
        ));
        let m1 = parser.add_mutex(None, false);
        parser.add_to_mutex(m1, Arg::option(&["--tag"]).dest("tags").append().metavar("<tag>").help("Tag to remove from the server. Specify multiple times to remove multiple tags. (supported by --os-compute-api-version 2.26 or above)"));
        parser.add_to_mutex(
            m1,
            Arg::option(&["--all-tags"])
                .flag()
                .help("Remove all tags (supported by --os-compute-api-version 2.26 or above)"),
        );
        parser.add(Arg::option(&["--pinned-availability-zone"]).flag().help("Unpin the server from its availability zone (supported by --os-compute-api-version 2.104 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        unset_server(ctx, args)
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Argument checks (OSC's custom argparse actions)
// ---------------------------------------------------------------------------------------------------------------

fn text_of(value: &ArgValue) -> Option<&str> {
    match value {
        ArgValue::Str(text) => Some(text),
        _ => None,
    }
}

/// `NICAction(key=...)` of `--network`/`--port`: a bare name or ID.
fn nic_key_check(value: &ArgValue) -> std::result::Result<(), String> {
    match text_of(value) {
        Some(text) if text.contains(',') || text.contains('=') => Err(format!(
            "Invalid argument {text}; characters ',' and '=' are not allowed"
        )),
        _ => Ok(()),
    }
}

/// A `--nic` value as `NICAction` reads it: `auto`, `none`, or its keys.
#[derive(Debug, Clone, PartialEq, Default)]
struct Nic {
    net_id: String,
    port_id: String,
    v4_fixed_ip: String,
    v6_fixed_ip: String,
    tag: Option<String>,
}

fn parse_nic(text: &str) -> std::result::Result<Nic, String> {
    let mut nic = Nic::default();
    for pair in text.split(',') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let slot = match key {
            "net-id" => &mut nic.net_id,
            "port-id" => &mut nic.port_id,
            "v4-fixed-ip" => &mut nic.v4_fixed_ip,
            "v6-fixed-ip" => &mut nic.v6_fixed_ip,
            "tag" if !value.is_empty() => {
                nic.tag = Some(value.to_owned());
                continue;
            }
            _ => {
                return Err(format!(
                    "Invalid argument {text}; argument must be of form 'net-id=net-uuid,port-id=port-uuid,\
                     v4-fixed-ip=ip-addr,v6-fixed-ip=ip-addr,tag=tag'"
                ))
            }
        };
        if value.is_empty() {
            return Err(format!(
                "Invalid argument {text}; argument must be of form 'net-id=net-uuid,port-id=port-uuid,\
                 v4-fixed-ip=ip-addr,v6-fixed-ip=ip-addr,tag=tag'"
            ));
        }
        *slot = value.to_owned();
    }
    if !nic.net_id.is_empty() && !nic.port_id.is_empty() {
        return Err(format!(
            "Invalid argument {text}; either 'network' or 'port' should be specified but not both"
        ));
    }
    if !nic.v4_fixed_ip.is_empty() && !nic.v6_fixed_ip.is_empty() {
        return Err(format!(
            "Invalid argument {text}; either 'v4-fixed-ip' or 'v6-fixed-ip' should be specified but not both"
        ));
    }
    Ok(nic)
}

/// `NICAction` of `--nic`.
fn nic_check(value: &ArgValue) -> std::result::Result<(), String> {
    match text_of(value) {
        Some("auto" | "none") | None => Ok(()),
        Some(text) => parse_nic(text).map(|_| ()),
    }
}

/// `BDMLegacyAction`: `dev-name=id[:type[:size[:delete-on-terminate]]]`.
fn parse_bdm_legacy(text: &str) -> std::result::Result<Map<String, Json>, String> {
    let (dev_name, dev_map) = text.split_once('=').unwrap_or((text, ""));
    let parts: Vec<&str> = if dev_map.is_empty() {
        Vec::new()
    } else {
        dev_map.split(':').collect()
    };
    if dev_name.is_empty() || parts.is_empty() || parts.len() > 4 {
        return Err(format!(
            "Invalid argument {text}; argument must be of form 'dev-name=id[:type[:size[:delete-on-terminate]]]'"
        ));
    }
    let mut mapping = Map::new();
    mapping.insert("device_name".into(), json!(dev_name));
    mapping.insert("uuid".into(), json!(parts[0]));
    mapping.insert("source_type".into(), json!("volume"));
    mapping.insert("destination_type".into(), json!("volume"));
    if let Some(kind) = parts.get(1).filter(|k| !k.is_empty()) {
        if !matches!(*kind, "volume" | "snapshot" | "image") {
            return Err(format!(
                "Invalid argument {text}; 'type' must be one of: volume, snapshot, image"
            ));
        }
        mapping.insert("source_type".into(), json!(kind));
    }
    if let Some(size) = parts.get(2).filter(|k| !k.is_empty()) {
        mapping.insert("volume_size".into(), json!(size));
    }
    if let Some(delete) = parts.get(3).filter(|k| !k.is_empty()) {
        mapping.insert("delete_on_termination".into(), json!(delete));
    }
    Ok(mapping)
}

fn bdm_legacy_check(value: &ArgValue) -> std::result::Result<(), String> {
    text_of(value).map_or(Ok(()), |t| parse_bdm_legacy(t).map(|_| ()))
}

const BDM_KEYS: &[&str] = &[
    "uuid",
    "source_type",
    "destination_type",
    "disk_bus",
    "device_type",
    "device_name",
    "volume_size",
    "guest_format",
    "boot_index",
    "delete_on_termination",
    "tag",
    "volume_type",
];

/// `BDMAction`: a JSON file's mapping, or `key=value,...` pairs.
fn parse_bdm(text: &str) -> std::result::Result<Map<String, Json>, String> {
    if std::path::Path::new(text).exists() {
        let data = std::fs::read_to_string(text).map_err(|e| e.to_string())?;
        let parsed: Json = serde_json::from_str(&data).map_err(|e| e.to_string())?;
        let map = parsed.as_object().cloned().unwrap_or_default();
        let invalid: Vec<&str> = map
            .keys()
            .map(String::as_str)
            .filter(|k| !BDM_KEYS.contains(k))
            .collect();
        if !invalid.is_empty() {
            return Err(format!(
                "Invalid keys {} specified.\nValid keys are: {}",
                invalid.join(", "),
                BDM_KEYS.join(", ")
            ));
        }
        return Ok(map);
    }
    let pairs = parseractions::multi_key_value(&[text.to_owned()], &[], BDM_KEYS)?;
    Ok(pairs
        .into_iter()
        .flatten()
        .map(|(k, v)| (k, Json::String(v)))
        .collect())
}

fn bdm_check(value: &ArgValue) -> std::result::Result<(), String> {
    text_of(value).map_or(Ok(()), |t| parse_bdm(t).map(|_| ()))
}

fn ephemeral_check(value: &ArgValue) -> std::result::Result<(), String> {
    text_of(value).map_or(Ok(()), |t| {
        parseractions::multi_key_value(&[t.to_owned()], &["size"], &["format"]).map(|_| ())
    })
}

/// `PercentAction`.
fn percent_check(value: &ArgValue) -> std::result::Result<(), String> {
    let Some(text) = text_of(value) else {
        return Ok(());
    };
    match text.trim().parse::<i64>() {
        Ok(x) if 0 < x && x <= 100 => Ok(()),
        Ok(_) => Err("Must be between 0 and 100".to_owned()),
        Err(_) => Err(format!("invalid literal for int() with base 10: '{text}'")),
    }
}

fn properties(args: &Args, option: &str) -> Result<Vec<(String, String)>> {
    parseractions::key_value(&args.strings("properties"))
        .map_err(|m| cliff::Error::usage(parseractions::argument_error(option, &m)))
}

fn given<'a>(args: &'a Args, dest: &str) -> Option<&'a str> {
    args.str(dest).filter(|s| !s.is_empty())
}

/// Python's `str(OSError)` for a file that cannot be read.
fn os_error(path: &str, err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => format!("[Errno 2] No such file or directory: '{path}'"),
        std::io::ErrorKind::PermissionDenied => format!("[Errno 13] Permission denied: '{path}'"),
        _ if std::path::Path::new(path).is_dir() => format!("[Errno 21] Is a directory: '{path}'"),
        _ => err.to_string(),
    }
}

/// OSC's `_show_progress`: `\rProgress: <n>` on stdout while waiting.
pub(crate) fn show_progress(progress: u64) {
    use std::io::Write;
    if let Some(text) = wait::progress_text(progress) {
        let mut out = std::io::stdout();
        // A progress line that cannot be written is no reason to stop waiting.
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }
}

/// `utils.wait_for_status(compute_client.get_server, id, success_status=..., callback=_show_progress)`.
pub(crate) fn wait_for_server(cm: &mut ClientManager, id: &str, success: &[&str]) -> Result<bool> {
    let waiting = Wait {
        success: success.iter().map(|s| (*s).to_owned()).collect(),
        ..Wait::default()
    };
    let outcome = wait::wait_for_status(&waiting, || common::get_server(cm, id), show_progress)?;
    Ok(matches!(outcome, Outcome::Reached(_)))
}

// ---------------------------------------------------------------------------------------------------------------
// server create
// ---------------------------------------------------------------------------------------------------------------

fn match_images(cm: &mut ClientManager, wanted: &[(String, String)]) -> Result<Vec<Json>> {
    let images = sdk::list(cm, &IMAGE, IMAGE.base_path, &[], None)?;
    Ok(images
        .into_iter()
        .filter(|image| {
            wanted.iter().all(|(k, v)| {
                let value = image
                    .get(k)
                    .or_else(|| image.get("properties").and_then(|p| p.get(k)));
                value.and_then(Json::as_str) == Some(v.as_str())
            })
        })
        .collect())
}

fn create_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let name = args.str("server_name").unwrap_or("");
    let mut image: Option<Json> = None;
    if let Some(wanted) = given(args, "image") {
        image = Some(find_image(ctx, wanted)?);
    }
    let image_properties = parseractions::key_value(&args.strings("image_properties"))
        .map_err(|m| cliff::Error::usage(parseractions::argument_error("--image-property", &m)))?;
    if image.is_none() && !image_properties.is_empty() {
        let images = match_images(ctx, &image_properties)?;
        if images.len() > 1 {
            let ids: Vec<String> = images.iter().map(sdk::id_of).collect();
            log::warn!(
                "Multiple matching images: {:?}\nUsing image: {}",
                ids,
                ids[0]
            );
        }
        image = Some(images.into_iter().next().ok_or_else(|| {
            command_error("No images match the property expected by --image-property")
        })?);
    }
    let boot_from_volume = args.int("boot_from_volume");
    let mut volume: Option<String> = None;
    if let Some(wanted) = given(args, "volume") {
        if boot_from_volume.is_some_and(|v| v != 0) {
            return Err(command_error(
                "--volume is not allowed with --boot-from-volume",
            ));
        }
        volume = Some(sdk::id_of(&sdk::find_one(
            ctx,
            &VOLUME,
            VOLUME.base_path,
            wanted,
            &[],
        )?));
    }
    let delete_on_termination = args.flag("delete_on_termination");
    if delete_on_termination && boot_from_volume.is_none_or(|v| v == 0) {
        return Err(command_error(
            "--delete-on-termination can only be used with --boot-from-volume",
        ));
    }
    let mut snapshot: Option<String> = None;
    if let Some(wanted) = given(args, "snapshot") {
        if boot_from_volume.is_some_and(|v| v != 0) {
            return Err(command_error(
                "--snapshot is not allowed with --boot-from-volume",
            ));
        }
        snapshot = Some(sdk::id_of(&sdk::find_one(
            ctx,
            &SNAPSHOT,
            SNAPSHOT.base_path,
            wanted,
            &[],
        )?));
    }
    let flavor = find_flavor(ctx, args.str("flavor").unwrap_or(""))?;
    let files = args.strings("file");
    if !files.is_empty() && supports(ctx, "2.57")? {
        return Err(command_error(
            "Personality files are deprecated and are not supported for --os-compute-api-version greater than \
             2.56; use user data instead",
        ));
    }
    let mut personality = Vec::new();
    for file in &files {
        let (dst, src) = file.split_once('=').unwrap_or((file, ""));
        let contents = std::fs::read(src)
            .map_err(|e| command_error(format!("Can't open '{src}': {}", os_error(src, &e))))?;
        personality.push(json!({"path": dst, "contents": common::base64(&contents)}));
    }
    let (min, max) = (args.int("min").unwrap_or(1), args.int("max").unwrap_or(1));
    if min > max {
        return Err(command_error("min instances should be <= max instances"));
    }
    if min < 1 {
        return Err(command_error("min instances should be > 0"));
    }
    if max < 1 {
        return Err(command_error("max instances should be > 0"));
    }
    let mut user_data = None;
    if let Some(path) = given(args, "user_data") {
        let data = std::fs::read(path)
            .map_err(|e| command_error(format!("Can't open '{path}': {}", os_error(path, &e))))?;
        user_data = Some(common::base64(&data));
    }
    if given(args, "description").is_some() {
        require_option(ctx, "2.19", "--description")?;
    }
    let mut bdms: Vec<Json> = Vec::new();
    if let Some(size) = boot_from_volume.filter(|v| *v != 0) {
        let Some(found) = image.take() else {
            return Err(command_error(
                "An image (--image or --image-property) is required to support --boot-from-volume option",
            ));
        };
        bdms.push(json!({
            "uuid": sdk::id_of(&found), "boot_index": 0, "source_type": "image",
            "destination_type": "volume", "volume_size": size,
            "delete_on_termination": delete_on_termination,
        }));
    } else if let Some(found) = &image {
        bdms.push(json!({
            "uuid": sdk::id_of(found), "boot_index": 0, "source_type": "image",
            "destination_type": "local", "delete_on_termination": true,
        }));
    } else if let Some(id) = &volume {
        bdms.push(json!({"uuid": id, "boot_index": 0, "source_type": "volume", "destination_type": "volume"}));
    } else if let Some(id) = &snapshot {
        bdms.push(json!({
            "uuid": id, "boot_index": 0, "source_type": "snapshot",
            "destination_type": "volume", "delete_on_termination": false,
        }));
    }
    if let Some(swap) = args.int("swap").filter(|s| *s != 0) {
        bdms.push(json!({
            "boot_index": -1, "source_type": "blank", "destination_type": "local",
            "guest_format": "swap", "volume_size": swap, "delete_on_termination": true,
        }));
    }
    let ephemerals =
        parseractions::multi_key_value(&args.strings("ephemerals"), &["size"], &["format"])
            .map_err(|m| cliff::Error::usage(parseractions::argument_error("--ephemeral", &m)))?;
    for mapping in ephemerals {
        let get = |key: &str| {
            mapping
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        let mut bdm = json!({
            "boot_index": -1, "source_type": "blank", "destination_type": "local",
            "delete_on_termination": true, "volume_size": get("size"),
        });
        if let Some(format) = get("format") {
            bdm["guest_format"] = json!(format);
        }
        bdms.push(bdm);
    }
    for text in args.strings("block_device_mapping") {
        let mut mapping = parse_bdm_legacy(&text).map_err(command_error)?;
        let uuid = mapping.get("uuid").map(sdk::json_text).unwrap_or_default();
        let found = match mapping.get("source_type").and_then(Json::as_str) {
            Some("volume") => Some(sdk::find_one(ctx, &VOLUME, VOLUME.base_path, &uuid, &[])?),
            Some("snapshot") => Some(sdk::find_one(
                ctx,
                &SNAPSHOT,
                SNAPSHOT.base_path,
                &uuid,
                &[],
            )?),
            Some("image") => Some(find_image(ctx, &uuid)?),
            _ => None,
        };
        if let Some(found) = found {
            mapping.insert("uuid".into(), json!(sdk::id_of(&found)));
        }
        bdms.push(Json::Object(mapping));
    }
    for text in args.strings("block_devices") {
        let mut mapping = parse_bdm(&text).map_err(command_error)?;
        if let Some(index) = mapping.get("boot_index").cloned() {
            let parsed = match &index {
                Json::Number(n) => n.as_i64(),
                Json::String(s) => s.trim().parse::<i64>().ok(),
                _ => None,
            };
            let Some(parsed) = parsed else {
                return Err(command_error(
                    "The boot_index key of --block-device should be an integer",
                ));
            };
            mapping.insert("boot_index".into(), json!(parsed));
        }
        if mapping.contains_key("tag") {
            require(
                ctx,
                "2.42",
                "--os-compute-api-version 2.42 or greater is required to support the tag key of --block-device",
            )?;
        }
        if mapping.contains_key("volume_type") {
            require(
                ctx,
                "2.67",
                "--os-compute-api-version 2.67 or greater is required to support the volume_type key of \
                 --block-device",
            )?;
        }
        let source = match mapping.get("source_type") {
            Some(source) => {
                let source = sdk::json_text(source);
                if !matches!(source.as_str(), "volume" | "image" | "snapshot" | "blank") {
                    return Err(command_error(
                        "The source_type key of --block-device should be one of: volume, image, snapshot, blank",
                    ));
                }
                source
            }
            None => {
                mapping.insert("source_type".into(), json!("blank"));
                "blank".to_owned()
            }
        };
        let destination = match mapping.get("destination_type") {
            Some(destination) => {
                let destination = sdk::json_text(destination);
                if !matches!(destination.as_str(), "local" | "volume") {
                    return Err(command_error(
                        "The destination_type key of --block-device should be one of: local, volume",
                    ));
                }
                destination
            }
            None => {
                let destination = if source == "blank" { "local" } else { "volume" };
                mapping.insert("destination_type".into(), json!(destination));
                destination.to_owned()
            }
        };
        match mapping.get("delete_on_termination").cloned() {
            Some(value) => {
                let text = sdk::json_text(&value).to_lowercase();
                let parsed = match text.as_str() {
                    "true" | "1" | "yes" | "y" | "on" | "t" => true,
                    "false" | "0" | "no" | "n" | "off" | "f" => false,
                    _ => {
                        return Err(command_error(
                            "The delete_on_termination key of --block-device should be a boolean-like value",
                        ))
                    }
                };
                mapping.insert("delete_on_termination".into(), json!(parsed));
            }
            None if destination == "local" => {
                mapping.insert("delete_on_termination".into(), json!(true));
            }
            None => {}
        }
        bdms.push(Json::Object(mapping));
    }
    if !bdms.iter().any(|b| b.get("boot_index") == Some(&json!(0))) {
        return Err(command_error(
            "An image (--image, --image-property) or bootable volume (--volume, --snapshot, --block-device) is \
             required",
        ));
    }

    // --nic values in order, then --network, then --port (each kept in its own order).
    let mut nics: Vec<String> = args.strings("nics");
    nics.extend(
        args.strings("nic_networks")
            .into_iter()
            .map(|n| format!("net-id={n}")),
    );
    nics.extend(
        args.strings("nic_ports")
            .into_iter()
            .map(|p| format!("port-id={p}")),
    );
    let mut networks: Option<Json>;
    if nics.iter().any(|n| n == "auto" || n == "none") {
        if nics.len() > 1 {
            return Err(command_error(
                "Specifying a --nic of auto or none cannot be used with any other --nic, --network or --port value.",
            ));
        }
        require(
            ctx,
            "2.37",
            "--os-compute-api-version 2.37 or greater is required to support explicit auto-allocation of a \
             network or to disable network allocation",
        )?;
        networks = Some(json!(nics[0]));
    } else {
        let mut list = Vec::new();
        for text in &nics {
            let nic = parse_nic(text).map_err(command_error)?;
            if nic.tag.is_some() {
                require(
                    ctx,
                    "2.43",
                    "--os-compute-api-version 2.43 or greater is required to support the --nic tag field",
                )?;
            }
            let mut network = Map::new();
            if !nic.net_id.is_empty() {
                let found = sdk::find_one(ctx, &NETWORK, NETWORK.base_path, &nic.net_id, &[])?;
                network.insert("uuid".into(), json!(sdk::id_of(&found)));
            }
            if !nic.port_id.is_empty() {
                let found = sdk::find_one(ctx, &PORT, PORT.base_path, &nic.port_id, &[])?;
                network.insert("port".into(), json!(sdk::id_of(&found)));
            }
            if !nic.v4_fixed_ip.is_empty() {
                network.insert("fixed_ip".into(), json!(nic.v4_fixed_ip));
            } else if !nic.v6_fixed_ip.is_empty() {
                network.insert("fixed_ip".into(), json!(nic.v6_fixed_ip));
            }
            if let Some(tag) = nic.tag.filter(|t| !t.is_empty()) {
                network.insert("tag".into(), json!(tag));
            }
            list.push(Json::Object(network));
        }
        networks = Some(Json::Array(list));
    }
    if nics.is_empty() && supports(ctx, "2.37")? {
        networks = Some(json!("auto"));
    }

    let security_groups = match args.get("security_groups") {
        ArgValue::Null => None,
        _ => {
            let mut groups = Vec::new();
            for group in args.strings("security_groups") {
                let found =
                    sdk::find_one(ctx, &SECURITY_GROUP, SECURITY_GROUP.base_path, &group, &[])?;
                groups.push(json!({"name": sdk::id_of(&found)}));
            }
            Some(groups)
        }
    };
    let hint_values = parseractions::key_value_append(&args.strings("hints"))
        .map_err(|m| cliff::Error::usage(parseractions::argument_error("--hint", &m)))?;
    let mut hints = Map::new();
    for (key, values) in hint_values {
        let value = if values.len() == 1 {
            json!(values[0])
        } else {
            json!(values)
        };
        hints.insert(key, value);
    }
    if let Some(group) = given(args, "server_group") {
        common::use_default(ctx)?;
        let found = sdk::find_one(ctx, &SERVER_GROUP, SERVER_GROUP.base_path, group, &[])?;
        hints.insert("group".into(), json!(sdk::id_of(&found)));
    }
    let config_drive = match args.get("config_drive") {
        ArgValue::Bool(true) => Some(json!(true)),
        ArgValue::Bool(false) | ArgValue::Null => None,
        ArgValue::Str(text) => match text.to_lowercase().as_str() {
            "true" | "1" => Some(json!(true)),
            "false" | "0" | "" | "none" => None,
            _ => Some(json!(text)),
        },
        _ => None,
    };

    let mut server = Map::new();
    server.insert("name".into(), json!(name));
    server.insert(
        "imageRef".into(),
        json!(image.as_ref().map(sdk::id_of).unwrap_or_default()),
    );
    server.insert("flavorRef".into(), json!(sdk::id_of(&flavor)));
    server.insert("min_count".into(), json!(min));
    server.insert("max_count".into(), json!(max));
    if let Some(description) = given(args, "description") {
        server.insert("description".into(), json!(description));
    }
    if let Some(zone) = given(args, "availability_zone") {
        server.insert("availability_zone".into(), json!(zone));
    }
    if let Some(password) = given(args, "password") {
        server.insert("adminPass".into(), json!(password));
    }
    let props = properties(args, "--property")?;
    if !props.is_empty() {
        let metadata: Map<String, Json> = props.into_iter().map(|(k, v)| (k, json!(v))).collect();
        server.insert("metadata".into(), Json::Object(metadata));
    }
    if let Some(key) = given(args, "key_name") {
        server.insert("key_name".into(), json!(key));
    }
    if let Some(data) = user_data {
        server.insert("user_data".into(), json!(data));
    }
    if !personality.is_empty() {
        server.insert("personality".into(), Json::Array(personality));
    }
    if let Some(groups) = security_groups {
        server.insert("security_groups".into(), Json::Array(groups));
    }
    if !bdms.is_empty() {
        server.insert("block_device_mapping_v2".into(), Json::Array(bdms));
    }
    if let Some(networks) = networks {
        server.insert("networks".into(), networks);
    }
    if let Some(drive) = config_drive {
        server.insert("config_drive".into(), drive);
    }
    let tags = args.strings("tags");
    if !tags.is_empty() {
        require_option(ctx, "2.52", "--tag")?;
        server.insert("tags".into(), json!(tags));
    }
    if let Some(host) = given(args, "host") {
        require_option(ctx, "2.74", "--host")?;
        server.insert("host".into(), json!(host));
    }
    if let Some(host) = given(args, "hypervisor_hostname") {
        require_option(ctx, "2.74", "--hypervisor-hostname")?;
        server.insert("hypervisor_hostname".into(), json!(host));
    }
    if let Some(hostname) = given(args, "hostname") {
        require_option(ctx, "2.90", "--hostname")?;
        server.insert("hostname".into(), json!(hostname));
    }
    let certs = args.strings("trusted_image_certs");
    if !certs.is_empty() {
        if image.is_none() || boot_from_volume.is_some_and(|v| v != 0) {
            return Err(command_error(
                "--trusted-image-cert option is only supported for servers booted directly from images",
            ));
        }
        require_option(ctx, "2.63", "--trusted-image-cert")?;
        server.insert("trusted_image_certificates".into(), json!(certs));
    }
    let mut body = Map::new();
    body.insert("server".into(), Json::Object(server));
    if !hints.is_empty() {
        body.insert("OS-SCH-HNT:scheduler_hints".into(), Json::Object(hints));
    }
    common::use_class(ctx, SERVER_MAX_MICROVERSION)?;
    let created = Call::new(COMPUTE, Method::Post, SERVER.base_path)
        .body(Json::Object(body))
        .json(ctx)?;
    let created = SERVER.unwrap_body(created);
    if args.flag("wait") && !wait_for_server(ctx, &sdk::id_of(&created), &["active"])? {
        return Err(command_error(format!("Error creating server: {name}")));
    }
    Ok(Output::show(common::prep_server_detail(
        ctx, &created, true,
    )?))
}

// ---------------------------------------------------------------------------------------------------------------
// server delete
// ---------------------------------------------------------------------------------------------------------------

fn delete_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let names = args.strings("server");
    let all_projects = args.flag("all_projects");
    let mut deleted: Vec<String> = Vec::new();
    for name in &names {
        let result = find_server(ctx, name, true, all_projects).and_then(|server| {
            let id = sdk::id_of(&server);
            if args.flag("force") {
                action(ctx, &id, json!({"forceDelete": null}), None)?;
            } else {
                sdk::delete(ctx, &SERVER, &sdk::item_path(SERVER.base_path, &id), true)?;
            }
            Ok(id)
        });
        match result {
            Ok(id) => deleted.push(id),
            Err(e) => log::error!("Failed to delete server with name or ID '{name}': {e}"),
        }
    }
    if args.flag("wait") {
        let waiting = Wait {
            error: Vec::new(),
            sleep_time: std::time::Duration::from_secs(2),
            ..Wait::default()
        };
        for id in deleted.clone() {
            let outcome = wait::wait_for_delete(
                &waiting,
                std::time::Duration::from_secs(120),
                || {
                    let server = common::get_server(ctx, &id)?;
                    if sdk::str_of(&server, "status")
                        .is_some_and(|s| s.eq_ignore_ascii_case("deleted"))
                    {
                        return Err(sdk::Failure::NotFound(String::new()));
                    }
                    Ok(server)
                },
                show_progress,
            )?;
            if outcome == Outcome::TimedOut {
                return Err(command_error(format!("Error deleting server: {id}")));
            }
        }
    }
    let fails = names.len() - deleted.len();
    if fails > 0 {
        return Err(command_error(format!(
            "{fails} of {} servers failed to delete.",
            names.len()
        )));
    }
    Ok(Output::ok())
}

// ---------------------------------------------------------------------------------------------------------------
// server list
// ---------------------------------------------------------------------------------------------------------------

/// `datetime` text that `iso8601.parse_date` accepts (a date, optionally a time and a zone).
pub(crate) fn is_iso8601(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
    };
    if !(digits(0..4)) {
        return false;
    }
    let rest = &text[4..];
    if rest.is_empty() {
        return true;
    }
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    rest.len() >= 2 && rest[..2].bytes().all(|b| b.is_ascii_digit())
}

const POWER_STATES: &[(&str, i64)] = &[
    ("pending", 0),
    ("running", 1),
    ("paused", 3),
    ("shutdown", 4),
    ("crashed", 6),
    ("suspended", 7),
];

fn list_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let mut all_projects = args.flag("all_projects");
    let mut project_id = None;
    if let Some(project) = given(args, "project") {
        project_id = Some(identity::common::find_project_id_sdk(
            ctx,
            project,
            given(args, "project_domain"),
            true,
            None,
        )?);
        all_projects = true;
    }
    let mut user_id = None;
    if let Some(user) = given(args, "user") {
        user_id = Some(identity::common::find_user_id_sdk(
            ctx,
            user,
            given(args, "user_domain"),
            true,
        )?);
    }
    let mut flavor_id = None;
    if let Some(flavor) = given(args, "flavor") {
        flavor_id = Some(sdk::id_of(&find_flavor(ctx, flavor)?));
    }
    let mut image_id = None;
    if let Some(image) = given(args, "image") {
        image_id = Some(sdk::id_of(&find_image(ctx, image)?));
    }
    let text = |dest: &str| args.str(dest).map(str::to_owned);
    let mut params: Vec<Param> = vec![
        ("reservation_id", text("reservation_id")),
        ("ip", text("ip")),
        ("ip6", text("ip6")),
        ("name", text("name")),
        ("status", text("status")),
        ("flavor", flavor_id.clone()),
        ("image", image_id.clone()),
        ("compute_host", text("host")),
        ("project_id", project_id),
        ("user_id", user_id),
        ("deleted", Some(sdk::py_bool(args.flag("deleted")))),
        ("changes-before", text("changes_before")),
        ("changes-since", text("changes_since")),
    ];
    if all_projects {
        params.push(("all_projects", Some("True".to_owned())));
    }
    if let Some(zone) = given(args, "availability_zone") {
        params.push(("availability_zone", Some(zone.to_owned())));
    }
    if let Some(key) = given(args, "key_name") {
        params.push(("key_name", Some(key.to_owned())));
    }
    if let ArgValue::Bool(drive) = args.get("has_config_drive") {
        params.push(("config_drive", Some(sdk::py_bool(*drive))));
    }
    if let Some(progress) = args.str("progress") {
        params.push((
            "progress",
            Some(progress.trim().parse::<i64>().unwrap_or(0).to_string()),
        ));
    }
    if let Some(state) = given(args, "vm_state") {
        params.push(("vm_state", Some(state.to_owned())));
    }
    if let Some(state) = given(args, "task_state") {
        params.push(("task_state", Some(state.to_owned())));
    }
    if let Some(state) = given(args, "power_state") {
        let value = POWER_STATES
            .iter()
            .find(|(n, _)| *n == state)
            .map_or(0, |(_, v)| *v);
        params.push(("power_state", Some(value.to_string())));
    }
    let tags = args.strings("tags");
    if !tags.is_empty() {
        require_option(ctx, "2.26", "--tag")?;
        params.push(("tags", Some(tags.join(","))));
    }
    let not_tags = args.strings("not_tags");
    if !not_tags.is_empty() {
        require_option(ctx, "2.26", "--not-tag")?;
        params.push(("not-tags", Some(not_tags.join(","))));
    }
    if args.flag("locked") {
        require_option(ctx, "2.73", "--locked")?;
        params.push(("locked", Some("True".to_owned())));
    } else if args.flag("unlocked") {
        require_option(ctx, "2.73", "--unlocked")?;
        params.push(("locked", Some("False".to_owned())));
    }
    let limit = args.int("limit");
    if let Some(limit) = limit {
        params.push(("limit", Some(limit.to_string())));
    }
    let max_items = args.int("max_items").and_then(|m| usize::try_from(m).ok());
    if let Some(before) = given(args, "changes_before") {
        require(
            ctx,
            "2.66",
            "--os-compute-api-version 2.66 or later is required",
        )?;
        if !is_iso8601(before) {
            return Err(command_error(format!(
                "Invalid changes-before value: {before}"
            )));
        }
    }
    if let Some(since) = given(args, "changes_since") {
        if !is_iso8601(since) {
            return Err(command_error(format!(
                "Invalid changes-since value: {since}"
            )));
        }
    }
    let long = args.flag("long");
    let no_lookup = args.flag("no_name_lookup");
    let mut columns: Vec<(&str, &str)> = vec![("id", "ID"), ("name", "Name"), ("status", "Status")];
    if long {
        columns.push(("task_state", "Task State"));
        columns.push(("power_state", "Power State"));
    }
    columns.push(("addresses", "Networks"));
    if long {
        columns.push(("image_name", "Image Name"));
        columns.push(("image_id", "Image ID"));
    } else if no_lookup {
        columns.push(("image_id", "Image"));
    } else {
        columns.push(("image_name", "Image"));
    }
    let has_2_47 = supports(ctx, "2.47")?;
    if has_2_47 {
        columns.push(("flavor_name", "Flavor"));
    } else if long {
        columns.push(("flavor_name", "Flavor Name"));
        columns.push(("flavor_id", "Flavor ID"));
    } else if no_lookup {
        columns.push(("flavor_id", "Flavor"));
    } else {
        columns.push(("flavor_name", "Flavor"));
    }
    if long {
        columns.push(("availability_zone", "Availability Zone"));
        columns.push(("hypervisor_hostname", "Host"));
        columns.push(("metadata", "Properties"));
        if supports(ctx, "2.96")? {
            columns.push(("pinned_availability_zone", "Pinned Availability Zone"));
        }
        if supports(ctx, "2.100")? {
            columns.push(("scheduler_hints", "Scheduler Hints"));
        }
    }
    if all_projects {
        columns.push(("project_id", "Project ID"));
    }
    let requested_columns = args.strings("columns");
    if !requested_columns.is_empty() {
        for c in &requested_columns {
            let normalized = c.to_lowercase().trim().replace(' ', "_");
            let extra: Option<(&str, &str)> = match normalized.as_str() {
                "project_id" => Some(("project_id", "Project ID")),
                "user_id" => Some(("user_id", "User ID")),
                "created_at" => Some(("created_at", "Created At")),
                "security_groups" => Some(("security_groups_name", "Security Groups")),
                "task_state" => Some(("task_state", "Task State")),
                "power_state" => Some(("power_state", "Power State")),
                "image_id" => Some(("Image ID", "Image ID")),
                "flavor_id" => Some(("flavor_id", "Flavor ID")),
                "availability_zone" => Some(("availability_zone", "Availability Zone")),
                "pinned_availability_zone" if supports(ctx, "2.96")? => {
                    Some(("pinned_availability_zone", "Pinned Availability Zone"))
                }
                "host" => Some(("hypervisor_hostname", "Host")),
                "properties" => Some(("Metadata", "Properties")),
                "scheduler_hints" if supports(ctx, "2.100")? => {
                    Some(("scheduler_hints", "Scheduler Hints"))
                }
                _ => None,
            };
            if let Some(extra) = extra {
                columns.push(extra);
            }
        }
        // `dict.fromkeys` on the headers and the attributes separately, as OSC does.
        let mut seen_headers = Vec::new();
        let mut seen_fields = Vec::new();
        let mut headers = Vec::new();
        let mut fields = Vec::new();
        for (field, header) in &columns {
            if !seen_headers.contains(header) {
                seen_headers.push(*header);
                headers.push(*header);
            }
            if !seen_fields.contains(field) {
                seen_fields.push(*field);
                fields.push(*field);
            }
        }
        columns = fields
            .into_iter()
            .zip(headers.iter().copied().chain(std::iter::repeat("")))
            .collect();
    }
    if let Some(marker) = args.str("marker") {
        let marker_id = if args.flag("deleted") {
            marker.to_owned()
        } else {
            sdk::id_of(&find_server(ctx, marker, true, false)?)
        };
        params.push(("marker", Some(marker_id)));
    }
    common::use_class(ctx, SERVER_MAX_MICROVERSION)?;
    let data = if limit.is_some() {
        // `paginated=False`: one page.
        let query = SERVER.transpose(&params);
        let answer = Call::new(COMPUTE, Method::Get, "/servers/detail")
            .query(query)
            .json(ctx)?;
        let mut items = match answer.get("servers") {
            Some(Json::Array(items)) => items.clone(),
            _ => Vec::new(),
        };
        if let Some(max) = max_items.filter(|m| *m > 0) {
            items.truncate(max);
        }
        items
    } else {
        sdk::list(ctx, &SERVER, "/servers/detail", &params, max_items)?
    };

    let mut images: std::collections::HashMap<String, Json> = std::collections::HashMap::new();
    let mut flavors: std::collections::HashMap<String, Json> = std::collections::HashMap::new();
    if !data.is_empty() && !no_lookup {
        let mut image_ids: Vec<String> = Vec::new();
        for server in &data {
            if let Some(id) = server
                .get("image")
                .and_then(|i| i.get("id"))
                .and_then(Json::as_str)
            {
                if !id.is_empty() && !image_ids.iter().any(|i| i == id) {
                    image_ids.push(id.to_owned());
                }
            }
        }
        if args.flag("name_lookup_one_by_one") || image_id.is_some() {
            for id in &image_ids {
                if let Ok(image) = sdk::get(ctx, &IMAGE, IMAGE.base_path, id) {
                    images.insert(id.clone(), image);
                }
            }
        } else if let Ok(list) = sdk::list(
            ctx,
            &IMAGE,
            IMAGE.base_path,
            &[("id", Some(format!("in:{}", image_ids.join(","))))],
            None,
        ) {
            for image in list {
                images.insert(sdk::id_of(&image), image);
            }
        }
        if args.flag("name_lookup_one_by_one") || flavor_id.is_some() {
            let mut flavor_ids: Vec<String> = Vec::new();
            for server in &data {
                if let Some(id) = server
                    .get("flavor")
                    .and_then(|f| f.get("id"))
                    .and_then(Json::as_str)
                {
                    if !id.is_empty() && !flavor_ids.iter().any(|f| f == id) {
                        flavor_ids.push(id.to_owned());
                    }
                }
            }
            for id in flavor_ids {
                if let Ok(flavor) = find_flavor(ctx, &id) {
                    flavors.insert(id, flavor);
                }
            }
        } else {
            common::use_class(ctx, FLAVOR_MAX_MICROVERSION)?;
            if let Ok(list) = sdk::list(ctx, &FLAVOR, "/flavors/detail", &[], None) {
                for flavor in list {
                    flavors.insert(sdk::id_of(&flavor), flavor);
                }
            }
            common::use_class(ctx, SERVER_MAX_MICROVERSION)?;
        }
    }
    let has_2_69 = supports(ctx, "2.69")?;
    let has_2_16 = supports(ctx, "2.16")?;
    if has_2_16
        && long
        && data
            .iter()
            .any(|s| s.get("host_status").is_some_and(|h| !h.is_null()))
    {
        columns.push(("Host Status", "Host Status"));
    }
    let mut rows = Vec::new();
    for server in &data {
        let mut extra: Vec<(&str, Json)> = Vec::new();
        let unknown = has_2_69 && sdk::str_of(server, "status") == Some("UNKNOWN");
        if !unknown {
            match server
                .get("image")
                .and_then(|i| i.get("id"))
                .filter(|i| !i.is_null())
            {
                Some(id) => {
                    let id_text = sdk::json_text(id);
                    if let Some(image) = images.get(&id_text).filter(|i| sdk::truthy(i)) {
                        extra.push((
                            "image_name",
                            image.get("name").cloned().unwrap_or(Json::Null),
                        ));
                    }
                    extra.push(("image_id", id.clone()));
                }
                None => {
                    extra.push(("image_name", json!("N/A (booted from volume)")));
                    extra.push(("image_id", json!("N/A (booted from volume)")));
                }
            }
            let flavor = server.get("flavor").cloned().unwrap_or(Json::Null);
            if !has_2_47 {
                let id = flavor.get("id").cloned().unwrap_or(Json::Null);
                if let Some(found) = flavors.get(&sdk::json_text(&id)) {
                    extra.push((
                        "flavor_name",
                        found.get("name").cloned().unwrap_or(Json::Null),
                    ));
                }
                extra.push(("flavor_id", id));
            } else {
                extra.push((
                    "flavor_name",
                    flavor.get("original_name").cloned().unwrap_or(Json::Null),
                ));
            }
        }
        let groups: Vec<Json> = server
            .get("security_groups")
            .and_then(Json::as_array)
            .map(|g| {
                g.iter()
                    .map(|x| x.get("name").cloned().unwrap_or(Json::Null))
                    .collect()
            })
            .unwrap_or_default();
        extra.push(("security_groups_name", Json::Array(groups)));
        let row = columns
            .iter()
            .map(|(field, _)| list_cell(server, &extra, field))
            .collect();
        rows.push(row);
    }
    Ok(Output::List {
        columns: columns.iter().map(|(_, h)| (*h).to_owned()).collect(),
        rows,
    })
}

/// `utils.get_item_properties` of one server column, with `ListServer`'s formatters.
fn list_cell(server: &Json, extra: &[(&str, Json)], field: &str) -> Value {
    let mixed = matches!(
        field,
        "task_state" | "power_state" | "availability_zone" | "host"
    );
    let name = if mixed {
        field.replace(' ', "_")
    } else {
        field.to_lowercase().replace(' ', "_")
    };
    let value = match extra.iter().find(|(k, _)| *k == name) {
        Some((_, v)) => Some(v.clone()),
        None => match name.as_str() {
            "image_id" => server.get("imageRef").cloned().or(Some(Json::Null)),
            "flavor_id" => server.get("flavorRef").cloned().or(Some(Json::Null)),
            "image_name" | "flavor_name" => None,
            _ => Some(common::server_attr(server, &name)),
        },
    };
    let Some(value) = value else {
        return Value::str("");
    };
    match field {
        "power_state" => common::power_state_column(&value),
        "addresses" => common::addresses_column(&value),
        "metadata" => osc_lib::format_columns::dict_column(Value::from_json(&value)),
        "security_groups_name" => osc_lib::format_columns::list_column(Value::from_json(&value)),
        "hypervisor_hostname" => Value::Column {
            human: value.as_str().unwrap_or("").to_owned(),
            machine: Box::new(Value::from_json(&value)),
        },
        "scheduler_hints" => osc_lib::format_columns::dict_list_column(Value::from_json(&value)),
        _ => Value::from_json(&value),
    }
}

// ---------------------------------------------------------------------------------------------------------------
// server show, set, unset
// ---------------------------------------------------------------------------------------------------------------

const DIAGNOSTICS: &[(&str, &str)] = &[
    ("has_config_drive", "config_drive"),
    ("state", "state"),
    ("driver", "driver"),
    ("hypervisor", "hypervisor"),
    ("hypervisor_os", "hypervisor_os"),
    ("uptime", "uptime"),
    ("num_cpus", "num_cpus"),
    ("num_disks", "num_disks"),
    ("num_nics", "num_nics"),
    ("memory_details", "memory_details"),
    ("cpu_details", "cpu_details"),
    ("disk_details", "disk_details"),
    ("nic_details", "nic_details"),
    ("id", "id"),
    ("name", "name"),
    ("location", "location"),
];

fn show_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server = find_server(ctx, args.str("server").unwrap_or(""), true, false)?;
    let id = sdk::id_of(&server);
    if args.flag("diagnostics") {
        common::use_class(ctx, "2.48")?;
        let answer = Call::new(
            COMPUTE,
            Method::Get,
            format!("{}/diagnostics", sdk::item_path(SERVER.base_path, &id)),
        )
        .json(ctx)?;
        let body = match answer.get("diagnostics") {
            Some(inner) => inner.clone(),
            None => answer,
        };
        let location = osc_lib::location::sdk_location(ctx)?;
        let mut rows: Vec<(String, Value)> = DIAGNOSTICS
            .iter()
            .map(|(name, key)| {
                let value = if *name == "location" {
                    location.clone()
                } else {
                    body.get(*key).map_or(Value::Null, Value::from_json)
                };
                ((*name).to_owned(), value)
            })
            .collect();
        // `diagnostics.items()` also holds the URI attribute.
        rows.push(("server_id".to_owned(), Value::str(id.clone())));
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        return Ok(Output::show(rows));
    }
    let mut topology = None;
    if args.flag("topology") {
        require_option(ctx, "2.78", "--topology")?;
        common::use_default(ctx)?;
        let answer = Call::new(
            COMPUTE,
            Method::Get,
            format!("{}/topology", sdk::item_path(SERVER.base_path, &id)),
        )
        .json(ctx)?;
        topology = Some(answer);
    }
    let mut rows = common::prep_server_detail(ctx, &server, false)?;
    if let Some(topology) = topology.filter(sdk::truthy) {
        rows.push((
            "topology".to_owned(),
            osc_lib::format_columns::dict_column(Value::from_json(&topology)),
        ));
        rows.sort_by(|a, b| a.0.cmp(&b.0));
    }
    Ok(Output::show(rows))
}

fn server_path(id: &str, tail: &str) -> String {
    format!("{}{tail}", sdk::item_path(SERVER.base_path, id))
}

/// `compute_client.update_server(server, **attrs)`: PUT `/servers/<id>`.
fn update_server(ctx: &mut ClientManager, id: &str, changes: Map<String, Json>) -> Result<()> {
    common::use_class(ctx, SERVER_MAX_MICROVERSION)?;
    Call::new(COMPUTE, Method::Put, server_path(id, ""))
        .body(json!({"server": changes}))
        .send(ctx)?;
    Ok(())
}

fn set_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server = find_server(ctx, args.str("server").unwrap_or(""), true, false)?;
    let id = sdk::id_of(&server);
    if given(args, "description").is_some() {
        require_option(ctx, "2.19", "--description")?;
    }
    let tags = args.strings("tags");
    if !tags.is_empty() {
        require_option(ctx, "2.26", "--tag")?;
    }
    if given(args, "hostname").is_some() {
        require_option(ctx, "2.90", "--hostname")?;
    }
    if given(args, "pinned_availability_zone").is_some() {
        require_option(ctx, "2.104", "--pinned-availability-zone")?;
    }
    let mut changes = Map::new();
    for (dest, key) in [
        ("name", "name"),
        ("description", "description"),
        ("hostname", "hostname"),
        ("pinned_availability_zone", "pinned_availability_zone"),
    ] {
        if let Some(value) = given(args, dest) {
            changes.insert(key.to_owned(), json!(value));
        }
    }
    if !changes.is_empty() {
        update_server(ctx, &id, changes)?;
    }
    let props = properties(args, "--property")?;
    if !props.is_empty() {
        let metadata: Map<String, Json> = props.into_iter().map(|(k, v)| (k, json!(v))).collect();
        Call::new(COMPUTE, Method::Post, server_path(&id, "/metadata"))
            .body(json!({"metadata": metadata}))
            .send(ctx)?;
    }
    if let Some(state) = given(args, "state") {
        if !args.flag("auto_approve") {
            let question = "Resetting the server state can make it much harder to recover a server from an error \
                            state. If the server is in error status due to a failed move operation then this is \
                            likely not the correct approach to fix the problem. Do you wish to continue?";
            if !ask_yes_no(question)? {
                return Ok(Output::ok());
            }
        }
        action(ctx, &id, json!({"os-resetState": {"state": state}}), None)?;
    }
    if args.flag("root_password") {
        let first = osc_lib::utils::get_password(Some("New password: "), false)?;
        let second = osc_lib::utils::get_password(Some("Retype new password: "), false)?;
        if first != second {
            return Err(command_error("Passwords do not match, password unchanged"));
        }
        action(
            ctx,
            &id,
            json!({"changePassword": {"adminPass": first}}),
            None,
        )?;
    } else if let Some(password) = given(args, "password") {
        action(
            ctx,
            &id,
            json!({"changePassword": {"adminPass": password}}),
            None,
        )?;
    } else if args.flag("no_password") {
        Call::new(
            COMPUTE,
            Method::Delete,
            server_path(&id, "/os-server-password"),
        )
        .send(ctx)?;
    }
    for tag in tags {
        Call::new(
            COMPUTE,
            Method::Put,
            server_path(&id, &format!("/tags/{}", sdk::quote_path(&tag))),
        )
        .send(ctx)?;
    }
    Ok(Output::ok())
}

/// `ask_user_yesno`: asks on the terminal until the answer is yes or no.
fn ask_yes_no(question: &str) -> Result<bool> {
    loop {
        let answer = osc_lib::utils::get_password(Some(&format!("{question} [y/n]: ")), false)?;
        match answer.as_str() {
            "y" | "Y" | "yes" => return Ok(true),
            "n" | "N" | "no" => return Ok(false),
            _ => {}
        }
    }
}

fn unset_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server = find_server(ctx, args.str("server").unwrap_or(""), true, false)?;
    let id = sdk::id_of(&server);
    let keys = args.strings("properties");
    if !keys.is_empty() || args.flag("all_properties") {
        let keys = if keys.is_empty() {
            common::use_class(ctx, SERVER_MAX_MICROVERSION)?;
            let answer =
                Call::new(COMPUTE, Method::Get, server_path(&id, "/metadata")).json(ctx)?;
            answer
                .get("metadata")
                .and_then(Json::as_object)
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default()
        } else {
            keys
        };
        for key in keys {
            Call::new(
                COMPUTE,
                Method::Delete,
                server_path(&id, &format!("/metadata/{}", sdk::quote_path(&key))),
            )
            .send(ctx)?;
        }
    }
    if args.flag("description") {
        require_option(ctx, "2.19", "--description")?;
        let mut changes = Map::new();
        changes.insert("description".into(), json!(""));
        update_server(ctx, &id, changes)?;
    }
    if args.flag("pinned_availability_zone") {
        require_option(ctx, "2.104", "--pinned-availability-zone")?;
        let mut changes = Map::new();
        changes.insert("pinned_availability_zone".into(), Json::Null);
        update_server(ctx, &id, changes)?;
    }
    let tags = args.strings("tags");
    if !tags.is_empty() || args.flag("all_tags") {
        require_option(ctx, "2.26", "--tag")?;
        for tag in tags {
            Call::new(
                COMPUTE,
                Method::Delete,
                server_path(&id, &format!("/tags/{}", sdk::quote_path(&tag))),
            )
            .send(ctx)?;
        }
        if args.flag("all_tags") {
            Call::new(COMPUTE, Method::Delete, server_path(&id, "/tags")).send(ctx)?;
        }
    }
    Ok(Output::ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nic_values_as_nic_action_reads_them() {
        let nic = parse_nic("net-id=n1,v4-fixed-ip=10.0.0.5,tag=t").unwrap();
        assert_eq!(
            (
                nic.net_id.as_str(),
                nic.v4_fixed_ip.as_str(),
                nic.tag.as_deref()
            ),
            ("n1", "10.0.0.5", Some("t"))
        );
        assert_eq!(
            parse_nic("net-id=a,port-id=b").unwrap_err(),
            "Invalid argument net-id=a,port-id=b; either 'network' or 'port' should be specified but not both"
        );
        assert!(parse_nic("bogus=1")
            .unwrap_err()
            .contains("argument must be of form"));
        assert!(parse_nic("net-id=").is_err());
        assert!(nic_check(&ArgValue::from("auto")).is_ok());
        assert!(nic_key_check(&ArgValue::from("a,b")).is_err());
    }

    #[test]
    fn legacy_block_device_mappings() {
        let mapping = parse_bdm_legacy("vdb=vol1:snapshot:10:true").unwrap();
        assert_eq!(
            Json::Object(mapping),
            json!({"device_name": "vdb", "uuid": "vol1", "source_type": "snapshot",
                   "destination_type": "volume", "volume_size": "10", "delete_on_termination": "true"})
        );
        assert!(parse_bdm_legacy("vdb").is_err());
        assert!(parse_bdm_legacy("vdb=a:disk")
            .unwrap_err()
            .contains("'type' must be one of"));
        assert!(percent_check(&ArgValue::from("0")).is_err());
        assert!(percent_check(&ArgValue::from("100")).is_ok());
    }

    #[test]
    fn iso8601_dates() {
        assert!(is_iso8601("2016-03-04T06:27:59Z"));
        assert!(is_iso8601("2016-03-04"));
        assert!(!is_iso8601("yesterday"));
    }
}
