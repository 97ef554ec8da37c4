//! `firewall group policy create|delete|list|set|show|unset|add rule|remove rule` (OSC's
//! `network/v2/fwaas/policy.py`, openstacksdk `FirewallPolicy`).

use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result};
use osc_lib::{ApiResponse, ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use super::rule::FIREWALL_RULE;
use super::{AttrMap, Listed};
use crate::common::{self, fail, Any, Computed, List, NetResource};
use openstack_sdk::wording::Wording;
use openstack_sdk::{Call, Failure, Resource};

/// openstacksdk's `network.v2.firewall_policy.FirewallPolicy`.
pub const FIREWALL_POLICY: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "FirewallPolicy",
        key: "firewall_policy",
        plural: "firewall_policies",
        base_path: "/fwaas/firewall_policies",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("description", "description"),
            ("fields", "fields"),
            ("firewall_rules", "firewall_rules"),
            ("name", "name"),
            ("project_id", "project_id"),
            ("shared", "shared"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("audited", "audited", Any),
        ("description", "description", Any),
        ("id", "id", Any),
        ("firewall_rules", "firewall_rules", List),
        ("name", "name", Any),
        ("project_id", "project_id", Any),
        ("shared", "shared", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// `_attr_map`.
const ATTR_MAP: AttrMap = &[
    ("id", "ID", Listed::Both),
    ("name", "Name", Listed::Both),
    ("firewall_rules", "Firewall Rules", Listed::Both),
    ("description", "Description", Listed::LongOnly),
    ("audited", "Audited", Listed::LongOnly),
    ("shared", "Shared", Listed::LongOnly),
    ("project_id", "Project", Listed::LongOnly),
];

/// The firewall policy as `show` and `delete` describe it.
pub static OBJECT: super::FwObject = super::FwObject {
    res: &FIREWALL_POLICY,
    dest: "firewall_policy",
    attr_map: ATTR_MAP,
    formatter: common::plain,
    show: (
        "Display firewall policy details",
        "Firewall policy to show (name or ID)",
    ),
    delete: (
        "Delete firewall policy(s)",
        "Firewall policy(s) to delete (name or ID)",
    ),
    delete_failure: "Failed to delete Firewall policy with name or ID",
    plural: "firewall policy(s)",
    repr_module: None,
};

const RULE_HELP: &str = "Firewall rule(s) to apply (name or ID)";

/// `_get_common_parser`.
fn add_common(parser: &mut Parser) {
    parser.add(Arg::option(&["--description"]).help("Description of the firewall policy"));
    common::add_bool_pair(
        parser,
        "audited",
        ("--audited", "Enable auditing for the policy"),
        ("--no-audited", "Disable auditing for the policy"),
    );
    common::add_bool_pair(
        parser,
        "shared",
        (
            "--share",
            "Share the firewall policy to be used in all projects (by default, it is restricted to be used by \
             the current project).",
        ),
        (
            "--no-share",
            "Restrict use of the firewall policy to the current project",
        ),
    );
}

/// The firewall rule IDs of a policy.
fn rule_ids(policy: &Json) -> Vec<String> {
    FIREWALL_POLICY
        .get(policy, "firewall_rules")
        .as_array()
        .map(|rules| {
            rules
                .iter()
                .filter_map(|r| r.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// `_get_common_attrs` (`is_create`: the rules given replace, rather than extend, the policy's).
fn common_attrs(cm: &mut ClientManager, args: &Args, is_create: bool) -> Result<Map<String, Json>> {
    let mut attrs = Map::new();
    let given = args.strings("firewall_rule");
    if !given.is_empty() {
        let mut rules = Vec::new();
        if !args.flag("no_firewall_rule") && !is_create {
            let policy = super::find(
                cm,
                &FIREWALL_POLICY,
                args.str("firewall_policy").unwrap_or(""),
            )?;
            rules.extend(rule_ids(&policy));
        }
        for rule in &given {
            rules.push(super::find_id(cm, &FIREWALL_RULE, rule)?);
        }
        attrs.insert("firewall_rules".into(), Json::from(rules));
    } else if args.flag("no_firewall_rule") {
        attrs.insert("firewall_rules".into(), Json::Array(Vec::new()));
    }
    if let Some(audited) = common::tri_state(args, "audited") {
        attrs.insert("audited".into(), Json::Bool(audited));
    }
    if let Some(name) = common::given(args, "name") {
        attrs.insert("name".into(), Json::from(name));
    }
    if let Some(description) = common::given(args, "description") {
        attrs.insert("description".into(), Json::from(description));
    }
    if let Some(shared) = common::tri_state(args, "shared") {
        attrs.insert("shared".into(), Json::Bool(shared));
    }
    Ok(attrs)
}

/// `firewall group policy create`.
pub struct CreateFirewallPolicy;

impl Command<ClientManager> for CreateFirewallPolicy {
    fn description(&self) -> &str {
        "Create a new firewall policy"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_common(parser);
        super::add_project_owner(parser);
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Name for the firewall policy"),
        );
        let rules = parser.add_mutex(None, false);
        parser.add_to_mutex(
            rules,
            Arg::option(&["--firewall-rule"])
                .append()
                .metavar("<firewall-rule>")
                .help(RULE_HELP),
        );
        parser.add_to_mutex(
            rules,
            Arg::option(&["--no-firewall-rule"])
                .flag()
                .help("Unset all firewall rules from firewall policy"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = common_attrs(ctx, args, true)?;
        super::project_attr(ctx, args, &mut attrs)?;
        let created = fail(common::create(ctx, &FIREWALL_POLICY, attrs))?;
        Ok(super::show(
            &FIREWALL_POLICY,
            &created,
            ATTR_MAP,
            common::plain,
        ))
    }
}

/// `_get_required_firewall_rule`: the ID of the rule positional.
fn required_rule(cm: &mut ClientManager, args: &Args) -> Result<String> {
    match common::given(args, "firewall_rule") {
        Some(rule) => super::find_id(cm, &FIREWALL_RULE, rule),
        None => Err(Error::command("Firewall rule (name or ID) is required.")),
    }
}

/// `FirewallPolicy._put_request`'s exception: `HttpException(message=<NeutronError's message>)`, or the class
/// and status when the answer has none (the URL is added by [`put_rule_action`]).
fn neutron_failure(response: &ApiResponse) -> Failure {
    let message = serde_json::from_slice::<Json>(&response.body)
        .ok()
        .and_then(|data| {
            data.pointer("/NeutronError/message")
                .and_then(Json::as_str)
                .map(str::to_owned)
        })
        .filter(|message| !message.is_empty())
        .unwrap_or_else(|| format!("HttpException: {}", response.status));
    Failure::Http {
        status: response.status,
        message,
    }
}

/// `FirewallPolicy._put_request`: PUT `<policy>/<action>` with the body; a failure reads "`<message>`:
/// `<Client|Server>` Error for url: `<url>`".
fn put_rule_action(
    cm: &mut ClientManager,
    policy_id: &str,
    action: &str,
    body: Json,
) -> Result<()> {
    let path = format!(
        "{}/{action}",
        fail(common::item_path(cm, &FIREWALL_POLICY, policy_id))?
    );
    let call = Call::new("network", Method::Put, path)
        .body(body)
        .wording(Wording::Custom(neutron_failure));
    match call.send(cm) {
        Ok(_) => Ok(()),
        Err(Failure::Http { status, message }) => {
            let source = if (400..500).contains(&status) {
                "Client"
            } else {
                "Server"
            };
            let url = call.url(cm);
            Err(Error::command(format!(
                "{message}: {source} Error for url: {url}"
            )))
        }
        Err(other) => Err(other.into()),
    }
}

/// `firewall group policy add rule`.
pub struct FirewallPolicyInsertRule;

impl Command<ClientManager> for FirewallPolicyInsertRule {
    fn description(&self) -> &str {
        "Insert a rule into a given firewall policy"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        super::add_positional(
            parser,
            "firewall_policy",
            "Firewall policy to insert rule (name or ID)",
        );
        parser.add(
            Arg::option(&["--insert-before"])
                .metavar("<firewall-rule>")
                .help("Insert the new rule before this existing rule  (name or ID)"),
        );
        parser.add(
            Arg::option(&["--insert-after"])
                .metavar("<firewall-rule>")
                .help("Insert the new rule after this existing rule  (name or ID)"),
        );
        super::add_positional(
            parser,
            "firewall_rule",
            "Firewall rule to be inserted (name or ID)",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let policy = args.str("firewall_policy").unwrap_or("");
        let policy_id = super::find_id(ctx, &FIREWALL_POLICY, policy)?;
        let rule_id = required_rule(ctx, args)?;
        let mut neighbours = Vec::new();
        for option in ["insert_before", "insert_after"] {
            neighbours.push(match common::given(args, option) {
                Some(rule) => super::find_id(ctx, &FIREWALL_RULE, rule)?,
                None => String::new(),
            });
        }
        let body = json!({
            "firewall_rule_id": rule_id,
            "insert_after": neighbours[1],
            "insert_before": neighbours[0],
        });
        put_rule_action(ctx, &policy_id, "insert_rule", body)?;
        Ok(Output::Text {
            text: format!("Inserted firewall rule {rule_id} in firewall policy {policy}\n"),
        })
    }
}

/// `firewall group policy remove rule`.
pub struct FirewallPolicyRemoveRule;

impl Command<ClientManager> for FirewallPolicyRemoveRule {
    fn description(&self) -> &str {
        "Remove a rule from a given firewall policy"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        super::add_positional(
            parser,
            "firewall_policy",
            "Firewall policy to remove rule (name or ID)",
        );
        super::add_positional(
            parser,
            "firewall_rule",
            "Firewall rule to remove from policy (name or ID)",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let policy = args.str("firewall_policy").unwrap_or("");
        let policy_id = super::find_id(ctx, &FIREWALL_POLICY, policy)?;
        let rule_id = required_rule(ctx, args)?;
        put_rule_action(
            ctx,
            &policy_id,
            "remove_rule",
            json!({ "firewall_rule_id": rule_id }),
        )?;
        Ok(Output::Text {
            text: format!("Removed firewall rule {rule_id} from firewall policy {policy}\n"),
        })
    }
}

/// `firewall group policy list`.
pub struct ListFirewallPolicy;

impl Command<ClientManager> for ListFirewallPolicy {
    fn description(&self) -> &str {
        "List firewall policies"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        super::add_long(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        super::list(ctx, args, &FIREWALL_POLICY, ATTR_MAP, common::plain, |_| ())
    }
}

/// `firewall group policy set`.
pub struct SetFirewallPolicy;

impl Command<ClientManager> for SetFirewallPolicy {
    fn description(&self) -> &str {
        "Set firewall policy properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_common(parser);
        super::add_positional(
            parser,
            "firewall_policy",
            "Firewall policy to update (name or ID)",
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Name for the firewall policy"),
        );
        parser.add(
            Arg::option(&["--firewall-rule"])
                .append()
                .metavar("<firewall-rule>")
                .help(RULE_HELP),
        );
        parser.add(
            Arg::option(&["--no-firewall-rule"])
                .flag()
                .help("Remove all firewall rules from firewall policy"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let given = args.str("firewall_policy").unwrap_or("");
        let id = super::find_id(ctx, &FIREWALL_POLICY, given)?;
        let attrs = common_attrs(ctx, args, false)?;
        super::update_by_id(
            ctx,
            &FIREWALL_POLICY,
            &id,
            attrs,
            &format!("Failed to set firewall policy '{given}'"),
        )
    }
}

/// `firewall group policy unset`.
pub struct UnsetFirewallPolicy;

impl Command<ClientManager> for UnsetFirewallPolicy {
    fn description(&self) -> &str {
        "Unset firewall policy properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        super::add_positional(
            parser,
            "firewall_policy",
            "Firewall policy to unset (name or ID)",
        );
        let rules = parser.add_mutex(None, false);
        parser.add_to_mutex(
            rules,
            Arg::option(&["--firewall-rule"])
                .append()
                .metavar("<firewall-rule>")
                .help("Remove firewall rule(s) from the firewall policy (name or ID)"),
        );
        parser.add_to_mutex(
            rules,
            Arg::option(&["--all-firewall-rule"])
                .flag()
                .help("Remove all firewall rules from the firewall policy"),
        );
        parser.add(
            Arg::option(&["--audited"])
                .flag()
                .help("Disable auditing for the policy"),
        );
        parser.add(Arg::option(&["--share"]).flag().help(
            "(Deprecated) Use \"firewall policy set --no-share\" instead. Restrict use of the firewall policy \
             to the current project",
        ));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let given = args.str("firewall_policy").unwrap_or("");
        let id = super::find_id(ctx, &FIREWALL_POLICY, given)?;
        let mut attrs = Map::new();
        let removing = args.strings("firewall_rule");
        if !removing.is_empty() {
            let policy = super::find(ctx, &FIREWALL_POLICY, given)?;
            let mut removed = Vec::new();
            for rule in super::unique(removing) {
                removed.push(super::find_id(ctx, &FIREWALL_RULE, &rule)?);
            }
            let kept: Vec<String> = rule_ids(&policy)
                .into_iter()
                .filter(|r| !removed.contains(r))
                .collect();
            attrs.insert("firewall_rules".into(), Json::from(kept));
        }
        if args.flag("all_firewall_rule") {
            attrs.insert("firewall_rules".into(), Json::Array(Vec::new()));
        }
        if args.flag("audited") {
            attrs.insert("audited".into(), Json::Bool(false));
        }
        if args.flag("share") {
            log::warn!(
                "The --share option is deprecated, please use \"firewall policy set --no-share\" instead."
            );
            attrs.insert("shared".into(), Json::Bool(false));
        }
        super::update_by_id(
            ctx,
            &FIREWALL_POLICY,
            &id,
            attrs,
            &format!("Failed to unset firewall policy '{given}'"),
        )
    }
}
