#!/bin/bash
# Recall and precision of asepsis, Cppcheck and the Clang Static Analyzer on
# testdata/flow-eval (Juliet-style: *_bad_* functions hold one defect each,
# *_good_* functions none). A finding counts when its tool's category matches
# the function's CWE. Not part of the test suite.
#
# usage: ASEPSIS=build/driver/asepsis scripts/bench/flow_eval.sh
set -u
SRC=$(cd "$(dirname "$0")/../.." && pwd)
ASEPSIS=${ASEPSIS:-$SRC/build/driver/asepsis}
CLANG=${CLANG:-clang-19}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
# the exact set (a CTest) plus the known-hard cases, evaluated together
DIR=$OUT/src
mkdir -p "$DIR"
cp "$SRC"/testdata/flow-eval/*.c "$SRC"/testdata/flow-eval-hard/*.c "$DIR"/

cd "$DIR" || exit 1
"$ASEPSIS" check . --no-db --no-progress --no-color --fail-on none 2>/dev/null |
	sed -n 's/^\.\{0,1\}\/\{0,1\}\([^:]*\.c\):\([0-9]*\):[0-9]*: [a-z]*: .*\[\(MDS-[A-Z]*-[0-9]*\)\].*/\1 \2 \3/p' \
	> "$OUT/asepsis.txt"
