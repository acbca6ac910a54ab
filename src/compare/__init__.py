"""compare: source-bias comparison reports for several outlets' versions of a story."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("compare")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0"
