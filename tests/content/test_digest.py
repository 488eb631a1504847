"""The daily digest: counts per class and platform, top items, and the Word file in the Decree 30 layout."""

import datetime as dt
import io

from django.urls import reverse
from django.utils import timezone
from docx import Document

from canhgiac.content.digest import build_digest_context
from canhgiac.core.testing import login

DAY = dt.date(2026, 11, 20)


def _at(day, hour=9):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _items(make_item):
    make_item("scam", 0.95, platform="facebook", published_at=_at(DAY), author="lua.dao")
    make_item("scam", 0.7, platform="tiktok", published_at=_at(DAY, 20))
    make_item("loan", 0.8, platform="facebook", published_at=_at(DAY), reviewed_label="scam", status="confirmed")
    make_item("normal", platform="facebook", published_at=_at(DAY))
    make_item("gambling", 0.9, platform="facebook", published_at=_at(DAY), status="dismissed")
    make_item("gambling", 0.9, platform="zalo", published_at=_at(DAY - dt.timedelta(days=1)))


def test_context_counts_per_class_and_platform(world, make_item):
    _items(make_item)
    context = build_digest_context(DAY, DAY, world.user("officer"))
    counts = {row["label"]: row["count"] for row in context["by_label"]}
    assert counts["scam"] == 3 and counts["loan"] == 0 and counts["normal"] == 1 and counts["gambling"] == 0
    assert (context["total"], context["flagged"]) == (4, 3)
    platforms = {row["platform"]: (row["count"], row["flagged"]) for row in context["by_platform"]}
    assert platforms == {"Facebook": (3, 2), "TikTok": (1, 1)}  # by the platform's name, not the source's code
    assert [i["risk"] for i in context["top_items"]] == [0.95, 0.8, 0.7]
    assert context["top_items"][0]["url"].startswith("https://facebook.com/")
    wider = build_digest_context(DAY - dt.timedelta(days=1), DAY, world.user("officer"))
    assert wider["total"] == 5 and {r["platform"] for r in wider["by_platform"]} == {"Facebook", "TikTok", "Zalo"}


def test_digest_is_scoped_to_the_user(world, make_item):
    _items(make_item)
    assert build_digest_context(DAY, DAY, world.user("carrier_operator"))["total"] == 0


def test_digest_page_and_docx(world, make_item, client):
    _items(make_item)
    login(client, world.user("officer"))
    page = client.get(reverse("content:digest") + "?start=2026-11-20&end=2026-11-20").content.decode()
    assert "Điểm báo ngày 20/11/2026" in page and "lua.dao" in page
    response = client.get(reverse("content:digest_docx") + "?start=2026-11-20&end=2026-11-20")
    assert response["Content-Disposition"].endswith('diem-bao-20261120.docx"')
    doc = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    header = doc.tables[0]
    assert header.cell(0, 0).text.strip().endswith("CƠ QUAN STTTT")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header.cell(0, 1).text
    assert "Độc lập - Tự do - Hạnh phúc" in header.cell(0, 1).text
    assert "ngày" in header.cell(1, 1).text and "tháng" in header.cell(1, 1).text
    assert "ĐIỂM BÁO" in text and "ngày 20/11/2026" in text
    labels = {row.cells[1].text: row.cells[2].text for row in doc.tables[1].rows[1:]}
    assert labels["Lừa đảo"] == "3" and labels["Bình thường"] == "1"
    top = doc.tables[3]
    assert len(top.rows) == 4 and "95%" in top.rows[1].cells[3].text
    assert top.rows[1].cells[4].text.startswith("https://facebook.com/")
    assert "Nơi nhận:" in doc.tables[-1].cell(0, 0).text


def test_docx_layout_rules_place_signature_and_reviewed_labels(world, make_item, client, settings):
    _items(make_item)
    officer = world.user("officer")
    officer.first_name, officer.last_name = "An", "Nguyễn Văn"
    officer.save()
    login(client, officer)
    response = client.get(reverse("content:digest_docx") + "?start=2026-11-20&end=2026-11-20")
    doc = Document(io.BytesIO(response.content))
    header = doc.tables[0]
    ruled = [p for cell in (header.cell(0, 0), header.cell(0, 1)) for p in cell.paragraphs if "w:pBdr" in p._p.xml]
    assert len(ruled) == 2  # the rule under the agency name and the one under the motto
    assert header.cell(1, 1).text.startswith("……………, ngày")  # no place configured: left for the clerk
    signature = doc.tables[-1].cell(0, 1).text
    assert "NGƯỜI LẬP" in signature and officer.get_full_name() in signature
    rows = {row.cells[2].text[:30]: row.cells[3].text for row in doc.tables[3].rows[1:]}
    assert any(v == "Lừa đảo (đã duyệt)" for v in rows.values())  # the corrected item: no model score shown
    settings.CONTENT_DIGEST_PLACE = "Hà Tĩnh"
    response = client.get(reverse("content:digest_docx") + "?start=2026-11-20")
    assert Document(io.BytesIO(response.content)).tables[0].cell(1, 1).text.startswith("Hà Tĩnh, ngày")


def test_a_bad_date_is_an_error_not_today(world, client):
    login(client, world.user("officer"))
    page = client.get(reverse("content:digest") + "?start=2026-13-45").content.decode()
    assert "errorlist" in page
    response = client.get(reverse("content:digest_docx") + "?start=2026-13-45")
    assert response.status_code == 400 and "Từ ngày" in response.content.decode()
