#!/usr/bin/python3
"""Checks a catalogue against the Korean glossary (docs/glossary-ko.md): wherever an English
term of the glossary appears in a source string, its translation must use the glossary's
Korean word (one word per idea), and never a word the glossary rules out (정규화 for
regularization, 그래디언트 for gradient, 초기화 for Reset).

    check_glossary.py docs/glossary-ko.md po/ko.po

Terms match as whole words, plurals too. The "app's own words" (Start, Reset, ...) match only a
label that is that word. A translator comment "# glossary: not TERM" on an entry says the word
means something else there (a lesson's "step" is a 단계, not a training step).
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'po'))
from glossary import read_glossary  # noqa: E402  (the glossary's tables, shared with the build)

# What the glossary's notes rule out, with the English that makes the word right after all.
RULED_OUT = {'regularization': ('정규화', 'normaliz'), 'gradient': ('그래디언트', None), 'reset': ('초기화', 'initiali')}

def read_catalogue(path):
    """(msgid, msgstr, translator comments) of each translated entry."""
    text = subprocess.run(['msgattrib', '--no-obsolete', '--no-wrap', '--translated', path], capture_output=True, text=True,
                          check=True).stdout
    entries = []
    for block in text.split('\n\n'):
        msgid = re.search(r'^msgid "(.*)"$', block, re.M)
        msgstr = re.search(r'^msgstr "(.*)"$', block, re.M)
        if msgid and msgstr and msgid.group(1):
            comments = ' '.join(re.findall(r'^# (.*)$', block, re.M))
            entries.append((msgid.group(1), msgstr.group(1), comments))
    return entries


def main():
    glossary, catalogue = sys.argv[1], sys.argv[2]
    terms, labels = read_glossary(glossary)
    problems = []
    for msgid, msgstr, comments in read_catalogue(catalogue):
        source = msgid.lower()
        label = re.sub(r'^[^a-z]+|[^a-z]+$', '', source)
        skipped = set(re.findall(r'glossary: not ([\w -]+?)(?:\s*\(|$|;)', comments))
        checks = [(term, korean, re.search(r'(?<![\w-])' + re.escape(term) + r'(s|es)?(?![\w-])', source)) for term, korean in terms.items()]
        checks += [(term, korean, label == term) for term, korean in labels.items()]
        for term, korean, hit in checks:
            if term in skipped:
                continue
            if hit and not any(k in msgstr.lower() for k in korean):
                problems.append(f'"{msgid}": "{term}" should be {" or ".join(sorted(korean))}, not "{msgstr}"')
        for term, (word, unless) in RULED_OUT.items():
            if term in source and word in msgstr and not (unless and unless in source):
                problems.append(f'"{msgid}": "{word}" is not the glossary\'s word for "{term}" ("{msgstr}")')
    print(f'{len(terms) + len(labels)} glossary terms checked against {catalogue}')
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
