//! Other services' resources the volume commands look up: Nova's servers (attachments, `volume list`) and
//! Glance's images (`volume create --image`).
// The server lookup stays here: the compute crate depends on this one (servers boot from volumes), so this one
// cannot depend on it.

use osc_lib::ClientManager;
use serde_json::Value as Json;

use openstack_sdk::{Res, Resource};

/// openstacksdk `compute.v2.server.Server`, as far as a lookup needs it.
pub const SERVER: Resource = Resource {
    service: "compute",
    class: "Server",
    key: "server",
    plural: "servers",
    base_path: "/servers",
    query: &[("name", "name")],
    ..Resource::DEFAULT
};

/// Glance's image, as the image crate declares it.
pub use image::resources::IMAGE;

/// `compute_client.find_server(name_or_id, ignore_missing=False)` (the list is `/servers/detail`).
pub fn find_server(ctx: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    openstack_sdk::find_one(ctx, &SERVER, "/servers/detail", name_or_id, &[])
}

/// `image_client.find_image(name_or_id, ignore_missing=False)`.
pub fn find_image(ctx: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    openstack_sdk::find_one(ctx, &IMAGE, IMAGE.base_path, name_or_id, &[])
}

/// The servers' names by ID (`compute_client.servers()`); any failure leaves the list empty, as OSC ignores it.
pub fn server_names(ctx: &mut ClientManager) -> Vec<(String, String)> {
    openstack_sdk::list(ctx, &SERVER, "/servers/detail", &[], None)
        .map(|servers| {
            servers
                .iter()
                .map(|s| {
                    let name = s.get("name").and_then(Json::as_str).unwrap_or("");
                    (openstack_sdk::id_of(s), name.to_owned())
                })
                .collect()
        })
        .unwrap_or_default()
}
