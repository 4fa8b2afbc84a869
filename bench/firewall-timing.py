#!/usr/bin/env python3
"""Response times a user of another agency sees for a hidden record and for no record.

Usage: firewall-timing.py BASE_URL CREDENTIALS_JSON [ROUNDS] [SEED] [USER ...]

For each USER (default: "immigration.officer" and "caseworker.valmont", a service provider of
another shelter) it requests with that user's API token (from demo-credentials.json), in a random
interleaved order on one keep-alive connection, ROUNDS times each:
  existing        GET /api/v1/cases/{id of a case of the owner's agency}       (hidden: 404)
  missing         GET /api/v1/cases/{random uuid}                               (404)
  person-hidden   GET /api/v1/persons/{id of a person of the owner's agency}   (404)
  person-missing  GET /api/v1/persons/{random uuid}                             (404)
  referral-hidden GET /api/v1/referrals/{id of a referral the owner sent}      (404)
  referral-missing GET /api/v1/referrals/{random uuid}                          (404)
  name-hit        GET /api/v1/persons/matches?name={a name that exists only in records the user may not read}
  name-miss       GET /api/v1/persons/matches?name={a name that exists nowhere}
  list-hit        GET /api/v1/cases?name={a name that exists only in records the user may not read}
  list-miss       GET /api/v1/cases?name={a name that exists nowhere}
The existing ids and names are read first as the demo user "caseworker" (the owner); ids the
measured user may read (a referral to their agency, say) are left out, so that every "hidden"
request is a refusal. For each pair it prints p50/p95/p99, the Mann-Whitney U test (normal
approximation, two-sided) and the two-sample Kolmogorov-Smirnov statistic D with its asymptotic
p-value. Standard library only.
"""
import http.client
import json
import math
import random
import sys
import time
import urllib.parse
import uuid

base = urllib.parse.urlparse(sys.argv[1])
creds = {u["username"]: u for u in json.load(open(sys.argv[2]))["users"]}
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 20261122)


def connect():
    return http.client.HTTPConnection(base.hostname, base.port, timeout=30)


def get(conn, token, path):
    conn.request("GET", path, headers={"Authorization": "Bearer " + token})
    r = conn.getresponse()
    body = r.read()
    return r.status, body


owner = creds["caseworker"]["apiToken"]
users = sys.argv[5:] or ["immigration.officer", "caseworker.valmont"]
c = connect()
status, body = get(c, owner, "/api/v1/cases?size=100")
all_case_ids = [x["id"] for x in json.loads(body)["items"]]
status, body = get(c, owner, "/api/v1/persons?size=100")
persons = json.loads(body)["items"]
all_person_ids = [p["personId"] for p in persons]
names = sorted({p["familyName"] for p in persons if p.get("familyName")})
status, body = get(c, owner, "/api/v1/referrals?box=outgoing&size=100")
all_referral_ids = [x["id"] for x in json.loads(body)["items"]]
print(f"owner's cases read: {len(all_case_ids)}; persons: {len(all_person_ids)}; "
      f"referrals sent: {len(all_referral_ids)}; family names: {len(names)}")


def hidden_from(token, path, ids):
    return [i for i in ids if get(c, token, path + i)[0] == 404]


