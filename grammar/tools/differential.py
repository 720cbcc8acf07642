#!/usr/bin/env python3
"""Differential test of the tree-sitter grammar against the Rust parser.

Mutates the example and test_data files and tree-sitter-vpc/test/parse/*/*.vpc
(deletes, inserts, replaces and copies tokens: keywords, braces, line breaks, bad
escapes, percentages and stray `%`, junk), then asks both parsers
whether each mutant has a syntax error: `vpc check --format json` (code
`syntax-error`) and `tree-sitter parse` (an ERROR or MISSING node). Prints every
mutant on which they disagree and exits 1 if there is one.

The two rules the Rust crate checks after parsing (a missing title, an item in the
wrong block) are not counted: the tree-sitter grammar leaves them to the language
server (README.md, "Divergences").

usage: differential.py VPC_BINARY [SEED [COUNT [MAX_EDITS]]]   (defaults: 1 300 3)
"""
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

GRAMMAR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(GRAMMAR)
TS_DIR = os.path.join(GRAMMAR, 'tree-sitter-vpc')

TOKEN = re.compile(r'//[^\n]*|"(?:[^"\\\n]|\\.)*"?|[A-Za-z_][A-Za-z0-9_-]*|[0-9]+(?:\.[0-9]+)?%?|\s+|.', re.S)
FRAGMENTS = ['job', 'pain', 'gain', 'outcome', 'product', 'reliever', 'creator', 'canvas', 'segment',
             'value-map', '{', '}', '[', ']', ':', ',', '\n', '\n', ' ', 'x', '"t"', '9', '9am', '//c\n',
             '"\\q"', '"\\u{41}"', '"\\u{D800}"', '\r\n', '\r', 'kind', 'relieves', 'job:', '@', 'é', '"',
             '\t', '1.5', '1.', '\ufeff', '\n  job x "t"\n', '\nsegment s "S" {\n', 'value-map {',
             '%', ' %', '85%', '8.5%', '%%', 'when: before', 'aspect: social']
STRUCTURAL = re.compile(r'expected a title in quotes after|belongs in a `')


def mutate(text, rng, max_edits):
    tokens = TOKEN.findall(text)
    for _ in range(rng.randint(1, max_edits)):
        if not tokens:
            break
        i = rng.randrange(len(tokens))
        op = rng.random()
        if op < 0.3:
            del tokens[i]
        elif op < 0.6:
            tokens.insert(i, rng.choice(FRAGMENTS))
        elif op < 0.8:
            tokens[i] = rng.choice(FRAGMENTS)
        else:
            tokens.insert(rng.randrange(len(tokens)), tokens[i])
    return ''.join(tokens)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    vpc = os.path.abspath(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    max_edits = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    rng = random.Random(seed)
    seeds = sorted(glob.glob(f'{ROOT}/examples/*.vpc') + glob.glob(f'{ROOT}/crates/vpc-syntax/test_data/*/*.vpc')
                   + glob.glob(f'{TS_DIR}/test/parse/*/*.vpc'))
    texts = [open(f, encoding='utf-8').read() for f in seeds]
    work = tempfile.mkdtemp(prefix='vpc-differential-')
    try:
        cases = {}
        for n in range(count):
            text = rng.choice(texts)
            if rng.random() < 0.5:  # a window of a few lines keeps a failing case short
                lines = text.splitlines(keepends=True)
                a = rng.randrange(len(lines))
                text = ''.join(lines[a:a + rng.randint(3, 12)])
            path = os.path.join(work, f'case{n:04}.vpc')
            with open(path, 'w', encoding='utf-8', newline='') as f:
                f.write(mutate(text, rng, max_edits))
            cases[path] = open(path, encoding='utf-8', newline='').read()
        out = subprocess.run([vpc, 'check', '--format', 'json', work], capture_output=True, text=True).stdout
        rust = {}
        for f in json.loads(out)['files']:
            messages = [d['message'] for d in f['diagnostics'] if d['code'] == 'syntax-error']
            rust[os.path.abspath(f['path'])] = [m for m in messages if not STRUCTURAL.search(m)]
        differences = 0
        for path in sorted(cases):
            if path not in rust:
                continue
            tree = subprocess.run(['tree-sitter', 'parse', path], capture_output=True, text=True, cwd=TS_DIR).stdout
            ts_error = bool(re.search(r'\((ERROR|MISSING)', tree))
            if bool(rust[path]) != ts_error:
                differences += 1
                print('=' * 70)
                print(f'{os.path.basename(path)}: syntax error for {"Rust" if rust[path] else "tree-sitter"} only')
                print(cases[path])
                print('Rust:', rust[path][:3])
        print(f'{differences} differences in {len(cases)} mutants (seed {seed})')
        sys.exit(1 if differences else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
