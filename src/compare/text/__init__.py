"""Text helpers every stage may use; no stage of its own, and nothing of the pipeline above it.

In: strings and tokens.  Out: strings, offsets, word lists.

``normalize`` (the form a word is compared in; invisible characters),
``offsets`` (character offsets to line and column), ``lexicons`` (the word
lists of ``compare/data/``, read once).  Import the module you need; this
package exports nothing of its own.
"""
