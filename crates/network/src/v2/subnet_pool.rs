//! `subnet pool create|delete|list|set|show|unset` (OSC's `network/v2/subnet_pool.py`, openstacksdk
//! `SubnetPool`).

use cliff::argparse::Nargs;
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Output, Parser, Result, Value};
use identity::pagination;
use osc_lib::{parseractions, ClientManager};
use serde_json::{Map, Value as Json};

use crate::common::{self, fail, given, present};
use crate::resources::{ADDRESS_SCOPE, SUBNET_POOL};
use openstack_sdk as sdk;
use openstack_sdk::Param;

const COLUMN_MAP: &[(&str, &str)] = &[
    ("default_prefix_length", "default_prefixlen"),
    ("is_shared", "shared"),
    ("maximum_prefix_length", "max_prefixlen"),
    ("minimum_prefix_length", "min_prefixlen"),
];
const HIDDEN: &[&str] = &["location", "tenant_id"];

fn format(attribute: &str, value: Json) -> Value {
    match attribute {
        "prefixes" | "tags" => common::list_column(value),
        _ => Value::from_json(&value),
    }
}

fn show(item: &Json) -> Output {
    common::show(&SUBNET_POOL, item, COLUMN_MAP, HIDDEN, format)
}

fn non_negative(value: &ArgValue, option: &str) -> std::result::Result<(), String> {
    match value {
        ArgValue::Int(i) => parseractions::non_negative(option, *i).map(|_| ()),
        _ => Ok(()),
    }
}

fn default_length_check(value: &ArgValue) -> std::result::Result<(), String> {
    non_negative(value, "--default-prefix-length")
}

fn min_length_check(value: &ArgValue) -> std::result::Result<(), String> {
    non_negative(value, "--min-prefix-length")
}

fn max_length_check(value: &ArgValue) -> std::result::Result<(), String> {
    non_negative(value, "--max-prefix-length")
}

/// `_add_prefix_options`.
fn add_prefix_options(parser: &mut Parser, for_create: bool) {
    let mut prefix = Arg::option(&["--pool-prefix"])
        .metavar("<pool-prefix>")
        .dest("prefixes")
        .append()
        .help(
            "Set subnet pool prefixes (in CIDR notation) (repeat option to set multiple prefixes)",
        );
    if for_create {
        prefix = prefix.required();
    }
    parser.add(prefix);
    for (flag, check, help) in [
        (
            "--default-prefix-length",
            default_length_check as fn(&ArgValue) -> std::result::Result<(), String>,
            "Set subnet pool default prefix length",
        ),
        (
            "--min-prefix-length",
            min_length_check,
            "Set subnet pool minimum prefix length",
        ),
        (
            "--max-prefix-length",
            max_length_check,
            "Set subnet pool maximum prefix length",
        ),
    ] {
        let metavar = format!("<{}>", flag.trim_start_matches("--"));
        parser.add(
            Arg::option(&[flag])
                .metavar(&metavar)
                .int()
                .check(check)
                .help(help),
        );
    }
}

fn add_default_options(parser: &mut Parser) {
    common::add_exclusive_flags(
        parser,
        &[
            ("--default", "Set this as a default subnet pool"),
            ("--no-default", "Set this as a non-default subnet pool"),
        ],
    );
}

fn address_scope_option(help: &str) -> Arg {
    Arg::option(&["--address-scope"])
        .metavar("<address-scope>")
        .help(help)
}

const ADDRESS_SCOPE_HELP: &str =
    "Set address scope associated with the subnet pool (name or ID), prefixes must be \
                                  unique across address scopes";

fn default_quota_option(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--default-quota"])
            .int()
            .metavar("<num-ip-addresses>")
            .help(
                "Set default per-project quota for this subnet pool as the number of IP addresses that can be \
                 allocated from the subnet pool",
            ),
    );
}

