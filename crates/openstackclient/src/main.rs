//! The `openstack` binary: the built-in plugins and command groups, handed to the osc-lib shell.

mod common;

use std::sync::Arc;

use cliff::app::AppInfo;
use cliff::App;
use osc_lib::external;
use osc_lib::shell::OpenStackShell;
use osc_lib::Plugin;

fn main() {
    // Not `std::env::args()`: it panics on an argument that is not UTF-8; Python decodes those as surrogates.
    let argv = cliff::surrogate::args();
    let info = AppInfo {
        name: "openstack".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        description: "Command-line interface to the OpenStack APIs".to_owned(),
    };
    let plugins: Vec<Arc<dyn Plugin>> = vec![
        Arc::new(compute::ComputePlugin),
        Arc::new(identity::IdentityPlugin),
        Arc::new(image::ImagePlugin),
        Arc::new(network::NetworkPlugin),
        Arc::new(object_store::ObjectStorePlugin),
        Arc::new(volume::VolumePlugin),
        #[cfg(feature = "mistral")]
        Arc::new(mistral_plugin::MistralPlugin),
        #[cfg(feature = "runit")]
        Arc::new(runit::RunitPlugin),
    ];
    let groups = vec![common::cli_group(), common::common_group()];
    let shell = OpenStackShell::new(info, plugins, groups).with_external(external::discover());
    let mut app = App::new(shell);
    std::process::exit(app.run(&argv));
}
