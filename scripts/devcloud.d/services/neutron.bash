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
# OSC's network extension commands (bgpvpn, dynamic_routing, fwaas, taas, vpnaas): their
# Neutron service plugins, installed into the venv by neutron_post_install (pinned here: the
# constraints files are shared by every venv, whose stamps they key); pyzmq is neutron-fwaas's
# only dependency not pinned by the constraints
NEUTRON_SERVICE_PLUGINS+=,bgpvpn,bgp,firewall_v2,taas,tapmirror,vpnaas
NEUTRON_EXTENSION_PACKAGES=(networking-bgpvpn==25.0.0 neutron-dynamic-routing==29.0.0
  neutron-fwaas==25.0.0 tap-as-a-service==18.0.0 neutron-vpnaas==29.0.0 pyzmq==27.3.0)
# their models, imported for the schema (fwaas's own head adds no tables; taas's head misses
# tap_mirrors)
NEUTRON_EXTENSION_MODELS=(networking_bgpvpn.neutron.db.head
  neutron_dynamic_routing.db.migration.models.head neutron_fwaas.db.firewall.v2.models
  neutron_taas.db.head neutron_taas.db.tap_mirror_db neutron_vpnaas.db.models.head)

neutron_venv() { printf '%s' "$CACHE/venv-neutron"; }
neutron_packages() { printf 'neutron gunicorn'; }
neutron_post_install() {
  install_local_package "$(neutron_venv)" "$LIB/neutron-bind-all"
  neutron_install_extensions
}

# neutron_install_extensions: pip installs NEUTRON_EXTENSION_PACKAGES into the existing venv
# (within the constraints), skipped while the stamp (the constraints and the list) is unchanged.
neutron_install_extensions() {
  local venv key stamp logf c cflags=()
  venv=$(neutron_venv)
  for c in "${CONSTRAINTS[@]}"; do cflags+=(-c "$c"); done
  stamp=$venv/.devcloud-extensions.stamp
  logf=$CACHE/logs/venv-neutron-extensions-install.log
  key="$(cat -- "${CONSTRAINTS[@]}" | sha256sum | cut -c1-16) ${NEUTRON_EXTENSION_PACKAGES[*]}"
  stamp_ok "$stamp" "$key" && return 0
  log "installing Neutron's extension service plugins into venv-neutron (log: $logf)"
  "$venv/bin/python" -m pip install --no-input "${cflags[@]}" "${NEUTRON_EXTENSION_PACKAGES[@]}" \
    >"$logf" 2>&1 || {
    tail -n 25 -- "$logf" >&2
    die "installing Neutron's extensions failed (log: $logf)"
  }
  printf '%s\n' "$key" >"$stamp"
}
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
# ?name= on bgpvpns and tap services is otherwise refused (400), and OSC finds them by name
filter_validation = false
[database]
connection = sqlite:///$d/neutron.db?timeout=60
[oslo_concurrency]
lock_path = $d/lock
[service_providers]
# the RC driver: the plain one refuses a router association's advertise_extra_routes (400)
service_provider = BGPVPN:Dummy:networking_bgpvpn.neutron.services.service_drivers.driver_api.BGPVPNDriverRC:default
service_provider = FIREWALL_V2:fwaas_db:neutron_fwaas.services.firewall.service_drivers.agents.agents.FirewallAgentDriver:default
service_provider = TAAS:TAAS:neutron_taas.services.taas.service_drivers.taas_rpc.TaasRpcDriver:default
service_provider = VPN:strongswan:neutron_vpnaas.services.vpn.service_drivers.ipsec.IPsecVPNDriver:default
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
  # The schema: Neutron's and the extensions' tables from their models (WAL: FWaaS writes
  # its default firewall group in a second transaction during a read, which otherwise waits
  # on the first and fails "database is locked"), then every subproject stamped.  A database
  # made before the extensions gets just their tables (create_all skips existing ones).
  local ext_key="${NEUTRON_EXTENSION_MODELS[*]}"
  if [[ ! -f $d/neutron.db.ready ]] || ! stamp_ok "$d/extensions.stamp" "$ext_key"; then
    log "neutron: creating the database"
    if [[ ! -f $d/neutron.db.ready ]]; then
      rm -f -- "$d/neutron.db" "$d/neutron.db-wal" "$d/neutron.db-shm" "$d/extensions.stamp"
    fi
    {
      "$venv/bin/python" "$LIB/neutron-create-schema.py" "sqlite:///$d/neutron.db" \
        "${NEUTRON_EXTENSION_MODELS[@]}" &&
        "$venv/bin/python" "$LIB/sqlite_immediate.py" --wal "$d/neutron.db" &&
        "$venv/bin/neutron-db-manage" --config-file "$d/neutron.conf" \
          --config-file "$d/ml2_conf.ini" stamp heads
    } >"$LOGS/neutron-setup.log" 2>&1 || {
      tail -n 25 -- "$LOGS/neutron-setup.log" >&2
      die "neutron set-up failed (log: $LOGS/neutron-setup.log)"
    }
    touch -- "$d/neutron.db.ready"
    printf '%s\n' "$ext_key" >"$d/extensions.stamp"
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
