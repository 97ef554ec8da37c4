//! What the network extension commands (OSC's `network/v2/{bgpvpn,dynamic_routing,fwaas,taas,vpnaas}`) share
//! beyond [`crate::common`]: their own delete loop, which logs each deletion and ends with its own summary.

use cliff::{Error, Output, Result};
use osc_lib::ClientManager;

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
