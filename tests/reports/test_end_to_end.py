"""The consolidated report end to end (issue 10, item 8): one period filled with records of every kind through the
public interfaces — the REST API as the roles that create them, the command line where records come by file or by
scan — a round whose partner parts are submitted through the API, the report built and downloaded through the API,
and every figure line of the report type found in the Word file with its exact value, written the Vietnamese way."""

import datetime as dt
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import call_command

from canhgiac.core.figures import ReportedFigure, Window, catalogue, compute, unit_text
from canhgiac.core.testing import api_client
from canhgiac.reports.numbers import value_text
from canhgiac.reports.types import PERIODIC
from tests.reports.test_build import paragraphs

PERIOD = Window(dt.date(2026, 7, 1), dt.date(2026, 12, 31))  # holds today: scans and imports are dated today
EVE = Path(__file__).resolve().parents[1] / "secops" / "data" / "eve.json"
GAMBLING = "new88-vip.com"


class InjectedSite(BaseHTTPRequestHandler):
    """A commune's portal with a hidden block of gambling links, served on 127.0.0.1."""

    def do_GET(self):  # noqa: N802  (the name http.server calls)
        hidden = f'<div style="display:none"><a href="https://{GAMBLING}/">nhà cái uy tín</a></div>'
        body = (
            '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin xã</title></head>'
            f"<body><h1>Tin tức</h1><p>Lịch công tác tuần.</p>{hidden}</body></html>"
        ).encode()
        status = 200 if self.path in ("/", "/index.html") else 404
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), InjectedSite)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def created(response, what: str) -> dict:
    assert response.status_code in (200, 201), (what, response.content)
    return response.json()


