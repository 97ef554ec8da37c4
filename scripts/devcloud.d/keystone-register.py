"""Register a service in the devcloud's Keystone, idempotently (used by scripts/devcloud).

Makes sure that project `service` exists, that USER exists with PASSWORD and has the roles
`admin` and `service` on it, that a service NAME of type TYPE is in the catalog, and that it
has public, internal and admin endpoints URL in REGION.  Python standard library only; a few
REST calls, so it takes well under a second.
"""

import argparse
import json
import sys
import urllib.error
import urllib.parse
import urllib.request


class Keystone:
    def __init__(self, auth_url):
        self.base = auth_url.rstrip("/")
        self.token = None

    def call(self, method, path, body=None, ok=(200, 201, 204)):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Accept", "application/json")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if self.token:
            req.add_header("X-Auth-Token", self.token)
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                raw, status, headers = resp.read(), resp.status, resp.headers
        except urllib.error.HTTPError as e:
            raw, status, headers = e.read(), e.code, e.headers
        if status not in ok:
            sys.exit(f"keystone-register: {method} {path}: HTTP {status}: {raw[:300]!r}")
        return (json.loads(raw) if raw else {}), headers

    def login(self, user, password, project):
        body = {"auth": {
            "identity": {"methods": ["password"], "password": {"user": {
                "name": user, "password": password, "domain": {"id": "default"}}}},
            "scope": {"project": {"name": project, "domain": {"id": "default"}}}}}
        _, headers = self.call("POST", "/auth/tokens", body)
        self.token = headers["X-Subject-Token"]

    def find(self, collection, **filters):
        query = urllib.parse.urlencode(filters)
        found, _ = self.call("GET", f"/{collection}?{query}")
        return found[collection]

    def ensure(self, collection, kind, attrs, **filters):
        found = self.find(collection, **filters)
        if found:
            return found[0]
        made, _ = self.call("POST", f"/{collection}", {kind: attrs})
        return made[kind]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--auth-url", required=True)
    p.add_argument("--admin-user", required=True)
    p.add_argument("--admin-password", required=True)
    p.add_argument("--region", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--service-name", required=True)
    p.add_argument("--service-type", required=True)
    p.add_argument("--url", required=True)
    a = p.parse_args()

    ks = Keystone(a.auth_url)
    ks.login(a.admin_user, a.admin_password, "admin")
    project = ks.ensure("projects", "project",
                        {"name": "service", "domain_id": "default",
                         "description": "devcloud service users"},
                        name="service", domain_id="default")
    roles = [ks.ensure("roles", "role", {"name": r}, name=r) for r in ("admin", "service")]
    user = ks.ensure("users", "user",
                     {"name": a.user, "domain_id": "default", "password": a.password,
                      "default_project_id": project["id"]},
                     name=a.user, domain_id="default")
    ks.call("PATCH", f"/users/{user['id']}", {"user": {"password": a.password}})
    for role in roles:
        ks.call("PUT", f"/projects/{project['id']}/users/{user['id']}/roles/{role['id']}")
    services = [s for s in ks.find("services", type=a.service_type)
                if s["name"] == a.service_name]
    if services:
        service = services[0]
    else:
        service, _ = ks.call("POST", "/services", {"service": {
            "name": a.service_name, "type": a.service_type, "enabled": True}})
        service = service["service"]
    endpoints = ks.find("endpoints", service_id=service["id"])
    for interface in ("public", "internal", "admin"):
        mine = [e for e in endpoints
                if e["interface"] == interface and e.get("region_id") == a.region]
        if not mine:
            ks.call("POST", "/endpoints", {"endpoint": {
                "service_id": service["id"], "interface": interface, "url": a.url,
                "region_id": a.region, "enabled": True}})
        elif mine[0]["url"] != a.url:
            ks.call("PATCH", f"/endpoints/{mine[0]['id']}", {"endpoint": {"url": a.url}})


if __name__ == "__main__":
    main()
