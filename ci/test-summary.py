#!/usr/bin/env python3
"""Reads every surefire/failsafe report of the build and prints the skip list
(each skipped test with its reason) and one closing count. Exits 1 if a
report shows a failure or if no test ran at all."""
import glob
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
skips = []
for path in sorted(glob.glob("**/target/*-reports/**/TEST-*.xml", recursive=True)):
    root = ET.parse(path).getroot()
    for case in root.iter("testcase"):
        name = f'{case.get("classname")}.{case.get("name")}'
        where = path.split("/target/")[0]
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif case.find("skipped") is not None:
            skipped += 1
            reason = case.find("skipped").get("message") or "(no reason given)"
            skips.append(f"  {where}: {name}: {reason}")
        else:
            passed += 1

print()
print(f"skipped tests ({skipped}):")
print("\n".join(skips) if skips else "  none")
print(f"java tests: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
