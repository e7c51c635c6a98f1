# Samples /proc every 0.1 s: the bench JVM's CPU ticks, those of the PostgreSQL backends connected to it, and the machine.
# usage: sampler.py JVM_PID OUT_FILE (stops when the JVM exits)
import os, sys, time, subprocess, re
jpid = sys.argv[1]; out = open(sys.argv[2], 'w')
HZ = os.sysconf('SC_CLK_TCK')
def ticks(pid):
    try:
        with open(f'/proc/{pid}/stat') as f: s = f.read()
        fs = s[s.rindex(')')+2:].split()
        return int(fs[11]) + int(fs[12])
    except Exception: return None
def backends():
    r = subprocess.run(['ss', '-tnpH'], capture_output=True, text=True).stdout
    jports = set(); pg = {}
    for line in r.splitlines():
        p = line.split()
        if len(p) < 5: continue
        loc, peer = p[3], p[4]; proc = p[5] if len(p) > 5 else ''
        lport = loc.rsplit(':',1)[1]; pport = peer.rsplit(':',1)[1]
        m = re.search(r'pid=(\d+)', proc)
        if not m: continue
        pid = m.group(1)
        if pid == jpid and pport == '5432': jports.add(lport)
        if lport == '5432': pg[pport] = pid
    return {pg[p] for p in jports if p in pg}
prev = {}; prevj = ticks(jpid); bset = set(); n = 0
while True:
    if ticks(jpid) is None: break
    if n % 5 == 0: bset = backends()
    n += 1
    j = ticks(jpid); cur = {}; d = 0
    for b in bset:
        t = ticks(b)
        if t is None: continue
        cur[b] = t
        if b in prev: d += t - prev[b]
    prev = cur
    with open('/proc/stat') as f: cpu = f.readline().split()[1:]
    busy = sum(int(x) for x in cpu) - int(cpu[3]) - int(cpu[4])
    out.write(f'{time.time():.3f} {j - prevj} {d} {len(bset)} {busy}\n'); out.flush()
    prevj = j
    time.sleep(0.1)
