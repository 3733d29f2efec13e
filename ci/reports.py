#!/usr/bin/env python3
"""The reports of a ci/test run, read in one place: every JUnit XML report (surefire and
failsafe, the JUnit console launcher's, ctest's --output-junit), the -Xcheck:jni warnings of a
JVM's log, and the key=value record each ci/cross leg ends with. The shell scripts call it
(ci/test, ci/cross, the legs through ci/cross.d/lib.sh); nothing here runs a test.

    reports.py counts PREFIX [--log LOG] PATH...   PREFIX_run=N, PREFIX_passed=N, PREFIX_failed=N,
                                                   PREFIX_skipped=N, PREFIX_skips=... one a line;
                                                   PATH: a report or a directory of *.xml; LOG:
                                                   the console launcher's output, whose summary
                                                   box wins over the reports; exit 1 if no result
    reports.py problems PATH...                    every failed and skipped test, a line each
    reports.py jni-warnings LOG [--list]           "OURS JDK" counts of -Xcheck:jni warnings, or
                                                   the JDK methods that raised theirs
    reports.py leg KEY=VALUE...                    a leg's two closing lines: the human one and
                                                   the record "S4J_LEG key=value ..." ci/cross reads
    reports.py table RECORDS                       ci/cross's summary table; exit 1 unless every
                                                   leg passed
    reports.py summary [RECORDS]                   ci/test's closing report: a line per suite, the
                                                   cross legs, the skip list with reasons, the
                                                   failed tests and one line "tests: N passed, N
                                                   failed, N skipped"; exit 1 if a test failed or
                                                   none ran

A leg's record is one line: "S4J_LEG" and then KEY=VALUE words, POSIX shell quoted where a value
has spaces (shlex reads it back). note= and STEP_problem= may repeat; the keys:
    classifier, build (yes|no); ci/cross adds result (passed, FAILED (exit N), ...) and seconds
    STEP_run, STEP_passed, STEP_failed, STEP_skipped    counts of STEP (ctest, exports, JAVA_STEPS)
    STEP_skips      the skipped tests with their reasons      STEP_where   how and where it ran
    STEP_problem    what went wrong beside the counts (repeats) STEP_not_run why it did not run
    echo            ok|failed|not run, echo_detail            note         anything else (repeats)
"""
import glob
import os
import re
import shlex
import sys
import xml.etree.ElementTree as ET
from collections import namedtuple

# ---- JUnit XML ------------------------------------------------------------------------------

Case = namedtuple("Case", "name verdict reason")   # verdict: passed, failed or skipped
VERDICTS = ("passed", "failed", "skipped")
PREFIXES = ("org.opentest4j.TestAbortedException: ", "Assumption failed: ")


def first_line(element):
    """The first line of why a failure or skip element gives: its message, else its text."""
    if element is None:
        return ""
    lines = (element.get("message") or (element.text or "").strip() or element.get("type") or "").strip().splitlines()
    why = lines[0].strip() if lines else ""
    for prefix in PREFIXES:
        why = why.replace(prefix, "")
    return why


def cases(path):
    """The test cases of one JUnit XML report. ctest marks a case by a status attribute
    (notrun, disabled, fail) and says why it skipped in the test's own output."""
    for case in ET.parse(path).getroot().iter("testcase"):
        name = f'{case.get("classname") or ""}.{case.get("name")}'.lstrip(".")
        status = case.get("status")
        failure = case.find("failure")
        if failure is None:
            failure = case.find("error")
        skipped = case.find("skipped")
        if failure is not None or status == "fail":
            yield Case(name, "failed", first_line(failure) or "failed")
        elif skipped is not None or status in ("notrun", "disabled"):
            hint = []
            if status is not None:
                hint = [line.strip() for line in (case.findtext("system-out") or "").splitlines() if "skip" in line.lower()]
            reason = hint[-1] if hint else first_line(skipped) or status
            yield Case(name, "skipped", reason or "(no reason given)")
        else:
            yield Case(name, "passed", None)


