#!/usr/bin/env bash
# Creates (idempotently) the Python venv holding the real cliff that format_oracle.rs compares against.
# Location: ${OSC_RS_CACHE:-$HOME/.cache/openstack-rs}/venv-cliff. Takes seconds when already present.
set -euo pipefail

cache="${OSC_RS_CACHE:-$HOME/.cache/openstack-rs}"
venv="$cache/venv-cliff"
python="${PYTHON:-python3}"

# The pins are those of the reference OSC installation (see shared/cloud/constraints.txt).
pins=(
  cliff==4.17.0
  prettytable==3.18.0
  PyYAML==6.0.4
  wcwidth==0.9.4
  autopage==0.6.0
  cmd2==4.3.1
  stevedore==5.10.0
  pbr==7.1.3
  pyperclip==1.11.0
  importlib_metadata==10.2.0
  typing_extensions==4.16.0
  setuptools==84.2.1
  lazy-importer==0.1.0
  markdown-it-py==4.3.0
  mdurl==0.1.2
  prompt_toolkit==3.0.53
  Pygments==2.21.0
  rich==15.0.0
  rich-argparse==1.8.0
  zipp==4.1.2
)
stamp="$venv/.pins"
want="$(printf '%s\n' "${pins[@]}")"

if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi

mkdir -p "$cache"
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps "${pins[@]}"
"$venv/bin/python" -c 'import cliff.display, prettytable, yaml, wcwidth'
printf '%s\n' "$want" > "$stamp"
