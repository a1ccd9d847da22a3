#!/usr/bin/env python3
"""Regenerates src/main/resources/org/parley/enrich/countries.tsv, the country gazetteer of the enrichment.

usage: scripts/gen-country-gazetteer.py [PATH_TO_world-countries/countries.json]

Sources (real data, not hand-typed):
  * Debian package iso-codes: /usr/share/iso-codes/json/iso_3166-1.json (current countries) and
    iso_3166-3.json (withdrawn names; the successor is the last two letters of alpha_4 when they are a
    current code). Licence: LGPL-2.1+ (the data is a factual list of the ISO 3166 standard).
  * npm package world-countries (mledoze/countries), for common and official names, alternative
    spellings, Latin-script native names, English demonyms and capitals. Licence: ODbL-1.0
    (https://opendatacommons.org/licenses/odbl/1.0/); the generated file is a derived database under ODbL.
    Without an argument the script fetches it with `npm pack world-countries@5.1.0` into a temp folder.

The hand-written, reasoned additions and false friends live in country-overrides.tsv next to the output;
they are applied at load time by CountryGazetteer, not here.

Output: one alias per line, `CODE<TAB>KIND<TAB>ALIAS`, KIND one of name (the display name, first line of
each code), official, alt, native, former, demonym, capital. Aliases that would map to two different
countries ("Congo", "Korea", "Congolese", "Dominican") are dropped: an ambiguous mention names no country.
"""
import json, os, subprocess, sys, tarfile, tempfile, unicodedata
from collections import OrderedDict, defaultdict

ISO1 = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO3 = "/usr/share/iso-codes/json/iso_3166-3.json"
WORLD_COUNTRIES = "world-countries@5.1.0"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources", "org", "parley",
                   "enrich", "countries.tsv")


def load_world_countries(argv):
    if len(argv) > 1:
        with open(argv[1], encoding="utf-8") as f:
            return json.load(f)
    tmp = tempfile.mkdtemp(prefix="world-countries-")
    subprocess.run(["npm", "pack", WORLD_COUNTRIES, "--pack-destination", tmp], check=True,
                   stdout=subprocess.DEVNULL)
    tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")][0]
    with tarfile.open(os.path.join(tmp, tgz)) as t:
        return json.load(t.extractfile("package/countries.json"))


def fold(s):
    """ASCII-folds diacritics ("Côte d'Ivoire" -> "Cote d'Ivoire", "Kâmpŭchéa" -> "Kampuchea")."""
    n = unicodedata.normalize("NFKD", s)
    return "".join(c for c in n if not unicodedata.combining(c))


def latin(s):
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") or not c.isalpha() for c in s)


def uninvert(name):
    """ISO writes "Korea, Republic of" and "Burma, Socialist Republic of the Union of": yield usable forms."""
    if ", " not in name:
        return [name]
    head, tail = name.split(", ", 1)
    forms = [head]
    if tail.endswith(" of") or tail.endswith(" of the"):
        forms.append(tail + " " + head)
    elif tail[:1].isupper() and " of" not in tail and "(" not in tail:
        forms.append(tail)  # "USSR, Union of Soviet Socialist Republics": both halves are names
    return forms


def plural(demonym):
    return demonym if demonym.endswith(("s", "ese", "sh", "x", "z")) else demonym + "s"


def main(argv):
    iso1 = json.load(open(ISO1, encoding="utf-8"))["3166-1"]
    iso3 = json.load(open(ISO3, encoding="utf-8"))["3166-3"]
    world = {c["cca2"]: c for c in load_world_countries(argv)}
    current = {c["alpha_2"] for c in iso1}

    entries = OrderedDict()  # code -> list of (kind, alias)

    def add(code, kind, alias):
        alias = " ".join(alias.split())
        if len(alias) < 2 or not latin(alias):
            return
        for a in dict.fromkeys([alias, fold(alias)]):
            entries.setdefault(code, [])
            if all(a != x for _, x in entries[code]):
                entries[code].append((kind, a))

    for c in sorted(iso1, key=lambda c: c["alpha_2"]):
        code = c["alpha_2"]
        w = world.get(code)
        add(code, "name", w["name"]["common"] if w else c.get("common_name", c["name"]))
        for n in uninvert(c["name"]):
            add(code, "official", n)
        if "official_name" in c:
            add(code, "official", c["official_name"])
        if "common_name" in c:
            add(code, "alt", c["common_name"])
        if not w:
            continue
        add(code, "official", w["name"]["official"])
        for alt in w["altSpellings"]:
            if alt == code or "," in alt or "(" in alt:
                continue  # the bare alpha-2 code and inverted forms are not how prose names a country
            add(code, "alt", alt)
        for native in w["name"].get("native", {}).values():
            add(code, "native", native["common"])
        dem = w.get("demonyms", {}).get("eng", {})
        for form in dict.fromkeys([dem.get("m", ""), dem.get("f", "")]):
            if form:
                add(code, "demonym", form)
                add(code, "demonym", plural(form))
        if w.get("independent") and w.get("unMember"):
            for cap in w.get("capital", []):
                add(code, "capital", cap)

    for c in iso3:
        a4 = c["alpha_4"]
        successor = a4[2:] if a4[2:] in current else (c["alpha_2"] if c["alpha_2"] in current else None)
        if successor is None:
            continue  # dissolved without one successor (USSR, Czechoslovakia): see country-overrides.tsv
        for n in uninvert(c["name"]):
            add(successor, "former", n)

    owners = defaultdict(set)
    for code, aliases in entries.items():
        for _, a in aliases:
            owners[a].add(code)
    ambiguous = {a for a, codes in owners.items() if len(codes) > 1}

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Country gazetteer of parley's enrichment. GENERATED by scripts/gen-country-gazetteer.py: do not edit;\n")
        out.write("# hand-written additions and false friends are in country-overrides.tsv.\n")
        out.write("# Sources: Debian iso-codes (ISO 3166-1 and 3166-3, LGPL-2.1+) and the npm package world-countries 5.1.0\n")
        out.write("# (mledoze/countries, ODbL-1.0, https://opendatacommons.org/licenses/odbl/1.0/). This file is a derived\n")
        out.write("# database and is available under the ODbL-1.0.\n")
        out.write("# Columns: CODE (ISO 3166-1 alpha-2), KIND (name|official|alt|native|former|demonym|capital), ALIAS\n")
        out.write("# Dropped as ambiguous (name two countries): " + ", ".join(sorted(ambiguous)) + "\n")
        for code, aliases in entries.items():
            for kind, a in aliases:
                if a in ambiguous and kind != "name":
                    continue
                out.write(f"{code}\t{kind}\t{a}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
