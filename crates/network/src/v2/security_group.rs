//! `security group create|delete|list|set|show|unset` (OSC's `network/v2/security_group.py`, openstacksdk
//! `SecurityGroup`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use identity::pagination;
use osc_lib::utils::format_list_of_dicts;
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self, fail, present};
use crate::resources::SECURITY_GROUP;
use openstack_sdk as sdk;
use openstack_sdk::Param;

const COLUMN_MAP: &[(&str, &str)] = &[("security_group_rules", "rules")];
const HIDDEN: &[&str] = &["location", "tenant_id"];

/// `NetworkSecurityGroupRulesColumn`: in a table, one line per rule without its empty values, security group
/// and project; elsewhere the rules as they are.
pub fn rules_column(value: Json) -> Value {
    let dicts: Vec<Vec<(String, Value)>> = match &value {
        Json::Array(rules) => rules
            .iter()
            .map(|rule| match rule {
                Json::Object(map) => map
                    .iter()
                    .filter(|(k, v)| {
                        sdk::truthy(v)
                            && !["security_group_id", "tenant_id", "project_id"]
                                .contains(&k.as_str())
                    })
                    .map(|(k, v)| (k.clone(), Value::from_json(v)))
                    .collect(),
                _ => Vec::new(),
            })
            .collect(),
        _ => Vec::new(),
    };
    Value::Column {
        human: format_list_of_dicts(Some(&dicts)).unwrap_or_default(),
        machine: Box::new(Value::from_json(&value)),
    }
}

fn format(attribute: &str, value: Json) -> Value {
    match attribute {
        "security_group_rules" => rules_column(value),
        _ => Value::from_json(&value),
    }
}

fn show(item: &Json) -> Output {
    common::show(&SECURITY_GROUP, item, COLUMN_MAP, HIDDEN, format)
}

fn group_positional(parser: &mut Parser, help: &str) {
    parser.add(Arg::positional("group").metavar("<group>").help(help));
}

fn add_stateful_options(parser: &mut Parser) {
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(
        group,
        Arg::option(&["--stateful"])
            .flag()
            .default_none()
            .help("Security group is stateful (default)"),
    );
    parser.add_to_mutex(
        group,
        Arg::option(&["--stateless"])
            .flag()
            .default_none()
            .help("Security group is stateless"),
    );
}

fn stateful(args: &Args, attrs: &mut Map<String, Json>) {
    common::flag_attrs(
        args,
        attrs,
        &[
            ("stateful", "stateful", true),
            ("stateless", "stateful", false),
        ],
    );
}

/// `security group create`.
pub struct CreateSecurityGroup;

impl Command<ClientManager> for CreateSecurityGroup {
    fn description(&self) -> &str {
        "Create a new security group"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("New security group name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Security group description"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Owner's project (name or ID)"),
        );
        add_stateful_options(parser);
        identity::common::add_project_domain_option(parser);
        common::add_tag_option_for_create(parser, "security group");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let name = args.str("name").unwrap_or("");
        let mut attrs = Map::new();
        attrs.insert("name".into(), Json::from(name));
        let description = present(args, "description").unwrap_or(name);
        attrs.insert("description".into(), Json::from(description));
        stateful(args, &mut attrs);
        if let Some(project_id) = common::project_id(ctx, args)? {
            attrs.insert("project_id".into(), Json::from(project_id));
        }
        attrs.extend(common::extra_properties(args, false)?);
        let created = fail(common::create(ctx, &SECURITY_GROUP, attrs))?;
        let created = fail(common::update_tags_for_set(
            ctx,
            &SECURITY_GROUP,
            &created,
            args,
        ))?;
        Ok(show(&created))
    }
}

/// `security group delete`.
pub struct DeleteSecurityGroup;

impl Command<ClientManager> for DeleteSecurityGroup {
    fn description(&self) -> &str {
        "Delete security group(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .nargs(Nargs::OneOrMore)
                .help("Security group(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::delete_each(
            ctx,
            args,
            &SECURITY_GROUP,
            &args.strings("group"),
            "security group",
            "groups",
        )
    }
}

