//! What OSC's network commands share (`openstackclient/network/common.py`, osc-lib's `utils/tags.py`, and the
//! show/list helpers of `osc_lib.utils` over openstacksdk network resources): resource classes with their typed
//! attributes, the `/v2.0` path, finding and deleting by name or ID, the tag options and their filters, the
//! `--project`/`--project-domain` lookup through Keystone, `--extra-property`, and the show columns
//! (`get_osc_show_columns_for_sdk_resource`: every attribute of the resource, renamed by a column map, hidden
//! ones left out, sorted).
//!
//! OSC 10.5 has no compute-network (nova-network) variant any more: every network command uses openstacksdk's
//! network proxy, and on a cloud without a `network` service it fails with keystoneauth's endpoint error.

use cliff::argparse::Action;
use cliff::{Arg, ArgValue, Args, Error, Output, Parser, Result, Value};
use osc_lib::{format_columns, parseractions, ClientManager, Method};
use serde_json::{Map, Value as Json};

use openstack_sdk as sdk;
use openstack_sdk::{Call, Failure, Param, Res, Resource};

/// How openstacksdk types an attribute (`resource.Body(..., type=...)`), which decides the value OSC sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// No type: the body value as it is.
    Any,
    /// `type=bool`: Python `bool()` of the value, `None` when absent.
    Bool,
    /// `type=int`.
    Int,
    /// `type=list`.
    List,
    /// `type=dict`.
    Dict,
    /// The `tags` of `TagMixin`: `[]` when absent.
    Tags,
    /// A `Computed` attribute (`location`): never in a body, always `None` here.
    Computed,
}

pub use Kind::{Any, Bool, Computed, Dict, Int, List, Tags};

/// A network resource class: the sdk's declaration plus its attributes in openstacksdk's order.
#[derive(Debug, Clone, Copy)]
pub struct NetResource {
    /// Where it lives and how it is listed, created and committed.
    pub resource: Resource,
    /// `(attribute name, body key, kind)`, as `to_dict` iterates them (the first of a name wins).
    pub attrs: &'static [(&'static str, &'static str, Kind)],
    /// Body keys of attributes a subclass shadowed: known to the class, so not "unknown" body attributes.
    pub shadowed: &'static [&'static str],
}

impl NetResource {
    /// Whether a body key belongs to a declared attribute.
    fn declares_key(&self, key: &str) -> bool {
        self.attrs
            .iter()
            .any(|(name, k, _)| *k == key || *name == key)
            || self.shadowed.contains(&key)
    }

    /// The body value of an attribute: under its body key, else under its attribute name (openstacksdk files a
    /// body key named as an attribute under that attribute: a router's `revision_number` is its `revision`).
    fn raw<'j>(item: &'j Json, name: &str, key: &str) -> Option<&'j Json> {
        item.get(key).or_else(|| item.get(name))
    }

    /// `getattr(resource, attribute, '')`: the typed value of an attribute; an undeclared name reads the body key
    /// of that name (openstacksdk keeps unknown body attributes of network resources), `''` when absent.
    pub fn get(&self, item: &Json, attribute: &str) -> Json {
        match self.attrs.iter().find(|(name, _, _)| *name == attribute) {
            Some((name, key, kind)) => typed(Self::raw(item, name, key), *kind),
            None => item
                .get(attribute)
                .cloned()
                .unwrap_or_else(|| Json::String(String::new())),
        }
    }

    /// `to_dict(body=True, headers=False, ignore_none=False)`: unknown body keys first, then every declared
    /// attribute by its attribute name.
    pub fn to_dict(&self, item: &Json) -> Vec<(String, Json)> {
        let mut out: Vec<(String, Json)> = Vec::new();
        if let Json::Object(map) = item {
            for (key, value) in map {
                if !self.declares_key(key) {
                    out.push((key.clone(), value.clone()));
                }
            }
        }
        for (name, key, kind) in self.attrs {
            if !out.iter().any(|(k, _)| k == name) {
                out.push(((*name).to_owned(), typed(Self::raw(item, name, key), *kind)));
            }
        }
        out
    }
}

