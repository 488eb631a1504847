"""Upload size checked while the file is received, not after: the first upload handler counts the bytes and
stops reading the request once they pass the limit of the view (``upload_max_bytes``) or ``UPLOAD_MAX_BYTES``.

The view then finds ``request.upload_refused`` (a Vietnamese message) instead of the file.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.urls import Resolver404, resolve


def readable_size(size: int) -> str:
    """ "50 MB", "1,5 MB", "512 KB"."""
    for unit, factor in (("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= factor:
            return f"{round(size / factor, 1):g} {unit}".replace(".", ",")
    return f"{size} byte"


def import_max_bytes() -> int:
    return int(getattr(settings, "IMPORT_MAX_BYTES", 50 * 1024 * 1024))


class SizeLimitUploadHandler(FileUploadHandler):
    """Refuses an upload larger than the limit as soon as the request says so (Content-Length) or the received
    bytes pass it; what was received so far is dropped and the rest of the body is not read."""

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0
        self.limit = self._limit()

    def _limit(self) -> int:
        default = int(getattr(settings, "UPLOAD_MAX_BYTES", max(import_max_bytes(), settings.EVIDENCE_MAX_BYTES)))
        try:
            match = resolve(self.request.path_info) if self.request is not None else None
        except Resolver404:
            match = None
        view_class = getattr(getattr(match, "func", None), "view_class", None)
        limit = getattr(view_class, "upload_max_bytes", None)
        return int(limit() if callable(limit) else limit) if limit else default

    def _refuse(self):
        if self.request is not None:
            self.request.upload_refused = (
                f"Tệp lớn hơn giới hạn {readable_size(self.limit)} cho mỗi lần tải lên; hãy chia tệp nhỏ hơn."
            )
        raise StopUpload(connection_reset=True)

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.request_length = content_length or 0
        return None

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        if self.request_length > self.limit + 64 * 1024:  # the body, less the other fields, is still too big
            self._refuse()

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self._refuse()
        return raw_data

    def file_complete(self, file_size):
        return None
