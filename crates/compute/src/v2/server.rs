//! `server` commands (OSC's `openstackclient/compute/v2/server.py`).

use cliff::argparse::{Action, ArgValue, Nargs};
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

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
        parser.add_to_mutex(m0, Arg::option(&["--image-property"]).dest("image_properties").append().metavar("<key=value>").help("Create server using the image that matches the specified property. Property must match exactly one property.")); //  CUSTOM ACTION KeyValueAction nargs=None default=None const=None
        parser.add_to_mutex(m0, Arg::option(&["--volume"]).metavar("<volume>").help("Create server using this volume as the boot disk (name or ID)\nThis option automatically creates a block device mapping with a boot index of 0. On many hypervisors (libvirt/kvm for example) this will be device vda. Do not create a duplicate mapping using --block-device-mapping for this volume."));
        parser.add_to_mutex(m0, Arg::option(&["--snapshot"]).metavar("<snapshot>").help("Create server using this snapshot as the boot disk (name or ID)\nThis option automatically creates a block device mapping with a boot index of 0. On many hypervisors (libvirt/kvm for example) this will be device vda. Do not create a duplicate mapping using --block-device-mapping for this volume."));
        parser.add(Arg::option(&["--boot-from-volume"]).int().metavar("<volume-size>").help("When used in conjunction with the ``--image`` or ``--image-property`` option, this option automatically creates a block device mapping with a boot index of 0 and tells the compute service to create a volume of the given size (in GB) from the specified image and use it as the root disk of the server. The root volume will not be deleted when the server is deleted. This option is mutually exclusive with the ``--volume`` and ``--snapshot`` options."));
        parser.add(Arg::option(&["--delete-on-termination"]).flag().help("Delete the boot volume automatically when the server is deleted (only valid with --boot-from-volume)."));
        parser.add(Arg::option(&["--block-device-mapping"]).append().metavar("<dev-name=mapping>").help("**Deprecated** Create a block device on the server.\nBlock device mapping in the format\n<dev-name>=<id>:<type>:<size(GB)>:<delete-on-terminate>\n<dev-name>: block device name, like: vdb, xvdc (required)\n<id>: Name or ID of the volume, volume snapshot or image (required)\n<type>: volume, snapshot or image; default: volume (optional)\n<size(GB)>: volume size if create from image or snapshot (optional)\n<delete-on-terminate>: true or false; default: false (optional)\nReplaced by --block-device")); //  CUSTOM ACTION BDMLegacyAction nargs=None default=[] const=None
        parser.add(Arg::option(&["--block-device"]).dest("block_devices").append().metavar("<block-device>").help("Create a block device on the server.\nEither a path to a JSON file or a CSV-serialized string describing the block device mapping.\nThe following keys are accepted for both:\nuuid=<uuid>: UUID of the volume, snapshot or ID (required if using source image, snapshot or volume),\nsource_type=<source_type>: source type (one of: image, snapshot, volume, blank),\ndestination_type=<destination_type>: destination type (one of: volume, local) (optional),\ndisk_bus=<disk_bus>: device bus (one of: uml, lxc, virtio, ...) (optional),\ndevice_type=<device_type>: device type (one of: disk, cdrom, etc. (optional),\ndevice_name=<device_name>: name of the device (optional),\nvolume_size=<volume_size>: size of the block device in MiB (for swap) or GiB (for everything else) (optional),\nguest_format=<guest_format>: format of device (optional),\nboot_index=<boot_index>: index of disk used to order boot disk (required for volume-backed instances),\ndelete_on_termination=<true|false>: whether to delete the volume upon deletion of server (optional),\ntag=<tag>: device metadata tag (optional),\nvolume_type=<volume_type>: type of volume to create (name or ID) when source if blank, image or snapshot and dest is volume (optional)")); //  CUSTOM ACTION BDMAction nargs=None default=[] const=None
        parser.add(
            Arg::option(&["--swap"])
                .int()
                .metavar("<swap>")
                .help("Create and attach a local swap block device of <swap_size> MiB."),
        );
        parser.add(Arg::option(&["--ephemeral"]).dest("ephemerals").append().metavar("<size=size[,format=format]>").help("Create and attach a local ephemeral block device of <size> GiB and format it to <format>.")); //  CUSTOM ACTION MultiKeyValueAction nargs=None default=[] const=None
        parser.add(Arg::option(&["--network"]).dest("nics").append().metavar("<network>").help("Create a NIC on the server and connect it to network. Specify option multiple times to create multiple NICs. This is a wrapper for the '--nic net-id=<network>' parameter that provides simple syntax for the standard use case of connecting a new server to a given network. For more advanced use cases, refer to the '--nic' parameter.")); //  CUSTOM ACTION NICAction nargs=None default=[] const=None
        parser.add(Arg::option(&["--port"]).dest("nics").append().metavar("<port>").help("Create a NIC on the server and connect it to port. Specify option multiple times to create multiple NICs. This is a wrapper for the '--nic port-id=<port>' parameter that provides simple syntax for the standard use case of connecting a new server to a given port. For more advanced use cases, refer to the '--nic' parameter.")); //  CUSTOM ACTION NICAction nargs=None default=[] const=None
        parser.add(Arg::option(&["--no-network"]).dest("nics").action(Action::AppendConst(ArgValue::Null)).help("Do not attach a network to the server. This is a wrapper for the '--nic none' option that provides a simple syntax for disabling network connectivity for a new server. For more advanced use cases, refer to the '--nic' parameter. (supported by --os-compute-api-version 2.37 or above)")); //  CUSTOM ACTION NoneNICAction nargs=0 default=[] const=None
        parser.add(Arg::option(&["--auto-network"]).dest("nics").action(Action::AppendConst(ArgValue::Null)).help("Automatically allocate a network to the server. This is the default network allocation policy. This is a wrapper for the '--nic auto' option that provides a simple syntax for enabling automatic configuration of network connectivity for a new server. For more advanced use cases, refer to the '--nic' parameter. (supported by --os-compute-api-version 2.37 or above)")); //  CUSTOM ACTION AutoNICAction nargs=0 default=[] const=None
        parser.add(Arg::option(&["--nic"]).dest("nics").append().metavar("<net-id=net-uuid,port-id=port-uuid,v4-fixed-ip=ip-addr,v6-fixed-ip=ip-addr,tag=tag,auto,none>").help("Create a NIC on the server.\nNIC in the format:\nnet-id=<net-uuid>: attach NIC to network with this UUID,\nport-id=<port-uuid>: attach NIC to port with this UUID,\nv4-fixed-ip=<ip-addr>: IPv4 fixed address for NIC (optional),\nv6-fixed-ip=<ip-addr>: IPv6 fixed address for NIC (optional),\ntag: interface metadata tag (optional) (supported by --os-compute-api-version 2.43 or above),\nnone: (v2.37+) no network is attached,\nauto: (v2.37+) the compute service will automatically allocate a network.\n\nSpecify option multiple times to create multiple NICs.\nSpecifying a --nic of auto or none cannot be used with any other --nic value.\nEither net-id or port-id must be provided, but not both.")); //  CUSTOM ACTION NICAction nargs=None default=[] const=None
        parser.add(
            Arg::option(&["--password"])
                .metavar("<password>")
                .help("Set the password to this server. This option requires cloud support."),
        );
        let m1 = parser.add_mutex(None, false);
        parser.add_to_mutex(m1, Arg::option(&["--no-security-group"]).dest("security_groups").action(Action::StoreConst(ArgValue::Null /* [] */)).help("Do not associate a security group with ports attached to this server. This does not affect the security groups associated with pre-existing ports."));
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
                .metavar("<key=value>")
                .help("Set a property on this server (repeat option to set multiple values)"),
        ); //  CUSTOM ACTION KeyValueAction nargs=None default=None const=None
        parser.add(Arg::option(&["--file"]).append().metavar("<dest-filename=source-filename>").help("File(s) to inject into image before boot (repeat option to set multiple files) (supported by --os-compute-api-version 2.57 or below)")); //  default=[]
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
                .default(ArgValue::Null /* {} */)
                .metavar("<key=value>")
                .help("Hints for the scheduler"),
        ); //  CUSTOM ACTION KeyValueAppendAction nargs=None default={} const=None
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
        parser.add(Arg::option(&["--tag"]).dest("tags").append().metavar("<tag>").help("Tags for the server. Specify multiple times to add multiple tags. (supported by --os-compute-api-version 2.52 or above)")); //  default=[]
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

