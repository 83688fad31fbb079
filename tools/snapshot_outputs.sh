#!/usr/bin/env bash
# Record what 44 xlate commands print (stdout, stderr, exit status) in a scratch copy of this
# repository, so that a refactoring can be shown to change no output:
#
#   tools/snapshot_outputs.sh .venv/bin/xlate /tmp/before     # on the old commit
#   tools/snapshot_outputs.sh .venv/bin/xlate /tmp/after      # on the new one
#   diff -r /tmp/before /tmp/after                             # nothing: nothing changed
set -u
X=$(realpath "$1"); OUT=$(realpath -m "$2")
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
rm -rf "$OUT"; mkdir -p "$OUT"
cp -r "$repo"/{glossary,seeds,locales,pyproject.toml} "$work"/ && find "$work" -name "*.mo" -delete
cd "$work" || exit 2
n=0
run() {
  n=$((n+1)); "$X" "$@" > "$OUT/$n.out" 2> "$OUT/$n.err"; echo "rc=$?" > "$OUT/$n.rc"
  echo "$*" > "$OUT/$n.cmd"
}
run ci
for f in text json sarif github junit; do
  run lint --no-baseline --format $f; run check --format $f; run glossary validate --format $f
  run ci --format $f
done
run lint
run glossary show "Lee Jae Myung"; run glossary show 위성락; run glossary list
run glossary list --format json
run glossary export --format tbx; run glossary export --format tbx2
run glossary export --format csv --locale ko; run glossary export --format json
run rule; run rule T103; run stats; run extract --check; run update --check
run compile; run render ko; run render fr ians-defence-body --format md; run render ja --format html
run report --html report.html; cp report.html "$OUT/report.html"
printf 'President Lee Jae-myung met Mark Rute.\nThe defence ministry and Yi Jae-myeong.\n' > in.txt
run lint in.txt; run lint --fix --diff in.txt
run init de; cp locales/de/LC_MESSAGES/articles.po "$OUT/de.po"
run glossary import /dev/null
echo "$n commands recorded in $OUT"
