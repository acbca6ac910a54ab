"""encoder: all-MiniLM-L6-v2 run with numpy, checked against the reference values."""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from compare.align import encoder

# The sentence-transformers documentation's semantic-search example for
# all-MiniLM-L6-v2: the query against its corpus, with the scores it prints.
QUERY = "A man is eating pasta."
REFERENCE = {
    "A man is eating food.": 0.7035,
    "A man is eating a piece of bread.": 0.5272,
    "A man is riding a horse.": 0.1889,
    "A man is riding a white horse on an enclosed ground.": 0.1047,
    "A cheetah is running behind its prey.": 0.0980,
}


@pytest.fixture
def fresh_encoder() -> Iterator[None]:
    """A test that swaps the model out gets its own encoder, and leaves the real one after."""
    encoder.encoder.cache_clear()
    saved = dict(encoder._cache)
    encoder._cache.clear()
    yield
    encoder.encoder.cache_clear()
    encoder._cache.clear()
    encoder._cache.update(saved)


def test_the_model_is_installed_by_the_makefile() -> None:
    assert encoder.available(), "make's set-up installs requirements-model.txt"
    assert encoder.status() == encoder.MODEL_NAME


def test_similarities_match_the_sentence_transformers_reference() -> None:
    corpus = list(REFERENCE)
    vectors = encoder.embed([QUERY, *corpus])
    assert vectors is not None
    for text, expected in zip(corpus, vectors[1:] @ vectors[0], strict=True):
        assert abs(float(expected) - REFERENCE[text]) < 0.001, text


def test_vectors_are_unit_length_and_do_not_depend_on_the_batch() -> None:
    texts = ["Rain fell.", "The council met on Monday to vote on the budget for next year."]
    together = encoder.embed(texts)
    alone = encoder.embed(texts[1:])
    model = encoder.encoder()
    assert together is not None and alone is not None and model is not None
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    assert np.allclose(model.encode(texts)[1], model.encode(texts[1:])[0], atol=1e-5)
    assert encoder.embed([]) is not None and encoder.embed([]).shape == (0, encoder.DIMENSIONS)


def test_a_sentence_longer_than_the_model_reads_is_cut_not_refused() -> None:
    model = encoder.encoder()
    assert model is not None
    long = "word " * 5000
    (vector,) = model.encode([long])
    assert np.isfinite(vector).all()


@pytest.mark.usefixtures("fresh_encoder")
def test_without_the_model_nothing_is_embedded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encoder, "model_path", lambda: None)
    assert not encoder.available()
    assert encoder.embed(["Rain fell."]) is None
    assert "not installed" in encoder.status()


@pytest.mark.usefixtures("fresh_encoder")
def test_a_damaged_model_archive_is_logged_and_skipped(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    damaged = tmp_path / encoder.ARCHIVE
    with zipfile.ZipFile(damaged, "w") as archive:
        archive.writestr("model.safetensors", b"not a safetensors file")
    monkeypatch.setattr(encoder, "model_path", lambda: damaged)
    with caplog.at_level(logging.WARNING):
        assert encoder.embed(["Rain fell."]) is None
    assert "unreadable" in caplog.text


def test_unpacked_members_load_and_a_stale_copy_falls_back_to_the_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = encoder.model_path()
    assert path is not None
    folder = tmp_path / "unpacked"
    encoder.unpack(path, folder)
    assert {p.name for p in folder.iterdir()} == {*encoder.MEMBERS, encoder.MANIFEST}
    assert encoder._unpacked_matches(path, folder)
    monkeypatch.setattr(encoder, "unpacked_folder", lambda: folder)
    from_files = encoder.Encoder(path).encode([QUERY])
    (folder / "tokenizer.json").write_text("{}", encoding="utf-8")  # a copy gone stale
    assert not encoder._unpacked_matches(path, folder)
    from_archive = encoder.Encoder(path).encode([QUERY])
    assert np.allclose(from_files, from_archive, atol=1e-6)


def test_unpack_command_needs_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    assert encoder.main([]) == 2
    monkeypatch.setattr(encoder, "model_path", lambda: None)
    assert encoder.main(["--unpack"]) == 1


def test_memory_mapped_weights_equal_the_safetensors_reading(tmp_path: Path) -> None:
    from safetensors.numpy import load_file

    path = encoder.model_path()
    assert path is not None
    encoder.unpack(path, tmp_path)
    mapped = encoder.mapped(tmp_path / "model.safetensors")
    loaded = load_file(tmp_path / "model.safetensors")
    assert mapped.keys() == loaded.keys()
    assert all(np.array_equal(mapped[k], loaded[k]) for k in loaded)
    assert not mapped["embeddings.word_embeddings.weight"].flags.writeable


def test_activations_reuse_the_heap_instead_of_fresh_pages() -> None:
    """A forward pass after the first reuses freed memory: few page faults, little kernel time.

    Without ``keep_activations_in_heap`` each pass's arrays were new mappings:
    thirty sentences of about forty tokens cost some 40,000 page faults every time.
    """
    import resource

    model = encoder.encoder()
    assert model is not None
    texts = [f"Sentence {i}: " + " ".join(["the council met again"] * 8) for i in range(30)]
    model.encode(texts)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    model.encode(texts)
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
    assert faults < 2_000, faults
    assert encoder.keep_activations_in_heap()  # glibc took both settings
