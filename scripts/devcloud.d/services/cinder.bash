# shellcheck shell=bash
# A service block of scripts/devcloud, sourced by it (see "Adding a service" there).

# Cinder: API, scheduler, volume and backup services as greenthreads of one process
# (devcloud.d/cinder-server.py) so that the in-memory `fake:/` transport works; sqlite;
# two backends `fake` and `fake2` (so that `volume migrate` has somewhere to go) with a
# fake driver whose volumes are files (devcloud.d/devcloud_cinder_driver.py, a subclass of
# Cinder's FakeLoggingVolumeDriver); backups with the posix driver into a directory.

CINDER_PORT=${DEVCLOUD_CINDER_PORT:-8776}
CINDER_URL=http://$HOST:$CINDER_PORT/v3
CINDER_BACKENDS=(fake fake2)  # one cinder-volume service (host devcloud@NAME) each

cinder_venv() { printf '%s' "$CACHE/venv-cinder"; }
# fixtures: imported by cinder.tests.fake_driver
cinder_packages() { printf 'cinder fixtures'; }
cinder_cmdline() { printf 'cinder-server\\.py'; }
cinder_describe() { printf 'block-storage %s' "$CINDER_URL"; }
cinder_ready() {
  [[ "$(http_code "http://$HOST:$CINDER_PORT/")" == 300 ]] &&
    [[ "$(grep -c 'Driver initialization completed successfully' "$LOGS/cinder.log" 2>/dev/null)" -ge ${#CINDER_BACKENDS[@]} ]]
}

cinder_prepare() {
  local d=$STATE/cinder venv
  venv=$(cinder_venv)
  mkdir -p -- "$d/state" "$d/locks" "$d/coordination" "$d/backups"
  # the packaged paste pipeline and resource filters (cinder looks for them under /etc)
  cp -f -- "$venv/etc/cinder/api-paste.ini" "$venv/etc/cinder/resource_filters.json" "$d/"
  cat >"$d/cinder.conf" <<EOF
# written by scripts/devcloud
[DEFAULT]
transport_url = fake:/
use_stderr = true
host = devcloud
my_ip = $HOST
state_path = $d/state
auth_strategy = keystone
osapi_volume_listen = $HOST
osapi_volume_listen_port = $CINDER_PORT
osapi_volume_workers = 1
api_paste_config = $d/api-paste.ini
resource_query_filters_file = $d/resource_filters.json
enabled_backends = $(IFS=,; printf '%s' "${CINDER_BACKENDS[*]}")
default_volume_type = __DEFAULT__
# report and poll often: a fresh service is seen up (and a backend's capacity known) sooner
report_interval = 2
periodic_interval = 5
backup_driver = cinder.backup.drivers.posix.PosixBackupDriver
backup_posix_path = $d/backups
[database]
connection = sqlite:///$d/cinder.db
[oslo_concurrency]
lock_path = $d/locks
[coordination]
backend_url = file://$d/coordination
$(for b in "${CINDER_BACKENDS[@]}"; do
    printf '[%s]\nvolume_driver = devcloud_cinder_driver.FileDriver\nvolume_backend_name = %s\n' "$b" "$b"
  done)
$(authtoken_conf cinder)
service_token_roles_required = true
EOF
  if [[ ! -f $d/cinder.db.ready ]]; then
    log "cinder: creating the database"
    rm -f -- "$d/cinder.db"
    "$venv/bin/cinder-manage" --config-file "$d/cinder.conf" db sync \
      >"$LOGS/cinder-setup.log" 2>&1 || {
      tail -n 25 -- "$LOGS/cinder-setup.log" >&2
      die "cinder set-up failed (log: $LOGS/cinder-setup.log)"
    }
    touch -- "$d/cinder.db.ready"
  fi
}

cinder_start() {
  spawn cinder "$(cinder_venv)/bin/python" "$LIB/cinder-server.py" \
    --config-file "$STATE/cinder/cinder.conf" --backup
}

cinder_register() { register cinder cinder block-storage "$CINDER_URL"; }

cinder_wait() {  # RESOURCE NAME FIELD VALUE: wait (30 s at most) until `RESOURCE show NAME` has FIELD VALUE
  local value i res
  read -ra res <<<"$1"
  for ((i = 0; i < 60; i++)); do
    value=$("${OSC[@]}" "${res[@]}" show "$2" -f value -c "$3")
    [[ $value == "$4" ]] && return 0
    [[ $value == error* ]] && die "smoke: $1 $2: $3 is $value"
    sleep 0.5
  done
  die "smoke: $1 $2: $3 still $value, not $4"
}

cinder_wait_gone() {  # RESOURCE NAME: wait (30 s at most) until `RESOURCE show NAME` fails
  local i res
  read -ra res <<<"$1"
  for ((i = 0; i < 60; i++)); do
    "${OSC[@]}" "${res[@]}" show "$2" >/dev/null 2>&1 || return 0
    sleep 0.5
  done
  die "smoke: $1 $2 still there"
}

# OSC makes a volume type, a volume of that type (available), extends it, snapshots it,
# backs it up, and deletes all of it again
cinder_smoke() {
  local t=devcloud-smoke-type v=devcloud-smoke-volume s=devcloud-smoke-snapshot
  local b=devcloud-smoke-backup
  # leftovers of an interrupted run
  "${OSC[@]}" volume backup delete --force "$b" >/dev/null 2>&1 && cinder_wait_gone "volume backup" "$b"
  "${OSC[@]}" volume snapshot delete "$s" >/dev/null 2>&1 && cinder_wait_gone "volume snapshot" "$s"
  "${OSC[@]}" volume delete "$v" >/dev/null 2>&1 && cinder_wait_gone volume "$v"
  "${OSC[@]}" volume type delete "$t" >/dev/null 2>&1 || true
  "${OSC[@]}" volume type create --property volume_backend_name=fake "$t" >/dev/null
  "${OSC[@]}" volume create --size 1 --type "$t" "$v" >/dev/null
  cinder_wait volume "$v" status available
  "${OSC[@]}" volume set --size 2 "$v"
  cinder_wait volume "$v" size 2
  "${OSC[@]}" volume snapshot create --volume "$v" "$s" >/dev/null
  cinder_wait "volume snapshot" "$s" status available
  "${OSC[@]}" volume snapshot delete "$s"
  cinder_wait_gone "volume snapshot" "$s"
  "${OSC[@]}" volume backup create --name "$b" "$v" >/dev/null
  cinder_wait "volume backup" "$b" status available
  "${OSC[@]}" volume backup delete "$b"
  cinder_wait_gone "volume backup" "$b"
  "${OSC[@]}" volume delete "$v"
  cinder_wait_gone volume "$v"
  "${OSC[@]}" volume type delete "$t"
  log "smoke: cinder: volume type, volume (available, extended to 2 GiB), snapshot, backup, deleted"
}
