"""The two baselines the classifier is compared with.

* ``KeywordBaseline``: what inspectors do today: a short list of words per class, first match wins.
* ``PlainSvm``: a plain TF-IDF (word 1–2-grams + character 1–5-grams, no normalisation) + LinearSVC, trained on
  the same data as the model.
"""

import re

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

KEYWORDS = {
    "scam": ["lừa đảo", "chuyển tiền", "mã otp", "công an", "trúng thưởng", "tài khoản bị khoá", "việc nhẹ lương cao"],
    "gambling": ["cá độ", "nhà cái", "cờ bạc", "tài xỉu", "nổ hũ", "lô đề", "soi kèo", "casino"],
    "loan": ["vay nóng", "vay tiền", "giải ngân", "tín dụng đen", "không thế chấp", "bốc họ"],
    "false_info": ["tin khẩn", "sự thật", "chia sẻ gấp", "tin đồn", "xuyên tạc"],
    "spam": ["khuyến mãi", "giảm giá", "sim số đẹp", "freeship", "giá rẻ"],
    "offensive": ["đm", "địt", "đéo", "vcl", "vl", "ngu", "chó", "mất dạy", "óc chó", "cc", "lồn", "đụ"],
}
HATE_WORDS = ["bắc kỳ", "nam kỳ", "parky", "đồ chó", "súc vật", "mọi rợ", "giết", "khựa", "3 que", "ba que"]


def _match(words, text):
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text) for w in words)


class KeywordBaseline:
    def triage(self, texts):
        out = []
        for text in texts:
            low = text.lower()
            out.append(next((lab for lab, words in KEYWORDS.items() if _match(words, low)), "normal"))
        return out

    def speech(self, texts):
        out = []
        for text in texts:
            low = text.lower()
            if _match(HATE_WORDS, low):
                out.append("hate")
            elif _match(KEYWORDS["offensive"], low):
                out.append("offensive")
            else:
                out.append("clean")
        return out


class PlainSvm:
    def __init__(self, C: float = 0.1):
        self.word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
        self.char = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 5), sublinear_tf=True, min_df=2)
        self.svm = LinearSVC(C=C, class_weight="balanced")

    def fit(self, texts, labels):
        X = hstack([self.word.fit_transform(texts), self.char.fit_transform(texts)]).tocsr()
        self.svm.fit(X, np.array(labels))
        return self

    def predict(self, texts):
        X = hstack([self.word.transform(texts), self.char.transform(texts)]).tocsr()
        return list(self.svm.predict(X))
