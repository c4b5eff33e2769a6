#!/usr/bin/env python3
"""The lesson format's JSON Schema (docs/lesson.schema.json), checked with a real validator
(Debian's python3-jsonschema): the schema is a valid draft 2020-12 schema, every shipped lesson
passes it, and malformed lessons fail it -- and fail `gradlab-cli lesson check` too, so the schema
and the app's own reader agree on what a lesson is.
  python3 tests/lessons/check_lesson_schema.py GRADLAB_CLI [NODE]
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

from jsonschema import Draft202012Validator

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), '..', '..'))
STEP = {'text': 'A step.', 'open': {'tab': 'calculators'}}
NUMBER = {'kind': 'number', 'prompt': 'p', 'hint': 'h', 'explanation': 'e', 'answer': 1}
CHOICE = {'kind': 'choice', 'prompt': 'p', 'hint': 'h', 'explanation': 'e', 'choices': ['a', 'b'], 'answer': 'a'}
PREDICT = {'kind': 'predict', 'prompt': 'p', 'explanation': 'e', 'choices': ['up', 'down'], 'run': {'train': '1'}}


def lesson(*steps, **top):
    return {'title': 'T', 'steps': list(steps), **top}


def with_question(question):
    return lesson({**STEP, 'question': question})


BROKEN = {
    'no title': {'steps': [STEP]},
    'no steps': {'title': 'T', 'steps': []},
    'an unknown lesson field': lesson(STEP, author='me'),
    'a step without text': lesson({'open': {'tab': 'train'}}),
    'an unknown step field': lesson({**STEP, 'hilite': 'x'}),
    'a setting that is a list': lesson({'text': 't', 'open': {'tab': ['train']}}),
    'a step that opens a lesson': lesson({'text': 't', 'open': {'lesson': '2'}}),
    'a question of an unknown kind': with_question({**NUMBER, 'kind': 'essay'}),
    'a number with answer and compute': with_question({**NUMBER, 'compute': 'conv_output'}),
    'a number with neither answer nor compute': with_question({k: v for k, v in NUMBER.items() if k != 'answer'}),
    'a number without a hint': with_question({k: v for k, v in NUMBER.items() if k != 'hint'}),
    'a negative tolerance': with_question({**NUMBER, 'tolerance': -1}),
    'a choice without its answer': with_question({k: v for k, v in CHOICE.items() if k != 'answer'}),
    'one choice only': with_question({**CHOICE, 'choices': ['a']}),
    'the same choice twice': with_question({**CHOICE, 'choices': ['a', 'a']}),
    'a choice with run': with_question({**CHOICE, 'run': {'train': '1'}}),
    'a prediction with compute': with_question({**PREDICT, 'compute': 'conv_output'}),
    'a question without an explanation': with_question({k: v for k, v in PREDICT.items() if k != 'explanation'}),
}


def main():
    cli = sys.argv[1:]  # the gradlab-cli command (with node before it for the WebAssembly build)
    if not cli:
        sys.exit('usage: check_lesson_schema.py GRADLAB_CLI [...]')
    with open(os.path.join(ROOT, 'docs', 'lesson.schema.json')) as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    failures = []

    shipped = sorted(glob.glob(os.path.join(ROOT, 'assets', 'lessons', '*.json')))
    if not shipped:
        failures.append('no shipped lessons found')
    for path in shipped:
        with open(path) as f:
            errors = [e.message for e in validator.iter_errors(json.load(f))]
        if errors:
            failures.append(f'{os.path.basename(path)} fails the schema: {errors[0]}')

    with tempfile.TemporaryDirectory() as tmp:
        for name, doc in BROKEN.items():
            if validator.is_valid(doc):
                failures.append(f'the schema accepts {name}')
            path = os.path.join(tmp, 'broken.json')
            with open(path, 'w') as f:
                json.dump(doc, f)
            run = subprocess.run(cli + ['lesson', 'check', path], capture_output=True, text=True)
            if run.returncode != 1 or 'broken.json' not in run.stderr:
                failures.append(f'gradlab-cli lesson check accepts {name} (exit {run.returncode}): {run.stdout}{run.stderr}')
        # The parts each kind allows are well formed: the reader and the schema both accept them.
        good = lesson({**STEP, 'question': NUMBER}, {**STEP, 'question': CHOICE}, {**STEP, 'question': PREDICT},
                      {'text': 't', 'open': {'example': 'add-mul'},
                       'question': {**{k: v for k, v in NUMBER.items() if k != 'answer'}, 'compute': 'gradient x', 'tolerance': 0}})
        if not validator.is_valid(good):
            failures.append('the schema refuses a lesson with every kind of question')
        path = os.path.join(tmp, 'good.json')
        with open(path, 'w') as f:
            json.dump(good, f)
        run = subprocess.run(cli + ['lesson', 'check', path], capture_output=True, text=True)
        if run.returncode != 0:
            failures.append(f'gradlab-cli lesson check refuses a lesson with every kind of question: {run.stderr}')

    for f in failures:
        print('FAIL:', f)
    print(f'{len(shipped)} shipped lessons and {len(BROKEN)} malformed ones checked; {len(failures)} problems')
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
