#!/usr/bin/env python3
"""Oracle for cliff's Rust argparse: runs every case with Python 3.11's argparse and prints the results as JSON.

Each case is a parser description (prog, description, epilog, flags, groups, mutually exclusive groups and
arguments with their argparse keywords) plus operations: `help`/`usage` at a terminal width, and `parse`
(`parse_args` or `parse_known_args`) of an argv. The Rust test (tests/argparse_oracle.rs) builds the same parser
with `cliff::argparse`, runs the same operations and compares byte for byte.

With cliff installed (a venv named by $CLIFF_PYTHON) the parsers are cliff's own `_argparse.ArgumentParser` with
`SmartHelpFormatter` and `conflict_handler='ignore'`; otherwise plain argparse with equivalents written below.
Exit status 3 means this Python cannot be the oracle (not 3.11).

`argparse_oracle.py --fuzz COUNT SEED` prints COUNT random parsers with random command lines instead (run by the
ignored test `argparse_fuzz`); operations where Python itself crashes are marked `python_error` and skipped.
"""

import argparse
import contextlib
import io
import json
import os
import random
import sys
import warnings

if sys.version_info[:2] != (3, 11):
    sys.stderr.write('argparse oracle needs Python 3.11, this is %s\n' % sys.version.split()[0])
    sys.exit(3)

warnings.simplefilter('ignore')

try:
    from cliff import _argparse as cliff_argparse

    ParserClass = cliff_argparse.ArgumentParser
    SmartFormatter = cliff_argparse.SmartHelpFormatter
    FLAVOUR = 'cliff'
except ImportError:
    FLAVOUR = 'argparse'

    class SmartFormatter(argparse.HelpFormatter):
        """Explicit newlines in argument help start new lines; each line is wrapped on its own."""

        def _split_lines(self, text, width):
            if '\n' not in text:
                return super()._split_lines(text, width)
            lines = []
            for line in text.splitlines():
                lines.extend(super()._split_lines(line, width))
            return lines

    def _ignore_conflicts(container, action, conflicting_actions):
        """cliff's 'ignore' handler: drop taken option strings from the new action; fail if none is left."""
        for option_string, _ in conflicting_actions:
            action.option_strings.remove(option_string)
            if not action.option_strings:
                raise argparse.ArgumentError(
                    action, 'Cannot resolve conflicting option string, all names conflict.'
                )

    argparse._ActionsContainer._handle_conflict_ignore = _ignore_conflicts
    ParserClass = argparse.ArgumentParser

ACTION_KEYS = ('action', 'nargs', 'const', 'default', 'type', 'choices', 'required', 'help', 'metavar', 'dest',
               'version')


def build(spec):
    """The argparse parser a case describes, or the error raised while building it."""
    parser = ParserClass(
        prog=spec['prog'],
        description=spec.get('description'),
        epilog=spec.get('epilog'),
        formatter_class=SmartFormatter if spec.get('smart', True) else argparse.HelpFormatter,
        conflict_handler='ignore',
        add_help=False,
        allow_abbrev=spec.get('allow_abbrev', True),
    )
    groups = []
    mutexes = []
    for item in spec['items']:
        kind = item['kind']
        if kind == 'group':
            groups.append(parser.add_argument_group(item['title'], item.get('description')))
        elif kind == 'mutex':
            container = parser if item.get('group') is None else groups[item['group']]
            mutexes.append(container.add_mutually_exclusive_group(required=item.get('required', False)))
        else:
            kwargs = {}
            for key in ACTION_KEYS:
                if key in item['kw']:
                    kwargs[key] = item['kw'][key]
            if kwargs.get('type') == 'int':
                kwargs['type'] = int
            if kwargs.get('nargs') == '...':
                kwargs['nargs'] = argparse.REMAINDER
            if kwargs.get('help') == '==SUPPRESS==':
                kwargs['help'] = argparse.SUPPRESS
            if item.get('mutex') is not None:
                target = mutexes[item['mutex']]
            elif item.get('group') is not None:
                target = groups[item['group']]
            else:
                target = parser
            try:
                target.add_argument(*item['flags'], **kwargs)
            except argparse.ArgumentError as err:
                return None, str(err)
            except (ValueError, TypeError) as err:
                return None, 'python_error: %s' % err
    return parser, None


def run_op(parser, op):
    os.environ['COLUMNS'] = str(op['columns'])
    try:
        if op['op'] == 'help':
            return {'text': parser.format_help()}
        if op['op'] == 'usage':
            return {'text': parser.format_usage()}
    except Exception as error:
        return {'python_error': repr(error)}
    if op['op'] == 'option_strings':
        return {'list': [flag for action in parser._actions for flag in action.option_strings]}
    out, err = io.StringIO(), io.StringIO()
    result = {'exit': None, 'stdout': '', 'stderr': ''}
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            if op['known']:
                namespace, extras = parser.parse_known_args(list(op['argv']))
            else:
                namespace, extras = parser.parse_args(list(op['argv'])), []
        result['namespace'] = vars(namespace)
        result['extras'] = extras
    except SystemExit as exit_:
        result['exit'] = exit_.code
    except Exception as error:  # argparse's own bugs (an assertion in usage wrapping...)
        return {'python_error': repr(error)}
    result['stdout'] = out.getvalue()
    result['stderr'] = err.getvalue()
    return result


