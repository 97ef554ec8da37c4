//! Bench driver, not a command: moves one body up or down through the layer's streamed transfer path
//! ([`openstack_sdk::transfer`]), so that `scripts/bench --only transfer` can time a 1 GiB image and object
//! against curl and OSC before `image create --file` and `object create` exist in `openstack`.
//!
//! ```text
//! transfer upload SERVICE PATH FILE     PUT FILE to PATH of SERVICE's endpoint (Content-Length, octet-stream)
//! transfer download SERVICE PATH FILE   GET PATH of SERVICE's endpoint into FILE (/dev/null for the bench)
//! ```
//!
//! e.g. `transfer upload image /v2/images/ID/file big.raw`, `transfer download object-store /CONTAINER/NAME
//! /dev/null`. It authenticates as `openstack` does: the cloud is chosen by the `OS_*` variables and clouds.yaml
//! (osc-lib's global options at their defaults, `CloudConfig::load`, `connect`), with osc-lib's token cache.
//! Errors go to stderr on one line, exit code 1.

use std::fs::File;
use std::path::Path;

use cliff::Parser;
use openstack_sdk::transfer::{self, Source};
use openstack_sdk::Call;
use osc_lib::clientmanager::Settings;
use osc_lib::config::{CloudConfig, ConfigPaths, Environment};
use osc_lib::{ClientManager, Method, Transport};

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let [direction, service, path, file] = argv.as_slice() else {
        eprintln!("usage: transfer upload|download SERVICE PATH FILE");
        std::process::exit(2);
    };
    if let Err(message) = run(direction, service, path, file) {
        eprintln!("transfer: {message}");
        std::process::exit(1);
    }
}

/// The client manager `openstack` would build with no command-line option: the same global options (so the same
/// `OS_*` defaults), the same clouds.yaml search, the same session.
fn client_manager() -> Result<ClientManager, String> {
    let env = Environment::from_process();
    let mut parser = Parser::new("transfer");
    osc_lib::options::add_to_parser(
        &mut parser,
        &osc_lib::options::global_options(&env, Vec::new()),
    );
    let args = parser.parse_args(&[]).map_err(|err| err.message)?;
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut cloud = CloudConfig::load(&args, &env, &ConfigPaths::standard(&env, &cwd))
        .map_err(|err| err.message)?;
    Ok(ClientManager::new(
        Settings::default(),
        Box::new(
            move || Ok(Box::new(osc_lib::connect::connect(&mut cloud)?) as Box<dyn Transport>),
        ),
    ))
}

fn run(direction: &str, service: &str, path: &str, file: &str) -> Result<(), String> {
    let mut cm = client_manager()?;
    match direction {
        "upload" => {
            let mut source = Source::open(Some(Path::new(file))).map_err(|err| err.to_string())?;
            let call = Call::new(service, Method::Put, path.to_owned());
            transfer::upload(
                &mut cm,
                &call,
                &mut source,
                "application/octet-stream",
                None,
            )
            .map_err(|err| err.to_string())?;
        }
        "download" => {
            let mut sink = File::create(file).map_err(|err| format!("{file}: {err}"))?;
            let call = Call::new(service, Method::Get, path.to_owned());
            transfer::download(&mut cm, &call, &mut sink, None).map_err(|err| err.to_string())?;
        }
        other => return Err(format!("unknown direction {other:?} (upload or download)")),
    }
    Ok(())
}