/// `security group list`.
pub struct ListSecurityGroup;

impl Command<ClientManager> for ListSecurityGroup {
    fn description(&self) -> &str {
        "List security groups"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("List only security groups with the specified project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
        common::add_bool_pair(
            parser,
            "shared",
            (
                "--share",
                "List only security groups shared between projects",
            ),
            (
                "--no-share",
                "List only security groups not shared between projects",
            ),
        );
        common::add_tag_filtering_options(parser, "security group");
        pagination::add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params: Vec<Param> = Vec::new();
        if common::given(args, "project").is_some() {
            if let Some(project_id) = common::project_id(ctx, args)? {
                params.push(("project_id", Some(project_id)));
            }
        }
        if let Some(shared) = common::tri_state(args, "shared") {
            params.push(("is_shared", Some(sdk::py_bool(shared))));
        }
        let page = pagination::pagination(args)?;
        params.extend(page.params);
        params.extend(common::tag_filtering_params(args));
        for field in ["id", "name", "description", "project_id", "tags", "shared"] {
            params.push(("fields", Some(field.to_owned())));
        }
        let items = fail(common::list(ctx, &SECURITY_GROUP, &params, page.max_items))?;
        Ok(common::rows(
            &SECURITY_GROUP,
            &items,
            &["ID", "Name", "Description", "Project", "Tags", "Shared"],
            &[
                "id",
                "name",
                "description",
                "project_id",
                "tags",
                "is_shared",
            ],
            common::plain,
        ))
    }
}

/// `security group set`.
pub struct SetSecurityGroup;

impl Command<ClientManager> for SetSecurityGroup {
    fn description(&self) -> &str {
        "Set security group properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        group_positional(parser, "Security group to modify (name or ID)");
        parser.add(
            Arg::option(&["--name"])
                .metavar("<new-name>")
                .help("New security group name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New security group description"),
        );
        add_stateful_options(parser);
        common::add_tag_option_for_set(parser, "security group");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let group = fail(common::find(
            ctx,
            &SECURITY_GROUP,
            args.str("group").unwrap_or(""),
            &[],
        ))?;
        let mut attrs = Map::new();
        if let Some(name) = present(args, "name") {
            attrs.insert("name".into(), Json::from(name));
        }
        if let Some(description) = present(args, "description") {
            attrs.insert("description".into(), Json::from(description));
        }
        stateful(args, &mut attrs);
        attrs.extend(common::extra_properties(args, false)?);
        fail(common::update(ctx, &SECURITY_GROUP, &group, attrs))?;
        fail(common::update_tags_for_set(
            ctx,
            &SECURITY_GROUP,
            &group,
            args,
        ))?;
        Ok(Output::ok())
    }
}

/// `security group show`.
pub struct ShowSecurityGroup;

impl Command<ClientManager> for ShowSecurityGroup {
    fn description(&self) -> &str {
        "Display security group details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        group_positional(parser, "Security group to display (name or ID)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let group = fail(common::find(
            ctx,
            &SECURITY_GROUP,
            args.str("group").unwrap_or(""),
            &[],
        ))?;
        Ok(show(&group))
    }
}

/// `security group unset`.
pub struct UnsetSecurityGroup;

impl Command<ClientManager> for UnsetSecurityGroup {
    fn description(&self) -> &str {
        "Unset security group properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        group_positional(parser, "Security group to modify (name or ID)");
        common::add_tag_option_for_unset(parser, "security group");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let group = fail(common::find(
            ctx,
            &SECURITY_GROUP,
            args.str("group").unwrap_or(""),
            &[],
        ))?;
        fail(common::update_tags_for_unset(
            ctx,
            &SECURITY_GROUP,
            &group,
            args,
        ))?;
        Ok(Output::ok())
    }
}