/// A body value as its attribute type makes it.
fn typed(value: Option<&Json>, kind: Kind) -> Json {
    match (kind, value) {
        (Kind::Computed, _) => Json::Null,
        (Kind::Tags, None | Some(Json::Null)) => Json::Array(Vec::new()),
        (_, None | Some(Json::Null)) => Json::Null,
        (Kind::Bool, Some(value)) => Json::Bool(sdk::truthy(value)),
        (Kind::Int, Some(Json::String(text))) => text
            .trim()
            .parse::<i64>()
            .map_or_else(|_| Json::String(text.clone()), Json::from),
        (_, Some(value)) => value.clone(),
    }
}

/// The collection path of a class under the network endpoint: openstacksdk discovers `/v2.0` under an
/// unversioned catalog URL (Neutron's usual one); a catalog URL that already names it is used as it is.
pub fn base(cm: &mut ClientManager, res: &NetResource) -> Res<String> {
    Ok(format!("{}{}", version_prefix(cm)?, res.resource.base_path))
}

/// `/v2.0`, or nothing when the catalog's network endpoint ends with it. A cloud without a `network` service
/// fails as openstacksdk's proxy does when OSC first touches `client_manager.network` (OSC 10.5 has no
/// nova-network fallback any more).
pub fn version_prefix(cm: &mut ClientManager) -> Res<&'static str> {
    match cm.endpoint("network") {
        Ok(url) if url.trim_end_matches('/').ends_with("/v2.0") => Ok(""),
        Ok(_) => Ok("/v2.0"),
        Err(err) => Err(Failure::command(format!(
            "Service 'network' is disabled because its configuration could not be loaded. The service is not \
             present in the service catalog: {}",
            err.message
        ))),
    }
}

/// The path of one resource.
pub fn item_path(cm: &mut ClientManager, res: &NetResource, id: &str) -> Res<String> {
    Ok(sdk::item_path(&base(cm, res)?, id))
}

/// The proxy's `find_<resource>(name_or_id, ignore_missing=False, **params)`.
pub fn find(
    cm: &mut ClientManager,
    res: &NetResource,
    name_or_id: &str,
    params: &[Param],
) -> Res<Json> {
    let base = base(cm, res)?;
    sdk::find_one(cm, &res.resource, &base, name_or_id, params)
}

/// The proxy's `find_<resource>(name_or_id, ignore_missing=True)`.
pub fn find_optional(
    cm: &mut ClientManager,
    res: &NetResource,
    name_or_id: &str,
) -> Res<Option<Json>> {
    let base = base(cm, res)?;
    sdk::find(cm, &res.resource, &base, name_or_id, &[], true)
}

/// The proxy's `get_<resource>(id)`.
pub fn get(cm: &mut ClientManager, res: &NetResource, id: &str) -> Res<Json> {
    let base = base(cm, res)?;
    sdk::get(cm, &res.resource, &base, id)
}

/// The proxy's `<resources>(**params)`: every page.
pub fn list(
    cm: &mut ClientManager,
    res: &NetResource,
    params: &[Param],
    max_items: Option<usize>,
) -> Res<Vec<Json>> {
    let base = base(cm, res)?;
    sdk::list(cm, &res.resource, &base, params, max_items)
}

/// The proxy's `create_<resource>(**attrs)`: the resource as openstacksdk holds it afterwards, the attributes
/// sent overlaid with the answer (a floating IP's `subnet_id`, which Neutron does not answer, stays).
pub fn create(cm: &mut ClientManager, res: &NetResource, attrs: Map<String, Json>) -> Res<Json> {
    let base = base(cm, res)?;
    let mut merged = attrs.clone();
    match sdk::create(cm, &res.resource, Method::Post, &base, attrs)? {
        Json::Object(answer) => {
            merged.extend(answer);
            Ok(Json::Object(merged))
        }
        other => Ok(other),
    }
}

