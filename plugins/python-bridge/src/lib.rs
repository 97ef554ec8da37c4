//! The bridge that brings python-openstackclient plugins (osc-placement, python-mistralclient, ...) into
//! `openstack`: osc-lib's `external::python` finds them and runs `osc_bridge.py` (this directory's Python side,
//! which osc-lib embeds) with the plugins' own interpreter. This crate holds the Python side, the test set-up
//! (`setup-venv`), the compat cases (`src/*.cases`) and the tests (`tests/bridge.rs`); it has no Rust code of
//! its own. See `docs/plugins.md`, "Python plugins".
