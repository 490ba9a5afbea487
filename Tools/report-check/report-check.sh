#!/bin/sh
# make report-check: renders the bundled scenarios' report.html, and the proposal report of the 2026 round,
# in a real browser (headless Chromium)
# to PNG, and fails on a broken page: a console error or failed load, a reference to anything outside
# the page, or an image that is nearly all white. The PNGs stay in .build/report-check for a look.
# The Vietnamese workbooks (Phan Rang's run and the 2026 proposal) are read back by workbook_check.py and fail
# on English sheet names or values, duplicate headers, JSON in a cell or a plan sheet without members.
set -eu
out=.build/report-check
rm -rf "$out" && mkdir -p "$out"
mergersim=.build/debug/mergersim
[ -x "$mergersim" ] || swift build --product mergersim
status=0
check() {  # check NAME SCENARIO LANG RUNS: the report.html of `simulate` (and in Vietnamese its workbook)
    xlsx=""; [ "$3" = vi ] && xlsx="--xlsx"
    "$mergersim" simulate "$2" --out "$out/$1" --lang "$3" --runs "$4" --quiet $xlsx > /dev/null
    render "$1"
    [ -z "$xlsx" ] || python3 Tools/report-check/workbook_check.py "$out/$1/report.xlsx" || status=1
}
check_proposal() {  # check_proposal NAME UNITS RULES LANG: the report.html of `propose` and its Vietnamese workbook
    "$mergersim" propose "$2" --rules "$3" --lang "$4" --out "$out/$1" --quiet --xlsx > /dev/null
    render "$1"
    [ "$4" != vi ] || python3 Tools/report-check/workbook_check.py "$out/$1/report.xlsx" || status=1
}
render() {  # render NAME: $out/NAME/report.html in the browser, checked
    page="$out/$1/report.html"
    # Self-contained: no script, and no address but the SVG namespace.
    if grep -Eo '(src|href)="[^"]*"|<script|https?://[^" ]*' "$page" | grep -v '^https\?://www.w3.org/2000/svg$' | grep -q .; then
        echo "$page: refers to something outside the page:"; grep -Eo '(src|href)="[^"]*"|<script|https?://[^" ]*' "$page" | grep -v 'www.w3.org/2000/svg' | head -3
        status=1
    fi
    log="$out/$1.log"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --enable-logging=stderr --v=0 \
        --window-size=900,1600 --screenshot="$out/$1.png" "file://$(pwd)/$page" 2> "$log" > /dev/null || { echo "$page: chromium failed"; status=1; }
    if grep -E 'CONSOLE|Failed to load|net::ERR' "$log" | grep -q .; then
        echo "$page: the browser reported errors:"; grep -E 'CONSOLE|Failed to load|net::ERR' "$log" | head -3
        status=1
    fi
    python3 Tools/report-check/png_ink.py "$out/$1.png" 0.03 || status=1
}
check phan-rang-2024-en scenarios/phan-rang-2024/scenario.yaml en 200
check phan-rang-2024-vi scenarios/phan-rang-2024/scenario.yaml vi 200
check vn-2025-vi scenarios/vn-2025/scenario.yaml vi 10
check_proposal vn-2026-proposal-vi scenarios/vn-2026-round/units.csv vn-2026 vi
[ "$status" -eq 0 ] && echo "report-check: every report rendered (PNGs in $out)"
exit "$status"
