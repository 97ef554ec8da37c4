//! `trust create|delete|list|show` (openstacksdk `Trust`).

use cliff::argparse::Nargs;
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use crate::common::{self, given, parse_expiration};
use crate::output::{self, fail};
use crate::resources::{DOMAIN, PROJECT, ROLE, TRUST, USER};
use crate::v3::project::auth_user_id;
use openstack_sdk as sdk;
use openstack_sdk::{Param, Res, Resource};

/// `_format_trust`.
pub fn format_trust(item: &Json) -> Output {
    output::show(vec![
        ("expires_at", sdk::attr(item, "expires_at")),
        ("id", sdk::attr(item, "id")),
        ("is_impersonation", sdk::bool_attr(item, "impersonation")),
        ("project_id", sdk::attr(item, "project_id")),
        (
            "redelegated_trust_id",
            sdk::attr(item, "redelegated_trust_id"),
        ),
        ("redelegation_count", sdk::attr(item, "redelegation_count")),
        ("remaining_uses", sdk::attr(item, "remaining_uses")),
        ("roles", sdk::attr(item, "roles")),
        ("trustee_user_id", sdk::attr(item, "trustee_user_id")),
        ("trustor_user_id", sdk::attr(item, "trustor_user_id")),
    ])
}

/// A user, project or role ID, looked up within a domain when given; a 403 keeps the name as given.
fn lookup(
    ctx: &mut ClientManager,
    resource: &Resource,
    name: &str,
    domain: Option<&str>,
) -> Res<String> {
    let found = (|| {
        let params: Vec<Param> = match domain {
            Some(domain) => {
                let domain_id =
                    sdk::id_of(&sdk::find_one(ctx, &DOMAIN, DOMAIN.base_path, domain, &[])?);
                vec![("domain_id", Some(domain_id))]
            }
            None => Vec::new(),
        };
        sdk::find_one(ctx, resource, resource.base_path, name, &params)
    })();
    match found {
        Ok(item) => Ok(sdk::id_of(&item)),
        Err(failure) if failure.is_forbidden() => Ok(name.to_owned()),
        Err(failure) => Err(failure),
    }
}

/// `trust create`.
pub struct CreateTrust;

impl Command<ClientManager> for CreateTrust {
    fn description(&self) -> &str {
        "Create new trust"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("trustor")
                .metavar("<trustor-user>")
                .help("User that is delegating authorization (name or ID)"),
        );
        parser.add(
            Arg::positional("trustee")
                .metavar("<trustee-user>")
                .help("User that is assuming authorization (name or ID)"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .required()
                .help("Project being delegated (name or ID) (required)"),
        );
        parser.add(
            Arg::option(&["--role"])
                .metavar("<role>")
                .dest("roles")
                .append()
                .default(ArgValue::List(Vec::new()))
                .required()
                .help("Roles to authorize (name or ID) (repeat option to set multiple values, required)"),
        );
        parser.add(
            Arg::option(&["--impersonate"])
                .dest("is_impersonation")
                .flag()
                .help(
                    "Tokens generated from the trust will represent <trustor> (defaults to False)",
                ),
        );
        parser.add(
            Arg::option(&["--expiration"])
                .metavar("<expiration>")
                .help("Sets an expiration date for the trust (format of YYYY-mm-ddTHH:MM:SS)"),
        );
        common::add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--trustor-domain"])
                .metavar("<trustor-domain>")
                .help("Domain that contains <trustor> (name or ID)"),
        );
        parser.add(
            Arg::option(&["--trustee-domain"])
                .metavar("<trustee-domain>")
                .help("Domain that contains <trustee> (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let trustor = fail(lookup(
            ctx,
            &USER,
            args.str("trustor").unwrap_or(""),
            given(args, "trustor_domain"),
        ))?;
        let trustee = fail(lookup(
            ctx,
            &USER,
            args.str("trustee").unwrap_or(""),
            given(args, "trustee_domain"),
        ))?;
        let project = fail(lookup(
            ctx,
            &PROJECT,
            args.str("project").unwrap_or(""),
            given(args, "project_domain"),
        ))?;
        let mut roles = Vec::new();
        for role in args.strings("roles") {
            roles.push(json!({"id": fail(lookup(ctx, &ROLE, &role, None))?}));
        }
        let mut body = Map::new();
        if let Some(expiration) = given(args, "expiration") {
            body.insert(
                "expires_at".to_owned(),
                Json::from(parse_expiration(expiration)?),
            );
        }
        body.insert(
            "impersonation".to_owned(),
            Json::Bool(args.flag("is_impersonation")),
        );
        body.insert("project_id".to_owned(), Json::from(project));
        body.insert("roles".to_owned(), Json::Array(roles));
        body.insert("trustee_user_id".to_owned(), Json::from(trustee));
        body.insert("trustor_user_id".to_owned(), Json::from(trustor));
        let trust = fail(sdk::create(
            ctx,
            &TRUST,
            Method::Post,
            TRUST.base_path,
            body,
        ))?;
        Ok(format_trust(&trust))
    }
}

