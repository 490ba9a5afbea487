#!/bin/sh
# make report-check: renders the bundled scenarios' report.html, the proposal report of the 2026 round, and the
# research reports of a Phan Rang sweep, sensitivity analysis (one at a time and Morris) and comparison (English and Vietnamese),
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
check_research() {  # check_research LANG: the research reports of `sweep`, `sensitivity` and `compare` on Phan Rang
    printf 'scenario: %s\nvary:\n  transfers.scope: [none, district]\n  rules.transition.exits.resignation_uptake: [0.1, 0.2, 0.3]\nseeds: [1, 2]\nruns: 100\n' \
        "$(pwd)/scenarios/phan-rang-2024/scenario.yaml" > "$out/sweep-$1.yaml"
    "$mergersim" sweep "$out/sweep-$1.yaml" --out "$out/sweep-$1" --lang "$1" --quiet > /dev/null
    render "sweep-$1"
    "$mergersim" sensitivity scenarios/phan-rang-2024/scenario.yaml --runs 40 --only rules.transition.exits --out "$out/sensitivity-$1" --lang "$1" --quiet > /dev/null
    render "sensitivity-$1"
    "$mergersim" sensitivity scenarios/phan-rang-2024/scenario.yaml --runs 20 --only rules.transition.exits --method morris --trajectories 4 \
        --out "$out/morris-$1" --lang "$1" --quiet > /dev/null
    render "morris-$1"
    mkdir -p "$out/compare-$1"
    "$mergersim" compare --store "$out/sweep-$1/runs.sqlite" 1 3 5 --report "$out/compare-$1/report.html" --lang "$1" > /dev/null
    render "compare-$1"
}
check phan-rang-2024-en scenarios/phan-rang-2024/scenario.yaml en 200
check phan-rang-2024-vi scenarios/phan-rang-2024/scenario.yaml vi 200
check vn-2025-vi scenarios/vn-2025/scenario.yaml vi 10
check_research en
check_research vi
check_proposal vn-2026-proposal-vi scenarios/vn-2026-round/units.csv vn-2026 vi
[ "$status" -eq 0 ] && echo "report-check: every report rendered (PNGs in $out)"
exit "$status"
