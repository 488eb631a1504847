"""The API: classify one text or a batch (bad items answered one by one), and the items viewset actions."""

from canhgiac.cases.models import Case
from canhgiac.core.testing import api_client


def test_classify_single_text(world):
    client = api_client(world.user("viewer"))
    response = client.post("/api/content/classify/", {"text": "Vay nóng 50 triệu không thế chấp"}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["label"] == "loan" and body["label_vi"] == "Tín dụng đen, vay nóng"
    assert set(body["scores"]) == {"scam", "gambling", "loan", "false_info", "offensive", "spam", "normal"}
    assert body["cues"] and body["risk"] == body["scores"]["loan"]
    assert client.post("/api/content/classify/", {"text": "   "}, format="json").status_code == 400


def test_classify_batch_with_bad_items(world):
    client = api_client(world.user("viewer"))
    texts = ["Nhà cái uy tín new88 nạp rút nhanh", "", "x" * 20_001, 42, "Chúc mừng sinh nhật em", None, "bin\x00ary"]
    response = client.post("/api/content/classify/", {"texts": texts}, format="json")
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["index"] for r in results] == [0, 1, 2, 3, 4, 5, 6]
    assert results[0]["label"] == "gambling" and results[4]["label"] == "normal"
    assert "trống" in results[1]["error"] and "vượt giới hạn" in results[2]["error"] and "error" in results[3]
    assert "null" in results[5]["error"] and "nhị phân" in results[6]["error"]
    assert "label" not in results[1]


def test_a_cut_off_emoji_is_one_bad_text_not_a_failed_batch(world):
    """A lone surrogate (half of an emoji, escaped in JSON) is refused for that text only."""
    client = api_client(world.user("viewer"))
    body = '{"texts": ["Nhà cái uy tín new88 \\ud83d", "Vay nóng 50 triệu không thế chấp"]}'
    response = client.post("/api/content/classify/", body, content_type="application/json")
    assert response.status_code == 200, response.content
    results = response.json()["results"]
    assert "giải mã" in results[0]["error"] and results[1]["label"] == "loan"


def test_classify_needs_login_and_one_field(world):
    assert api_client().post("/api/content/classify/", {"text": "a"}, format="json").status_code in (401, 403)
    client = api_client(world.user("viewer"))
    assert client.post("/api/content/classify/", {}, format="json").status_code == 400


def test_items_list_filter_and_scope(world, make_item):
    a, b = make_item("scam", 0.9, platform="tiktok"), make_item("loan", 0.6)
    client = api_client(world.user("officer"))
    ids = [row["id"] for row in client.get("/api/content/items/?ordering=-risk").json()["results"]]
    assert ids == [a.pk, b.pk]
    assert [r["id"] for r in client.get("/api/content/items/?platform=tiktok").json()["results"]] == [a.pk]
    assert client.get(f"/api/content/items/{a.pk}/").json()["label"] == "scam"
    operator = api_client(world.user("carrier_operator"))
    assert operator.get("/api/content/items/").json()["count"] == 0


def test_items_actions_and_no_create_or_delete(world, make_item):
    item, other = make_item("spam", 0.8, text="Liên hệ 0912345678 ngay"), make_item("scam", 0.9)
    client = api_client(world.user("officer"))
    response = client.post(f"/api/content/items/{item.pk}/review/", {"label": "scam"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "confirmed"
    assert client.post(f"/api/content/items/{item.pk}/review/", {"label": "xyz"}, format="json").status_code == 400
    history = client.get(f"/api/content/items/{item.pk}/history/").json()
    assert "Sửa nhãn" in history[0]["reason"]
    response = client.post(f"/api/content/items/{item.pk}/escalate/")
    assert response.status_code == 201 and response.json()["category"] == "fraud"
    assert Case.objects.get().indicators.filter(kind="phone").exists()
    assert client.post(f"/api/content/items/{item.pk}/dismiss/").status_code == 400  # already escalated
    assert client.post(f"/api/content/items/{other.pk}/dismiss/", {"reason": "cũ"}).json()["status"] == "dismissed"
    assert client.post("/api/content/items/", {"text": "x"}, format="json").status_code == 405
    assert client.delete(f"/api/content/items/{other.pk}/").status_code == 405
    viewer = api_client(world.user("viewer"))
    assert viewer.post(f"/api/content/items/{other.pk}/review/", {"label": "scam"}).status_code == 403