/// The proxy's `update_<resource>(obj, **attrs)`: a PUT of the changes (nothing sent when there are none); the
/// updated resource, or the one given when nothing was sent.
pub fn update(
    cm: &mut ClientManager,
    res: &NetResource,
    item: &Json,
    attrs: Map<String, Json>,
) -> Res<Json> {
    let path = item_path(cm, res, &sdk::id_of(item))?;
    Ok(sdk::commit(cm, &res.resource, &path, None, attrs)?.unwrap_or_else(|| item.clone()))
}

/// The proxy's `delete_<resource>(obj)` (a 404 ignored, as `ignore_missing=True`).
pub fn delete(cm: &mut ClientManager, res: &NetResource, id: &str) -> Res<()> {
    let path = item_path(cm, res, id)?;
    sdk::delete(cm, &res.resource, &path, true)
}

/// The loop of OSC's network delete commands: each name is found (`ignore_missing=False`) and deleted; a failure
/// is logged as "Failed to delete `<what>` with name or ID '`<name>`': `<error>`", and any failure ends with
/// "`<n>` of `<total>` `<plural>` failed to delete.".
pub fn delete_each(
    cm: &mut ClientManager,
    args: &Args,
    res: &NetResource,
    names: &[String],
    what: &str,
    plural: &str,
) -> Result<Output> {
    let failure = format!("Failed to delete {what} with name or ID");
    delete_each_worded(cm, args, res, names, &failure, plural)
}

/// [`delete_each`] whose per-item failure reads "`<failure>` '`<name>`': `<error>`"; up to `--parallel` at once
/// ([`osc_lib::multi`]).
pub fn delete_each_worded(
    cm: &mut ClientManager,
    args: &Args,
    res: &NetResource,
    names: &[String],
    failure: &str,
    plural: &str,
) -> Result<Output> {
    osc_lib::multi::each_item(
        cm,
        args,
        names,
        |cm, name| find(cm, res, name, &[]).and_then(|item| delete(cm, res, &sdk::id_of(&item))),
        |name, err| format!("{failure} '{name}': {err}"),
        |errors, total| format!("{errors} of {total} {plural} failed to delete."),
    )
}

/// A value formatter of a show or list column (`_formatters`), by attribute name.
pub type Formatter = fn(&str, Json) -> Value;

/// No formatter: the value as Python holds it.
pub fn plain(_attribute: &str, value: Json) -> Value {
    Value::from_json(&value)
}

/// `format_columns.ListColumn`.
pub fn list_column(value: Json) -> Value {
    format_columns::list_column(Value::from_json(&value))
}

/// `format_columns.DictColumn`.
pub fn dict_column(value: Json) -> Value {
    format_columns::dict_column(Value::from_json(&value))
}

/// `format_columns.ListDictColumn`.
pub fn list_dict_column(value: Json) -> Value {
    format_columns::list_dict_column(Value::from_json(&value))
}

/// The `AdminStateColumn` of network, port and router: `UP` or `DOWN` in a table, the bool elsewhere.
pub fn admin_state_column(value: Json) -> Value {
    Value::Column {
        human: if sdk::truthy(&value) { "UP" } else { "DOWN" }.to_owned(),
        machine: Box::new(Value::from_json(&value)),
    }
}

