//! `hypervisor stats show` (Nova's deprecated `/os-hypervisors/statistics`, asked at 2.1 as OSC does).

use cliff::{Command, CommandKind, Output, Result, Value};
use identity::output::fail;
use osc_lib::{ClientManager, Method};
use serde_json::Value as Json;

use crate::resources::SERVICE_TYPE;
use openstack_sdk::Call;

/// `hypervisor stats show`.
pub struct ShowHypervisorStats;

impl Command<ClientManager> for ShowHypervisorStats {
    fn description(&self) -> &str {
        "Display hypervisor stats details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn take_action(&self, ctx: &mut ClientManager, _args: &cliff::Args) -> Result<Output> {
        log::warn!("This command is deprecated.");
        let answer = fail(
            Call::new(SERVICE_TYPE, Method::Get, "/os-hypervisors/statistics")
                .microversion("2.1")
                .json(ctx),
        )?;
        let mut pairs: Vec<(String, Value)> = match answer.get("hypervisor_statistics") {
            Some(Json::Object(map)) => map
                .iter()
                .filter(|(k, _)| !["id", "links", "location", "name"].contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), Value::from_json(v)))
                .collect(),
            _ => Vec::new(),
        };
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Output::show(pairs))
    }
}
