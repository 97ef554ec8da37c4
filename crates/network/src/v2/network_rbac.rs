//! `network rbac create|delete|list|set|show` (openstacksdk `RBACPolicy`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self as c, add_extra_property_option, fail, NetResource};

use crate::resources::{
    ADDRESS_GROUP, ADDRESS_SCOPE, NETWORK, QOS_POLICY, RBAC_POLICY, SECURITY_GROUP, SUBNET_POOL,
};
use identity::pagination::{add_marker_pagination_options, pagination};
use openstack_sdk as sdk;

const TYPES: &[&str] = &[
    "address_group",
    "address_scope",
    "security_group",
    "subnetpool",
    "qos_policy",
    "network",
];
const ACTIONS: &[&str] = &["access_as_external", "access_as_shared"];
const TARGET_HELP: &str = "The project to which the RBAC policy will be enforced (name or ID)";
const TARGET_DOMAIN_HELP: &str =
    "Domain the target project belongs to (name or ID). This can be used in case collisions between project \
     names exist.";

fn show(policy: &Json) -> Output {
    c::show(
        &RBAC_POLICY,
        policy,
        &[("target_tenant", "target_project_id")],
        &["location", "name", "tenant_id"],
        c::plain,
    )
}

fn object_class(object_type: &str) -> &'static NetResource {
    match object_type {
        "qos_policy" => &QOS_POLICY,
        "security_group" => &SECURITY_GROUP,
        "address_scope" => &ADDRESS_SCOPE,
        "subnetpool" => &SUBNET_POOL,
        "address_group" => &ADDRESS_GROUP,
        _ => &NETWORK,
    }
}

fn find_policy(cm: &mut ClientManager, args: &Args) -> Result<Json> {
    fail(c::find(
        cm,
        &RBAC_POLICY,
        args.str("rbac_policy").unwrap_or(""),
        &[],
    ))
}

fn add_target_domain_option(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--target-project-domain"])
            .metavar("<target-project-domain>")
            .help(TARGET_DOMAIN_HELP),
    );
}

/// `network rbac create`.
pub struct CreateNetworkRbac;

