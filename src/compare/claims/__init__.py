"""The claim layer: what each outlet asserts, read sentence by sentence, compared story-wide.

Why a layer between alignment and classification: an editor compares facts
("how many died"), and an outlet may state a fact in any paragraph, in any
wording.  Rules that look inside one aligned passage miss a count moved to
another paragraph and, worse, set two figures side by side that count
different things.  Here every sentence of every compared article is read
into claims (``quantities``), and claims are compared across the whole story
when they count the same thing in the same scope (``compare``).  The rule
module ``classify.numbers.rule`` turns the comparisons into findings.

Layout: ``numwords`` merges multi-word numbers into one token;
``scope`` reads what a figure is limited to (a place, a period, a part);
``quantities`` assembles ``QuantityClaim``s; ``compare`` pairs and judges them;
``when`` reads and compares the day an event happened; ``figures`` builds the
"Key figures" rows (what was counted × outlet) stored in ``report.json``.
The readings this layer and the rules above share live here too (#17):
``words`` (word tests: function words, stems, lexicon phrases),
``number_lexicon``, ``number_parse`` and ``number_context`` (reading one
figure), ``sources`` (reporting verbs and who is credited) and
``hedge_words`` (word hedges).
"""
