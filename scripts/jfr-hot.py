#!/usr/bin/env python3
"""Summarises JFR execution samples: top self frames and inclusive time of org.parley frames.
Usage: jfr print --stack-depth 64 --events jdk.ExecutionSample rec.jfr | scripts/jfr-hot.py [N]"""
import collections, re, sys
n_top = int(sys.argv[1]) if len(sys.argv) > 1 else 15
events = sys.stdin.read().split('jdk.ExecutionSample')
top, incl, lines = collections.Counter(), collections.Counter(), collections.Counter()
for e in events:
    frames = re.findall(r'^\s+([\w.$<>]+)\(.*?line: (\d+)', e, re.M)
    if not frames:
        continue
    top[frames[0][0]] += 1
    for f in set(f for f, _ in frames):
        incl[f] += 1
    for f, l in frames:
        if 'org.parley' in f:
            lines[f + ':' + l] += 1
            break
n = sum(top.values()) or 1
print("samples", n)
for f, c in top.most_common(n_top):
    print("self %5.1f%% %s" % (100 * c / n, f))
for f, c in incl.most_common(200):
    if 'org.parley' in f:
        print("incl %5.1f%% %s" % (100 * c / n, f))
for f, c in lines.most_common(n_top):
    print("line %5.1f%% %s" % (100 * c / n, f))
