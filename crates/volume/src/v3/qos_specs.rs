//! `volume qos associate|volume qos create|volume qos delete|volume qos disassociate|volume qos list|volume qos set|volume qos show|volume qos unset` (OSC `volume/v3/qos_specs.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{parseractions, ClientManager};

use cliff::Value;
use osc_lib::Method;
use serde_json::{json, Map, Value as Json};

use crate::api;
use crate::common::{self, fail};
use crate::resources::QOS_SPEC;
use crate::v3::volume_type::find_type;
use openstack_sdk::Res;

/// `volume qos associate`.
pub struct AssociateQos;

impl Command<ClientManager> for AssociateQos {
    fn description(&self) -> &str {
        "Associate a QoS specification to a volume type"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("qos_spec")
                .metavar("<qos-spec>")
                .help("QoS specification to modify (name or ID)"),
        );
        parser.add(
            Arg::positional("volume_type")
                .metavar("<volume-type>")
                .help("Volume type to associate the QoS (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        associate_qos(ctx, args)
    }
}

/// `volume qos create`.
pub struct CreateQos;

impl Command<ClientManager> for CreateQos {
    fn description(&self) -> &str {
        "Create new QoS specification"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("New QoS specification name"),
        );
        parser.add(Arg::option(&["--consumer"]).choices(&["front-end", "back-end", "both"]).default("both").metavar("<consumer>").help("Consumer of the QoS. Valid consumers: back-end, both, front-end (defaults to 'both')"));
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .check(parseractions::key_value_check)
                .metavar("<key=value>")
                .help(
                    "Set a QoS specification property (repeat option to set multiple properties)",
                ),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_qos(ctx, args)
    }
}

/// `volume qos delete`.
pub struct DeleteQos;

