"""How sharp an honest 90 % range can be on the estimate evaluation's variable workloads (issue 17).

An oracle that knows each run's hidden speed and the workload generator's exact distributions (as in
longrun-bench's Workload, re-implemented here with Python's random, so runs differ from the Java
replay's but follow the same law) takes the 5th..95th percentile of the true time left given
everything that has happened so far (Monte Carlo), rounds it outward exactly like EtaWords.remaining
(under 10 s "About 5 seconds", "About 10 seconds" or "Almost done"; in seconds 5 s steps to 30 s, then 10 s steps to 150 s;
in minutes 30 s steps to 3 minutes, ...), and is scored like
Score: truth in range, and range width / max(true time left, 10 s), median and p90, every 2 s.
A real estimator knows less than the oracle, so it can hardly be sharper at the same honesty (not a
proof: a skewed law has a 90 % range narrower than its central one).

    python3 longrun-bench/estimate_bound.py [RUNS]      # default 40 runs per workload, seed 7
    python3 longrun-bench/estimate_bound.py bands [SEED] # bursty by true time left
    python3 longrun-bench/estimate_bound.py stall-law [RUNS] # the stall, its law and each run's speed known
    python3 longrun-bench/estimate_bound.py rounding [RUNS]  # 5 steps: the oracle's range raw and as shown
"""
import math, random, sys

FINE_LIMIT = 30      # EtaWords.Near.FINE_LIMIT: 5 s steps up to here while the text is in seconds
SECONDS_LIMIT = 150  # EtaWords.Near.SECONDS_LIMIT: then 10 s steps, up to here from a low end under a minute

def step_for(x):
    if x <= 60: return 10
    if x <= 180: return 30
    if x <= 600: return 60
    if x <= 1800: return 300
    if x <= 5400: return 600
    return 3600

def seconds_step(x):
    return 5 if x <= FINE_LIMIT else 10

def last_seconds(low, high):
    # EtaWords.lastSeconds (fifth round): "About 5 seconds", "About 10 seconds", else "Almost done"
    return (0, 5) if high <= 5 else (5, 10) if low >= 5 else (0, 10)

def near(low, high):
    lo = math.floor(low / seconds_step(low)) * seconds_step(low)
    hi = max(10, math.ceil(high / seconds_step(high)) * seconds_step(high))
    if hi <= 60 or (lo < 60 and hi <= SECONDS_LIMIT):
        return last_seconds(low, high) if hi <= 10 else (min(lo, hi), hi)
    lo = math.floor(low / step_for(low)) * step_for(low)
    hi = math.ceil(high / step_for(high)) * step_for(high)
    unit = 60 if hi <= 5400 else 3600
    if not (unit == 60 and 60 <= lo < 180 and lo % 30 == 0):
        lo = lo // unit * unit
    return (min(lo, hi), hi)

def q(v, p):
    v = sorted(v); r = p * (len(v) - 1); i = int(r); j = min(i + 1, len(v) - 1)
    return v[i] + (v[j] - v[i]) * (r - i)

def score(samples):
    ratios = []; inr = 0
    for left, draws in samples:
        lo, hi = near(max(0, q(draws, 0.05)), q(draws, 0.95))
        ratios.append((hi - lo) / max(left, 10)); inr += lo <= left <= hi
    ratios.sort()
    return inr / len(samples), q(ratios, 0.5), q(ratios, 0.9)

UNITS = 10000
MC = 200

# ---- bursty: 3-8 s busy at speed, 5-20 s waiting; 40 s of busy time at speed 1
def bursty(r):
    speed = math.exp(0.2 * r.gauss(0, 1)); per = UNITS / 40 * speed
    segs = []  # (busy, length)
    t = 0
    while t < 4000:
        b = r.randint(3, 8); segs.append((True, b)); t += b
        w = r.randint(5, 20); segs.append((False, w)); t += w
    return per, segs

def finish(per, segs, done, t, i, off):
    """continue from second t, inside segment i at offset off, with done units: return end time"""
    while True:
        busy, ln = segs[i]
        for s in range(off, ln):
            if busy:
                if done + per >= UNITS:
                    return t + (UNITS - done) / per
                done += per
            t += 1
        i += 1; off = 0

