//! The `openstack` binary: the built-in plugins and command groups, handed to the osc-lib shell.

mod common;
mod identity;

use std::sync::Arc;

use cliff::app::AppInfo;
use cliff::App;
use osc_lib::shell::OpenStackShell;

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let info = AppInfo {
        name: "openstack".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        description: "Command-line interface to the OpenStack APIs".to_owned(),
    };
    let plugins: Vec<Arc<dyn osc_lib::Plugin>> = vec![Arc::new(identity::IdentityPlugin)];
    let groups = vec![common::cli_group(), common::common_group()];
    let mut app = App::new(OpenStackShell::new(info, plugins, groups));
    std::process::exit(app.run(&argv));
}
