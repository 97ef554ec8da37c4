//! `keypair create|delete|list|show` (openstacksdk `Keypair`): create imports a public key or generates an
//! Ed25519 key pair in OpenSSH format, as OSC's `_generate_keypair` does.

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use identity::common::{
    add_project_domain_option, add_user_domain_option, find_project_id_sdk, find_user_id_sdk, given,
};
use identity::output::{self, fail};
use identity::pagination::{add_marker_pagination_options, non_negative};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use super::options::{needs, write_stdout};
use crate::resources::KEYPAIR;
use openstack_sdk as sdk;
use openstack_sdk::{Call, Failure, Param, Res};

/// `Keypair._consume_attrs`: a list item is `{"keypair": {...}}`.
fn unwrap(item: Json) -> Json {
    match item {
        Json::Object(mut map) if map.contains_key("keypair") => {
            map.remove("keypair").unwrap_or(Json::Null)
        }
        other => other,
    }
}

/// `_get_keypair_columns` over the declared attributes (`id` is the name), sorted; the keys hidden as asked.
fn format_keypair(item: &Json, hide_private: bool) -> Output {
    let mut pairs: Vec<(&str, Value)> = vec![
        ("created_at", sdk::attr(item, "created_at")),
        ("fingerprint", sdk::attr(item, "fingerprint")),
        ("id", sdk::attr(item, "name")),
        ("is_deleted", sdk::bool_attr(item, "deleted")),
        ("name", sdk::attr(item, "name")),
    ];
    if !hide_private {
        pairs.push(("private_key", sdk::attr(item, "private_key")));
    }
    pairs.push((
        "type",
        item.get("type").map_or(Value::str("ssh"), Value::from_json),
    ));
    pairs.push(("user_id", sdk::attr(item, "user_id")));
    output::show(pairs)
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
fn base64(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(BASE64[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// An SSH wire-format string (length-prefixed).
fn ssh_string(out: &mut Vec<u8>, data: &[u8]) {
    // A key blob is far below 4 GiB.
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(data);
}

/// The OpenSSH private key (`-----BEGIN OPENSSH PRIVATE KEY-----`, unencrypted, no comment) and public key line
/// of an Ed25519 seed and public key, as `cryptography` writes them.
fn openssh_pair(seed: &[u8], public: &[u8], check: [u8; 4]) -> (String, String) {
    let mut public_blob = Vec::new();
    ssh_string(&mut public_blob, b"ssh-ed25519");
    ssh_string(&mut public_blob, public);
    let mut private = Vec::new();
    private.extend_from_slice(&check);
    private.extend_from_slice(&check);
    ssh_string(&mut private, b"ssh-ed25519");
    ssh_string(&mut private, public);
    let secret: Vec<u8> = seed.iter().chain(public).copied().collect();
    ssh_string(&mut private, &secret);
    ssh_string(&mut private, b"");
    let mut pad = 1u8;
    while private.len() % 8 != 0 {
        private.push(pad);
        pad += 1;
    }
    let mut blob = b"openssh-key-v1\0".to_vec();
    ssh_string(&mut blob, b"none");
    ssh_string(&mut blob, b"none");
    ssh_string(&mut blob, b"");
    blob.extend_from_slice(&1u32.to_be_bytes());
    ssh_string(&mut blob, &public_blob);
    ssh_string(&mut blob, &private);
    let encoded = base64(&blob);
    let mut pem = String::from("-----BEGIN OPENSSH PRIVATE KEY-----\n");
    for line in encoded.as_bytes().chunks(64) {
        pem.push_str(&String::from_utf8_lossy(line));
        pem.push('\n');
    }
    pem.push_str("-----END OPENSSH PRIVATE KEY-----\n");
    (pem, format!("ssh-ed25519 {}", base64(&public_blob)))
}

/// `_generate_keypair`: a new Ed25519 key pair in OpenSSH format (private, public).
fn generate_keypair() -> Result<(String, String)> {
    use ring::rand::SecureRandom;
    use ring::signature::KeyPair;
    let rng = ring::rand::SystemRandom::new();
    fn failed<E>(_: E) -> Error {
        Error::command("Failed to generate a key pair")
    }
    let document = ring::signature::Ed25519KeyPair::generate_pkcs8(&rng).map_err(failed)?;
    let pair = ring::signature::Ed25519KeyPair::from_pkcs8(document.as_ref()).map_err(failed)?;
    // ring's PKCS#8 v2 document: a 16-byte header, then the 32-byte seed.
    let seed = document
        .as_ref()
        .get(16..48)
        .ok_or_else(|| Error::command("Failed to generate a key pair"))?;
    let mut check = [0u8; 4];
    rng.fill(&mut check).map_err(failed)?;
    Ok(openssh_pair(seed, pair.public_key().as_ref(), check))
}

/// `os.path.expanduser`.
fn expand_user(path: &str) -> String {
    match (path.strip_prefix('~'), std::env::var("HOME")) {
        (Some(rest), Ok(home)) if rest.is_empty() || rest.starts_with('/') => {
            format!("{home}{rest}")
        }
        _ => path.to_owned(),
    }
}

/// Python's `str()` of an `OSError` from `open()`.
fn os_error(err: &std::io::Error, path: &str) -> String {
    let (errno, text) = match err.kind() {
        std::io::ErrorKind::NotFound => (2, "No such file or directory"),
        std::io::ErrorKind::PermissionDenied => (13, "Permission denied"),
        std::io::ErrorKind::IsADirectory => (21, "Is a directory"),
        _ => (err.raw_os_error().unwrap_or(5), "Input/output error"),
    };
    format!("[Errno {errno}] {text}: '{path}'")
}

fn user_option(help: &str) -> Arg {
    Arg::option(&["--user"]).metavar("<user>").help(help)
}

const USER_HELP: &str =
    "The owner of the keypair. (admin only) (name or ID). Requires ``--os-compute-api-version`` \
                         2.10 or greater.";

/// `--user` resolved to an ID, after the microversion check.
fn user_id(cm: &mut ClientManager, args: &Args) -> Result<Option<String>> {
    let Some(user) = given(args, "user") else {
        return Ok(None);
    };
    needs(cm, "2.10", "--user")?;
    fail(find_user_id_sdk(cm, user, given(args, "user_domain"), true)).map(Some)
}

fn user_params(user_id: &Option<String>) -> Vec<Param> {
    user_id
        .iter()
        .map(|id| ("user_id", Some(id.clone())))
        .collect()
}

/// The proxy's `find_keypair`: by name (the ID), then the list.
fn find_keypair(cm: &mut ClientManager, name: &str, user_id: &Option<String>) -> Res<Json> {
    let params = user_params(user_id);
    match sdk::fetch(cm, &KEYPAIR, KEYPAIR.base_path, name, &params, None) {
        Ok(found) => Ok(found),
        Err(failure) if matches!(failure.status(), Some(400 | 403 | 404)) => {
            let all = sdk::list(cm, &KEYPAIR, KEYPAIR.base_path, &params, None)?;
            let mut matches = all
                .into_iter()
                .map(unwrap)
                .filter(|item| sdk::str_of(item, "name") == Some(name));
            let first = matches
                .next()
                .ok_or_else(|| Failure::NotFound(format!("No Keypair found for {name}")))?;
            if matches.next().is_some() {
                return Err(Failure::Duplicate(format!(
                    "More than one Keypair exists with the name '{name}'."
                )));
            }
            Ok(first)
        }
        Err(failure) => Err(failure),
    }
}

/// `keypair create`.
pub struct CreateKeypair;

impl Command<ClientManager> for CreateKeypair {
    fn description(&self) -> &str {
        "Create new public or private key for server ssh access"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("New public or private key name"),
        );
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            Arg::option(&["--public-key"]).metavar("<file>").help(
                "Filename for public key to add. If not used, generates a private key in ssh-ed25519 format. To \
                 generate keys in other formats, including the legacy ssh-rsa format, you must use an external \
                 tool such as ssh-keygen and specify this argument.",
            ),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--private-key"]).metavar("<file>").help(
                "Filename for private key to save. If not used, print private key in console.",
            ),
        );
        parser.add(
            Arg::option(&["--type"])
                .metavar("<type>")
                .choices(&["ssh", "x509"])
                .help("Keypair type (supported by --os-compute-api-version 2.2 or above)"),
        );
        parser.add(user_option(
            "The owner of the keypair (admin only) (name or ID) (supported by --os-compute-api-version 2.10 or \
             above)",
        ));
        add_user_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut body = Map::new();
        body.insert(
            "name".into(),
            args.str("name").map_or(Json::Null, Json::from),
        );
        let mut generated_private = None;
        if let Some(file) = given(args, "public_key") {
            let key = std::fs::read_to_string(expand_user(file)).map_err(|err| {
                Error::command(format!(
                    "Key file {file} not found: {}",
                    os_error(&err, &expand_user(file))
                ))
            })?;
            body.insert("public_key".into(), Json::from(key));
        } else {
            let (private, public) = generate_keypair()?;
            body.insert("public_key".into(), Json::from(public));
            if let Some(file) = given(args, "private_key") {
                let path = expand_user(file);
                std::fs::write(&path, &private).map_err(|err| {
                    Error::command(format!(
                        "Key file {file} can not be saved: {}",
                        os_error(&err, &path)
                    ))
                })?;
            }
            generated_private = Some(private);
        }
        if let Some(key_type) = given(args, "type") {
            needs(ctx, "2.2", "--type")?;
            body.insert("type".into(), Json::from(key_type));
        }
        if let Some(user) = user_id(ctx, args)? {
            body.insert("user_id".into(), Json::from(user));
        }
        let keypair = fail(sdk::create(
            ctx,
            &KEYPAIR,
            Method::Post,
            KEYPAIR.base_path,
            body,
        ))?;
        if given(args, "public_key").is_some() || given(args, "private_key").is_some() {
            return Ok(format_keypair(&keypair, true));
        }
        write_stdout(generated_private.as_deref().unwrap_or(""))?;
        Ok(Output::show(Vec::new()))
    }
}

/// `keypair delete`.
pub struct DeleteKeypair;

impl Command<ClientManager> for DeleteKeypair {
    fn description(&self) -> &str {
        "Delete public or private key(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<key>")
                .nargs(Nargs::OneOrMore)
                .help("Name of key(s) to delete (name only)"),
        );
        parser.add(user_option(USER_HELP));
        add_user_domain_option(parser);
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let user = user_id(ctx, args)?;
        let query: Vec<(String, String)> = user
            .iter()
            .map(|id| ("user_id".to_owned(), id.clone()))
            .collect();
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("name"),
            |ctx, name| {
                let path = sdk::item_path(KEYPAIR.base_path, name);
                sdk::proxy::versioned(ctx, &KEYPAIR, Method::Delete, path)?
                    .query(query.clone())
                    .send(ctx)
                    .map(|_| ())
            },
            |name, err| format!("Failed to delete key with name '{name}': {err}"),
            output::delete_summary("keys"),
        )
    }
}

