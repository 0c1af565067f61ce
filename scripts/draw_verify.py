#!/usr/bin/env python3
"""Independent verifier of huodong-draw-v1 (../shared/DRAW.md), written from the specification alone.

It shares no code with the C# implementation on purpose: the test vectors in docs/draw-test-vectors.json were
computed by this script, and the C# tests must reproduce them.

Usage:
  draw_verify.py DRAW.json | URL      check a published draw (GET /api/draws/{id}): entrants, entrantsHash,
                                      commitment and, once revealed, the seed and the winners
  draw_verify.py --vectors FILE       check every case of a test-vector file
  draw_verify.py --generate           print the test vectors (what docs/draw-test-vectors.json holds)

Exit code 0 when everything matches, 1 on any mismatch, 2 when the input cannot be read.
Only the Python 3 standard library is used.
"""
import hashlib
import hmac
import json
import sys
import urllib.request

ALGORITHM = "huodong-draw-v1"
TWO_64 = 1 << 64


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical_order(codes):
    """Distinct codes sorted by their UTF-8 bytes (ordinal)."""
    return sorted(set(codes), key=lambda c: c.encode("utf-8"))


def entrants_hash(entrants) -> str:
    return sha256_hex("\n".join(entrants).encode("utf-8"))


def commitment(seed: bytes) -> str:
    return sha256_hex(seed)


def derive_key(seed: bytes, public_entropy: str, e_hash: str) -> bytes:
    return hashlib.sha256(seed + public_entropy.encode("utf-8") + e_hash.encode("ascii")).digest()


