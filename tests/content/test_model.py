"""The classifier that ships in the package: obvious texts of each class, cues, bad values."""

import pytest

from canhgiac.content.datasets import LABELS
from canhgiac.content.model import Prediction, classify, get_classifier

OBVIOUS = {
    "scam": "Tôi là cán bộ công an, anh liên quan vụ án rửa tiền, chuyển toàn bộ tiền vào tài khoản tạm giữ ngay",
    "gambling": "Nhà cái uy tín new88 nạp rút 1-1, cá độ bóng đá, tài xỉu, nổ hũ, đăng ký nhận 100k",
    "loan": "Vay nóng 50 triệu không cần thế chấp, chỉ cần CCCD, giải ngân trong 30 phút, lh 0912345678",
    "false_info": "TIN KHẨN: Bộ Y tế xác nhận vắc xin gây vô sinh, mọi người chia sẻ gấp cho người thân!",
    "offensive": "Đồ ngu như chó, câm mồm đi thằng mất dạy",
    "spam": "Bán sim số đẹp tam hoa giá rẻ, giảm 50% hôm nay, freeship toàn quốc, liên hệ 0987654321",
    "normal": "Hôm nay trời đẹp quá, cả nhà mình đi công viên chơi vui lắm",
}


@pytest.mark.parametrize("label", LABELS)
def test_obvious_examples(label):
    (pred,) = classify([OBVIOUS[label]])
    assert isinstance(pred, Prediction)
    assert pred.label == label
    assert set(pred.scores) == set(LABELS)
    assert abs(sum(pred.scores.values()) - 1) < 0.01
    assert pred.scores[label] == max(pred.scores.values())
    if label != "normal":
        assert pred.cues, "a flagged text must say why"


def test_written_without_diacritics_and_dodged():
    texts = ["vay n.o.n.g 50tr k can the chap, giai ngan 30p, ib zalo 0912.345.678",
             "nha cai uy tin j.u.n.8.8 nap rut nhanh, keo bong da thom 🔥🔥 https://jun88.vip"]  # fmt: skip
    assert [p.label for p in classify(texts)] == ["loan", "gambling"]


def test_cues_name_the_words_that_matter():
    (pred,) = classify([OBVIOUS["gambling"]])
    assert any(word in " ".join(pred.cues) for word in ("new88", "nhà cái", "cá độ", "nạp rút", "tài xỉu"))
    (pred,) = classify([OBVIOUS["offensive"]])
    assert any(word in " ".join(pred.cues) for word in ("ngu", "chó", "câm", "mất dạy"))


def test_speech_head_and_odd_values():
    preds = classify(["", "   ", "🔥", "a" * 200_000, OBVIOUS["offensive"]])
    assert len(preds) == 5
    assert preds[0].label == "normal" and preds[0].cues == []
    assert preds[4].speech in ("offensive", "hate")


def test_a_text_with_nothing_readable_is_normal_alone_or_last_in_a_batch():
    for texts in (["\u200b"], [OBVIOUS["loan"], "\u200b\u200b"]):
        assert classify(texts)[-1].label == "normal"


def test_a_text_gets_the_same_result_alone_and_inside_a_batch():
    """Features, scores and cues are computed for the whole batch at once; no text may borrow from another."""
    texts = [*OBVIOUS.values(), "vay n.o.n.g 50tr k can the chap 🔥🔥", OBVIOUS["scam"] + " " + OBVIOUS["loan"]]
    senders = ["Vietcombank", None, "0912345678", None, "9029", None, None, None, None]
    batch = classify(texts, senders=senders)
    alone = [classify([t], senders=[s])[0] for t, s in zip(texts, senders, strict=True)]
    assert [p.to_dict() for p in batch] == [p.to_dict() for p in alone]
    assert all(p.cues for p in batch if p.label != "normal")


def test_model_is_loaded_once():
    assert get_classifier() is get_classifier()


def test_char_ngram_counts_match_scikit_learns_char_wb_hashing():
    """The cached per-word hashing gives exactly the features the shipped model was trained with."""
    import random

    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer

    from canhgiac.content.features import BLOCK_SIZE, CHAR_NGRAMS, char_counts

    reference = HashingVectorizer(
        analyzer="char_wb", ngram_range=CHAR_NGRAMS, n_features=BLOCK_SIZE, alternate_sign=False, norm=None,
        lowercase=False,
    )  # fmt: skip
    rng = random.Random(3)
    alphabet = "ab cdđêế ơ xyz  1\t\nà😀"
    texts = ["", " ", "a", "nhà cái uy tín", "x" * 9] + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(500)
    ]
    expected = reference.transform(texts).astype(np.float32)
    assert abs(expected - char_counts(texts)).nnz == 0
