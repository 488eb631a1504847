from rest_framework import serializers

from canhgiac.core.models import Agency, Document, User


class AgencySerializer(serializers.ModelSerializer):
    class Meta:
        model = Agency
        fields = ["id", "name", "code", "kind", "parent", "address", "phone", "email", "is_active", "created"]


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "first_name", "last_name", "agency", "role", "is_active"]


class DocumentSerializer(serializers.ModelSerializer):
    notation = serializers.CharField(help_text="Số, ký hiệu: 386/CAT-ANM; /BC-STTTT cho dự thảo.")
    doc_type = serializers.CharField(required=False)

    class Meta:
        model = Document
        fields = [
            "id",
            "notation",
            "number",
            "year",
            "symbol",
            "direction",
            "doc_type",
            "date",
            "issuing_agency",
            "receiving_agencies",
            "summary",
            "file",
            "created",
        ]
        read_only_fields = ["number", "year", "symbol", "file", "created"]
