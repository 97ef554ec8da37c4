//! `project cleanup` (OSC's `openstackclient/common/project_cleanup.py`): every resource of a project, found and
//! deleted as openstacksdk's `Connection.project_cleanup` does (`openstack/cloud/openstackcloud.py` and the
//! `_service_cleanup` of the compute, object-store, block-storage, network and image proxies).
//!
//! openstacksdk walks the services as a dependency graph on a pool of threads: compute and object-store first
//! (side by side), then block-storage, network and image (side by side, once compute is done). The rows of the
//! table come in the order the threads find them, so between services OSC's order changes from run to run;
//! within a service it is the order of the server's listings. We run the services one after the other in one
//! order the graph allows (compute, object-store, block-storage, network, image): one of OSC's possible outputs,
//! always the same.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::time::Duration;

use cliff::format::{render, Terminal};
use cliff::{Arg, Args, Command, Error, Output, Parser, Result, Value};
use osc_lib::config::CloudConfig;
use osc_lib::{ClientManager, Method, Transport};
use serde_json::{json, Value as Json};

use compute::resources::{SERVER, SERVER_GROUP};
use image::resources::IMAGE;
use network::common as net;
use network::resources::{
    FLOATING_IP, NETWORK, PORT, ROUTER, SECURITY_GROUP, SERVICE_PROVIDER, SUBNET,
};
use object_store::api as swift;
use openstack_sdk as sdk;
use openstack_sdk::wait::{wait_for_delete, Outcome, Wait};
use openstack_sdk::{Failure, Res};
use volume::api as cinder;
use volume::resources::{BACKUP, SNAPSHOT, VOLUME};

/// `wait_for_delete`'s pause between polls in the proxies (`interval=2`).
const DELETE_POLL: Duration = Duration::from_secs(2);
/// `wait_for_delete`'s limit in the proxies (`wait=120`).
const DELETE_WAIT: Duration = Duration::from_secs(120);
/// The device owners of a router's interface ports.
const ROUTER_INTERFACE_OWNERS: &[&str] = &[
    "network:router_interface",
    "network:router_interface_distributed",
    "network:ha_router_replicated_interface",
];

/// A VPN-as-a-service class of openstacksdk's network proxy (`network/v2/vpn_*.py`).
const fn vpn_class(
    class: &'static str,
    key: &'static str,
    plural: &'static str,
    base_path: &'static str,
) -> sdk::Resource {
    sdk::Resource {
        service: "network",
        class,
        key,
        plural,
        base_path,
        ..sdk::Resource::DEFAULT
    }
}

// lookup-only: fold into the network crate at merge (its vpnaas commands are not done yet)
/// The VPN classes in the order the network cleanup goes through them, with their `--skip-resource` names.
const VPN_CLASSES: [(sdk::Resource, &str); 5] = [
    (
        vpn_class(
            "VpnIPSecSiteConnection",
            "ipsec_site_connection",
            "ipsec_site_connections",
            "/vpn/ipsec-site-connections",
        ),
        "vpn_ipsec_site_connection",
    ),
    (
        vpn_class(
            "VpnService",
            "vpnservice",
            "vpnservices",
            "/vpn/vpnservices",
        ),
        "vpn_service",
    ),
    (
        vpn_class(
            "VpnEndpointGroup",
            "endpoint_group",
            "endpoint_groups",
            "/vpn/endpoint-groups",
        ),
        "vpn_endpoint_group",
    ),
    (
        vpn_class(
            "VpnIkePolicy",
            "ikepolicy",
            "ikepolicies",
            "/vpn/ikepolicies",
        ),
        "vpn_ike_policy",
    ),
    (
        vpn_class(
            "VpnIpsecPolicy",
            "ipsecpolicy",
            "ipsecpolicies",
            "/vpn/ipsecpolicies",
        ),
        "vpn_ipsec_policy",
    ),
];

/// `project cleanup`.
pub struct ProjectCleanup;

impl Command<ClientManager> for ProjectCleanup {
    fn description(&self) -> &str {
        "Clean resources associated with a project"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let action = parser.add_mutex(None, false);
        parser.add_to_mutex(
            action,
            Arg::option(&["--dry-run"])
                .flag()
                .help("List a project's resources but do not delete them"),
        );
        parser.add_to_mutex(
            action,
            Arg::option(&["--auto-approve"])
                .flag()
                .help("Delete resources without asking for confirmation"),
        );
        let project = parser.add_mutex(None, true);
        parser.add_to_mutex(
            project,
            Arg::option(&["--auth-project"])
                .flag()
                .help("Delete resources of the project used to authenticate"),
        );
        parser.add_to_mutex(
            project,
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Project to clean (name or ID)"),
        );
        parser.add(
            Arg::option(&["--created-before"])
                .metavar("<YYYY-MM-DDTHH24:MI:SS>")
                .help("Only delete resources created before the given time"),
        );
        parser.add(
            Arg::option(&["--updated-before"])
                .metavar("<YYYY-MM-DDTHH24:MI:SS>")
                .help("Only delete resources updated before the given time"),
        );
        parser.add(
            Arg::option(&["--skip-resource"])
                .metavar("<resource>")
                .append()
                .help("Skip cleanup of specific resource (repeat if necessary)"),
        );
        // Parsed as OSC parses it, and ignored as OSC ignores it: the project is found by name or ID alone.
        identity::common::add_project_domain_option(parser);
    }

