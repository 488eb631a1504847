"""CPU per request of bench/load.py's mix, canhgiac against its peer (canhgiac at ``--peer-ref``), in-process.

On a shared, loaded machine the latencies of bench/load.py measure the neighbours as much as canhgiac; the CPU time a
request costs the server process does not depend on them nearly as much. This runs bench/load_profile.py (every action
of the mix through Django's test client, full middleware) alternately with the peer's code on the peer's schema and
with ours on ours, ``--rounds`` times, on the SQLite database bench/load.py filled, and prints the medians.

    python bench/load_compare.py [--rounds 3] [--repeat 15] [--peer-ref 2fe824a]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import OUT, PEER_REF, ROOT, peer_source, schema_of, uptime  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--peer-ref", default=PEER_REF)
    args = parser.parse_args()
    env = dict(os.environ, CANHGIAC_VAR=str(OUT / "load-var-sqlite"))
    env.pop("DATABASE_URL", None)
    sides = {"canhgiac": ROOT / "src", f"peer ({args.peer_ref})": peer_source(args.peer_ref)}
    found: dict[str, list[dict]] = {side: [] for side in sides}
    print(f"{os.cpu_count()} CPU; {uptime()}", flush=True)
    for _ in range(args.rounds):
        for side, src in reversed(sides.items()):
            schema_of(src, dict(env, PYTHONPATH=str(ROOT / "src")))
            out = OUT / "load-compare.json"
            command = [sys.executable, str(ROOT / "bench" / "load_profile.py"), "--repeat", str(args.repeat)]
            subprocess.run([*command, "--json", str(out)], env=dict(env, PYTHONPATH=str(src)), check=True,
                           stdout=subprocess.DEVNULL)  # fmt: skip
            found[side].append(json.loads(out.read_text()))
    schema_of(ROOT / "src", dict(env, PYTHONPATH=str(ROOT / "src")))
    print(f"{uptime()}\nCPU ms per request (median over {args.rounds} rounds of {args.repeat} requests each)")
    ours, peer = sides
    print(f"{'action':<24}{ours:>12}{peer:>18}{'peer/ours':>11}")
    for name in found[ours][0]:
        a = statistics.median(r[name] for r in found[ours])
        b = statistics.median(r[name] for r in found[peer])
        print(f"{name:<24}{a:>12.1f}{b:>18.1f}{b / a:>10.2f}×")


if __name__ == "__main__":
    main()
