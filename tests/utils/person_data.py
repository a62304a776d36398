"""A new user's own files (issue 11): reviews with some hand labels, wine/digits CSVs, a guide."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

GOOD = "great love excellent perfect amazing happy recommend wonderful sturdy fast".split()
BAD = "terrible broke awful refund disappointed poor slow cheap waste returned".split()
FILLER = "the this product it was and a i for my with after one week".split()

GUIDE = """# Getting started with the Acme blender

## Safety
Never put your hands in the jar while the motor runs. Unplug the blender before cleaning.

## Cleaning
Rinse the jar with warm water and a drop of soap. The blades are sharp: clean them with a brush.

## Warranty
The blender has a two-year warranty. Keep the receipt; repairs need proof of purchase.
"""


def _reviews(n: int, seed: int, labeled: int | None) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        label = "positive" if i % 2 == 0 else "negative"
        own = GOOD if label == "positive" else BAD
        words = [*rng.choice(FILLER, 6), *rng.choice(own, 3)]
        rng.shuffle(words)
        keep = labeled is None or i < labeled
        rows.append({"id": i, "review": " ".join(words), "label": label if keep else None})
    return pd.DataFrame(rows)


def write_person_data(folder: Path) -> dict[str, str]:
    """Write the files a person brought into `folder`; returns name → what it is."""
    from sklearn.datasets import load_digits, load_wine

    folder.mkdir(parents=True, exist_ok=True)
    _reviews(160, 0, labeled=40).to_csv(folder / "reviews.csv", index=False)
    _reviews(60, 1, labeled=None).to_csv(folder / "reviews_test.csv", index=False)
    wine = load_wine(as_frame=True).frame.rename(columns={"target": "cultivar"})
    wine["cultivar"] = wine["cultivar"].map({0: "class_0", 1: "class_1", 2: "class_2"})
    wine = wine.sample(frac=1.0, random_state=0).reset_index(drop=True)
    wine.iloc[:130].to_csv(folder / "wine_train.csv", index=False)
    wine.iloc[130:].to_csv(folder / "wine_test.csv", index=False)
    digits = load_digits(as_frame=True).frame.rename(columns={"target": "digit"})
    digits.iloc[:600].to_csv(folder / "digits.csv", index=False)
    (folder / "docs").mkdir(exist_ok=True)
    (folder / "docs" / "guide.md").write_text(GUIDE)
    rng = np.random.default_rng(3)
    census = pd.DataFrame(
        {
            "person_id": [f"p{i}" for i in range(120)],
            "age": rng.integers(18, 80, 120),
            "hours_per_week": rng.integers(10, 70, 120),
            "education_years": rng.integers(8, 20, 120),
        }
    )
    (folder / "data").mkdir(exist_ok=True)
    census.to_csv(folder / "data" / "census.csv", index=False)
    rich = (census.education_years > 13) & (census.hours_per_week > 40)
    gold = pd.DataFrame(
        {"person_id": census.person_id, "income": np.where(rich, ">50K", "<=50K")}
    ).iloc[:40]
    gold.to_csv(folder / "data" / "hand_labels.csv", index=False)
    return {
        "reviews.csv": "product reviews, 40 of 160 hand-labelled in `label`",
        "reviews_test.csv": "60 labelled reviews",
        "wine_train.csv": "wine measurements with `cultivar`",
        "wine_test.csv": "held-out wines",
        "digits.csv": "8x8 digits as 64 pixel columns and `digit`",
        "docs/guide.md": "a markdown guide",
        "data/census.csv": "people with person_id",
        "data/hand_labels.csv": "gold person_id, income",
    }


if __name__ == "__main__":
    write_person_data(Path(sys.argv[1]))
