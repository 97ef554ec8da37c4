//! `cached image clear|delete|list|queue` (OSC's `openstackclient/image/v2/cache.py`, Glance's cache API).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::Value as Json;

use crate::common::{fail, find_image};
use openstack_sdk as sdk;
use openstack_sdk::{Call, Res};

/// `datetime.fromtimestamp(t, tz=UTC).replace(tzinfo=None).isoformat()`.
fn utc_isoformat(timestamp: f64) -> String {
    let seconds = timestamp.floor() as i64;
    let micros = ((timestamp - timestamp.floor()) * 1_000_000.0).round() as i64;
    let (seconds, micros) = if micros >= 1_000_000 {
        (seconds + 1, micros - 1_000_000)
    } else {
        (seconds, micros)
    };
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let time = format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    );
    if micros == 0 {
        time
    } else {
        format!("{time}.{micros:06}")
    }
}

/// `cached image list`.
pub struct ListCachedImage;

impl Command<ClientManager> for ListCachedImage {
    fn description(&self) -> &str {
        "Get Cache State"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn take_action(&self, ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        let cache = fail(Call::new("image", Method::Get, "/v2/cache").json(ctx))?;
        let mut rows = Vec::new();
        let time = |image: &Json, key: &str| match image.get(key).and_then(Json::as_f64) {
            Some(t) => Value::str(utc_isoformat(t)),
            None => Value::Null,
        };
        for image in cache
            .get("cached_images")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            rows.push(vec![
                sdk::attr(image, "image_id"),
                Value::str("cached"),
                time(image, "last_accessed"),
                time(image, "last_modified"),
                sdk::attr(image, "size"),
                sdk::attr(image, "hits"),
            ]);
        }
        for image in cache
            .get("queued_images")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            rows.push(vec![
                Value::from_json(image),
                Value::str("queued"),
                Value::str("N/A"),
                Value::str("N/A"),
                Value::str("N/A"),
                Value::str("N/A"),
            ]);
        }
        Ok(Output::List {
            columns: [
                "ID",
                "State",
                "Last Accessed (UTC)",
                "Last Modified (UTC)",
                "Size",
                "Hits",
            ]
            .iter()
            .map(|c| (*c).to_owned())
            .collect(),
            rows,
        })
    }
}

fn images_positional(help: &str) -> Arg {
    Arg::positional("images")
        .metavar("<image>")
        .nargs(Nargs::OneOrMore)
        .help(help)
}

/// The loop of `cached image queue|delete`: each image found, then `action` on its cache path; each failure
/// logged, and "Failed to <verb> <n> of <total> images<end>" at the end.
fn each_cached_image(
    ctx: &mut ClientManager,
    images: &[String],
    mut action: impl FnMut(&mut ClientManager, String) -> Res<()>,
    (verb, end): (&str, &str),
) -> Result<Output> {
    let mut failures = 0;
    for name in images {
        let result = find_image(ctx, name).and_then(|image| {
            let path = format!("/v2/cache/{}", sdk::quote_path(&sdk::id_of(&image)));
            action(ctx, path)
        });
        if let Err(err) = result {
            failures += 1;
            log::error!("Failed to {verb} image with name or ID '{name}': {err}");
        }
    }
    if failures > 0 {
        return Err(Error::command(format!(
            "Failed to {verb} {failures} of {} images{end}",
            images.len()
        )));
    }
    Ok(Output::ok())
}

/// `cached image queue`.
pub struct QueueCachedImage;

impl Command<ClientManager> for QueueCachedImage {
    fn description(&self) -> &str {
        "Queue image(s) for caching."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(images_positional("Image to display (name or ID)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        each_cached_image(
            ctx,
            &args.strings("images"),
            |ctx, path| {
                // An empty PUT as `requests` sends it (Glance refuses one without a length).
                Call::new("image", Method::Put, path)
                    .header("Content-Length", "0")
                    .send(ctx)
                    .map(|_| ())
            },
            ("queue", ""),
        )
    }
}

/// `cached image delete`.
pub struct DeleteCachedImage;

impl Command<ClientManager> for DeleteCachedImage {
    fn description(&self) -> &str {
        "Delete image(s) from cache"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(images_positional("Image(s) to delete (name or ID)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        each_cached_image(
            ctx,
            &args.strings("images"),
            |ctx, path| match Call::new("image", Method::Delete, path).send(ctx) {
                Err(err) if err.status() == Some(404) => Ok(()),
                other => other.map(|_| ()),
            },
            ("delete", "."),
        )
    }
}

/// `cached image clear`.
pub struct ClearCachedImage;

impl Command<ClientManager> for ClearCachedImage {
    fn description(&self) -> &str {
        "Clear all images from cache, queue or both"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--cache"])
                .action(Action::StoreConst(ArgValue::Str("cache".into())))
                .default("both")
                .dest("target")
                .help("Clears all the cached images"),
        );
        parser.add(
            Arg::option(&["--queue"])
                .action(Action::StoreConst(ArgValue::Str("queue".into())))
                .default("both")
                .dest("target")
                .help("Clears all the queued images"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let target = args.str("target").unwrap_or("both");
        let mut call = Call::new("image", Method::Delete, "/v2/cache");
        if target == "cache" || target == "queue" {
            call = call.header("x-image-cache-clear-target", target);
        }
        if call.send(ctx).is_err() {
            log::error!("Failed to clear image cache");
            return Err(Error::command("Failed to clear image cache"));
        }
        Ok(Output::ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_as_python_isoformat() {
        assert_eq!(utc_isoformat(0.0), "1970-01-01T00:00:00");
        assert_eq!(utc_isoformat(1796608796.5), "2026-12-07T01:59:56.500000");
    }
}
