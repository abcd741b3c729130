"""The first answer imports only what it uses, and reads the packaged files as json.loads does."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files

import pytest

from caspian._construct import parse as _parse

PACKAGED = sorted(p.name for p in files("caspian").joinpath("data").iterdir() if p.is_file())


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
    """Neither json (its pure-Python scanner) nor importlib.util is imported to answer."""
    shown = "import sys; print(sorted({'json', 'importlib.util'} & set(sys.modules)))"
    ran = subprocess.run(
        [sys.executable, "-c", f"import caspian; {code}; {shown}"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert ran.stdout.strip() == "[]"