class Uniform:
    """uniform(m) with rejection sampling and one counter for the whole draw."""

    def __init__(self, key: bytes):
        self.key = key
        self.counter = 0
        self.rejections = 0

    def next(self, m: int) -> int:
        if not 1 <= m < TWO_64:
            raise ValueError("m out of range")
        limit = (TWO_64 // m) * m
        while True:
            c = self.counter
            self.counter += 1
            mac = hmac.new(self.key, (ALGORITHM + ":" + str(c)).encode("utf-8"), hashlib.sha256).digest()
            r = int.from_bytes(mac[:8], "big")
            if r < limit:
                return r % m
            self.rejections += 1


def draw(entrants, seed: bytes, public_entropy: str, k: int):
    """Returns (winners, key, uniform) for the published entrants (already in canonical order)."""
    n = len(entrants)
    if not 1 <= k <= n:
        raise ValueError("winnersCount must be between 1 and the number of entrants")
    key = derive_key(seed, public_entropy, entrants_hash(entrants))
    u = Uniform(key)
    a = list(entrants)
    for i in range(n - 1, 0, -1):
        j = u.next(i + 1)
        a[i], a[j] = a[j], a[i]
    return a[:k], key, u


def expand_entrants(case):
    if "entrants" in case:
        return list(case["entrants"])
    g = case["entrantsRange"]
    return [f"{g['prefix']}{i:0{g['width']}d}" for i in range(g["from"], g["to"] + 1)]


# ---------------------------------------------------------------- checking a published draw

def check_document(doc) -> list:
    """Every mismatch found in a GET /api/draws/{id} document, as readable lines (empty: it verifies)."""
    problems = []
    if doc.get("algorithm") != ALGORITHM:
        problems.append(f"algorithm is {doc.get('algorithm')!r}, expected {ALGORITHM!r}")
        return problems
    entrants = doc.get("entrants") or []
    if entrants != canonical_order(entrants):
        problems.append("entrants are not distinct and sorted by UTF-8 bytes")
    e_hash = entrants_hash(entrants)
    if doc.get("entrantsHash") != e_hash:
        problems.append(f"entrantsHash {doc.get('entrantsHash')} != recomputed {e_hash}")
    k = doc.get("winnersCount")
    if not isinstance(k, int) or not 1 <= k <= len(entrants):
        problems.append(f"winnersCount {k!r} is not between 1 and {len(entrants)}")
    status = doc.get("status")
    if status == "Committed":
        if doc.get("seed") or doc.get("winners"):
            problems.append("a committed draw must not publish a seed or winners")
        return problems
    if status != "Revealed":
        problems.append(f"status is {status!r}")
        return problems
    try:
        seed = bytes.fromhex(doc.get("seed") or "")
    except ValueError:
        problems.append("seed is not hex")
        return problems
    if len(seed) != 32:
        problems.append("seed is not 32 bytes")
        return problems
    if commitment(seed) != doc.get("commitment"):
        problems.append(f"SHA-256(seed) {commitment(seed)} != commitment {doc.get('commitment')}")
    if problems:
        return problems
    winners, _, _ = draw(entrants, seed, doc.get("publicEntropy") or "", k)
    if winners != doc.get("winners"):
        problems.append(f"winners {doc.get('winners')} != recomputed {winners}")
    return problems


def check_vectors(vectors) -> list:
    problems = []
    for case in vectors["draws"]:
        name = case["name"]
        entrants = expand_entrants(case)
        if entrants != canonical_order(case.get("unsortedEntrants", entrants)):
            problems.append(f"{name}: canonical order differs")
        seed = bytes.fromhex(case["seed"])
        winners, key, u = draw(entrants, seed, case["publicEntropy"], case["winnersCount"])
        got = {"entrantsHash": entrants_hash(entrants), "commitment": commitment(seed), "key": key.hex(),
               "winners": winners, "counter": u.counter}
        for field, value in got.items():
            if case[field] != value:
                problems.append(f"{name}: {field} {case[field]!r} != recomputed {value!r}")
    for case in vectors["uniform"]:
        u = Uniform(bytes.fromhex(case["key"]))
        outputs = [u.next(case["m"]) for _ in case["outputs"]]
        if outputs != case["outputs"] or u.counter != case["counter"] or u.rejections != case["rejections"]:
            problems.append(f"{case['name']}: uniform outputs/counter/rejections differ")
    return problems


# ---------------------------------------------------------------- generating the vectors

def seed_of(label: str) -> bytes:
    """Fixed, reproducible seeds for the vectors (a real draw takes its seed from a CSPRNG)."""
    return hashlib.sha256(("huodong-draw-v1 test seed " + label).encode("utf-8")).digest()


def generate():
    draws = []

    def add(name, entrants, label, entropy, k, unsorted=None, entrants_range=None):
        seed = seed_of(label)
        winners, key, u = draw(entrants, seed, entropy, k)
        case = {"name": name}
        if entrants_range:
            case["entrantsRange"] = entrants_range
        else:
            case["entrants"] = entrants
        if unsorted:
            case["unsortedEntrants"] = unsorted
        case.update({"seed": seed.hex(), "publicEntropy": entropy, "winnersCount": k,
                     "entrantsHash": entrants_hash(entrants), "commitment": commitment(seed), "key": key.hex(),
                     "counter": u.counter, "rejections": u.rejections, "winners": winners})
        draws.append(case)

    codes10 = [f"R{i:06d}" for i in range(1, 11)]
    add("one entrant", ["R000001"], "one", "", 1)
    add("k equals n (a full ranking)", codes10[:6], "k=n", "", 6)
    add("n=10 k=3 without public entropy", codes10, "n10", "", 3)
    add("n=10 k=3 with public entropy", codes10, "n10", "SSE Composite close 2026-11-27: 3412.56", 3)
    add("n=10 k=3 with unicode public entropy", codes10, "n10", "上证指数 3412.56 🎲 ÉTÉ", 3)
    unsorted = ["R000010", "é", "\ue000", "😀", "Z", "R000002", "a", "R000002"]
    add("unicode codes sorted by UTF-8 bytes, not UTF-16", canonical_order(unsorted), "utf8", "", 4, unsorted=unsorted)
    rng = {"prefix": "R", "from": 1, "to": 5000, "width": 6}
    add("large n=5000 k=10", expand_entrants({"entrantsRange": rng}), "large", "20261127", 10, entrants_range=rng)

    uniform = []
    # Rejection needs r >= floor(2^64/m)*m, which has probability (2^64 mod m)/2^64: below 2^-40 for any m a real
    # draw can meet (m <= n). So rejection is exercised on uniform(m) itself with m = 3*2^62 (a quarter of all r
    # are rejected), searching for a key whose first call rejects at least twice.
    m_big = 3 << 62
    for i in range(10_000):
        key = seed_of(f"reject {i}")
        u = Uniform(key)
        first = u.next(m_big)
        if u.rejections >= 2:
            u = Uniform(key)
            outs = [u.next(m_big) for _ in range(5)]
            uniform.append({"name": f"rejections with m=3*2^62 (key search index {i})", "key": key.hex(), "m": m_big,
                            "outputs": outs, "counter": u.counter, "rejections": u.rejections})
            break
    for m in (1, 7, 1000):
        key = seed_of(f"uniform {m}")
        u = Uniform(key)
        outs = [u.next(m) for _ in range(8)]
        uniform.append({"name": f"m={m}", "key": key.hex(), "m": m, "outputs": outs, "counter": u.counter,
                        "rejections": u.rejections})
    return {"algorithm": ALGORITHM,
            "note": "Generated by scripts/draw_verify.py --generate; seeds are fixed for reproducibility.",
            "draws": draws, "uniform": uniform}


def load(source: str):
    if source.startswith(("http://", "https://")):
        with urllib.request.urlopen(source, timeout=30) as r:
            return json.load(r)
    with open(source, encoding="utf-8") as f:
        return json.load(f)


def main(argv) -> int:
    if len(argv) == 2 and argv[1] == "--generate":
        json.dump(generate(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if len(argv) == 3 and argv[1] == "--vectors":
        kind, source = "vectors", argv[2]
    elif len(argv) == 2 and not argv[1].startswith("-"):
        kind, source = "draw", argv[1]
    else:
        sys.stderr.write(__doc__)
        return 2
    try:
        data = load(source)
    except (OSError, ValueError) as e:
        sys.stderr.write(f"cannot read {source}: {e}\n")
        return 2
    try:
        problems = check_vectors(data) if kind == "vectors" else check_document(data)
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        problems = [f"malformed input: {e!r}"]
    for p in problems:
        print("MISMATCH: " + p)
    if problems:
        return 1
    if kind == "draw" and data.get("status") == "Committed":
        print("OK: entrants and entrantsHash verify; the draw is committed and not yet revealed")
    else:
        print("OK: everything verifies")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
