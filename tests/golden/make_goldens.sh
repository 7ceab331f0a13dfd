#!/usr/bin/env bash
# Regenerate the golden expectations in tests/golden/ by running the OFFICIAL workbook's own
# VBA checks headless (LibreOffice) via the shared oracle (see ../shared/tools/official-checker/README.md).
#
# SLOW: about 30-60 s per fixture (LibreOffice start + ~1.5-2 s per applicant row), ~5 min in total.
# NOT part of the test suite. Runs the fixtures one after another: the oracle instances share one
# LibreOffice profile (/tmp/lo/profile) and must not run in parallel.
#
# Needs: /usr/bin/python3 with python3-uno, libreoffice-calc (see the oracle README for apt-get).
#
# Usage (from anywhere):   tests/golden/make_goldens.sh [fixture ...]
#   default: all fixtures. Inputs are the committed tests/golden/<name>.rows.json files; outputs are
#   tests/golden/<name>.oracle.json and, for the *_clean fixtures, the upload files in tests/data/upload/.
# Environment overrides:
#   OFFICIAL_DIR  directory with the official workbooks   (default: <repo>/../shared/official)
#   ORACLE        path of oracle.py                       (default: <repo>/../shared/tools/official-checker/oracle.py)
#   PY            interpreter with python3-uno            (default: /usr/bin/python3)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
cd "$REPO"
OFFICIAL_DIR="${OFFICIAL_DIR:-../shared/official}"
ORACLE="${ORACLE:-../shared/tools/official-checker/oracle.py}"
PY="${PY:-/usr/bin/python3}"
V='特定技能 Specified Skilled Worker'
P='留学 Student'
N="技術・人文知識・国際業務，特定活動（本邦大卒者） Engineer,Humanities specialist,Int'l Services/Designated Activities（No.４６）"
T='日本人の配偶者等 Spouse or Child of Japanese National'

# name | workbook | menu status (在留資格) | upload file written by the official export ("" = none)
FIXTURES=(
  "henkou_v|henkou_2026-04-01.xlsm|$V|"
  "henkou_v_clean|henkou_2026-04-01.xlsm|$V|tests/data/upload/SA_03_002_05V1_ver001.csv"
  "henkou_p|henkou_2026-04-01.xlsm|$P|"
  "koushin_v|koushin_2026-02-27.xlsm|$V|"
  "koushin_v_clean|koushin_2026-02-27.xlsm|$V|tests/data/upload/SA_03_003_04V1_ver001.csv"
  "nintei_v|nintei_2026-04-01.xlsm|$V|"
  "nintei_v_clean|nintei_2026-04-01.xlsm|$V|tests/data/upload/SA_03_001_01V1_ver001.csv"
  "henkou_n|henkou_2026-04-01.xlsm|$N|"
  "koushin_t|koushin_2026-02-27.xlsm|$T|"
)
# koushin_ssw_mistakes.oracle.json (no rows file): the mistakes sample, run with
#   oracle.py ../shared/official/koushin_2026-02-27.xlsm --from-workbook sample_workbooks/koushin_ssw_mistakes.xlsx \
#       --status "$V" --json tests/golden/koushin_ssw_mistakes.oracle.json

want=("$@")
failed=()
for spec in "${FIXTURES[@]}"; do
  IFS='|' read -r name wb status out <<<"$spec"
  if [ ${#want[@]} -gt 0 ] && [[ ! " ${want[*]} " == *" $name "* ]]; then
    continue
  fi
  args=("$OFFICIAL_DIR/$wb" --status "$status" --rows "tests/golden/$name.rows.json" --json "tests/golden/$name.oracle.json")
  if [ -n "$out" ]; then
    rm -f "$out"
    args+=(--out "$out")
  fi
  echo "== $name ($wb, $status)" >&2
  if ! "$PY" "$ORACLE" "${args[@]}" >/dev/null; then
    echo "   FAILED: $name" >&2
    failed+=("$name")
    continue
  fi
  "$PY" - "tests/golden/$name.oracle.json" <<'EOF' >&2
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
print(f"   errors: {len(d['errors'])}  upload_file: {d['upload_file']}  timing: {d['timing_s']}")
EOF
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed fixtures: ${failed[*]}" >&2
  exit 1
fi
