# shellcheck shell=bash
# A service block of scripts/devcloud, sourced by it (see "Adding a service" there).

# Keystone: gunicorn (configured only by gunicorn.conf.py: Keystone parses sys.argv),
# sqlite with the locking fix (devcloud.d/sqlite_immediate.py: every service logs in at once
# when the cloud starts, and a deferred BEGIN failed one of them with "database is locked"),
# fernet tokens, cheap bcrypt.

KEYSTONE_PORT=${DEVCLOUD_KEYSTONE_PORT:-5000}

keystone_venv() { printf '%s' "$VSRV"; }
keystone_packages() { printf 'keystone gunicorn'; }
keystone_cmdline() { printf 'gunicorn'; }
keystone_describe() { printf 'identity     %s' "$AUTH_URL"; }
keystone_ready() { [[ "$(http_code "$AUTH_URL")" == 200 ]]; }

keystone_prepare() {
  local d=$STATE/keystone
  mkdir -p -- "$d/fernet-keys" "$d/credential-keys" "$d/receipt-keys"
  cat >"$d/keystone.conf" <<EOF
# written by scripts/devcloud
[DEFAULT]
use_stderr = true
[database]
connection = sqlite:///$d/keystone.db?timeout=60
[token]
provider = fernet
[fernet_tokens]
key_repository = $d/fernet-keys
[fernet_receipts]
key_repository = $d/receipt-keys
[credential]
key_repository = $d/credential-keys
[identity]
password_hash_rounds = 4
EOF
  gunicorn_conf keystone keystone.wsgi.api:application "$KEYSTONE_PORT" \
    "OS_KEYSTONE_CONFIG_DIR=$d" "OS_KEYSTONE_CONFIG_FILES=keystone.conf"
  local km=("$VSRV/bin/keystone-manage" --config-file "$d/keystone.conf")
  if [[ ! -f $d/keystone.db.ready ]]; then
    log "keystone: creating the database and keys"
    rm -f -- "$d/keystone.db"
    {
      "${km[@]}" db_sync &&
        "${km[@]}" fernet_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)" &&
        "${km[@]}" receipt_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)" &&
        "${km[@]}" credential_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)"
    } >"$LOGS/keystone-setup.log" 2>&1 || {
      tail -n 25 -- "$LOGS/keystone-setup.log" >&2
      die "keystone set-up failed (log: $LOGS/keystone-setup.log)"
    }
    touch -- "$d/keystone.db.ready"
  fi
  # WAL (kept in the file; also for a database made before devcloud set it)
  "$VSRV/bin/python" "$LIB/sqlite_immediate.py" --wal "$d/keystone.db" >>"$LOGS/keystone-setup.log" 2>&1 ||
    die "keystone: could not set WAL on its database (log: $LOGS/keystone-setup.log)"
  # bootstrap is idempotent; rerun it only when the URL changed
  if ! stamp_ok "$d/bootstrap.stamp" "$AUTH_URL"; then
    log "keystone: bootstrap (admin, RegionOne, $AUTH_URL)"
    "${km[@]}" bootstrap --bootstrap-username "$ADMIN_USER" \
      --bootstrap-password "$ADMIN_PASSWORD" --bootstrap-project-name admin \
      --bootstrap-role-name admin --bootstrap-service-name keystone \
      --bootstrap-region-id "$REGION" --bootstrap-admin-url "$AUTH_URL" \
      --bootstrap-internal-url "$AUTH_URL" --bootstrap-public-url "$AUTH_URL" \
      >>"$LOGS/keystone-setup.log" 2>&1 || {
      tail -n 25 -- "$LOGS/keystone-setup.log" >&2
      die "keystone bootstrap failed (log: $LOGS/keystone-setup.log)"
    }
    printf '%s\n' "$AUTH_URL" >"$d/bootstrap.stamp"
  fi
}

keystone_start() { spawn keystone "$VSRV/bin/gunicorn"; }

keystone_register() { :; }  # bootstrap made the identity service and its endpoints