def fill_records(world, tmp_path, site_url):
    officer, inspector = api_client(world.user("officer")), api_client(world.user("inspector"))
    police = api_client(world.user("police_liaison"))
    stttt, commune = world.agency("STTTT").pk, world.agency("UBND-CL").pk

    # Cases with their indicators; one moved to the police, one closed; one of last year for the comparison.
    cases = [
        ("Giả danh ngân hàng chiếm đoạt tiền", "fraud", "2026-08-05", 25_850_000, [("phone", "0912 345 678")]),
        ("Lừa đảo đầu tư tiền ảo", "fraud", "2026-09-10", 1_211_150_000, [("domain", "vietcombank-xacthuc.top")]),
        ("Trang cá độ bóng đá", "gambling", "2026-10-01", None, [("url", f"https://{GAMBLING}/dang-ky")]),
        ("Lừa đảo mua hàng qua mạng", "fraud", "2025-08-01", 3_000_000, []),
    ]
    ids = []
    for title, category, day, damage, indicators in cases:
        body = {"title": title, "category": category, "source": "citizen", "received_on": day, "lead_agency": stttt,
                "damage_vnd": damage, "indicators_input": [{"kind": k, "value": v} for k, v in indicators]}  # fmt: skip
        ids.append(created(officer.post("/api/cases/", body, format="json"), "case")["id"])
    for case_id, steps in ((ids[0], ("verifying", "transferred")), (ids[2], ("handling", "closed"))):
        for status in steps:
            response = officer.post(f"/api/cases/{case_id}/transition/", {"to_status": status, "reason": "Xử lý"})
            created(response, f"transition {status}")

    # Letters: two issued by the authority, one received from the police (registered by the police itself).
    for notation, day in (("101/STTTT-TTra", "2026-08-01"), ("102/STTTT-TTra", "2026-09-15")):
        body = {"notation": notation, "direction": "out", "doc_type": "cv", "date": day, "issuing_agency": stttt,
                "receiving_agencies": [world.agency("CAT-ANM").pk], "summary": "Đề nghị xác minh thuê bao"}  # fmt: skip
        created(officer.post("/api/documents/", body, format="json"), "letter")
    body = {"notation": "386/CAT-ANM", "direction": "out", "doc_type": "cv", "date": "2026-08-20",
            "issuing_agency": world.agency("CAT-ANM").pk, "receiving_agencies": [stttt],
            "summary": "Trả lời"}  # fmt: skip
    created(police.post("/api/documents/", body, format="json"), "police letter")

    # A watched site of the commune, scanned from the command line: the hidden gambling links are a finding.
    body = {"url": site_url, "name": "Cổng thông tin xã", "owner_agency": commune}
    site = created(officer.post("/api/webwatch/sites/", body, format="json"), "site")
    blocklist = tmp_path / "blocklist.txt"
    blocklist.write_text(GAMBLING + "\n", encoding="utf-8")
    with pytest.raises(SystemExit) as scanned:  # the command's status is 1 when it finds something, as grep's
        call_command("watch", "scan", "--site-id", str(site["id"]), "--allow-private", "--blocklist", str(blocklist),
                     "--rate", "0", "--timeout", "3", "--retries", "0", "--depth", "0", "--no-sitemap",
                     stdout=io.StringIO(), stderr=io.StringIO())  # fmt: skip
    assert scanned.value.code == 1

    # Content items from a social-listening export (file import only).
    export = tmp_path / "export.csv"
    export.write_text(
        "platform,url,author,time,text\n"
        "facebook,https://facebook.com/p/1,nha.cai,2026-11-20T08:00:00+07:00,"
        "Nha cai uy tin nap rut 1 1 khuyen mai 100% tai new88 lien he 0912345678\n"
        "facebook,https://facebook.com/p/2,vay.nhanh,2026-11-21T08:00:00+07:00,"
        "Vay tiền nhanh không cần thế chấp, giải ngân trong 5 phút, lãi suất thấp\n",
        encoding="utf-8",
    )
    call_command("content", "ingest", "--input", str(export), "--user", "officer", stdout=io.StringIO())

    # SOC alerts: the staff's address mapping (API), then the sensor's EVE file imported.
    for agency, network in ((stttt, "10.20.0.0/16"), (commune, "10.30.0.0/16")):
        created(officer.post("/api/secops/networks/", {"agency": agency, "network": network}, format="json"), "net")
    call_command("registers", "import", "soc-alerts", "--file", str(EVE), "--user", "officer", stdout=io.StringIO())

    # Incidents, information systems, endpoints, outreach, petitions, citizen reports.
    for title, day in (
        ("Cổng thông tin xã bị chèn liên kết cá độ", "2026-11-10"),
        ("Máy trạm nhiễm mã độc", "2026-12-01"),
    ):
        body = {"title": title, "kind": "injected_links", "severity": "high", "agency": commune, "source": "webwatch",
                "detected_at": f"{day}T09:30:00+07:00", "responders": [world.user("inspector").pk]}  # fmt: skip
        created(officer.post("/api/secops/incidents/", body, format="json"), "incident")
    for code, level in (("HTTT-01", 3), ("HTTT-02", 2)):
        body = {"code": code, "name": f"Hệ thống {code}", "owner_agency": stttt, "owner_level": "province",
                "security_level": level, "dossier_status": "approved", "approving_level": "province",
                "approved_on": "2026-09-01"}  # fmt: skip
        created(officer.post("/api/posture/systems/", body, format="json"), "system")
    for host, protected in (("STTTT-PC01", True), ("STTTT-PC02", True), ("STTTT-PC03", False)):
        body = {"host_id": host, "agency": stttt, "kind": "workstation", "protected": protected}
        created(officer.post("/api/posture/endpoints/", body, format="json"), "endpoint")
    activities = [
        {"kind": "article", "date": "2026-07-15", "title": "Tin, bài trên Cổng thông tin tỉnh", "quantity": 1237},
        {"kind": "class", "date": "2026-09-20", "title": "Lớp kỹ năng an toàn thông tin", "quantity": 3,
         "participants": 120, "audience": "citizens"},
        {"kind": "training", "date": "2026-10-05", "title": "Tập huấn nhận diện lừa đảo", "quantity": 1,
         "participants": 45, "audience": "it_staff"},
    ]  # fmt: skip
    for activity in activities:
        created(officer.post("/api/outreach/", {**activity, "agency": stttt}, format="json"), "outreach")
    body = {"kind": "denunciation", "received_on": "2026-08-12", "channel": "post", "title": "Tố cáo trang tin giả",
            "petitioner_name": "Nguyễn Văn An", "handling_agency": stttt}  # fmt: skip
    created(officer.post("/api/petitions/", body, format="json"), "petition")
    body = {"channel": "email", "report_type": "scam_call", "content": "Cuộc gọi giả danh ngân hàng.",
            "reporter_name": "Trần Thị Bình", "consent": True, "phones": "0987 000 111"}  # fmt: skip
    created(inspector.post("/api/intake/reports/", body, format="json"), "citizen report")


OWN_PART = {  # what the authority enters for the figures no register holds yet (inspections, sanctions)
    "inspections.held": 2,
    "inspections.subjects": 142,
    "sanctions.amount_total": 25_850_000,
    "sanctions.organisations": 1,
    "sanctions.amount_organisations": 850_000,
    "sanctions.individuals": 1,
    "sanctions.amount_individuals": 25_000_000,
}
POLICE_PART = {
    "police.harmful_posts": 22,
    "police.posts_gambling": 7,
    "police.accounts_removed": 15,
    "police.fraud_cases": 4,
    "police.fraud_damage": 1_526_950_000,
    "police.prosecuted": 1,
    "police.verifying": 3,
    "sanctions.subjects": 22,
    "sanctions.amount_total": 169_750_000,
}


