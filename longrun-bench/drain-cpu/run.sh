#!/bin/bash
# The drain's CPU split (docs/benchmarks/scale.md, "Tenth pass"): runs the scale bench once with the given longrun-core
# classes, timestamps its output and samples /proc every 0.1 s: the bench JVM's CPU ticks and those of the PostgreSQL
# backends connected to it (matched by port with `ss -tnp`, so other clients' backends do not count). Then:
#   python3 split.py LABEL JOBS OUTDIR     # CPU-ms per 1,000 drained jobs, JVM vs PostgreSQL, per drain and raw run
#   python3 jfr_buckets.py OUTDIR/LABEL.json T0 T1 jdk.CPUTimeSample   # after `jfr print --json --stack-depth 64 ...`
# usage: run.sh CORE_CLASSES CLASSPATH_FILE OUTDIR LABEL JFR(0/1) bench args...
#   CLASSPATH_FILE: `mvn -pl longrun-bench dependency:build-classpath -Dmdep.outputFile=...` with the longrun-core jar
#   replaced by the word CORE.
CORE=$1; CPF=$2; D=$3; LABEL=$4; JFR=$5; shift 5
HERE=$(cd "$(dirname "$0")" && pwd)
CP=$HERE/../target/classes:$(sed "s#CORE#$CORE#" "$CPF")
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
OPTS="-Xms1g -Xmx1g -XX:+UseParallelGC"
[ "$JFR" = 1 ] && OPTS="$OPTS -XX:StartFlightRecording=settings=profile,jdk.CPUTimeSample#enabled=true,jdk.CPUTimeSample#throttle=2ms,filename=$D/$LABEL.jfr"
mkdir -p "$D"
echo "start $(date -u +%T) $(cut -d' ' -f1-3 /proc/loadavg)" > "$D/$LABEL.out"
( $J $OPTS -cp "$CP" dev.longrun.bench.BenchMain scale "$@" 2>&1 & echo $! > "$D/$LABEL.pid"; wait ) \
  | while IFS= read -r l; do printf '%s %s\n' "$(date +%s.%N)" "$l"; done >> "$D/$LABEL.out" &
sleep 0.5
python3 "$HERE/sampler.py" "$(cat "$D/$LABEL.pid")" "$D/$LABEL.samples"
wait
echo "end $(date -u +%T) $(cut -d' ' -f1-3 /proc/loadavg)" >> "$D/$LABEL.out"
