"""An upload's size is checked while it is received: the request body stops being read past the limit."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import WSGIRequest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from canhgiac.core.models import ImportJob
from canhgiac.core.testing import login


class CountingStream(io.BytesIO):
    def __init__(self, data: bytes):
        super().__init__(data)
        self.taken = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.taken += len(chunk)
        return chunk


def _request(path: str, body: bytes, stream, content_length: int | None = None) -> WSGIRequest:
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
        "CONTENT_TYPE": MULTIPART_CONTENT,
        "CONTENT_LENGTH": str(len(body) if content_length is None else content_length),
        "wsgi.input": stream,
    }
    return WSGIRequest(environ)


def test_an_oversized_upload_is_refused_before_its_body_is_read(settings):
    settings.IMPORT_MAX_BYTES = 100_000
    body = encode_multipart(BOUNDARY, {"file": SimpleUploadedFile("big.csv", b"x" * 3_000_000)})
    stream = CountingStream(body)
    request = _request("/cases/import/", body, stream)
    assert "file" not in request.FILES
    assert "Tệp lớn hơn giới hạn 97,7 KB" in request.upload_refused
    assert stream.taken < 200_000  # of 3 MB


def test_a_body_without_a_declared_length_is_cut_while_received(settings):
    settings.IMPORT_MAX_BYTES = 100_000
    body = encode_multipart(BOUNDARY, {"file": SimpleUploadedFile("big.csv", b"x" * 3_000_000)})
    stream = CountingStream(body)
    request = _request("/content/ingest/", body, stream)
    request.upload_handlers[0].request_length = 0  # as if the client had lied about the size
    assert "file" not in request.FILES and request.upload_refused
    assert stream.taken < 400_000


def test_the_upload_page_says_why_in_vietnamese_and_queues_nothing(world, client, settings):
    settings.IMPORT_MAX_BYTES = 50_000
    login(client, world.user("officer"))
    response = client.post("/cases/import/", {"file": SimpleUploadedFile("big.csv", b"a" * 200_000)})
    assert response.status_code == 200 and "Tệp lớn hơn giới hạn 48,8 KB" in response.content.decode()
    assert not ImportJob.objects.exists()
    small = client.post("/cases/import/", {"file": SimpleUploadedFile("ok.csv", b"a" * 1000)})
    assert small.status_code == 302 and ImportJob.objects.count() == 1


def test_other_uploads_keep_their_own_limit(world, settings):
    settings.IMPORT_MAX_BYTES = 1000
    body = encode_multipart(BOUNDARY, {"file": SimpleUploadedFile("scan.pdf", b"%PDF" + b"x" * 100_000)})
    request = _request("/cases/1/evidence/add/", body, CountingStream(body))
    assert request.FILES["file"].size == 100_004 and not hasattr(request, "upload_refused")