def report_files(paths):
    """The reports named: files as they are, directories by their *.xml, sorted."""
    found = []
    for path in paths:
        found += sorted(glob.glob(os.path.join(path, "*.xml"))) if os.path.isdir(path) else [path]
    return found


def launcher_box(log):
    """The JUnit console launcher's summary box in LOG as (run, passed, failed, skipped), or None."""
    try:
        text = open(log, encoding="utf-8", errors="replace").read()
    except OSError:
        return None

    def n(what):
        m = re.findall(r"\[\s*(\d+) tests " + what + r"\s*\]", text)
        return int(m[-1]) if m else None

    found, ok, skipped, aborted, failed = (n(w) for w in ("found", "successful", "skipped", "aborted", "failed"))
    if found is None:
        return None
    return found, ok or 0, failed or 0, (skipped or 0) + (aborted or 0)


def counts(prefix, paths, log=None):
    """A step's counts as KEY=VALUE lines, and whether it has any. The launcher's summary box in
    LOG, when there is one, wins: it also counts what never reached a report (a class that
    failed to initialise). The skips are listed with their reasons without a LOG (ctest's)."""
    box = launcher_box(log) if log else None
    skips, trouble, read = [], [], 0
    tally = dict.fromkeys(VERDICTS, 0)
    for path in report_files(paths):
        try:
            for case in cases(path):
                tally[case.verdict] += 1
                if case.verdict == "skipped":
                    skips.append(f"{case.name.rsplit('.', 1)[-1]}: {case.reason}")
            read += 1
        except (OSError, ET.ParseError) as e:
            trouble.append(f"no results in {os.path.basename(path)}: {e.__class__.__name__}")
    if box is not None:
        run, passed, failed, skipped = box
    else:
        run, passed, failed, skipped = sum(tally.values()), tally["passed"], tally["failed"], tally["skipped"]
        if log and not run:
            return [f"{prefix}_not_run=no summary from the launcher and no XML report"], False
        if not read:
            return [f"{prefix}_not_run={'; '.join(trouble) or 'no report'}"], False
    lines = [f"{prefix}_run={run}", f"{prefix}_passed={passed}", f"{prefix}_failed={failed}", f"{prefix}_skipped={skipped}"]
    if log and box is None:
        lines.append(f"{prefix}_problem=from the XML report: the launcher printed no summary")
    if skips and not log:
        lines.append(f"{prefix}_skips={'; '.join(skips)}")
    return lines + [f"{prefix}_problem={t}" for t in trouble], True


def problems(paths):
    """Every failed and skipped test of the reports, a line each with the first line of why."""
    for path in report_files(paths):
        for case in cases(path):
            if case.verdict != "passed":
                name = case.name.removeprefix("org.sockets4j.")
                print(f"  {'SKIPPED' if case.verdict == 'skipped' else 'FAILED '} {name}: {case.reason}")


# ---- -Xcheck:jni ----------------------------------------------------------------------------

def jni_warnings(log):
    """(ours, jdk methods): the -Xcheck:jni warnings of LOG whose native method is ours, and the
    JDK's own (top Java frame in java.*, jdk.*, sun.*). A FATAL ERROR always counts as ours."""
    lines = open(log, encoding="utf-8", errors="replace").read().splitlines()
    ours, jdk = 0, []
    for i, line in enumerate(lines):
        # the JVM's own lines only (a test's failure message may quote one)
        if not re.match(r"\s*(WARNING in native method|FATAL ERROR in native method|WARNING: JNI local refs)", line):
            continue
        top = next((l.strip() for l in lines[i + 1:i + 6] if l.strip().startswith("at ")), "")
        m = re.match(r"at ((?:java|javax|jdk|sun|com\.sun)\.[\w.$]+)\(java\.base|at ((?:java|javax|jdk|sun)\.[\w.$]+)\((?:java|jdk)\.", top)
        if "FATAL" not in line and m:
            jdk.append(m.group(1) or m.group(2))
        else:
            ours += 1
    return ours, jdk


