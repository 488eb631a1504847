from canhgiac.core.routes import record_urls
from canhgiac.units.api import UnitFilterSet
from canhgiac.units.services import units

app_name = "units"
urlpatterns = record_urls(app_name, units, filterset=UnitFilterSet, import_kind="units")