/// `get_osc_show_columns_for_sdk_resource`: `(display name, attribute)` pairs, display names sorted.
pub fn show_columns(
    res: &NetResource,
    item: &Json,
    column_map: &[(&str, &str)],
    hidden: &[&str],
) -> Vec<(String, String)> {
    let mut display: Vec<String> = res
        .to_dict(item)
        .into_iter()
        .map(|(k, _)| k)
        .filter(|k| !hidden.contains(&k.as_str()))
        .collect();
    let mut renamed: Vec<(String, String)> = Vec::new();
    for (attribute, shown) in column_map {
        if let Some(at) = display.iter().position(|k| k == attribute) {
            renamed.push(((*shown).to_owned(), (*attribute).to_owned()));
            display.remove(at);
        }
        if !display.iter().any(|k| k == shown) {
            display.push((*shown).to_owned());
        }
    }
    display.sort();
    display
        .into_iter()
        .map(|shown| {
            let attribute = renamed
                .iter()
                .find(|(s, _)| *s == shown)
                .map_or_else(|| shown.clone(), |(_, a)| a.clone());
            (shown, attribute)
        })
        .collect()
}

/// A show command's output: [`show_columns`], each value `getattr` of its attribute through the formatter.
pub fn show(
    res: &NetResource,
    item: &Json,
    column_map: &[(&str, &str)],
    hidden: &[&str],
    formatter: Formatter,
) -> Output {
    let pairs = show_columns(res, item, column_map, hidden)
        .into_iter()
        .map(|(shown, attribute)| {
            let value = res.get(item, &attribute);
            (shown, formatter(&attribute, value))
        })
        .collect();
    Output::show(pairs)
}

/// `utils.get_item_properties(item, columns, formatters)` over a resource.
pub fn row(res: &NetResource, item: &Json, columns: &[&str], formatter: Formatter) -> Vec<Value> {
    columns
        .iter()
        .map(|attribute| formatter(attribute, res.get(item, attribute)))
        .collect()
}

/// A Lister's result from headers and rows of resources.
pub fn rows(
    res: &NetResource,
    items: &[Json],
    headers: &[&str],
    columns: &[&str],
    formatter: Formatter,
) -> Output {
    Output::List {
        columns: headers.iter().map(|h| (*h).to_owned()).collect(),
        rows: items
            .iter()
            .map(|item| row(res, item, columns, formatter))
            .collect(),
    }
}

/// A string option Python treats as set (`if parsed_args.x:`): present and non-empty.
pub fn given<'a>(args: &'a Args, dest: &str) -> Option<&'a str> {
    args.str(dest).filter(|s| !s.is_empty())
}

/// A string option that is not `None` (`if parsed_args.x is not None:`).
pub fn present<'a>(args: &'a Args, dest: &str) -> Option<&'a str> {
    args.str(dest)
}

/// A `store_true` option with OSC's help, in a mutually exclusive group with its opposite: `(flag, help)` pairs.
pub fn add_exclusive_flags(parser: &mut Parser, flags: &[(&str, &str)]) {
    let group = parser.add_mutex(None, false);
    for (flag, help) in flags {
        parser.add_to_mutex(group, Arg::option(&[flag]).flag().help(help));
    }
}

/// A pair of `store_true`/`store_false` options sharing a dest with default `None` (`--enable`/`--disable` of
/// `set` commands); read with [`tri_state`].
pub fn add_bool_pair(parser: &mut Parser, dest: &str, on: (&str, &str), off: (&str, &str)) {
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(
        group,
        Arg::option(&[on.0])
            .action(Action::StoreTrue)
            .dest(dest)
            .default_none()
            .help(on.1),
    );
    parser.add_to_mutex(
        group,
        Arg::option(&[off.0])
            .action(Action::StoreFalse)
            .dest(dest)
            .default_none()
            .help(off.1),
    );
}

/// `if parsed_args.<flag>: attrs[<key>] = <value>` for each `(flag, key, value)`, in order (a later flag wins).
pub fn flag_attrs(args: &Args, attrs: &mut Map<String, Json>, flags: &[(&str, &str, bool)]) {
    for (flag, key, value) in flags {
        if args.flag(flag) {
            attrs.insert((*key).to_owned(), Json::Bool(*value));
        }
    }
}