fn create_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
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

fn delete_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
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
        parser.add(Arg::option(&["--project-domain"]).metavar("<project-domain>").help("Domain the project belongs to (name or ID). This can be used in case collisions between project names exist."));
        parser.add(
            Arg::option(&["--user"])
                .metavar("<user>")
                .help("Search by user (name or ID) (admin only before microversion 2.83)"),
        );
        parser.add(Arg::option(&["--user-domain"]).metavar("<user-domain>").help("Domain the user belongs to (name or ID). This can be used in case collisions between user names exist."));
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
                .help("Search by progress value (%) (admin only before microversion 2.83)"),
        ); //  CUSTOM ACTION PercentAction nargs=None default=None const=None
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
        parser.add(Arg::option(&["--limit"]).int().metavar("<limit>").help("The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned.")); //  CUSTOM ACTION NonNegativeAction nargs=None default=None const=None
        parser.add(Arg::option(&["--marker"]).metavar("<marker>").help("The first position in the collection to return results from. This should be a value that was returned in a previous request."));
        parser.add(Arg::option(&["--max-items"]).int().metavar("<max-items>").help("The maximum number of entries to return in total, paging through multiple requests if needed. Use --limit to control the page size.")); //  CUSTOM ACTION NonNegativeAction nargs=None default=None const=None
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
        parser.add(Arg::option(&["--tags"]).append().metavar("<tag>").help("Only list servers with the specified tag. Specify multiple times to filter on multiple tags. (supported by --os-compute-api-version 2.26 or above)")); //  default=[]
        parser.add(Arg::option(&["--not-tags"]).append().metavar("<tag>").help("Only list servers without the specified tag. Specify multiple times to filter on multiple tags. (supported by --os-compute-api-version 2.26 or above)"));
        //  default=[]
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_server(ctx, args)
    }
}