# ---------------------------------------------------------------------------------------------------------------
# Case definitions
# ---------------------------------------------------------------------------------------------------------------

CASES = []
WIDTHS = (40, 80, 120, 200)


class Spec:
    """A parser description being written; `arg`/`group`/`mutex` mirror argparse's calls."""

    def __init__(self, prog, description=None, epilog=None, smart=True, allow_abbrev=True, add_help=True):
        self.data = {'prog': prog, 'description': description, 'epilog': epilog, 'smart': smart,
                     'allow_abbrev': allow_abbrev, 'items': []}
        self.groups = 0
        self.mutexes = 0
        if add_help:
            self.arg('-h', '--help', action='help', help='show this help message and exit')

    def arg(self, *flags, group=None, mutex=None, **kw):
        self.data['items'].append({'kind': 'arg', 'flags': list(flags), 'kw': kw, 'group': group,
                                   'mutex': mutex})
        return self

    def group(self, title, description=None):
        self.data['items'].append({'kind': 'group', 'title': title, 'description': description})
        self.groups += 1
        return self.groups - 1

    def mutex(self, group=None, required=False):
        self.data['items'].append({'kind': 'mutex', 'group': group, 'required': required})
        self.mutexes += 1
        return self.mutexes - 1


def case(name, spec, parses=(), known=(), helps=WIDTHS, usages=(), columns=80):
    ops = [{'op': 'option_strings', 'columns': 80}]
    ops += [{'op': 'help', 'columns': w} for w in helps]
    ops += [{'op': 'usage', 'columns': w} for w in usages]
    ops += [{'op': 'parse', 'argv': list(a), 'known': False, 'columns': columns} for a in parses]
    ops += [{'op': 'parse', 'argv': list(a), 'known': True, 'columns': columns} for a in known]
    CASES.append({'name': name, 'parser': spec.data, 'ops': ops})


def lister(prog, description=None):
    """cliff's Lister options (display.py, lister.py and the csv/json/table formatters), in cliff's order."""
    s = Spec(prog, description=description)
    out = s.group('output formatters', 'output formatter options')
    s.arg('-f', '--format', dest='formatter', action='store', choices=['csv', 'json', 'table', 'value', 'yaml'],
          default='table', help='the output format, defaults to table', group=out)
    s.arg('-c', '--column', action='append', default=[], dest='columns', metavar='COLUMN',
          help='specify the column(s) to include, can be repeated to show multiple columns', group=out)
    csv = s.group('CSV Formatter')
    s.arg('--quote', choices=['all', 'minimal', 'none', 'nonnumeric'], dest='quote_mode', default='nonnumeric',
          help='when to include quotes, defaults to nonnumeric', group=csv)
    js = s.group('json formatter')
    s.arg('--noindent', action='store_true', dest='noindent', help='whether to disable indenting the JSON',
          group=js)
    table = s.group('table formatter')
    s.arg('--max-width', metavar='<integer>', default=0, type='int',
          help='Maximum display width, <1 to disable. You can also use the CLIFF_MAX_TERM_WIDTH environment '
               'variable, but the parameter takes precedence.', group=table)
    s.arg('--fit-width', action='store_true', default=False,
          help='Fit the table to the display width. Implied if --max-width greater than 0. Set the environment '
               'variable CLIFF_FIT_WIDTH=1 to always enable', group=table)
    s.arg('--print-empty', action='store_true', help='Print empty table if there is no data to show.',
          group=table)
    s.arg('--sort-column', action='append', default=[], dest='sort_columns', metavar='SORT_COLUMN',
          help='specify the column(s) to sort the data (columns specified first have a priority, non-existing '
               'columns are ignored), column names are case-insensitive and accept underscores for spaces, can '
               'be repeated', group=out)
    direction = s.mutex(group=out)
    s.arg('--sort-ascending', action='store_const', dest='sort_direction', const='asc',
          help='sort the column(s) in ascending order', mutex=direction)
    s.arg('--sort-descending', action='store_const', dest='sort_direction', const='desc',
          help='sort the column(s) in descending order', mutex=direction)
    return s


def project_list():
    s = lister('openstack project list', 'List projects')
    s.arg('--domain', metavar='<domain>', help='Filter projects by <domain> (name or ID)')
    s.arg('--parent', metavar='<parent>', help='Filter projects whose parent is <parent> (name or ID)')
    s.arg('--user', metavar='<user>', help='Filter projects by <user> (name or ID)')
    s.arg('--my-projects', action='store_true',
          help='List projects for the authenticated user. Supersedes other filters.')
    s.arg('--long', action='store_true', default=False, help='List additional fields in output')
    s.arg('--sort', metavar='<key>[:<direction>]',
          help='Sort output by selected keys and directions (asc or desc) (default: asc), repeat this option to '
               'specify multiple keys and directions.')
    s.arg('--enabled', action='store_true', help='List only enabled projects')
    s.arg('--disabled', action='store_true', help='List only disabled projects')
    for flag, verb, which in (('--tags', 'List', 'all'), ('--tags-any', 'List', 'any'),
                              ('--not-tags', 'Exclude', 'all'), ('--not-tags-any', 'Exclude', 'any')):
        s.arg(flag, metavar='<tag>[,<tag>,...]', action='append', default=[],
              help='%s projects which have %s given tag(s) (Comma-separated list of tags)' % (verb, which))
    s.arg('--limit', metavar='<limit>', type='int',
          help='The maximum number of entries to return per page. If the value exceeds the server-defined '
               'maximum, then the server-defined value will be used. Note that this controls the page size, not '
               'the total number of entries returned. Use --max-items to limit the total number of entries '
               'returned.')
    s.arg('--marker', metavar='<marker>',
          help='The first position in the collection to return results from. This should be a value that was '
               'returned in a previous request.')
    s.arg('--max-items', metavar='<max-items>', type='int',
          help='The maximum number of entries to return in total, paging through multiple requests if needed. '
               'Use --limit to control the page size.')
    return s


