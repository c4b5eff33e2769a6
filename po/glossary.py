#!/usr/bin/python3
"""Reads the Korean glossary (docs/glossary-ko.md): its tables pair English terms with the one
Korean word for each. Used by tests/python/check_glossary.py (a translation must use the word)
and by the build, which writes the table the app's "terms" mode glosses with:

    po/glossary.py --terms OUT.tsv docs/glossary-ko.md     (Korean<TAB>English, longest first)
"""
import re
import sys

HANGUL = re.compile(r'[\uac00-\ud7a3]')
# The glossary's shorthand "input / hidden / output layer" means "input layer", "hidden layer",
# "output layer": a last word from this list is shared by the single words before it.
SHARED_LAST_WORDS = {'layer', 'gradient', 'decay', 'variation', 'regularization', '규제', '감쇠'}


def split_terms(cell, share, lower=True):
    """'epoch / step (iteration)' -> ['epoch', 'step']; notes in parentheses are dropped."""
    cell = re.sub(r'\([^)]*\)', '', cell)
    terms = []
    for group in re.split(r'; |, ', cell):
        alternatives = [t.strip().lower() if lower else t.strip() for t in group.split(' / ') if t.strip()]
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


def gloss_table(path):
    """(Korean word, English term) for the terms mode: the glossary's main word for each term
    (not its verbs or explanations), longest Korean first so 학습률 스케줄 is glossed before 학습률."""
    pairs, section = {}, ''
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('## '):
                section = line[3:].strip().lower()
            cells = [c.strip() for c in line.strip().strip('|').split('|')]
            if len(cells) != 2 or not HANGUL.search(cells[1]) or "app's own words" in section:
                continue
            english, korean = split_terms(cells[0], True, lower=False), split_terms(cells[1], True, lower=False)
            if len(english) != len(korean):
                continue
            for en, ko in zip(english, korean):
                if HANGUL.search(ko) and not ko.endswith('다') and ko.count(' ') < 3 and ko not in pairs and ko.lower() != en.lower():
                    pairs[ko] = en
    return sorted(pairs.items(), key=lambda p: -len(p[0]))


if __name__ == '__main__':
    if len(sys.argv) != 4 or sys.argv[1] != '--terms':
        sys.exit('usage: po/glossary.py --terms OUT.tsv docs/glossary-ko.md')
    with open(sys.argv[2], 'w', encoding='utf-8') as out:
        for ko, en in gloss_table(sys.argv[3]):
            out.write(f'{ko}\t{en}\n')