# ---- the legs' records ----------------------------------------------------------------------

RECORD = "S4J_LEG"
REPEATED = ("note",)


def record_of(pairs):
    """KEY=VALUE strings as a dict; a repeated key (note=, *_problem=) keeps every value, in order."""
    record = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        value = " ".join(value.split("\n"))
        if key in REPEATED or key.endswith("_problem"):
            record.setdefault(key, []).append(value)
        else:
            record[key] = value
    return record


def record_line(record):
    """The record as one S4J_LEG line: classifier and build first, then in the order set."""
    words = [RECORD]
    first = [k for k in ("classifier", "build") if k in record]
    for key, value in [(k, record[k]) for k in first] + [(k, v) for k, v in record.items() if k not in first]:
        for v in (value if isinstance(value, list) else [value]):
            words.append(shlex.quote(f"{key}={v}"))
    return " ".join(words)


def read_records(path):
    """The records of a file of S4J_LEG lines (ci/cross's), in order; none if it is missing."""
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return []
    return [record_of(shlex.split(line)[1:]) for line in text.splitlines() if line.startswith(RECORD + " ")]


def step_text(record, step, label=None):
    """One step of a leg in words, or None if the leg does not have it."""
    label = label or step
    if f"{step}_not_run" in record:
        return f"{label} not run: {record[f'{step}_not_run']}"
    if f"{step}_run" not in record:
        return None
    g = lambda k: record.get(f"{step}_{k}", "?")
    text = f"{label} {g('run')} run, {g('passed')} passed, {g('failed')} failed, {g('skipped')} skipped"
    for k in ("skips", "where"):
        if f"{step}_{k}" in record:
            text += f" ({record[f'{step}_{k}']})"
    for problem in record.get(f"{step}_problem", []):
        text += f", {problem}"
    return text


# A leg's Java passes, in order, with their labels: java is the whole suite; java_io the I/O-model
# classes once more on a second, newer Java (the windows-x86_64 leg: 17 for the suite, 25 for the
# virtual-thread cases). Each pass's STEP_where says which Java ran what.
JAVA_STEPS = (("java", "java"), ("java_io", "java I/O model"))


def leg_parts(record):
    """A leg's record in words: {"build", "ctest", "java", "other": [...]}; "java" holds every Java pass."""
    echo = record.get("echo")
    other = [t for t in (step_text(record, "exports"),) if t]
    if echo:
        other.append(f"echo interop {echo}" + (f" ({record['echo_detail']})" if "echo_detail" in record else "")
                     + "".join(f", {p}" for p in record.get("echo_problem", [])))
    return {"build": record.get("build", "?"), "ctest": step_text(record, "ctest") or "",
            "java": "; ".join(t for t in (step_text(record, step, label) for step, label in JAVA_STEPS) if t),
            "other": other + record.get("note", [])}


def leg_line(record):
    """The human line of a leg: "<classifier>: build yes; ctest ...; java ...; notes..."."""
    parts = leg_parts(record)
    words = [f"build {parts['build']}"] + [p for p in (parts["ctest"], parts["java"]) if p] + parts["other"]
    return f"{record.get('classifier', '?')}: " + "; ".join(words)


def table(path):
    records = read_records(path)
    head = ("classifier", "build", "leg", "time", "C tests", "Java tests", "notes")
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" for _ in head) + "|")
    failed = 0
    for r in records:
        parts = leg_parts(r)
        row = (r.get("classifier", "?"), parts["build"], r.get("result", "?"), f"{r.get('seconds', '?')} s",
               parts["ctest"], parts["java"], "; ".join(parts["other"]))
        print("| " + " | ".join(c.replace("|", "/") for c in row) + " |")
        failed += r.get("result") != "passed"
    print()
    print(f"ci/cross: {len(records) - failed} of {len(records)} legs passed")
    return 1 if failed or not records else 0