case('project list', project_list(), usages=(60, 80),
     parses=[[], ['-f', 'xml'], ['-f', 'json', '--long'], ['-fjson'], ['--format=yaml', '-c', 'ID', '-c', 'Name'],
             ['--sort-ascending', '--sort-descending'], ['--sort-descending', '--sort-ascending'],
             ['--sort-column', 'name', '--sort-asc'], ['--sort', 'name:asc'], ['--so', 'x'],
             ['--max-width', '20', '--fit'], ['--max-width', 'wide'], ['--limit', '-5'], ['--limit=1_000'],
             ['--tags', 'a,b', '--tags', 'c'], ['--not', 'x'], ['--my'], ['--enabled', 'extra'], ['-c'],
             ['--long=yes'], ['-h'], ['--long', '--help', '-f', 'xml'], ['--quote', 'all', '-f', 'csv'],
             ['-f', 'tab'], ['--noindent', '--print-empty', '--domain', 'default', '--user', 'admin'],
             ['-fjson', '-cID', '-c=Name'], ['--', '--long'], ['--marker', '--long'], ['--limit']],
     known=[['--os-cloud', 'devstack', '--long'], ['-x', 'value', '--long'], ['--long', 'a', 'b']])

s = Spec('prog', description='A test program.')
s.arg('-f', '--format', choices=['csv', 'json', 'table', 'value', 'yaml'], default='table',
      help='output format (default: %(default)s)')
s.arg('-c', '--column', action='append', default=[], metavar='COLUMN', help='column, repeatable')
s.arg('--noindent', action='store_true', help='no indent')
s.arg('--max-width', type='int', default=0, metavar='<integer>', help='width, default %(default)s')
m = s.mutex()
s.arg('--sort-ascending', action='store_const', const='asc', dest='sort_direction', help='ascending', mutex=m)
s.arg('--sort-descending', action='store_const', const='desc', dest='sort_direction', help='descending', mutex=m)
s.arg('name', help='the name of the thing')
case('basic', s, usages=WIDTHS,
     parses=[[], ['x'], ['-f', 'json', 'x'], ['-fjson', 'x'], ['--format=json', 'x'], ['--form', 'json', 'x'],
             ['--fo=csv', 'x'], ['x', '-f', 'xml'], ['--max-width', 'abc', 'x'], ['--max-width', '-5', 'x'],
             ['--max-width=-5', 'x'], ['--sort-ascending', '--sort-descending', 'x'], ['--sort', 'x'],
             ['--sort-a', 'x'], ['-c', 'a', '-c', 'b', 'x'], ['-ca', '-cb', 'x'], ['x', 'y'], ['-h'], ['x', '-h'],
             ['--noindent=1', 'x'], ['-f'], ['x', '-f'], ['x', '--', '-f'], ['--', '-x'], ['-x'], ['x', '-x'],
             ['--noindent', '--noindent', 'x'], ['-c', 'a b', 'x'], ['x', '-c'], ['-f', 'json', '-f', 'csv', 'x'],
             ['--', 'x'], ['x', '--'], ['-', 'x'], ['-5'], ['--max-width', '5', '--max-width', '6', 'x'],
             ['--column', '--', 'x'], ['--column=', 'x'], ['--max-width='], ['-f=json', 'x'], ['-fxml', 'x']],
     known=[['x', '--unknown'], ['--unknown', 'v', 'x'], ['x', '--unknown', 'v'], ['-z', 'x', 'y'],
            ['x', 'y', 'z'], ['--x=1', 'pos'], ['-', 'x'], ['--', 'a', 'b']])

s = Spec('cp')
s.arg('src', nargs='+', help='sources')
s.arg('dst', help='destination')
s.arg('-r', '--recursive', action='store_true', help='recurse')
case('plus then single', s, helps=(80,),
     parses=[['a', 'b', 'c'], ['a'], [], ['a', 'b'], ['-r', 'a', 'b'], ['a', '-r', 'b'], ['a', 'b', '-r', 'c'],
             ['a', '--', 'b'], ['--', '-r', 'b'], ['a', 'b', '--', 'c', 'd']])

s = Spec('opt-pos')
s.arg('x', nargs='?', default='dx', help='optional positional')
s.arg('y', nargs='*', help='any positionals')
s.arg('--opt', help='an option')
case('optional and star positionals', s, helps=(80,),
     parses=[[], ['a'], ['a', 'b', 'c'], ['a', '--opt', 'o', 'b', 'c'], ['--opt', 'o', 'a', 'b'],
             ['a', 'b', '--opt', 'o', 'c'], ['--opt=o'], ['--', '--opt'], ['a', '--', 'b', '--', 'c']])

