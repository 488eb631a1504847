import django_tables2 as tables

from canhgiac.intake.models import Report, ScamWarning


class ReportTable(tables.Table):
    id = tables.Column(verbose_name="Số", linkify=True)
    received_at = tables.DateTimeColumn(format="d/m/Y H:i", verbose_name="Tiếp nhận lúc")
    content = tables.Column(verbose_name="Nội dung")

    class Meta:
        model = Report
        fields = ("id", "received_at", "channel", "report_type", "content", "status", "outcome", "case")

    def render_content(self, value):
        return value if len(value) <= 120 else value[:117] + "…"


class ScamWarningTable(tables.Table):
    title = tables.Column(linkify=True)
    published_at = tables.DateTimeColumn(format="d/m/Y H:i")

    class Meta:
        model = ScamWarning
        fields = ("title", "status", "published_at")