    fn take_action(&self, cm: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut project_cm = match args.str("project") {
            Some(project) if !args.flag("auth_project") => {
                let found = sdk::find_one(
                    cm,
                    &identity::resources::PROJECT,
                    identity::resources::PROJECT.base_path,
                    project,
                    &[],
                )
                .map_err(Error::from)?;
                Some(connect_as_project(cm, &found)?)
            }
            _ => None,
        };
        let cm = project_cm.as_mut().unwrap_or(cm);
        log::info!("Searching resources...");
        let filters = Filters {
            created_before: args.str("created_before").map(str::to_owned),
            updated_before: args.str("updated_before").map(str::to_owned),
        };
        let skip = args.strings("skip_resource");
        let found = project_cleanup(cm, true, &filters, &skip);
        let rows = found
            .iter()
            .map(|r| {
                vec![
                    Value::str(r.class),
                    Value::str(r.id.clone()),
                    r.name.clone(),
                ]
            })
            .collect();
        let table = Output::List {
            columns: vec!["Type".to_owned(), "ID".to_owned(), "Name".to_owned()],
            rows,
        };
        // OSC formats the table itself (`TableFormatter` with `CLIFF_MAX_TERM_WIDTH`/`CLIFF_FIT_WIDTH`, no empty
        // table) and prints it before asking, so it is written here rather than returned.
        let terminal = Terminal::from_env(
            cliff::terminal::stdout_is_tty(),
            cliff::terminal::stdout_width(),
        )?;
        let text = render(&table, &Args::default(), terminal)?;
        let mut stdout = std::io::stdout();
        let _ = stdout.write_all(text.as_bytes());
        let _ = stdout.flush();
        if args.flag("dry_run") {
            return Ok(Output::ok());
        }
        if !args.flag("auto_approve")
            && !ask_user_yesno("These resources will be deleted. Are you sure")?
        {
            return Ok(Output::ok());
        }
        log::warn!("Deleting resources");
        project_cleanup(cm, false, &filters, &skip);
        Ok(Output::ok())
    }
}

/// openstacksdk's `connect_as_project(project)`: the same cloud and credentials, scoped to the project found
/// (its ID, name and domain ID replace the configured project and project domain).
fn connect_as_project(cm: &ClientManager, project: &Json) -> Result<ClientManager> {
    let mut cloud: CloudConfig = cm
        .settings
        .cloud
        .clone()
        .ok_or_else(|| Error::command("The cloud is not configured"))?;
    cloud.validate_auth(&mut |_| None)?;
    let id = sdk::str_of(project, "id").unwrap_or_default().to_owned();
    let name = sdk::str_of(project, "name").unwrap_or_default().to_owned();
    let domain = sdk::str_of(project, "domain_id")
        .unwrap_or_default()
        .to_owned();
    let mut overrides = vec![("project_id", id.as_str()), ("project_name", name.as_str())];
    if !domain.is_empty() {
        overrides.push(("project_domain_id", domain.as_str()));
    }
    cloud.override_auth(&overrides);
    let mut settings = cm.settings.clone();
    settings.cloud = Some(cloud.clone());
    let mut scoped = ClientManager::new(
        settings,
        Box::new(
            move || Ok(Box::new(osc_lib::connect::connect(&mut cloud)?) as Box<dyn Transport>),
        ),
    );
    for (api, version) in cm.api_versions() {
        scoped.set_api_version(api, version);
    }
    Ok(scoped)
}

/// OSC's `ask_user_yesno`: asks through `getpass` until the answer is one of `y`, `Y`, `yes`, `n`, `N`, `no`;
/// the end of the input fails as Python's `EOFError` does (an empty message).
fn ask_user_yesno(message: &str) -> Result<bool> {
    let prompt = format!("{message} [y/n]: ");
    loop {
        match getpass(&prompt).as_deref() {
            None => {
                // Python's `EOFError` has an empty message, which the shell still logs as an empty line; the
                // framework reports no empty message, so the line is written here.
                eprintln!();
                return Err(Error::command(""));
            }
            Some("y" | "Y" | "yes") => return Ok(true),
            Some("n" | "N" | "no") => return Ok(false),
            Some(_) => {}
        }
    }
}

/// Python's `getpass.getpass(prompt)`: on the controlling terminal with echo off when there is one; else on
/// stdin with echo off when stdin is a terminal; else stdin as it is, after "Warning: Password input may be
/// echoed." on stderr. `None` at the end of the input.
fn getpass(prompt: &str) -> Option<String> {
    if let Ok(tty) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
    {
        let echo = stty(Some(&tty), "-echo");
        let mut out = &tty;
        let _ = out.write_all(prompt.as_bytes());
        let _ = out.flush();
        let line = read_line(&mut BufReader::new(&tty));
        if echo {
            stty(Some(&tty), "echo");
        }
        if line.is_some() {
            let _ = out.write_all(b"\n");
        }
        return line;
    }
    let mut stderr = std::io::stderr();
    let echo = cliff::terminal::stdin_is_tty() && stty(None, "-echo");
    if !echo {
        let _ = writeln!(stderr, "Warning: Password input may be echoed.");
    }
    let _ = write!(stderr, "{prompt}");
    let _ = stderr.flush();
    let line = read_line(&mut std::io::stdin().lock());
    if echo {
        stty(None, "echo");
    }
    if line.is_some() {
        let _ = writeln!(stderr);
    }
    line
}