s = Spec('star-default')
s.arg('files', nargs='*', default=['one'], help='files (default: %(default)s)')
s.arg('--flag', action='store_true')
case('star positional with default', s, helps=(80,), parses=[[], ['a'], ['--flag'], ['a', '--flag', 'b']])

s = Spec('star-choices')
s.arg('colours', nargs='*', choices=['red', 'green'], help='colours')
case('star positional with choices', s, helps=(80,), parses=[[], ['red'], ['red', 'blue']])

s = Spec('run')
s.arg('cmd', help='the command')
s.arg('args', nargs='...', help='its arguments')
s.arg('-v', '--verbose', action='count', default=0)
case('remainder positional', s, helps=(80,),
     parses=[['ls'], ['ls', '-l', '--all', 'x'], ['-v', 'ls', '-v'], ['-vv', 'ls', '--', '-x'], [],
             ['--', 'ls', '-v']])

s = Spec('opts')
s.arg('--pair', nargs=2, metavar='P', help='two values')
s.arg('--many', nargs='+', help='one or more')
s.arg('--any', nargs='*', help='zero or more')
s.arg('--maybe', nargs='?', const='C', default='D', help='maybe (const %(const)s, default %(default)s)')
s.arg('--one', nargs=1, help='exactly one as a list')
s.arg('--rest', nargs='...', help='the rest')
s.arg('--int-list', nargs='+', type='int', help='ints')
case('option nargs', s, usages=(40, 80),
     parses=[[], ['--pair', 'a', 'b'], ['--pair', 'a'], ['--pair=a'], ['--pair=a', 'b'], ['--many'],
             ['--many', 'a', 'b', '--any'], ['--any', '--maybe'], ['--maybe', 'x'], ['--maybe=x'], ['--one', 'z'],
             ['--one'], ['--rest', '--pair', 'a', 'b'], ['--rest'], ['--int-list', '1', '2', 'x'],
             ['--int-list', '1', '-2'], ['--many', 'a', '--', 'b'], ['--maybe', '--many', 'm'], ['--any=1'],
             ['--many=1', '2']])

s = Spec('counter', description='Counting and constants.')
s.arg('-v', '--verbose', action='count', default=1, dest='verbose_level', help='more')
s.arg('-q', '--quiet', action='store_const', const=0, dest='verbose_level', help='less')
s.arg('--no-color', action='store_false', dest='color', help='no colour (default %(default)s)')
s.arg('--add-a', action='append_const', const='a', dest='items', help='add a')
s.arg('--add-b', action='append_const', const='b', dest='items', help='add b')
s.arg('-n', action='count', help='plain count')
case('count and constants', s, helps=(80,),
     parses=[[], ['-v'], ['-vvv'], ['-v', '-q'], ['-q', '-v'], ['--add-a', '--add-b', '--add-a'], ['--no-color'],
             ['-nn', '-n'], ['-vn'], ['-vq'], ['-vx'], ['-v=1'], ['--verbose=2'], ['--add'], ['--no'],
             ['-nvnv']])

s = Spec('cluster')
s.arg('-a', action='store_true', help='a flag')
s.arg('-b', action='store_true', help='b flag')
s.arg('-c', help='c value')
s.arg('-dd', help='a long single-dash option')
case('clustered short options', s, helps=(80,),
     parses=[['-ab'], ['-abc', 'val'], ['-abcval'], ['-ax'], ['-ac'], ['-a=1'], ['-c=v'], ['-cv=w'], ['-d', 'x'],
             ['-dd', 'x'], ['-ddx'], ['-ba', '-c', '-a'], ['-c', '-a']])

s = Spec('required')
s.arg('--req', required=True, help='must be given')
m = s.mutex(required=True)
s.arg('--aa', action='store_true', help='a', mutex=m)
s.arg('--bb', help='b', mutex=m)
s.arg('--hidden-choice', help='==SUPPRESS==', mutex=m)
s.arg('pos', help='a positional')
case('required options and groups', s, usages=WIDTHS,
     parses=[[], ['p'], ['--req', 'r', 'p'], ['--req', 'r', '--aa', 'p'], ['--req', 'r', '--aa', '--bb', 'b', 'p'],
             ['--bb', 'b', 'p'], ['--req', 'r', '--hidden-choice', 'h', 'p'], ['--aa']])

s = Spec('noabbrev', allow_abbrev=False)
s.arg('--long-option', help='long')
s.arg('--long-other', help='other')
s.arg('-s', help='short')
case('allow_abbrev false', s, helps=(80,),
     parses=[['--long-option', 'x'], ['--long', 'x'], ['--long-option=x'], ['--long-o=x'], ['-sval'], ['-s=v']],
     known=[['--long', 'x'], ['--long-o=x', 'y']])

s = Spec('abbrev')
s.arg('--long-option', help='long')
s.arg('--long-other', help='other')
s.arg('--longer', action='store_true')
s.arg('-s', '--short', help='short')
case('abbreviations', s, helps=(80,),
     parses=[['--long', 'x'], ['--long-op', 'x'], ['--long-ot=y'], ['--longe'], ['--l'], ['--s', 'v'],
             ['--longer', '--long-option', 'a'], ['--longer=1'], ['--sh=1'], ['-s1']])