/// A tri-state option: `Some(bool)` when given, `None` otherwise.
pub fn tri_state(args: &Args, dest: &str) -> Option<bool> {
    match args.get(dest) {
        ArgValue::Bool(b) => Some(*b),
        _ => None,
    }
}

// ---- tags (osc_lib/utils/tags.py) ----

/// `add_tag_filtering_option_to_parser`: `--tags`, `--any-tags`, `--not-tags`, `--not-any-tags`.
pub fn add_tag_filtering_options(parser: &mut Parser, collection: &str) {
    for (flag, verb, which) in [
        ("--tags", "List", "all"),
        ("--any-tags", "List", "any"),
        ("--not-tags", "Exclude", "all"),
        ("--not-any-tags", "Exclude", "any"),
    ] {
        parser.add(
            Arg::option(&[flag])
                .metavar("<tag>[,<tag>,...]")
                .help(&format!(
                "{verb} {collection} which have {which} given tag(s) (Comma-separated list of tags)"
            )),
        );
    }
}

/// `get_tag_filtering_args`: the filters as list parameters (a comma list is split and joined again: the text
/// as given).
pub fn tag_filtering_params(args: &Args) -> Vec<Param> {
    let mut params = Vec::new();
    for dest in ["tags", "any_tags", "not_tags", "not_any_tags"] {
        if let Some(value) = args.str(dest) {
            params.push((dest, Some(value.to_owned())));
        }
    }
    params
}

fn tag_arg(help: String) -> Arg {
    Arg::option(&["--tag"])
        .append()
        .dest("tags")
        .metavar("<tag>")
        .help(&help)
}

/// `add_tag_option_to_parser_for_create`: `--tag` (repeatable) or `--no-tag`.
pub fn add_tag_option_for_create(parser: &mut Parser, resource: &str) {
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(
        group,
        tag_arg(format!(
            "Tag to be added to the {resource} (repeat option to set multiple tags)"
        )),
    );
    parser.add_to_mutex(
        group,
        Arg::option(&["--no-tag"])
            .flag()
            .help(&format!("No tags associated with the {resource}")),
    );
}

/// `add_tag_option_to_parser_for_set`: `--tag` and `--no-tag`.
pub fn add_tag_option_for_set(parser: &mut Parser, resource: &str) {
    parser.add(tag_arg(format!(
        "Tag to be added to the {resource} (repeat option to set multiple tags)"
    )));
    parser.add(Arg::option(&["--no-tag"]).flag().help(&format!(
        "Clear tags associated with the {resource}. Specify both --tag and --no-tag to overwrite current tags"
    )));
}

/// `add_tag_option_to_parser_for_unset`: `--tag` (repeatable) or `--all-tag`.
pub fn add_tag_option_for_unset(parser: &mut Parser, resource: &str) {
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(
        group,
        tag_arg(format!(
            "Tag to be removed from the {resource} (repeat option to remove multiple tags)"
        )),
    );
    parser.add_to_mutex(
        group,
        Arg::option(&["--all-tag"])
            .flag()
            .help(&format!("Clear all tags associated with the {resource}")),
    );
}

fn current_tags(item: &Json) -> Vec<String> {
    match item.get("tags") {
        Some(Json::Array(tags)) => tags.iter().map(sdk::json_text).collect(),
        _ => Vec::new(),
    }
}

fn sorted_set(tags: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = tags.into_iter().collect();
    out.sort();
    out.dedup();
    out
}

/// `client.set_tags(obj, tags)`: PUT `<item>/tags`; the resource with its new tags (as the sdk updates it).
pub fn set_tags(
    cm: &mut ClientManager,
    res: &NetResource,
    item: &Json,
    tags: Vec<String>,
) -> Res<Json> {
    let path = format!("{}/tags", item_path(cm, res, &sdk::id_of(item))?);
    Call::new("network", Method::Put, path)
        .body(serde_json::json!({ "tags": tags }))
        .send(cm)?;
    let mut updated = item.clone();
    if let Json::Object(map) = &mut updated {
        map.insert("tags".to_owned(), Json::from(tags));
    }
    Ok(updated)
}

