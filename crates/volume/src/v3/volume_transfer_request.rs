//! `volume transfer request accept|volume transfer request create|volume transfer request delete|volume transfer request list|volume transfer request show` (OSC `volume/v3/volume_transfer_request.py`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use crate::common;

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
        common::not_yet(ctx, args)
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
        common::not_yet(ctx, args)
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
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
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
        common::not_yet(ctx, args)
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
        common::not_yet(ctx, args)
    }
}
