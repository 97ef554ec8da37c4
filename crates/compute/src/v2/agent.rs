//! `compute agent create|delete|list|set` (Nova's `/os-agents`, asked at 2.1 as OSC does). Nova removed the
//! API in 23.0.0: Nova 34 answers 410 Gone, and these commands fail with OSC's words for it.

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use identity::common::given;
use identity::output::{self, fail};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use crate::resources::SERVICE_TYPE;
use openstack_sdk::Call;

fn agents_call(method: Method, path: String) -> Call {
    Call::new(SERVICE_TYPE, method, path).microversion("2.1")
}

/// `compute agent create`.
pub struct CreateAgent;

impl Command<ClientManager> for CreateAgent {
    fn description(&self) -> &str {
        const TEXT: &str = concat!(
            "Create compute agent.\n\n",
            "The compute agent functionality is hypervisor specific and is only\nsupported by the XenAPI ",
            "hypervisor driver. It was removed from nova in the\n23.0.0 (Wallaby) release."
        );
        TEXT
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("os").metavar("<os>").help("Type of OS"));
        parser.add(
            Arg::positional("architecture")
                .metavar("<architecture>")
                .help("Type of architecture"),
        );
        parser.add(
            Arg::positional("version")
                .metavar("<version>")
                .help("Version"),
        );
        parser.add(Arg::positional("url").metavar("<url>").help("URL"));
        parser.add(
            Arg::positional("md5hash")
                .metavar("<md5hash>")
                .help("MD5 hash"),
        );
        parser.add(
            Arg::positional("hypervisor")
                .metavar("<hypervisor>")
                .default(cliff::ArgValue::Str("xen".to_owned()))
                .help("Type of hypervisor"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let text = |dest: &str| args.str(dest).map_or(Json::Null, Json::from);
        let body = json!({"agent": {
            "hypervisor": text("hypervisor"),
            "os": text("os"),
            "architecture": text("architecture"),
            "version": text("version"),
            "url": text("url"),
            "md5hash": text("md5hash"),
        }});
        let answer = fail(
            agents_call(Method::Post, "/os-agents".to_owned())
                .body(body)
                .json(ctx),
        )?;
        let mut pairs: Vec<(String, Value)> = match answer.get("agent") {
            Some(Json::Object(map)) => map
                .iter()
                .map(|(k, v)| (k.clone(), Value::from_json(v)))
                .collect(),
            _ => Vec::new(),
        };
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Output::show(pairs))
    }
}

/// `compute agent delete`.
pub struct DeleteAgent;

impl Command<ClientManager> for DeleteAgent {
    fn description(&self) -> &str {
        const TEXT: &str = concat!(
            "Delete compute agent(s).\n\n",
            "The compute agent functionality is hypervisor specific and is only\nsupported by the XenAPI ",
            "hypervisor driver. It was removed from nova in the\n23.0.0 (Wallaby) release."
        );
        TEXT
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("id")
                .metavar("<id>")
                .nargs(Nargs::OneOrMore)
                .help("ID of agent(s) to delete"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("id"),
            |ctx, id| {
                agents_call(Method::Delete, format!("/os-agents/{id}"))
                    .send(ctx)
                    .map(|_| ())
            },
            |id, err| format!("Failed to delete agent with ID '{id}': {err}"),
            output::delete_summary("agents"),
        )
    }
}

/// `compute agent list`.
pub struct ListAgent;

impl Command<ClientManager> for ListAgent {
    fn description(&self) -> &str {
        const TEXT: &str = concat!(
            "List compute agents.\n\n",
            "The compute agent functionality is hypervisor specific and is only\nsupported by the XenAPI ",
            "hypervisor driver. It was removed from nova in the\n23.0.0 (Wallaby) release."
        );
        TEXT
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--hypervisor"])
                .metavar("<hypervisor>")
                .help("Type of hypervisor"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut path = "/os-agents".to_owned();
        if let Some(hypervisor) = given(args, "hypervisor") {
            path.push_str(&format!("?hypervisor={hypervisor}"));
        }
        let answer = fail(agents_call(Method::Get, path).json(ctx))?;
        let keys = [
            "agent_id",
            "hypervisor",
            "os",
            "architecture",
            "version",
            "md5hash",
            "url",
        ];
        let rows = answer
            .get("agents")
            .and_then(Json::as_array)
            .map(|agents| {
                agents
                    .iter()
                    .map(|a| {
                        keys.iter()
                            .map(|k| a.get(*k).map_or_else(|| Value::str(""), Value::from_json))
                            .collect()
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ok(output::list(
            &[
                "Agent ID",
                "Hypervisor",
                "OS",
                "Architecture",
                "Version",
                "Md5Hash",
                "URL",
            ],
            rows,
        ))
    }
}

/// `compute agent set`.
pub struct SetAgent;

impl Command<ClientManager> for SetAgent {
    fn description(&self) -> &str {
        const TEXT: &str = concat!(
            "Set compute agent properties.\n\n",
            "The compute agent functionality is hypervisor-specific and is only\nsupported by the XenAPI ",
            "hypervisor driver. It was removed from nova in the\n23.0.0 (Wallaby) release."
        );
        TEXT
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("id")
                .metavar("<id>")
                .int()
                .help("ID of the agent"),
        );
        parser.add(
            Arg::option(&["--agent-version"])
                .dest("version")
                .metavar("<version>")
                .help("Version of the agent"),
        );
        parser.add(
            Arg::option(&["--url"])
                .metavar("<url>")
                .help("URL of the agent"),
        );
        parser.add(
            Arg::option(&["--md5hash"])
                .metavar("<md5hash>")
                .help("MD5 hash of the agent"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let id = args.int("id").unwrap_or(0);
        let answer = fail(agents_call(Method::Get, "/os-agents".to_owned()).json(ctx))?;
        let agents = answer
            .get("agents")
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default();
        let Some(agent) = agents
            .iter()
            .find(|a| a.get("agent_id").and_then(Json::as_i64) == Some(id))
        else {
            return Err(Error::command(format!(
                "No agent with a ID of '{id}' exists."
            )));
        };
        let mut data = Map::new();
        for key in ["version", "url", "md5hash"] {
            data.insert(
                key.to_owned(),
                agent.get(key).cloned().unwrap_or(Json::Null),
            );
            if let Some(value) = given(args, key) {
                data.insert(key.to_owned(), Json::from(value));
            }
        }
        fail(
            agents_call(Method::Put, format!("/os-agents/{id}"))
                .body(json!({ "para": data }))
                .send(ctx),
        )?;
        Ok(Output::ok())
    }
}
