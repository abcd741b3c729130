"""``python -m caspian``: the command line (see :mod:`caspian.cli`)."""

from caspian.cli import main

raise SystemExit(main())
