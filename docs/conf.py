"""Sphinx configuration of the caspian documentation.

Build: ``nox -s docs``, or ``python -m sphinx -W -n --keep-going -b html docs docs/_build/html``
after ``pip install -e ".[docs]"``. The build reads no network: intersphinx uses the inventories
committed in ``_inventories/`` (``python docs/_ext/make_inventories.py`` rewrites them).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

import make_inventories  # noqa: E402

import caspian  # noqa: E402

project = "caspian"
author = "The caspian developers"
project_copyright = "2026, The caspian developers"
release = caspian.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "myst_parser",
    "public_names",
    "data_dictionary",
    "figures",
    "kind_lists",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_generated", "_inventories", "_ext", "Thumbs.db", ".DS_Store"]

# -- MyST ----------------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- autodoc and napoleon ------------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
python_maximum_signature_line_length = 88
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

# -- intersphinx: local inventories only (the build has no internet) ----------------------------
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", "_inventories/python.inv"),
    "attrs": ("https://www.attrs.org/en/stable", "_inventories/attrs.inv"),
    "pandas": ("https://pandas.pydata.org/docs", "_inventories/pandas.inv"),
}

for _name, (_project, _version, _targets) in make_inventories.INVENTORIES.items():
    if make_inventories.read(HERE / "_inventories" / _name) != make_inventories.expected(_targets):
        raise RuntimeError(
            f"docs/_inventories/{_name} is out of date: run python docs/_ext/make_inventories.py"
        )

# -- HTML ----------------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"caspian {release}"
html_show_sourcelink = False

# -- linkcheck (nox -s linkcheck; needs the internet, not run by CI) ----------------------------
linkcheck_timeout = 30
linkcheck_retries = 2
