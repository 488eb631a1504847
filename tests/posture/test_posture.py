import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from canhgiac.core.figures import Window, compute
from canhgiac.core.imports.runner import import_now
from canhgiac.core.testing import ModelTests, api_client, login
from canhgiac.posture.filtersets import EndpointFilterSet, SystemFilterSet
from canhgiac.posture.models import LEVEL_ERROR, Endpoint, InformationSystem
from canhgiac.posture.services import endpoints, systems


class TestInformationSystem(ModelTests):
    model = InformationSystem
    api_url = "/api/posture/systems/"
    ui_list = "posture:informationsystem_list"
    filterset_class = SystemFilterSet

    @staticmethod
    def create_data(world):
        return {
            "code": "HTTT-01",
            "name": "Cổng thông tin điện tử tỉnh",
            "owner_agency": world.agency("STTTT").pk,
            "owner_level": "province",
            "security_level": 2,
        }

    @staticmethod
    def update_data(world, obj):
        return {"name": "Cổng thông tin điện tử tỉnh (sửa)"}


class TestEndpoint(ModelTests):
    model = Endpoint
    api_url = "/api/posture/endpoints/"
    ui_list = "posture:endpoint_list"
    filterset_class = EndpointFilterSet

    @staticmethod
    def create_data(world):
        return {"host_id": "STTTT-PC01", "agency": world.agency("STTTT").pk, "kind": "workstation", "protected": True}

    @staticmethod
    def update_data(world, obj):
        return {"protected": False}


def system(world, code, **fields):
    data = {
        "code": code,
        "name": f"Hệ thống {code}",
        "owner_agency": world.agency("STTTT"),
        "owner_level": "province",
        "security_level": 2,
        "listed_on": dt.date(2024, 1, 2),
    }
    return systems.create(actor=world.user("officer"), **(data | fields))


def approved(day: str, **fields) -> dict:
    return {
        "dossier_status": "approved",
        "approving_level": "province",
        "approved_on": dt.date.fromisoformat(day),
    } | fields


def test_security_level_outside_1_to_5_is_refused_with_its_reason_and_nothing_is_stored(world):
    client = api_client(world.user("officer"))
    for level in (0, 6, -1):
        data = TestInformationSystem.create_data(world) | {"security_level": level}
        response = client.post("/api/posture/systems/", data, format="json")
        assert response.status_code == 400, response.content
        assert response.json()["security_level"] == [LEVEL_ERROR], response.json()
    stored = system(world, "HTTT-02")
    response = client.patch(f"/api/posture/systems/{stored.pk}/", {"security_level": 7}, format="json")
    assert response.status_code == 400 and response.json()["security_level"] == [LEVEL_ERROR]
    assert InformationSystem.objects.get().security_level == 2


def test_district_level_only_for_dossiers_approved_before_july_2025(world):
    client = api_client(world.user("officer"))
    data = TestInformationSystem.create_data(world) | {"owner_level": "district"}
    response = client.post("/api/posture/systems/", data, format="json")
    assert response.status_code == 400 and "01/07/2025" in response.json()["owner_level"][0]
    old = system(world, "HTTT-CL", owner_level="district", **approved("2024-05-20", approving_level="district"))
    assert old.get_owner_level_display() == "Cấp huyện (trước 07/2025)"


def test_legal_basis_follows_the_approval_date_and_flags_what_is_unverified(world, client):
    assert system(world, "A", **approved("2024-03-15")).legal_basis == "decree85"
    transition = system(world, "B", **approved("2026-07-20"))
    assert transition.legal_basis == "law116_transition" and transition.basis.unverified
    current = system(world, "C", security_level=3, **approved("2026-09-10"))
    assert current.legal_basis == "decree331" and not current.basis.unverified
    assert current.approval_rule["approval"].startswith("Chủ quản hệ thống thông tin")
    assert system(world, "A2", **approved("2024-03-15")).approval_rule["unverified"] is True
    page = login(client, world.user("viewer")).get(current.get_absolute_url()).content.decode()
    assert "Nghị định số 331/2026/NĐ-CP" in page and "Điều 18" in page


