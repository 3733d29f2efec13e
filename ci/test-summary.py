#!/usr/bin/env python3
"""The closing report of ci/test: reads every JUnit XML report of the run (the
Java tests' surefire/failsafe reports, the Java suite run under Wine, ctest's
reports of every build), prints a line per suite, the skip list (each skipped
test with its reason) and one closing count. Exits 1 if any test failed or no
test ran at all."""
import glob
import sys
import xml.etree.ElementTree as ET

SUITES = [
    # (name, glob of report files)
    ("java, host JDK (surefire)", "java/target/surefire-reports/TEST-*.xml"),
    ("java, second JDK (surefire)", "java/target/surefire-reports/second-jdk/TEST-*.xml"),
    ("samples (surefire)", "samples/target/surefire-reports/TEST-*.xml"),
    ("samples jar (failsafe)", "samples/target/failsafe-reports/TEST-*.xml"),
    ("C core, host (ctest)", "platforms/*/target/cmake/ctest.xml"),
    ("C core, cross legs (ctest)", "target/cross/*/ctest.xml"),
    ("java under Wine (windows-x86_64)", "target/cross/windows-x86_64/java/reports/*.xml"),
    ("java under qemu (linux-aarch_64)", "target/cross/linux-aarch_64/java/reports/*.xml"),
]


def cases(path):
    for case in ET.parse(path).getroot().iter("testcase"):
        name = f'{case.get("classname") or ""}.{case.get("name")}'.lstrip(".")
        if case.find("failure") is not None or case.find("error") is not None:
            yield name, "failed", None
        elif case.find("skipped") is not None or case.get("status") == "notrun":
            skipped = case.find("skipped")
            reason = None
            if skipped is not None:
                # surefire: message="..."; the JUnit console launcher: the exception as text
                reason = skipped.get("message") or (skipped.text or "").strip().split("\n")[0]
                reason = reason.replace("org.opentest4j.TestAbortedException: ", "").replace("Assumption failed: ", "")
            reason = reason or "(no reason given)"
            yield name, "skipped", reason
        else:
            yield name, "passed", None


totals = {"passed": 0, "failed": 0, "skipped": 0}
skips, failures = [], []
print()
print("test suites:")
for suite, pattern in SUITES:
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    for path in sorted(glob.glob(pattern)):
        where = path.split("/target/")[0] if not path.startswith("target/cross/") else path.split("/")[2]
        for name, verdict, reason in cases(path):
            counts[verdict] += 1
            if verdict == "skipped":
                skips.append(f"  {suite}: {name}: {reason}")
            elif verdict == "failed":
                failures.append(f"  {suite}: {name} ({where})")
    for k in totals:
        totals[k] += counts[k]
    ran = sum(counts.values())
    verdict = "not run" if ran == 0 else f"{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped"
    print(f"  {suite:40} {verdict}")

print()
print(f"skipped tests ({totals['skipped']}):")
print("\n".join(skips) if skips else "  none")
if failures:
    print(f"failed tests ({totals['failed']}):")
    print("\n".join(failures))
print(f"tests: {totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
sys.exit(1 if totals["failed"] or totals["passed"] == 0 else 0)
