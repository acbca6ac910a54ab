"""Allow ``python -m compare``."""

from compare.cli import run

run()
