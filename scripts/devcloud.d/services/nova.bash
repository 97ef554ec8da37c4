# shellcheck shell=bash
# A service block of scripts/devcloud, sourced by it (see "Adding a service" there).

# Nova: API, conductor, scheduler and compute as threads of one process
# (devcloud.d/nova-server.py, native threading, `transport_url = fake:/`); the virt driver
# is Nova's FakeDriverWithoutFakeNodes (servers live in its memory) with snapshots that reach
# Glance (devcloud.d/nova_devcloud_driver.py).  Placement for scheduling, Glance for
# images, Neutron for ports (its URL from NEUTRON_PORT), Cinder for volumes.

NOVA_PORT=${DEVCLOUD_NOVA_PORT:-8774}
NOVA_URL=http://$HOST:$NOVA_PORT/v2.1
NOVA_HOST=devcloud  # the compute host's (and hypervisor's) name, the same on every machine

# what Nova cannot work without: scheduling, images, and ports (`server show` asks Neutron)
nova_needs() { printf 'placement glance neutron'; }
nova_venv() { printf '%s' "$CACHE/venv-nova"; }
nova_packages() { printf 'nova cheroot'; }
nova_cmdline() { printf 'nova-server\\.py'; }
nova_describe() { printf 'compute      %s' "$NOVA_URL"; }
nova_ready() {
  grep -q 'devcloud: nova ready' "$LOGS/nova.log" 2>/dev/null &&
    [[ "$(http_code "http://$HOST:$NOVA_PORT/")" == 200 ]]
}

nova_prepare() {
  local d=$STATE/nova v db
  v=$(nova_venv)
  db="sqlite:///$d"
  mkdir -p -- "$d/state" "$d/instances" "$d/locks"
  cp -f -- "$v/etc/nova/api-paste.ini" "$d/api-paste.ini"
  {
    cat <<EOF
# written by scripts/devcloud
[DEFAULT]
use_stderr = true
host = $NOVA_HOST
my_ip = $HOST
transport_url = fake:/
compute_driver = devcloud_fake.DevcloudFakeDriver
state_path = $d/state
instances_path = $d/instances
periodic_fuzzy_delay = 0
# one compute host: resize and cold migrate can only stay on it
allow_resize_to_same_host = true
[api_database]
connection = $db/nova_api.db?timeout=60
[database]
connection = $db/nova.db?timeout=60
[oslo_concurrency]
lock_path = $d/locks
[scheduler]
discover_hosts_in_cells_interval = 2
# consoles: the fake driver answers for VNC, SPICE and serial (no proxy runs; "console url show" only needs the
# URL and its token, which "console connection show" then reads back)
[vnc]
enabled = true
novncproxy_base_url = http://$HOST:6080/vnc_auto.html
[spice]
enabled = true
html5proxy_base_url = http://$HOST:6082/spice_auto.html
[serial_console]
enabled = true
base_url = ws://$HOST:6083/
[neutron]
endpoint_override = http://$HOST:${NEUTRON_PORT:-${DEVCLOUD_NEUTRON_PORT:-9696}}
EOF
    authtoken_conf nova | sed 1d  # the rest of [neutron]
    authtoken_conf nova
    authtoken_conf nova placement
    authtoken_conf nova cinder
    authtoken_conf nova service_user
    printf 'send_service_user_token = true\n'
  } >"$d/nova.conf"
  if [[ ! -f $d/nova.db.ready ]]; then
    log "nova: creating the databases"
    rm -f -- "$d"/nova_api.db* "$d"/nova.db* "$d"/nova_cell0.db* "$d/state/compute_id"
    local nm=("$v/bin/nova-manage" --config-file "$d/nova.conf")
    setup_run nova "${nm[@]}" api_db sync
    setup_run nova "${nm[@]}" cell_v2 map_cell0 --database_connection "$db/nova_cell0.db?timeout=60"
    setup_run nova "${nm[@]}" cell_v2 create_cell --name cell1 --transport-url fake:/ \
      --database_connection "$db/nova.db?timeout=60"
    setup_run nova "${nm[@]}" db sync
    setup_run nova "$v/bin/python" "$LIB/sqlite_immediate.py" --wal \
      "$d/nova_api.db" "$d/nova_cell0.db" "$d/nova.db"
    touch -- "$d/nova.db.ready"
  fi
}

nova_start() {
  OS_NOVA_CONFIG_DIR=$STATE/nova spawn nova "$(nova_venv)/bin/python" "$LIB/nova-server.py" \
    "$HOST" "$NOVA_PORT"
}

nova_register() { register nova nova compute "$NOVA_URL"; }

# nova_smoke_wait server|volume ID STATUS: waits until OSC shows it in STATUS (60 s at most;
# a status ERROR or error stops the smoke test at once).
nova_smoke_wait() {
  local status i
  for ((i = 0; i < 120; i++)); do
    status=$("${OSC[@]}" "$1" show "$2" -f value -c status)
    [[ $status == "$3" ]] && return 0
    [[ ${status,,} == error ]] && die "smoke: $1 $2: $status"
    sleep 0.5
  done
  die "smoke: $1 $2 still $status, not $3"
}

# A server from the Glance image goes ACTIVE, on a network when Neutron is selected, and with
# a volume attached when Cinder is; then it (and the network, the volume) is deleted.
nova_smoke() {
  local image nic=(--nic none) net=devcloud-smoke-nova id vol=
  image=$(glance_smoke_image)
  "${OSC[@]}" flavor show devcloud.tiny >/dev/null 2>&1 ||
    "${OSC[@]}" flavor create --ram 64 --disk 1 --vcpus 1 devcloud.tiny >/dev/null
  if [[ " ${SERVICES[*]} " == *" neutron "* ]]; then
    if ! "${OSC[@]}" network show "$net" >/dev/null 2>&1; then
      "${OSC[@]}" network create "$net" >/dev/null
      "${OSC[@]}" subnet create --network "$net" --subnet-range 192.0.2.0/24 "$net" >/dev/null
    fi
    nic=(--nic "net-id=$net")
  fi
  id=$("${OSC[@]}" server create --flavor devcloud.tiny --image "$image" "${nic[@]}" \
    "devcloud-smoke-$$" -f value -c id) || die "smoke: openstack server create failed"
  nova_smoke_wait server "$id" ACTIVE
  log "smoke: server $id ACTIVE (${nic[*]}): $("${OSC[@]}" server show "$id" -f value -c addresses)"
  if [[ " ${SERVICES[*]} " == *" cinder "* ]]; then
    vol=$("${OSC[@]}" volume create --size 1 "devcloud-smoke-$$" -f value -c id)
    nova_smoke_wait volume "$vol" available
    "${OSC[@]}" server add volume "$id" "$vol" >/dev/null
    nova_smoke_wait volume "$vol" in-use
    log "smoke: volume $vol attached to server $id"
    "${OSC[@]}" server remove volume "$id" "$vol"
    nova_smoke_wait volume "$vol" available
    "${OSC[@]}" volume delete "$vol"
  fi
  "${OSC[@]}" server delete --wait "$id"
  if [[ " ${SERVICES[*]} " == *" neutron "* ]]; then
    "${OSC[@]}" subnet delete "$net"
    "${OSC[@]}" network delete "$net"
  fi
}
