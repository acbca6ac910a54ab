"""Process-level helpers every stage may use, with no knowledge of articles or reports.

``options`` (``Options``, the run's settings, passed explicitly), ``streams``
(best-effort stderr, the "skipped" lines), ``collector`` (garbage-collector
settings for heavy blocks).  Import the module you need; this package exports
nothing of its own.
"""
