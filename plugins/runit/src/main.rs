//! `openstack-runit`: the runit plugin as an executable that `openstack` finds on PATH.

fn main() {
    std::process::exit(osc_lib::external::serve(&runit::RunitPlugin))
}
