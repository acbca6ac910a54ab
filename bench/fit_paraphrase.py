"""Fit the aligner's paraphrase model (``compare.align.paraphrase``) on MRPC train.

Writes ``src/compare/data/paraphrase_lr.json``: logistic-regression
coefficients over ``paraphrase.FEATURES`` and the threshold that maximises
F1 in 5-fold cross-validation on the train file.  The MRPC test file is
never read here.  Run: ``.venv/bin/python bench/fit_paraphrase.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from eval_mrpc import TRAIN, best_threshold, read_pairs, similarities
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from compare.align.paraphrase import FEATURES, pair_features
from compare.align.segment import tokenize

OUT = Path(__file__).resolve().parent.parent / "src" / "compare" / "data" / "paraphrase_lr.json"


def feature_matrix(pairs: list) -> np.ndarray:
    """``FEATURES`` of every pair, the TF-IDF cosine with IDF over all of ``pairs``."""
    sims = similarities(pairs)
    rows = [
        pair_features(tokenize(p.first), tokenize(p.second), float(s))
        for p, s in zip(pairs, sims, strict=True)
    ]
    return np.array(rows)


def main() -> None:
    """Fit on the train file and write the model file."""
    pairs = read_pairs(TRAIN)
    x = feature_matrix(pairs)
    y = np.array([p.paraphrase for p in pairs])
    fit = LogisticRegression(C=1.0, max_iter=5000)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    held_out = cross_val_predict(fit, x, y, cv=folds, method="predict_proba")[:, 1]
    threshold = best_threshold(held_out, y)
    fit.fit(x, y)
    data = {
        "source": "logistic regression fitted by bench/fit_paraphrase.py on the Microsoft "
        "Research Paraphrase Corpus train file (msr_paraphrase_train.txt, 4,076 pairs); "
        "corpus licence: Microsoft Research Paraphrase Corpus licence (research use); "
        "these coefficients are derived figures, no corpus text is included",
        "features": list(FEATURES),
        "coefficients": [round(float(c), 6) for c in fit.coef_[0]],
        "intercept": round(float(fit.intercept_[0]), 6),
        "threshold": threshold,
    }
    OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: threshold {threshold}")


if __name__ == "__main__":
    main()
