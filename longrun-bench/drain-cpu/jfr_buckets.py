import json, sys, collections, datetime
# CPU samples of a JFR recording (jfr print --json) between two epoch seconds, by thread, by bucket (pgjdbc, Hikari,
# Jackson, logging, else the first own class), by first own frame and by top frame.
# usage: jfr_buckets.py FILE.json T0 T1 [jdk.CPUTimeSample|jdk.ExecutionSample]
f, t0, t1 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]); TYPE = sys.argv[4] if len(sys.argv) > 4 else 'jdk.ExecutionSample'
ev = json.load(open(f))['recording']['events']
def ts(s):
    s = s.rstrip('Z'); main, frac = s.split('.')
    return datetime.datetime.fromisoformat(main).replace(tzinfo=datetime.timezone.utc).timestamp() + float('0.'+frac)
top = collections.Counter(); own = collections.Counter(); thr = collections.Counter(); cat = collections.Counter(); n = 0
CATS = [('pgjdbc', 'org/postgresql'), ('hikari', 'com/zaxxer'), ('jackson/json', 'json'), ('jackson/json','jackson'),
        ('logging', 'slf4j'), ('logging', 'logback'), ('logging','System$Logger'), ('jfr','jdk/jfr')]
for e in ev:
    if e['type'] != TYPE: continue
    v = e['values']; t = ts(v['startTime'])
    if 'sampledThread' not in v: v['sampledThread'] = v['eventThread']
    if not (t0 <= t <= t1): continue
    n += 1
    fr = v['stackTrace']['frames'] if v.get('stackTrace') else []
    names = [x['method']['type']['name'] + '.' + x['method']['name'] for x in fr]
    thr[(v['sampledThread'].get('javaName') or v['sampledThread'].get('osName') or '?')[:24]] += 1
    if names: top[names[0]] += 1
    o = next((x for x in names if x.startswith('dev/longrun')), '(none)')
    own[o] += 1
    # bucket: first category met from top; else first own frame's class
    b = None
    for x in names:
        for c, key in CATS:
            if key in x: b = c; break
        if b: break
        if x.startswith('dev/longrun'): b = 'own:' + x.split('$')[0].rsplit('/',1)[1].split('.')[0]; break
    if b is None: b = 'other:' + (names[0].rsplit('/',1)[-1] if names else '?')
    cat[b] += 1
print('samples', n)
for title, c, k in (('threads', thr, 10), ('buckets (first of: pgjdbc/hikari/json/logging frame, else first own class)', cat, 30), ('first own frame', own, 30), ('top frame', top, 30)):
    print('==', title)
    for k2, v in c.most_common(k): print(f'{v:6d} {100*v/n:5.1f}% {k2}')