/// One line without its newline; `None` at the end of the input (or on a read error).
fn read_line(input: &mut impl BufRead) -> Option<String> {
    let mut line = String::new();
    match input.read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line.strip_suffix('\n').unwrap_or(&line).to_owned()),
    }
}

/// Runs `stty <arg>` on the terminal (the given one, else stdin); whether it worked.
fn stty(tty: Option<&std::fs::File>, arg: &str) -> bool {
    let stdin = match tty.map(std::fs::File::try_clone) {
        Some(Ok(file)) => std::process::Stdio::from(file),
        Some(Err(_)) => return false,
        None => std::process::Stdio::inherit(),
    };
    osc_lib::child_env::strip_secrets(&mut std::process::Command::new("stty"))
        .arg(arg)
        .stdin(stdin)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// `--created-before` and `--updated-before` (openstacksdk's `filters`).
#[derive(Debug, Default)]
struct Filters {
    created_before: Option<String>,
    updated_before: Option<String>,
}

/// A resource a cleanup function identified: a row of the table.
#[derive(Debug, Clone)]
struct Found {
    class: &'static str,
    id: String,
    name: Value,
}

/// How `_service_cleanup_del_res` decides whether a resource goes.
#[derive(Clone, Copy)]
enum Evaluation {
    /// `_service_cleanup_resource_filters_evaluation` with the command's filters.
    Filters,
    /// No filters and no evaluation function: always.
    Always,
    /// `fip_cleanup_evaluation`: a floating IP stays when its port is not going.
    FloatingIp,
}

/// One cleanup run: its settings, the resources identified so far (openstacksdk's `identified_resources`,
/// shared by the services) and the rows found (its `status_queue`).
struct Cleanup<'a> {
    cm: &'a mut ClientManager,
    dry_run: bool,
    filters: &'a Filters,
    skip: &'a [String],
    identified: HashSet<String>,
    found: Vec<Found>,
}

/// `Connection.project_cleanup(dry_run, status_queue, filters, skip_resources)`: the resources found, in order.
/// A service's failure is logged and the others go on, as openstacksdk's `cleanup_task` does.
fn project_cleanup(
    cm: &mut ClientManager,
    dry_run: bool,
    filters: &Filters,
    skip: &[String],
) -> Vec<Found> {
    type ServiceCleanup = fn(&mut Cleanup<'_>) -> Res<()>;
    let services: [(&str, &str, ServiceCleanup); 5] = [
        ("compute", "compute", compute_cleanup),
        ("object_store", "object-store", object_store_cleanup),
        ("block_storage", "block-storage", block_storage_cleanup),
        ("network", "network", network_cleanup),
        ("image", "image", image_cleanup),
    ];
    let mut run = Cleanup {
        cm,
        dry_run,
        filters,
        skip,
        identified: HashSet::new(),
        found: Vec::new(),
    };
    for (name, service_type, cleanup) in services {
        // Services absent from the catalog take no part (`get_enabled_services`).
        if run.cm.endpoint(service_type).is_err() {
            continue;
        }
        if let Err(err) = cleanup(&mut run) {
            log::error!("Error in the {name} cleanup function\n{err}");
        }
    }
    run.found
}

impl Cleanup<'_> {
    /// `should_skip_resource_cleanup`: `<service>.<resource>` was given to `--skip-resource`.
    fn skips(&self, service: &str, resource: &str) -> bool {
        let name = format!("{service}.{resource}");
        let skip = self.skip.contains(&name);
        if skip {
            log::debug!("Skipping resource {name} in project cleanup");
        }
        skip
    }

    /// The project the session is scoped to (`get_project_id`).
    fn project_id(&mut self) -> Res<String> {
        let token = self.cm.token()?;
        Ok(token
            .body
            .pointer("/token/project/id")
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_owned())
    }

    /// `_service_cleanup_resource_filters_evaluation`: every filter's attribute must exist and be at or before the
    /// filter's time. A time that does not parse is logged and counts for nothing (openstacksdk catches it).
    fn filters_match(&self, created: Option<&str>, updated: Option<&str>) -> bool {
        let mut conditions = Vec::new();
        for (attribute, limit, value) in [
            ("created_at", &self.filters.created_before, created),
            ("updated_at", &self.filters.updated_before, updated),
        ] {
            let Some(limit) = limit else { continue };
            match value.filter(|v| !v.is_empty()) {
                Some(value) => match (parse_iso8601(value), parse_iso8601(limit)) {
                    (Some(at), Some(before)) => conditions.push(at <= before),
                    _ => log::error!("Error during condition evaluation"),
                },
                None => {
                    log::debug!(
                        "Requested cleanup attribute {attribute} is not available on the resource"
                    );
                    conditions.push(false);
                }
            }
        }
        conditions.iter().all(|c| *c)
    }

    /// `_service_cleanup_del_res`: whether the resource goes; if so it is listed and identified, and unless this
    /// is a dry run deleted (a failure is logged, and the resource still counts as going).
    fn del_res(
        &mut self,
        found: Found,
        times: (Option<&str>, Option<&str>),
        evaluation: Evaluation,
        delete: impl FnOnce(&mut ClientManager) -> Res<()>,
    ) -> bool {
        let need = match evaluation {
            Evaluation::Filters => self.filters_match(times.0, times.1),
            Evaluation::Always => true,
            // `times.0` carries the floating IP's port here.
            Evaluation::FloatingIp => {
                !(times.0.is_some()
                    && !self.identified.is_empty()
                    && !self.identified.contains(times.0.unwrap_or_default()))
            }
        };
        if !need {
            return false;
        }
        self.identified.insert(found.id.clone());
        self.found.push(found.clone());
        if !self.dry_run {
            if let Err(err) = delete(self.cm) {
                log::error!(
                    "Cannot delete resource {}(id={}, name={}): {err}",
                    found.class,
                    found.id,
                    cliff::format::python_str(&found.name)
                );
            }
        }
        true
    }
}

