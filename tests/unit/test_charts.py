"""The PNG charts read well: titles, axis labels, AUC in the ROC legend, the best epoch marked,
legends outside the data, and "no hand-label votes" drawn as such."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from matplotlib.figure import Figure

from tools.labeling.outputs import write_summary
from tools.training.cvae import plot_generator_curves
from tools.training.evaluate import plot_confusion, plot_curves, plot_roc


@pytest.fixture
def saved(monkeypatch: pytest.MonkeyPatch) -> list[Figure]:
    """The figures the plot functions save (they still write their PNG)."""
    figures: list[Figure] = []
    original = Figure.savefig

    def keep(self: Figure, *args, **kwargs):  # noqa: ANN202
        figures.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", keep)
    return figures


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda o: hasattr(o, "get_text"))]


def legend_texts(fig: Figure) -> list[str]:
    legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend())]
    return [t.get_text() for lg in legends for t in lg.get_texts()]


def test_roc_legend_holds_the_auc(saved: list[Figure], tmp_path: Path) -> None:
    y = np.array([0, 0, 1, 1, 0, 1])
    proba = np.array([[0.9, 0.1], [0.6, 0.4], [0.35, 0.65], [0.2, 0.8], [0.7, 0.3], [0.55, 0.45]])
    assert plot_roc(y, proba, ["neg", "pos"], tmp_path / "roc.png")
    fig = saved[-1]
    labels = legend_texts(fig)
    from sklearn.metrics import roc_auc_score

    auc = roc_auc_score(y, proba[:, 1])
    assert any(t.startswith("pos") and f"AUC = {auc:.3f}" in t for t in labels), labels
    ax = fig.axes[0]
    assert ax.get_title().startswith("ROC curve") and ax.get_xlabel() and ax.get_ylabel()
    assert (tmp_path / "roc.png").stat().st_size > 1000


def test_confusion_matrix_has_title_and_axis_labels(saved: list[Figure], tmp_path: Path) -> None:
    plot_confusion([[5, 1], [2, 7]], ["a", "b"], tmp_path / "c.png")
    ax = saved[-1].axes[0]
    assert ax.get_title() == "Confusion matrix (15 rows)"
    assert ax.get_xlabel() == "predicted class" and ax.get_ylabel() == "true class"
    assert "7\n78%" in texts(saved[-1])


def test_training_curves_mark_the_best_epoch_with_the_legend_outside(
    saved: list[Figure], tmp_path: Path
) -> None:
    history = [
        {"epoch": e, "train_loss": 1 / e, "val_loss": v, "val_accuracy": 0.5 + e / 20}
        for e, v in zip(range(1, 7), [0.9, 0.5, 0.4, 0.45, 0.5, 0.6], strict=True)
    ]
    plot_curves(history, tmp_path / "curves.png", best_epoch=3)
    fig = saved[-1]
    assert "best epoch (3, kept)" in legend_texts(fig)
    assert fig.axes[0].get_title() == "Training curves"
    assert fig.legends and not fig.axes[0].get_legend()  # one figure legend, under the plot
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    box = fig.legends[0].get_window_extent(renderer)
    plot = fig.axes[0].get_window_extent(renderer)
    assert box.y1 <= plot.y0  # below the axes: it covers no curve


def test_generator_curves_are_titled(saved: list[Figure], tmp_path: Path) -> None:
    plot_generator_curves(
        [
            {"epoch": 1, "reconstruction": 2.0, "kl": 0.5},
            {"epoch": 2, "reconstruction": 1.0, "kl": 0.6},
        ],
        tmp_path / "g.png",
    )
    ax = saved[-1].axes[0]
    assert ax.get_title() and ax.get_ylabel() and ax.get_xlabel() == "epoch"


def test_lf_summary_shows_no_hand_label_votes_as_such(saved: list[Figure], tmp_path: Path) -> None:
    summary = [
        {"name": "a", "polarity": ["x"], "coverage": 0.5, "dev_accuracy": 0.9, "dev_votes": 10},
        {"name": "b", "polarity": ["y"], "coverage": 0.2, "dev_accuracy": None, "dev_votes": 0},
    ]
    write_summary(tmp_path / "s.csv", tmp_path / "s.png", summary, accuracy_label="hand")
    fig = saved[-1]
    assert "no hand-label votes" in texts(fig)
    assert fig.axes[0].get_xlabel() and "Labeling functions" in fig.axes[0].get_title()
    assert "no hand-label votes" in legend_texts(fig)
