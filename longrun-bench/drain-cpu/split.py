import sys, re, os
# CPU-ms per 1,000 drained jobs of the bench JVM and of its own PostgreSQL backends, per drain (see run.sh).
# usage: split.py LABEL JOBS OUTDIR
label = sys.argv[1]; D = sys.argv[3] if len(sys.argv) > 3 else '/tmp/drainprof/'
S = [l.split() for l in open(os.path.join(D, label + '.samples'))]
S = [(float(a), int(b), int(c), int(n), int(busy)) for a,b,c,n,busy in S]
for l in open(os.path.join(D, label + '.out')):
    m = re.match(r'(\d+\.\d+) (?:warm-up, not counted: )?(raw limit, \d+ threads|drain Longrun \(concurrency \d+).*?: (\d+) jobs/s', l)
    if not m: continue
    end = float(m.group(1)); rate = int(m.group(3)); jobs = int(sys.argv[2]) if len(sys.argv) > 2 else 60000
    dur = jobs / rate; start = end - dur
    # skip 0.3 s at each end (report lag)
    w = [s for s in S if start + 0.3 <= s[0] <= end - 0.3]
    if len(w) < 3: continue
    # cumulative busy is absolute; use diff
    span = w[-1][0] - w[0][0]
    jv = sum(s[1] for s in w[1:]) * 10; pg = sum(s[2] for s in w[1:]) * 10
    mb = (w[-1][4] - w[0][4]) * 10
    done = rate * span
    print(f"{m.group(2):34s} {rate:6d}/s win {span:5.2f}s: JVM {jv/done*1000:6.1f} cpu-ms/1k jobs ({jv/span/10:4.0f}% of a core), "
          f"own PG backends {pg/done*1000:6.1f} cpu-ms/1k ({pg/span/10:4.0f}%, {w[-1][3]} conns), machine busy {mb/span/10:4.0f}% (of 200)")