/// A row for an item of a listing: its class, `id` and `name_key` attribute.
fn found(class: &'static str, item: &Json, name_key: &str) -> Found {
    Found {
        class,
        id: sdk::id_of(item),
        name: sdk::attr(item, name_key),
    }
}

/// `wait_for_delete(res, interval=2, wait=120)`: polls until the fetch answers 404 or a `deleted` status.
fn wait_gone(
    cm: &mut ClientManager,
    class: &str,
    id: &str,
    mut fetch: impl FnMut(&mut ClientManager) -> Res<Json>,
) -> Res<()> {
    let wait = Wait {
        error: Vec::new(),
        sleep_time: DELETE_POLL,
        ..Wait::default()
    };
    let outcome = wait_for_delete(
        &wait,
        DELETE_WAIT,
        || match fetch(cm) {
            Ok(item)
                if sdk::str_of(&item, "status")
                    .map(str::to_lowercase)
                    .as_deref()
                    == Some("deleted") =>
            {
                Err(Failure::NotFound(String::new()))
            }
            other => other,
        },
        |_| {},
    )?;
    match outcome {
        Outcome::TimedOut => Err(Failure::command(format!(
            "Timeout waiting for {class}:{id} to delete"
        ))),
        _ => Ok(()),
    }
}

/// The compute proxy's `_service_cleanup`: servers (waited for, with their ports identified as going), then the
/// server groups without members.
fn compute_cleanup(run: &mut Cleanup<'_>) -> Res<()> {
    if run.skips("compute", "server") {
        return Ok(());
    }
    let servers = sdk::list(run.cm, &SERVER, "/servers/detail", &[], None)?;
    let mut deleted = Vec::new();
    for server in &servers {
        let id = sdk::id_of(server);
        let path = sdk::item_path(SERVER.base_path, &id);
        let need = run.del_res(
            found("Server", server, "name"),
            (
                sdk::str_of(server, "created"),
                sdk::str_of(server, "updated"),
            ),
            Evaluation::Filters,
            |cm| sdk::delete(cm, &SERVER, &path, true),
        );
        if !run.dry_run && need {
            // The server's ports go with it: the network cleanup must know.
            let ports = net::list(run.cm, &PORT, &[("device_id", Some(id.clone()))], None)?;
            for port in &ports {
                run.identified.insert(sdk::id_of(port));
            }
            deleted.push(id);
        }
    }
    for id in &deleted {
        wait_gone(run.cm, "Server", id, |cm| {
            sdk::get(cm, &SERVER, SERVER.base_path, id)
        })?;
    }
    for group in sdk::list(run.cm, &SERVER_GROUP, SERVER_GROUP.base_path, &[], None)? {
        if group
            .get("members")
            .and_then(Json::as_array)
            .is_some_and(|m| !m.is_empty())
        {
            continue;
        }
        let path = sdk::item_path(SERVER_GROUP.base_path, &sdk::id_of(&group));
        run.del_res(
            found("ServerGroup", &group, "name"),
            (None, None),
            Evaluation::Filters,
            |cm| sdk::delete(cm, &SERVER_GROUP, &path, true),
        );
    }
    Ok(())
}

/// `Info.fetch`: Swift's `/info` at the root of the object-store endpoint.
fn swift_info(cm: &mut ClientManager) -> Res<Json> {
    let endpoint = cm.endpoint(swift::SERVICE)?;
    let root = match endpoint.split_once("://") {
        Some((scheme, rest)) => format!("{scheme}://{}", rest.split('/').next().unwrap_or(rest)),
        None => endpoint,
    };
    sdk::Call::new(swift::SERVICE, Method::Get, format!("{root}/info")).json(cm)
}