def measure(user):
    token = creds[user]["apiToken"]
    ids = hidden_from(token, "/api/v1/cases/", all_case_ids)
    person_ids = hidden_from(token, "/api/v1/persons/", all_person_ids)
    referral_ids = hidden_from(token, "/api/v1/referrals/", all_referral_ids)
    # A "hit" must be a name only hidden records carry: a name the user may find in records it
    # can read (a namesake in its own agency) is legitimately slower and is left out.
    hidden_names = [n for n in names
                    if json.loads(get(c, token, "/api/v1/persons/matches?name=" + urllib.parse.quote(n))[1])["items"] == []]
    print(f"\n== {user}: hidden cases {len(ids)}, persons {len(person_ids)}, referrals {len(referral_ids)}, "
          f"names found only in hidden records {len(hidden_names)} of {len(names)}")
    kinds = {
        "existing": lambda: "/api/v1/cases/" + rng.choice(ids),
        "missing": lambda: "/api/v1/cases/" + str(uuid.uuid4()),
        "person-hidden": lambda: "/api/v1/persons/" + rng.choice(person_ids),
        "person-missing": lambda: "/api/v1/persons/" + str(uuid.uuid4()),
        "referral-hidden": lambda: "/api/v1/referrals/" + rng.choice(referral_ids),
        "referral-missing": lambda: "/api/v1/referrals/" + str(uuid.uuid4()),
        "name-hit": lambda: "/api/v1/persons/matches?name=" + urllib.parse.quote(rng.choice(hidden_names)),
        "name-miss": lambda: "/api/v1/persons/matches?name=Nobody" + "".join(rng.choice("bcdfghjklmnprstvz") for _ in range(6)),
        "list-hit": lambda: "/api/v1/cases?name=" + urllib.parse.quote(rng.choice(hidden_names)),
        "list-miss": lambda: "/api/v1/cases?name=Nobody" + "".join(rng.choice("bcdfghjklmnprstvz") for _ in range(6)),
    }
    if not referral_ids:
        del kinds["referral-hidden"], kinds["referral-missing"]
    statuses = {k: {} for k in kinds}
    times = {k: [] for k in kinds}
    # Warm-up (JIT, caches), not reported.
    for _ in range(min(300, rounds)):
        for k, path in kinds.items():
            get(c, token, path())
    order = [k for k in kinds for _ in range(rounds)]
    rng.shuffle(order)
    for k in order:
        path = kinds[k]()
        t0 = time.perf_counter()
        s, _ = get(c, token, path)
        times[k].append((time.perf_counter() - t0) * 1000)
        statuses[k][s] = statuses[k].get(s, 0) + 1
    report(kinds, statuses, times)


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(math.ceil(p / 100 * len(xs))) - 1)]


def mann_whitney(a, b):
    allv = sorted([(v, 0) for v in a] + [(v, 1) for v in b])
    ranks = [0.0] * len(allv)
    i = 0
    ties = 0.0
    while i < len(allv):
        j = i
        while j + 1 < len(allv) and allv[j + 1][0] == allv[i][0]:
            j += 1
        r = (i + j) / 2 + 1
        for k in range(i, j + 1):
            ranks[k] = r
        t = j - i + 1
        ties += t ** 3 - t
        i = j + 1
    n1, n2 = len(a), len(b)
    r1 = sum(r for r, (_, g) in zip(ranks, allv) if g == 0)
    u1 = r1 - n1 * (n1 + 1) / 2
    mu = n1 * n2 / 2
    n = n1 + n2
    sigma = math.sqrt(n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1))))
    z = (u1 - mu) / sigma
    p = math.erfc(abs(z) / math.sqrt(2))
    return u1, z, p, u1 / (n1 * n2)


def ks(a, b):
    a, b = sorted(a), sorted(b)
    i = j = 0
    d = 0.0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            i += 1
        else:
            j += 1
        d = max(d, abs(i / len(a) - j / len(b)))
    n = len(a) * len(b) / (len(a) + len(b))
    lam = (math.sqrt(n) + 0.12 + 0.11 / math.sqrt(n)) * d
    p = 2 * sum((-1) ** (k - 1) * math.exp(-2 * k * k * lam * lam) for k in range(1, 101))
    return d, max(0.0, min(1.0, p))


def report(kinds, statuses, times):
    print(f"rounds per kind: {rounds}, interleaved at random on one keep-alive connection")
    print(f"{'kind':<16} {'statuses':<14} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for k in kinds:
        xs = times[k]
        print(f"{k:<16} {str(statuses[k]):<14} {pct(xs, 50):8.3f} {pct(xs, 95):8.3f} {pct(xs, 99):8.3f} {sum(xs) / len(xs):8.3f}")
    pairs = [("existing", "missing"), ("person-hidden", "person-missing"),
             ("referral-hidden", "referral-missing"), ("name-hit", "name-miss"), ("list-hit", "list-miss")]
    for a, b in pairs:
        if a not in times:
            continue
        u, z, p, auc = mann_whitney(times[a], times[b])
        d, pks = ks(times[a], times[b])
        print(f"{a} vs {b}: Mann-Whitney U={u:.0f} z={z:+.2f} p={p:.3g} P(A>B)={auc:.3f}; KS D={d:.3f} p={pks:.3g}")


for user in users:
    measure(user)