s = Spec('negative')
s.arg('-1', dest='one', action='store_true', help='a negative-number-like option')
s.arg('--num', type='int')
s.arg('pos', nargs='?')
case('negative-number-like options', s, helps=(80,),
     parses=[['-1'], ['--num', '-5'], ['-5'], ['--num', '-1'], ['-1', '-2']])

s = Spec('numbers')
s.arg('--num', type='int', help='a number')
s.arg('--float', help='a float as text')
s.arg('pos', nargs='*', help='positionals')
case('negative numbers', s, helps=(80,),
     parses=[['-5'], ['--num', '-5'], ['--float', '-.5'], ['--float', '-1.5', '-2', '-3.'], ['--num', '٤٢'],
             ['--num', ' 7 '], ['--num', '1.0'], ['--num', '0x10'], ['-1e3'], ['--num', '+3'], ['-', '-4']])

s = Spec('intchoice')
s.arg('--ip-version', type='int', choices=[4, 6], default=4, help='IP version (default: %(default)s)')
s.arg('--size', type='int', default='7', help='a size, default %(default)s')
s.arg('--mode', choices=['fast', 'slow'], default='medium', help='mode (%(choices)s)')
case('int types, choices and defaults', s, helps=(80,),
     parses=[[], ['--ip-version', '6'], ['--ip-version', '5'], ['--ip-version', 'six'], ['--size', '3'],
             ['--mode', 'fast'], ['--mode', 'FAST']])

s = Spec('baddefault')
s.arg('--size', type='int', default='big', help='bad default')
s.arg('--req', required=True)
case('string default converted at the end', s, helps=(), parses=[[], ['--size', '1', '--req', 'x'], ['--req', 'x']])

s = Spec('version-app', description='Command-line interface to the OpenStack APIs', smart=False, add_help=False)
s.arg('--version', action='version', version='%(prog)s 7.1.0', help="show program's version number and exit")
m = s.mutex()
s.arg('-v', '--verbose', action='count', dest='verbose_level', default=1,
      help='Increase verbosity of output. Can be repeated.', mutex=m)
s.arg('-q', '--quiet', action='store_const', dest='verbose_level', const=0,
      help='Suppress output except warnings and errors.', mutex=m)
s.arg('--log-file', action='store', default=None, help='Specify a file to log output. Disabled by default.')
s.arg('-h', '--help', dest='deferred_help', action='store_true', help='Show help message and exit.')
s.arg('--debug', default=False, action='store_true', help='Show tracebacks on errors.')
s.arg('--os-cloud', metavar='<cloud-config-name>', dest='cloud', help='Cloud name in clouds.yaml (Env: OS_CLOUD)')
m = s.mutex()
s.arg('--os-remote-project-name', metavar='<remote_project_name>', mutex=m, help='remote project name')
s.arg('--os-remote-project-id', metavar='<remote_project_id>', mutex=m, help='remote project id')
s.arg('--os-auth-url', metavar='<auth-auth-url>', help='With password or token auth: Authentication URL\n(Env: OS_AUTH_URL)')
case('global options', s, usages=(80,),
     parses=[['--version'], ['-v', '--version'], ['-vv', '-q']],
     known=[[], ['--debug', 'server', 'list', '--long'], ['server', 'show', 'x', '--os-cloud', 'c'],
            ['-h', 'server', 'list'], ['--os-cloud=c', '-q', 'token', 'issue', '-f', 'json'], ['--vers'],
            ['--os', 'x'], ['--os-remote-project', 'x'], ['help', 'server', '-vv']])

s = Spec('a-rather-long-program-name with several words', description='Long prog names go on their own line.')
for i in range(6):
    s.arg('--option-number-%d' % i, metavar='<value-%d>' % i, help='option %d' % i)
s.arg('first', help='first positional')
s.arg('second', nargs='+', help='second positional')
case('long prog', s, usages=WIDTHS)

s = Spec('pos-only', description='Only positionals in the usage.')
for name in ('alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india'):
    s.arg(name, help=name)
case('positionals only, wrapping', s, helps=(40, 80), usages=(40, 60, 80), parses=[['a']])

s = Spec('pos-only-nohelp', add_help=False)
for name in ('alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf'):
    s.arg(name)
case('positionals only, no options', s, helps=(40,), usages=(30, 40))

s = Spec('empty', add_help=False)
case('no arguments at all', s, helps=(80,), usages=(80,), parses=[[], ['x']], known=[['x', '-y']])

s = Spec('mutex-mixed')
m = s.mutex()
s.arg('--xa', help='x a', mutex=m)
s.arg('--xb', help='x b', mutex=m)
s.arg('--other', help='between groups')
m2 = s.mutex(required=True)
s.arg('--ya', action='store_true', help='y a', mutex=m2)
s.arg('--yb', action='store_true', help='y b', mutex=m2)
m3 = s.mutex()
s.arg('--za', action='store_true', help='==SUPPRESS==', mutex=m3)
s.arg('--zb', action='store_true', help='z b', mutex=m3)
s.arg('--zc', action='store_true', help='z c', mutex=m3)
m4 = s.mutex(required=True)
s.arg('--only', action='store_true', help='alone in a required group', mutex=m4)
m5 = s.mutex()
s.arg('pos', nargs='?', help='positional in a group', mutex=m5)
s.arg('--wa', action='store_true', help='with the positional', mutex=m5)
case('mutually exclusive groups in usage', s, usages=WIDTHS,
     parses=[['--ya', '--only'], ['--ya', '--yb', '--only'], ['--only'], ['--xa', '1', '--xb', '2', '--ya', '--only'],
             ['--za', '--zb', '--ya', '--only'], ['--ya', '--only', 'p', '--wa'], ['--x', '1'],
             ['--ya', '--only', '--wa', 'p']])

