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
import re
import subprocess
import sys

HANGUL = re.compile(r'[\uac00-\ud7a3]')
# What the glossary's notes rule out, with the English that makes the word right after all.
RULED_OUT = {'regularization': ('정규화', 'normaliz'), 'gradient': ('그래디언트', None), 'reset': ('초기화', 'initiali')}


# The glossary's shorthand "input / hidden / output layer" means "input layer", "hidden layer",
# "output layer": a last word from this list is shared by the single words before it.
SHARED_LAST_WORDS = {'layer', 'gradient', 'decay', 'variation', 'regularization', '규제', '감쇠'}


def split_terms(cell, share):
    """'epoch / step (iteration)' -> ['epoch', 'step']; notes in parentheses are dropped."""
    cell = re.sub(r'\([^)]*\)', '', cell)
    terms = []
    for group in re.split(r'; |, ', cell):
        alternatives = [t.strip().lower() for t in group.split(' / ') if t.strip()]
        last = alternatives[-1].split(' ') if alternatives else []
        if share and len(last) > 1 and last[-1] in SHARED_LAST_WORDS:
            alternatives = [a if ' ' in a or a == last[0] else f'{a} {last[-1]}' for a in alternatives[:-1]] + alternatives[-1:]
        terms += alternatives
    return terms


def korean_alternatives(cell, count, share):
    """Per English term, the Korean words that may translate it: the main word, and the forms a
    note allows ('noun: 학습', 'short labels: 상류 / 하류 기울기'). None when the row does not pair
    up, or its Korean is an explanation rather than a term."""
    main = split_terms(cell, share)
    if len(main) != count or any(m.count(' ') >= 3 for m in main):
        return None
    alternatives = [{re.sub(r'(시키)?다$', '', m) or m} for m in main]  # a verb matches by its stem
    for note in re.findall(r'\(([^)]*)\)', cell):
        allowed = re.match(r'\s*(noun|short labels):\s*(.*)', note)
        if allowed:
            forms = [f.strip().lower() for f in allowed.group(2).split(' / ')]
            for i, form in enumerate(forms if len(forms) == count else forms[:1] * count):
                alternatives[i].add(form.split(' ')[0])
    return alternatives


def read_glossary(path):
    """{english term: set of Korean words} for words anywhere, and for the app's labels (which match
    only a label that is that word)."""
    terms, labels = {}, {}
    section = ''
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('## '):
                section = line[3:].strip().lower()
            cells = [c.strip() for c in line.strip().strip('|').split('|')]
            if len(cells) != 2 or not HANGUL.search(cells[1]):
                continue
            share = "app's own words" not in section
            english = split_terms(cells[0], share)
            korean = korean_alternatives(cells[1], len(english), share)
            if korean is None:
                continue
            for term, words in zip(english, korean):
                (terms if share else labels).setdefault(term, set()).update(words)
    return terms, labels


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