/// `_get_attrs`.
fn attrs(cm: &mut ClientManager, args: &Args) -> Result<Map<String, Json>> {
    let mut attrs = Map::new();
    if let Some(name) = present(args, "name") {
        attrs.insert("name".into(), Json::from(name));
    }
    if matches!(args.get("prefixes"), ArgValue::List(_)) {
        attrs.insert("prefixes".into(), Json::from(args.strings("prefixes")));
    }
    for (dest, key) in [
        ("default_prefix_length", "default_prefixlen"),
        ("min_prefix_length", "min_prefixlen"),
        ("max_prefix_length", "max_prefixlen"),
    ] {
        if let Some(value) = args.int(dest) {
            attrs.insert(key.into(), Json::from(value));
        }
    }
    if let Some(scope) = present(args, "address_scope") {
        let scope = fail(common::find(cm, &ADDRESS_SCOPE, scope, &[]))?;
        attrs.insert("address_scope_id".into(), Json::from(sdk::id_of(&scope)));
    }
    if args.flag("no_address_scope") {
        attrs.insert("address_scope_id".into(), Json::Null);
    }
    common::flag_attrs(
        args,
        &mut attrs,
        &[
            ("default", "is_default", true),
            ("no_default", "is_default", false),
            ("share", "shared", true),
            ("no_share", "shared", false),
        ],
    );
    if let Some(project_id) = common::project_id(cm, args)? {
        attrs.insert("project_id".into(), Json::from(project_id));
    }
    if let Some(description) = present(args, "description") {
        attrs.insert("description".into(), Json::from(description));
    }
    if let Some(quota) = args.int("default_quota") {
        attrs.insert("default_quota".into(), Json::from(quota));
    }
    Ok(attrs)
}

fn pool_positional(parser: &mut Parser, help: &str) {
    parser.add(
        Arg::positional("subnet_pool")
            .metavar("<subnet-pool>")
            .help(help),
    );
}

fn find_pool(cm: &mut ClientManager, args: &Args) -> Result<Json> {
    fail(common::find(
        cm,
        &SUBNET_POOL,
        args.str("subnet_pool").unwrap_or(""),
        &[],
    ))
}

/// `subnet pool create`.
pub struct CreateSubnetPool;

impl Command<ClientManager> for CreateSubnetPool {
    fn description(&self) -> &str {
        "Create subnet pool"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Name of the new subnet pool"),
        );
        add_prefix_options(parser, true);
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Owner's project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
        parser.add(address_scope_option(ADDRESS_SCOPE_HELP));
        add_default_options(parser);
        common::add_exclusive_flags(
            parser,
            &[
                ("--share", "Set this subnet pool as shared"),
                ("--no-share", "Set this subnet pool as not shared"),
            ],
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set subnet pool description"),
        );
        default_quota_option(parser);
        common::add_tag_option_for_create(parser, "subnet pool");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = attrs(ctx, args)?;
        if !attrs.contains_key("prefixes") {
            attrs.insert("prefixes".into(), Json::Array(Vec::new()));
        }
        attrs.extend(common::extra_properties(args, false)?);
        let created = fail(common::create(ctx, &SUBNET_POOL, attrs))?;
        let created = fail(common::update_tags_for_set(
            ctx,
            &SUBNET_POOL,
            &created,
            args,
        ))?;
        Ok(show(&created))
    }
}

/// `subnet pool delete`.
pub struct DeleteSubnetPool;

impl Command<ClientManager> for DeleteSubnetPool {
    fn description(&self) -> &str {
        "Delete subnet pool(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("subnet_pool")
                .metavar("<subnet-pool>")
                .nargs(Nargs::OneOrMore)
                .help("Subnet pool(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::delete_each(
            ctx,
            args,
            &SUBNET_POOL,
            &args.strings("subnet_pool"),
            "subnet pool",
            "subnet pools",
        )
    }
}

/// `subnet pool list`.
pub struct ListSubnetPool;

