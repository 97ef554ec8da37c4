# shellcheck shell=bash
# A service block of scripts/devcloud, sourced by it (see "Adding a service" there).

# Placement: gunicorn (configured only by gunicorn.conf.py), sqlite made safe for concurrent
# requests (devcloud.d/sqlite_immediate.py: Nova's parallel claims otherwise get a 500,
# "No valid host"), `placement-manage db sync`.

PLACEMENT_PORT=${DEVCLOUD_PLACEMENT_PORT:-8778}
PLACEMENT_URL=http://$HOST:$PLACEMENT_PORT

placement_venv() { printf '%s' "$CACHE/venv-placement"; }
placement_packages() { printf 'openstack-placement gunicorn'; }
placement_cmdline() { printf 'gunicorn'; }
placement_describe() { printf 'placement    %s' "$PLACEMENT_URL"; }
placement_ready() { [[ "$(http_code "$PLACEMENT_URL/")" == 200 ]]; }

placement_prepare() {
  local d=$STATE/placement
  mkdir -p -- "$d"
  {
    printf '# written by scripts/devcloud\n[DEFAULT]\nuse_stderr = true\n'
    printf '[api]\nauth_strategy = keystone\n'
    printf '[placement_database]\nconnection = sqlite:///%s/placement.db?timeout=60\n' "$d"
    authtoken_conf placement
  } >"$d/placement.conf"
  gunicorn_conf placement placement.wsgi.api:application "$PLACEMENT_PORT" \
    "OS_PLACEMENT_CONFIG_DIR=$d"
  if [[ ! -f $d/placement.db.ready ]]; then
    log "placement: creating the database"
    rm -f -- "$d"/placement.db*
    setup_run placement "$(placement_venv)/bin/placement-manage" \
      --config-file "$d/placement.conf" db sync
    setup_run placement "$(placement_venv)/bin/python" "$LIB/sqlite_immediate.py" \
      --wal "$d/placement.db"
    touch -- "$d/placement.db.ready"
  fi
}

placement_start() { spawn placement "$(placement_venv)/bin/gunicorn"; }

placement_register() { register placement placement placement "$PLACEMENT_URL"; }

placement_smoke() {  # OSC finds Placement in the catalog and reads its version document
  local out
  out=$("${OSC[@]}" versions show --service placement -f value -c 'Service Type' -c Status) ||
    die "smoke: openstack versions show --service placement failed"
  [[ $out == *placement*CURRENT* ]] || die "smoke: placement's versions: $out"
  log "smoke: placement: $out"
}
