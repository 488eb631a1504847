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


# -- the value parsers of the other imports: each answers a value or a ValueError in Vietnamese ------------------


def _value_parsers():
    from canhgiac.content.ingest import parse_time as content_time
    from canhgiac.core.imports.records import parse_yes_no
    from canhgiac.intake.imports import parse_time as report_time
    from canhgiac.outreach.imports import parse_count as outreach_count
    from canhgiac.posture.importing import parse_bool, parse_count
    from canhgiac.posture.imports import parse_level
    from canhgiac.secops.imports import parse_ip, parse_moment, parse_port

    return {
        "posture.count": parse_count,
        "posture.bool": parse_bool,
        "posture.level": parse_level,
        "outreach.count": outreach_count,
        "secops.moment": lambda value: parse_moment(value, "Thời điểm"),
        "secops.ip": lambda value: parse_ip(value, "IP nguồn"),
        "secops.port": lambda value: parse_port(value, "Cổng"),
        "intake.time": report_time,
        "content.time": content_time,
        "records.yes_no": parse_yes_no,
    }


VALUE_PARSERS = _value_parsers()


@pytest.mark.parametrize("name", sorted(VALUE_PARSERS))
@FAST
@given(value=cells)
@example(value="1.878")
@example(value="-0")
@example(value="9" * 30)
@example(value=float("nan"))
@example(value="14/03/2023 08:21")
@example(value="2023-03-14T08:21:33.123456+0700")
@example(value="::ffff:10.0.0.1")
def test_value_parser_answers_a_value_or_its_error(name, value):
    try:
        result = VALUE_PARSERS[name](value)
    except ValueError as exc:
        _check_message(exc)
    else:
        if isinstance(result, int) and not isinstance(result, bool):
            assert 0 <= result <= 2**31 - 1  # what the count and port columns hold


class _Job:
    """What an import kind's ``start`` may read of its job."""

    pk = None
    created_by = None
    options: dict = {}
    original_name = "tep.xlsx"


def _kinds():
    from canhgiac.core.imports.kinds import all_kinds

    return [kind.name for kind in all_kinds()]


@pytest.mark.django_db
@pytest.mark.parametrize("name", _kinds())
def test_spreadsheet_row_of_every_import_kind(name):
    """Every registered import kind: a row of odd cells is parsed or refused with errors of that row."""
    kind = get_kind(name)
    context = kind.start(_Job())

    @FAST
    @given(values=st.fixed_dictionaries({}, optional={c.key: cells for c in kind.columns}))
    def run(values):
        try:
            kind.parse_row(Row(number=7, values=values), dict(context))
        except RowInvalid as exc:
            assert exc.errors
            for error in exc.errors:
                assert error.row == 7 and error.message
                _check_message(ValueError(str(error.message)))
        except ValueError as exc:
            _check_message(exc)

    run()


@FAST
@given(text=st.one_of(typed, st.lists(typed, max_size=20).map("\n".join)))
@example(text="0.0.0.0 new88.com\n# comment\n||bet.vn^\n[x]")
def test_domain_list_parser_never_raises(text):
    from canhgiac.core.hostnames import parse_domain_list

    report = parse_domain_list(text)
    assert all(isinstance(domain, str) and domain == domain.strip().lower() for domain in report.domains)
    assert all(number >= 1 for number, _line in report.bad_lines)
