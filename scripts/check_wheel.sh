#!/usr/bin/env bash
# Build zhreader's wheel, install it into a fresh venv outside the checkout, and
# build the example with it; its editions must equal the checkout's byte for byte.
# Usage: scripts/check_wheel.sh [CHECKOUT_ZHREADER]  (default: .venv/bin/zhreader)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
checkout_zhreader="$(realpath "${1:-$repo/.venv/bin/zhreader}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m pip wheel --quiet --no-deps --wheel-dir "$work/dist" "$repo"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "$work"/dist/zhreader-*.whl
"$work/venv/bin/pip" install --quiet --no-deps argostranslate==1.11.0
# grep without -q reads the whole listing: -q would stop early and, under
# pipefail, unzip's broken pipe would fail the check.
unzip -l "$work"/dist/zhreader-*.whl | grep "zhreader/glossary.tsv" >/dev/null \
  || { echo "check_wheel: glossary.tsv is not in the wheel" >&2; exit 1; }

# Outside the checkout: nothing can be found through the repository's folders.
cp "$repo/examples/linxiang-2020-04.txt" "$work/"
cd "$work"
"$work/venv/bin/zhreader" glossary check
"$work/venv/bin/zhreader" build linxiang-2020-04.txt --out from-wheel
"$checkout_zhreader" build linxiang-2020-04.txt --out from-checkout
diff -r from-wheel from-checkout
echo "check_wheel: the wheel builds the example, byte-identical to the checkout"
