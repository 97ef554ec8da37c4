//! `address scope create|delete|list|set|show` (OSC's `network/v2/address_scope.py`, openstacksdk
//! `AddressScope`).

use cliff::argparse::Nargs;
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Output, Parser, Result};
use identity::pagination;
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self, fail, present};
use crate::resources::ADDRESS_SCOPE;
use openstack_sdk as sdk;
use openstack_sdk::Param;

const COLUMN_MAP: &[(&str, &str)] = &[("is_shared", "shared")];
const HIDDEN: &[&str] = &["location", "tenant_id"];

fn show(item: &Json) -> Output {
    common::show(&ADDRESS_SCOPE, item, COLUMN_MAP, HIDDEN, common::plain)
}

fn scope_positional(parser: &mut Parser, help: &str) {
    parser.add(
        Arg::positional("address_scope")
            .metavar("<address-scope>")
            .help(help),
    );
}

fn find_scope(cm: &mut ClientManager, args: &Args) -> Result<Json> {
    fail(common::find(
        cm,
        &ADDRESS_SCOPE,
        args.str("address_scope").unwrap_or(""),
        &[],
    ))
}

fn share(args: &Args, attrs: &mut Map<String, Json>) {
    common::flag_attrs(
        args,
        attrs,
        &[("share", "shared", true), ("no_share", "shared", false)],
    );
}

/// `address scope create`.
pub struct CreateAddressScope;

impl Command<ClientManager> for CreateAddressScope {
    fn description(&self) -> &str {
        "Create a new Address Scope"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("New address scope name"),
        );
        parser.add(
            Arg::option(&["--ip-version"])
                .int()
                .default(ArgValue::Int(4))
                .choices(&["4", "6"])
                .help("IP version (default is 4)"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Owner's project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
        common::add_exclusive_flags(
            parser,
            &[
                ("--share", "Share the address scope between projects"),
                (
                    "--no-share",
                    "Do not share the address scope between projects (default)",
                ),
            ],
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = Map::new();
        attrs.insert("name".into(), Json::from(args.str("name").unwrap_or("")));
        attrs.insert(
            "ip_version".into(),
            Json::from(args.int("ip_version").unwrap_or(4)),
        );
        share(args, &mut attrs);
        if let Some(project_id) = common::project_id(ctx, args)? {
            attrs.insert("project_id".into(), Json::from(project_id));
        }
        attrs.extend(common::extra_properties(args, false)?);
        let created = fail(common::create(ctx, &ADDRESS_SCOPE, attrs))?;
        Ok(show(&created))
    }
}

/// `address scope delete`.
pub struct DeleteAddressScope;

impl Command<ClientManager> for DeleteAddressScope {
    fn description(&self) -> &str {
        "Delete address scope(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("address_scope")
                .metavar("<address-scope>")
                .nargs(Nargs::OneOrMore)
                .help("Address scope(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::delete_each(
            ctx,
            args,
            &ADDRESS_SCOPE,
            &args.strings("address_scope"),
            "address scope",
            "address scopes",
        )
    }
}

/// `address scope list`.
pub struct ListAddressScope;

impl Command<ClientManager> for ListAddressScope {
    fn description(&self) -> &str {
        "List address scopes"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("List only address scopes with the specified name"),
        );
        parser.add(
            Arg::option(&["--ip-version"])
                .int()
                .choices(&["4", "6"])
                .metavar("<ip-version>")
                .dest("ip_version")
                .help("List only address scopes with the specified IP version networks (4 or 6)"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("List only address scopes with the specified project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
        pagination::add_marker_pagination_options(parser, true);
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--share",
                    "List only address scopes shared between projects",
                ),
                (
                    "--no-share",
                    "List only address scopes not shared between projects",
                ),
            ],
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params: Vec<Param> = Vec::new();
        if let Some(name) = common::given(args, "name") {
            params.push(("name", Some(name.to_owned())));
        }
        if let Some(version) = args.int("ip_version").filter(|v| *v != 0) {
            params.push(("ip_version", Some(version.to_string())));
        }
        if args.flag("share") {
            params.push(("is_shared", Some(sdk::py_bool(true))));
        }
        if args.flag("no_share") {
            params.push(("is_shared", Some(sdk::py_bool(false))));
        }
        if let Some(project_id) = common::project_id(ctx, args)? {
            params.push(("project_id", Some(project_id)));
        }
        let page = pagination::pagination(args)?;
        params.extend(page.params);
        let items = fail(common::list(ctx, &ADDRESS_SCOPE, &params, page.max_items))?;
        Ok(common::rows(
            &ADDRESS_SCOPE,
            &items,
            &["ID", "Name", "IP Version", "Shared", "Project"],
            &["id", "name", "ip_version", "is_shared", "project_id"],
            common::plain,
        ))
    }
}

/// `address scope set`.
pub struct SetAddressScope;

impl Command<ClientManager> for SetAddressScope {
    fn description(&self) -> &str {
        "Set address scope properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        scope_positional(parser, "Address scope to modify (name or ID)");
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set address scope name"),
        );
        common::add_exclusive_flags(
            parser,
            &[
                ("--share", "Share the address scope between projects"),
                (
                    "--no-share",
                    "Do not share the address scope between projects",
                ),
            ],
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let scope = find_scope(ctx, args)?;
        let mut attrs = Map::new();
        if let Some(name) = present(args, "name") {
            attrs.insert("name".into(), Json::from(name));
        }
        share(args, &mut attrs);
        attrs.extend(common::extra_properties(args, false)?);
        fail(common::update(ctx, &ADDRESS_SCOPE, &scope, attrs))?;
        Ok(Output::ok())
    }
}

/// `address scope show`.
pub struct ShowAddressScope;

impl Command<ClientManager> for ShowAddressScope {
    fn description(&self) -> &str {
        "Display address scope details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        scope_positional(parser, "Address scope to display (name or ID)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        Ok(show(&find_scope(ctx, args)?))
    }
}
