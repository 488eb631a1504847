"""Derive the link data the content cues ship with (``src/canhgiac/content/data/``) from the shared public lists.

Run from the repository root:  PYTHONPATH=src .venv/bin/python bench/content/build_cue_data.py

* ``official_domains.txt``: registrable domains of Vietnamese sites in the Chống Lừa Đảo whitelist
  (7zones/chongluadao-extension, MIT) plus the brands listed by hand in ``BRANDS`` below (banks, wallets, carriers,
  public services, shops, couriers), one a line with its kind;
* ``gambling_domains.txt`` / ``threat_domains.txt``: the registrable domains of hostsVN's gambling-domain-VN and
  threat-domain-VN (bigdargon/hostsVN, MIT).
The program never reads ``../shared`` at run time; it reads these files.
"""

import json
from pathlib import Path

from canhgiac.content.datasets import data_dir
from canhgiac.webwatch.blocklist import clean_domain, registrable

OUT = Path(__file__).resolve().parents[2] / "src" / "canhgiac" / "content" / "data"
BRANDS = {
    "bank": "vietcombank.com.vn vcbdigibank.vietcombank.com.vn bidv.com.vn vietinbank.vn agribank.com.vn "
    "techcombank.com techcombank.com.vn mbbank.com.vn acb.com.vn vpbank.com.vn tpb.vn tpbank.vn sacombank.com.vn "
    "hdbank.com.vn shb.com.vn ocb.com.vn vib.com.vn seabank.com.vn lpbank.com.vn eximbank.com.vn msb.com.vn "
    "scb.com.vn namabank.com.vn abbank.vn baovietbank.vn ncb-bank.vn kienlongbank.com pgbank.com.vn cake.vn "
    "timo.vn sbv.gov.vn",
    "wallet": "viettelpay.vn vtmoney.vn momo.vn zalopay.vn viettelmoney.vn vnptmoney.vn vnpay.vn shopeepay.vn "
    "moca.vn payoo.vn",
    "carrier": "viettel.vn vietteltelecom.vn viettel.com.vn vinaphone.com.vn vnpt.com.vn mobifone.vn "
    "vietnamobile.com.vn itel.vn myvt.page.link viettelstore.vn mocha.com.vn tv360.vn myclip.vn "
    "viettelfamily.com vinaphoneplus.com.vn mypoint.vn",
    "public": "gov.vn dichvucong.gov.vn vneid.gov.vn bocongan.gov.vn mic.gov.vn most.gov.vn baohiemxahoi.gov.vn "
    "evn.com.vn evnhanoi.vn evnhcmc.vn evnspc.vn evncpc.vn evnnpc.vn gdt.gov.vn chinhphu.vn vnpost.vn "
    "chongluadao.vn khonggianmang.vn tinnhiemmang.vn",
    "shop": "shopee.vn lazada.vn tiki.vn sendo.vn tgdd.vn thegioididong.com dienmayxanh.com fptshop.com.vn "
    "bachhoaxanh.com grab.com be.com.vn gojek.com highlandscoffee.com.vn winmart.vn",
    "courier": "ghn.vn ghtk.vn viettelpost.vn viettelpost.com.vn jtexpress.vn ninjavan.co spx.vn",
}


def main() -> None:
    root = data_dir()
    OUT.mkdir(parents=True, exist_ok=True)
    official: dict[str, str] = {}
    for kind, names in BRANDS.items():
        for name in names.split():
            official.setdefault(name, kind)
    for entry in json.loads((root / "chongluadao-extension-2021" / "whitelist.json").read_text(encoding="utf-8")):
        host = clean_domain(entry.get("url", ""))
        if host and host.endswith(".vn"):
            official.setdefault(registrable(host), "whitelist")
    lines = ["# Official registrable domains of Vietnamese banks, wallets, carriers, public services, shops and news",
             "# sites. Sources: hand list in bench/content/build_cue_data.py; Chống Lừa Đảo whitelist",
             "# (7zones/chongluadao-extension 3debe789, MIT). Format: domain kind"]  # fmt: skip
    (OUT / "official_domains.txt").write_text(
        "\n".join(lines + [f"{d} {k}" for d, k in sorted(official.items())]) + "\n", encoding="utf-8"
    )
    for name, src in (("gambling", "gambling-domain-VN.txt"), ("threat", "threat-domain-VN.txt")):
        doms = set()
        for line in (root / "hostsvn" / src).read_text(encoding="utf-8").splitlines():
            d = clean_domain(line) if line and not line.startswith("#") else None
            if d:
                doms.add(registrable(d))
        doms -= set(official)
        head = f"# Registrable domains from hostsVN extensions/{src.replace('-VN', '/domain-VN')} " \
               "(bigdargon/hostsVN ffef73ed, MIT)"  # fmt: skip
        (OUT / f"{name}_domains.txt").write_text("\n".join([head, *sorted(doms)]) + "\n", encoding="utf-8")
    print(f"{len(official)} official, written to {OUT}")


if __name__ == "__main__":
    main()
