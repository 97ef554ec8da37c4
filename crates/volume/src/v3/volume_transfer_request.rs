//! `volume transfer request accept|volume transfer request create|volume transfer request delete|volume transfer request list|volume transfer request show` (OSC `volume/v3/volume_transfer_request.py`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use cliff::ArgValue;
use osc_lib::Method;
use serde_json::{json, Map, Value as Json};

use crate::api;
use crate::common::{self, fail};
use crate::resources::TRANSFER;
use crate::v3::volume::find_volume;
use openstack_sdk::{Failure, Res};

/// `volume transfer request accept`.
pub struct AcceptTransferRequest;

impl Command<ClientManager> for AcceptTransferRequest {
    fn description(&self) -> &str {
        "Accept volume transfer request."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("transfer_request")
                .metavar("<transfer-request-id>")
                .help("Volume transfer request to accept (ID only)"),
        );
        parser.add(
            Arg::option(&["--auth-key"])
                .required()
                .metavar("<key>")
                .help("Volume transfer request authentication key"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        accept_transfer_request(ctx, args)
    }
}

/// `volume transfer request create`.
pub struct CreateTransferRequest;

impl Command<ClientManager> for CreateTransferRequest {
    fn description(&self) -> &str {
        "Create volume transfer request."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New transfer request name (default to None)"),
        );
        parser.add(Arg::option(&["--snapshots"]).action(Action::StoreTrue).default_none().help("Also transfer volume snapshots (default) (supported by --os-volume-api-version 3.55 or later)"));
        parser.add(Arg::option(&["--no-snapshots"]).dest("snapshots").action(Action::StoreFalse).help("Do not transfer volume snapshots (supported by --os-volume-api-version 3.55 or later)"));
        parser.add(
            Arg::positional("volume")
                .metavar("<volume>")
                .help("Volume to transfer (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_transfer_request(ctx, args)
    }
}

/// `volume transfer request delete`.
pub struct DeleteTransferRequest;

impl Command<ClientManager> for DeleteTransferRequest {
    fn description(&self) -> &str {
        "Delete volume transfer request(s)."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("transfer_request")
                .nargs(Nargs::OneOrMore)
                .metavar("<transfer-request>")
                .help("Volume transfer request(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        delete_transfer_request(ctx, args)
    }
}

/// `volume transfer request list`.
pub struct ListTransferRequest;

impl Command<ClientManager> for ListTransferRequest {
    fn description(&self) -> &str {
        "Lists all volume transfer requests."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--all-projects"])
                .flag()
                .help("Include all projects (admin only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_transfer_request(ctx, args)
    }
}

/// `volume transfer request show`.
pub struct ShowTransferRequest;

impl Command<ClientManager> for ShowTransferRequest {
    fn description(&self) -> &str {
        "Show volume transfer request details."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("transfer_request")
                .metavar("<transfer-request>")
                .help("Volume transfer request to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_transfer_request(ctx, args)
    }
}

/// Transfers live at `/volume-transfers` from microversion 3.55, at `/os-volume-transfer` before.
fn base(ctx: &mut ClientManager) -> Res<&'static str> {
    Ok(if api::supports(ctx, "3.55")? {
        "/volume-transfers"
    } else {
        "/os-volume-transfer"
    })
}

fn find_transfer(ctx: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    let base = base(ctx)?;
    let path = openstack_sdk::item_path(base, name_or_id);
    match api::call(ctx, &TRANSFER, Method::Get, &path).and_then(|c| c.json(ctx)) {
        Ok(found) => return Ok(TRANSFER.sdk.unwrap_body(found)),
        Err(f) if matches!(f.status(), Some(400 | 403 | 404)) => {}
        Err(f) => return Err(f),
    }
    api::find_in(ctx, &TRANSFER, "/volume-transfers", name_or_id, &[])
}

fn pairs(item: &Json, keys: &[&str]) -> Output {
    common::show(
        keys.iter()
            .map(|k| ((*k).to_owned(), common::field(item, k)))
            .collect(),
    )
}

fn accept_transfer_request(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let given = common::arg(args, "transfer_request");
    let id = match find_transfer(ctx, given) {
        Ok(found) => common::id(&found),
        Err(Failure::NotFound(_)) => given.to_owned(),
        Err(e) => return Err(e.into()),
    };
    let base = fail(base(ctx))?;
    let path = format!("{}/accept", openstack_sdk::item_path(base, &id));
    let body = json!({"accept": {"auth_key": args.str("auth_key")}});
    let answer =
        fail(api::call(ctx, &TRANSFER, Method::Post, &path).and_then(|c| c.body(body).json(ctx)))?;
    Ok(pairs(
        &TRANSFER.sdk.unwrap_body(answer),
        &["id", "name", "volume_id"],
    ))
}

fn create_transfer_request(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let mut attrs = Map::new();
    if let ArgValue::Bool(snapshots) = args.get("snapshots") {
        fail(api::require(ctx, "3.55", "'--(no-)snapshots' option"))?;
        attrs.insert("no_snapshots".into(), Json::Bool(!snapshots));
    }
    let volume = fail(find_volume(ctx, common::arg(args, "volume")))?;
    attrs.insert("volume_id".into(), Json::from(common::id(&volume)));
    attrs.insert(
        "name".into(),
        args.str("name").map_or(Json::Null, Json::from),
    );
    let base = fail(base(ctx))?;
    let transfer = fail(api::create(ctx, &TRANSFER, base, attrs))?;
    Ok(pairs(
        &transfer,
        &["auth_key", "created_at", "id", "name", "volume_id"],
    ))
}

fn delete_transfer_request(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    osc_lib::multi::each_item(
        ctx,
        args,
        &args.strings("transfer_request"),
        |ctx, id| {
            let base = base(ctx)?;
            api::delete(ctx, &TRANSFER, &openstack_sdk::item_path(base, id), false)
        },
        |item, err| {
            format!("Failed to delete volume transfer request with name or ID '{item}': {err}")
        },
        |errors, total| format!("{errors} of {total} volume transfer requests failed to delete"),
    )
}

fn list_transfer_request(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let path = format!("{}/detail", fail(base(ctx))?);
    let mut params = Vec::new();
    if args.flag("all_projects") {
        params.push(("all_projects", Some("True".to_owned())));
    }
    let data = fail(api::list(ctx, &TRANSFER, &path, &params, None))?;
    let rows = data
        .iter()
        .map(|t| {
            vec![
                common::field(t, "id"),
                common::field(t, "name"),
                common::field(t, "volume_id"),
            ]
        })
        .collect();
    Ok(common::list(&["ID", "Name", "Volume"], rows))
}

fn show_transfer_request(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let transfer = fail(find_transfer(ctx, common::arg(args, "transfer_request")))?;
    Ok(pairs(&transfer, &["created_at", "id", "name", "volume_id"]))
}