/// `update_tags_for_set`: `--no-tag` clears, `--tag` adds; tags are sent (sorted) only when they change.
pub fn update_tags_for_set(
    cm: &mut ClientManager,
    res: &NetResource,
    item: &Json,
    args: &Args,
) -> Res<Json> {
    let old = sorted_set(current_tags(item));
    let mut tags: Vec<String> = if args.flag("no_tag") {
        Vec::new()
    } else {
        old.clone()
    };
    tags.extend(args.strings("tags"));
    let tags = sorted_set(tags);
    if tags != old {
        return set_tags(cm, res, item, tags);
    }
    Ok(item.clone())
}

/// `update_tags_for_unset`: `--all-tag` clears, `--tag` removes; tags are sent only when they change.
pub fn update_tags_for_unset(
    cm: &mut ClientManager,
    res: &NetResource,
    item: &Json,
    args: &Args,
) -> Res<Json> {
    let old = sorted_set(current_tags(item));
    let removed = args.strings("tags");
    let tags: Vec<String> = if args.flag("all_tag") {
        Vec::new()
    } else {
        old.iter()
            .filter(|t| !removed.contains(t))
            .cloned()
            .collect()
    };
    if tags != old {
        return set_tags(cm, res, item, tags);
    }
    Ok(item.clone())
}

// ---- projects ----

/// `--project <project>` with the given help, and `--project-domain`.
pub fn add_project_options(parser: &mut Parser, help: &str) {
    parser.add(Arg::option(&["--project"]).metavar("<project>").help(help));
    identity::common::add_project_domain_option(parser);
}

/// `identity_common.find_project_id_sdk(identity_client, project, project_domain)`: the project's ID through
/// Keystone (a name the user may not look up is used as given).
pub fn find_project_id(
    cm: &mut ClientManager,
    project: &str,
    domain: Option<&str>,
) -> Result<String> {
    identity::common::find_project_id_sdk(cm, project, domain, true, None).map_err(Error::from)
}

/// The `--project` option (with `--project-domain`) as a project ID, when given (`is not None`).
pub fn project_id(cm: &mut ClientManager, args: &Args) -> Result<Option<String>> {
    match present(args, "project") {
        Some(project) => {
            let domain = args.str("project_domain").map(str::to_owned);
            find_project_id(cm, project, domain.as_deref()).map(Some)
        }
        None => Ok(None),
    }
}

// ---- --extra-property (NeutronCommandWithExtraArgs) ----

fn extra_property_check(value: &ArgValue) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) => parseractions::multi_key_value(
            std::slice::from_ref(text),
            &["name", "value"],
            &["type"],
        )
        .map(|_| ()),
        _ => Ok(()),
    }
}

/// `--extra-property type=<property_type>,name=<property_name>,value=<property_value>`.
pub fn add_extra_property_option(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--extra-property"])
            .metavar("type=<property_type>,name=<property_name>,value=<property_value>")
            .dest("extra_properties")
            .append()
            .check(extra_property_check)
            .help(
                "Additional parameters can be passed using this property. Default type of the extra property is \
                 string ('str'), but other types can be used as well. Available types are: 'dict', 'list', 'str', \
                 'bool', 'int'. In case of 'list' type, 'value' can be semicolon-separated list of values. For \
                 'dict' value is semicolon-separated list of the key:value pairs.",
            ),
    );
}