def bursty_samples(runs, r):
    out = []
    for _ in range(runs):
        per, segs = bursty(r)
        end = finish(per, segs, 0, 0, 0, 0)
        t = 0.0
        while t < end:
            # state at integer second t: which segment, offset, done
            i, start, done = 0, 0, 0.0
            while start + segs[i][1] <= t:
                if segs[i][0]: done += per * segs[i][1]
                start += segs[i][1]; i += 1
            off = int(t - start)
            if segs[i][0]: done += per * off
            draws = []
            for _ in range(MC):
                busy, ln = segs[i]
                lo_len = 3 if busy else 5; hi_len = 8 if busy else 20
                n = r.randint(max(lo_len, off + 1), hi_len)
                fut = [(busy, n)]
                while len(fut) < 400:
                    fut.append((not fut[-1][0], r.randint(3, 8) if not fut[-1][0] else r.randint(5, 20)))
                draws.append(finish(per, fut, done, t, 0, off) - t)
            out.append((end - t, draws))
            t += 2
    return out

# ---- 5 steps, step 3 slow: 15, 20, 90, 15, 20 s each x lognormal(0.25)
TYP = [15, 20, 90, 15, 20]
def ln_above(r, mean, e):
    for _ in range(10000):
        x = mean * math.exp(0.25 * r.gauss(0, 1))
        if x > e: return x
    return e + 1

def steps_samples(runs, r):
    out = []
    for _ in range(runs):
        d = [m * math.exp(0.25 * r.gauss(0, 1)) for m in TYP]
        T = sum(d); t = 0.0
        while t < T:
            j, start = 0, 0.0
            while start + d[j] <= t: start += d[j]; j += 1
            e = t - start
            draws = []
            for _ in range(MC):
                draws.append(ln_above(r, TYP[j], e) - e + sum(m * math.exp(0.25 * r.gauss(0, 1)) for m in TYP[j + 1:]))
            out.append((T - t, draws)); t += 2
    return out

# ---- stall at 99 %: 120 s at speed, then a stall of 60-240 s at 99 % (skipped when a second's work jumps past it)
def stall_run(speed, stall):
    per = UNITS / 120 * speed; done = 0.0; t = 0; reached = None
    pre_end = None
    while True:
        f = done / UNITS
        if f < 0.99: sp = per
        else:
            if reached is None: reached = t
            sp = 0 if t - reached < stall else per
        if done + sp >= UNITS: return t + (UNITS - done) / sp, reached
        done += sp; t += 1

def stall_samples(runs, r):
    out = []
    for _ in range(runs):
        speed = math.exp(0.15 * r.gauss(0, 1)); S = 60 + 180 * r.random()
        end, reached = stall_run(speed, S)
        tail = None if reached is None else end - reached - S  # finishing the last 1 % after the stall
        t = 0.0
        while t < end:
            if reached is None:
                draws = [end - t]  # the oracle knows this speed jumps past 99 % without stalling
            else:
                inside = max(0.0, t - reached)
                draws = []
                for _ in range(MC):
                    s2 = 60 + 180 * r.random()
                    while s2 <= inside:
                        s2 = 60 + 180 * r.random()
                    draws.append(reached + s2 + tail - t)
            out.append((end - t, draws)); t += 2
    return out

def stall_before_samples(runs, r):
    """The same, but shown only until the stall starts (withdrawn while stalled, as the estimator does)."""
    out = []
    for _ in range(runs):
        speed = math.exp(0.15 * r.gauss(0, 1)); S = 60 + 180 * r.random()
        end, reached = stall_run(speed, S)
        tail = None if reached is None else end - reached - S
        t = 0.0
        while t < end and (reached is None or t < reached):
            draws = [end - t] if reached is None else [reached + 60 + 180 * r.random() + tail - t for _ in range(MC)]
            out.append((end - t, draws)); t += 2
    return out

# ---- even steps: 10-40 s, 3-20 equal steps; the oracle knows the run's length exactly: only rounding
def even_samples(runs, r):
    out = []
    for _ in range(runs):
        T = 10 + 30 * r.random(); t = 0.0
        while t < T:
            out.append((T - t, [T - t])); t += 2
    return out

def even_same_info_samples(runs, r):
    """Even steps, by an oracle that knows only what the estimator can: the law of the runs (10-40 s,
    3-20 steps), the run's number of steps, and whether its second step has reported. Before it has,
    the run takes more than steps x elapsed; after it, its length is known."""
    out = []
    for _ in range(runs):
        T = 10 + 30 * r.random(); N = 3 + r.randrange(18); t = 0.0
        while t < T:
            if T / N > t:
                lo = max(10, N * t)
                draws = [lo + (40 - lo) * r.random() - t for _ in range(MC)]
            else:
                draws = [T - t]
            out.append((T - t, draws)); t += 2
    return out

