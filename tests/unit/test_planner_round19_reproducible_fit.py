"""Nineteenth round: the tuned router's lower-layer batches do not follow the hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from agents import router_encoder

ROOT = Path(__file__).resolve().parents[2]


def test_the_batches_are_by_length_then_text_whatever_the_input_order() -> None:
    texts = ["bb", "a", "cc", "ab", "a", "zzz", "ba", "seen"]
    expected = ["a", "ab", "ba", "bb", "cc", "zzz"]
    assert router_encoder.unseen_in_order(texts, {"seen": 1}) == expected
    assert router_encoder.unseen_in_order(list(reversed(texts)), {"seen": 1}) == expected


def test_the_order_is_the_same_under_two_hash_seeds() -> None:
    # A set's order of strings follows PYTHONHASHSEED: the old order (a set sorted by length
    # alone) put texts of one length in a different order in each process.
    code = (
        "from agents.router_encoder import unseen_in_order as u;"
        "print('|'.join(u([f'w{i:02d}' for i in range(40)] + ['x', 'yy'], {})))"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outs) == 1
