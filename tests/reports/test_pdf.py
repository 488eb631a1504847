"""The PDF through LibreOffice headless (Debian's libreoffice-writer; `make test` and CI install it through
scripts/provision)."""

import datetime as dt
import shutil

import pytest
from django.urls import reverse

from canhgiac.core.testing import api_client
from canhgiac.reports import render, services
from tests.reports.conftest import case


@pytest.mark.slow
def test_pdf_of_a_report(world, draft, tmp_path):
    assert shutil.which("soffice"), "LibreOffice (soffice) is not installed: scripts/provision installs it"
    case(world, dt.date(2023, 2, 1))
    response = api_client(world.user("viewer")).get(f"/api/reports/{draft.pk}/pdf/")
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-") and len(response.content) > 5000
    from django.core.management import call_command

    call_command("report", "build", "--from", "2023-01-01", "--to", "2023-06-30", "--out", str(tmp_path / "b.docx"),
                 "--pdf")  # fmt: skip
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF-")


def test_missing_libreoffice_is_a_clear_error(world, draft, client, monkeypatch):
    monkeypatch.setattr(render.shutil, "which", lambda name: None)
    with pytest.raises(render.PdfError, match="apt-get install libreoffice-writer"):
        render.to_pdf(services.report_docx(draft))
    from canhgiac.core.testing import login

    login(client, world.user("viewer"))
    page = client.get(reverse("reports:report_pdf", args=[draft.pk]))
    assert page.status_code == 503 and "chưa cài LibreOffice" in page.content.decode()