/// The object-store proxy's `_service_cleanup`: each container's objects, then the container when none stays.
/// Objects go by bulk delete when Swift offers it.
fn object_store_cleanup(run: &mut Cleanup<'_>) -> Res<()> {
    if run.skips("object_store", "container") || run.skips("object_store", "object") {
        return Ok(());
    }
    let bulk_max = swift_info(run.cm).ok().and_then(|info| {
        info.get("bulk_delete").map(|bulk| {
            bulk.get("max_deletes_per_request")
                .and_then(Json::as_u64)
                .unwrap_or(10000)
        })
    });
    let everything = swift::Listing {
        full: true,
        ..swift::Listing::default()
    };
    let mut elements: Vec<String> = Vec::new();
    for container in swift::container_list(run.cm, &everything)? {
        let container_name = sdk::str_of(&container, "name")
            .unwrap_or_default()
            .to_owned();
        let mut remaining = false;
        for object in swift::object_list(run.cm, &container_name, &everything)? {
            let object_name = sdk::str_of(&object, "name").unwrap_or_default().to_owned();
            let row = Found {
                class: "Object",
                id: object_name.clone(),
                name: Value::str(object_name.clone()),
            };
            // An object has no creation time; its update time is the listing's `last_modified` (the alias of
            // its `last-modified` header).
            let dry_run = std::mem::replace(&mut run.dry_run, true);
            let times = (None, sdk::str_of(&object, "last_modified"));
            let need = run.del_res(row, times, Evaluation::Filters, |_| Ok(()));
            run.dry_run = dry_run;
            if !need {
                remaining = true;
            } else if dry_run {
                continue;
            } else if let Some(max) = bulk_max {
                elements.push(format!("{container_name}/{object_name}"));
                if elements.len() as u64 >= max {
                    bulk_delete(run.cm, &mut elements)?;
                }
            } else {
                // openstacksdk joins the path with `utils.urljoin`, which strips the name's outer slashes.
                match swift::object_delete(run.cm, &container_name, object_name.trim_matches('/')) {
                    Err(failure) if failure.status() != Some(404) => return Err(failure),
                    _ => {}
                }
            }
        }
        if !elements.is_empty() {
            bulk_delete(run.cm, &mut elements)?;
        }
        if !remaining {
            let row = Found {
                class: "Container",
                id: container_name.clone(),
                name: Value::str(container_name.clone()),
            };
            run.del_res(
                row,
                (None, None),
                Evaluation::Filters,
                |cm| match swift::container_delete(cm, &container_name) {
                    Err(failure) if failure.status() != Some(404) => Err(failure),
                    _ => Ok(()),
                },
            );
        }
    }
    Ok(())
}

/// `_bulk_delete`: DELETE `?bulk-delete` with the quoted `container/object` names, one a line.
fn bulk_delete(cm: &mut ClientManager, elements: &mut Vec<String>) -> Res<()> {
    let data = elements
        .iter()
        .map(|e| swift::quote(e))
        .collect::<Vec<_>>()
        .join("\n");
    elements.clear();
    swift::call(cm, Method::Delete, "?bulk-delete")?
        .raw("text/plain", data.into_bytes())
        .header("Accept", "application/json")
        .send(cm)
        .map(|_| ())
}

/// The block-storage proxy's `_service_cleanup`: backups (for real, in up to 10 rounds, youngest first, those
/// with dependent backups left for a later round), snapshots (waited for), then volumes.
fn block_storage_cleanup(run: &mut Cleanup<'_>) -> Res<()> {
    if !run.skips("block_storage", "backup") {
        if run.dry_run {
            for backup in cinder::list(run.cm, &BACKUP, BACKUP.sdk.base_path, &[], None)? {
                let row = found("Backup", &backup, "name");
                let times = (
                    sdk::str_of(&backup, "created_at"),
                    sdk::str_of(&backup, "updated_at"),
                );
                run.del_res(row, times, Evaluation::Filters, |_| Ok(()));
            }
        } else {
            let mut rounds = 10;
            let mut again = true;
            while again && rounds > 0 {
                again = false;
                rounds -= 1;
                let params = [
                    ("sort_key", Some("created_at".to_owned())),
                    ("sort_dir", Some("desc".to_owned())),
                ];
                let backups = cinder::list(run.cm, &BACKUP, "/backups/detail", &params, None)?;
                let mut deleted = Vec::new();
                for backup in &backups {
                    if backup.get("has_dependent_backups").is_some_and(sdk::truthy) {
                        again = true;
                        continue;
                    }
                    let id = sdk::id_of(backup);
                    let path = sdk::item_path(BACKUP.sdk.base_path, &id);
                    let times = (
                        sdk::str_of(backup, "created_at"),
                        sdk::str_of(backup, "updated_at"),
                    );
                    if run.del_res(
                        found("Backup", backup, "name"),
                        times,
                        Evaluation::Filters,
                        |cm| cinder::delete(cm, &BACKUP, &path, true),
                    ) {
                        deleted.push(id);
                    }
                }
                for id in &deleted {
                    let _ = wait_gone(run.cm, "Backup", id, |cm| {
                        cinder::get(cm, &BACKUP, BACKUP.sdk.base_path, id)
                    });
                }
            }
        }
    }
    if !run.skips("block_storage", "snapshot") {
        let mut deleted = Vec::new();
        for snapshot in cinder::list(run.cm, &SNAPSHOT, SNAPSHOT.sdk.base_path, &[], None)? {
            let id = sdk::id_of(&snapshot);
            let path = sdk::item_path(SNAPSHOT.sdk.base_path, &id);
            let times = (
                sdk::str_of(&snapshot, "created_at"),
                sdk::str_of(&snapshot, "updated_at"),
            );
            let need = run.del_res(
                found("Snapshot", &snapshot, "name"),
                times,
                Evaluation::Filters,
                |cm| cinder::delete(cm, &SNAPSHOT, &path, true),
            );
            if need && !run.dry_run {
                deleted.push(id);
            }
        }
        for id in &deleted {
            let _ = wait_gone(run.cm, "Snapshot", id, |cm| {
                cinder::get(cm, &SNAPSHOT, SNAPSHOT.sdk.base_path, id)
            });
        }
    }
    if !run.skips("block_storage", "volume") {
        let path = format!("{}/detail", VOLUME.sdk.base_path);
        for item in cinder::list(run.cm, &VOLUME, &path, &[], None)? {
            let id = sdk::id_of(&item);
            let times = (
                sdk::str_of(&item, "created_at"),
                sdk::str_of(&item, "updated_at"),
            );
            run.del_res(
                found("Volume", &item, "name"),
                times,
                Evaluation::Filters,
                |cm| delete_volume(cm, &id),
            );
        }
    }
    Ok(())
}

