"""Ingest, review, dismiss and escalate as a reviewer meets them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from canhgiac.cases.models import Case
from canhgiac.content import services
from canhgiac.content.models import ContentItem
from canhgiac.core.services import PermissionDenied, ServiceError

CSV = (
    "platform,url,author,published_at,text\n"
    "facebook,https://facebook.com/p/1,vaynhanh,2026-11-20 08:00,Vay nóng 50 triệu không thế chấp gọi 0912345678\n"
    "facebook,https://facebook.com/p/2,phuong,2026-11-20 09:00,Chúc mừng sinh nhật em gái nhé\n"
    "facebook,https://facebook.com/p/1,vaynhanh,2026-11-20 08:00,Lặp lại đường dẫn của dòng 1\n"
    "tiktok,https://tiktok.com/v/3,abc,không-phải-ngày,Nhà cái uy tín new88 nạp rút nhanh\n"
    "zalo,,,,\n"
    "zalo,,nhacai,,Nha cai uy tin new88 nap rut sieu toc tang 100% the nap\n"
)


def test_ingest_keeps_row_errors_and_stores_the_rest(world, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="utf-8")
    batch = services.ingest_items(path, actor=world.user("officer"))
    assert batch.created_count == 3 and ContentItem.objects.count() == 3
    assert batch.counts["duplicates"] == 1 and batch.error_count == 3  # rows not imported, the duplicate included
    assert {e["row"] for e in batch.errors} == {4, 5, 6}  # as a spreadsheet numbers them: the header is row 1
    loan = ContentItem.objects.get(url="https://facebook.com/p/1")
    assert loan.label == "loan" and loan.cues and loan.risk > 0.5
    assert loan.agency == world.agency("STTTT") and loan.batch == batch
    assert loan.history.first().history_user == world.user("officer")
    normal = ContentItem.objects.get(url="https://facebook.com/p/2")
    assert normal.label == "normal" and normal.cues == []


def test_second_upload_skips_items_already_stored(world):
    officer = world.user("officer")
    services.ingest_items(SimpleUploadedFile("a.csv", CSV.encode()), actor=officer)
    again = CSV + "sms,,,,Nội dung hoàn toàn mới về thời tiết hôm nay\n"
    batch = services.ingest_items(SimpleUploadedFile("b.csv", again.encode()), actor=officer)
    assert batch.created_count == 1
    messages = [e["message"] for e in batch.errors]
    assert sum("đã có trong hệ thống" in m for m in messages) == 3
    assert ContentItem.objects.count() == 4
    assert batch.file.name and batch.original_name == "b.csv"


def test_cues_only_above_threshold(world, tmp_path, settings):
    settings.CONTENT_REVIEW_THRESHOLD = 0.999
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "Vay nóng 50 triệu không thế chấp gọi 0912345678"}\n', encoding="utf-8")
    batch = services.ingest_items(path, actor=world.user("officer"))
    item = ContentItem.objects.get()
    assert item.label == "loan" and item.cues == [] and batch.counts["flagged"] == 0


def test_read_only_role_cannot_ingest(world, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(CSV, encoding="utf-8")
    with pytest.raises(PermissionDenied):
        services.ingest_items(path, actor=world.user("viewer"))


def test_confirm_and_correct_are_logged(world, make_item):
    officer = world.user("officer")
    item = services.review_item(make_item("scam"), actor=officer, label="scam")
    assert item.status == "confirmed" and item.reviewer == officer
    other = services.review_item(make_item("spam"), actor=officer, label="loan")
    assert other.status == "confirmed" and other.reviewed_label == "loan"
    record = other.history.first()
    assert record.history_user == officer and "Quảng cáo rác → Tín dụng đen" in record.history_change_reason
    assert services.reviewer_labels() == [(item.text, "scam"), (other.text, "loan")]


def test_dismissed_items_are_not_training_labels(world, make_item):
    item = services.dismiss_item(make_item("scam"), actor=world.user("officer"), reason="trùng tin cũ")
    assert item.status == "dismissed" and services.reviewer_labels() == []
    assert "trùng tin cũ" in item.history.first().history_change_reason


def test_escalate_creates_case_with_indicators_and_evidence(world, make_item):
    officer = world.user("officer")
    item = make_item(
        "gambling",
        author="nhacai.uytin88",
        text="Nhà cái new88.com nạp rút nhanh, xem https://new88.com/khuyen-mai hoặc gọi 0912 345 678, số 0123",
    )
    case = services.escalate_item(item, actor=officer)
    assert (case.category, case.source, case.lead_agency) == ("gambling", "content", world.agency("STTTT"))
    values = set(case.indicators.values_list("kind", "value"))
    assert ("social", "facebook:nhacai.uytin88") in values
    assert ("phone", "+84912345678") in values
    assert ("domain", "new88.com") in values
    assert any(kind == "url" for kind, _ in values)
    assert not any(v.endswith("0123") for _, v in values)  # the bad phone number is skipped
    evidence = case.evidence.get()
    assert evidence.mime_type == "text/plain" and "0912 345 678" in evidence.file.read().decode()
    item.refresh_from_db()
    assert item.status == "escalated" and item.case == case and item.reviewed_label == "gambling"
    with pytest.raises(ServiceError, match="đã được chuyển thành vụ việc"):
        services.escalate_item(item, actor=officer)
    assert Case.objects.count() == 1


def test_escalate_uses_the_corrected_label_and_refuses_normal(world, make_item):
    officer = world.user("officer")
    item = services.review_item(make_item("spam"), actor=officer, label="loan")
    assert services.escalate_item(item, actor=officer).category == "loan_shark"
    with pytest.raises(services.ContentError, match="Bình thường"):
        services.escalate_item(make_item("normal"), actor=officer)


def test_carrier_operator_sees_no_items_and_cannot_act(world, make_item):
    item = make_item("scam")
    operator = world.user("carrier_operator")
    assert not ContentItem.objects.visible_to(operator).exists()
    assert ContentItem.objects.visible_to(world.user("inspector")).count() == 1  # TTRA: global scope
    with pytest.raises(PermissionDenied):
        services.review_item(item, actor=operator, label="scam")


@pytest.mark.parametrize(
    ("platform", "author", "expected"),
    [
        ("sms", "0399 888 777", ("phone", "+84399888777")),
        ("facebook", "+84912345678", ("phone", "+84912345678")),
        ("email", "lua.dao@example.com", ("email", "lua.dao@example.com")),
        ("tiktok", "@nhacai.vip", ("social", "tiktok:nhacai.vip")),
        ("sms", "BRANDNAME", None),
    ],
)
def test_the_sender_becomes_an_indicator(platform, author, expected):
    from canhgiac.cases.normalize import normalize
    from canhgiac.content.extract import author_indicator

    found = author_indicator(platform, author)
    if expected is None:
        assert found is None
    else:
        assert (found[0], normalize(*found).value) == expected
