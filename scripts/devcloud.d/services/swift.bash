# shellcheck shell=bash
# A service block of scripts/devcloud, sourced by it (see "Adding a service" there).

# Swift: proxy, account, container and object servers as greenthreads of one process
# (devcloud.d/swift-server.py; devcloud tracks one process per service); one-replica rings
# of one device in a directory; keystone auth (authtoken + keystoneauth) in the proxy; no
# memcache, no replicators, updaters or auditors.

SWIFT_PORT=${DEVCLOUD_SWIFT_PORT:-8080}                      # the proxy
SWIFT_ACCOUNT_PORT=${DEVCLOUD_SWIFT_ACCOUNT_PORT:-6202}
SWIFT_CONTAINER_PORT=${DEVCLOUD_SWIFT_CONTAINER_PORT:-6201}
SWIFT_OBJECT_PORT=${DEVCLOUD_SWIFT_OBJECT_PORT:-6200}
# listings are paged by this many entries (Swift's default is 10000): low, so that tests of
# `container list --all` and `object list --all` cross pages without making 10000 objects
SWIFT_LISTING_LIMIT=100
SWIFT_URL="http://$HOST:$SWIFT_PORT/v1/AUTH_%(project_id)s"
# the proxy's middlewares that need no options (section and egg entry point named alike)
SWIFT_PLAIN_FILTERS=(catch_errors gatekeeper healthcheck listing_formats copy container_quotas
  account_quotas slo dlo versioned_writes symlink)

