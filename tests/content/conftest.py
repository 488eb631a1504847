import pytest

from canhgiac.content.models import ContentItem

SCORES_NORMAL = {"scam": 0.01, "gambling": 0.01, "loan": 0.01, "false_info": 0.01, "offensive": 0.01, "spam": 0.01,
                 "normal": 0.94}  # fmt: skip


@pytest.fixture
def make_item(world):
    """A stored item with chosen label and risk (no classifier involved), owned by the authority STTTT."""
    counter = {"n": 0}

    def make(label="scam", risk=0.9, *, platform="facebook", agency="STTTT", text=None, **fields):
        counter["n"] += 1
        n = counter["n"]
        scores = {**SCORES_NORMAL, label: risk} if label != "normal" else dict(SCORES_NORMAL)
        return ContentItem.objects.create(
            platform=platform,
            url=fields.pop("url", f"https://{platform}.com/posts/{n}"),
            text=text or f"Nội dung thử nghiệm số {n}",
            text_hash=f"{n:064d}",
            label=label,
            scores=scores,
            risk=risk if label != "normal" else 0.01,
            agency=world.agency(agency) if agency else None,
            **fields,
        )

    return make
