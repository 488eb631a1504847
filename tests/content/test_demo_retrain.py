"""Demo content loads once, and `canhgiac content retrain` takes reviewers' labels from the database."""

import io

import pytest
from django.core.management import CommandError, call_command

from canhgiac.content import demo, services
from canhgiac.content.models import ContentItem


def test_demo_is_idempotent_and_classified(world):
    world.user("officer").__class__.objects.create_user(
        username="chuyenvien", role="officer", agency=world.agency("STTTT")
    )
    out = io.StringIO()
    demo.load(out)
    count = ContentItem.objects.count()
    demo.load(out)
    assert ContentItem.objects.count() == count == len(demo.DEMO_ITEMS)
    labels = set(ContentItem.objects.values_list("label", flat=True))
    assert {"scam", "gambling", "loan", "false_info", "offensive", "spam", "normal"} <= labels
    assert "11 nội dung mới" in out.getvalue() and "0 nội dung mới" in out.getvalue()


class _Model:
    def save(self, path):
        path.write_bytes(b"model")
        return path


def test_retrain_includes_database_labels_and_file(world, make_item, tmp_path, monkeypatch):
    seen = {}

    def fake_train(sources, **kwargs):
        seen["labels"] = list(sources.reviewer_labels)
        return _Model(), None

    monkeypatch.setattr("canhgiac.content.training.train", fake_train)
    item = services.review_item(make_item("spam"), actor=world.user("officer"), label="loan")
    labels = tmp_path / "labels.csv"
    labels.write_text("text,label\nCá độ bóng đá uy tín,gambling\n", encoding="utf-8")
    out = io.StringIO()
    call_command("content", "retrain", "--out", str(tmp_path / "m.joblib"), "--labels", str(labels), stdout=out)
    assert seen["labels"] == [(item.text, "loan"), ("Cá độ bóng đá uy tín", "gambling")]
    assert "Nhãn đã duyệt trong hệ thống: 1." in out.getvalue()
    with pytest.raises(CommandError, match="Không có nhãn"):
        call_command("content", "retrain", "--no-db", "--out", str(tmp_path / "m.joblib"), stdout=io.StringIO())