/// `delete_volume(volume)`: DELETE with `cascade=False`, and `force=False` where Cinder knows it (3.23).
fn delete_volume(cm: &mut ClientManager, id: &str) -> Res<()> {
    let mut query = vec![("cascade".to_owned(), "False".to_owned())];
    if cinder::supports(cm, "3.23")? {
        query.push(("force".to_owned(), "False".to_owned()));
    }
    let path = sdk::item_path(VOLUME.sdk.base_path, id);
    match cinder::call(cm, &VOLUME, Method::Delete, &path)?
        .query(query)
        .send(cm)
    {
        Err(failure) if failure.status() != Some(404) => Err(failure),
        _ => Ok(()),
    }
}

/// The network proxy's `_service_cleanup`: floating IPs, security groups but `default`, then each network with
/// no port in use (its router interfaces detached and routers deleted, its unowned ports, subnets, the
/// network), then routers with no port left.
fn network_cleanup(run: &mut Cleanup<'_>) -> Res<()> {
    let project_id = run.project_id()?;
    let project = || [("project_id", Some(project_id.clone()))];
    let vpn = net::list(
        run.cm,
        &SERVICE_PROVIDER,
        &[("service_type", Some("VPN".to_owned()))],
        None,
    )?;
    if !vpn.is_empty() {
        let prefix = net::version_prefix(run.cm)?;
        for (resource, name) in VPN_CLASSES {
            if run.skips("network", name) {
                continue;
            }
            let base = format!("{prefix}{}", resource.base_path);
            for item in sdk::list(run.cm, &resource, &base, &[], None)? {
                let path = sdk::item_path(&base, &sdk::id_of(&item));
                // No VPN class has a creation or update time: any filter keeps them.
                run.del_res(
                    found(resource.class, &item, "name"),
                    (None, None),
                    Evaluation::Filters,
                    |cm| sdk::delete(cm, &resource, &path, true),
                );
            }
        }
    }
    if !run.skips("network", "floating_ip") {
        for ip in net::list(run.cm, &FLOATING_IP, &project(), None)? {
            let id = sdk::id_of(&ip);
            run.del_res(
                found("FloatingIP", &ip, "floating_ip_address"),
                (sdk::str_of(&ip, "port_id"), None),
                Evaluation::FloatingIp,
                |cm| net::delete(cm, &FLOATING_IP, &id),
            );
        }
    }
    if !run.skips("network", "security_group") {
        for group in net::list(run.cm, &SECURITY_GROUP, &project(), None)? {
            if sdk::str_of(&group, "name") == Some("default") {
                continue;
            }
            let id = sdk::id_of(&group);
            let times = (
                sdk::str_of(&group, "created_at"),
                sdk::str_of(&group, "updated_at"),
            );
            run.del_res(
                found("SecurityGroup", &group, "name"),
                times,
                Evaluation::Filters,
                |cm| net::delete(cm, &SECURITY_GROUP, &id),
            );
        }
    }
    let skip_networks = ["network", "router", "port", "subnet"]
        .iter()
        .any(|resource| run.skips("network", resource));
    if skip_networks {
        log::debug!(
            "Skipping cleanup of networks, routers, ports and subnets as those resources require all of them to \
             be cleaned up together, but at least one should be kept"
        );
    } else {
        for network in net::list(run.cm, &NETWORK, &project(), None)? {
            clean_network(run, &project_id, &network)?;
        }
    }
    if !run.skips("network", "router") {
        // openstacksdk lists every router the token may see here, not only the project's.
        for router in net::list(run.cm, &ROUTER, &[], None)? {
            let id = sdk::id_of(&router);
            let ports = net::list(run.cm, &PORT, &[("device_id", Some(id.clone()))], None)?;
            if ports.is_empty() {
                run.del_res(
                    found("Router", &router, "name"),
                    (None, None),
                    Evaluation::Always,
                    |cm| net::delete(cm, &ROUTER, &id),
                );
            }
        }
    }
    Ok(())
}

