//! `network qos rule create|delete|list|set|show` (openstacksdk's five QoS rule classes, under a policy).

use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self as c, add_extra_property_option, NetResource};
use crate::nested::{create_under, delete_under, find_under, get_under, update_under};
use crate::resources::{
    QOS_BANDWIDTH_LIMIT_RULE, QOS_DSCP_MARKING_RULE, QOS_MINIMUM_BANDWIDTH_RULE,
    QOS_MINIMUM_PACKET_RATE_RULE, QOS_PACKET_RATE_LIMIT_RULE, QOS_POLICY,
};
use openstack_sdk as sdk;

const HIDDEN: &[&str] = &["location", "name", "tenant_id"];

/// `MANDATORY_PARAMETERS` and `OPTIONAL_PARAMETERS`, in the dict's order.
const PARAMETERS: &[(&str, &[&str], &[&str])] = &[
    ("minimum-bandwidth", &["min_kbps", "direction"], &[]),
    ("minimum-packet-rate", &["min_kpps", "direction"], &[]),
    ("dscp-marking", &["dscp_mark"], &[]),
    (
        "bandwidth-limit",
        &["max_kbps"],
        &["direction", "max_burst_kbps"],
    ),
];

/// The class behind a rule type (`_rule_action_call`).
fn rule_class(rule_type: &str) -> Option<&'static NetResource> {
    match rule_type {
        "bandwidth-limit" => Some(&QOS_BANDWIDTH_LIMIT_RULE),
        "dscp-marking" => Some(&QOS_DSCP_MARKING_RULE),
        "minimum-bandwidth" => Some(&QOS_MINIMUM_BANDWIDTH_RULE),
        "minimum-packet-rate" => Some(&QOS_MINIMUM_PACKET_RATE_RULE),
        "packet-rate-limit" => Some(&QOS_PACKET_RATE_LIMIT_RULE),
        _ => None,
    }
}

/// `_find_rule_type`: the type of the policy's rule with this ID, dashed.
fn find_rule_type(policy: &Json, rule_id: &str) -> Option<String> {
    policy
        .get("rules")?
        .as_array()?
        .iter()
        .find(|rule| rule.get("id").and_then(Json::as_str) == Some(rule_id))
        .map(|rule| {
            rule.get("type")
                .map(sdk::json_text)
                .unwrap_or_default()
                .replace('_', "-")
        })
}

/// `_check_type_parameters`.
fn check_type_parameters(
    attrs: &Map<String, Json>,
    rule_type: &str,
    is_create: bool,
) -> std::result::Result<(), String> {
    let Some((_, required, optional)) = PARAMETERS.iter().find(|(t, _, _)| *t == rule_type) else {
        return Err(format!("'{rule_type}'"));
    };
    let mut type_params: Vec<&str> = required.iter().chain(optional.iter()).copied().collect();
    type_params.sort_unstable();
    type_params.dedup();
    let not_required: Vec<&str> = PARAMETERS
        .iter()
        .filter(|(t, _, _)| *t != rule_type)
        .flat_map(|(_, req, _)| req.iter().copied())
        .filter(|p| !type_params.contains(p))
        .collect();
    if is_create
        && required
            .iter()
            .any(|p| attrs.get(*p).is_none_or(Json::is_null))
    {
        let mut sorted = required.to_vec();
        sorted.sort_unstable();
        return Err(format!(
            "\"Create\" rule command for type \"{rule_type}\" requires arguments: {}",
            sorted.join(", ")
        ));
    }
    if attrs.keys().any(|k| not_required.contains(&k.as_str())) {
        return Err(format!(
            "Rule type \"{rule_type}\" only requires arguments: {}",
            type_params.join(", ")
        ));
    }
    Ok(())
}

/// `_get_attrs` after the policy was found: the rule's fields, checked against its type.
fn rule_attrs(
    args: &Args,
    rule_type: &str,
    is_create: bool,
) -> std::result::Result<Map<String, Json>, String> {
    let mut attrs = Map::new();
    for (dest, key) in [
        ("max_kbps", "max_kbps"),
        ("max_burst_kbits", "max_burst_kbps"),
        ("dscp_mark", "dscp_mark"),
        ("min_kbps", "min_kbps"),
        ("min_kpps", "min_kpps"),
    ] {
        if let Some(value) = args.int(dest) {
            attrs.insert(key.into(), Json::from(value));
        }
    }
    if args.flag("ingress") {
        attrs.insert("direction".into(), Json::from("ingress"));
    }
    if args.flag("egress") {
        attrs.insert("direction".into(), Json::from("egress"));
    }
    if args.flag("any") {
        if rule_type == "minimum-packet-rate" {
            attrs.insert("direction".into(), Json::from("any"));
        } else {
            return Err(
                "Direction \"any\" can only be used with minimum-packet-rate rule type".to_owned(),
            );
        }
    }
    check_type_parameters(&attrs, rule_type, is_create)?;
    Ok(attrs)
}

