# shellcheck shell=bash
# A service block of scripts/devcloud, sourced by it (see "Adding a service" there).

# Neutron: ML2 without agents, served by gunicorn (configured only by gunicorn.conf.py, like
# Keystone).  The schema is made from the models (its alembic migrations fail on sqlite),
# then stamped.  Ports are bound by devcloud's own mechanism driver `devcloud_bind_all`
# (devcloud.d/neutron-bind-all, a local package installed into the venv by
# neutron_post_install), so that Nova's servers on Neutron networks become ACTIVE; it also
# reports DHCP, Open vSwitch and metadata agents, and stands in for the QoS and trunk drivers.

NEUTRON_PORT=${DEVCLOUD_NEUTRON_PORT:-9696}
NEUTRON_URL=http://$HOST:$NEUTRON_PORT
# the service plugins for OSC's network commands (docs/testbed.md: what each was checked with)
NEUTRON_SERVICE_PLUGINS=router,qos,trunk,segments,metering,port_forwarding,conntrack_helper
NEUTRON_SERVICE_PLUGINS+=,ndp_proxy,local_ip,network_segment_range,auto_allocate,flavors,tag

neutron_venv() { printf '%s' "$CACHE/venv-neutron"; }
neutron_packages() { printf 'neutron gunicorn'; }
neutron_post_install() { install_local_package "$(neutron_venv)" "$LIB/neutron-bind-all"; }
neutron_cmdline() { printf 'gunicorn'; }
neutron_describe() { printf 'network      %s' "$NEUTRON_URL"; }
neutron_ready() { [[ "$(http_code "$NEUTRON_URL/")" == 200 ]]; }

neutron_prepare() {
  local d=$STATE/neutron venv
  venv=$(neutron_venv)
  mkdir -p -- "$d/state" "$d/lock"
  cp -f -- "$venv/etc/neutron/api-paste.ini" "$d/api-paste.ini"
  cat >"$d/neutron.conf" <<EOF
# written by scripts/devcloud
[DEFAULT]
core_plugin = ml2
service_plugins = $NEUTRON_SERVICE_PLUGINS
auth_strategy = keystone
transport_url = fake:/
api_paste_config = $d/api-paste.ini
state_path = $d/state
host = devcloud
use_stderr = true
notify_nova_on_port_status_changes = false
notify_nova_on_port_data_changes = false
# devcloud_bind_all reports its agents once at start: keep them alive (the maximum, 24 days)
agent_down_time = 2147483
[database]
connection = sqlite:///$d/neutron.db?timeout=60
[oslo_concurrency]
lock_path = $d/lock
$(authtoken_conf neutron)
EOF
  cat >"$d/ml2_conf.ini" <<EOF
# written by scripts/devcloud
[ml2]
type_drivers = flat,vlan,vxlan
tenant_network_types = vxlan
mechanism_drivers = devcloud_bind_all
extension_drivers = port_security,qos,subnet_dns_publish_fixed_ip
[ml2_type_flat]
flat_networks = physnet1
[ml2_type_vlan]
network_vlan_ranges = physnet1:100:199
[ml2_type_vxlan]
vni_ranges = 1:1000
EOF
  cat >"$d/gunicorn.conf.py" <<EOF
# written by scripts/devcloud; gunicorn is started with no arguments (Neutron parses argv)
import sys

# oslo.db's sqlite transactions BEGIN IMMEDIATE, patched in the master before it forks
sys.path.insert(0, "$LIB")
import sqlite_immediate  # noqa: E402

sqlite_immediate.install()

wsgi_app = "neutron.wsgi.api:application"
bind = "$HOST:$NEUTRON_PORT"
# one worker: each takes 185-256 MB; requests queue (none waits on another Neutron request)
workers = 1
timeout = 120
graceful_timeout = 5
# Apache's limit (gunicorn's own is 4094): Nova's server list asks for the ports of up to 150 servers in one URL
# (device_id=...&device_id=..., about 7,000 bytes), which gunicorn refuses, so a list of 87 servers or more was a 500
limit_request_line = 8190
proc_name = "devcloud-neutron"
pidfile = "$RUN/neutron.gunicorn.pid"
errorlog = "-"
control_socket_disable = True
EOF
  if [[ ! -f $d/neutron.db.ready ]]; then
    log "neutron: creating the database"
    rm -f -- "$d/neutron.db" "$d/neutron.db-wal" "$d/neutron.db-shm"
    {
      "$venv/bin/python" "$LIB/neutron-create-schema.py" "sqlite:///$d/neutron.db" &&
        "$venv/bin/python" "$LIB/sqlite_immediate.py" --wal "$d/neutron.db" &&
        "$venv/bin/neutron-db-manage" --config-file "$d/neutron.conf" \
          --config-file "$d/ml2_conf.ini" stamp heads
    } >"$LOGS/neutron-setup.log" 2>&1 || {
      tail -n 25 -- "$LOGS/neutron-setup.log" >&2
      die "neutron set-up failed (log: $LOGS/neutron-setup.log)"
    }
    touch -- "$d/neutron.db.ready"
  fi
}