def run_round(world) -> int:
    inspector = api_client(world.user("inspector"))
    codes = ("CAT-ANM", "VIETTEL", "UBND-CL")  # and the authority itself, asked for its own figures
    body = {"report_type": "periodic", "period_kind": "half_year", "year": 2026, "number": 2, "due_date": "2027-01-10",
            "agencies": [world.agency(code).pk for code in codes],
            "parts": [{"agency": world.agency("STTTT").pk, "figures": list(OWN_PART)}]}  # fmt: skip
    opened = created(inspector.post("/api/rounds/", body, format="json"), "round")
    part = {p["agency"]: p["id"] for p in opened["parts"]}

    def send(role: str, code: str, figures: dict, nil=(), text=""):
        client = api_client(world.user(role))
        rows = [{"key": k, "value": v} for k, v in figures.items()] + [{"key": k, "nil": True} for k in nil]
        body = {"figures": rows, "sections": {"results": text} if text else {}}
        created(client.patch(f"/api/contributions/{part[world.agency(code).pk]}/", body, format="json"), code)
        created(client.post(f"/api/contributions/{part[world.agency(code).pk]}/submit/"), f"submit {code}")

    send("officer", "STTTT", OWN_PART)
    send("police_liaison", "CAT-ANM", POLICE_PART, nil=("police.gambling_cases",), text="Bóc gỡ 15 tài khoản.")
    send("carrier_operator", "VIETTEL", {}, nil=("partners.infrastructure_incidents",))
    # The commune has not sent its part: the report names it as missing.
    return opened["id"]


def test_a_period_of_every_kind_of_record_gives_every_figure_line_in_the_word_file(world, tmp_path, site_url):
    fill_records(world, tmp_path, site_url)
    round_id = run_round(world)
    inspector = api_client(world.user("inspector"))
    report = created(inspector.post(f"/api/rounds/{round_id}/report/"), "report")
    assert (report["period_start"], report["period_end"]) == ("2026-07-01", "2026-12-31")
    response = inspector.get(f"/api/reports/{report['id']}/docx/")
    assert response.status_code == 200 and response.content[:2] == b"PK"
    text = paragraphs(response.content)

    every = catalogue()
    computed = compute(PERIOD, [line.key for line in PERIODIC.own_figures])
    lines = [line for line in text if line.startswith("- ")]
    for line in PERIODIC.own_figures:
        figure = every[line.key]
        value = OWN_PART[line.key] if isinstance(figure, ReportedFigure) else computed[line.key]
        assert value is not None, line.key
        expected = f"- {figure.label}: {value_text(value, figure.unit, unit_text(figure))}"
        assert any(printed == f"{expected}." or printed.startswith(f"{expected} (") for printed in lines), (
            line.key,
            expected,
        )
    # The values the records were made to give, written the Vietnamese way.
    for printed in (
        "- Tin, bài tuyên truyền: 1.237 tin, bài.",
        "- Thiệt hại của các vụ việc tiếp nhận: 1.237.000.000 đồng.",
        "- Tổng số tiền xử phạt: 25.850.000 đồng.",
        "- Tiền xử phạt tổ chức: 850.000 đồng.",
        "- Lớp học, lớp tập huấn: 03 lớp.",
        "- Người tham dự tập huấn, lớp học, hội nghị: 165 người.",
        "- Vụ việc tiếp nhận trong kỳ đã chuyển cơ quan công an: 01 vụ.",
        "- Văn bản đi (ban hành): 03 văn bản.",
    ):
        assert printed in lines, printed
    assert any(line.startswith("- Vụ việc tiếp nhận: 03 vụ (tăng 02 vụ so với cùng kỳ năm 2025") for line in lines)
    assert any(
        line.startswith("- Tỷ lệ máy tính được bảo vệ bởi phần mềm phòng chống mã độc tập trung: 66,67%")
        for line in lines
    )
    assert computed["webwatch.findings"] >= 1 and computed["content.items"] == 2
    assert computed["secops.alerts_wannacry"] == 2 and computed["secops.incidents_opened"] == 2

    # The partners' parts: the police's figures as it sent them, the carrier's nil return, the commune missing.
    police = text.index("2.1. Cơ quan CAT-ANM")
    section = text[police + 1 : text.index("2.2. Cơ quan VIETTEL")]
    for key, value in POLICE_PART.items():
        figure = every[key]
        assert f"- {figure.label}: {value_text(value, figure.unit, unit_text(figure))}." in section, key
    assert "- Thiệt hại của các vụ lừa đảo: 1.526.950.000 đồng." in section
    assert "- Vụ tổ chức đánh bạc, đánh bạc trên không gian mạng: chưa phát hiện." in section
    carrier = text[text.index("2.2. Cơ quan VIETTEL") + 1 : text.index("2.3. Cơ quan UBND-CL")]
    assert "- Vụ xâm hại hạ tầng viễn thông: chưa phát hiện." in carrier
    assert text[text.index("2.3. Cơ quan UBND-CL") + 1] == "Cơ quan chưa gửi báo cáo (chưa nộp): chưa có số liệu."
