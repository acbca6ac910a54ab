"""Allow ``python -m compare``."""

from compare.cli.main import run

run()
