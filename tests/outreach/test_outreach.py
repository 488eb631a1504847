import datetime as dt
from decimal import Decimal
from urllib.parse import urlsplit

from django.db.models import Sum
from django.urls import reverse

from canhgiac.core import figures as catalogue
from canhgiac.core.testing import ModelTests, api_client, login
from canhgiac.outreach.figures import FIGURES
from canhgiac.outreach.filtersets import ActivityFilterSet
from canhgiac.outreach.models import Activity, Topic
from canhgiac.outreach.services import activities
from canhgiac.units.models import AdministrativeUnit

H1 = catalogue.Window(dt.date(2024, 1, 1), dt.date(2024, 6, 30))


class TestActivity(ModelTests):
    model = Activity
    api_url = "/api/outreach/"
    ui_list = "outreach:activity_list"
    filterset_class = ActivityFilterSet

    @staticmethod
    def create_data(world):
        return {"kind": "leaflet", "date": "2024-03-15", "title": "Phòng ngừa lừa đảo trên không gian mạng",
                "agency": world.agency("STTTT").pk, "quantity": 40000, "topics": ["fraud"]}  # fmt: skip

    @staticmethod
    def update_data(world, obj):
        return {"quantity": 45000}


def _post(user, **data):
    return api_client(user).post("/api/outreach/", data, format="json")


def test_a_partner_records_its_own_activities_only_and_sees_only_them(world):
    press = world.user("district_officer")  # a commune officer: writes records, not provincial
    own = _post(press, kind="article", date="2024-02-17", title="Lừa đảo “chạy án”, một đối tượng bị phạt 12 năm tù")
    assert own.status_code == 201, own.content
    assert own.json()["agency"] == world.agency("UBND-CL").pk  # the actor's agency by default
    assert own.json()["title"] == "Lừa đảo “chạy án”, một đối tượng bị phạt 12 năm tù"  # the headline kept verbatim
    other = _post(press, kind="article", date="2024-02-17", title="X", agency=world.agency("UBND-HK").pk)
    assert other.status_code == 403 and "agency" in other.json()
    provincial = activities.create(actor=world.user("officer"), kind="tv", date=dt.date(2024, 1, 5), title="TV")
    assert api_client(press).get("/api/outreach/").json()["count"] == 1
    assert api_client(press).patch(f"/api/outreach/{provincial.pk}/", {"title": "Y"}, format="json").status_code == 404


def test_negative_count_is_refused_in_vietnamese_and_nothing_is_stored(world):
    response = _post(world.user("officer"), kind="leaflet", date="2024-03-15", title="Tờ rơi", quantity=-5)
    assert response.status_code == 400
    assert response.json()["quantity"] == ["Số lượng không được âm."]
    response = _post(world.user("officer"), kind="contest", date="2024-03-15", title="Thi", entries=-1)
    assert response.json()["entries"] == ["Số lượng không được âm."]
    assert not Activity.objects.exists()


def test_counts_the_kind_does_not_take_are_refused(world):
    response = _post(world.user("officer"), kind="leaflet", date="2024-03-15", title="Tờ rơi", entries=10)
    assert response.status_code == 400 and "entries" in response.json()
    response = _post(world.user("officer"), kind="article", date="2024-03-15", title="Bài", period_end="2024-01-01")
    assert response.status_code == 400 and "period_end" in response.json()


def _unit(code, name, parent=None, kind="commune"):
    return AdministrativeUnit.objects.create(code=code, name=name, kind=kind, parent=parent,
                                             valid_from=dt.date(2020, 1, 1))  # fmt: skip


def _fill(world):
    province = _unit("42", "Tỉnh Hà Tĩnh", kind="province")
    a, b, c = (_unit(f"1800{i}", f"Xã {i}", province) for i in range(3))
    officer, fraud = world.user("officer"), Topic.objects.get(code="fraud")
    own = world.agency("STTTT")
    rows = [
        dict(kind="tv", date=dt.date(2024, 1, 1), period_end=dt.date(2024, 6, 30), title="Chuyển đổi số", quantity=2),
        dict(kind="leaflet", date=dt.date(2024, 3, 15), title="Tờ rơi", quantity=40000, communes=[a, b]),
        dict(kind="radio", date=dt.date(2024, 4, 1), title="Chuyên đề", quantity=2, communes=[b, c]),
        dict(kind="training", date=dt.date(2024, 4, 10), title="Tập huấn", quantity=2, participants=180),
        dict(kind="training", date=dt.date(2024, 5, 20), title="Tập huấn CNTT", quantity=12, participants=360),
        dict(kind="class", date=dt.date(2024, 6, 5), title="Lớp", quantity=17, participants=1200),
        dict(kind="contest", date=dt.date(2024, 6, 1), title="Cuộc thi", participating_units=1072, entries=62846),
        dict(kind="gameshow", date=dt.date(2024, 6, 2), title="Gameshow", participating_units=14),
        dict(kind="sms", date=dt.date(2024, 6, 3), title="SMS", quantity=250000),
        dict(kind="article", date=dt.date(2024, 2, 17), title="Bài 12 năm tù", topics=[fraud]),
        dict(kind="leaflet", date=dt.date(2024, 7, 1), title="Tờ rơi kỳ sau", quantity=5000, communes=[c]),
    ]
    for row in rows:
        activities.create(actor=officer, agency=own, **row)
    activities.create(actor=officer, agency=world.agency("BAO"), kind="article", date=dt.date(2024, 1, 1),
                      period_end=dt.date(2024, 12, 31), title="Tin bài cả năm", quantity=500)  # fmt: skip


