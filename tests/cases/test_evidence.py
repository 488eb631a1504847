import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from canhgiac.cases.models import Evidence
from canhgiac.cases.services import EvidenceError, attach_evidence, withdraw_evidence
from canhgiac.core.testing import api_client, login

from .helpers import make_case

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_sha256_size_and_type_sniffed_from_content(world):
    case = make_case(world)
    evidence = attach_evidence(case, SimpleUploadedFile("anh-chup.txt", PNG), actor=world.user("officer"))
    assert evidence.sha256 == hashlib.sha256(PNG).hexdigest()
    assert evidence.size == len(PNG)
    assert evidence.mime_type == "image/png"  # the name says .txt, the bytes say PNG
    with evidence.file.open("rb") as handle:
        assert handle.read() == PNG


def test_size_limit_and_empty_file_refused(world, settings):
    settings.EVIDENCE_MAX_BYTES = 100
    case = make_case(world)
    with pytest.raises(EvidenceError, match=r"vượt quá dung lượng cho phép \(100 byte\)"):
        attach_evidence(case, SimpleUploadedFile("big.bin", b"x" * 101), actor=world.user("officer"))
    with pytest.raises(EvidenceError, match="rỗng"):
        attach_evidence(case, SimpleUploadedFile("empty.bin", b""), actor=world.user("officer"))
    assert not Evidence.objects.exists()


def test_evidence_is_append_only_and_withdrawal_keeps_the_file(world):
    case = make_case(world)
    evidence = attach_evidence(case, SimpleUploadedFile("a.pdf", b"%PDF-1.4 test"), actor=world.user("officer"))
    evidence.description = "sửa"
    with pytest.raises(ValueError):
        evidence.save()
    with pytest.raises(EvidenceError, match="lý do"):
        withdraw_evidence(evidence, actor=world.user("inspector"), reason="")
    withdraw_evidence(evidence, actor=world.user("inspector"), reason="Nộp nhầm tệp")
    evidence.refresh_from_db()
    assert evidence.withdrawn and evidence.withdrawn_reason == "Nộp nhầm tệp"
    assert evidence.file.storage.exists(evidence.file.name)
    with pytest.raises(EvidenceError, match="đã được thu hồi"):
        withdraw_evidence(evidence, actor=world.user("inspector"), reason="lần nữa")


def test_api_upload_and_withdraw(world):
    case = make_case(world)
    client = api_client(world.user("officer"))
    response = client.post(
        "/api/evidence/", {"case": case.pk, "file": SimpleUploadedFile("sms.txt", "Tin nhắn lừa đảo".encode())}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["sha256"] == hashlib.sha256("Tin nhắn lừa đảo".encode()).hexdigest()
    assert body["mime_type"] == "text/plain"
    withdrawn = client.post(f"/api/evidence/{body['id']}/withdraw/", {"reason": "Trùng"})
    assert withdrawn.status_code == 200 and withdrawn.json()["withdrawn"] is True
    assert client.delete(f"/api/evidence/{body['id']}/").status_code == 405


def test_download_respects_scope(world, client):
    case = make_case(world, lead="STTTT")
    evidence = attach_evidence(case, SimpleUploadedFile("a.txt", b"abc"), actor=world.user("officer"))
    login(client, world.user("carrier_operator"))
    assert client.get(f"/cases/evidence/{evidence.pk}/file/").status_code == 404
    login(client, world.user("officer"))
    response = client.get(f"/cases/evidence/{evidence.pk}/file/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"abc"
