#!/usr/bin/python3
"""Writes the characters the Korean font subset must have: every character of the Korean
catalogue and of the lessons' Korean text, the 2,350 common syllables of KS X 1001 (what a
student is likely to type) and the compatibility jamo an input method shows while composing.

    korean_glyphs.py OUT.txt po/ko.po assets/lessons/*.json
"""
import json
import sys


def strings_in(value):
    """Every string inside a JSON value, joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ''.join(strings_in(v) for v in value)
    if isinstance(value, dict):
        return ''.join(strings_in(v) for v in value.values())
    return ''


def main():
    out, sources = sys.argv[1], sys.argv[2:]
    chars = set()
    for path in sources:
        with open(path, encoding='utf-8') as f:
            text = strings_in(json.load(f)) if path.endswith('.json') else f.read()
        chars.update(c for c in text if ord(c) >= 0x1100)  # what the Latin UI font lacks
    # KS X 1001's 2,350 syllables are exactly those EUC-KR encodes in two bytes.
    chars.update(chr(c) for c in range(0xAC00, 0xD7A4) if len(chr(c).encode('euc_kr')) == 2)
    chars.update(chr(c) for c in range(0x3131, 0x318F))  # ㄱ ... ㅣ
    with open(out, 'w', encoding='utf-8') as f:
        f.write(''.join(sorted(chars)))


if __name__ == '__main__':
    main()
