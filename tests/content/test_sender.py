"""The SMS sender as an import column, a stored field and an API field; the uncertain band on stored items."""

from canhgiac.content import services
from canhgiac.content.models import ContentItem
from canhgiac.core.testing import api_client

CSV = (
    "platform,sender,text\n"
    "sms,Vietcombank,482913 la ma OTP cua Quy khach. Tuyet doi KHONG chia se ma nay cho bat ky ai.\n"
    'sms,0912345678,"Chị ơi em nhắn nhầm mã OTP về máy chị, chị gửi lại mã đó cho em với."\n'
    "sms,9029,Soan ST5K gui 191 de co 500MB data moi ngay chi 5.000d.\n"
    "facebook,,Hôm nay trời đẹp quá mọi người ơi\n"
)


def test_the_sender_column_is_stored_as_its_kind_and_shown_in_the_api(world, tmp_path):
    path = tmp_path / "sms.csv"
    path.write_text(CSV, encoding="utf-8")
    services.ingest_items(path, actor=world.user("officer"))
    kinds = dict(ContentItem.objects.values_list("text", "sender_kind"))
    assert sorted(kinds.values(), key=str) == [None, "brandname", "personal", "shortcode"]
    otp_notice = ContentItem.objects.get(sender_kind="brandname")
    assert otp_notice.label != "scam"
    otp_ask = ContentItem.objects.get(sender_kind="personal")
    assert otp_ask.label == "scam" and any("OTP" in cue for cue in otp_ask.cues)
    client = api_client(world.user("viewer"))
    body = client.get(f"/api/content/items/{otp_ask.pk}/").json()
    assert body["sender_kind"] == "personal" and body["uncertain"] in (True, False)
    listed = client.get("/api/content/items/", {"sender_kind": "brandname"}).json()
    results = listed["results"] if isinstance(listed, dict) else listed
    assert [r["id"] for r in results] == [otp_notice.pk]


def test_uncertain_items_can_be_listed_apart(world, make_item):
    sure = make_item("scam", 0.9)
    unsure = make_item("scam", 0.45, uncertain=True)
    client = api_client(world.user("viewer"))
    listed = client.get("/api/content/items/", {"uncertain": "true"}).json()
    results = listed["results"] if isinstance(listed, dict) else listed
    assert [r["id"] for r in results] == [unsure.pk]
    assert sure.pk not in [r["id"] for r in results]


def test_the_review_queue_shows_uncertain_items_after_the_sure_ones(world, make_item):
    from django.test import Client

    sure = make_item("scam", 0.9)
    unsure = make_item("scam", 0.42, uncertain=True)  # below the review threshold, in the uncertain band
    make_item("scam", 0.3)  # neither: not in the queue
    client = Client()
    client.force_login(world.user("officer"))
    page = client.get("/content/").content.decode()
    assert f"/content/items/{sure.pk}/" in page and f"/content/items/{unsure.pk}/" in page
    assert page.index(f"/content/items/{sure.pk}/") < page.index(f"/content/items/{unsure.pk}/")
    assert "Chưa chắc chắn" in page


def test_the_classify_api_takes_the_sender_and_says_when_a_label_is_uncertain(world):
    client = api_client(world.user("viewer"))
    text = "Tai khoan cua Quy khach vua dang nhap tren thiet bi moi. Neu khong phai Quy khach, goi 1900545413."
    plain = client.post("/api/content/classify/", {"text": text}, format="json").json()
    branded = client.post("/api/content/classify/", {"text": text, "sender": "Vietcombank"}, format="json").json()
    assert branded["scores"]["scam"] < plain["scores"]["scam"]
    assert any("thương hiệu" in cue for cue in branded["cues"])
    assert isinstance(branded["uncertain"], bool)
    batch = client.post("/api/content/classify/", {"texts": [text, text], "senders": ["Vietcombank", ""]},
                        format="json").json()["results"]  # fmt: skip
    assert batch[0]["scores"]["scam"] < batch[1]["scores"]["scam"]
