"""Property tests (hypothesis): every parser of what people type or spreadsheets hold answers with a value or its
documented validation error — never another exception, never an English message from Python itself."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from canhgiac.cases.imports import _money
from canhgiac.cases.normalize import IndicatorError, normalize
from canhgiac.cases.social import SocialLinkError, social_account
from canhgiac.core.imports.kinds import Row, RowInvalid, get_kind
from canhgiac.core.imports.records import parse_date
from canhgiac.core.letters import LetterNumberError, parse_letter_number

PYTHON_WORDS = ("invalid literal", "could not convert", "Traceback", "object has no attribute", "out of range")
FAST = settings(
    max_examples=250, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Text as people paste it: digits, separators, letters with diacritics, URL punctuation, odd Unicode.
typed = st.one_of(
    st.text(max_size=80),
    st.from_regex(r"[+]?[0-9 .()\-]{0,20}", fullmatch=True),
    st.from_regex(r"(https?://)?[a-zđ0-9.\-]{0,30}(/[a-z0-9%?=&#._~\-]{0,20})?", fullmatch=True),
    st.text(alphabet="0123456789²³¹٣۵०१ .,/-_+:@đĐàáạ\u202e\u200b\x00\t\n", max_size=40),
)


def _check_message(exc: Exception) -> None:
    text = str(exc)
    assert text and not any(word in text for word in PYTHON_WORDS), text


@pytest.mark.parametrize("kind", ["phone", "domain", "url", "ip", "imei", "bank_account", "social", "email"])
@FAST
@given(text=typed)
@example(text="0912345678")
@example(text="https://xn--80ak6aa92e.com/%zz")
@example(text="1" * 400)
def test_indicator_normaliser_answers_a_value_or_its_error(kind, text):
    try:
        item = normalize(kind, text)
    except IndicatorError as exc:
        _check_message(exc)
    else:
        assert item.value and item.kind == kind


@FAST
@given(text=typed)
@example(text="https://www.facebook.com/profile.php?id=100012345678901")
def test_social_link_parser(text):
    try:
        platform, handle = social_account(text)
    except (SocialLinkError, IndicatorError) as exc:
        _check_message(exc)
    else:
        assert platform and handle


@FAST
@given(text=st.one_of(typed, st.from_regex(r"[0-9]{1,6}/[A-ZĐa-z0-9\-]{1,20}", fullmatch=True)))
@example(text="386/CAT-ANM")
@example(text="12³/UBND")
def test_letter_number_parser(text):
    try:
        parsed = parse_letter_number(text)
    except LetterNumberError as exc:
        _check_message(exc)
    else:
        assert parsed.symbol


@FAST
@given(value=st.one_of(typed, st.dates().map(str), st.datetimes(), st.integers(), st.floats(allow_nan=True)))
@example(value="31/02/2024")
@example(value="29/02/2023")
def test_date_parser(value):
    try:
        parsed = parse_date(value)
    except ValueError as exc:
        _check_message(exc)
    else:
        assert parsed is None or isinstance(parsed, dt.date)


@FAST
@given(value=st.one_of(typed, st.integers(), st.floats(allow_nan=True, allow_infinity=True)))
@example(value="25.850.000 đồng")
@example(value=float("inf"))
@example(value="²³")
@example(value="9" * 40)
def test_amount_parser(value):
    try:
        amount = _money(value)
    except ValueError as exc:
        _check_message(exc)
    else:
        assert 0 <= amount < 2**63


cells = st.one_of(st.none(), typed, st.integers(), st.floats(), st.dates(), st.booleans())


@pytest.mark.django_db
@FAST
@given(values=st.fixed_dictionaries({}, optional={c.key: cells for c in get_kind("cases").columns}))
def test_spreadsheet_row_of_cases(values):
    kind = get_kind("cases")
    context = {"agencies": {}}
    try:
        kind.parse_row(Row(number=2, values=values), context)
    except RowInvalid as exc:
        for error in exc.errors:
            assert error.row == 2 and error.message
            _check_message(error.message if isinstance(error.message, Exception) else ValueError(error.message))
