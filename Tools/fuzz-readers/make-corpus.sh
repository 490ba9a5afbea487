#!/usr/bin/env bash
# Seeds the fuzzer's corpus from the bundled scenarios and rule sets: each file with the
# byte that chooses its reader in front (see ReaderHarness.Reader).
set -euo pipefail
out=${1:?usage: make-corpus.sh DIR}
mkdir -p "$out"
# A long file is cut to its whole lines within 6000 bytes (a cut inside a line or a UTF-8 character is refused at once).
seed() {
  { printf "\\$(printf '%03o' "$1")"
    if [ "$(wc -c < "$2")" -gt 6000 ]; then head -c 6000 "$2" | sed '$d'; else cat "$2"; fi; } > "$out/$3"
}
seed 0 scenarios/phan-rang-2024/units.csv units-phan-rang
seed 1 scenarios/phan-rang-2024/units.csv units-no-headcounts
seed 0 scenarios/vn-2025/units.csv units-vn-2025
seed 2 scenarios/phan-rang-2024/plan.csv plan-phan-rang
seed 2 scenarios/vn-2025/plan.csv plan-vn-2025
seed 4 scenarios/phan-rang-2024/scenario.yaml scenario-phan-rang
seed 4 scenarios/vn-2025/scenario.yaml scenario-vn-2025
# Every bundled rule set, whole (the longest is about 12.5 kB; make fuzz allows 16 kB inputs).
for f in rules/sets/*.yaml; do { printf '\005'; cat "$f"; } > "$out/rules-$(basename "$f" .yaml)"; done
seed 6 scenarios/phan-rang-2024/sweep.yaml sweep-phan-rang
seed 6 scenarios/vn-2025/sweep.yaml sweep-vn-2025
printf '\006scenario: s.yaml\nsample: {n: 20, method: latin_hypercube, seed: 3}\nvary:\n  rules.transition.exits.resignation_uptake: {min: 0.05, max: 0.3}\n  transition.years: {min: 1, max: 10}\nruns: 50\n' > "$out/sweep-sampled"
printf '\003id,unit_code,category,sex,birth_date,insurance_years,salary_coefficient,title\n1,22753,cadre,M,1972-01-15,30,3.0,chair\n2,22753,civil_servant,F,1985-06,15.5,2.34,\n3,22756,non_professional,M,1990,,,\n' > "$out/roster"
# Excel's CSV in a Vietnamese locale: BOM, `;`, decimal commas, CRLF, a quoted name holding `;`.
printf '\000\357\273\277code;name;kind;province;district_kind;area_km2;population;cadres;civil_servants;non_professional;lat;lon\r\n22753;"M\341\273\271 H\306\260\306\241ng; 1";ward;Ninh Thu\341\272\255n;provincial_city;0,45;5200;10;11;12;11,6;108,95\r\n;;;;;;;;;;;\r\n' > "$out/units-excel-semicolon"
printf '\003\357\273\277id;unit_code;category;sex;birth_date;insurance_years;salary_coefficient;title\r\n1;22753;cadre;M;1972-01-15;30;3,0;"chair; UBND"\r\n' > "$out/roster-excel-semicolon"
for f in Tests/MergerSimFilesTests/Fuzz/*.bin; do [ -e "$f" ] && cp "$f" "$out/"; done
exit 0