neutron_start() {
  OS_NEUTRON_CONFIG_DIR=$STATE/neutron OS_NEUTRON_CONFIG_FILES='neutron.conf;ml2_conf.ini' \
    spawn neutron "$(neutron_venv)/bin/gunicorn"
}

neutron_register() { register neutron neutron network "$NEUTRON_URL"; }

# OSC creates, shows and deletes a network, subnet, bound port, router (with an interface)
# and security group rule.  The network is made first and deleted last: if it exists, an
# interrupted run left things behind, which are deleted first.
neutron_smoke() {
  local n=devcloud-smoke out
  if "${OSC[@]}" network show "$n" >/dev/null 2>&1; then
    "${OSC[@]}" router remove subnet "$n" "$n" >/dev/null 2>&1 || true
    "${OSC[@]}" router delete "$n" >/dev/null 2>&1 || true
    "${OSC[@]}" port delete "$n" >/dev/null 2>&1 || true
    "${OSC[@]}" security group delete "$n" >/dev/null 2>&1 || true
    "${OSC[@]}" network delete "$n"
  fi
  "${OSC[@]}" network create "$n" >/dev/null
  "${OSC[@]}" subnet create "$n" --network "$n" --subnet-range 10.99.0.0/24 >/dev/null
  # a port with a host is bound by devcloud_bind_all, as Nova's ports are
  out=$("${OSC[@]}" port create "$n" --network "$n" --host devcloud -f shell -c status -c binding_vif_type)
  [[ $out == *'status="ACTIVE"'* && $out == *'binding_vif_type="ovs"'* ]] ||
    die "smoke: port $n is not bound (ACTIVE, ovs): $out"
  "${OSC[@]}" router create "$n" >/dev/null
  "${OSC[@]}" router add subnet "$n" "$n"
  "${OSC[@]}" router show "$n" -f value -c interfaces_info | grep -q 10.99.0.1 ||
    die "smoke: router $n has no interface on 10.99.0.0/24"
  "${OSC[@]}" security group create "$n" >/dev/null
  "${OSC[@]}" security group rule create "$n" --protocol tcp --dst-port 22 >/dev/null
  "${OSC[@]}" security group rule list "$n" -f value -c 'Port Range' | grep -qx 22:22 ||
    die "smoke: security group $n has no rule for port 22"
  "${OSC[@]}" router remove subnet "$n" "$n"
  "${OSC[@]}" router delete "$n"
  "${OSC[@]}" port delete "$n"
  "${OSC[@]}" security group delete "$n"
  "${OSC[@]}" network delete "$n"
  log "smoke: network, subnet, port (bound: ACTIVE, ovs), router with an interface, security group rule"
}