def test_approved_dossier_needs_its_date_and_protection_needs_its_date(world):
    client = api_client(world.user("officer"))
    data = TestInformationSystem.create_data(world) | {"dossier_status": "approved", "approving_level": "province"}
    assert "approved_on" in client.post("/api/posture/systems/", data, format="json").json()
    data = TestInformationSystem.create_data(world) | {"protection_deployed": True}
    assert "protection_deployed_on" in client.post("/api/posture/systems/", data, format="json").json()
    assert not InformationSystem.objects.exists()


SYSTEMS_CSV = (
    "Mã hệ thống,Tên hệ thống,Cơ quan chủ quản,Cấp chủ quản,Cấp độ,Tình trạng hồ sơ,Cấp phê duyệt,Ngày phê duyệt,"
    "Đã triển khai phương án,Ngày triển khai phương án\n"
    "HTTT-01,Cổng thông tin điện tử,STTTT,Cấp tỉnh,2,Đã được phê duyệt,tỉnh,15/03/2024,Có,30/06/2024\n"
    "HTTT-02,Quản lý văn bản,sttttt,Cấp tỉnh,9,,,,,\n"
    "HTTT-03,Một cửa điện tử,XYZ,Cấp tỉnh,3,,,,,\n"
)


def test_systems_import_refuses_bad_rows_with_their_reasons_and_stores_nothing(world):
    job = import_now("systems", SimpleUploadedFile("ht.csv", SYSTEMS_CSV.encode()), actor=world.user("officer"))
    assert job.status == "failed"
    errors = {(e["row"], e["column"]): e["message"] for e in job.errors}
    assert "Không có cơ quan có ký hiệu “sttttt”" in errors[(3, "Cơ quan chủ quản")]
    assert LEVEL_ERROR[1:] in errors[(3, "Cấp độ")]
    assert "Không có cơ quan có ký hiệu “XYZ”" in errors[(4, "Cơ quan chủ quản")]
    assert not InformationSystem.objects.exists()


def test_systems_import_then_reimport_changes_nothing(world):
    good = "\n".join(SYSTEMS_CSV.splitlines()[:2]) + "\n"
    first = import_now("systems", SimpleUploadedFile("ht.csv", good.encode()), actor=world.user("officer"))
    assert first.status == "done" and first.counts["created"] == 1, first.errors
    stored = InformationSystem.objects.get()
    assert (stored.security_level, stored.dossier_status, stored.protection_deployed) == (2, "approved", True)
    again = import_now("systems", SimpleUploadedFile("ht.csv", good.encode()), actor=world.user("officer"))
    assert again.counts == {"created": 0, "updated": 0, "unchanged": 1}
    assert stored.history.count() == 1


def test_endpoints_import_upserts_and_a_commune_cannot_import(world):
    csv = "Cơ quan,Mã máy,Loại máy,Đã cài phần mềm,Lần cuối kết nối\nSTTTT,PC01,Máy tính trạm,Có,01/11/2026\n"
    csv += "STTTT,SRV01,Máy chủ,Không,01/11/2026\n"
    job = import_now("endpoints", SimpleUploadedFile("m.csv", csv.encode()), actor=world.user("officer"))
    assert job.status == "done" and job.counts["created"] == 2
    job = import_now(
        "endpoints",
        SimpleUploadedFile("m.csv", csv.replace("Máy chủ,Không", "Máy chủ,Có").encode()),
        actor=world.user("officer"),
    )
    assert job.counts == {"created": 0, "updated": 1, "unchanged": 1}
    assert Endpoint.objects.filter(protected=True).count() == 2
    job = import_now("endpoints", SimpleUploadedFile("m.csv", csv.encode()), actor=world.user("district_officer"))
    assert job.status == "failed" and Endpoint.objects.filter(protected=True).count() == 2


def _drilldown_count(client, url: str) -> int:
    page = client.get(url).content.decode()
    return int(page.split('id="result-count">')[1].split(" ")[0])


