"""Error hierarchy and exit codes (RELIABILITY.md, exit code table).

Why named exits: scripts and Makefiles branch on them, so they are a contract
documented in the README and ``--help``.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes; see README "Exit codes"."""

    OK = 0
    INTERNAL = 1
    USAGE = 2
    PARTIAL = 3
    NO_REPORT = 4
    OUTPUT = 5
    INTERRUPTED = 130
    TERMINATED = 143  # SIGTERM: stopped as on Ctrl-C


class CompareError(Exception):
    """Base of every error the command line turns into a one-line message."""

    exit_code: ExitCode = ExitCode.INTERNAL


class UsageError(CompareError):
    """Bad arguments or configuration: nothing was read or written."""

    exit_code = ExitCode.USAGE


class NoReportError(CompareError):
    """Fewer than two usable articles: no report can be made."""

    exit_code = ExitCode.NO_REPORT


class OutputError(CompareError):
    """Outputs could not be written (permission, disk full, render timeout)."""

    exit_code = ExitCode.OUTPUT


class InputError(CompareError):
    """One input cannot be used; becomes an ``InputProblem``, never fatal alone."""

    exit_code = ExitCode.PARTIAL


def data_problem(exc: BaseException) -> str:
    """Plain words for why a JSON file's data could not be read (no exception class names).

    Why: "not valid JSON: RecursionError" or "cannot read report.json: 'story'"
    tell a user nothing; the cause is nesting, a huge number or a missing field.

    >>> data_problem(KeyError("story")), data_problem(RecursionError())
    ("the field 'story' is missing", 'nested too deeply')
    """
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, KeyError):
        return f"the field {exc} is missing"
    if isinstance(exc, ValueError) and "digits" in str(exc):
        return "a number with too many digits"
    if isinstance(exc, TypeError | AttributeError):
        return f"a field has the wrong type ({exc})"
    return str(exc) or type(exc).__name__
