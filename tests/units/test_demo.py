"""The demo describes a merged province (Hưng Yên with Thái Bình, 1 July 2025) with its communes and agencies."""

import datetime as dt
import io

from django.core.management import call_command

from canhgiac.core import figures
from canhgiac.core.models import Agency, User
from canhgiac.core.scoping import has_global_scope

# Codes other apps' demo loaders use: kept across the reorganisation.
KEPT = {"STTTT", "STTTT-TTra", "CAT-ANM", "VIETTEL", "VNPT", "MOBIFONE", "UBND-CL", "SCT", "BAO"}


def test_demo_is_a_merged_province_with_communes_and_is_safe_to_repeat(db):
    call_command("load_demo", stdout=io.StringIO())
    agencies = {a.code: a for a in Agency.objects.select_related("parent", "unit")}
    assert KEPT | {"UBND-HY", "CAT-HY", "UBND-NQ", "SVHTTDL", "QLTT", "HQ"} <= set(agencies)
    department = agencies["STTTT"]
    assert department.name.startswith("Sở Khoa học và Công nghệ tỉnh Hưng Yên")
    assert department.parent.name.startswith("Ủy ban nhân dân tỉnh Hưng Yên") and department.unit.name == "Hưng Yên"
    assert agencies["CAT-ANM"].parent.code == "CAT-HY" and "An ninh mạng" in agencies["CAT-ANM"].name
    assert (agencies["UBND-CL"].kind, agencies["UBND-CL"].unit.name) == ("commune", "Phường Phố Hiến")
    assert not any("huyện" in a.name or "Thông tin và Truyền thông" in a.name for a in agencies.values())
    assert has_global_scope(User.objects.get(username="thanhtra"))
    assert not has_global_scope(User.objects.get(username="canloc"))
    keys = ["units.communes", "units.districts", "units.radio_relay_share", "units.staff_inspectors"]
    now = figures.compute(figures.Window(dt.date(2026, 1, 1), dt.date(2026, 6, 30)), keys)
    assert now == {
        "units.communes": 104,
        "units.districts": 0,
        "units.radio_relay_share": 100,
        "units.staff_inspectors": 3,
    }
    before = figures.compute(figures.Window(dt.date(2024, 1, 1), dt.date(2024, 12, 31)), keys)
    assert (before["units.communes"], before["units.districts"]) == (4, 18)  # the demo's few old communes, 10 + 8
    counts = (Agency.objects.count(), User.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Agency.objects.count(), User.objects.count()) == counts
