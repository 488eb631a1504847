"""Demo information systems and computers of the demo province, written through the services."""

import datetime as dt

from canhgiac.core.models import Agency, User
from canhgiac.posture.models import Endpoint, InformationSystem
from canhgiac.posture.services import endpoints, systems

# code, name, owner agency, owner level, level, status, approving level, approved on, decision, deployed on
SYSTEMS = [
    (
        "HTTT-STTTT-01",
        "Cổng thông tin điện tử tỉnh",
        "STTTT",
        "province",
        3,
        "approved",
        "province",
        "2024-03-15",
        "38/QĐ-STTTT",
        "2024-06-30",
    ),
    (
        "HTTT-STTTT-02",
        "Hệ thống quản lý văn bản và điều hành",
        "STTTT",
        "province",
        2,
        "approved",
        "province",
        "2024-04-04",
        "45/QĐ-STTTT",
        None,
    ),
    (
        "HTTT-STTTT-03",
        "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh",
        "STTTT",
        "province",
        3,
        "approved",
        "province",
        "2026-09-10",
        "112/QĐ-UBND",
        None,
    ),
    ("HTTT-SCT-01", "Trang thông tin điện tử Sở Công Thương", "SCT", "province", 1, "submitted", "", None, "", None),
    (
        "HTTT-CL-01",
        "Trang thông tin điện tử huyện Can Lộc",
        "UBND-CL",
        "district",
        1,
        "approved",
        "district",
        "2024-05-20",
        "12/QĐ-UBND",
        "2024-08-01",
    ),
]
COMPUTERS = [("STTTT", "workstation", 12, 11), ("STTTT", "server", 2, 2), ("SCT", "workstation", 8, 5)]


def load(stdout) -> None:
    admin = User.objects.get(username="quantri")
    agencies = {a.code: a for a in Agency.objects.all()}
    added = 0
    for code, name, owner, level, sec, status, approving, approved, decision, deployed in SYSTEMS:
        if owner not in agencies or InformationSystem.objects.filter(code=code).exists():
            continue
        systems.create(
            actor=admin,
            code=code,
            name=name,
            owner_agency=agencies[owner],
            owner_level=level,
            security_level=sec,
            dossier_status=status,
            approving_level=approving,
            decision_number=decision,
            listed_on=dt.date(2024, 1, 2),
            approved_on=dt.date.fromisoformat(approved) if approved else None,
            protection_deployed=bool(deployed),
            protection_deployed_on=dt.date.fromisoformat(deployed) if deployed else None,
        )
        added += 1
    machines = 0
    for owner, kind, count, protected in COMPUTERS:
        if owner not in agencies:
            continue
        for n in range(1, count + 1):
            host = f"{owner}-{'SRV' if kind == 'server' else 'PC'}{n:02d}"
            if Endpoint.objects.filter(agency=agencies[owner], host_id=host).exists():
                continue
            endpoints.create(
                actor=admin,
                host_id=host,
                agency=agencies[owner],
                kind=kind,
                listed_on=dt.date(2024, 1, 2),
                protected=n <= protected,
                installed_on=dt.date(2024, 2, 1) if n <= protected else None,
                last_seen=dt.date(2026, 11, 28),
            )
            machines += 1
    stdout.write(f"Hiện trạng ATTT: {added} hệ thống thông tin, {machines} máy tính mới.")
