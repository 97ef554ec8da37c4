//! What the network extension commands (OSC's `network/v2/{bgpvpn,dynamic_routing,fwaas,taas,vpnaas}`) share
//! beyond [`crate::common`]: their own delete loops, which log each deletion or failure and end with their own
//! summary, openstacksdk's `repr()` of a found resource, which some of their failures print, their look-ups by
//! name or ID, and the owner's `--project`.

use cliff::{Args, Error, Output, Parser, Result, Value};
use osc_lib::utils::py_str;
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self, NetResource};
use openstack_sdk as sdk;

/// The delete loop of the extension commands: each name found (`ignore_missing=False`) and deleted in order;
/// `deleted(id)` is logged as a warning after each deletion when given, a failure as "`<failure>` '`<name>`':
/// `<error>`", and any failure ends with `summary(failed, total)`.
pub fn delete_logged(
    cm: &mut ClientManager,
    res: &NetResource,
    names: &[String],
    deleted: Option<fn(&str) -> String>,
    failure: &str,
    summary: impl Fn(usize, usize) -> String,
) -> Result<Output> {
    let mut fails = 0;
    for name in names {
        let outcome = common::find(cm, res, name, &[]).and_then(|item| {
            let id = sdk::id_of(&item);
            common::delete(cm, res, &id).map(|()| id)
        });
        match outcome {
            Ok(id) => {
                if let Some(deleted) = deleted {
                    log::warn!("{}", deleted(&id));
                }
            }
            Err(err) => {
                fails += 1;
                log::error!("{failure} '{name}': {err}");
            }
        }
    }
    if fails > 0 {
        return Err(Error::command(summary(fails, names.len())));
    }
    Ok(Output::ok())
}

/// `repr()` of an openstacksdk resource as a network proxy's `find_*` returns it:
/// `<module>.<Class>(key=value, ...)`, the answer's attributes the class declares first, then the others (each
/// in the answer's order), then the computed `location`; each value as `str()` shows it.
pub fn resource_repr(
    cm: &mut ClientManager,
    res: &NetResource,
    module: &str,
    item: &Json,
) -> Result<String> {
    let declared = |key: &str| {
        res.attrs
            .iter()
            .any(|(name, k, _)| *k == key || *name == key)
            || res.shadowed.contains(&key)
    };
    let mut pairs: Vec<String> = Vec::new();
    if let Json::Object(map) = item {
        for known in [true, false] {
            for (key, value) in map.iter().filter(|(k, _)| declared(k) == known) {
                pairs.push(format!("{key}={}", py_str(&Value::from_json(value))));
            }
        }
    }
    let location = osc_lib::location::sdk_location(cm)?;
    pairs.push(format!("location={}", py_str(&location)));
    Ok(format!(
        "{module}.{}({})",
        res.resource.class,
        pairs.join(", ")
    ))
}

/// [`delete_logged`] of the commands that name the found resource, not the name given, when its deletion fails
/// (OSC's loop variable is rebound to `find_*`'s result): a failure to find logs "`<failure>` '`<name>`':
/// `<error>`", a failure to delete "`<failure>` '`<repr>`': `<error>`" ([`resource_repr`] with `module`).
pub fn delete_logged_found(
    cm: &mut ClientManager,
    res: &NetResource,
    module: &str,
    names: &[String],
    failure: &str,
    summary: impl Fn(usize, usize) -> String,
) -> Result<Output> {
    let mut fails = 0;
    for name in names {
        let item = match common::find(cm, res, name, &[]) {
            Ok(item) => item,
            Err(err) => {
                fails += 1;
                log::error!("{failure} '{name}': {err}");
                continue;
            }
        };
        if let Err(err) = common::delete(cm, res, &sdk::id_of(&item)) {
            fails += 1;
            let shown = resource_repr(cm, res, module, &item)?;
            log::error!("{failure} '{shown}': {err}");
        }
    }
    if fails > 0 {
        return Err(Error::command(summary(fails, names.len())));
    }
    Ok(Output::ok())
}

/// `client.find_<object>(name_or_id, ignore_missing=False)`.
pub fn find(cm: &mut ClientManager, res: &NetResource, name_or_id: &str) -> Result<Json> {
    common::fail(common::find(cm, res, name_or_id, &[]))
}

/// `client.find_<object>(name_or_id, ignore_missing=False).id`.
pub fn find_id(cm: &mut ClientManager, res: &NetResource, name_or_id: &str) -> Result<String> {
    Ok(sdk::id_of(&find(cm, res, name_or_id)?))
}

/// `identity_utils.add_project_owner_option_to_parser`: `--project` and `--project-domain`.
pub fn add_project_owner(parser: &mut Parser) {
    common::add_project_options(parser, "Owner's project (name or ID)");
}

/// `--project` as the owner's project ID into the attributes, when given (the network commands' look-up).
pub fn project_attr(
    cm: &mut ClientManager,
    args: &Args,
    attrs: &mut Map<String, Json>,
) -> Result<()> {
    if let Some(project_id) = common::project_id(cm, args)? {
        attrs.insert("project_id".into(), Json::from(project_id));
    }
    Ok(())
}

/// `column_util.get_column_definitions(attr_map, long_listing)` of an `_attr_map` of `(attribute, header, listed
/// only with --long)`: the headers and attributes shown.
pub fn column_definitions(
    attr_map: &[(&'static str, &'static str, bool)],
    long: bool,
) -> (Vec<&'static str>, Vec<&'static str>) {
    attr_map
        .iter()
        .filter(|(_, _, long_only)| long || !long_only)
        .map(|(attribute, header, _)| (*header, *attribute))
        .unzip()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_columns_only_with_long() {
        let map = [("id", "ID", false), ("project_id", "Project", true)];
        assert_eq!(column_definitions(&map, false), (vec!["ID"], vec!["id"]));
        assert_eq!(
            column_definitions(&map, true),
            (vec!["ID", "Project"], vec!["id", "project_id"])
        );
    }
}
