"""An officer's own work: the open cases assigned to them, on the dashboard and as a list filter."""

from canhgiac.cases.services import transition_case
from canhgiac.core.testing import api_client, login
from tests.cases.helpers import make_case


def test_dashboard_and_list_show_my_open_cases(world, client):
    officer = world.user("officer")
    mine = make_case(world, title="Giao cho tôi", assignee=officer)
    closed = make_case(world, title="Đã xong của tôi", assignee=officer)
    transition_case(closed, "dismissed", actor=officer, reason="Không có căn cứ")
    other = make_case(world, title="Người khác", assignee=world.user("inspector"))
    login(client, officer)
    dashboard = client.get("/").content.decode()
    assert "1 vụ việc đang mở tôi phụ trách" in dashboard and mine.code in dashboard
    assert other.code not in dashboard.split('id="my-cases"')[1].split("</div>")[0]
    listing = client.get("/cases/?mine=true&open_only=true").content.decode()
    assert mine.code in listing and closed.code not in listing and other.code not in listing
    api = api_client(officer).get("/api/cases/?mine=true").json()
    assert {row["code"] for row in api["results"]} == {mine.code, closed.code}
