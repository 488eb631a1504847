"""Signals beyond the words, thresholds with an uncertain band, and the features the shipped model reads."""

import random

import numpy as np
import pytest
import scipy.sparse as sp

from canhgiac.content import signals as sg
from canhgiac.content.model import get_classifier

OTP_NOTICE = "482913 la ma OTP cua Quy khach tai Vietcombank. Tuyet doi KHONG chia se ma nay cho bat ky ai."
OTP_ASK = "Chị ơi em nhắn nhầm mã OTP về máy chị, chị gửi lại mã đó cho em với, em cần gấp lắm."
LOOKALIKE = (
    "Vietcombank thong bao tai khoan cua Quy khach bi tam khoa. Xac thuc ngay tai https://vietcombank-xacthuc.top"
)


def codes(text: str, sender: str | None = None) -> set[str]:
    return {s.code for s in sg.signals(text, sender)}


def test_an_otp_the_message_says_not_to_share_is_a_notification_not_a_scam():
    assert "otp_notice" in codes(OTP_NOTICE)
    pred = get_classifier().classify([OTP_NOTICE])[0]
    assert pred.label != "scam"
    assert "otp_notice" in pred.signals


def test_a_message_asking_to_send_back_the_otp_is_a_scam():
    assert "otp_ask" in codes(OTP_ASK)
    pred = get_classifier().classify([OTP_ASK])[0]
    assert pred.label == "scam"
    assert any("OTP" in cue for cue in pred.cues)


def test_a_police_warning_that_describes_the_otp_trick_is_not_an_otp_request():
    warning = ("Bộ Công an thông báo: tội phạm giả danh ngân hàng gọi điện đề nghị người dân đọc lại mã OTP. "
               "Tuyệt đối không cung cấp mã OTP cho bất kỳ ai.")  # fmt: skip
    assert "otp_ask" not in codes(warning)
    assert get_classifier().classify([warning])[0].label != "scam"


def test_a_link_to_a_look_alike_bank_domain_raises_a_cue():
    assert sg.judge_host("vietcombank-xacthuc.top") == ("lookalike_link", "vietcombank-xacthuc.top")
    assert sg.judge_host("vietcombamk.com")[0] == "lookalike_link"  # one letter changed
    pred = get_classifier().classify([LOOKALIKE])[0]
    assert pred.label == "scam"
    assert any("giả dạng" in cue and "vietcombank-xacthuc.top" in cue for cue in pred.cues)


def test_official_and_listed_domains_are_judged_by_their_registrable_domain():
    assert sg.judge_host("www.vietcombank.com.vn") == ("official_link", "vietcombank.com.vn")
    assert sg.judge_host("cskh.evnhanoi.vn")[0] == "official_link"
    assert sg.judge_host("dichvucong.gov.vn")[0] == "official_link"
    gambling = sorted(sg._listed("gambling"))[0]
    assert sg.judge_host("m." + gambling) == ("gambling_link", gambling)
    # a brand's name under a link shortener's or a partner's .vn domain is not a look-alike
    assert sg.judge_host("vtmoney.onelink.me") is None
    assert sg.judge_host("datamobifone.vn") is None


def test_a_brands_published_hotline_is_recognised():
    assert "hotline" in codes("Quy khach can ho tro vui long goi 1900545413 (Vietcombank).")
    assert "hotline" not in codes("Lien he ngay 0912345678 de nhan qua.")


@pytest.mark.parametrize(
    ("sender", "kind"),
    [("Vietcombank", "brandname"), ("VIETTEL", "brandname"), ("9029", "shortcode"), ("1900545413", "shortcode"),
     ("0912 345 678", "personal"), ("+84912345678", "personal"), ("", "unknown"), (None, "unknown")],
)  # fmt: skip
def test_sender_kinds(sender, kind):
    assert sg.sender_kind(sender) == kind


def test_a_registered_brandname_sender_lowers_the_scam_score_and_says_so():
    text = "Tai khoan cua Quy khach vua dang nhap tren thiet bi moi luc 10:22. Neu khong phai Quy khach, goi 1900545413"
    model = get_classifier()
    unknown, brand = model.classify([text, text], senders=[None, "Vietcombank"])
    assert brand.scores["scam"] < unknown.scores["scam"]
    assert "brandname" in brand.signals and "brandname" not in unknown.signals


def test_scrambled_betting_lures_are_gambling():
    lure = "Đăŋg*Ký TKhoảŋ Tặŋg C0de 88K ŋạp đầu x2, rút ŋạp siêu tốc: http://azvip.pro/Ze3F"
    assert "scrambled" in codes(lure)
    assert get_classifier().classify([lure])[0].label == "gambling"


def test_below_the_high_threshold_a_label_is_uncertain_and_below_the_low_one_it_falls_to_the_next_class():
    model = get_classifier()
    saved = dict(model.meta.get("thresholds", {}))
    try:
        base = model.classify([OTP_ASK], cues=False)[0]
        assert base.label == "scam"
        model.meta["thresholds"] = {**saved, "scam": [0.0, 1.01]}
        pred = model.classify([OTP_ASK], cues=False)[0]
        assert pred.label == "scam" and pred.uncertain
        model.meta["thresholds"] = {**saved, "scam": [1.01, 1.02]}
        assert model.classify([OTP_ASK], cues=False)[0].label != "scam"
    finally:
        model.meta["thresholds"] = saved


def test_shipped_thresholds_cover_the_queue_classes():
    thresholds = get_classifier().meta["thresholds"]
    for lab in ("scam", "gambling", "loan"):
        low, high = thresholds[lab]
        assert 0 <= low < high <= 1
    assert thresholds["scam"][0] > 0  # only scam is cut: a weak scam score gives way to the next class


def test_one_pass_counts_equal_four_scikit_learn_hashing_vectorisers():
    """The featuriser's own counting gives exactly the matrix the model was trained with."""
    from sklearn.feature_extraction.text import HashingVectorizer

    from canhgiac.content.features import BLOCK_SIZE, block_counts, char_counts, prepare, word_ngrams

    words = HashingVectorizer(analyzer=word_ngrams, n_features=BLOCK_SIZE, alternate_sign=False, norm=None,
                              lowercase=False)  # fmt: skip
    rng = random.Random(5)
    vocab = ["nhà", "cái", "uy", "tín", "vay", "OTP", "mã", "0912345678", "https://new88.com", "😀", "l.ừ.a", "k"]
    texts = ["", "a", OTP_NOTICE, OTP_ASK] + [" ".join(rng.choices(vocab, k=rng.randint(0, 25))) for _ in range(300)]
    prep = prepare(texts)
    expected = sp.hstack([words.transform(prep.normal), words.transform(prep.stripped), char_counts(prep.normal),
                          char_counts(prep.stripped)], format="csr").astype(np.float32)  # fmt: skip
    assert abs(expected - block_counts(prep.normal, prep.stripped)).nnz == 0
