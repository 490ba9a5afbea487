#!/usr/bin/env bash
# Seeds the fuzzer's corpus from the bundled scenarios: each file with the
# byte that chooses its reader in front (see ReaderHarness.Reader).
set -euo pipefail
out=${1:?usage: make-corpus.sh DIR}
mkdir -p "$out"
seed() { { printf "\\$(printf '%03o' "$1")"; head -c 6000 "$2"; } > "$out/$3"; }
seed 0 scenarios/phan-rang-2024/units.csv units-phan-rang
seed 1 scenarios/phan-rang-2024/units.csv units-no-headcounts
seed 0 scenarios/vn-2025/units.csv units-vn-2025
seed 2 scenarios/phan-rang-2024/plan.csv plan-phan-rang
seed 2 scenarios/vn-2025/plan.csv plan-vn-2025
seed 4 scenarios/phan-rang-2024/scenario.yaml scenario-phan-rang
seed 4 scenarios/vn-2025/scenario.yaml scenario-vn-2025
seed 5 rules/sets/vn-2023.yaml rules-vn-2023
seed 5 rules/sets/vn-2025.yaml rules-vn-2025
printf '\003id,unit_code,category,sex,birth_date,insurance_years,salary_coefficient,title\n1,22753,cadre,M,1972-01-15,30,3.0,chair\n2,22753,civil_servant,F,1985-06,15.5,2.34,\n3,22756,non_professional,M,1990,,,\n' > "$out/roster"
for f in Tests/MergerSimIOTests/Fuzz/*.bin; do [ -e "$f" ] && cp "$f" "$out/"; done
exit 0
