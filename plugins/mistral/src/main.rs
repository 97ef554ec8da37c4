//! `openstack-mistral`: the Mistral plugin as an executable that `openstack` finds on PATH (external plugin).

fn main() {
    std::process::exit(osc_lib::external::serve(&mistral_plugin::MistralPlugin))
}