def test_seed_shapes_86_of_86_and_61_of_86_and_figures_equal_their_drilldowns(world, client):
    officer = world.user("officer")
    for n in range(86):
        deployed = {"protection_deployed": True, "protection_deployed_on": dt.date(2024, 6, 30)} if n < 61 else {}
        system(
            world, f"S{n:02d}", security_level=1 if n < 38 else 2 if n < 83 else 3, **approved("2024-03-15"), **deployed
        )
    for n in range(12):
        endpoints.create(
            actor=officer,
            host_id=f"PC{n}",
            agency=world.agency("STTTT"),
            kind="workstation",
            listed_on=dt.date(2024, 1, 2),
            protected=n < 9,
        )
    window = Window(dt.date(2024, 1, 1), dt.date(2024, 11, 13))
    values = compute(window, [k for k in _keys() if k.startswith("posture.")])
    assert values["posture.systems_province_approved"] == 86 and values["posture.systems_province"] == 86
    assert values["posture.systems_province_approved_share"] == Decimal("100.00")
    assert (
        values["posture.systems_level_1"],
        values["posture.systems_level_2"],
        values["posture.systems_level_3"],
    ) == (38, 45, 3)
    assert values["posture.systems_protection_deployed"] == 61
    assert values["posture.protection_deployed_share"] == Decimal("70.93")
    assert values["posture.endpoint_coverage"] == Decimal("75.00")
    assert compute(Window(dt.date(2023, 1, 1), dt.date(2023, 12, 31)), ["posture.systems_approved"]) == {
        "posture.systems_approved": 0
    }
    assert check_drilldowns(world, client, window, "posture.") == 15
    coverage = login(client, world.user("viewer")).get("/posture/coverage/").content.decode()
    assert "75,00%" in coverage


def _keys():
    from canhgiac.core.figures import catalogue

    return list(catalogue())


def check_drilldowns(world, client, window, prefix):
    from canhgiac.core.figures import Figure, catalogue

    login(client, world.user("officer"))
    checked = 0
    for key, figure in catalogue().items():
        if not key.startswith(prefix) or not isinstance(figure, Figure):
            continue
        value = compute(window, [key])[key]
        if figure.aggregate == "count":
            assert _drilldown_count(client, figure.drilldown_url(window)) == value, key
            checked += 1
        agency = world.agency("STTTT")
        if figure.aggregate == "count" and figure.agency_field:
            agency_value = compute(window, [key], agency=agency)[key]
            assert _drilldown_count(client, figure.drilldown_url(window, agency)) == agency_value, key
    return checked


def test_coverage_api_per_agency_and_province_within_the_readers_scope(world):
    officer = world.user("officer")
    for n, (code, protected) in enumerate([("STTTT", True), ("STTTT", False), ("UBND-CL", True)]):
        endpoints.create(actor=officer, host_id=f"M{n}", agency=world.agency(code), kind="workstation",
                         protected=protected)  # fmt: skip
    data = api_client(world.user("viewer")).get("/api/posture/endpoints/coverage/").json()
    assert data["province"] == {"total": 3, "protected": 2, "percent": 66.67}
    commune = api_client(world.user("district_officer")).get("/api/posture/endpoints/coverage/").json()
    assert commune["province"]["total"] == 1 and [a["agency__code"] for a in commune["agencies"]] == ["UBND-CL"]


def test_endpoint_dates_are_checked(world):
    api = api_client(world.user("officer"))
    data = TestEndpoint.create_data(world) | {"protected": False, "installed_on": "2026-01-01"}
    assert "installed_on" in api.post("/api/posture/endpoints/", data, format="json").json()
    data = TestEndpoint.create_data(world) | {"last_seen": "2099-01-01"}
    assert "last_seen" in api.post("/api/posture/endpoints/", data, format="json").json()
    assert api.post("/api/posture/endpoints/", TestEndpoint.create_data(world), format="json").status_code == 201
    again = api.post("/api/posture/endpoints/", TestEndpoint.create_data(world), format="json")
    assert again.status_code == 400, again.content
    assert "đã có máy" in again.json()["host_id"][0]
    assert Endpoint.objects.count() == 1