# ---- ci/test's closing report ---------------------------------------------------------------

SUITES = [
    # (name, glob of report files, the leg and step that made them)
    ("java, host JDK (surefire)", "java/target/surefire-reports/TEST-*.xml", None),
    ("java, second JDK (surefire)", "java/target/surefire-reports/second-jdk/TEST-*.xml", None),
    ("samples (surefire)", "samples/target/surefire-reports/TEST-*.xml", None),
    ("samples jar (failsafe)", "samples/target/failsafe-reports/TEST-*.xml", None),
    ("C core, host (ctest)", "platforms/*/target/cmake/ctest.xml", None),
    ("C core, cross legs (ctest)", "target/cross/*/ctest.xml", None),
    ("java under Wine (windows-x86_64)", "target/cross/windows-x86_64/java/reports/*.xml", ("windows-x86_64", "java")),
    ("java I/O model under Wine, Java 21+", "target/cross/windows-x86_64/java-io/reports/*.xml",
     ("windows-x86_64", "java_io")),
    ("java under qemu (linux-aarch_64)", "target/cross/linux-aarch_64/java/reports/*.xml", ("linux-aarch_64", "java")),
]


def summary(records_path):
    legs = {r.get("classifier"): r for r in read_records(records_path)}
    totals = dict.fromkeys(VERDICTS, 0)
    skips, failures = [], []
    print()
    print("test suites:")
    for suite, pattern, made_by in SUITES:
        tally = dict.fromkeys(VERDICTS, 0)
        for path in sorted(glob.glob(pattern)):
            where = path.split("/")[2] if path.startswith("target/cross/") else path.split("/target/")[0]
            for case in cases(path):
                tally[case.verdict] += 1
                if case.verdict == "skipped":
                    skips.append(f"  {suite}: {case.name}: {case.reason}")
                elif case.verdict == "failed":
                    failures.append(f"  {suite}: {case.name} ({where})")
        for k in totals:
            totals[k] += tally[k]
        if sum(tally.values()):
            verdict = f"{tally['passed']} passed, {tally['failed']} failed, {tally['skipped']} skipped"
        else:
            leg = legs.get(made_by[0], {}) if made_by else {}
            why = leg.get(f"{made_by[1]}_not_run") if made_by else None
            verdict = "not run" + (f": {why}" if why else "")
        print(f"  {suite:40} {verdict}")
    if legs:
        print()
        passed = sum(r.get("result") == "passed" for r in legs.values())
        print(f"cross legs ({passed} of {len(legs)} passed):")
        for name, r in legs.items():
            print(f"  {name:16} {r.get('result', '?')} ({r.get('seconds', '?')} s): {leg_line(r).split(': ', 1)[1]}")
    print()
    print(f"skipped tests ({totals['skipped']}):")
    print("\n".join(skips) if skips else "  none")
    if failures:
        print(f"failed tests ({totals['failed']}):")
        print("\n".join(failures))
    print(f"tests: {totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
    return 1 if totals["failed"] or totals["passed"] == 0 else 0


def main(argv):
    command, args = (argv[0], argv[1:]) if argv else ("", [])
    if command == "counts" and args:
        prefix, rest, log = args[0], args[1:], None
        if rest[:1] == ["--log"]:
            log, rest = rest[1], rest[2:]
        lines, ok = counts(prefix, rest, log)
        print("\n".join(lines))
        return 0 if ok else 1
    if command == "problems":
        problems(args)
        return 0
    if command == "jni-warnings" and args:
        ours, jdk = jni_warnings(args[0])
        print(", ".join(sorted(set(jdk))) if args[1:] == ["--list"] else f"{ours} {len(jdk)}")
        return 0
    if command == "leg":
        record = record_of(args)
        print(leg_line(record))
        print(record_line(record))
        return 0
    if command == "table" and len(args) == 1:
        return table(args[0])
    if command == "summary":
        return summary(args[0] if args else "target/cross/legs.txt")
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
