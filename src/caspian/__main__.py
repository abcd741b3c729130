"""``python -m caspian``: the command line (see :mod:`caspian.cli`)."""

try:
    from caspian.cli import main

    status = main()
except KeyboardInterrupt:  # Ctrl-C while starting: quiet, as shells expect
    status = 130
raise SystemExit(status)
