"""Training is deterministic and uses reviewers' labels (small subsets: seconds, not minutes)."""

import numpy as np
import pytest

from canhgiac.content import datasets as ds
from canhgiac.content.training import Sources, train

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _shared_data():
    """Training reads ../shared/data (CI has it beside the clone); its absence is a failure, not a skip."""
    ds.data_dir()  # raises DataMissing with where it looked


PROBES = ["vay nóng không thế chấp", "nhà cái uy tín", "đồ ngu", "chúc mừng sinh nhật", "tôi là công an"]


def _small(**kw):
    return train(Sources(limit=1500, synth_scale=0.05, **kw), seed=3, evaluate=False, log=lambda _: None)[0]


def test_same_seed_gives_identical_model_and_predictions(tmp_path):
    a, b = _small(), _small()
    assert np.array_equal(a.triage.cols, b.triage.cols)
    assert np.array_equal(a.triage.coef, b.triage.coef)
    assert np.array_equal(a.speech.offsets, b.speech.offsets)
    assert [p.to_dict() for p in a.classify(PROBES)] == [p.to_dict() for p in b.classify(PROBES)]
    path = a.save(tmp_path / "m.joblib")
    loaded = type(a).load(path)
    assert [p.label for p in loaded.classify(PROBES)] == [p.label for p in a.classify(PROBES)]


def test_reviewer_labels_teach_the_model():
    text = "mua ngay combo khuyến mãi đặc biệt ABCXYZ"
    before = _small()
    after = _small(reviewer_labels=[(text, "scam")] * 20)
    assert after.classify([text])[0].scores["scam"] > before.classify([text])[0].scores["scam"]