/// One network of [`network_cleanup`].
fn clean_network(run: &mut Cleanup<'_>, project_id: &str, network: &Json) -> Res<()> {
    let network_id = sdk::id_of(network);
    let on_network = || {
        [
            ("project_id", Some(project_id.to_owned())),
            ("network_id", Some(network_id.clone())),
        ]
    };
    let mut router_interfaces = Vec::new();
    let mut in_use = false;
    for port in net::list(run.cm, &PORT, &on_network(), None)? {
        let owner = sdk::str_of(&port, "device_owner").unwrap_or_default();
        if ROUTER_INTERFACE_OWNERS.contains(&owner) {
            router_interfaces.push(port);
        } else if owner == "network:dhcp" || owner.is_empty() {
            continue;
        } else if !run.identified.is_empty()
            && !run
                .identified
                .contains(sdk::str_of(&port, "device_id").unwrap_or_default())
        {
            // A port of something no other service is deleting.
            in_use = true;
        }
    }
    let times = (
        sdk::str_of(network, "created_at"),
        sdk::str_of(network, "updated_at"),
    );
    if in_use || !run.filters_match(times.0, times.1) {
        return Ok(());
    }
    for port in &router_interfaces {
        run.found.push(found("Port", port, "name"));
        let router_id = sdk::str_of(port, "device_id")
            .unwrap_or_default()
            .to_owned();
        let router = net::get(run.cm, &ROUTER, &router_id)?;
        if !run.dry_run {
            detach_interface(run.cm, &router, &sdk::id_of(port));
        }
        run.del_res(
            found("Router", &router, "name"),
            (None, None),
            Evaluation::Always,
            |cm| net::delete(cm, &ROUTER, &router_id),
        );
    }
    for port in net::list(run.cm, &PORT, &on_network(), None)? {
        if sdk::str_of(&port, "device_owner").is_some_and(|owner| !owner.is_empty()) {
            continue;
        }
        let id = sdk::id_of(&port);
        run.del_res(
            found("Port", &port, "name"),
            (None, None),
            Evaluation::Always,
            |cm| net::delete(cm, &PORT, &id),
        );
    }
    for subnet in net::list(run.cm, &SUBNET, &on_network(), None)? {
        let id = sdk::id_of(&subnet);
        run.del_res(
            found("Subnet", &subnet, "name"),
            (None, None),
            Evaluation::Always,
            |cm| net::delete(cm, &SUBNET, &id),
        );
    }
    run.del_res(
        found("Network", network, "name"),
        (None, None),
        Evaluation::Always,
        |cm| net::delete(cm, &NETWORK, &network_id),
    );
    Ok(())
}

/// Removes a router's static routes (its interfaces cannot go while they exist), then the interface port.
/// Failures are logged, as openstacksdk logs them.
fn detach_interface(cm: &mut ClientManager, router: &Json, port_id: &str) {
    let router_id = sdk::id_of(router);
    let routes = router.get("routes").cloned().unwrap_or(Json::Null);
    if routes.as_array().is_some_and(|r| !r.is_empty()) {
        let body = json!({"router": {"routes": routes}});
        if let Err(err) = router_action(cm, &router_id, "remove_extraroutes", body) {
            log::error!("Cannot delete routes {routes} from router {router_id}: {err}");
        }
    }
    let body = json!({ "port_id": port_id });
    if let Err(err) = router_action(cm, &router_id, "remove_router_interface", body) {
        log::error!("Cannot delete object {port_id}: {err}");
    }
}

/// PUT `/routers/<id>/<action>` with a body.
fn router_action(cm: &mut ClientManager, router_id: &str, action: &str, body: Json) -> Res<()> {
    let path = format!("{}/{action}", net::item_path(cm, &ROUTER, router_id)?);
    sdk::Call::new("network", Method::Put, path)
        .body(body)
        .send(cm)
        .map(|_| ())
}

/// The image proxy's `_service_cleanup`: the images the project owns.
fn image_cleanup(run: &mut Cleanup<'_>) -> Res<()> {
    if run.skips("image", "image") {
        return Ok(());
    }
    let owner = run.project_id()?;
    for item in sdk::list(
        run.cm,
        &IMAGE,
        IMAGE.base_path,
        &[("owner", Some(owner))],
        None,
    )? {
        let path = image::common::image_path(&sdk::id_of(&item));
        let times = (
            sdk::str_of(&item, "created_at"),
            sdk::str_of(&item, "updated_at"),
        );
        run.del_res(
            found("Image", &item, "name"),
            times,
            Evaluation::Filters,
            |cm| sdk::delete(cm, &IMAGE, &path, true),
        );
    }
    Ok(())
}

/// A cursor over the text `iso8601.parse_date` matches with its `ISO8601_REGEX`.
struct Cursor<'a> {
    text: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    /// `[0-9]{min,max}`, greedy.
    fn digits(&mut self, min: usize, max: usize) -> Option<i64> {
        let count = self.text[self.at..]
            .iter()
            .take(max)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if count < min {
            return None;
        }
        let value = std::str::from_utf8(&self.text[self.at..self.at + count])
            .ok()?
            .parse()
            .ok()?;
        self.at += count;
        Some(value)
    }

    /// The next byte, taken when it is one of `set`.
    fn take(&mut self, set: &[u8]) -> Option<u8> {
        let byte = *self.text.get(self.at)?;
        set.contains(&byte).then(|| {
            self.at += 1;
            byte
        })
    }

    fn at_end(&self) -> bool {
        self.at == self.text.len()
    }
}