s = Spec('hidden')
s.arg('--visible', help='shown')
s.arg('--secret', help='==SUPPRESS==')
s.arg('--no-help')
s.arg('--empty-help', help='')
s.arg('--space-help', help='   ')
s.arg('--blank-expansion', help='%(metavar)s', metavar='')
s.arg('hidden_pos', nargs='?', help='==SUPPRESS==')
hg = s.group('all hidden', 'This group has only hidden arguments.')
s.arg('--hidden-in-group', help='==SUPPRESS==', group=hg)
s.group('empty group')
s.group('described empty group', 'Only a description.')
case('hidden and help-less arguments', s, usages=(80,), parses=[['--secret', 's', 'p'], ['--hidden-in-group', 'x']])

s = Spec('formatting', description='First paragraph of the description, which is long enough to need wrapping '
                                    'at eighty columns.\n\nSecond paragraph: %(prog)s does things. 100%% sure.',
         epilog='An epilog with %(prog)s.\n\nThis command is provided by the python-mistralclient plugin.')
s.arg('-s', help='short')
s.arg('--a-very-long-option-name-indeed', metavar='<a-rather-long-metavar>',
      help='help starts on the next line because the invocation is long')
s.arg('--exactly-twenty-c', help='boundary of the help column')
s.arg('--exactly-twenty-chars', help='boundary of the help column')
s.arg('--newlines', help='First line.\nSecond line, which is long enough that it has to be wrapped by the '
                         'formatter at narrow widths.\n\n  Indented third line.')
s.arg('--percent', default='x', help='default %(default)r, dest %(dest)s, prog %(prog)s, 50%% off, '
                                     'type %(type)s, nargs %(nargs)s, required %(required)s')
s.arg('--option-strings', '-o', action='store_true', help='flags %(option_strings)s, const %(const)s')
s.arg('--hyphens', help='Implied if --max-width greater than 0; a well-known, hard-to-break, '
                        'self-describing -- dashed --- phrase; e-mail x-ray 3-d co-op re-enter-it')
s.arg('--long-word', help='supercalifragilisticexpialidocious-supercalifragilisticexpialidocious-and-more-and-more')
s.arg('--unicode', metavar='<ünïcödé>', help='Ünïcödé hélp téxt — with “quotes”, 日本語のテキスト, and emoji 🚀 '
                                            'that must wrap like Python counts code points.')
s.arg('--tabs', help='tabs\there\tand\vthere\fand\rhere')
s.arg('--choices', choices=['alpha', 'beta', 'gamma'], help='pick one of %(choices)s')
g = s.group('custom group', 'A group description that is long enough to be wrapped when the terminal is narrow.\n'
                            'Its newline is not kept.')
s.arg('--in-group', action='store_true', group=g, help='inside the group')
s.arg('grouped_pos', group=g, help='a positional in a custom group')
case('help formatting', s, usages=(40, 80), parses=[['-h'], ['--choices', 'delta', 'p']])

s = Spec('plain-formatter', description='Plain HelpFormatter.', smart=False)
s.arg('--newlines', help='First line.\nSecond line.\n\nThird.')
case('plain formatter collapses newlines', s)

s = Spec('narrow', description='Tiny terminals.')
s.arg('--option', metavar='VALUE', help='Some help text that wraps.')
s.arg('positional', help='x')
case('very narrow terminals', s, helps=(10, 20, 25, 30), usages=(10, 20))

s = Spec('conflicts')
s.arg('-f', '--format', help='first format')
s.arg('-f', '--fmt', help='second: -f is taken')
s.arg('--other', '-o', help='other')
s.arg('-o', '--other-2', help='-o taken')
g = s.group('grouped')
s.arg('--fmt', '--fmt-2', group=g, help='--fmt taken')
case('conflicting option strings', s, parses=[['-f', 'x'], ['--fmt', 'y'], ['-o', 'z'], ['--fmt-2', 'w']])

s = Spec('all-conflict')
s.arg('--one', help='first')
s.arg('--one', help='second')
case('all option strings conflict', s, helps=(), parses=[['--one', 'x']])

