"""Feature preprocessing fitted on train only, saved as JSON: text n-grams, numbers, categories."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from errors import BadInput, candidate_details, column_not_found

# Columns the labeling output adds around the data; never features.
RESERVED_COLUMNS = ("covered", "label_source")
PROB_PREFIX = "prob_"
TOKEN_PATTERN = r"(?u)\b\w\w+\b"
MAX_CATEGORIES = 50


@dataclass
class ColumnSpec:
    """Which columns are features of which kind, and which are the label and the id."""

    label: str | None
    id: str | None
    text: list[str] = field(default_factory=list)
    numeric: list[str] = field(default_factory=list)
    categorical: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    label_copies: list[str] = field(default_factory=list)
    missing_with_label: dict[str, str] = field(default_factory=dict)
    """Feature columns empty exactly on the rows of one class (column → that class): a value
    recorded only after the outcome, kept as a feature but said (`missing_marks_label`)."""

    @property
    def features(self) -> list[str]:
        """Every feature column."""
        return [*self.text, *self.numeric, *self.categorical]


def _missing(frame: pd.DataFrame, names: list[str], what: str) -> None:
    absent = [n for n in names if n not in frame.columns]
    if absent:
        raise column_not_found(absent[0], frame.columns, argument=f"{what}_columns", what=what)


def _is_text(values: pd.Series) -> bool:
    sample = values.dropna().astype(str).head(500)
    if sample.empty:
        return False
    words = sample.str.split().str.len().mean()
    return bool(words >= 3)


def _only_classes(values: pd.Series, classes: list[str]) -> bool:
    present = set(values.dropna().astype(str).unique())
    return bool(present) and present <= set(classes)


COPY_KAPPA = 0.5
"""A column of class names is a copy of the label only when it agrees with it this far beyond
chance (Cohen's kappa on the rows where both are present)."""


def names_the_label(values: pd.Series, labels: pd.Series | None) -> bool:
    """Whether a column holding only class names stands for the label (hand labels beside a
    labeling output's): it agrees with the label well beyond chance where both are present.

    A yes/no feature beside a yes/no label (reminder_sent beside no_show) holds only class
    names too, but agrees with the label about as often as chance: it is a feature. Without
    the labels, or with fewer than MIN_ROWS_FOR_COPY rows to compare, it counts as the label.
    """
    if labels is None:
        return True
    both = values.notna() & labels.notna()
    if int(both.sum()) < MIN_ROWS_FOR_COPY:
        return True
    a, b = values[both].astype(str), labels[both].astype(str)
    observed = float((a == b).mean())
    shares_a, shares_b = a.value_counts(normalize=True), b.value_counts(normalize=True)
    chance = float(sum(shares_a.get(k, 0.0) * shares_b.get(k, 0.0) for k in shares_b.index))
    kappa = (observed - chance) / (1.0 - chance) if chance < 1.0 else 1.0
    return kappa >= COPY_KAPPA


MIN_ROWS_FOR_COPY = 20
"""Rows a column must share with the label before a one-to-one match counts as a copy."""


def mirrors_label(values: pd.Series, labels: pd.Series) -> bool:
    """Whether `values` is a one-to-one recoding of `labels` (e.g. a 0/1 copy of 'yes'/'no').

    On the rows where both are present (at least MIN_ROWS_FOR_COPY), each value goes with
    exactly one class and each class with exactly one value. Such a column is the target under
    another name: as a feature it would leak the label (perfect validation scores) and be
    missing from the rows a model is later asked to predict.
    """
    both = pd.DataFrame({"v": values.to_numpy(), "y": labels.to_numpy()}).dropna()
    if len(both) < MIN_ROWS_FOR_COPY:
        return False
    try:
        v = both["v"].astype(str)
    except (TypeError, ValueError):
        return False
    y = both["y"].astype(str)
    n_classes = y.nunique()
    if n_classes < 2 or v.nunique() != n_classes:
        return False
    pairs = pd.DataFrame({"v": v, "y": y}).drop_duplicates()
    return len(pairs) == n_classes


def missing_marks_label(values: pd.Series, labels: pd.Series) -> str | None:
    """The class whose rows are exactly the rows where `values` is empty, else None.

    A ferry's delay_minutes is empty exactly when the crossing was cancelled: the value is
    known only once the outcome is, so it cannot be had for a crossing still to be predicted
    (and a text or category column filled only for one class gives the label away). Judged on the labelled rows, with at least MIN_ROWS_FOR_COPY of them and at
    least 5 empty and 5 filled; only for a label with at least two classes.
    """
    frame = pd.DataFrame({"empty": values.isna().to_numpy(), "y": labels.to_numpy()})
    frame = frame[frame["y"].notna()]
    empty = int(frame["empty"].sum())
    if len(frame) < MIN_ROWS_FOR_COPY or empty < 5 or len(frame) - empty < 5:
        return None
    y = frame["y"].astype(str)
    if y.nunique() < 2:
        return None
    inside = set(y[frame["empty"]])
    if len(inside) != 1:
        return None
    (cls,) = inside
    return None if (y[~frame["empty"]] == cls).any() else cls


def infer_columns(
    frame: pd.DataFrame,
    *,
    label: str | None,
    id_column: str | None,
    text: list[str] | None = None,
    numeric: list[str] | None = None,
    categorical: list[str] | None = None,
    classes: list[str] | None = None,
    labels: pd.Series | None = None,
    skip_columns: set[str] | None = None,
) -> ColumnSpec:
    """Decide the feature columns: the given lists, or by dtype and content for the rest.

    Numbers and booleans are numeric; strings of three or more words are text; other strings
    with at most 100 distinct values are categorical; anything else is ignored (and reported).
    A string column holding only class names (`classes`) that agrees with the label beyond
    chance (`names_the_label`: the hand labels next to a labeling output's probabilities) is
    ignored, never a feature (a yes/no feature beside a yes/no label is kept); so is a
    column that is a one-to-one recoding of the row's class (`labels`, aligned with `frame`),
    listed under `label_copies`. Named lists are taken as given, but never the label or the id.
    `skip_columns` (a labeling run's filled-in label column and its source) are skipped.
    """
    for names, what in ((text, "text"), (numeric, "numeric"), (categorical, "categorical")):
        if names:
            _missing(frame, names, what)
            for reserved, role in ((label, "label"), (id_column, "id")):
                if reserved is not None and reserved in names:
                    raise BadInput(
                        f"the {role} column {reserved!r} cannot be a feature",
                        hint=f"remove {reserved!r} from {what}_columns",
                        details=candidate_details(
                            f"{what}_columns",
                            [[n for n in names if n != reserved]],
                            "not_found",
                            value=reserved,
                        ),
                    )
    spec = ColumnSpec(label=label, id=id_column)
    if text is not None or numeric is not None or categorical is not None:
        spec.text, spec.numeric, spec.categorical = (
            list(text or []),
            list(numeric or []),
            list(categorical or []),
        )
        for name in spec.numeric:
            if not (
                pd.api.types.is_numeric_dtype(frame[name])
                or pd.api.types.is_bool_dtype(frame[name])
            ):
                raise BadInput(
                    f"numeric column {name!r} holds {frame[name].dtype} values",
                    hint="list it under categorical_columns or text_columns instead",
                )
        return spec
    skip = {label, id_column, *RESERVED_COLUMNS, *(skip_columns or ())}
    for name in frame.columns:
        if name in skip or str(name).startswith(PROB_PREFIX):
            continue
        col = frame[name]
        if col.isna().all():
            spec.ignored.append(str(name))
        elif labels is not None and mirrors_label(col, labels):
            spec.ignored.append(str(name))
            spec.label_copies.append(str(name))
        elif pd.api.types.is_bool_dtype(col) or pd.api.types.is_numeric_dtype(col):
            spec.numeric.append(str(name))
        elif classes and _only_classes(col, classes) and names_the_label(col, labels):
            spec.ignored.append(str(name))
        elif _is_text(col):
            spec.text.append(str(name))
        elif col.nunique(dropna=True) <= 100:
            spec.categorical.append(str(name))
        else:
            spec.ignored.append(str(name))
    if labels is not None:
        for name in spec.features:
            if (cls := missing_marks_label(frame[name], labels)) is not None:
                spec.missing_with_label[name] = cls
    return spec


@dataclass
class Preprocessor:
    """Fitted feature transform; every fitted value is plain JSON (no pickle)."""

    text_columns: list[str]
    numeric_columns: list[str]
    categorical_columns: list[str]
    text_features: Literal["tfidf", "hashed"] = "tfidf"
    ngram_max: int = 2
    max_features: int = 20000
    min_df: int = 1
    vocabulary: dict[str, int] = field(default_factory=dict)
    idf: list[float] = field(default_factory=list)
    means: list[float] = field(default_factory=list)
    stds: list[float] = field(default_factory=list)
    categories: dict[str, list[str]] = field(default_factory=dict)

    # ----- fitting -----------------------------------------------------------------------
    @classmethod
    def fit(
        cls,
        frame: pd.DataFrame,
        spec: ColumnSpec,
        *,
        text_features: Literal["tfidf", "hashed"] = "tfidf",
        ngram_max: int = 2,
        max_features: int = 20000,
        min_df: int = 1,
    ) -> Preprocessor:
        """Fit on the training rows only."""
        if frame.empty:
            raise BadInput("no rows to fit features on", hint="give a dataset with rows")
        pre = cls(
            text_columns=list(spec.text),
            numeric_columns=list(spec.numeric),
            categorical_columns=list(spec.categorical),
            text_features=text_features,
            ngram_max=ngram_max,
            max_features=max_features,
            min_df=min_df,
        )
        if not spec.features:
            raise BadInput(
                "no feature columns",
                hint="name text_columns, numeric_columns or categorical_columns",
            )
        if pre.text_columns and text_features == "tfidf":
            from sklearn.feature_extraction.text import TfidfVectorizer

            docs = pre._documents(frame)
            vec = TfidfVectorizer(
                ngram_range=(1, ngram_max),
                max_features=max_features,
                min_df=min(min_df, max(1, len(docs) // 2)),
                sublinear_tf=True,
                token_pattern=TOKEN_PATTERN,
                dtype=np.float32,
            )
            try:
                vec.fit(docs)
            except ValueError as exc:  # empty vocabulary
                raise BadInput(
                    f"text columns give no words to learn from: {exc}",
                    hint="check the text columns hold text",
                ) from None
            pre.vocabulary = {str(k): int(v) for k, v in vec.vocabulary_.items()}
            pre.idf = [float(x) for x in vec.idf_]
        if pre.numeric_columns:
            values = frame[pre.numeric_columns].astype("float64").to_numpy()
            with np.errstate(invalid="ignore"):
                means = np.nanmean(values, axis=0) if len(values) else np.zeros(values.shape[1])
                stds = np.nanstd(values, axis=0)
            means = np.where(np.isfinite(means), means, 0.0)
            stds = np.where(np.isfinite(stds) & (stds > 1e-12), stds, 1.0)
            pre.means, pre.stds = means.tolist(), stds.tolist()
        for name in pre.categorical_columns:
            counts = frame[name].dropna().astype(str).value_counts()
            pre.categories[name] = [str(c) for c in counts.index[:MAX_CATEGORIES]]
        return pre

    # ----- transforming ------------------------------------------------------------------
    def _documents(self, frame: pd.DataFrame) -> list[str]:
        parts = [frame[c].fillna("").astype(str) for c in self.text_columns]
        joined = parts[0]
        for p in parts[1:]:
            joined = joined + " " + p
        return joined.tolist()

    @property
    def text_dim(self) -> int:
        """Width of the text block."""
        if not self.text_columns:
            return 0
        return len(self.vocabulary) if self.text_features == "tfidf" else self.max_features

    @property
    def n_features(self) -> int:
        """Total width of the feature matrix."""
        cats = sum(len(v) for v in self.categories.values())
        return self.text_dim + len(self.numeric_columns) + cats

    def _text_matrix(self, frame: pd.DataFrame) -> sp.csr_matrix:
        from sklearn.preprocessing import normalize

        docs = self._documents(frame)
        if self.text_features == "hashed":
            from sklearn.feature_extraction.text import HashingVectorizer

            vec = HashingVectorizer(
                n_features=self.max_features,
                ngram_range=(1, self.ngram_max),
                alternate_sign=False,
                norm=None,
                token_pattern=TOKEN_PATTERN,
                dtype=np.float32,
            )
            counts = vec.transform(docs).tocsr()
            counts.data = 1.0 + np.log(counts.data)
            return normalize(counts).astype(np.float32)
        from sklearn.feature_extraction.text import CountVectorizer

        vec = CountVectorizer(
            vocabulary=self.vocabulary,
            ngram_range=(1, self.ngram_max),
            token_pattern=TOKEN_PATTERN,
            dtype=np.float32,
        )
        counts = vec.transform(docs).tocsr().astype(np.float32)
        counts.data = 1.0 + np.log(counts.data)
        weighted = counts @ sp.diags(np.asarray(self.idf, dtype=np.float32))
        return normalize(sp.csr_matrix(weighted)).astype(np.float32)

    @property
    def feature_columns(self) -> list[str]:
        """Every input column the transform reads."""
        return [*self.text_columns, *self.numeric_columns, *self.categorical_columns]

    def spans(self) -> dict[str, tuple[int, int]]:
        """Each input column's [start, end) in the feature matrix. The text columns share the
        text block (they are joined into one document before vectorising).
        """
        out: dict[str, tuple[int, int]] = {}
        at = self.text_dim
        for name in self.text_columns:
            out[name] = (0, at)
        for name in self.numeric_columns:
            out[name] = (at, at + 1)
            at += 1
        for name in self.categorical_columns:
            width = len(self.categories.get(name, []))
            out[name] = (at, at + width)
            at += width
        return out

    def kind(self, name: str) -> str:
        """`text`, `numeric` or `categorical`: how an input column is featurised."""
        if name in self.text_columns:
            return "text"
        return "numeric" if name in self.numeric_columns else "categorical"

    def imputed(self, frame: pd.DataFrame) -> list[dict[str, Any]]:
        """The feature columns `frame` lacks or has empty cells in, and what stands in for them.

        Absent columns are treated as entirely missing, the way training treats missing cells:
        numbers take the training mean, categories and text contribute nothing (all-zero).
        Raises when none of the model's feature columns is present (nothing to predict from).
        """
        features = self.feature_columns
        absent = [c for c in features if c not in frame.columns]
        if features and len(absent) == len(features):
            raise missing_features_error(absent, frame.columns, every=True)
        fill = {"numeric": "the training mean", "categorical": "no category", "text": "no text"}
        out: list[dict[str, Any]] = []
        for name in features:
            if name in absent:
                share = 1.0
            elif len(frame):
                share = float(frame[name].isna().mean())
            else:
                share = 0.0
            if share > 0:
                kind = self.kind(name)
                out.append(
                    {
                        "column": name,
                        "kind": kind,
                        "absent": name in absent,
                        "share_imputed": round(share, 4),
                        "imputed_with": fill[kind],
                    }
                )
        return out

    def _complete(self, frame: pd.DataFrame) -> pd.DataFrame:
        absent = [c for c in self.feature_columns if c not in frame.columns]
        if not absent:
            return frame
        if len(absent) == len(self.feature_columns):
            raise missing_features_error(absent, frame.columns, every=True)
        filled = frame.copy()
        for name in absent:
            filled[name] = np.nan if name in self.numeric_columns else None
        return filled

    def transform(self, frame: pd.DataFrame) -> sp.csr_matrix:
        """The feature matrix (rows x n_features, float32 CSR) for any rows.

        A feature column the rows lack is imputed as entirely missing (see `imputed`).
        """
        frame = self._complete(frame)
        blocks: list[sp.spmatrix] = []
        if self.text_columns:
            blocks.append(self._text_matrix(frame))
        if self.numeric_columns:
            values = frame[self.numeric_columns].astype("float64").to_numpy()
            means = np.asarray(self.means)
            values = np.where(np.isnan(values), means, values)
            scaled = np.clip((values - means) / np.asarray(self.stds), -20, 20)
            blocks.append(sp.csr_matrix(scaled.astype(np.float32)))
        for name in self.categorical_columns:
            cats = self.categories.get(name, [])
            index = {c: i for i, c in enumerate(cats)}
            col = frame[name].astype(str).where(frame[name].notna(), None).tolist()
            rows, cols = [], []
            for r, value in enumerate(col):
                j = index.get(value) if value is not None else None
                if j is not None:
                    rows.append(r)
                    cols.append(j)
            data = np.ones(len(rows), dtype=np.float32)
            blocks.append(sp.csr_matrix((data, (rows, cols)), shape=(len(frame), len(cats))))
        if not blocks:
            return sp.csr_matrix((len(frame), 0), dtype=np.float32)
        return sp.hstack(blocks, format="csr", dtype=np.float32)

    def feature_names(self) -> list[str]:
        """A name per output column (text terms, numeric names, `column=value`)."""
        names: list[str] = []
        if self.text_columns:
            if self.text_features == "tfidf":
                inverse = sorted(self.vocabulary.items(), key=lambda kv: kv[1])
                names.extend(f"text:{term}" for term, _ in inverse)
            else:
                names.extend(f"hash:{i}" for i in range(self.max_features))
        names.extend(self.numeric_columns)
        for name in self.categorical_columns:
            names.extend(f"{name}={c}" for c in self.categories.get(name, []))
        return names

    # ----- persistence -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Plain JSON of every fitted value."""
        return {"kind": "forgeflow.preprocessing", "version": 1, **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Preprocessor:
        """Rebuild from `to_dict` output (validated, so a tampered file fails loudly)."""
        if data.get("kind") != "forgeflow.preprocessing":
            raise BadInput(
                "not a forgeflow preprocessing file",
                hint="point at a model folder from train_model",
            )
        fields_ = {k: v for k, v in data.items() if k not in ("kind", "version")}
        pre = cls(**fields_)
        if pre.text_features not in ("tfidf", "hashed"):
            raise BadInput(f"unknown text_features {pre.text_features!r}", hint="tfidf or hashed")
        if len(pre.idf) != len(pre.vocabulary):
            raise BadInput("preprocessing file is inconsistent (idf vs vocabulary)", hint="retrain")
        return pre

    def save(self, path: Path) -> None:
        """Write the JSON file."""
        path.write_text(json.dumps(self.to_dict()))

    @classmethod
    def load(cls, path: Path) -> Preprocessor:
        """Read the JSON file."""
        return cls.from_dict(json.loads(path.read_text()))


WARN_SHARE = 0.5
"""A present feature column with at least this share of empty cells is warned about too."""


def imputation_warnings(imputed: list[dict[str, Any]]) -> list[str]:
    """One line per absent feature column (and per mostly empty one) from `Preprocessor.imputed`."""
    lines = []
    for item in imputed:
        if item["absent"]:
            lines.append(
                f"feature column {item['column']!r} ({item['kind']}) is not in the dataset: "
                f"imputed for 100% of rows with {item['imputed_with']}, as training treats "
                "missing values; predictions lean on the other features"
            )
        elif item["share_imputed"] >= WARN_SHARE:
            lines.append(
                f"feature column {item['column']!r} is empty in {item['share_imputed']:.0%} of "
                f"rows: imputed with {item['imputed_with']}"
            )
    return lines


def missing_features_error(absent: list[str], columns: Any, *, every: bool) -> BadInput:
    """The error for rows that lack the model's feature columns (listed, with a hint)."""
    cols = [str(c) for c in columns]
    shown = ", ".join(repr(c) for c in absent[:20]) + (" ..." if len(absent) > 20 else "")
    what = "none of the model's feature columns" if every else "missing feature columns"
    return BadInput(
        f"the dataset has {what}: {shown} not found",
        hint="give rows with the columns the model was trained on (its config.json lists them "
        "under columns), or retrain on the columns this table has"
        + (f"; this table's columns are: {', '.join(cols[:30])}" if cols else ""),
        code="missing_features",
        details=candidate_details(
            "dataset",
            [],
            "not_found",
            missing=absent[:200],
            choices=cols[:200],
        ),
    )


def prob_columns(frame: pd.DataFrame) -> list[str]:
    """The labeling output's `prob_<class>` columns, in frame order."""
    return [str(c) for c in frame.columns if re.match(rf"^{PROB_PREFIX}.+", str(c))]
