//! `extension list|show` (OSC's `openstackclient/common/extension.py`): the API extensions of Nova, Cinder and
//! Neutron (Keystone v3 has none).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use identity::output::fail;
use osc_lib::ClientManager;
use serde_json::Value as Json;

use crate::common::availability_zone::NETWORK_EXTENSION;
use compute::resources::EXTENSION as COMPUTE_EXTENSION;
use openstack_sdk as sdk;
use openstack_sdk::{Failure, Res, Resource};

// lookup-only: fold into the volume crate at merge
/// openstacksdk's `block_storage.v3.extension.Extension`.
pub const VOLUME_EXTENSION: Resource = Resource {
    service: "block-storage",
    class: "Extension",
    plural: "extensions",
    base_path: "/extensions",
    ..Resource::DEFAULT
};

/// `find_extension` of the network proxy: by alias (its ID), then every extension by alias or name.
pub fn find_network_extension(cm: &mut ClientManager, name_or_alias: &str) -> Res<Json> {
    match sdk::fetch(
        cm,
        &NETWORK_EXTENSION,
        NETWORK_EXTENSION.base_path,
        name_or_alias,
        &[],
        None,
    ) {
        Ok(found) => return Ok(found),
        Err(failure) if matches!(failure.status(), Some(400 | 403 | 404)) => {}
        Err(failure) => return Err(failure),
    }
    let all = sdk::list(
        cm,
        &NETWORK_EXTENSION,
        NETWORK_EXTENSION.base_path,
        &[],
        None,
    )?;
    let mut matches = all.into_iter().filter(|e| {
        sdk::str_of(e, "alias") == Some(name_or_alias)
            || sdk::str_of(e, "name") == Some(name_or_alias)
    });
    let found = matches
        .next()
        .ok_or_else(|| Failure::NotFound(format!("No Extension found for {name_or_alias}")))?;
    if matches.next().is_some() {
        return Err(Failure::Duplicate(format!(
            "More than one Extension exists with the name '{name_or_alias}'."
        )));
    }
    Ok(found)
}

/// `extension list`.
pub struct ListExtension;

impl Command<ClientManager> for ListExtension {
    fn description(&self) -> &str {
        "List API extensions"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--compute"])
                .flag()
                .help("List extensions for the Compute API"),
        );
        parser.add(
            Arg::option(&["--identity"])
                .flag()
                .help("List extensions for the Identity API (only supported by v2)"),
        );
        parser.add(
            Arg::option(&["--network"])
                .flag()
                .help("List extensions for the Network API"),
        );
        parser.add(
            Arg::option(&["--volume"])
                .flag()
                .help("List extensions for the Block Storage API"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (identity, compute, network, volume) = (
            args.flag("identity"),
            args.flag("compute"),
            args.flag("network"),
            args.flag("volume"),
        );
        let all = !identity && !compute && !network && !volume;
        let mut data: Vec<Json> = Vec::new();
        // Only identity v2 has extensions; this client speaks v3 (OSC skips it the same way).
        if compute || all {
            match sdk::list(
                ctx,
                &COMPUTE_EXTENSION,
                COMPUTE_EXTENSION.base_path,
                &[],
                None,
            ) {
                Ok(items) => data.extend(items),
                Err(_) => log::warn!("Extensions list not supported by Compute API"),
            }
        }
        if volume || all {
            if ctx.endpoint(VOLUME_EXTENSION.service).is_ok() {
                match sdk::list(
                    ctx,
                    &VOLUME_EXTENSION,
                    VOLUME_EXTENSION.base_path,
                    &[],
                    None,
                ) {
                    Ok(items) => data.extend(items),
                    Err(_) => log::warn!("Extensions list not supported by Block Storage API"),
                }
            } else if volume {
                log::warn!("Block Storage API is not available in the current cloud");
            }
        }
        if network || all {
            match sdk::list(
                ctx,
                &NETWORK_EXTENSION,
                NETWORK_EXTENSION.base_path,
                &[],
                None,
            ) {
                Ok(items) => data.extend(items),
                Err(_) => log::warn!("Failed to retrieve extensions list from Network API"),
            }
        }
        let long = args.flag("long");
        let mut columns = vec!["Name", "Alias", "Description"];
        let mut keys = vec!["name", "alias", "description"];
        if long {
            columns.extend(["Namespace", "Updated At", "Links"]);
            keys.extend(["namespace", "updated", "links"]);
        }
        let rows = data
            .iter()
            .map(|e| {
                keys.iter()
                    .map(|k| e.get(*k).map_or_else(|| Value::str(""), Value::from_json))
                    .collect()
            })
            .collect();
        Ok(Output::List {
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            rows,
        })
    }
}

/// `extension show`.
pub struct ShowExtension;

impl Command<ClientManager> for ShowExtension {
    fn description(&self) -> &str {
        "Show API extension"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("extension").metavar("<extension>").help(
            "Extension to display. Currently, only network extensions are supported. (Name or Alias)",
        ));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let extension = fail(find_network_extension(
            ctx,
            args.str("extension").unwrap_or(""),
        ))?;
        Ok(Output::show(vec![
            ("alias".to_owned(), sdk::attr(&extension, "alias")),
            (
                "description".to_owned(),
                sdk::attr(&extension, "description"),
            ),
            ("name".to_owned(), sdk::attr(&extension, "name")),
            ("updated_at".to_owned(), sdk::attr(&extension, "updated")),
        ]))
    }
}