swift_venv() { printf '%s' "$CACHE/venv-swift"; }
swift_packages() { printf 'swift keystonemiddleware'; }
swift_cmdline() { printf 'swift-server\\.py'; }
swift_describe() {
  printf 'object-store %s (account :%s, container :%s, object :%s)' "$SWIFT_URL" \
    "$SWIFT_ACCOUNT_PORT" "$SWIFT_CONTAINER_PORT" "$SWIFT_OBJECT_PORT"
}
swift_ready() {
  local port
  for port in "$SWIFT_PORT" "$SWIFT_ACCOUNT_PORT" "$SWIFT_CONTAINER_PORT" "$SWIFT_OBJECT_PORT"; do
    [[ "$(http_code "http://$HOST:$port/healthcheck")" == 200 ]] || return 1
  done
}

# swift_server_conf NAME PORT EGG: the config of an account, container or object server
swift_server_conf() {
  cat >"$STATE/swift/$1-server.conf" <<EOF
# written by scripts/devcloud
[DEFAULT]
bind_ip = $HOST
bind_port = $2
workers = 0
swift_dir = $STATE/swift
devices = $STATE/swift/devices
mount_check = false
log_name = $1-server
[pipeline:main]
pipeline = healthcheck $1-server
[filter:healthcheck]
use = egg:swift#healthcheck
[app:$1-server]
use = egg:swift#$3
EOF
}

swift_prepare() {
  local d=$STATE/swift venv ring port rings_key
  venv=$(swift_venv)
  mkdir -p -- "$d/devices/d1"
  cat >"$d/swift.conf" <<EOF
# written by scripts/devcloud
[swift-hash]
swift_hash_path_prefix = devcloud
swift_hash_path_suffix = devcloud
[storage-policy:0]
name = Policy-0
default = yes
[swift-constraints]
container_listing_limit = $SWIFT_LISTING_LIMIT
account_listing_limit = $SWIFT_LISTING_LIMIT
EOF
  cat >"$d/proxy-server.conf" <<EOF
# written by scripts/devcloud
[DEFAULT]
bind_ip = $HOST
bind_port = $SWIFT_PORT
workers = 0
swift_dir = $d
log_name = proxy-server
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy_logging listing_formats authtoken keystoneauth copy container_quotas account_quotas slo dlo versioned_writes symlink proxy_logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
www_authenticate_uri = $AUTH_URL
auth_url = $AUTH_URL
auth_type = password
username = swift
password = $SERVICE_PASSWORD
project_name = service
user_domain_name = Default
project_domain_name = Default
region_name = $REGION
delay_auth_decision = true
[filter:keystoneauth]
use = egg:swift#keystoneauth
operator_roles = admin, member
[filter:proxy_logging]
use = egg:swift#proxy_logging
# not even a token's first characters in the log
reveal_sensitive_prefix = 0
$(for f in "${SWIFT_PLAIN_FILTERS[@]}"; do printf '[filter:%s]\nuse = egg:swift#%s\n' "$f" "$f"; done)
EOF
  swift_server_conf account "$SWIFT_ACCOUNT_PORT" account
  swift_server_conf container "$SWIFT_CONTAINER_PORT" container
  swift_server_conf object "$SWIFT_OBJECT_PORT" object
  # the rings (part power 8, one replica, one device) name the servers' ports: remake them
  # when a port changes
  rings_key="$SWIFT_ACCOUNT_PORT $SWIFT_CONTAINER_PORT $SWIFT_OBJECT_PORT"
  if ! stamp_ok "$d/rings.stamp" "$rings_key"; then
    log "swift: making the rings"
    rm -f -- "$d"/*.builder "$d"/*.ring.gz
    rm -rf -- "$d/backups"
    for ring in account:"$SWIFT_ACCOUNT_PORT" container:"$SWIFT_CONTAINER_PORT" object:"$SWIFT_OBJECT_PORT"; do
      port=${ring#*:}
      ring=${ring%%:*}
      {
        "$venv/bin/swift-ring-builder" "$d/$ring.builder" create 8 1 1 &&
          "$venv/bin/swift-ring-builder" "$d/$ring.builder" add "r1z1-$HOST:$port/d1" 100 &&
          "$venv/bin/swift-ring-builder" "$d/$ring.builder" rebalance
      } >>"$LOGS/swift-setup.log" 2>&1 || {
        tail -n 25 -- "$LOGS/swift-setup.log" >&2
        die "swift: making the $ring ring failed (log: $LOGS/swift-setup.log)"
      }
    done
    printf '%s\n' "$rings_key" >"$d/rings.stamp"
  fi
}

swift_start() {
  local port
  # `up` checked the proxy's port; the three servers' ports are ours to check
  for port in "$SWIFT_ACCOUNT_PORT" "$SWIFT_CONTAINER_PORT" "$SWIFT_OBJECT_PORT"; do
    port_free "$port" || die "port $port (for swift) is taken by a process devcloud did not start"
  done
  local d=$STATE/swift
  spawn swift "$(swift_venv)/bin/python" "$LIB/swift-server.py" "$d/proxy-server.conf" \
    "$d/account-server.conf" "$d/container-server.conf" "$d/object-server.conf"
}

swift_register() { register swift swift object-store "$SWIFT_URL"; }

# OSC puts an object from a file, saves it back to another file (byte-identical), then
# deletes object and container
swift_smoke() {
  local c=devcloud-smoke-container tmp
  tmp=$(mktemp -d)
  # 1 MiB and a few bytes of random data
  head -c 1048583 /dev/urandom >"$tmp/in"
  "${OSC[@]}" object delete "$c" smoke-object >/dev/null 2>&1 || true
  "${OSC[@]}" container delete "$c" >/dev/null 2>&1 || true
  "${OSC[@]}" container create "$c" >/dev/null
  "${OSC[@]}" object create --name smoke-object "$c" "$tmp/in" >/dev/null
  "${OSC[@]}" object save --file "$tmp/out" "$c" smoke-object
  cmp -- "$tmp/in" "$tmp/out" || { rm -rf -- "$tmp"; die "smoke: swift: the object came back different"; }
  rm -rf -- "$tmp"
  "${OSC[@]}" object delete "$c" smoke-object
  "${OSC[@]}" container delete "$c"
  log "smoke: swift: container, object of 1 MiB up and back byte-identical, deleted"
}
