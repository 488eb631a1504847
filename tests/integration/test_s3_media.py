"""Stored files on an S3-compatible object store (the multi-machine deployment): evidence uploaded through the API
lands in the bucket, not on the web server's disk, and comes back byte for byte through the download page.

The store is moto's S3 server, a real HTTP server speaking the S3 protocol on a local port (the edge of the machine:
in production MinIO, Ceph or a provider's object storage)."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from canhgiac.core.testing import api_client, login
from tests.cases.helpers import make_case
from tests.processes import free_port

BUCKET = "canhgiac-media"


@pytest.fixture
def s3(monkeypatch):
    import boto3
    from moto.server import ThreadedMotoServer

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "canhgiac-test")
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="canhgiac-test",
        aws_secret_access_key="canhgiac-test",
    )
    client.create_bucket(Bucket=BUCKET)
    storages = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "access_key": "canhgiac-test",
                "secret_key": "canhgiac-test",
                "region_name": "us-east-1",
                "default_acl": "private",
                "file_overwrite": False,
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        yield client
    server.stop()


def test_evidence_is_stored_in_the_bucket_and_downloaded_from_it(world, client, s3, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # nothing may land here
    case = make_case(world)
    content = "Ảnh chụp tin nhắn giả danh ngân hàng".encode() * 100
    answer = api_client(world.user("officer")).post(
        "/api/evidence/", {"case": case.pk, "file": SimpleUploadedFile("tin-nhan.txt", content)}
    )
    assert answer.status_code == 201, answer.content
    assert answer.json()["sha256"] == hashlib.sha256(content).hexdigest()

    keys = [item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])]
    assert len(keys) == 1 and keys[0].startswith("evidence/")
    assert s3.get_object(Bucket=BUCKET, Key=keys[0])["Body"].read() == content
    assert not (tmp_path / "media").exists()

    login(client, world.user("officer"))
    response = client.get(f"/cases/evidence/{answer.json()['id']}/file/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == content
    login(client, world.user("carrier_operator"))  # the store does not change who may read a file
    assert client.get(f"/cases/evidence/{answer.json()['id']}/file/").status_code == 404


def test_the_same_name_twice_keeps_both_files(world, s3):
    from canhgiac.cases.services import attach_evidence

    case = make_case(world)
    first = attach_evidence(case, SimpleUploadedFile("anh.txt", b"mot"), actor=world.user("officer"))
    second = attach_evidence(case, SimpleUploadedFile("anh.txt", b"hai"), actor=world.user("officer"))
    assert first.file.name != second.file.name
    with first.file.open("rb") as one, second.file.open("rb") as two:
        assert (one.read(), two.read()) == (b"mot", b"hai")


def test_backup_names_the_bucket_instead_of_copying_it(transactional_db, s3, tmp_path):
    import io
    import json
    import tarfile

    from django.core.management import call_command

    from canhgiac.cases.services import attach_evidence
    from tests.conftest import World

    world = World()  # committed rows: SQLite's online backup copies what is committed
    attach_evidence(make_case(world), SimpleUploadedFile("anh.txt", b"mot"), actor=world.user("officer"))
    out, archive = io.StringIO(), tmp_path / "sao-luu.tar.gz"
    call_command("backup", "--out", str(archive), stdout=out)
    assert f"bucket “{BUCKET}”" in out.getvalue()
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        assert manifest["object_store"] == BUCKET
        assert not [name for name in tar.getnames() if name.startswith("media/")]
