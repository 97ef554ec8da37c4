//! `console` commands (OSC's `openstackclient/compute/v2/console.py`).

use cliff::argparse::{Action, ArgValue};
use cliff::Value;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use super::server_common::{self as common, action, command_error, find_server, supports};
use crate::resources::{CONSOLE_AUTH_TOKEN, SERVER};
use openstack_sdk as sdk;
use openstack_sdk::Call;

/// `console connection show`.
pub struct ShowConsoleConnectionInformation;

impl Command<ClientManager> for ShowConsoleConnectionInformation {
    fn description(&self) -> &str {
        "Show server's remote console connection information"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("token")
                .metavar("<token>")
                .help("Nova console token to lookup"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_console_connection_information(ctx, args)
    }
}

/// `console log show`.
pub struct ShowConsoleLog;

impl Command<ClientManager> for ShowConsoleLog {
    fn description(&self) -> &str {
        "Show server's console output"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to show console log (name or ID)"),
        );
        parser.add(
            Arg::option(&["--lines"])
                .check(non_negative_lines)
                .int()
                .metavar("<num-lines>")
                .help("Number of lines to display from the end of the log (default=all)"),
        ); //  CUSTOM ACTION NonNegativeAction nargs=None default=None const=None
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_console_log(ctx, args)
    }
}

/// `console url show`.
pub struct ShowConsoleURL;

impl Command<ClientManager> for ShowConsoleURL {
    fn description(&self) -> &str {
        "Show server's remote console URL"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to show URL (name or ID)"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--novnc"])
                .dest("url_type")
                .action(Action::StoreConst(ArgValue::Str("novnc".to_owned())))
                .default(ArgValue::Str("novnc".to_owned()))
                .help("Show noVNC console URL (default)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--xvpvnc"])
                .dest("url_type")
                .action(Action::StoreConst(ArgValue::Str("xvpvnc".to_owned())))
                .help("Show xvpvnc console URL"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--spice"])
                .dest("url_type")
                .action(Action::StoreConst(ArgValue::Str("spice-html5".to_owned())))
                .help("Show SPICE console URL"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--spice-direct"])
                .dest("url_type")
                .action(Action::StoreConst(ArgValue::Str("spice-direct".to_owned())))
                .help("Show SPICE direct protocol native console URL"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--rdp"])
                .dest("url_type")
                .action(Action::StoreConst(ArgValue::Str("rdp-html5".to_owned())))
                .help("Show RDP console URL"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--serial"])
                .dest("url_type")
                .action(Action::StoreConst(ArgValue::Str("serial".to_owned())))
                .help("Show serial console URL"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--mks"])
                .dest("url_type")
                .action(Action::StoreConst(ArgValue::Str("webmks".to_owned())))
                .help("Show WebMKS console URL"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_console_url(ctx, args)
    }
}

fn show_console_log(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server = find_server(ctx, args.str("server").unwrap_or(""), true, false)?;
    let mut body = Map::new();
    if let Some(lines) = args.int("lines") {
        body.insert("length".into(), json!(lines));
    }
    let response = action(
        ctx,
        &sdk::id_of(&server),
        json!({"os-getConsoleOutput": body}),
        None,
    )?;
    let answer = response.json()?;
    let mut data = match answer.get("output") {
        Some(Json::String(text)) => text.clone(),
        _ => String::new(),
    };
    if !data.is_empty() && !data.ends_with('\n') {
        data.push('\n');
    }
    if !data.is_empty() {
        use std::io::Write;
        // Like cliff's stdout: a closed pipe is the framework's concern when it flushes.
        let mut out = std::io::stdout();
        let _ = out.write_all(data.as_bytes());
        let _ = out.flush();
    }
    Ok(Output::ok())
}

/// openstacksdk's `CONSOLE_TYPE_PROTOCOL_MAPPING`.
fn protocol_of(console_type: &str) -> Option<&'static str> {
    match console_type {
        "novnc" | "xvpvnc" => Some("vnc"),
        "spice-html5" | "spice-direct" => Some("spice"),
        "rdp-html5" => Some("rdp"),
        "serial" => Some("serial"),
        "webmks" => Some("mks"),
        _ => None,
    }
}

/// openstacksdk's `CONSOLE_TYPE_ACTION_MAPPING` (the server action before microversion 2.6).
fn console_action(console_type: &str) -> Option<&'static str> {
    match console_type {
        "novnc" | "xvpvnc" => Some("os-getVNCConsole"),
        "spice-html5" | "spice-direct" => Some("os-getSPICEConsole"),
        "rdp-html5" => Some("os-getRDPConsole"),
        "serial" => Some("os-getSerialConsole"),
        _ => None,
    }
}

fn show_console_url(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server = find_server(ctx, args.str("server").unwrap_or(""), true, false)?;
    let id = sdk::id_of(&server);
    let console_type = args.str("url_type").unwrap_or("novnc").to_owned();
    let remote = supports(ctx, "2.6")?;
    let console = if remote {
        if console_type == "webmks" && !supports(ctx, "2.8")? {
            return Err(command_error(
                "Console type webmks is not supported on server side",
            ));
        }
        if console_type == "spice-direct" && !supports(ctx, "2.99")? {
            return Err(command_error(
                "Console type spice-direct is not supported on server side",
            ));
        }
        common::use_class(ctx, "2.99")?;
        let path = format!("{}/remote-consoles", sdk::item_path(SERVER.base_path, &id));
        let body = json!({"remote_console": {"type": console_type, "protocol": protocol_of(&console_type)}});
        let answer = Call::new(common::COMPUTE, Method::Post, path)
            .body(body)
            .json(ctx)?;
        answer.get("remote_console").cloned().unwrap_or(answer)
    } else {
        let Some(name) = console_action(&console_type) else {
            return Err(command_error(format!(
                "Unsupported console type {console_type}"
            )));
        };
        let response = action(ctx, &id, json!({name: {"type": console_type}}), None)?;
        response
            .json()?
            .get("console")
            .cloned()
            .unwrap_or(Json::Null)
    };
    // `ServerRemoteConsole.to_dict()` (2.6+) or the action's dict, without the hidden columns.
    let mut rows: Vec<(String, Value)> = if remote {
        ["protocol", "type", "url"]
            .iter()
            .map(|key| ((*key).to_owned(), sdk::attr(&console, key)))
            .collect()
    } else {
        console
            .as_object()
            .map(|map| {
                map.iter()
                    .filter(|(key, _)| !["id", "links", "location", "name"].contains(&key.as_str()))
                    .map(|(key, value)| (key.clone(), Value::from_json(value)))
                    .collect()
            })
            .unwrap_or_default()
    };
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Output::show(rows))
}

fn show_console_connection_information(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    common::use_class(ctx, "2.99")?;
    let token = sdk::get(
        ctx,
        &CONSOLE_AUTH_TOKEN,
        CONSOLE_AUTH_TOKEN.base_path,
        args.str("token").unwrap_or(""),
    )?;
    let rows = [
        "host",
        "instance_uuid",
        "internal_access_path",
        "port",
        "tls_port",
    ]
    .iter()
    .map(|key| ((*key).to_owned(), sdk::attr(&token, key)))
    .collect();
    Ok(Output::show(rows))
}

/// `NonNegativeAction` on `--lines`.
fn non_negative_lines(value: &cliff::ArgValue) -> std::result::Result<(), String> {
    match value {
        cliff::ArgValue::Int(lines) => {
            osc_lib::parseractions::non_negative("--lines", *lines).map(|_| ())
        }
        _ => Ok(()),
    }
}
