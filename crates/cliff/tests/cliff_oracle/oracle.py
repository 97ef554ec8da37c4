"""Runs formatter test cases through the real cliff (Lister/ShowOne.produce_output) and prints the bytes.

Input (stdin): a JSON array of cases. Each case is an object:
  kind:        "list" or "show"
  columns:     column (or field) names
  rows:        for "list", rows of tagged values; values: for "show", tagged values
  argv:        the formatter options, as command-line words (parsed by cliff's own parser)
  env:         CLIFF_MAX_TERM_WIDTH / CLIFF_FIT_WIDTH values (absent keys are unset)
  tty:         whether stdout is a terminal
  term_width:  what os.get_terminal_size() reports (null: not a terminal)
Tagged values: {"t": "null"}, {"t": "bool", "v": b}, {"t": "int", "v": "123"}, {"t": "float", "v": "<bits>"},
{"t": "str", "v": s}, {"t": "list", "v": [...]}, {"t": "dict", "v": [[k, value], ...]},
{"t": "column", "v": {"human": s, "machine": value}} (a FormattableColumn).

Output (stdout): one JSON object per case and line: {"out": text written, "err": message or null,
"warnings": [logged warnings]}.
"""
import io
import json
import logging
import os
import struct
import sys

from cliff import columns as cliff_columns
from cliff import lister
from cliff import show
from cliff import utils


class FormattableColumn(cliff_columns.FormattableColumn):
    """A column whose human-readable text is given."""

    def __init__(self, human, machine):
        super().__init__(machine)
        self._human = human

    def human_readable(self):
        return self._human


def decode(v):
    t = v["t"]
    if t == "null":
        return None
    if t == "bool":
        return bool(v["v"])
    if t == "int":
        return int(v["v"])
    if t == "float":
        return struct.unpack("<d", struct.pack("<Q", int(v["v"])))[0]
    if t == "str":
        return v["v"]
    if t == "list":
        return [decode(x) for x in v["v"]]
    if t == "dict":
        return {k: decode(x) for k, x in v["v"]}
    if t == "column":
        return FormattableColumn(v["v"]["human"], decode(v["v"]["machine"]))
    raise ValueError(t)


class FakeApp:
    def __init__(self):
        self.stdout = io.StringIO()


class TtyStdout(io.StringIO):
    def __init__(self, tty):
        super().__init__()
        self._tty = tty

    def isatty(self):
        return self._tty


class ListCommand(lister.Lister):
    """Oracle lister."""

    def take_action(self, parsed_args):
        raise NotImplementedError


class ShowCommand(show.ShowOne):
    """Oracle show."""

    def take_action(self, parsed_args):
        raise NotImplementedError


class Capture(logging.Handler):
    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def run_case(case, capture):
    for name in ("CLIFF_MAX_TERM_WIDTH", "CLIFF_FIT_WIDTH"):
        os.environ.pop(name, None)
        if name in case.get("env", {}):
            os.environ[name] = case["env"][name]
    app = FakeApp()
    cls = ListCommand if case["kind"] == "list" else ShowCommand
    cmd = cls(app, None)
    capture.messages = []
    real_stdout = sys.stdout
    real_width = utils.terminal_width
    try:
        parser = cmd.get_parser("oracle")
        parsed = parser.parse_args(case["argv"])
        cmd.formatter = cmd._formatter_plugins[parsed.formatter].obj
        term_width = case.get("term_width")
        utils.terminal_width = lambda: term_width
        sys.stdout = TtyStdout(case.get("tty", False))
        if case["kind"] == "list":
            data = [[decode(v) for v in row] for row in case["rows"]]
            cmd.produce_output(parsed, tuple(case["columns"]), data)
        else:
            data = tuple(decode(v) for v in case["values"])
            cmd.produce_output(parsed, tuple(case["columns"]), data)
        err = None
    except SystemExit as e:
        err = "SystemExit %s" % e
    except Exception as e:  # noqa: BLE001 - every failure is a result to compare
        err = str(e)
    finally:
        sys.stdout = real_stdout
        utils.terminal_width = real_width
    return {"out": app.stdout.getvalue(), "err": err, "warnings": list(capture.messages)}


def main():
    cases = json.load(sys.stdin)
    capture = Capture()
    logging.getLogger("cliff").addHandler(capture)
    logging.getLogger("cliff").setLevel(logging.WARNING)
    logging.getLogger("cliff").propagate = False
    out = sys.stdout
    for case in cases:
        out.write(json.dumps(run_case(case, capture)) + "\n")


if __name__ == "__main__":
    main()
