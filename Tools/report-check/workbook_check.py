#!/usr/bin/env python3
"""make report-check: reads a Vietnamese report.xlsx back (Python's standard library only) and fails on a
workbook a Vietnamese reader could not use: a sheet that is not well-formed XML, an English sheet name, two
columns of a sheet with the same header, a cell that is a whole English categorical value (ward, merge, yes…),
JSON in a cell, or a plan sheet ("Phương án") without its members.

usage: workbook_check.py REPORT.xlsx
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# Whole-cell English values the CSV files keep for scripts and a Vietnamese workbook must not show.
ENGLISH = {"ward", "commune", "town", "special_zone", "island_district", "merge", "keep", "borderline", "exempt",
           "meets", "waived", "below", "needs_exception", "yes", "no", "met", "not met", "at risk", "retirement",
           "early_retirement", "resignation", "cadres", "civil_servants", "non_professional", "envelope", "formula",
           "Summary", "Plan", "Units before", "Units after", "Transfers", "Timeline", "Assumptions", "Column dictionary"}
# Sheets whose columns are for scripts by design: the column dictionary names each CSV column.
SCRIPT_COLUMNS = {"Giải thích các cột": {"B"}}


def column(ref):
    return re.match(r"[A-Z]+", ref).group(0)


def main(path):
    problems = []
    with zipfile.ZipFile(path) as book:
        shared = []
        if "xl/sharedStrings.xml" in book.namelist():
            root = ET.fromstring(book.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])) for si in root.findall("m:si", NS)]
        workbook = ET.fromstring(book.read("xl/workbook.xml"))
        rels = ET.fromstring(book.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        sheets = [(s.get("name"), "xl/" + targets[s.get(REL)].lstrip("/").removeprefix("xl/")) for s in workbook.find("m:sheets", NS)]
        names = [name for name, _ in sheets]
        for name in names:
            if name in ENGLISH or re.fullmatch(r"[A-Za-z ]+", name):
                problems.append(f"sheet name in English: {name}")
        if "Phương án" not in names:
            problems.append("no plan sheet (Phương án)")
        for name, part in sheets:
            try:
                root = ET.fromstring(book.read(part))
            except ET.ParseError as error:
                problems.append(f"{name}: not well-formed ({error})")
                continue
            rows = {}
            for cell in root.iter("{%s}c" % NS["m"]):
                ref = cell.get("r")
                value = cell.find("m:v", NS)
                text = value.text if value is not None else ""
                if cell.get("t") == "s" and text:
                    text = shared[int(text)]
                elif cell.get("t") == "inlineStr":
                    text = "".join(t.text or "" for t in cell.iter("{%s}t" % NS["m"]))
                rows.setdefault(int(re.search(r"[0-9]+", ref).group(0)), {})[column(ref)] = (text, cell.get("t"))
            headers = [text for text, _ in rows.get(1, {}).values()]
            duplicates = sorted({h for h in headers if headers.count(h) > 1})
            if duplicates:
                problems.append(f"{name}: columns with the same header: {duplicates}")
            skip = SCRIPT_COLUMNS.get(name, set())
            for number, cells in rows.items():
                for letter, (text, kind) in cells.items():
                    if kind not in ("s", "inlineStr", "str") or letter in skip:
                        continue
                    if text.strip() in ENGLISH:
                        problems.append(f"{name}!{letter}{number}: English value {text!r}")
                    if text.lstrip().startswith(("{", "[")):
                        problems.append(f"{name}!{letter}{number}: JSON {text[:40]!r}")
            if name == "Phương án" and len(rows) < 2:
                problems.append("Phương án: no member rows")
    for problem in problems[:20]:
        print(f"{path}: {problem}")
    if len(problems) > 20:
        print(f"{path}: … and {len(problems) - 20} more")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
