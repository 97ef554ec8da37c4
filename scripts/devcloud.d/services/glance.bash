# shellcheck shell=bash
# A service block of scripts/devcloud, sourced by it (see "Adding a service" there).

# Glance: gunicorn (configured only by gunicorn.conf.py; `glance-api` no longer serves by
# itself), a file store under its directory, the image cache on (cache management API, its
# prefetch worker runs inside the API), sqlite made safe for concurrent uploads
# (devcloud.d/sqlite_immediate.py), `glance-manage db_sync` and the packaged metadefs.

GLANCE_PORT=${DEVCLOUD_GLANCE_PORT:-9292}
GLANCE_URL=http://$HOST:$GLANCE_PORT

glance_venv() { printf '%s' "$CACHE/venv-glance"; }
glance_packages() { printf 'glance gunicorn'; }
glance_cmdline() { printf 'gunicorn'; }
glance_describe() { printf 'image        %s' "$GLANCE_URL"; }
glance_ready() { [[ "$(http_code "$GLANCE_URL/")" == 300 ]]; }

glance_prepare() {
  local d=$STATE/glance v
  v=$(glance_venv)
  mkdir -p -- "$d/images" "$d/staging" "$d/tasks" "$d/image-cache"
  cp -f -- "$v/etc/glance/glance-api-paste.ini" "$d/glance-api-paste.ini"
  {
    cat <<EOF
# written by scripts/devcloud
[DEFAULT]
use_stderr = true
enabled_backends = fs:file
worker_self_reference_url = $GLANCE_URL
image_cache_dir = $d/image-cache
[database]
connection = sqlite:///$d/glance.db?timeout=60
[glance_store]
default_backend = fs
[fs]
filesystem_store_datadir = $d/images
[os_glance_staging_store]
filesystem_store_datadir = $d/staging
[os_glance_tasks_store]
filesystem_store_datadir = $d/tasks
[paste_deploy]
flavor = keystone+cachemanagement
config_file = $d/glance-api-paste.ini
EOF
    authtoken_conf glance
  } >"$d/glance-api.conf"
  gunicorn_conf glance glance.wsgi.api:application "$GLANCE_PORT" "OS_GLANCE_CONFIG_DIR=$d"
  if [[ ! -f $d/glance.db.ready ]]; then
    log "glance: creating the database"
    rm -f -- "$d"/glance.db*
    local gm=("$v/bin/glance-manage" --config-file "$d/glance-api.conf")
    setup_run glance "${gm[@]}" db_sync
    setup_run glance "${gm[@]}" db_load_metadefs "$v/etc/glance/metadefs"
    setup_run glance "$v/bin/python" "$LIB/sqlite_immediate.py" --wal "$d/glance.db"
    touch -- "$d/glance.db.ready"
  fi
}

glance_start() { spawn glance "$(glance_venv)/bin/gunicorn"; }

glance_register() { register glance glance image "$GLANCE_URL"; }

# glance_smoke_image: the id of the tiny image `devcloud-smoke` (uploaded with OSC once per
# cloud); the nova smoke boots servers from it.
glance_smoke_image() {
  local id
  id=$("${OSC[@]}" image list --name devcloud-smoke -f value -c ID | head -n 1)
  if [[ -z $id ]]; then
    head -c 1024 /dev/zero >"$STATE/glance/devcloud-smoke.img"
    id=$("${OSC[@]}" image create --file "$STATE/glance/devcloud-smoke.img" \
      --disk-format raw --container-format bare --public devcloud-smoke -f value -c id)
  fi
  printf '%s' "$id"
}

glance_smoke() {  # an image goes up with OSC and comes back byte-identical
  local tmp id
  tmp=$(mktemp -d)
  head -c 300000 /dev/urandom >"$tmp/up.img"
  id=$("${OSC[@]}" image create --file "$tmp/up.img" --disk-format raw \
    --container-format bare "devcloud-smoke-$$" -f value -c id) ||
    die "smoke: openstack image create failed"
  "${OSC[@]}" image save --file "$tmp/down.img" "$id" || die "smoke: openstack image save failed"
  cmp -s -- "$tmp/up.img" "$tmp/down.img" || die "smoke: image $id came back different"
  "${OSC[@]}" image delete "$id"
  rm -rf -- "$tmp"
  log "smoke: image $id: 300000 bytes up and back, identical"
  glance_smoke_image >/dev/null
}