fn list_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
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
        parser.add(Arg::option(&["--property"]).dest("properties").append().metavar("<key=value>").help("Property to add/change for this server (repeat option to set multiple properties)")); //  CUSTOM ACTION KeyValueAction nargs=None default=None const=None
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
        parser.add(Arg::option(&["--tag"]).dest("tags").append().metavar("<tag>").help("Tag for the server. Specify multiple times to add multiple tags. (supported by --os-compute-api-version 2.26 or above)")); //  default=[]
        parser.add(Arg::option(&["--hostname"]).metavar("<hostname>").help("Hostname configured for the server in the metadata service. A separate utility running in the guest is required to propagate changes to this value to the guest OS itself (hostnames supported by --os-compute-api-version 2.90 or above, FQDNs supported by --os-compute-api-version 2.94 or above)"));
        parser.add(Arg::option(&["--pinned-availability-zone"]).metavar("<availability-zone>").help("Pin the server to the given availability zone. The server must currently be in the given zone. To unpin, use \"server unset --pinned-availability-zone\" (supported by --os-compute-api-version 2.104 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        set_server(ctx, args)
    }
}

fn set_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
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

fn show_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
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
        ); //  default=[]
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
        parser.add_to_mutex(m1, Arg::option(&["--tag"]).dest("tags").append().metavar("<tag>").help("Tag to remove from the server. Specify multiple times to remove multiple tags. (supported by --os-compute-api-version 2.26 or above)")); //  default=[]
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

fn unset_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}