/// `trust delete`.
pub struct DeleteTrust;

impl Command<ClientManager> for DeleteTrust {
    fn description(&self) -> &str {
        "Delete trust(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("trust")
                .metavar("<trust>")
                .nargs(Nargs::OneOrMore)
                .help("Trust(s) to delete"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("trust"),
            |ctx, id| {
                let trust = sdk::find_one(ctx, &TRUST, TRUST.base_path, id, &[])?;
                sdk::delete(
                    ctx,
                    &TRUST,
                    &sdk::item_path(TRUST.base_path, &sdk::id_of(&trust)),
                    true,
                )
            },
            output::delete_failure("trust"),
            output::delete_summary("trusts"),
        )
    }
}

/// `trust list`.
pub struct ListTrust;

impl Command<ClientManager> for ListTrust {
    fn description(&self) -> &str {
        "List trusts"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--trustor"])
                .metavar("<trustor-user>")
                .help("Trustor user to filter (name or ID)"),
        );
        parser.add(
            Arg::option(&["--trustee"])
                .metavar("<trustee-user>")
                .help("Trustee user to filter (name or ID)"),
        );
        parser.add(
            Arg::option(&["--trustor-domain"])
                .metavar("<trustor-domain>")
                .help("Domain that contains <trustor> (name or ID)"),
        );
        parser.add(
            Arg::option(&["--trustee-domain"])
                .metavar("<trustee-domain>")
                .help("Domain that contains <trustee> (name or ID)"),
        );
        parser.add(
            Arg::option(&["--auth-user"])
                .dest("authuser")
                .flag()
                .help("Only list trusts related to the authenticated user"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (trustor, trustee) = (given(args, "trustor"), given(args, "trustee"));
        let (trustor_domain, trustee_domain) =
            (given(args, "trustor_domain"), given(args, "trustee_domain"));
        if args.flag("authuser")
            && (trustor.is_some()
                || trustor_domain.is_some()
                || trustee.is_some()
                || trustee_domain.is_some())
        {
            return Err(Error::command(
                "--authuser cannot be used with --trustee or --trustor",
            ));
        }
        if trustee_domain.is_some() && trustee.is_none() {
            return Err(Error::command(
                "Using --trustee-domain mandates the use of --trustee",
            ));
        }
        if trustor_domain.is_some() && trustor.is_none() {
            return Err(Error::command(
                "Using --trustor-domain mandates the use of --trustor",
            ));
        }
        let data = if args.flag("authuser") {
            let me = auth_user_id(ctx)?;
            let mut trusts = fail(sdk::list(
                ctx,
                &TRUST,
                TRUST.base_path,
                &[("trustor_user_id", Some(me.clone()))],
                None,
            ))?;
            trusts.extend(fail(sdk::list(
                ctx,
                &TRUST,
                TRUST.base_path,
                &[("trustee_user_id", Some(me))],
                None,
            ))?);
            // A dict keyed by ID: first position kept, last value wins.
            let mut unique: Vec<Json> = Vec::new();
            for trust in trusts {
                match unique.iter_mut().find(|t| t.get("id") == trust.get("id")) {
                    Some(entry) => *entry = trust,
                    None => unique.push(trust),
                }
            }
            unique
        } else {
            let trustor = match trustor {
                Some(name) => Some(fail(lookup(ctx, &USER, name, trustor_domain))?),
                None => None,
            };
            let trustee = match trustee {
                Some(name) => Some(fail(lookup(ctx, &USER, name, trustee_domain))?),
                None => None,
            };
            let params: Vec<Param> =
                vec![("trustor_user_id", trustor), ("trustee_user_id", trustee)];
            fail(sdk::list(ctx, &TRUST, TRUST.base_path, &params, None))?
        };
        let rows = data
            .iter()
            .map(|trust| {
                vec![
                    sdk::attr(trust, "id"),
                    sdk::attr(trust, "expires_at"),
                    sdk::bool_attr(trust, "impersonation"),
                    sdk::attr(trust, "project_id"),
                    sdk::attr(trust, "trustee_user_id"),
                    sdk::attr(trust, "trustor_user_id"),
                ]
            })
            .collect();
        Ok(output::list(
            &[
                "ID",
                "Expires At",
                "Impersonation",
                "Project ID",
                "Trustee User ID",
                "Trustor User ID",
            ],
            rows,
        ))
    }
}

/// `trust show`.
pub struct ShowTrust;

impl Command<ClientManager> for ShowTrust {
    fn description(&self) -> &str {
        "Display trust details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("trust")
                .metavar("<trust>")
                .help("Trust to display"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let trust = fail(sdk::find_one(
            ctx,
            &TRUST,
            TRUST.base_path,
            args.str("trust").unwrap_or(""),
            &[],
        ))?;
        Ok(format_trust(&trust))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{l, run, s};

    const T1: &str = r#"{"trust": {"id": "t1", "impersonation": false, "project_id": "p1", "roles": [{"id": "r1"}],
        "trustee_user_id": "u2", "trustor_user_id": "u1", "expires_at": null, "remaining_uses": null}}"#;

