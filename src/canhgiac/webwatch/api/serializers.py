from rest_framework import serializers

from canhgiac.webwatch.models import Finding, PageSnapshot, ScanRun, Site
from canhgiac.webwatch.services import SiteService


class SiteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Site
        fields = ["id", *SiteService.fields, "last_scan_at", "last_status", "created", "last_updated"]
        read_only_fields = ["last_scan_at", "last_status", "created", "last_updated"]


class PageSnapshotSerializer(serializers.ModelSerializer):
    class Meta:
        model = PageSnapshot
        fields = ["url", "title", "fetched_at", "sha256", "views", "errors"]


class ScanRunSerializer(serializers.ModelSerializer):
    class Meta:
        model = ScanRun
        fields = ["id", "site", "started_at", "finished_at", "status", "page_count", "finding_count", "errors", "stats"]


class ScanRunDetailSerializer(ScanRunSerializer):
    pages = PageSnapshotSerializer(many=True, read_only=True)

    class Meta(ScanRunSerializer.Meta):
        fields = ScanRunSerializer.Meta.fields + ["pages"]


class FindingSerializer(serializers.ModelSerializer):
    check = serializers.CharField(source="check_name", read_only=True)

    class Meta:
        model = Finding
        fields = [
            "id",
            "site",
            "key",
            "url",
            "check",
            "severity",
            "why",
            "evidence",
            "links",
            "domains",
            "identities",
            "status",
            "first_seen_run",
            "last_seen_run",
            "fixed_at",
            "dismiss_reason",
            "case",
            "created",
        ]
        read_only_fields = fields
