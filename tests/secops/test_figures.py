import datetime as dt
from urllib.parse import urlsplit

from django.db.models import Sum
from django.http import QueryDict
from django.utils import timezone

from canhgiac.core.figures import Figure, Window, catalogue, compute
from canhgiac.core.imports.runner import import_now
from canhgiac.secops.filtersets import AlertFilterSet
from canhgiac.secops.models import Alert
from canhgiac.secops.services import incidents, move_incident, warnings
from tests.posture.test_posture import check_drilldowns
from tests.secops.conftest import EVE

NOVEMBER = Window(dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def _moment(text):
    return timezone.make_aware(dt.datetime.fromisoformat(text))


def _records(world):
    officer = world.user("officer")
    import_now("soc-alerts", EVE, actor=officer)
    for n, (kind, agency) in enumerate([("injected_links", "STTTT"), ("injected_links", "UBND-CL"),
                                        ("weak_password", "STTTT"), ("malware", "UBND-CL")]):  # fmt: skip
        incident = incidents.create(actor=officer, title=f"Sự cố {n}", kind=kind, agency=world.agency(agency),
                                    source="webwatch", detected_at=_moment(f"2026-11-1{n}T09:00"))  # fmt: skip
        if n < 2:
            move_incident(incident, "resolved", actor=officer, outcome="Đã khắc phục",
                          resolved_at=_moment(f"2026-11-1{n}T18:00"))  # fmt: skip
    incidents.create(actor=officer, title="Sự cố cũ", kind="malware", agency=world.agency("STTTT"), source="external",
                     detected_at=_moment("2026-10-20T09:00"))  # fmt: skip
    warnings.create(actor=officer, sent_on=dt.date(2026, 11, 12), title="Cảnh báo", content="Vá lỗi",
                    agencies=[world.agency("STTTT"), world.agency("UBND-CL")])  # fmt: skip


def test_miniSOC_figures_count_cases_and_connections(world, mapped):
    _records(world)
    values = compute(NOVEMBER, [k for k in catalogue() if k.startswith("secops.")])
    assert (values["secops.alerts_total"], values["secops.connections_total"]) == (8, 11)
    assert (values["secops.alerts_phishing"], values["secops.connections_phishing"]) == (2, 3)
    assert (values["secops.alerts_coin_miner"], values["secops.connections_coin_miner"]) == (1, 3)
    assert (values["secops.alerts_c2"], values["secops.alerts_botnet"], values["secops.alerts_scan"]) == (3, 1, 1)
    assert values["secops.alerts_wannacry"] == 2 and values["secops.alerts_named_malware"] == 3  # + Mirai
    assert values["secops.incidents_opened"] == 4 and values["secops.incidents_opened_injected_links"] == 2
    assert values["secops.incidents_resolved"] == 2 and values["secops.incidents_resolved_injected_links"] == 2
    assert values["secops.warnings_sent"] == 1
    by_commune = compute(NOVEMBER, ["secops.alerts_wannacry", "secops.warnings_sent"], agency=world.agency("UBND-CL"))
    assert by_commune == {"secops.alerts_wannacry": 2, "secops.warnings_sent": 1}
    assert compute(Window(dt.date(2026, 10, 1), dt.date(2026, 10, 31)), ["secops.incidents_opened"]) == {
        "secops.incidents_opened": 1
    }


def test_every_secops_figure_equals_its_drilldown_list(world, mapped, client):
    _records(world)
    assert check_drilldowns(world, client, NOVEMBER, "secops.") > 20
    for key, figure in catalogue().items():  # the sums: over exactly the rows the drill-down list shows
        if key.startswith("secops.") and isinstance(figure, Figure) and figure.aggregate.startswith("sum"):
            query = QueryDict(urlsplit(figure.drilldown_url(NOVEMBER)).query)
            listed = AlertFilterSet(query, queryset=Alert.objects.all()).qs.aggregate(total=Sum("connections"))
            assert (listed["total"] or 0) == compute(NOVEMBER, [key])[key], key
