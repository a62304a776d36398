"""Loading the sentence-embedding model prints nothing on the terminal (no 'Loading weights'
progress bar), errors still show, and transformers' own settings are put back after."""

from __future__ import annotations

import pytest

from tools.labeling import embeddings

hf_logging = pytest.importorskip("transformers.utils.logging")


@pytest.mark.skipif(not embeddings.available(), reason="the packaged model is not installed")
def test_loading_the_model_writes_no_progress_bar(
    capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embeddings, "_model", None)  # a first load in this process
    hf_logging.enable_progress_bar()
    capfd.readouterr()
    model = embeddings._load()
    out, err = capfd.readouterr()
    assert model is not None
    assert "Loading weights" not in err + out, err
    assert "it/s" not in err, err
    assert hf_logging.is_progress_bar_enabled()  # put back for other loads


def test_errors_still_show_and_settings_come_back(caplog: pytest.LogCaptureFixture) -> None:
    hf_logging.enable_progress_bar()
    caplog.set_level("DEBUG")
    before = hf_logging.get_verbosity()
    with pytest.raises(OSError, match="weights file is truncated"):
        with embeddings.quiet_loading():
            assert not hf_logging.is_progress_bar_enabled()
            hf_logging.get_logger("transformers.modeling_utils").error("weights file is broken")
            hf_logging.get_logger("transformers.modeling_utils").info("just chatter")
            raise OSError("weights file is truncated")
    said = [r.getMessage() for r in caplog.records]
    assert "weights file is broken" in said  # an error is logged, and raised
    assert "just chatter" not in said
    assert hf_logging.is_progress_bar_enabled()
    assert hf_logging.get_verbosity() == before