s = Spec('metavars')
s.arg('--set', dest='set_value', help='dest upper-cased')
s.arg('--choice', choices=['a', 'b'], metavar='<c>', help='metavar wins over choices')
s.arg('--dashed-name', help='dashes become underscores')
s.arg('-x', help='short only')
s.arg('--pair', nargs=2, choices=['p', 'q'], help='choices metavar twice')
s.arg('--zero', nargs='*', metavar='Z', help='zero or more')
s.arg('--opt', nargs='?', help='optional value')
s.arg('--rem', nargs='...', help='remainder')
s.arg('pos_choice', choices=['one', 'two'], help='positional with choices')
s.arg('pos_meta', metavar='<name>', nargs='+', help='positional with metavar')
s.arg('pos_three', nargs=3, help='three')
case('metavars', s, usages=WIDTHS,
     parses=[['one', 'n', 'a', 'b', 'c'], ['three', 'n', 'a', 'b', 'c'], ['one', 'n', 'a', 'b'],
             ['--pair', 'p', 'r', 'one', 'n', 'a', 'b', 'c'], ['--set', 'v', '--dashed', 'd', 'one', 'n', 'a', 'b', 'c']])

s = Spec('repr')
s.arg('--choice', choices=["it's", 'plain', 'tab\tx'], help='quotes in choices')
case('repr of odd strings', s, helps=(80,),
     parses=[['--choice', "it's"], ['--choice', 'a"b'], ['--choice', "a'b\"c"], ['--choice', 'new\nline'],
             ['--choice', 'back\\slash'], ['--choice', 'é\x01']])

s = Spec('unknowns')
s.arg('--known', help='known')
s.arg('-k', action='store_true')
s.arg('pos', nargs='?')
case('parse_known_args extras', s, helps=(),
     known=[['--unknown', 'value'], ['--unknown=value', 'p'], ['-u', 'v', 'w'], ['p', '-u', 'v'],
            ['--known', 'k', '-x', '-y', 'z'], ['-kx'], ['-k', '--', '-x'], ['a b', '-c d'], ['-x y'],
            ['p', 'q', '--known', 'k', 'r']],
     parses=[['--unknown', 'value'], ['p', 'q']])

s = Spec('groups-order', description='Groups are shown in creation order.')
g1 = s.group('zeta group', 'created first')
g2 = s.group('alpha group')
s.arg('--in-alpha', group=g2, help='alpha')
s.arg('--plain', help='plain option')
s.arg('--in-zeta', group=g1, help='zeta')
s.arg('thing', help='positional')
m = s.mutex(group=g2)
s.arg('--left', action='store_true', mutex=m, help='left')
s.arg('--right', action='store_true', mutex=m, help='right')
case('group order', s, usages=(80,), parses=[['--left', '--right', 't'], ['t', '--in-z', 'z']])

s = Spec('defaults-help')
s.arg('--list', action='append', default=['a', 'b'], help='default %(default)s')
s.arg('--none', help='default %(default)s')
s.arg('--true', action='store_true', help='default %(default)s')
s.arg('--false', action='store_false', help='default %(default)s')
s.arg('--int', type='int', default=3, help='default %(default)d, padded [%(default)5s]')
s.arg('--const', action='store_const', const='K', help='const %(const)r')
case('help expansion', s, helps=(80,), parses=[['--list', 'c'], []])

s = Spec('split-mutex')
m = s.mutex()
s.arg('--first', action='store_true', mutex=m, help='first of a group')
s.arg('--between', action='store_true', help='added between the group members')
s.arg('--second', action='store_true', mutex=m, help='second of the group')
m2 = s.mutex()
s.arg('--ha', action='store_true', help='==SUPPRESS==', mutex=m2)
s.arg('--hb', action='store_true', help='==SUPPRESS==', mutex=m2)
m3 = s.mutex(required=True)
s.arg('--ra', help='==SUPPRESS==', mutex=m3)
s.arg('--rb', help='visible member of a required group', mutex=m3)
case('non-contiguous and hidden mutex groups', s, helps=(80, 120, 200), usages=(80,),
     parses=[['--first', '--second'], ['--second', '--between', '--first'], ['--ha', '--hb'], [], ['--ra', 'x'],
             ['--rb', 'y', '--ra', 'x']])

s = Spec('all-hidden', description='Nothing to show.', add_help=False)
s.arg('--a', help='==SUPPRESS==')
s.arg('b', nargs='?', help='==SUPPRESS==')
case('only hidden arguments', s, helps=(80,), usages=(80,), parses=[[], ['--a', '1', 'x']])

s = Spec('versioned', add_help=True)
s.arg('--version', action='version',
      version='%(prog)s version 1.2.3 built with a rather long description that has to be wrapped at forty '
              'columns\nand newlines   collapsed')
s.arg('-f', choices=['a', 'b'])
case('version text is filled', s, helps=(40,),
     parses=[['--version'], ['-f', 'z', '--version'], ['--version', '-f', 'z'], ['-f', 'z', '-h'], ['-h', '-f', 'z']],
     columns=40)

s = Spec('remainder-mix')
s.arg('pos', nargs='?', help='optional positional')
s.arg('rest', nargs='...', help='the rest')
s.arg('--flag', action='store_true')
s.arg('--value')
case('optional positional then remainder', s, helps=(80,),
     parses=[[], ['a'], ['a', 'b', '--flag'], ['--flag', 'a', '--value', 'v'], ['--value', 'v', '--', 'a', 'b'],
             ['--flag', '--', '--flag']])

s = Spec('equals')
s.arg('--opt', help='takes a value')
s.arg('--list', nargs='*')
s.arg('-o', dest='short')
case('equals signs and dashes in values', s, helps=(),
     parses=[['--opt=a=b'], ['--opt', '=x'], ['--opt=-x'], ['--opt', '-x'], ['--opt', '--'], ['--opt=--'],
             ['--list', '--', 'a'], ['--list=--'], ['-o='], ['-o-'], ['-o', '-1'], ['-o=-1'], ['--list', '-1', '-2'],
             ['--opt', '-1x'], ['--opt', '-x y'], ['--opt=']])

