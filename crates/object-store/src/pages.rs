//! A Swift listing a page at a time, as OSC's `full_listing` pages it: what `api::container_list` and
//! `api::object_list` collect, for a list printed while the next page is on its way.

use osc_lib::ClientManager;
use serde_json::Value as Json;

use crate::api::{list_page, quote, Listing};
use openstack_sdk::Res;

/// The pages of a listing of the account (containers) or of a container (objects).
#[derive(Debug, Clone)]
pub struct ListingPages {
    path: String,
    page: Listing,
    full: bool,
    done: bool,
}

impl ListingPages {
    /// The account's containers (`container_list`: no delimiter).
    pub fn containers(listing: &Listing) -> Self {
        let mut listing = listing.clone();
        listing.delimiter = None;
        ListingPages::new(String::new(), listing)
    }

    /// A container's objects (`object_list`).
    pub fn objects(container: &str, listing: &Listing) -> Self {
        ListingPages::new(quote(container), listing.clone())
    }

    fn new(path: String, listing: Listing) -> Self {
        let mut page = listing;
        let full = std::mem::take(&mut page.full);
        ListingPages {
            path,
            page,
            full,
            done: false,
        }
    }

    /// The next page's entries (never empty), or `None` when the listing is complete: one page without `--all`;
    /// with it, each next page from the last entry's `name` (or `subdir` under a delimiter), until an empty page.
    pub fn next_page(&mut self, cm: &mut ClientManager) -> Res<Option<Vec<Json>>> {
        if self.done {
            return Ok(None);
        }
        self.done = true;
        let data = list_page(cm, &self.path, &self.page)?;
        let Some(last) = data.last() else {
            return Ok(None);
        };
        if self.full {
            let marker = match last.get("name") {
                Some(name) => name,
                None if self.page.delimiter.is_some() => last.get("subdir").unwrap_or(&Json::Null),
                None => &Json::Null,
            };
            self.page.marker = marker.as_str().map(str::to_owned);
            self.done = false;
        }
        Ok(Some(data))
    }

    /// Every entry, the pages put together.
    pub fn collect(mut self, cm: &mut ClientManager) -> Res<Vec<Json>> {
        let mut data = Vec::new();
        while let Some(page) = self.next_page(cm)? {
            data.extend(page);
        }
        Ok(data)
    }
}
