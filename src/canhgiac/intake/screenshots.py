"""Screenshots and PDFs sent with a report: size and type checked from the bytes, images re-encoded with Pillow so
no metadata (EXIF location, camera, author) is kept, PDFs kept as sent once they look like a PDF."""

import hashlib
import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from canhgiac.core.services import ServiceError
from canhgiac.intake import conf

IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}


class AttachmentError(ServiceError):
    """A file sent with a report is refused; the message names the file and why."""


@dataclass
class CheckedFile:
    name: str
    content: bytes
    mime_type: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def _size_text(n: int) -> str:
    return f"{n / 2**20:g} MB" if n >= 2**20 else f"{n // 1024} KB"


def _read(uploaded, limit: int) -> bytes:
    name = getattr(uploaded, "name", "tệp")
    if getattr(uploaded, "size", None) and uploaded.size > limit:
        raise AttachmentError(f"Tệp “{name}” quá lớn: tối đa {_size_text(limit)} mỗi tệp.")
    chunks, size = [], 0
    for chunk in uploaded.chunks() if hasattr(uploaded, "chunks") else [uploaded.read()]:
        size += len(chunk)
        if size > limit:
            raise AttachmentError(f"Tệp “{name}” quá lớn: tối đa {_size_text(limit)} mỗi tệp.")
        chunks.append(chunk)
    if size == 0:
        raise AttachmentError(f"Tệp “{name}” rỗng.")
    return b"".join(chunks)


def _reencode(name: str, content: bytes) -> CheckedFile:
    try:
        with Image.open(io.BytesIO(content)) as probe:
            probe.verify()
        with Image.open(io.BytesIO(content)) as image:
            kind = image.format
            if kind not in IMAGE_FORMATS:
                raise AttachmentError(f"Tệp “{name}”: chỉ nhận ảnh JPEG, PNG, WEBP, GIF hoặc tệp PDF.")
            if image.width * image.height > conf.number("INTAKE_MAX_IMAGE_PIXELS"):
                raise AttachmentError(f"Ảnh “{name}” có kích thước quá lớn ({image.width}×{image.height} điểm ảnh).")
            image = ImageOps.exif_transpose(image)  # keep what the eye sees, drop the rest
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        if isinstance(exc, AttachmentError):
            raise
        raise AttachmentError(f"Tệp “{name}” không phải ảnh hợp lệ (tệp hỏng hoặc giả định dạng).") from None
    out = io.BytesIO()
    if kind == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=88)
        mime, ext = "image/jpeg", "jpg"
    else:
        has_alpha = image.mode in ("RGBA", "LA", "P")
        image.convert("RGBA" if has_alpha else "RGB").save(out, "PNG", optimize=False)
        mime, ext = "image/png", "png"
    stem = name.rsplit(".", 1)[0][:200] or "anh"
    return CheckedFile(f"{stem}.{ext}", out.getvalue(), mime)


def check_file(uploaded) -> CheckedFile:
    """The file as it will be stored, or AttachmentError: a real image (re-encoded) or a PDF, within the limits."""
    name = (getattr(uploaded, "name", "") or "tệp").rsplit("/", 1)[-1][:255]
    content = _read(uploaded, conf.number("INTAKE_MAX_FILE_BYTES"))
    if content[:5] == b"%PDF-":
        if b"%%EOF" not in content[-2048:]:
            raise AttachmentError(f"Tệp “{name}” không phải tệp PDF hoàn chỉnh (thiếu phần kết thúc).")
        return CheckedFile(name, content, "application/pdf")
    return _reencode(name, content)


def check_files(files) -> list[CheckedFile]:
    files = [f for f in files or [] if f]
    if len(files) > conf.number("INTAKE_MAX_FILES"):
        raise AttachmentError(
            f"Gửi tối đa {conf.number('INTAKE_MAX_FILES')} tệp cho mỗi phản ánh (đang có {len(files)})."
        )
    return [check_file(f) for f in files]