def test_figures_of_a_period(world):
    _fill(world)
    values = catalogue.compute(H1, [f.key for f in FIGURES])
    assert values["outreach.tv_broadcasts"] == 2
    assert values["outreach.leaflet_copies"] == 40000  # July's print run belongs to the next period
    assert values["outreach.articles"] == 501
    assert values["outreach.training_sessions"] == 14 and values["outreach.training_classes"] == 17
    assert values["outreach.training_participants"] == 1740
    assert values["outreach.contest_units"] == 1072 and values["outreach.contest_entries"] == 62846
    assert values["outreach.gameshow_teams"] == 14 and values["outreach.sms_sent"] == 250000
    assert values["outreach.communes_reached"] == 3  # commune b is reached twice, counted once
    by_press = catalogue.compute(H1, ["outreach.articles", "outreach.communes_reached"], agency=world.agency("BAO"))
    assert by_press == {"outreach.articles": 500, "outreach.communes_reached": 0}


def test_every_figure_equals_its_drill_down_list(world, client):
    _fill(world)
    login(client, world.user("officer"))
    for agency in (None, world.agency("STTTT")):
        values = catalogue.compute(H1, [f.key for f in FIGURES], agency=agency)
        for figure in FIGURES:
            url = figure.drilldown_url(H1, agency)
            path, query = urlsplit(url).path, urlsplit(url).query
            response = client.get(f"{path}?{query}")
            assert response.status_code == 200, url
            rows = response.context["filter"].qs
            kind, _, field = figure.aggregate.partition(":")
            shown = rows.count() if kind != "sum" else rows.aggregate(total=Sum(field))["total"] or 0
            assert values[figure.key] == shown, (figure.key, url)
            assert response.context["table"].paginator.count == rows.count()
    assert Decimal(values["outreach.leaflet_copies"]) == 40000


def test_detail_page_shows_topics_and_communes(world, client):
    _fill(world)
    login(client, world.user("viewer"))
    leaflet = Activity.objects.get(title="Tờ rơi")
    page = client.get(leaflet.get_absolute_url()).content.decode()
    assert "Xã 0" in page and "Xã 1" in page and "Lừa đảo trực tuyến" not in page
    assert "40.000 tờ" in client.get(reverse("outreach:activity_list") + "?kind=leaflet").content.decode()
    assert client.get(reverse("outreach:commune_list") + "?kind=leaflet").status_code == 200


def test_openapi_describes_the_outreach_api_and_the_import_page_offers_samples(world, client):
    login(client, world.user("officer"))
    schema = client.get("/api/schema/?format=json").json()
    assert {"/api/outreach/", "/api/outreach/{id}/", "/api/outreach/{id}/history/"} <= set(schema["paths"])
    page = client.get(reverse("outreach:activity_import")).content.decode()
    assert "/imports/outreach/template.xlsx" in page and "Số lượng" in page


def test_import_page_upload_runs_all_or_nothing(world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    csv = 'Loại hoạt động,Ngày,"Tiêu đề, tên",Số lượng\nTờ rơi,15/03/2024,Tờ rơi A,100\nTờ rơi,16/03/2024,B,-1\n'
    login(client, world.user("officer"))
    response = client.post(reverse("outreach:activity_import"), {"file": SimpleUploadedFile("a.csv", csv.encode())})
    assert response.status_code == 302
    from canhgiac.core.imports.runner import run_import
    from canhgiac.core.models import ImportJob

    job = run_import(ImportJob.objects.get().pk)
    assert job.status == "failed" and job.errors[0]["message"] == "Số lượng không được âm."
    assert not Activity.objects.exists()


def test_topic_filter_by_code(world):
    _fill(world)
    response = api_client(world.user("officer")).get("/api/outreach/?topic=fraud")
    assert response.status_code == 200, response.content
    assert [row["title"] for row in response.json()["results"]] == ["Bài 12 năm tù"]
    assert response.json()["results"][0]["topics"] == ["fraud"]
