# shellcheck shell=bash
# A service block of scripts/devcloud, sourced by it (see "Adding a service" there).

# Mistral: API, engine and executor as threads of one process (devcloud.d/mistral-server.py)
# so that the in-memory `fake:/` transport works; the schema is made from the models
# (its alembic migrations fail on sqlite), then stamped.

MISTRAL_PORT=${DEVCLOUD_MISTRAL_PORT:-8989}
MISTRAL_URL=http://$HOST:$MISTRAL_PORT/v2

mistral_venv() { printf '%s' "$VSRV"; }
mistral_packages() { printf 'mistral'; }
mistral_cmdline() { printf 'mistral-server\\.py'; }
mistral_describe() { printf 'workflowv2   %s' "$MISTRAL_URL"; }
mistral_ready() {
  grep -q 'Engine server started' "$LOGS/mistral.log" 2>/dev/null &&
    grep -q 'Executor server started' "$LOGS/mistral.log" 2>/dev/null &&
    [[ "$(http_code "http://$HOST:$MISTRAL_PORT/")" != 000 ]]
}

mistral_prepare() {
  local d=$STATE/mistral
  mkdir -p -- "$d"
  {
    cat <<EOF
# written by scripts/devcloud
[DEFAULT]
transport_url = fake:/
use_stderr = true
[api]
host = $HOST
port = $MISTRAL_PORT
api_workers = 1
[database]
connection = sqlite:///$d/mistral.db
[pecan]
auth_enable = True
EOF
    authtoken_conf mistral
  } >"$d/mistral.conf"
  if [[ ! -f $d/mistral.db.ready ]]; then
    log "mistral: creating the database"
    rm -f -- "$d/mistral.db"
    local mdm=("$VSRV/bin/mistral-db-manage" --config-file "$d/mistral.conf")
    {
      "$VSRV/bin/python" "$LIB/mistral-server.py" --config-file "$d/mistral.conf" --create-db &&
        "${mdm[@]}" stamp head && "${mdm[@]}" populate
    } >"$LOGS/mistral-setup.log" 2>&1 || {
      tail -n 25 -- "$LOGS/mistral-setup.log" >&2
      die "mistral set-up failed (log: $LOGS/mistral-setup.log)"
    }
    touch -- "$d/mistral.db.ready"
  fi
}

mistral_start() {
  spawn mistral "$VSRV/bin/python" "$LIB/mistral-server.py" \
    --config-file "$STATE/mistral/mistral.conf"
}

mistral_register() { register mistral mistral workflowv2 "$MISTRAL_URL"; }

mistral_smoke() {  # OSC runs a std.echo workflow on Mistral; it must reach SUCCESS
  local id state i
  if ! "${OSC[@]}" workflow show devcloud_echo >/dev/null 2>&1; then
    "${OSC[@]}" workflow create "$LIB/echo-workflow.yaml" >/dev/null
  fi
  id=$("${OSC[@]}" workflow execution create devcloud_echo '{"name": "devcloud"}' -f value -c ID)
  for ((i = 0; i < 60; i++)); do
    state=$("${OSC[@]}" workflow execution show "$id" -f value -c State)
    case $state in
      SUCCESS)
        log "smoke: workflow execution $id: SUCCESS, output $("${OSC[@]}" workflow execution output show "$id" | tr -s '\n ' ' ')"
        return 0
        ;;
      ERROR | CANCELLED) die "smoke: workflow execution $id: $state" ;;
    esac
    sleep 0.5
  done
  die "smoke: workflow execution $id still $state"
}