/// `str2dict`: `key1:value1;key2:value2`, a piece without `:` continuing the previous value.
pub fn str2dict(text: &str) -> Result<Map<String, Json>> {
    let mut pairs: Vec<String> = Vec::new();
    if text.is_empty() {
        return Ok(Map::new());
    }
    for piece in text.split(';') {
        if piece.contains(':') {
            pairs.push(piece.to_owned());
        } else if let Some(last) = pairs.last_mut() {
            last.push(';');
            last.push_str(piece);
        } else {
            return Err(Error::command(format!("missing value for key '{piece}'")));
        }
    }
    let mut map = Map::new();
    for pair in pairs {
        let (key, value) = pair.split_once(':').unwrap_or((&pair, ""));
        map.insert(key.to_owned(), Json::from(value));
    }
    Ok(map)
}

/// `_parse_extra_properties` of set and create commands (`unset`: every named property becomes `None`).
pub fn extra_properties(args: &Args, unset: bool) -> Result<Map<String, Json>> {
    let values = args.strings("extra_properties");
    let parsed = parseractions::multi_key_value(&values, &["name", "value"], &["type"])
        .map_err(Error::usage)?;
    let mut out = Map::new();
    for property in parsed {
        let get = |k: &str| {
            property
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        };
        let name = get("name").unwrap_or_default();
        if unset {
            out.insert(name, Json::Null);
            continue;
        }
        let value = get("value").unwrap_or_default();
        let converted = match get("type").as_deref() {
            None | Some("str") => Json::from(value),
            Some("bool") => Json::Bool(value.to_lowercase() == "true"),
            Some("int") => match value.trim().parse::<i64>() {
                Ok(i) => Json::from(i),
                Err(_) => {
                    return Err(Error::command(format!(
                        "invalid literal for int() with base 10: '{value}'"
                    )))
                }
            },
            Some("list") => Json::from(if value.is_empty() {
                Vec::new()
            } else {
                value.split(';').map(str::to_owned).collect::<Vec<_>>()
            }),
            Some("dict") => Json::Object(str2dict(&value)?),
            Some(other) => {
                return Err(Error::command(format!(
                    "Type {other} of property {name} is not supported"
                )))
            }
        };
        out.insert(name, converted);
    }
    Ok(out)
}

// ---- lookups of other classes by name or ID (only the ID is needed) ----

/// `client.find_qos_policy(name_or_id, ignore_missing=False).id`.
pub fn find_qos_policy_id(cm: &mut ClientManager, name_or_id: &str) -> Result<String> {
    fail(find(cm, &crate::resources::QOS_POLICY, name_or_id, &[]).map(|item| sdk::id_of(&item)))
}

/// `client.find_segment(name_or_id, ignore_missing=False).id`.
pub fn find_segment_id(cm: &mut ClientManager, name_or_id: &str) -> Result<String> {
    fail(find(cm, &crate::resources::SEGMENT, name_or_id, &[]).map(|item| sdk::id_of(&item)))
}

/// `client.find_extension(alias, ignore_missing=True)` is not `None`: GET `/extensions/<alias>`, then the list
/// matched by alias or name.
pub fn has_extension(cm: &mut ClientManager, alias: &str) -> Res<bool> {
    let extension = &crate::resources::EXTENSION;
    let base = base(cm, extension)?;
    match sdk::fetch(cm, &extension.resource, &base, alias, &[], None) {
        Ok(_) => return Ok(true),
        Err(failure) if matches!(failure.status(), Some(400 | 403 | 404)) => {}
        Err(failure) => return Err(failure),
    }
    let all = sdk::list(cm, &extension.resource, &base, &[], None)?;
    Ok(all.iter().any(|ext| {
        sdk::str_of(ext, "alias") == Some(alias) || sdk::str_of(ext, "name") == Some(alias)
    }))
}

/// `client.find_flavor(name_or_id, ignore_missing=False).id`.
pub fn find_flavor_id(cm: &mut ClientManager, name_or_id: &str) -> Result<String> {
    fail(find(cm, &crate::resources::FLAVOR, name_or_id, &[]).map(|item| sdk::id_of(&item)))
}