/// `keypair list`.
pub struct ListKeypair;

impl Command<ClientManager> for ListKeypair {
    fn description(&self) -> &str {
        "List key fingerprints"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            user_option(
                "Show keypairs for another user (admin only) (name or ID). Requires ``--os-compute-api-version`` \
                 2.10 or greater.",
            ),
        );
        add_user_domain_option(parser);
        parser.add_to_mutex(
            group,
            Arg::option(&["--project"]).metavar("<project>").help(
                "Show keypairs for all users associated with project (admin only) (name or ID). Requires \
                 ``--os-compute-api-version`` 2.10 or greater.",
            ),
        );
        add_project_domain_option(parser);
        add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let limit = non_negative(args, "limit", "--limit")?.filter(|l| *l != 0);
        let max_items = non_negative(args, "max_items", "--max-items")?.map(|m| m as usize);
        let mut params: Vec<Param> = Vec::new();
        if let Some(marker) = given(args, "marker") {
            needs(ctx, "2.35", "--marker")?;
            params.push(("marker", Some(marker.to_owned())));
        }
        if let Some(limit) = limit {
            needs(ctx, "2.35", "--limit")?;
            params.push(("limit", Some(limit.to_string())));
        }
        let mut data = Vec::new();
        if let Some(project) = given(args, "project") {
            needs(ctx, "2.10", "--project")?;
            let project_id = fail(find_project_id_sdk(
                ctx,
                project,
                given(args, "project_domain"),
                true,
                None,
            ))?;
            let query = vec![("scope.project.id".to_owned(), project_id)];
            let assignments = fail(
                Call::new("identity", Method::Get, "/role_assignments")
                    .query(query)
                    .json(ctx),
            )?;
            let mut user_ids: Vec<String> = Vec::new();
            if let Some(Json::Array(items)) = assignments.get("role_assignments") {
                for item in items {
                    if let Some(id) = item.pointer("/user/id").and_then(Json::as_str) {
                        if !user_ids.iter().any(|u| u == id) {
                            user_ids.push(id.to_owned());
                        }
                    }
                }
            }
            for id in user_ids {
                let mut with_user = params.clone();
                with_user.push(("user_id", Some(id)));
                data.extend(fail(sdk::list(
                    ctx,
                    &KEYPAIR,
                    KEYPAIR.base_path,
                    &with_user,
                    max_items,
                ))?);
            }
        } else {
            if let Some(id) = user_id(ctx, args)? {
                params.push(("user_id", Some(id)));
            }
            data = fail(sdk::list(
                ctx,
                &KEYPAIR,
                KEYPAIR.base_path,
                &params,
                max_items,
            ))?;
        }
        let rows = data
            .into_iter()
            .map(unwrap)
            .map(|k| {
                vec![
                    sdk::attr(&k, "name"),
                    sdk::attr(&k, "fingerprint"),
                    k.get("type").map_or(Value::str("ssh"), Value::from_json),
                ]
            })
            .collect();
        Ok(output::list(&["Name", "Fingerprint", "Type"], rows))
    }
}

