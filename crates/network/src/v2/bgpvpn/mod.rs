//! `openstack.network.v2.bgpvpn`: BGP VPNs and their network, router and port associations (OSC's
//! `network/v2/bgpvpn`, served by Neutron's networking-bgpvpn plugin).

pub mod association;
#[allow(clippy::module_inception)]
pub mod bgpvpn;
pub mod network_association;
pub mod port_association;
pub mod router_association;

use std::sync::Arc;

use cliff::{Arg, Args, Error, Parser, Result};
use osc_lib::{parseractions, ClientManager, PluginCommand};
use serde_json::{Map, Value as Json};

use crate::common::{self, fail, NetResource};
use crate::extension::{add_project_owner, column_definitions};
use association::{
    CreateAssociation, DeleteAssociation, ListAssociation, SetAssociation, ShowAssociation,
};
use openstack_sdk::Param;

/// Every bgpvpn command, by its multi-word name.
#[rustfmt::skip]
pub fn commands() -> Vec<(&'static str, PluginCommand)> {
    let net = &network_association::OBJECT;
    let router = &router_association::OBJECT;
    let port = &port_association::OBJECT;
    vec![
        ("bgpvpn create", Arc::new(bgpvpn::CreateBgpvpn)),
        ("bgpvpn delete", Arc::new(bgpvpn::DeleteBgpvpn)),
        ("bgpvpn list", Arc::new(bgpvpn::ListBgpvpn)),
        ("bgpvpn network association create", Arc::new(CreateAssociation(net))),
        ("bgpvpn network association delete", Arc::new(DeleteAssociation(net))),
        ("bgpvpn network association list", Arc::new(ListAssociation(net))),
        ("bgpvpn network association show", Arc::new(ShowAssociation(net))),
        ("bgpvpn port association create", Arc::new(CreateAssociation(port))),
        ("bgpvpn port association delete", Arc::new(DeleteAssociation(port))),
        ("bgpvpn port association list", Arc::new(ListAssociation(port))),
        ("bgpvpn port association set", Arc::new(SetAssociation(port, "set"))),
        ("bgpvpn port association show", Arc::new(ShowAssociation(port))),
        ("bgpvpn port association unset", Arc::new(SetAssociation(port, "unset"))),
        ("bgpvpn router association create", Arc::new(CreateAssociation(router))),
        ("bgpvpn router association delete", Arc::new(DeleteAssociation(router))),
        ("bgpvpn router association list", Arc::new(ListAssociation(router))),
        ("bgpvpn router association set", Arc::new(SetAssociation(router, "set"))),
        ("bgpvpn router association show", Arc::new(ShowAssociation(router))),
        ("bgpvpn router association unset", Arc::new(SetAssociation(router, "unset"))),
        ("bgpvpn set", Arc::new(bgpvpn::SetBgpvpn("set"))),
        ("bgpvpn show", Arc::new(bgpvpn::ShowBgpvpn)),
        ("bgpvpn unset", Arc::new(bgpvpn::SetBgpvpn("unset"))),
    ]
}

/// `client.find_bgpvpn(name_or_id, ignore_missing=False)`.
pub fn find_bgpvpn(cm: &mut ClientManager, name_or_id: &str) -> Result<Json> {
    crate::extension::find(cm, &bgpvpn::BGPVPN, name_or_id)
}

/// osc-lib's `identity.find_project(sdk_connection, project, project_domain).id` for `--project`, when given:
/// unlike the network commands' lookup, a project (or domain) that is not found is an error ("No Project found
/// for x"); a 403 gives back the name as given.
fn owner_project_id(cm: &mut ClientManager, args: &Args) -> Result<Option<String>> {
    let Some(project) = common::present(args, "project") else {
        return Ok(None);
    };
    let domain = common::given(args, "project_domain");
    let mut lookup = || -> openstack_sdk::Res<String> {
        let domain_id = match domain {
            Some(domain) => {
                let found = openstack_sdk::find_one(
                    cm,
                    &identity::resources::DOMAIN,
                    identity::resources::DOMAIN.base_path,
                    domain,
                    &[],
                )?;
                Some(openstack_sdk::id_of(&found))
            }
            None => None,
        };
        let found = openstack_sdk::find_one(
            cm,
            &identity::resources::PROJECT,
            identity::resources::PROJECT.base_path,
            project,
            &[("domain_id", domain_id)],
        )?;
        Ok(openstack_sdk::id_of(&found))
    };
    match lookup() {
        Err(failure) if failure.is_forbidden() => Ok(Some(project.to_owned())),
        other => fail(other).map(Some),
    }
}

/// `--project` as the owner's project ID into the attributes, when given.
fn project_attr(cm: &mut ClientManager, args: &Args, attrs: &mut Map<String, Json>) -> Result<()> {
    if let Some(project_id) = owner_project_id(cm, args)? {
        attrs.insert("project_id".into(), Json::from(project_id));
    }
    Ok(())
}

/// `--long` and `--property` (`KeyValueAction`) of the list commands.
fn add_list_options(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--long"])
            .flag()
            .help("List additional fields in output"),
    );
    parser.add(
        Arg::option(&["--property"])
            .metavar("<key=value>")
            .append()
            .check(parseractions::key_value_check)
            .help(
                "Filter property to apply on returned BGP VPNs (repeat to filter on multiple properties)",
            ),
    );
}

/// The `--property` pairs (a later key replaces an earlier value).
fn properties(args: &Args) -> Result<Vec<(String, String)>> {
    parseractions::key_value(&args.strings("property")).map_err(Error::usage)
}

/// What openstacksdk's `Resource.list` makes of keyword filters: those the class's query mapping knows are
/// sent, those naming another body attribute filter the answer on the client side (compared as Python compares
/// the typed value with the string given), any other is dropped.
fn split_filters(
    res: &NetResource,
    filters: &[(String, String)],
) -> (Vec<Param>, Vec<(String, String)>) {
    let mut server = Vec::new();
    let mut client = Vec::new();
    for (key, value) in filters {
        if let Some((name, _)) = res.resource.query.iter().find(|(name, _)| name == key) {
            server.push((*name, Some(value.clone())));
        } else if res
            .attrs
            .iter()
            .any(|(name, _, kind)| name == key && *kind != common::Computed)
        {
            client.push((key.clone(), value.clone()));
        }
    }
    (server, client)
}

/// Keeps the items whose attributes equal the client-side filters.
fn client_filtered(res: &NetResource, items: Vec<Json>, filters: &[(String, String)]) -> Vec<Json> {
    items
        .into_iter()
        .filter(|item| {
            filters
                .iter()
                .all(|(key, value)| res.get(item, key) == Json::String(value.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn filters_split_as_openstacksdk_lists() {
        let filters = vec![
            ("name".to_owned(), "a".to_owned()),
            ("route_targets".to_owned(), "1:1".to_owned()),
            ("id".to_owned(), "x".to_owned()),
            ("unknown".to_owned(), "y".to_owned()),
            ("location".to_owned(), "z".to_owned()),
        ];
        let (server, client) = split_filters(&bgpvpn::BGPVPN, &filters);
        assert_eq!(server, vec![("name", Some("a".to_owned()))]);
        let keys: Vec<&str> = client.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["route_targets", "id"]);
        let items = vec![
            json!({"id": "x", "route_targets": ["1:1"]}),
            json!({"id": "y"}),
        ];
        let kept = client_filtered(&bgpvpn::BGPVPN, items.clone(), &client[1..]);
        assert_eq!(kept, vec![items[0].clone()]);
        assert!(client_filtered(&bgpvpn::BGPVPN, items, &client[..1]).is_empty());
    }
}