/// A failure of the sdk as the command's error.
pub fn fail<T>(result: Res<T>) -> Result<T> {
    result.map_err(Error::from)
}

/// A failure made from a message (for checks that raise `CommandError`).
pub fn command_error(message: impl Into<String>) -> Failure {
    Failure::command(message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const THING: NetResource = NetResource {
        resource: Resource {
            service: "network",
            class: "Thing",
            key: "thing",
            plural: "things",
            base_path: "/things",
            ..Resource::DEFAULT
        },
        attrs: &[
            ("is_admin_state_up", "admin_state_up", Bool),
            ("name", "name", Any),
            ("subnet_ids", "subnets", List),
            ("revision_number", "revision", Int),
            ("id", "id", Any),
            ("location", "location", Computed),
            ("tags", "tags", Tags),
        ],
        shadowed: &[],
    };

    #[test]
    fn show_columns_rename_hide_and_sort() {
        let item = json!({"id": "1", "admin_state_up": 1, "subnets": [], "tenant_id": "t", "zz": 2,
                "revision_number": 3});
        let columns = show_columns(
            &THING,
            &item,
            &[
                ("is_admin_state_up", "admin_state_up"),
                ("subnet_ids", "subnets"),
                ("tags", "tags"),
            ],
            &["location", "tenant_id"],
        );
        let shown: Vec<&str> = columns.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            shown,
            [
                "admin_state_up",
                "id",
                "name",
                "revision_number",
                "subnets",
                "tags",
                "zz"
            ]
        );
        assert_eq!(columns[0].1, "is_admin_state_up");
        assert_eq!(THING.get(&item, "is_admin_state_up"), json!(true));
        assert_eq!(THING.get(&item, "tags"), json!([]));
        assert_eq!(THING.get(&item, "zz"), json!(2));
        assert_eq!(THING.get(&item, "hints"), json!(""));
        assert_eq!(THING.get(&item, "revision_number"), json!(3));
    }

    fn tag_args(argv: &[&str], unset: bool) -> Args {
        let mut parser = Parser::new("t");
        if unset {
            add_tag_option_for_unset(&mut parser, "thing");
        } else {
            add_tag_option_for_set(&mut parser, "thing");
        }
        let argv: Vec<String> = argv.iter().map(|a| (*a).to_owned()).collect();
        parser.parse_args(&argv).unwrap()
    }

    #[test]
    fn tags_are_sent_sorted_and_only_when_they_change() {
        let t = openstack_sdk::testing::Scripted::new(&[(200, r#"{"tags": []}"#), (200, "{}")]);
        let mut cm = t.manager();
        let item = json!({"id": "1", "tags": ["b", "a"]});
        let updated = update_tags_for_set(
            &mut cm,
            &THING,
            &item,
            &tag_args(&["--tag", "c", "--tag", "a"], false),
        )
        .unwrap();
        assert_eq!(updated["tags"], json!(["a", "b", "c"]));
        let same =
            update_tags_for_set(&mut cm, &THING, &item, &tag_args(&["--tag", "b"], false)).unwrap();
        assert_eq!(same, item);
        let cleared =
            update_tags_for_unset(&mut cm, &THING, &item, &tag_args(&["--all-tag"], true)).unwrap();
        assert_eq!(cleared["tags"], json!([]));
        assert_eq!(
            t.sent(),
            [
                r#"PUT /v2.0/things/1/tags {"tags":["a","b","c"]}"#,
                r#"PUT /v2.0/things/1/tags {"tags":[]}"#
            ]
        );
    }

    #[test]
    fn str2dict_continues_values() {
        let map = str2dict("a:1;b:2;3").unwrap();
        assert_eq!(Json::Object(map), json!({"a": "1", "b": "2;3"}));
        assert_eq!(
            str2dict("x").unwrap_err().message,
            "missing value for key 'x'"
        );
    }
}