/// `keypair show`.
pub struct ShowKeypair;

impl Command<ClientManager> for ShowKeypair {
    fn description(&self) -> &str {
        "Display key details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<key>")
                .help("Public or private key to display (name only)"),
        );
        parser.add(
            Arg::option(&["--public-key"])
                .flag()
                .help("Show only bare public key paired with the generated key"),
        );
        parser.add(user_option(USER_HELP));
        add_user_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let user = user_id(ctx, args)?;
        let keypair = fail(find_keypair(ctx, args.str("name").unwrap_or(""), &user))?;
        if args.flag("public_key") {
            write_stdout(&osc_lib::utils::py_str(&sdk::attr(&keypair, "public_key")))?;
            return Ok(Output::show(Vec::new()));
        }
        Ok(format_keypair(&keypair, false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openssh_format_of_a_known_key() {
        let seed = [7u8; 32];
        let public = [9u8; 32];
        let (private, public_line) = openssh_pair(&seed, &public, [1, 2, 3, 4]);
        assert_eq!(
            public_line,
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJ"
        );
        let lines: Vec<&str> = private.lines().collect();
        assert_eq!(lines[0], "-----BEGIN OPENSSH PRIVATE KEY-----");
        assert_eq!(
            lines[1],
            "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz"
        );
        assert_eq!(lines.last(), Some(&"-----END OPENSSH PRIVATE KEY-----"));
        assert!(lines[1..lines.len() - 1].iter().all(|l| l.len() <= 64));
    }

    #[test]
    fn base64_padding() {
        assert_eq!(base64(b"a"), "YQ==");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"abc"), "YWJj");
    }
}