impl Command<ClientManager> for DeleteQos {
    fn description(&self) -> &str {
        "Delete QoS specification"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("qos_specs")
                .nargs(Nargs::OneOrMore)
                .metavar("<qos-spec>")
                .help("QoS specification(s) to delete (name or ID)"),
        );
        parser.add(
            Arg::option(&["--force"])
                .flag()
                .help("Allow to delete in-use QoS specification(s)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        delete_qos(ctx, args)
    }
}

/// `volume qos disassociate`.
pub struct DisassociateQos;

impl Command<ClientManager> for DisassociateQos {
    fn description(&self) -> &str {
        "Disassociate a QoS specification from a volume type"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("qos_spec")
                .metavar("<qos-spec>")
                .help("QoS specification to modify (name or ID)"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--volume-type"])
                .metavar("<volume-type>")
                .help("Volume type to disassociate the QoS from (name or ID)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--all"])
                .flag()
                .help("Disassociate the QoS from every volume type"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        disassociate_qos(ctx, args)
    }
}

/// `volume qos list`.
pub struct ListQos;

impl Command<ClientManager> for ListQos {
    fn description(&self) -> &str {
        "List QoS specifications"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, _parser: &mut Parser) {}

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_qos(ctx, args)
    }
}

/// `volume qos set`.
pub struct SetQos;

impl Command<ClientManager> for SetQos {
    fn description(&self) -> &str {
        "Set QoS specification properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("qos_spec")
                .metavar("<qos-spec>")
                .help("QoS specification to modify (name or ID)"),
        );
        parser.add(Arg::option(&["--no-property"]).flag().help("Remove all properties from <qos-spec> (specify both --no-property and --property to remove the current properties before setting new properties)"));
        parser.add(Arg::option(&["--property"]).dest("properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Property to add or modify for this QoS specification (repeat option to set multiple properties)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        set_qos(ctx, args)
    }
}

/// `volume qos show`.
pub struct ShowQos;

impl Command<ClientManager> for ShowQos {
    fn description(&self) -> &str {
        "Display QoS specification details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("qos_spec")
                .metavar("<qos-spec>")
                .help("QoS specification to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_qos(ctx, args)
    }
}

/// `volume qos unset`.
pub struct UnsetQos;

impl Command<ClientManager> for UnsetQos {
    fn description(&self) -> &str {
        "Unset QoS specification properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("qos_spec")
                .metavar("<qos-spec>")
                .help("QoS specification to modify (name or ID)"),
        );
        parser.add(Arg::option(&["--property"]).dest("properties").append().metavar("<key>").help("Property to remove from the QoS specification. (repeat option to unset multiple properties)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        unset_qos(ctx, args)
    }
}

fn find_qos(ctx: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    api::find_one(ctx, &QOS_SPEC, name_or_id)
}

fn qos_path(id: &str, rest: &str) -> String {
    format!("{}{rest}", openstack_sdk::item_path("/qos-specs", id))
}

/// The names of the volume types a QoS spec is associated with.
fn associations(ctx: &mut ClientManager, id: &str) -> Res<Vec<Json>> {
    let answer = api::raw_call(ctx, Method::Get, &qos_path(id, "/associations"))?.json(ctx)?;
    Ok(answer
        .get("qos_associations")
        .and_then(Json::as_array)
        .map(|items| {
            items
                .iter()
                .map(|a| a.get("name").cloned().unwrap_or(Json::Null))
                .collect()
        })
        .unwrap_or_default())
}

fn specs(qos: &Json) -> Value {
    common::dict_col(qos.get("specs").unwrap_or(&Json::Null))
}

fn associate_qos(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let qos = fail(find_qos(ctx, common::arg(args, "qos_spec")))?;
    let volume_type = fail(find_type(ctx, common::arg(args, "volume_type")))?;
    let call = api::raw_call(ctx, Method::Get, &qos_path(&common::id(&qos), "/associate"));
    fail(call.and_then(|c| {
        c.query(vec![("vol_type_id".into(), common::id(&volume_type))])
            .send(ctx)
    }))?;
    Ok(Output::ok())
}

fn create_qos(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let mut attrs = Map::new();
    attrs.insert("name".into(), Json::from(common::arg(args, "name")));
    attrs.insert(
        "consumer".into(),
        args.str("consumer").map_or(Json::Null, Json::from),
    );
    attrs.extend(common::key_values_json(args, "properties", "--property")?);
    let qos = fail(api::create(ctx, &QOS_SPEC, "/qos-specs", attrs))?;
    Ok(common::show(vec![
        ("consumer".into(), common::field(&qos, "consumer")),
        ("id".into(), common::field(&qos, "id")),
        ("name".into(), common::field(&qos, "name")),
        ("properties".into(), specs(&qos)),
    ]))
}

fn delete_qos(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let force = args.flag("force");
    osc_lib::multi::each_item(
        ctx,
        args,
        &args.strings("qos_specs"),
        |ctx, name| {
            let id = common::id(&find_qos(ctx, name)?);
            let call = api::call(ctx, &QOS_SPEC, Method::Delete, &qos_path(&id, ""))?;
            call.query(vec![("force".into(), openstack_sdk::py_bool(force))])
                .send(ctx)
                .map(|_| ())
        },
        |item, err| format!("Failed to delete QoS specification with name or ID '{item}': {err}"),
        |errors, total| format!("{errors} of {total} QoS specifications failed to delete."),
    )
}

fn disassociate_qos(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let qos = fail(find_qos(ctx, common::arg(args, "qos_spec")))?;
    let id = common::id(&qos);
    if let Some(volume_type) = args.str("volume_type").filter(|s| !s.is_empty()) {
        let type_id = common::id(&fail(find_type(ctx, volume_type))?);
        let call = api::raw_call(ctx, Method::Get, &qos_path(&id, "/disassociate"));
        fail(call.and_then(|c| c.query(vec![("vol_type_id".into(), type_id)]).send(ctx)))?;
    } else if args.flag("all") {
        fail(
            api::raw_call(ctx, Method::Get, &qos_path(&id, "/disassociate_all"))
                .and_then(|c| c.send(ctx)),
        )?;
    }
    Ok(Output::ok())
}

fn list_qos(ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
    let data = fail(api::list(ctx, &QOS_SPEC, "/qos-specs", &[], None))?;
    let mut rows = Vec::new();
    for qos in &data {
        let names = fail(associations(ctx, &common::id(qos)))?;
        rows.push(vec![
            common::field(qos, "id"),
            common::field(qos, "name"),
            common::field(qos, "consumer"),
            common::list_col(&Json::Array(names)),
            specs(qos),
        ]);
    }
    Ok(common::list(
        &["ID", "Name", "Consumer", "Associations", "Properties"],
        rows,
    ))
}

fn delete_keys(ctx: &mut ClientManager, id: &str, keys: Vec<String>) -> Res<()> {
    api::raw_call(ctx, Method::Put, &qos_path(id, "/delete_keys"))?
        .body(json!({"keys": keys}))
        .send(ctx)
        .map(|_| ())
}

fn set_qos(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let qos = fail(find_qos(ctx, common::arg(args, "qos_spec")))?;
    let id = common::id(&qos);
    let mut result = 0;
    if args.flag("no_property") {
        let keys = qos
            .get("specs")
            .and_then(Json::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        common::step(
            &mut result,
            "Failed to clean qos properties",
            delete_keys(ctx, &id, keys),
        );
    }
    let properties = common::key_values_json(args, "properties", "--property")?;
    if !properties.is_empty() {
        common::step(
            &mut result,
            "Failed to set qos property",
            api::update(ctx, &QOS_SPEC, &qos_path(&id, ""), properties),
        );
    }
    if result > 0 {
        return common::command_error("One or more of the set operations failed");
    }
    Ok(Output::ok())
}

fn show_qos(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let qos = fail(find_qos(ctx, common::arg(args, "qos_spec")))?;
    let names = fail(associations(ctx, &common::id(&qos)))?;
    let mut pairs = Vec::new();
    if !names.is_empty() {
        pairs.push((
            "associations".to_owned(),
            common::list_col(&Json::Array(names)),
        ));
    }
    pairs.push(("consumer".into(), common::field(&qos, "consumer")));
    pairs.push(("id".into(), common::field(&qos, "id")));
    pairs.push(("name".into(), common::field(&qos, "name")));
    pairs.push(("properties".into(), specs(&qos)));
    Ok(common::show(pairs))
}

fn unset_qos(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let qos = fail(find_qos(ctx, common::arg(args, "qos_spec")))?;
    let properties = args.strings("properties");
    if !properties.is_empty() {
        fail(delete_keys(ctx, &common::id(&qos), properties))?;
    }
    Ok(Output::ok())
}
