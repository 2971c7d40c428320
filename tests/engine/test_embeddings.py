"""The embedding model: verified by hash before loading, and it orders meaning sensibly."""

import pytest

from bot.language.embeddings import EmbeddingModelError, get_encoder, verify_weights


def test_wrong_weights_are_refused(tmp_path):
    fake = tmp_path / "model.safetensors"
    fake.write_bytes(b"not the model")
    with pytest.raises(EmbeddingModelError, match="sha256"):
        verify_weights(fake)
    with pytest.raises(EmbeddingModelError, match="not found"):
        verify_weights(tmp_path / "missing.safetensors")


def test_similar_meanings_are_closer():
    vectors = get_encoder().encode(["The child has bruises on his arms", "Unexplained injuries to a child",
                                    "The family enjoys days out at the park"])
    assert vectors.shape == (3, 384)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2]) + 0.3


def test_the_encoder_loads_once_when_first_asked_for_from_several_threads():
    """Two first assessments in parallel threads raced transformers' lazy imports; the factory is locked."""
    from concurrent.futures import ThreadPoolExecutor

    from bot.language import embeddings

    embeddings._load_encoder.cache_clear()
    with ThreadPoolExecutor(max_workers=4) as pool:
        encoders = list(pool.map(lambda _: embeddings.get_encoder(), range(4)))
    assert all(e is encoders[0] for e in encoders)