/// `iso8601.parse_date`: `YYYY`, then optionally `-M`/`MM`, `-D`/`DD`, then `T` or a space and `HH`, `[:]MM`,
/// `[:]S[S]` with a `.`/`,` fraction, and `Z` or `±HH[[:]MM]`; no zone is UTC. Microseconds since the epoch,
/// `None` where it raises `ParseError` (including a date or time out of range). The regex's backtracking into a
/// one-digit month or day (`2026-123`) is not followed.
fn parse_iso8601(text: &str) -> Option<i64> {
    let mut c = Cursor {
        text: text.as_bytes(),
        at: 0,
    };
    let year = c.digits(4, 4)?;
    let (mut month, mut day) = (1, 1);
    let (mut hour, mut minute, mut second, mut micro, mut offset) = (0, 0, 0, 0, 0);
    if !c.at_end() {
        month = if c.take(b"-").is_some() {
            c.digits(1, 2)?
        } else {
            c.digits(2, 2)?
        };
        if c.at_end() && text.as_bytes()[4] != b'-' {
            return None; // YYYYMM is refused
        }
    }
    if !c.at_end() {
        day = if c.take(b"-").is_some() {
            c.digits(1, 2)?
        } else {
            c.digits(2, 2)?
        };
    }
    if !c.at_end() {
        c.take(b"T ")?;
        hour = c.digits(2, 2)?;
        let colon = c.take(b":").is_some();
        match c.digits(2, 2) {
            Some(value) => {
                minute = value;
                let colon = c.take(b":").is_some();
                match c.digits(1, 2) {
                    Some(value) => {
                        second = value;
                        if c.take(b".,").is_some() {
                            let start = c.at;
                            c.digits(1, usize::MAX)?;
                            let fraction = &text[start..c.at];
                            micro = format!("{:0<6}", &fraction[..fraction.len().min(6)])
                                .parse()
                                .ok()?;
                        }
                    }
                    None if colon => return None,
                    None => {}
                }
            }
            None if colon => return None,
            None => {}
        }
        if c.take(b"Z").is_none() {
            if let Some(sign) = c.take(b"+-") {
                let hours = c.digits(2, 2)?;
                c.take(b":");
                let minutes = c.digits(2, 2).unwrap_or(0);
                offset = (hours * 60 + minutes) * if sign == b'-' { -1 } else { 1 };
            }
        }
    }
    if !c.at_end()
        || !(1..=12).contains(&month)
        || day < 1
        || day > compute::v2::usage::days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return None;
    }
    let days = compute::v2::usage::days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset * 60;
    Some(seconds * 1_000_000 + micro)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso8601_forms_and_zones() {
        // The expected values are Python's `iso8601.parse_date(text).timestamp()`.
        let seconds = |text: &str| parse_iso8601(text).map(|micro| micro as f64 / 1e6);
        assert_eq!(seconds("1970-01-01"), Some(0.0));
        assert_eq!(seconds("2026"), Some(1767225600.0));
        assert_eq!(seconds("2026-12"), Some(1796083200.0));
        assert_eq!(seconds("2026-12-07T05"), Some(1796619600.0));
        assert_eq!(seconds("2026-12-07T0530"), Some(1796621400.0));
        assert_eq!(seconds("2026-12-07 05:30"), Some(1796621400.0));
        assert_eq!(seconds("2026-12-07T05:30:00.5+0130"), Some(1796616000.5));
        assert_eq!(seconds("2026-12-07T05:30:00,5Z"), Some(1796621400.5));
        assert_eq!(seconds("2026-12-07T07:30:00+02"), Some(1796621400.0));
        assert_eq!(seconds("20261207"), seconds("2026-12-07"));
        assert_eq!(
            parse_iso8601("2026-12-07T05:30:00.1234567"),
            parse_iso8601("2026-12-07T05:30:00.123456")
        );
        for bad in [
            "",
            "yesterday",
            "202612",
            "2026-13-01",
            "2026-11-31",
            "2026-12-07T",
            "2026-12-07T24:00",
            "2026-12-07Tx",
            "2026-12-07+1",
            "2026-12-07T05:30:00Zjunk",
        ] {
            assert_eq!(parse_iso8601(bad), None, "{bad}");
        }
    }

    fn evaluate(filters: &Filters, created: Option<&str>, updated: Option<&str>) -> bool {
        let mut cm =
            ClientManager::new(Default::default(), Box::new(|| Err(Error::command("none"))));
        let run = Cleanup {
            cm: &mut cm,
            dry_run: true,
            filters,
            skip: &[],
            identified: HashSet::new(),
            found: Vec::new(),
        };
        run.filters_match(created, updated)
    }

    #[test]
    fn filters_as_openstacksdk_evaluates_them() {
        let none = Filters::default();
        assert!(evaluate(&none, None, None));
        let created = Filters {
            created_before: Some("2026-12-07T05:30:00".into()),
            updated_before: None,
        };
        assert!(evaluate(&created, Some("2026-12-07T05:30:00Z"), None));
        assert!(evaluate(&created, Some("2026-12-07T05:29:59.999999"), None));
        assert!(!evaluate(&created, Some("2026-12-07T05:30:01Z"), None));
        // No such attribute (objects, containers, server groups): kept.
        assert!(!evaluate(&created, None, Some("2020-01-01")));
        let both = Filters {
            created_before: Some("2026-12-07".into()),
            updated_before: Some("2026-12-07".into()),
        };
        assert!(!evaluate(&both, Some("2026-12-01"), Some("2026-12-08")));
        assert!(evaluate(&both, Some("2026-12-01"), Some("2026-12-06")));
        // A time that does not parse is logged and counts for nothing.
        let bad = Filters {
            created_before: Some("soon".into()),
            updated_before: None,
        };
        assert!(evaluate(&bad, Some("2026-12-01"), None));
        assert!(!evaluate(&bad, None, None));
    }

    #[test]
    fn read_line_strips_the_newline_and_sees_the_end() {
        let mut input = std::io::Cursor::new("y\nno");
        assert_eq!(read_line(&mut input).as_deref(), Some("y"));
        assert_eq!(read_line(&mut input).as_deref(), Some("no"));
        assert_eq!(read_line(&mut input), None);
    }
}