impl Command<ClientManager> for ListSubnetPool {
    fn description(&self) -> &str {
        "List subnet pools"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        common::add_exclusive_flags(
            parser,
            &[
                ("--share", "List only subnet pools shared between projects"),
                (
                    "--no-share",
                    "List only subnet pools not shared between projects",
                ),
            ],
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--default",
                    "List only subnet pools used as the default external subnet pool",
                ),
                (
                    "--no-default",
                    "List only subnet pools not used as the default external subnet pool",
                ),
            ],
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("List only subnet pools with the specified project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("List only subnet pools with the specified name"),
        );
        parser.add(address_scope_option(
            "List only subnet pools with the specified address scope (name or ID)",
        ));
        common::add_tag_filtering_options(parser, "subnet pools");
        pagination::add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params: Vec<Param> = Vec::new();
        if args.flag("share") {
            params.push(("is_shared", Some(sdk::py_bool(true))));
        } else if args.flag("no_share") {
            params.push(("is_shared", Some(sdk::py_bool(false))));
        }
        if args.flag("default") {
            params.push(("is_default", Some(sdk::py_bool(true))));
        } else if args.flag("no_default") {
            params.push(("is_default", Some(sdk::py_bool(false))));
        }
        if given(args, "project").is_some() {
            if let Some(project_id) = common::project_id(ctx, args)? {
                params.push(("project_id", Some(project_id)));
            }
        }
        if let Some(name) = present(args, "name") {
            params.push(("name", Some(name.to_owned())));
        }
        if let Some(scope) = given(args, "address_scope") {
            let scope = fail(common::find(ctx, &ADDRESS_SCOPE, scope, &[]))?;
            params.push(("address_scope_id", Some(sdk::id_of(&scope))));
        }
        let page = pagination::pagination(args)?;
        params.extend(page.params);
        params.extend(common::tag_filtering_params(args));
        let items = fail(common::list(ctx, &SUBNET_POOL, &params, page.max_items))?;
        let mut headers = vec!["ID", "Name", "Prefixes"];
        let mut columns = vec!["id", "name", "prefixes"];
        if args.flag("long") {
            headers.extend([
                "Default Prefix Length",
                "Address Scope",
                "Default Subnet Pool",
                "Shared",
                "Tags",
            ]);
            columns.extend([
                "default_prefix_length",
                "address_scope_id",
                "is_default",
                "is_shared",
                "tags",
            ]);
        }
        Ok(common::rows(
            &SUBNET_POOL,
            &items,
            &headers,
            &columns,
            format,
        ))
    }
}

/// `subnet pool set`.
pub struct SetSubnetPool;

impl Command<ClientManager> for SetSubnetPool {
    fn description(&self) -> &str {
        "Set subnet pool properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        pool_positional(parser, "Subnet pool to modify (name or ID)");
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set subnet pool name"),
        );
        add_prefix_options(parser, false);
        let scope = parser.add_mutex(None, false);
        parser.add_to_mutex(scope, address_scope_option(ADDRESS_SCOPE_HELP));
        parser.add_to_mutex(
            scope,
            Arg::option(&["--no-address-scope"])
                .flag()
                .help("Remove address scope associated with the subnet pool"),
        );
        add_default_options(parser);
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set subnet pool description"),
        );
        default_quota_option(parser);
        common::add_tag_option_for_set(parser, "subnet pool");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let pool = find_pool(ctx, args)?;
        let mut attrs = attrs(ctx, args)?;
        if let Some(Json::Array(prefixes)) = attrs.get_mut("prefixes") {
            if let Json::Array(current) = SUBNET_POOL.get(&pool, "prefixes") {
                prefixes.extend(current);
            }
        }
        attrs.extend(common::extra_properties(args, false)?);
        if !attrs.is_empty() {
            fail(common::update(ctx, &SUBNET_POOL, &pool, attrs))?;
        }
        fail(common::update_tags_for_set(ctx, &SUBNET_POOL, &pool, args))?;
        Ok(Output::ok())
    }
}

/// `subnet pool show`.
pub struct ShowSubnetPool;

impl Command<ClientManager> for ShowSubnetPool {
    fn description(&self) -> &str {
        "Display subnet pool details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        pool_positional(parser, "Subnet pool to display (name or ID)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        Ok(show(&find_pool(ctx, args)?))
    }
}

/// `subnet pool unset`.
pub struct UnsetSubnetPool;

impl Command<ClientManager> for UnsetSubnetPool {
    fn description(&self) -> &str {
        "Unset subnet pool properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        pool_positional(parser, "Subnet pool to modify (name or ID)");
        common::add_tag_option_for_unset(parser, "subnet pool");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let pool = find_pool(ctx, args)?;
        fail(common::update_tags_for_unset(
            ctx,
            &SUBNET_POOL,
            &pool,
            args,
        ))?;
        Ok(Output::ok())
    }
}
