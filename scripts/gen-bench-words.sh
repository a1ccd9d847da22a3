#!/usr/bin/env bash
# Regenerates src/main/resources/org/parley/bench/words.txt, the word list the scale-corpus generator
# (./parley bench corpus) draws its long tail of vocabulary from.
# Source: Debian package wamerican (SCOWL word lists by Kevin Atkinson; permissive licence, see
# /usr/share/doc/wamerican/copyright and the header of the generated file).
# Keeps lower-case alphabetic words of 2-16 letters (no proper nouns, no possessives), sorted.
set -euo pipefail
cd "$(dirname "$0")/.."
WORDS=/usr/share/dict/american-english
[ -f "$WORDS" ] || { echo "install Debian's wamerican first: apt-get install -y wamerican" >&2; exit 1; }
OUT=src/main/resources/org/parley/bench/words.txt
{
  echo "# English word list for the parley benchmark corpus generator."
  echo "# Derived from Debian's wamerican package (SCOWL, Copyright 2000-2011 by Kevin Atkinson)."
  echo "# Permission to use, copy, modify, distribute and sell these word lists, the associated scripts,"
  echo "# the output created from the scripts, and its documentation for any purpose is hereby granted"
  echo "# without fee, provided that the above copyright notice appears in all copies and that both that"
  echo "# copyright notice and this permission notice appear in supporting documentation. Kevin Atkinson"
  echo "# makes no representations about the suitability of this array for any purpose. It is provided"
  echo "# \"as is\" without express or implied warranty."
  echo "# Regenerate with scripts/gen-bench-words.sh (lower-case alphabetic words of 2-16 letters)."
  LC_ALL=C grep -E '^[a-z]{2,16}$' "$WORDS" | LC_ALL=C sort -u
} > "$OUT"
echo "wrote $OUT: $(grep -vc '^#' "$OUT") words"
