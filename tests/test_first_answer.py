"""The first answer imports only what it uses, and reads the packaged files as json.loads does."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files

import pytest

from caspian._construct import parse as _parse

PACKAGED = sorted(p.name for p in files("caspian").joinpath("data").iterdir() if p.is_file())


def fresh(script: str) -> str:
    """What ``script`` prints when it runs in a fresh interpreter (stripped)."""
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return ran.stdout.strip()


@pytest.mark.parametrize("name", PACKAGED)
def test_a_packaged_file_reads_as_json_loads_reads_it(name: str) -> None:
    """Each packaged file gives the value json.loads gives."""
    content = files("caspian").joinpath("data", name).read_bytes()
    assert json.loads(content) == _parse(content)


@pytest.mark.parametrize(
    "content", [b"  [1, 2.5, null, true]\n", b'{"a": NaN}', b'"\\u00e9"', b"-0", b"[]"]
)
def test_json_reads_the_same(content: bytes) -> None:
    """Whitespace, numbers, constants and escapes read as json.loads reads them."""
    expected, found = json.loads(content), _parse(content)
    assert repr(expected) == repr(found)


@pytest.mark.parametrize("content", [b"", b"[1,", b"[1] x", b"\xff", b"\xef\xbb\xbf[]x"])
def test_what_is_not_json_raises_as_json_loads_raises(content: bytes) -> None:
    """Text that is not one JSON value raises the error json.loads raises."""
    with pytest.raises(ValueError, match=r".") as expected:
        json.loads(content)
    with pytest.raises(ValueError, match=r".") as found:
        _parse(content)
    assert (type(expected.value), str(expected.value)) == (type(found.value), str(found.value))


@pytest.mark.parametrize(
    "code", ["caspian.summits(after=2007)", "caspian.state('IR')", "caspian.agreements()"]
)
def test_the_first_answer_imports_only_what_it_uses(code: str) -> None:
    """Neither json (its pure-Python scanner), importlib.util, nor the ``attrs`` namespace (the
    package uses the same library as ``attr``) is imported to answer."""
    shown = "import sys; print(sorted({'json', 'importlib.util', 'attrs'} & set(sys.modules)))"
    assert fresh(f"import caspian; {code}; {shown}") == "[]"


@pytest.mark.parametrize("code", ["caspian.summits(after=2007)", "caspian.state('IR')"])
def test_the_first_answer_takes_dates_from_the_c_module(code: str) -> None:
    """The first answer does not run datetime's pure-Python module, and its dates are
    datetime.date all the same."""
    shown = (
        "import sys; print('datetime' in sys.modules); import datetime; "
        "print(type(caspian.summit('caspian-summit-2018').start) is datetime.date)"
    )
    assert fresh(f"import caspian; {code}; {shown}").split() == ["False", "True"]


def test_the_first_answer_leaves_out_what_only_other_calls_use() -> None:
    """Key normalisation, field meanings, table cells, the version, the deprecated
    navigation spelling and the time queries are imported on first use, not by the first
    answer."""
    deferred = {
        "caspian._timeline",
        "caspian._keys",
        "caspian._meanings",
        "caspian._version",
        "caspian._linked",
        "caspian._cells",
    }
    shown = f"import sys; print(sorted(set({sorted(deferred)!r}) & set(sys.modules)))"
    assert fresh(f"import caspian; caspian.summits(after=2007); {shown}") == "[]"


# Each call runs first in a fresh interpreter, so that what it imports on first use is imported
# by it: the errors keep their messages and the answers their values.
FIRST_USES = {
    "caspian.summit('Nur-Sultan, 2017')": "NotFoundError: no summit matches 'Nur-Sultan, "
    "2017'; it names a ministerial meeting, 'fm-meeting-2017-moscow' (Seventh meeting of "
    "Caspian foreign ministers (Moscow, 2017)): use caspian.meeting() for that",
    "repr(caspian.summits(after=2018)[0])": "Summit(id='caspian-summit-2022', "
    "name='Sixth Caspian Summit (Ashgabat)', start='2022-06-29')",
    "__import__('caspian._kind')._kind.cell(caspian.pipeline('BTC'), 'route')": (
        "azerbaijan, georgia, turkey"
    ),
    "caspian.summits(status='plannd')": "InvalidQueryError: status must be one of 'held', "
    "'planned'; got 'plannd' (did you mean 'planned'?)",
    "caspian.summits(status='Planned')[0].id": "caspian-summit-7",
    "[a.number for a in caspian.articles('legal-status-convention', text='PIPELINE')]": (
        "[12, 14, 15]"
    ),
    "caspian.state('Kazakhstn')": "NotFoundError: no state matches 'Kazakhstn'; did you mean "
    "'kazakhstan' (Kazakhstan)?",
    "caspian.summits(after='2007-10-16')[0].year": "2010",
    "caspian.summits(after='soon')": "InvalidQueryError: after must be a year like 2007 or a "
    "date like 2007-10-16, got 'soon'",
    "caspian.summits(after='\u0662\u0660\u0661\u0668')[0].year": "2022",
    "(caspian.__version__, caspian.__data_version__) == (v.__version__, v.__data_version__)": (
        "True"
    ),
    "'Fields:' in caspian.Summit.__doc__ and 'ordinal: 1 for the First' in caspian.Summit.__doc__": (
        "True"
    ),
    "__import__('caspian._kind')._kind.field_meanings(caspian.Summit)['host'][:18]": "The id of the host",
    "len(caspian.agreement('legal-status-convention').articles)": "DeprecationWarning",
}


@pytest.mark.parametrize("code", FIRST_USES)
def test_what_the_first_answer_leaves_out_works_on_first_use(code: str) -> None:
    """A call that needs a deferred module gives the answer or the error it always gave."""
    script = (
        "import warnings; warnings.simplefilter('error'); import caspian; "
        "import caspian._version as v\n"
        f"try:\n    print({code})\n"
        "except Exception as error:\n    print(f'{type(error).__name__}: {error}')"
    )
    assert fresh(script).startswith(FIRST_USES[code])


def test_a_problem_behaves_as_the_named_tuple_it_was() -> None:
    """Problem unpacks, compares, hashes, pickles, copies, matches and shows as the
    typing.NamedTuple it replaces, with its named-tuple helpers."""
    import copy
    import pickle

    from caspian.errors import Problem

    problem = Problem(file="a.json", record="x", path="name", message="bad")
    assert problem == ("a.json", "x", "name", "bad")
    assert hash(("a.json", "x", "name", "bad")) == hash(problem)
    for again in (pickle.loads(pickle.dumps(problem)), copy.deepcopy(problem)):
        assert (Problem, problem) == (type(again), again)
    assert repr(problem) == "Problem(file='a.json', record='x', path='name', message='bad')"
    assert ("file", "record", "path", "message") == Problem._fields == Problem.__match_args__
    assert Problem("a.json", "x", "", "bad") == problem._replace(path="")
    assert problem._asdict() == {"file": "a.json", "record": "x", "path": "name", "message": "bad"}
    assert problem == Problem._make(iter(problem))
    match problem:
        case Problem(file, record, path, message):
            assert (file, record, path, message) == tuple(problem)
    with pytest.raises(ValueError, match="unexpected field"):
        problem._replace(line="1")
    with pytest.raises(TypeError):
        Problem("a.json", "x", "name")  # type: ignore[call-arg]
