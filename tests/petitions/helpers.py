import datetime as dt

from canhgiac.core.services import register_document
from canhgiac.petitions.services import petitions

D = dt.date


def make_petition(world, *, actor_role="officer", agency="STTTT", **fields):
    data = {
        "kind": "complaint",
        "received_on": D(2026, 7, 1),
        "channel": "post",
        "title": "Khiếu nại quyết định xử phạt",
        "petitioner_name": "Nguyễn Văn An",
        "petitioner_phone": "0912345678",
        "petitioner_address": "Phường Long Xuyên",
        "handling_agency": world.agency(agency),
    }
    data.update(fields)
    return petitions.create(actor=world.user(actor_role), **data)


_numbers = iter(range(100, 100000))


LETTER_DATE = D(2026, 8, 1)


def make_letter(world, *, on=LETTER_DATE, direction="out", agency="STTTT", actor_role="inspector", to=()):
    """A registered letter of ``agency`` (an outgoing one by default): a decision, a transfer letter."""
    return register_document(
        receiving_agencies=[world.agency(code) for code in to],
        actor=world.user(actor_role),
        notation=f"{next(_numbers)}/QĐ-TTra",
        direction=direction,
        doc_type="qd",
        date=on,
        issuing_agency=world.agency(agency),
        summary="Văn bản thử",
    )