fn add_policy_argument(parser: &mut Parser) {
    parser.add(
        Arg::positional("qos_policy")
            .metavar("<qos-policy>")
            .help("QoS policy that contains the rule (name or ID)"),
    );
}

fn flag(name: &str, help: &str) -> Arg {
    Arg::option(&[name]).flag().help(help)
}

fn add_rule_arguments(parser: &mut Parser) {
    let int_option = |flag: &str, metavar: &str, help: &str| {
        Arg::option(&[flag]).metavar(metavar).int().help(help)
    };
    parser.add(int_option(
        "--max-kbps",
        "<max-kbps>",
        "Maximum bandwidth in kbps",
    ));
    parser.add(int_option(
        "--max-burst-kbits",
        "<max-burst-kbits>",
        "Maximum burst in kilobits, 0 or not specified means automatic, which is 80% of the bandwidth limit, \
         which works for typical TCP traffic. For details check the QoS user workflow.",
    ));
    parser.add(int_option(
        "--dscp-mark",
        "<dscp-mark>",
        "DSCP mark: value can be 0, even numbers from 8-56, excluding 42, 44, 50, 52, and 54",
    ));
    parser.add(int_option(
        "--min-kbps",
        "<min-kbps>",
        "Minimum guaranteed bandwidth in kbps",
    ));
    parser.add(int_option(
        "--min-kpps",
        "<min-kpps>",
        "Minimum guaranteed packet rate in kpps",
    ));
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(
        group,
        flag(
            "--ingress",
            "Ingress traffic direction from the project point of view",
        ),
    );
    parser.add_to_mutex(
        group,
        flag(
            "--egress",
            "Egress traffic direction from the project point of view",
        ),
    );
    parser.add_to_mutex(
        group,
        flag(
            "--any",
            "Any traffic direction from the project point of view. Can be used only with minimum packet rate \
             rule.",
        ),
    );
}

fn find_policy(cm: &mut ClientManager, args: &Args) -> std::result::Result<Json, String> {
    c::find(cm, &QOS_POLICY, args.str("qos_policy").unwrap_or(""), &[]).map_err(|e| e.to_string())
}

/// The policy, the rule's type and class (a rule the policy lacks is `missing`).
fn find_rule(
    cm: &mut ClientManager,
    args: &Args,
    missing: &str,
) -> std::result::Result<(String, String, &'static NetResource), String> {
    let policy = find_policy(cm, args)?;
    let rule_id = args.str("id").unwrap_or("");
    let class = find_rule_type(&policy, rule_id)
        .as_deref()
        .and_then(rule_class)
        .ok_or_else(|| missing.to_owned())?;
    Ok((sdk::id_of(&policy), rule_id.to_owned(), class))
}

/// `network qos rule create`.
pub struct CreateNetworkQosRule;

