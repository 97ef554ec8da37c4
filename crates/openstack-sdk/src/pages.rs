//! `Resource.list` a page at a time: what [`crate::list`] collects, for a caller that hands each page on as it
//! comes (a list printed while the next page is on its way, in flat memory).

use osc_lib::{ClientManager, Method};
use serde_json::Value as Json;

use crate::failure::{Failure, Res};
use crate::pagination::next_link_under;
use crate::proxy::{set_param, set_params, take_param, versioned};
use crate::resource::{Param, Resource};
use crate::values::json_text;

/// The pages of a list, fetched one by one as openstacksdk follows them (see [`crate::pagination`]), stopping
/// after `max_items`.
#[derive(Debug, Clone)]
pub struct Pages {
    resource: Resource,
    uri: String,
    query: Vec<(String, String)>,
    limit: Option<String>,
    max_items: Option<usize>,
    total: usize,
    done: bool,
}

impl Pages {
    /// The list of `resource` under `base` with the known parameters; nothing is sent yet.
    pub fn new(
        resource: &Resource,
        base: &str,
        params: &[Param],
        max_items: Option<usize>,
    ) -> Self {
        let mut query = resource.transpose(params);
        let has_limit = query
            .iter()
            .any(|(k, v)| k == "limit" && !v.is_empty() && v != "None" && v != "0");
        if let Some(max) = max_items.filter(|m| *m > 0) {
            if !has_limit {
                set_param(&mut query, "limit", max.to_string());
            }
        }
        let limit = query
            .iter()
            .find(|(k, _)| k == "limit")
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty() && v != "None" && v != "0");
        Pages {
            resource: *resource,
            uri: base.to_owned(),
            query,
            limit,
            max_items,
            total: 0,
            done: false,
        }
    }

    /// The next page's resources (never empty), or `None` when the list is complete. A failure ends the list.
    pub fn next_page(&mut self, cm: &mut ClientManager) -> Res<Option<Vec<Json>>> {
        if self.done {
            return Ok(None);
        }
        // Whatever happens below, a failure ends the list; only a page with a next link re-opens it.
        self.done = true;
        let resource = self.resource;
        let mut data = versioned(cm, &resource, Method::Get, self.uri.clone())?
            .query(self.query.clone())
            .json(cm)?;
        let last_marker = take_param(&mut self.query, "marker");
        take_param(&mut self.query, "limit");
        // Moved out, not cloned: a page of 1,000 projects cost two deep copies (a third of the CPU time of
        // `project list`, and 3.5 MB of its peak memory; docs/performance.md). Only the links are read later.
        let resources = match data.get_mut(resource.plural).map(Json::take) {
            Some(Json::Array(list)) => list,
            Some(other) => vec![other],
            None => return Err(Failure::command(format!("'{}'", resource.plural))),
        };
        if resources.is_empty() {
            return Ok(None);
        }
        let mut items = Vec::with_capacity(resources.len());
        let mut marker: Option<String> = None;
        for mut raw in resources {
            if self
                .max_items
                .is_some_and(|max| max > 0 && self.total >= max)
            {
                return Ok(Some(items).filter(|items| !items.is_empty()));
            }
            if let Json::Object(map) = &mut raw {
                map.remove("self");
            }
            marker = raw.get("id").map(json_text);
            items.push(raw);
            self.total += 1;
        }
        let Some((next, next_params)) = next_link_under(
            &self.uri,
            &data,
            resource.plural,
            marker,
            self.limit.as_deref(),
            resource.versioned_base_path(),
        ) else {
            return Ok(Some(items));
        };
        if let Some(next_marker) = next_params.iter().find(|(k, _)| k == "marker") {
            if Some(&next_marker.1) == last_marker.as_ref() {
                return Err(Failure::command(
                    "Endless pagination loop detected, aborting",
                ));
            }
        }
        set_params(&mut self.query, next_params);
        self.uri = next;
        self.done = false;
        Ok(Some(items))
    }
}