def stall_known_law(runs, share, r):
    """Runs that stall, shown before the stall by an oracle that knows the run's speed and the stall's law
    (uniform 60-240 s): the middle `share` of the stall's spread after the running time left, rounded as shown.
    Shows how sharp the row could be at 90 % in range with perfect knowledge (ninth round)."""
    ratios = []; inr = 0
    for _ in range(runs):
        speed = math.exp(0.15 * r.gauss(0, 1)); S = 60 + 180 * r.random()
        running = 120 * 0.99 / speed; t = 0.0
        while t < running:
            a = running - t + 1.2 / speed
            lo, hi = near(a + 150 - 90 * share, a + 150 + 90 * share)
            ratios.append((hi - lo) / max(a + S, 10)); inr += lo <= a + S <= hi; t += 2
    ratios.sort()
    return inr / len(ratios), q(ratios, 0.5), q(ratios, 0.9)

def by_time_left(samples, bands=((0, 30), (30, 60), (60, 90), (90, math.inf))):
    """The same score within bands of true time left: where the width is."""
    for lo, hi in bands:
        sub = [x for x in samples if lo <= x[0] < hi]
        cov, med, p90 = score(sub)
        print(f"| {lo}-{hi} s left | {len(sub)} | {100*cov:.1f}% | {med:.2f} | {p90:.2f} |")

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "bands":
        # python3 estimate_bound.py bands [SEED]: bursty by time left (sixth round)
        print("| bursty, true time left | samples | truth in range | width / true left, median | p90 |")
        print("|---|---:|---:|---:|---:|")
        by_time_left(bursty_samples(40, random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)))
        sys.exit()
    if len(sys.argv) > 1 and sys.argv[1] == "stall-law":
        # python3 estimate_bound.py stall-law [RUNS]: the stall with its law known, by the share of it shown
        runs = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
        print("| share of the stall's spread shown | truth in range | width / true left, median | p90 |")
        print("|---:|---:|---:|---:|")
        for share in (0.9, 0.8, 0.75, 0.7):
            cov, med, p90 = stall_known_law(runs, share, random.Random(1))
            print(f"| {share:.2f} | {100*cov:.1f}% | {med:.2f} | {p90:.2f} |")
        sys.exit()
    if len(sys.argv) > 1 and sys.argv[1] == "rounding":
        # python3 estimate_bound.py rounding [RUNS]: what rounding outward costs the 5-step job (tenth round)
        samples = steps_samples(int(sys.argv[2]) if len(sys.argv) > 2 else 200, random.Random(7))
        print("| oracle's range | truth in range | width / true left, median | p90 |")
        print("|---|---:|---:|---:|")
        for tail in (0.05, 0.08):
            for shown in (False, True):
                ratios, inr = [], 0
                for left, draws in samples:
                    lo, hi = max(0, q(draws, tail)), q(draws, 1 - tail)
                    lo, hi = near(lo, hi) if shown else (lo, hi)
                    ratios.append((hi - lo) / max(left, 10)); inr += lo <= left <= hi
                ratios.sort()
                print(f"| {100*tail:.0f}th-{100*(1-tail):.0f}th percentile, {'rounded as shown' if shown else 'raw'} "
                      f"| {100*inr/len(samples):.1f}% | {q(ratios, 0.5):.2f} | {q(ratios, 0.9):.2f} |")
        sys.exit()
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    print("| workload | runs | truth in range | width / true left, median | p90 |")
    print("|---|---:|---:|---:|---:|")
    for name, f in [("bursty", bursty_samples), ("stalls at 99% for minutes", stall_samples),
                    ("stalls at 99%, shown only before the stall", stall_before_samples),
                    ("5 steps, step 3 slow", steps_samples), ("even steps, 10-40 s (demo.wait)", even_samples),
                    ("even steps, knowing what the estimator knows", even_same_info_samples)]:
        cov, med, p90 = score(f(runs, random.Random(7)))
        print(f"| {name} | {runs} | {100*cov:.1f}% | {med:.2f} | {p90:.2f} |")