impl Command<ClientManager> for CreateNetworkQosRule {
    fn description(&self) -> &str {
        "Create new Network QoS rule"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        add_policy_argument(parser);
        parser.add(
            Arg::option(&["--type"])
                .metavar("<type>")
                .required()
                .choices(&[
                    "minimum-bandwidth",
                    "minimum-packet-rate",
                    "dscp-marking",
                    "bandwidth-limit",
                ])
                .help(
                    "QoS rule type (minimum-bandwidth, minimum-packet-rate, dscp-marking, bandwidth-limit)",
                ),
        );
        add_rule_arguments(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let rule_type = args.str("type").unwrap_or("");
        let created = (|| {
            let policy = find_policy(ctx, args)?;
            let mut attrs = rule_attrs(args, rule_type, true)?;
            attrs.extend(c::extra_properties(args, false).map_err(|e| e.message)?);
            let class = rule_class(rule_type).ok_or_else(|| format!("'{rule_type}'"))?;
            let policy_id = sdk::id_of(&policy);
            create_under(ctx, class, &[("qos_policy_id", &policy_id)], attrs)
                .map(|rule| (class, rule))
                .map_err(|e| e.to_string())
        })();
        let (class, rule) = created
            .map_err(|e| Error::command(format!("Failed to create Network QoS rule: {e}")))?;
        Ok(c::show(class, &rule, &[], HIDDEN, c::plain))
    }
}

/// `network qos rule delete`.
pub struct DeleteNetworkQosRule;

impl Command<ClientManager> for DeleteNetworkQosRule {
    fn description(&self) -> &str {
        "Delete Network QoS rule"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_policy_argument(parser);
        parser.add(
            Arg::positional("id")
                .metavar("<rule-id>")
                .help("Network QoS rule to delete (ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let rule_id = args.str("id").unwrap_or("");
        let deleted = (|| {
            let (policy_id, rule_id, class) =
                find_rule(ctx, args, &format!("Rule {rule_id} not found"))?;
            delete_under(ctx, class, &[("qos_policy_id", &policy_id)], &rule_id)
                .map_err(|e| e.to_string())
        })();
        deleted.map_err(|e| {
            Error::command(format!(
                "Failed to delete Network QoS rule ID \"{rule_id}\": {e}"
            ))
        })?;
        Ok(Output::ok())
    }
}

/// `network qos rule list`.
pub struct ListNetworkQosRule;

impl Command<ClientManager> for ListNetworkQosRule {
    fn description(&self) -> &str {
        "List Network QoS rules"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_policy_argument(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let policy = c::fail(c::find(
            ctx,
            &QOS_POLICY,
            args.str("qos_policy").unwrap_or(""),
            &[],
        ))?;
        let rules = policy
            .get("rules")
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default();
        let columns = [
            "id",
            "qos_policy_id",
            "type",
            "max_kbps",
            "max_burst_kbps",
            "min_kbps",
            "min_kpps",
            "dscp_mark",
            "direction",
        ];
        let rows = rules
            .iter()
            .map(|rule| {
                columns
                    .iter()
                    .map(|c| {
                        rule.get(*c)
                            .map_or_else(|| cliff::Value::str(""), cliff::Value::from_json)
                    })
                    .collect()
            })
            .collect();
        Ok(identity::output::list(
            &[
                "ID",
                "QoS Policy ID",
                "Type",
                "Max Kbps",
                "Max Burst Kbits",
                "Min Kbps",
                "Min Kpps",
                "DSCP mark",
                "Direction",
            ],
            rows,
        ))
    }
}

/// `network qos rule set`.
pub struct SetNetworkQosRule;

impl Command<ClientManager> for SetNetworkQosRule {
    fn description(&self) -> &str {
        "Set Network QoS rule properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        add_policy_argument(parser);
        parser.add(
            Arg::positional("id")
                .metavar("<rule-id>")
                .help("Network QoS rule to set (ID)"),
        );
        add_rule_arguments(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let rule_id = args.str("id").unwrap_or("");
        let updated = (|| {
            let (_, _, _) = find_rule(ctx, args, "Rule not found")?;
            // `_get_attrs` finds the policy again and checks the rule once more.
            let (policy_id, rule_id, class) =
                find_rule(ctx, args, &format!("Rule ID {rule_id} not found"))?;
            let rule_type = find_type_name(class);
            let mut attrs = rule_attrs(args, rule_type, false)?;
            attrs.extend(c::extra_properties(args, false).map_err(|e| e.message)?);
            let uri = [("qos_policy_id", policy_id.as_str())];
            let rule = find_under(ctx, class, &uri, &rule_id).map_err(|e| e.to_string())?;
            update_under(ctx, class, &uri, &sdk::id_of(&rule), attrs)
                .map(|_| ())
                .map_err(|e| e.to_string())
        })();
        updated.map_err(|e| {
            Error::command(format!(
                "Failed to set Network QoS rule ID \"{rule_id}\": {e}"
            ))
        })?;
        Ok(Output::ok())
    }
}

/// The dashed type name of a rule class.
fn find_type_name(class: &NetResource) -> &'static str {
    [
        "bandwidth-limit",
        "dscp-marking",
        "minimum-bandwidth",
        "minimum-packet-rate",
        "packet-rate-limit",
    ]
    .into_iter()
    .find(|t| rule_class(t).is_some_and(|c| c.resource.class == class.resource.class))
    .unwrap_or("")
}

/// `network qos rule show`.
pub struct ShowNetworkQosRule;

impl Command<ClientManager> for ShowNetworkQosRule {
    fn description(&self) -> &str {
        "Display Network QoS rule details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_policy_argument(parser);
        parser.add(
            Arg::positional("id")
                .metavar("<rule-id>")
                .help("Network QoS rule to show (ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let rule_id = args.str("id").unwrap_or("");
        let shown = (|| {
            let (policy_id, rule_id, class) = find_rule(ctx, args, "Rule not found")?;
            get_under(ctx, class, &[("qos_policy_id", &policy_id)], &rule_id)
                .map(|rule| (class, rule))
                .map_err(|e| e.to_string())
        })();
        let (class, rule) = shown.map_err(|e| {
            Error::command(format!(
                "Failed to show Network QoS rule ID \"{rule_id}\": {e}"
            ))
        })?;
        Ok(c::show(class, &rule, &[], HIDDEN, c::plain))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn type_parameters_are_checked_as_osc_does() {
        let attrs = |v: Json| v.as_object().cloned().unwrap_or_default();
        assert_eq!(
            check_type_parameters(&attrs(json!({})), "minimum-bandwidth", true).unwrap_err(),
            "\"Create\" rule command for type \"minimum-bandwidth\" requires arguments: direction, min_kbps"
        );
        assert_eq!(
            check_type_parameters(
                &attrs(json!({"dscp_mark": 8, "direction": "ingress"})),
                "dscp-marking",
                false
            )
            .unwrap_err(),
            "Rule type \"dscp-marking\" only requires arguments: dscp_mark"
        );
        assert!(check_type_parameters(
            &attrs(json!({"max_kbps": 1, "direction": "egress"})),
            "bandwidth-limit",
            true
        )
        .is_ok());
    }
}