s = Spec('deep-group-mutex', description='A mutex inside a custom group, and one at top level with positionals.')
g = s.group('filters', 'Filtering options')
m = s.mutex(group=g, required=True)
s.arg('--enabled', action='store_true', mutex=m, help='only enabled')
s.arg('--disabled', action='store_true', mutex=m, help='only disabled')
s.arg('--name', group=g, metavar='<name>', help='by name')
s.arg('items', nargs='*', help='items')
case('mutex in a custom group', s, usages=(50,),
     parses=[['--enabled'], ['--disabled', 'a', 'b'], ['a'], ['--enabled', '--disabled'], ['--name', 'n', 'x']])

def fuzz(count, seed):
    """Random parsers (options, positionals, groups, mutexes) and random command lines for them."""
    rng = random.Random(seed)
    flag_pool = ['-a', '-b', '-c', '-1', '-dd', '--alpha', '--alp', '--alpha-x', '--beta', '--beta-y', '--gamma',
                 '--g', '--x-y']
    value_pool = ['x', 'yy', '1', '-1', '-2.5', '--', '-', '', 'a b', 'é', '-x', '--zz', '=', 'csv', 'json']
    nargs_pool = [None, None, None, '?', '*', '+', 1, 2, '...']
    cases = []
    for n in range(count):
        s = Spec('fz%d' % n, description=rng.choice([None, 'Random parser %d.' % n]),
                 allow_abbrev=rng.random() < 0.8, add_help=rng.random() < 0.5)
        groups = [None] + [s.group('group %d' % i) for i in range(rng.randint(0, 2))]
        mutexes = [s.mutex(group=rng.choice(groups), required=rng.random() < 0.15) for _ in range(rng.randint(0, 2))]
        flags = [f for f in flag_pool if rng.random() < 0.35]
        rng.shuffle(flags)
        while flags:
            take = flags[:rng.randint(1, 2)]
            flags = flags[len(take):]
            action = rng.choice(['store', 'store', 'store', 'store_true', 'store_false', 'store_const', 'append',
                                 'append_const', 'count'])
            kw = {'action': action, 'help': rng.choice(['help text', 'help %(default)s', None, '==SUPPRESS=='])}
            if action in ('store', 'append'):
                nargs = rng.choice(nargs_pool)
                if nargs is not None:
                    kw['nargs'] = nargs
                if nargs == '?':
                    kw['const'] = rng.choice(['cst', None, 7])
                if rng.random() < 0.3:
                    kw['choices'] = ['x', 'yy', 'csv']
                elif rng.random() < 0.3:
                    kw['type'] = 'int'
                kw['default'] = rng.choice([None, 'dflt', 5, '7', []] if action == 'store' else [None, []])
                if rng.random() < 0.08:
                    kw['required'] = True
            elif action in ('store_const', 'append_const'):
                kw['const'] = rng.choice(['k', 3])
            if rng.random() < 0.2:
                kw['dest'] = rng.choice(['shared', 'other'])
            target = {'group': rng.choice(groups)}
            if mutexes and not kw.get('required') and rng.random() < 0.4:
                target = {'mutex': rng.choice(mutexes)}
            s.arg(*take, **kw, **target)
        for i in range(rng.choice([0, 0, 1, 1, 2, 3])):
            kw = {'help': rng.choice(['positional', None])}
            nargs = rng.choice(nargs_pool)
            if nargs is not None:
                kw['nargs'] = nargs
            if nargs in ('?', '*') and rng.random() < 0.5:
                kw['default'] = rng.choice(['pd', ['l']])
            if rng.random() < 0.2:
                kw['choices'] = ['x', 'yy', 'csv']
            s.arg('pos%d' % i, group=rng.choice(groups), **kw)
        for m in range(len(mutexes)):
            if not any(item.get('mutex') == m for item in s.data['items']):
                s.arg('--mx%d' % m, action='store_true', mutex=m)
        tokens = flag_pool + value_pool * 2 + ['--al', '--be', '--alpha=1', '--beta=', '-a1', '-ab', '-ba', '-c=x',
                                           '-ddx', '-1x', '--g=2', '-h']
        parses = [[rng.choice(tokens) for _ in range(rng.randint(0, 8))] for _ in range(6)]
        case('fuzz %d' % n, s, helps=(rng.randint(30, 120),), usages=(), parses=parses[:3], known=parses[3:])
        cases.append(CASES.pop())
    return cases


if len(sys.argv) == 4 and sys.argv[1] == '--fuzz':
    CASES = fuzz(int(sys.argv[2]), int(sys.argv[3]))

CASES_OUT = []
for c in CASES:
    parser, build_error = build(c['parser'])
    results = []
    for op in c['ops']:
        results.append({'build_error': build_error} if parser is None else run_op(parser, op))
    CASES_OUT.append({'name': c['name'], 'parser': c['parser'], 'ops': c['ops'], 'results': results})

json.dump({'flavour': FLAVOUR, 'cases': CASES_OUT}, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write('\n')
