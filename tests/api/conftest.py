import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_rate_limits():
    """The public forms count requests per address in the cache: each test starts and ends with none counted."""
    cache.clear()
    yield
    cache.clear()
