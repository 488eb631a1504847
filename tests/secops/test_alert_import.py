import datetime as dt
import shutil

from django.core.files.uploadedfile import SimpleUploadedFile

from canhgiac.core.imports.runner import import_now
from canhgiac.secops.models import Alert, AlertSighting
from tests.secops.conftest import EVE


def _import(world, path, role="officer"):
    return import_now("soc-alerts", path, actor=world.user(role))


def test_eve_file_gives_cases_and_connections_classified_and_attributed(world, mapped):
    job = _import(world, EVE)
    assert job.status == "done", job.errors
    assert job.counts == {"alerts_new": 8, "alerts_merged": 0, "connections_added": 11, "duplicates": 0, "ignored": 3}
    by_category = {c: sorted(Alert.objects.filter(category=c).values_list("connections", flat=True))
                   for c in ("phishing", "coin_miner", "c2", "botnet", "scan", "other")}  # fmt: skip
    assert by_category == {"phishing": [1, 2], "coin_miner": [3], "c2": [1, 1, 1], "botnet": [1], "scan": [1],
                           "other": []}  # fmt: skip
    wannacry = Alert.objects.filter(malware_family="WannaCry")
    assert wannacry.count() == 2 and {a.agency.code for a in wannacry} == {"UBND-CL"}
    scan = Alert.objects.get(category="scan")
    assert (scan.agency.code, scan.system) == ("STTTT", mapped)  # the most specific range: the portal's address
    phishing = Alert.objects.get(category="phishing", connections=2)
    assert phishing.indicator == "login-microsoftonline.secure-vn.top" and phishing.signature_id == 2044372
    assert phishing.source_system == "Suricata" and phishing.day == dt.date(2026, 11, 3)
    # 17:30 UTC on 6 November is 00:30 on the 7th in Viet Nam: the day is the local one.
    assert Alert.objects.filter(category="phishing", day=dt.date(2026, 11, 7)).exists()


def test_reimporting_the_same_file_adds_nothing_and_an_overlapping_file_adds_only_its_new_events(
    world, mapped, tmp_path
):
    _import(world, EVE)
    before = list(Alert.objects.order_by("pk").values_list("pk", "connections"))
    history = sum(a.history.count() for a in Alert.objects.all())
    again = _import(world, EVE)
    assert again.status == "done"
    assert again.counts == {"alerts_new": 0, "alerts_merged": 0, "connections_added": 0, "duplicates": 11, "ignored": 3}
    assert list(Alert.objects.order_by("pk").values_list("pk", "connections")) == before
    assert sum(a.history.count() for a in Alert.objects.all()) == history
    lines = EVE.read_text().splitlines()
    extra = lines[0].replace("1127466853426151", "1127466853429999").replace("08:21:33.412345", "09:00:00.000001")
    overlapping = tmp_path / "eve.json"
    overlapping.write_text("\n".join([lines[0], lines[1], extra]) + "\n")
    job = _import(world, overlapping)
    assert job.counts == {"alerts_new": 0, "alerts_merged": 1, "connections_added": 1, "duplicates": 2, "ignored": 0}
    assert Alert.objects.get(category="phishing", day=dt.date(2026, 11, 3)).connections == 3
    assert AlertSighting.objects.count() == 12


def test_a_malformed_eve_line_is_a_row_error_naming_the_line_and_nothing_is_stored(world, mapped, tmp_path):
    lines = EVE.read_text().splitlines()
    lines[4] = lines[4][:90]  # a line cut short, as when the sensor's disk filled up
    lines[6] = lines[6].replace('"src_ip":"10.20.3.41"', '"src_ip":"10.20.3.410"')
    broken = tmp_path / "eve.json"
    broken.write_text("\n".join(lines) + "\n")
    job = _import(world, broken)
    assert job.status == "failed"
    errors = {e["row"]: e for e in job.errors}
    assert set(errors) == {5, 7}
    assert errors[5]["message"].startswith("không phải JSON hợp lệ")
    assert errors[7]["column"] == "src_ip" and "IP nguồn “10.20.3.410” không phải địa chỉ IP" in errors[7]["message"]
    assert not Alert.objects.exists() and not AlertSighting.objects.exists()


def test_eve_file_named_log_or_jsonl_is_read_the_same(world, mapped, tmp_path):
    copy = tmp_path / "eve-2026-11.jsonl"
    shutil.copy(EVE, copy)
    assert _import(world, copy).counts["alerts_new"] == 8


CSV = (
    "Thời điểm,Cảnh báo,Phân loại,IP nguồn,IP đích,Số kết nối,Cơ quan,Nguồn\n"
    "14/03/2023 08:21,Kết nối tới máy đào tiền ảo,Coin miner,10.20.3.41,45.9.148.117,1.878,STTTT,miniSOC VNPT\n"
    "14/03/2023 09:00,Truy cập trang web giả mạo ngân hàng,Phishing,10.20.1.15,103.1.2.3,4,,miniSOC VNPT\n"
)


def test_soc_platform_csv_with_vietnamese_columns(world, mapped):
    job = import_now("soc-alerts", SimpleUploadedFile("soc.csv", CSV.encode()), actor=world.user("officer"))
    assert job.status == "done", job.errors
    miner = Alert.objects.get(category="coin_miner")
    assert (miner.connections, miner.agency.code, miner.source_system) == (1878, "STTTT", "miniSOC VNPT")
    assert Alert.objects.get(category="phishing").agency.code == "STTTT"  # from the address mapping
    again = import_now("soc-alerts", SimpleUploadedFile("soc.csv", CSV.encode()), actor=world.user("officer"))
    assert again.counts["duplicates"] == 2 and Alert.objects.get(category="coin_miner").connections == 1878


def test_negative_count_and_unknown_agency_code_are_row_errors_and_nothing_is_stored(world, mapped):
    bad = CSV.replace(",1.878,", ",-5,").replace(",4,,", ",4,SO-KHONG-CO,")
    job = import_now("soc-alerts", SimpleUploadedFile("soc.csv", bad.encode()), actor=world.user("officer"))
    assert job.status == "failed"
    errors = {(e["row"], e["column"]): e["message"] for e in job.errors}
    assert errors[(2, "Số kết nối")] == "Số kết nối không được âm (đang ghi -5)."
    assert errors[(3, "Cơ quan")].startswith("Không có cơ quan có ký hiệu “SO-KHONG-CO”")
    assert not Alert.objects.exists()


def test_only_provincial_staff_import_alerts(world, mapped):
    job = _import(world, EVE, role="police_liaison")
    assert job.status == "failed" and not Alert.objects.exists()
    assert "cấp tỉnh" in job.errors[0]["message"]