    #[test]
    fn create_looks_everything_up() {
        let (result, sent) = run(
            &CreateTrust,
            &[
                ("trustor", s("u1")),
                ("trustee", s("u2")),
                ("project", s("p1")),
                ("roles", l(&["r1"])),
            ],
            &[
                (200, r#"{"user": {"id": "u1"}}"#),
                (200, r#"{"user": {"id": "u2"}}"#),
                (200, r#"{"project": {"id": "p1"}}"#),
                (200, r#"{"role": {"id": "r1"}}"#),
                (201, T1),
            ],
        );
        assert_eq!(
            sent.last().unwrap(),
            r#"POST /OS-TRUST/trusts {"trust":{"impersonation":false,"project_id":"p1","roles":[{"id":"r1"}],"trustee_user_id":"u2","trustor_user_id":"u1"}}"#
        );
        let Output::Show { fields, .. } = result.unwrap() else {
            panic!()
        };
        assert_eq!(fields[2], "is_impersonation");
    }

    #[test]
    fn list_filters_and_checks() {
        let (_, sent) = run(&ListTrust, &[], &[(200, r#"{"trusts": []}"#)]);
        assert_eq!(sent, vec!["GET /OS-TRUST/trusts"]);
        let (result, _) = run(&ListTrust, &[("trustee_domain", s("d"))], &[]);
        assert_eq!(
            result.unwrap_err().message,
            "Using --trustee-domain mandates the use of --trustee"
        );
        let (result, sent) = run(
            &ListTrust,
            &[("authuser", cliff::ArgValue::Bool(true))],
            &[
                (200, r#"{"trusts": [{"id": "t1"}]}"#),
                (200, r#"{"trusts": [{"id": "t1"}, {"id": "t2"}]}"#),
            ],
        );
        assert_eq!(
            sent,
            vec![
                "GET /OS-TRUST/trusts?trustor_user_id=u1",
                "GET /OS-TRUST/trusts?trustee_user_id=u1"
            ]
        );
        let Output::List { rows, .. } = result.unwrap() else {
            panic!()
        };
        assert_eq!(rows.len(), 2);
    }
}