if command -v cppcheck >/dev/null; then
	cppcheck --quiet --enable=warning,style --inconclusive --template='{file} {line} {id}' \
		./*.c 2> "$OUT/cppcheck.txt" >/dev/null
	sed -i 's|^\./||' "$OUT/cppcheck.txt"
fi
if command -v "$CLANG" >/dev/null; then
	for f in *.c; do
		"$CLANG" --analyze -std=gnu11 -Xanalyzer -analyzer-checker=alpha.security.ArrayBoundV2 \
			-o /dev/null "$f" 2>&1 |
			sed -n 's/^\([^:]*\.c\):\([0-9]*\):[0-9]*: warning: .*\[\([a-zA-Z.0-9]*\)\]$/\1 \2 \3/p'
	done > "$OUT/clang.txt"
fi

python3 - "$DIR" "$OUT" <<'PY'
import os, re, sys
src, out = sys.argv[1], sys.argv[2]
def cat_of_fn(name):
    m = re.match(r'cwe(\d+)_', name)
    return {'476': 'null', '690': 'null', '415': 'dfree', '416': 'uaf', '401': 'leak',
            '775': 'fdleak', '457': 'uninit', '369': 'div0', '129': 'bounds',
            '562': 'stackaddr', '14': 'deadstore'}.get(m.group(1)) if m else None
asepsis = {'MDS-PTR-004': 'null', 'MDS-MEM-004': 'null', 'MDS-MEM-001': 'uaf',
           'MDS-MEM-002': 'dfree', 'MDS-MEM-005': 'leak', 'MDS-FIO-002': 'fdleak',
           'MDS-INIT-001': 'uninit', 'MDS-INT-004': 'div0', 'MDS-BND-007': 'bounds',
           'MDS-MEM-006': 'stackaddr', 'MDS-SEC-002': 'deadstore'}
cppcheck = {'nullPointer': 'null', 'nullPointerRedundantCheck': 'null', 'ctunullpointer': 'null',
            'nullPointerOutOfMemory': 'null', 'nullPointerOutOfResources': 'null',
            'doubleFree': 'dfree', 'deallocuse': 'uaf', 'useAfterFree': 'uaf',
            'memleak': 'leak', 'resourceLeak': 'fdleak', 'uninitvar': 'uninit',
            'legacyUninitvar': 'uninit', 'zerodiv': 'div0', 'zerodivcond': 'div0',
            'arrayIndexOutOfBounds': 'bounds', 'arrayIndexOutOfBoundsCond': 'bounds',
            'bufferAccessOutOfBounds': 'bounds', 'returnDanglingLifetime': 'stackaddr',
            'returnLocalVariable': 'stackaddr', 'returnAddressOfAutoVariable': 'stackaddr'}
def clang_cat(c):
    if c.startswith('core.NullDereference') or c == 'unix.StdCLibraryFunctions': return 'null'
    if c.startswith('core.uninitialized') or c == 'core.CallAndMessage': return 'uninit'
    if c == 'core.DivideZero': return 'div0'
    if c.startswith('core.StackAddress'): return 'stackaddr'
    if 'ArrayBound' in c: return 'bounds'
    if c == 'unix.Stream': return 'fdleak'
    return None
def clang_malloc(line):
    return line
# function ranges
fns = []
for f in sorted(os.listdir(src)):
    if not f.endswith('.c'): continue
    lines = open(os.path.join(src, f)).read().split('\n')
    starts = [(i + 1, m.group(1)) for i, l in enumerate(lines)
              for m in [re.match(r'^\w[\w \*]*\b(cwe\d+_(?:bad|good)_\d+)\(', l)] if m]
    for k, (ln, name) in enumerate(starts):
        end = starts[k + 1][0] - 1 if k + 1 < len(starts) else len(lines)
        fns.append((f, ln, end, name))
def fn_at(f, line):
    for ff, a, b, n in fns:
        if ff == f and a <= line <= b: return n
def load(path, mapper):
    hits = set()
    if not os.path.exists(path): return None
    for l in open(path):
        p = l.split()
        if len(p) < 3: continue
        f, line, idt = os.path.basename(p[0]), int(p[1]), p[2]
        c = mapper(idt)
        n = fn_at(f, line)
        if c and n and c == cat_of_fn(n): hits.add(n)
    return hits
def clang_map(idt):
    if idt == 'unix.Malloc' or idt == 'cplusplus.NewDelete': return 'malloc'
    return clang_cat(idt)
# unix.Malloc covers leak, uaf, double free: attribute it to the function's own category
def load_clang(path):
    hits = set()
    if not os.path.exists(path): return None
    for l in open(path):
        p = l.split()
        if len(p) < 3: continue
        f, line, idt = os.path.basename(p[0]), int(p[1]), p[2]
        n = fn_at(f, line)
        if not n: continue
        c = clang_map(idt)
        if c == 'malloc' and cat_of_fn(n) in ('leak', 'uaf', 'dfree'): hits.add(n)
        elif c and c == cat_of_fn(n): hits.add(n)
    return hits
tools = [('asepsis', load(os.path.join(out, 'asepsis.txt'), lambda i: asepsis.get(i))),
         ('cppcheck', load(os.path.join(out, 'cppcheck.txt'), lambda i: cppcheck.get(i))),
         ('clang --analyze', load_clang(os.path.join(out, 'clang.txt')))]
bad = [n for _, _, _, n in fns if '_bad_' in n]
good = [n for _, _, _, n in fns if '_good_' in n]
print(f"{len(bad)} bad and {len(good)} good functions")
print(f"{'tool':<16} {'TP':>3} {'FN':>3} {'FP':>3} {'recall':>7} {'precision':>9}")
for name, hits in tools:
    if hits is None:
        print(f"{name:<16} (not installed)"); continue
    tp = sum(1 for n in bad if n in hits); fp = sum(1 for n in good if n in hits)
    rec = tp / len(bad) if bad else 0; prec = tp / (tp + fp) if tp + fp else 0
    print(f"{name:<16} {tp:>3} {len(bad)-tp:>3} {fp:>3} {rec:>7.2f} {prec:>9.2f}")
cats = sorted(set(cat_of_fn(n) for n in bad))
print("\nper category (bad functions detected):")
print(f"{'category':<10} {'bad':>4} " + " ".join(f"{t[0][:8]:>8}" for t in tools))
for c in cats:
    b = [n for n in bad if cat_of_fn(n) == c]
    row = " ".join(f"{(sum(1 for n in b if h and n in h)):>8}" for _, h in tools)
    print(f"{c:<10} {len(b):>4} {row}")
PY
