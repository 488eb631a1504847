"""Demo security operations for the demo province, written through the services: the address mapping, alerts
imported from a small Suricata EVE file, two incidents (one closed), one warning."""

import datetime as dt
from pathlib import Path

from django.utils import timezone

from canhgiac.core.imports.runner import import_now
from canhgiac.core.models import Agency, User
from canhgiac.posture.models import InformationSystem
from canhgiac.secops.models import AgencyNetwork, AlertSighting, Incident, SecurityWarning
from canhgiac.secops.services import add_incident_entry, incidents, move_incident, networks, warnings

EVE = Path(__file__).resolve().parent / "data" / "demo-eve.json"
NETWORKS = [("STTTT", "10.20.0.0/16", ""), ("STTTT", "10.20.1.10/32", "HTTT-STTTT-01"), ("SCT", "10.30.0.0/16", "")]


def _moment(text: str) -> dt.datetime:
    return timezone.make_aware(dt.datetime.fromisoformat(text))


def load(stdout) -> None:
    admin = User.objects.get(username="quantri")
    agencies = {a.code: a for a in Agency.objects.all()}
    for code, network, system in NETWORKS:
        if code in agencies and not AgencyNetwork.objects.filter(network=network).exists():
            networks.create(
                actor=admin,
                agency=agencies[code],
                network=network,
                system=InformationSystem.objects.filter(code=system).first(),
            )
    if not AlertSighting.objects.exists():
        job = import_now("soc-alerts", EVE, actor=admin)
        stdout.write(f"Cảnh báo SOC: {job.counts.get('alerts_new', 0)} trường hợp từ tệp EVE mẫu.")
    if not Incident.objects.exists() and {"UBND-CL", "SCT"} <= set(agencies):
        site = incidents.create(
            actor=admin,
            title="Trang thông tin điện tử huyện bị chèn liên kết cá độ bóng đá",
            kind="injected_links",
            severity="high",
            agency=agencies["UBND-CL"],
            system=InformationSystem.objects.filter(code="HTTT-CL-01").first(),
            source="webwatch",
            detected_at=_moment("2026-11-10T09:30"),
            responders=[admin],
        )
        add_incident_entry(site, actor=admin, at=_moment("2026-11-10T10:15"), text="Gọi điện yêu cầu gỡ liên kết")
        move_incident(
            site,
            "resolved",
            actor=admin,
            outcome="Đã gỡ liên kết, đổi mật khẩu quản trị",
            resolved_at=_moment("2026-11-11T16:00"),
        )
        incidents.create(
            actor=admin,
            title="Máy tính Sở Công Thương truy vấn tên miền WannaCry",
            kind="malware",
            severity="critical",
            agency=agencies["SCT"],
            source="external",
            detected_at=_moment("2026-11-05T09:40"),
        )
    if not SecurityWarning.objects.exists():
        warnings.create(
            actor=admin,
            sent_on=dt.date(2026, 11, 12),
            kind="vulnerability",
            title="Cảnh báo lỗ hổng bảo mật tháng 11",
            content="Các lỗ hổng nghiêm trọng trong sản phẩm Microsoft cần cập nhật bản vá ngay.",
            agencies=[a for c, a in agencies.items() if c in ("SCT", "UBND-CL")],
        )
    stdout.write("Vận hành ATTT: ánh xạ địa chỉ, sự cố và cảnh báo mẫu đã nạp.")
