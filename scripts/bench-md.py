#!/usr/bin/env python3
"""Prints the Markdown tables of a `parley bench run` JSON report (target/bench/*.json), for BENCHMARKS.md.
Usage: scripts/bench-md.py target/bench/latest.json"""
import json, sys

r = json.load(open(sys.argv[1]))
c = r["corpus"]
print(f"Corpus: {c['paragraphs']:,} paragraphs, {c['articles']:,} articles, {c['bytes'] / 1e6:.1f} MB "
      f"(`{c['dir']}`); run started {r['started']}, config {json.dumps(r['config'])}.\n")
idx = r["indexing"]
labels = [("readParse", "read + parse"), ("enrichAlone", "read + parse + enrich"),
          ("parleyPlain", "parley, no enrichment (read + index + commit)"),
          ("parley", "parley end to end (read + enrich + index + commit)"),
          ("sqlitePlain", "SQLite FTS5 bulk load"), ("sqliteEnriched", "SQLite FTS5 bulk load + enrich")]
runs = any("runsSeconds" in (idx.get(k) or {}) for k, _ in labels)
print("| indexing | wall s | paragraphs/s | MB/s | CPU s | peak heap | size / raw |" + (" all runs, s |" if runs else ""))
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |" + (" ---: |" if runs else ""))
for k, label in labels:
    e = idx.get(k)
    if not e:
        continue
    size = e.get("indexToRawRatio", e.get("dbToRawRatio"))
    print(f"| {label} | {e['seconds']:.1f} | {e['paragraphsPerSec']:,} | {e['mbPerSec']:.2f} | "
          f"{e.get('cpuSeconds', '')} | {str(e['peakHeapMb']) + ' MB' if 'peakHeapMb' in e else ''} | "
          f"{str(size) + 'x' if size else ''} |"
          + (f" {', '.join(str(x) for x in e.get('runsSeconds', []))} |" if runs else ""))
ir = idx.get("ratios")
if ir:
    print(f"\nparley / SQLite indexing speed (above 1: parley faster): with enrichment "
          f"**{ir['endToEndWithEnrichment_parleyOverSqlite']}x**, excluding enrichment "
          f"**{ir['exclEnrichment_parleyOverSqlite']}x** by wall time"
          + (f"; by CPU time {ir['cpu_endToEndWithEnrichment_parleyOverSqlite']}x and "
             f"{ir['cpu_exclEnrichment_parleyOverSqlite']}x" if 'cpu_endToEndWithEnrichment_parleyOverSqlite' in ir else "")
          + ".")
q = r["queries"]
print("\n| queries | clients | queries run | QPS | p50 ms | p95 ms | p99 ms | errors | CPU ms/query |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for k, label in [("parleyInProcess", "parley in-process"), ("parleyHttp", "parley over HTTP"), ("sqlite", "SQLite FTS5")]:
    for s in q.get(k) or []:
        cpu = s.get('cpuMsPerQuery', '')
        if k == 'parleyHttp':  # the server's CPU per request over the measured seconds, when known
            cpu = f"{cpu} (server)" if cpu else '(server: see below)'
        print(f"| {label} | {s['clients']} | {s['queries']} | {s['qps']:.1f} | {s['p50']:.2f} | {s['p95']:.2f} | "
              f"{s['p99']:.2f} | {s['errors']} | {cpu} |")
if q.get("httpLoadGenerator"):
    gen = q["httpLoadGenerator"]
    print(f"\nHTTP load generator: {gen}" + (f" (`wrk -c CLIENTS`, {r['config'].get('httpSeconds')} s measured per client count "
          f"after {r['config'].get('warmupSeconds')} s of warm-up; 'queries run' = requests answered)" if gen == "wrk" else
          " (a separate JVM)") + ".")
if q.get("server"):
    m = q["server"]
    print(f"\nServer (`-Xmx{r['config']['serverHeap']}`): heap used after the load {m.get('heapUsedAfterLoadMb')} MB, "
          f"live heap after a full GC {m.get('heapLiveAfterFullGcMb')} MB, peak RSS {m.get('peakRssMb')} MB"
          + (f", server CPU {m['serverCpuMsPerRequest']} ms per request" if 'serverCpuMsPerRequest' in m else "") + ".")
if q.get("ratios"):
    print("\n| parley / SQLite (x faster) | clients | p50 | p95 | p99 | QPS | CPU per query |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for x in q["ratios"]:
        side = "in-process" if x["parley"] == "parleyInProcess" else "over HTTP"
        print(f"| parley {side} vs SQLite | {x['clients']} | {x['p50_sqliteOverParley']}x | {x['p95_sqliteOverParley']}x | "
              f"{x['p99_sqliteOverParley']}x | {x['qps_parleyOverSqlite']}x | "
              f"{str(x['cpuPerQuery_sqliteOverParley']) + 'x' if 'cpuPerQuery_sqliteOverParley' in x else ''} |")
print(f"\nQuery mix: {json.dumps(r['queryMix']['kinds'])}; filters: {json.dumps(r['queryMix']['filters'])}.")
