#!/usr/bin/env python3
"""Builds the Latin-script tables of assets/dict from Debian's FreeDict+WikDict packages.

    apt-get download dict-freedict-deu-fra dict-freedict-fra-deu \
        dict-freedict-fra-fin dict-freedict-fin-eng dict-freedict-eng-fin \
        dict-freedict-fra-pol dict-freedict-pol-eng dict-freedict-fra-ell dict-freedict-ell-eng
    for f in dict-freedict-*.deb; do dpkg-deb -x "$f" wikdict; done
    python3 assets/dict/make-wikdict.py wikdict/usr/share/dictd assets/dict

wikdict-deu-fra.tsv.gz: a German word, a tab, and its French translations separated by tabs
(German-French and French-German folded into one direction).
wikdict-fra-eng.tsv.gz: a French word and its English translations. WikDict has no
French-English dictionary, so the pairs are found through three other languages (French to
Finnish, Polish and Greek, and each of them to English), and a pair is kept only when at least
two of the three lead to it: one path alone is too often a false friend of the middle language.
Only one-word headwords and translations of at most three words are kept: Tandem compares
words, not phrases. The output is CC BY-SA 3.0 like its sources (see README.md).
"""
import gzip
import io
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


def pairs(folder, name, reverse=False):
    """(headword, translation) of a dictionary, or (translation, headword) when `reverse`."""
    for entry in entries(f"{folder}/{name}"):
        head, translations = read(entry)
        for t in translations if head else ():
            yield (t, head) if reverse else (head, t)


def write(table, target):
    # No time stamp in the gzip header: the same sources give the same bytes.
    raw = gzip.GzipFile(target, "wb", compresslevel=9, mtime=0)
    with io.TextIOWrapper(raw, encoding="utf-8") as out:
        for head in sorted(table):
            seen = []
            for t in table[head]:
                if t != head and t not in seen:
                    seen.append(t)
            if seen:
                out.write(head + "\t" + "\t".join(seen[:12]) + "\n")


def one_word(head):
    return " " not in head


def main():
    folder, target = sys.argv[1], sys.argv[2]
    german = {}
    for head, t in list(pairs(folder, "freedict-deu-fra")) + list(pairs(folder, "freedict-fra-deu", True)):
        if one_word(head):
            german.setdefault(head, []).append(t)
    write(german, f"{target}/wikdict-deu-fra.tsv.gz")
    paths = {}
    for middle in ("fin", "pol", "ell"):
        to_middle = {}
        for head, t in pairs(folder, f"freedict-fra-{middle}"):
            if one_word(head):
                to_middle.setdefault(head, set()).add(t)
        to_english = {}
        for head, t in pairs(folder, f"freedict-{middle}-eng"):
            to_english.setdefault(head, set()).add(t)
        if middle == "fin":
            for head, t in pairs(folder, "freedict-eng-fin", True):
                to_english.setdefault(head, set()).add(t)
        for french, words in to_middle.items():
            for word in words:
                for english in to_english.get(word, ()):
                    if len(english.split()) <= 3:
                        paths.setdefault((french, english), set()).add(middle)
    french = {}
    for (head, english), through in sorted(paths.items()):
        if len(through) >= 2:
            french.setdefault(head, []).append(english)
    write(french, f"{target}/wikdict-fra-eng.tsv.gz")


if __name__ == "__main__":
    main()