impl Command<ClientManager> for CreateNetworkRbac {
    fn description(&self) -> &str {
        "Create network RBAC policy"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        parser.add(
            Arg::positional("rbac_object")
                .metavar("<rbac-object>")
                .help("The object to which this RBAC policy affects (name or ID)"),
        );
        parser.add(
            Arg::option(&["--type"])
                .metavar("<type>")
                .required()
                .choices(TYPES)
                .help(
                    "Type of the object that RBAC policy affects (\"address_group\", \"address_scope\", \
                     \"security_group\", \"subnetpool\", \"qos_policy\" or \"network\")",
                ),
        );
        parser.add(
            Arg::option(&["--action"])
                .metavar("<action>")
                .required()
                .choices(ACTIONS)
                .help(
                    "Action for the RBAC policy (\"access_as_external\" or \"access_as_shared\")",
                ),
        );
        let group = parser.add_mutex(None, true);
        parser.add_to_mutex(
            group,
            Arg::option(&["--target-project"])
                .metavar("<target-project>")
                .help(TARGET_HELP),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--target-all-projects"])
                .flag()
                .help("Allow creating RBAC policy for all projects"),
        );
        add_target_domain_option(parser);
        c::add_project_options(parser, "The owner project (name or ID)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let object_type = args.str("type").unwrap_or("");
        let mut attrs = Map::new();
        attrs.insert("object_type".into(), Json::from(object_type));
        attrs.insert(
            "action".into(),
            Json::from(args.str("action").unwrap_or("")),
        );
        let object = fail(c::find(
            ctx,
            object_class(object_type),
            args.str("rbac_object").unwrap_or(""),
            &[],
        ))?;
        attrs.insert("object_id".into(), Json::from(sdk::id_of(&object)));
        let target = match args.str("target_project") {
            Some(project) => c::find_project_id(ctx, project, args.str("target_project_domain"))?,
            None => "*".to_owned(),
        };
        attrs.insert("target_tenant".into(), Json::from(target));
        if let Some(project) = c::project_id(ctx, args)? {
            attrs.insert("project_id".into(), Json::from(project));
        }
        attrs.extend(c::extra_properties(args, false)?);
        let policy = fail(c::create(ctx, &RBAC_POLICY, attrs))?;
        Ok(show(&policy))
    }
}

/// `network rbac delete`.
pub struct DeleteNetworkRbac;

impl Command<ClientManager> for DeleteNetworkRbac {
    fn description(&self) -> &str {
        "Delete network RBAC policy(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("rbac_policy")
                .metavar("<rbac-policy>")
                .nargs(Nargs::OneOrMore)
                .help("RBAC policy(s) to delete (ID only)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        c::delete_each_worded(
            ctx,
            args,
            &RBAC_POLICY,
            &args.strings("rbac_policy"),
            "Failed to delete RBAC policy with ID",
            "RBAC policies",
        )
    }
}

/// `network rbac list`.
pub struct ListNetworkRbac;

impl Command<ClientManager> for ListNetworkRbac {
    fn description(&self) -> &str {
        "List network RBAC policies"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--type"])
                .metavar("<type>")
                .choices(TYPES)
                .help(
                    "List only network RBAC policies with the specified object type (\"address_group\", \
                     \"address_scope\", \"security_group\", \"subnetpool\", \"qos_policy\" or \"network\")",
                ),
        );
        parser.add(
            Arg::option(&["--action"])
                .metavar("<action>")
                .choices(ACTIONS)
                .help(
                    "List only network RBAC policies with the specified action (\"access_as_external\" or \
                     \"access_as_shared\")",
                ),
        );
        parser.add(
            Arg::option(&["--target-project"])
                .metavar("<target-project>")
                .help("List only network RBAC policies with the specified target project (name or ID)"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut headers = vec!["ID", "Object Type", "Object ID"];
        let mut columns = vec!["id", "object_type", "object_id"];
        if args.flag("long") {
            headers.push("Action");
            columns.push("action");
        }
        let mut params = Vec::new();
        if let Some(object_type) = args.str("type") {
            params.push(("object_type", Some(object_type.to_owned())));
        }
        if let Some(action) = args.str("action") {
            params.push(("action", Some(action.to_owned())));
        }
        if let Some(target) = args.str("target_project") {
            let id = if target == "*" {
                target.to_owned()
            } else {
                c::find_project_id(ctx, target, None)?
            };
            params.push(("target_project_id", Some(id)));
        }
        let page = pagination(args)?;
        params.extend(page.params);
        let items = fail(c::list(ctx, &RBAC_POLICY, &params, page.max_items))?;
        Ok(crate::nested::rows(
            &RBAC_POLICY,
            &items,
            &headers,
            &columns,
            c::plain,
        ))
    }
}

/// `network rbac set`.
pub struct SetNetworkRbac;

impl Command<ClientManager> for SetNetworkRbac {
    fn description(&self) -> &str {
        "Set network RBAC policy properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        parser.add(
            Arg::positional("rbac_policy")
                .metavar("<rbac-policy>")
                .help("RBAC policy to be modified (ID only)"),
        );
        parser.add(
            Arg::option(&["--target-project"])
                .metavar("<target-project>")
                .help(TARGET_HELP),
        );
        add_target_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let policy = find_policy(ctx, args)?;
        let mut attrs = Map::new();
        if let Some(target) = c::given(args, "target_project") {
            let id = c::find_project_id(ctx, target, args.str("target_project_domain"))?;
            attrs.insert("target_tenant".into(), Json::from(id));
        }
        attrs.extend(c::extra_properties(args, false)?);
        fail(c::update(ctx, &RBAC_POLICY, &policy, attrs))?;
        Ok(Output::ok())
    }
}

/// `network rbac show`.
pub struct ShowNetworkRbac;

impl Command<ClientManager> for ShowNetworkRbac {
    fn description(&self) -> &str {
        "Display network RBAC policy details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("rbac_policy")
                .metavar("<rbac-policy>")
                .help("RBAC policy (ID only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let policy = find_policy(ctx, args)?;
        Ok(show(&policy))
    }
}
