"""One short text through the packaged MiniLM encoder directly: encode's vector, without encode.

sentence-transformers' `encode` of a single ~30-token text spends a fifth to a third of its
time outside the arithmetic (batching, sorting, feature dicts, the Hugging Face module stack
and its unused pooler). `Forward` runs the same pipeline (BERT → mean pooling → L2
normalisation) as a few tensor operations on the loaded model's own weights (no copies), and
`build` accepts it only for that architecture and only after it reproduced `encode` on a probe
text within `TOLERANCE`. Not quantised: the planner's router is sensitive to small changes.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np

TOLERANCE = 1e-5
"""Largest element-wise difference from `encode` the self-check accepts."""
PROBE = "  which rows of sales.csv look odd, and could a model predict the churned column?"

log = logging.getLogger(__name__)


class Forward:
    """BERT's forward pass over one text (no padding, so no attention mask), mean-pooled and
    L2-normalised, as the packaged model's sentence-transformers modules do it.
    """

    def __init__(self, model: Any) -> None:
        bert = model[0].auto_model
        self.tokenizer = model.tokenizer
        self.max_tokens = int(model.max_seq_length)
        self.heads = int(bert.config.num_attention_heads)
        self.eps = float(bert.config.layer_norm_eps)
        embeddings = bert.embeddings
        self.words = embeddings.word_embeddings.weight
        self.positions = embeddings.position_embeddings.weight
        self.token_type = embeddings.token_type_embeddings.weight[0]
        self.norm = embeddings.LayerNorm
        self.layers = list(bert.encoder.layer)

    def __call__(self, text: str) -> np.ndarray:
        """The unit-length embedding (384 floats) of the text."""
        import torch
        import torch.nn.functional as F

        ids = self.tokenizer(text, truncation=True, max_length=self.max_tokens)["input_ids"]
        with torch.inference_mode():
            tokens = torch.tensor(ids)
            n = len(ids)
            x = self.words[tokens] + self.token_type + self.positions[:n]
            x = F.layer_norm(x, x.shape[-1:], self.norm.weight, self.norm.bias, self.eps)
            width = x.shape[-1]
            for layer in self.layers:
                attention = layer.attention
                q, k, v = (
                    F.linear(x, lin.weight, lin.bias).view(n, self.heads, -1).transpose(0, 1)
                    for lin in (attention.self.query, attention.self.key, attention.self.value)
                )
                mixed = F.scaled_dot_product_attention(q, k, v).transpose(0, 1).reshape(n, width)
                x = _add_norm(attention.output, mixed, x, self.eps)
                hidden = F.gelu(F.linear(x, *_wb(layer.intermediate.dense)))
                x = _add_norm(layer.output, hidden, x, self.eps)
            return F.normalize(x.mean(0), p=2, dim=0).numpy()


def _wb(linear: Any) -> tuple[Any, Any]:
    return linear.weight, linear.bias


def _add_norm(block: Any, value: Any, residual: Any, eps: float) -> Any:
    """BERT's output block: dense projection, residual, LayerNorm (dropout is off)."""
    import torch.nn.functional as F

    out = F.linear(value, *_wb(block.dense)) + residual
    return F.layer_norm(out, out.shape[-1:], block.LayerNorm.weight, block.LayerNorm.bias, eps)


def supported(model: Any) -> bool:
    """Whether the loaded model is the pipeline `Forward` reproduces: a BERT with exact GELU
    and absolute positions, then mean pooling, then normalisation, nothing else.
    """
    try:
        if len(model) != 3 or type(model[2]).__name__ != "Normalize":
            return False
        if getattr(model[1], "pooling_mode", None) != "mean":
            return False
        config = model[0].auto_model.config
    except (AttributeError, TypeError, IndexError, KeyError):
        return False
    return (
        config.model_type == "bert"
        and config.hidden_act == "gelu"
        and getattr(config, "position_embedding_type", "absolute") == "absolute"
    )


def build(model: Any) -> Forward | None:
    """A `Forward` for the model when it is supported and reproduces `encode` on `PROBE`;
    None otherwise (the caller keeps `encode`).
    """
    if not supported(model):
        log.info("one-text forward: unsupported model, using encode")
        return None
    forward = Forward(model)
    expected = np.asarray(model.encode([PROBE], normalize_embeddings=True), dtype=np.float32)[0]
    difference = float(np.abs(forward(PROBE) - expected).max())
    if not difference <= TOLERANCE:
        log.info("one-text forward differs from encode by %.2g, using encode", difference)
        return None
    return forward
