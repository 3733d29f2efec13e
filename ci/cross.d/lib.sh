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
