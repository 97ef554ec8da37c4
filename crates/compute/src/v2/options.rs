//! What several compute commands share: OSC's `--property` (`KeyValueAction`) option, the check of a
//! microversion an option needs, and text a command writes before its result (`self.app.stdout.write`).

use std::io::Write;

use cliff::{Arg, Args, Error, Result};
use osc_lib::{parseractions, ClientManager};

use identity::output::fail;
use openstack_sdk as sdk;

/// A `--property <key=value>` option (`KeyValueAction`, dest `properties`).
pub fn property_option(help: &str) -> Arg {
    Arg::option(&["--property"])
        .metavar("<key=value>")
        .dest("properties")
        .append()
        .check(parseractions::key_value_check)
        .help(help)
}

/// The `--property` pairs, later keys replacing earlier ones.
pub fn properties(args: &Args) -> Result<Vec<(String, String)>> {
    parseractions::key_value(&args.strings("properties"))
        .map_err(|message| Error::usage(parseractions::argument_error("--property", &message)))
}

/// `sdk_utils.supports_microversion(compute_client, version)`.
pub fn supports(cm: &mut ClientManager, version: &str) -> Result<bool> {
    fail(sdk::microversion::supports(
        cm,
        crate::resources::SERVICE_TYPE,
        version,
    ))
}

/// "--os-compute-api-version <v> or greater is required to support the <option> option" when Nova lacks it.
pub fn needs(cm: &mut ClientManager, version: &str, option: &str) -> Result<()> {
    if !supports(cm, version)? {
        return Err(Error::command(format!(
            "--os-compute-api-version {version} or greater is required to support the {option} option"
        )));
    }
    Ok(())
}

/// `self.app.stdout.write(text)`: text written before the result is formatted (the private key of
/// `keypair create`, the range line of `usage show`).
pub fn write_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|err| Error::command(err.to_string()))
}
