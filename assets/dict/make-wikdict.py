#!/usr/bin/env python3
"""Builds wikdict-deu-fra.tsv.gz from Debian's FreeDict+WikDict German-French packages.

    apt-get download dict-freedict-deu-fra dict-freedict-fra-deu
    for f in dict-freedict-*.deb; do dpkg-deb -x "$f" wikdict; done
    python3 assets/dict/make-wikdict.py wikdict/usr/share/dictd assets/dict/wikdict-deu-fra.tsv.gz

Each line of the output is a German word, a tab, and its French translations separated by tabs
(both dictionaries folded into the German-to-French direction). Only one-word headwords and
translations of at most three words are kept: Tandem compares words, not phrases. The output is
CC BY-SA 3.0 like its source (see README.md).
"""
import gzip
import re
import sys

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def number(s):
    n = 0
    for c in s:
        n = n * 64 + B64.index(c)
    return n


def entries(prefix):
    """The text of each entry of a dictd dictionary (`.index` and `.dict.dz`)."""
    data = gzip.open(prefix + ".dict.dz").read()
    with open(prefix + ".index", encoding="utf-8") as index:
        for line in index:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or parts[0].startswith("00database"):
                continue
            at, size = number(parts[1]), number(parts[2])
            yield data[at:at + size].decode("utf-8", "replace")


def read(entry):
    """Headword and translations: the numbered lines (`1. glacier, névé`), else the first line
    under the headword; the lines between them are definitions in the source language."""
    lines = entry.split("\n")
    head = re.split(r" /| <", lines[0])[0].strip()
    body = lines[1:]
    numbered = [re.sub(r"^\d+\. ", "", l) for l in body if re.match(r"^\d+\. ", l)]
    chosen = numbered or body[:1]
    out = []
    for line in chosen:
        for t in line.split(","):
            t = re.sub(r"\s*\d+\.\s*$", "", t).strip()
            if t and len(t.split()) <= 3:
                out.append(t)
    return head, out


def main():
    folder, target = sys.argv[1], sys.argv[2]
    table = {}
    for name, reverse in (("freedict-deu-fra", False), ("freedict-fra-deu", True)):
        for entry in entries(f"{folder}/{name}"):
            head, translations = read(entry)
            if not head:
                continue
            if reverse:
                for t in translations:
                    if " " not in t:
                        table.setdefault(t, []).append(head)
            elif " " not in head:
                table.setdefault(head, []).extend(translations)
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=9) as out:
        for head in sorted(table):
            seen = []
            for t in table[head]:
                if t != head and t not in seen:
                    seen.append(t)
            if seen:
                out.write(head + "\t" + "\t".join(seen[:12]) + "\n")


if __name__ == "__main__":
    main()
