from django.urls import reverse
from rest_framework import serializers
from rest_framework.fields import SkipField

from canhgiac.core.letters import LetterFileError, check_letter_file
from canhgiac.core.models import Agency, Document, User
from canhgiac.core.services import AgencyService, DocumentService


class DownloadFileField(serializers.FileField):
    """An uploaded file, answered as the link of its authenticated download view: /media/ is not served.

    On update, a link or null sent back (a JSON client echoing what it read) leaves the stored file as it is.
    """

    def __init__(self, url_name: str, **kwargs):
        self.url_name = url_name
        super().__init__(**kwargs)

    def validate_empty_values(self, data):
        if getattr(self.parent, "instance", None) is not None and (data is None or isinstance(data, str)):
            raise SkipField()
        return super().validate_empty_values(data)

    def to_representation(self, value):
        if not value:
            return None
        url = reverse(self.url_name, args=[value.instance.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url


class AgencySerializer(serializers.ModelSerializer):
    class Meta:
        model = Agency
        fields = ["id", *AgencyService.fields, "created"]


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "first_name", "last_name", "agency", "role", "is_active"]


class DocumentSerializer(serializers.ModelSerializer):
    notation = serializers.CharField(help_text="Số, ký hiệu: 386/CAT-ANM; /BC-SKHCN cho dự thảo.")
    doc_type = serializers.CharField(required=False)
    file = DownloadFileField(
        "core:document_file",
        required=False,
        help_text="Tệp văn bản (PDF, Word, ảnh quét), gửi dạng multipart; trả về đường dẫn tải (cần đăng nhập).",
    )

    class Meta:
        model = Document
        fields = [
            "id",
            "notation",
            "number",
            "year",
            "symbol",
            *DocumentService.fields,
            "created",
        ]
        read_only_fields = ["number", "year", "symbol", "created"]

    def validate_file(self, value):
        try:
            check_letter_file(value)
        except LetterFileError as exc:
            raise serializers.ValidationError(str(exc)) from exc
        return value
