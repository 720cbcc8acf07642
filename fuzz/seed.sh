#!/usr/bin/env bash
# Seed the corpus of every fuzz target with the examples and every `.vpc` file of the
# crates' test data; for `diff` also with every ordered pair of examples, joined by a
# NUL byte (old version, NUL, new version: see fuzz_targets/diff.rs).
#
#   fuzz/seed.sh            # into fuzz/corpus/<target>/
#   fuzz/seed.sh DIR        # into DIR/<target>/ (what crates/vpc-cli/tests/fuzz.rs does)
#
# Existing inputs are kept; seeds are named `seed_<path>`, so seeding twice is harmless.
set -euo pipefail

fuzz=$(cd "$(dirname "$0")" && pwd)
repository=$(dirname "$fuzz")
out=${1:-$fuzz/corpus}
targets=(check format lsp_edits render diff)

cd "$repository"
mapfile -t examples < <(find examples -maxdepth 1 -name '*.vpc' | sort)
mapfile -t seeds < <({ printf '%s\n' "${examples[@]}"; find crates/*/test_data -name '*.vpc'; } | sort)
if [ "${#examples[@]}" -eq 0 ] || [ "${#seeds[@]}" -le "${#examples[@]}" ]; then
  echo "seed.sh: no examples or test data found under $repository" >&2
  exit 1
fi

name() { printf 'seed_%s' "${1//\//_}"; }

for target in "${targets[@]}"; do
  mkdir -p "$out/$target"
  for file in "${seeds[@]}"; do
    cp "$file" "$out/$target/$(name "$file")"
  done
done
for old in "${examples[@]}"; do
  for new in "${examples[@]}"; do
    { cat "$old"; printf '\0'; cat "$new"; } > "$out/diff/$(name "$old")_$(name "$new")"
  done
done
echo "seeded ${#seeds[@]} files into each of ${targets[*]} in $out (and ${#examples[@]}x${#examples[@]} pairs into diff)"
