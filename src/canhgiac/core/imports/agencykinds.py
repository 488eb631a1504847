"""The ``agency-kinds`` import kind (the ``AgencyKind`` reference table), registered when the core app is ready.

Kept apart from ``canhgiac.core.agencykinds`` (its pages and API): registering an import kind must not load the
REST framework and the list views into every process — a ``watch scan`` or a worker starts 0.3–0.5 s faster."""

from canhgiac.core.imports.kinds import register
from canhgiac.core.imports.records import RecordImportKind
from canhgiac.core.services import agency_kinds


@register
class AgencyKindImport(RecordImportKind):
    name = "agency-kinds"
    service = agency_kinds
