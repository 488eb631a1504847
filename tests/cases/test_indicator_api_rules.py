"""Review findings on the indicators and evidence API: fixed kind/value, download links, ?search=."""

from django.core.files.uploadedfile import SimpleUploadedFile

from canhgiac.cases.models import Indicator
from canhgiac.cases.services import attach_evidence
from canhgiac.core.testing import api_client, login

from .helpers import make_case


def test_patch_cannot_change_kind_or_value_of_an_indicator(world):
    make_case(world, indicators=[("phone", "0912 345 678")])
    indicator = Indicator.objects.get()
    client = api_client(world.user("officer"))
    for change in ({"kind": "imei"}, {"value": "+84987654321"}, {"kind": "imei", "note": "x"}):
        response = client.patch(f"/api/indicators/{indicator.pk}/", change, format="json")
        assert response.status_code == 400, change
        assert "Không sửa được" in str(response.json())
    indicator.refresh_from_db()
    assert (indicator.kind, indicator.value, indicator.note) == ("phone", "+84912345678", "")
    same = client.patch(f"/api/indicators/{indicator.pk}/", {"kind": "phone", "note": "Số chính"}, format="json")
    assert same.status_code == 200, same.content
    indicator.refresh_from_db()
    assert (indicator.kind, indicator.value, indicator.note) == ("phone", "+84912345678", "Số chính")


def test_evidence_file_link_is_the_authenticated_download(world, client):
    case = make_case(world)
    api = api_client(world.user("officer"))
    created = api.post("/api/evidence/", {"case": case.pk, "file": SimpleUploadedFile("sms.txt", b"abc")}).json()
    link = f"/cases/evidence/{created['id']}/file/"
    assert created["file"].endswith(link) and "/media/" not in created["file"]
    assert api.get(f"/api/evidence/{created['id']}/").json()["file"].endswith(link)
    assert api.get("/api/evidence/").json()["results"][0]["file"].endswith(link)
    withdrawn = api.post(f"/api/evidence/{created['id']}/withdraw/", {"reason": "Trùng"}).json()
    assert withdrawn["file"].endswith(link)
    login(client, world.user("officer"))
    response = client.get(created["file"])
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"abc"


def test_search_works_like_q_on_indicators_and_evidence(world):
    case = make_case(world, indicators=[("phone", "0912 345 678"), ("domain", "new88.com")])
    attach_evidence(case, SimpleUploadedFile("tin-nhan.txt", b"abc"), actor=world.user("officer"))
    attach_evidence(case, SimpleUploadedFile("anh.txt", b"def"), actor=world.user("officer"))
    client = api_client(world.user("officer"))
    for param in ("q", "search"):
        values = [row["value"] for row in client.get("/api/indicators/", {param: "0912"}).json()["results"]]
        assert values == ["+84912345678"], param
        names = [row["original_name"] for row in client.get("/api/evidence/", {param: "tin-nhan"}).json()["results"]]
        assert names == ["tin-nhan.txt"], param
