#!/usr/bin/env bash
# Fresh-machine check: clone the repository into a temporary folder, create a new virtual environment,
# run the README's commands exactly as written (the lines between <!-- commands:start --> and
# <!-- commands:end -->, code fences and comments aside), and print how long each took.
#
#   bash benchmarks/fresh_machine_check.sh [REPO] [--keep] [--report FILE.md]
#
# REPO: what to clone (default: this repository; only committed files travel). The clone has no
# ../shared/corpora next to it, so PROVSUM_CORPORA is set to the source repository's corpora folder
# unless it is already set. pip uses the machine's own configuration (PyPI, or its local mirrors);
# nothing else is fetched. The temporary folder is removed at the end unless --keep is given.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
src=""
keep=0
report=""
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1 ;;
    --report) report="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) src="$1" ;;
  esac
  shift
done
src="${src:-$here}"
[ -n "$report" ] && report="$(realpath -m "$report")"
python="${PYTHON:-python3}"

if [ -z "${PROVSUM_CORPORA:-}" ]; then
  if [ -d "$src/../shared/corpora" ]; then
    export PROVSUM_CORPORA="$(cd "$src/../shared/corpora" && pwd)"
  fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/provsum-fresh.XXXXXX")"
cleanup() { if [ "$keep" = 0 ]; then rm -rf "$work"; else echo "kept: $work"; fi; }
trap cleanup EXIT

echo "== clone $src -> $work/provsum"
git clone --quiet "$src" "$work/provsum"
cd "$work/provsum"
echo "   commit $(git rev-parse --short HEAD)"

# the README's commands: the lines between the markers, without code fences, comments and blank
# lines; a line ending in a backslash continues on the next one
mapfile -t commands < <("$python" - README.md <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
start, end = "<!-- commands:start -->", "<!-- commands:end -->"
if start not in text or end not in text:
    sys.exit(f"README.md: no {start} ... {end} block")
block = text.split(start, 1)[1].split(end, 1)[0]
cmds, cur = [], ""
for line in block.splitlines():
    s = line.strip()
    if not cur and (not s or s.startswith("```") or s.startswith("#")):
        continue
    if s.endswith("\\"):
        cur += s[:-1].rstrip() + " "
        continue
    cmds.append((cur + s).strip())
    cur = ""
if cur:
    cmds.append(cur.strip())
if not cmds:
    sys.exit("README.md: the commands block holds no command")
print("\n".join(cmds))
PY
)

echo "== new virtual environment ($("$python" --version 2>&1))"
"$python" -m venv "$work/venv"
# shellcheck disable=SC1091
source "$work/venv/bin/activate"
echo "   python: $(command -v python)"

names=()
secs=()
codes=()
status=0
for cmd in "${commands[@]}"; do
  echo
  echo "== \$ $cmd"
  t0=$(date +%s.%N)
  set +e
  bash -o pipefail -c "$cmd"
  rc=$?
  set -e
  t1=$(date +%s.%N)
  names+=("$cmd")
  secs+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')")
  codes+=("$rc")
  if [ "$rc" != 0 ]; then
    status=$rc
    echo "== exit code $rc: stopping here"
    break
  fi
done

summary="$(
  echo "Fresh-machine check: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD) of $src,"
  echo "$(nproc) CPUs, $("$python" --version 2>&1), new venv in a temporary folder."
  echo
  echo "| command | exit code | wall time (s) |"
  echo "|---|---:|---:|"
  for i in "${!names[@]}"; do
    echo "| \`${names[$i]}\` | ${codes[$i]} | ${secs[$i]} |"
  done
)"
echo
echo "$summary"
if [ -n "$report" ]; then
  mkdir -p "$(dirname "$report")"
  printf '%s\n' "$summary" > "$report"
  echo "(written to $report)"
fi
exit "$status"
