#!/usr/bin/env python3
"""Prints bench/run's tables: JMH results (JSON) and the C reference programs'
output side by side, with the ratios sockets4j/JDK and sockets4j/C; then the
rates (requests or events per second, the inverse of ns/op) with each target
of issue 9 met or missed."""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys

PACKAGE = "org.sockets4j.bench."

# (row, sockets4j benchmark, JDK benchmark, JDK API, C result)
ROWS = [
    ("TCP round trip, byte[]", "TcpRoundTrip.sockets4jArray",
     "TcpRoundTrip.jdkSocketStreams", "java.net.Socket streams", "tcp_roundtrip_ns"),
    ("TCP round trip, direct", "TcpRoundTrip.sockets4jDirect",
     "TcpRoundTrip.jdkChannel", "SocketChannel", "tcp_roundtrip_ns"),
    ("  control: JDK without NODELAY", "TcpRoundTrip.sockets4jDirect",
     "TcpRoundTrip.jdkChannelNagle", "SocketChannel, Nagle on", "tcp_roundtrip_ns"),
    ("  parked: waits on the poller", "TcpRoundTrip.sockets4jDirectParked",
     "TcpRoundTrip.jdkChannel", "SocketChannel", "tcp_roundtrip_ns"),
    ("UDP round trip, sendTo/recvFrom", "UdpRoundTrip.sockets4jSendToRecvFrom",
     "UdpRoundTrip.jdkSendReceive", "DatagramChannel send/receive", "udp_roundtrip_ns"),
    ("UDP round trip, connected", "UdpRoundTrip.sockets4jConnected",
     "UdpRoundTrip.jdkConnected", "DatagramChannel write/read", "udp_connected_roundtrip_ns"),
    ("Unix stream 4 MiB in, byte[4 MiB]", "BulkReceive.sockets4jArray4M",
     "BulkReceive.jdkChannelHeap", "SocketChannel, heap buffer", "unix_bulk_4mib_ns"),
    ("Unix stream 4 MiB in, byte[1 MiB]", "BulkReceive.sockets4jArray1M",
     "BulkReceive.jdkChannelHeap", "SocketChannel, heap buffer", "unix_bulk_4mib_ns"),
    ("Unix stream 4 MiB in, direct", "BulkReceive.sockets4jDirect",
     "BulkReceive.jdkChannelDirect", "SocketChannel, direct buffer", "unix_bulk_4mib_ns"),
    ("socket open+close", "OpenClose.sockets4j",
     "OpenClose.jdkChannelInet", "SocketChannel.open(INET)", "socket_open_close_ns"),
    ("  JDK default family", "OpenClose.sockets4j",
     "OpenClose.jdkChannelDefault", "SocketChannel.open()", "socket_open_close_ns"),
    ("getOption(SO_RCVBUF), int", "Options.sockets4jGetInt",
     "Options.jdkGetInt", "SocketChannel.getOption", "sockopt_get_int_ns"),
    ("getOption(SO_TYPE), int", "Options.sockets4jGetType",
     "Options.jdkGetInt", "SocketChannel.getOption(SO_RCVBUF)", "sockopt_get_type_ns"),
    ("setOption(SO_RCVBUF), int", "Options.sockets4jSetInt",
     "Options.jdkSetInt", "SocketChannel.setOption", "sockopt_set_int_ns"),
    ("getOption(TCP_NODELAY), flag", "Options.sockets4jGetFlag",
     "Options.jdkGetFlag", "SocketChannel.getOption", "sockopt_get_flag_ns"),
    ("setOption(TCP_NODELAY), flag", "Options.sockets4jSetFlag",
     "Options.jdkSetFlag", "SocketChannel.setOption", "sockopt_set_flag_ns"),
    ("getOption(SO_LINGER)", "Options.sockets4jGetLinger",
     "Options.jdkGetLinger", "SocketChannel.getOption", "sockopt_get_linger_ns"),
    ("setOption(SO_LINGER)", "Options.sockets4jSetLinger",
     "Options.jdkSetLinger", "SocketChannel.setOption", "sockopt_set_linger_ns"),
    # BatchDatagrams: ns per datagram
    ("UDP send, sendMany of 32, per datagram", "BatchDatagrams.sendMany",
     "BatchDatagrams.jdkWriteEach", "DatagramChannel.write each", "udp_send_mmsg32_ns"),
    ("UDP send, send per datagram", "BatchDatagrams.sendEach",
     "BatchDatagrams.jdkWriteEach", "DatagramChannel.write", "udp_send_each_ns"),
    ("UDP receive, recvMany of 32, per datagram", "BatchDatagrams.recvMany",
     "BatchDatagrams.jdkReceiveEach", "DatagramChannel.receive each", "udp_recv_mmsg32_ns"),
    ("UDP receive, recvFrom per datagram", "BatchDatagrams.recvFromEach",
     "BatchDatagrams.jdkReceiveEach", "DatagramChannel.receive", "udp_recv_each_ns"),
    ("  recv per datagram, no source", "BatchDatagrams.recvEach",
     "BatchDatagrams.jdkReceiveEach", "DatagramChannel.receive", "udp_recv_each_ns"),
]

# Rates: higher is better. (row, sockets4j benchmark, JDK benchmark, JDK API, C result, unit,
# (target's reference: "JDK" or "C", lowest sockets4j rate / reference rate))
RATE_ROWS = [
    ("1 KiB echo, 1,000 virtual-thread clients", "VirtualEcho.sockets4j",
     "VirtualEcho.jdkChannel", "SocketChannel, virtual threads", None, "requests/s", ("JDK", 1.0)),
    ("Poller loop, 100 Unix pairs, 1-byte ping-pong", "PollerLoop.sockets4j",
     "PollerLoop.jdkSelector", "Selector", "poller_event_ns", "events/s", ("C", 0.9)),
]

# Issue 9's targets for batches: (what, batch benchmark, reference, where the reference is, lowest speed-up).
# Speed-up = reference ns / batch ns (above 1: the batch is faster); target None: shown, not judged.
BATCH_TARGETS = [
    ("sendMany vs C sendmmsg(32)", "BatchDatagrams.sendMany", "udp_send_mmsg32_ns", "c", 0.95),
    ("sendMany vs sockets4j send per datagram", "BatchDatagrams.sendMany", "BatchDatagrams.sendEach", "jmh", 1.1),
    ("sendMany vs JDK write per datagram", "BatchDatagrams.sendMany", "BatchDatagrams.jdkWriteEach", "jmh", 1.2),
    ("recvMany vs C recvmmsg(32)", "BatchDatagrams.recvMany", "udp_recv_mmsg32_ns", "c", 0.95),
    ("recvMany vs sockets4j recvFrom per datagram", "BatchDatagrams.recvMany", "BatchDatagrams.recvFromEach",
     "jmh", 1.1),
    ("recvMany vs sockets4j recv per datagram (no source)", "BatchDatagrams.recvMany", "BatchDatagrams.recvEach",
     "jmh", 1.1),
    ("recvMany vs JDK receive per datagram", "BatchDatagrams.recvMany", "BatchDatagrams.jdkReceiveEach", "jmh", 1.2),
    ("  C: sendmmsg(32) vs send per call", "udp_send_mmsg32_ns", "udp_send_each_ns", "c-c", None),
    ("  C: recvmmsg(32) vs recvfrom per call", "udp_recv_mmsg32_ns", "udp_recv_each_ns", "c-c", None),
]


def batch_targets(jmh, c):
    """Lines judging BATCH_TARGETS, or none when no batch benchmark ran."""
    lines = []
    for what, batch_name, ref_name, where, target in BATCH_TARGETS:
        batch = c.get(batch_name) if where == "c-c" else jmh.get(batch_name)
        ref = jmh.get(ref_name) if where == "jmh" else c.get(ref_name)
        if batch is None or ref is None:
            continue
        b = batch[0] if isinstance(batch, tuple) else batch
        r = ref[0] if isinstance(ref, tuple) else ref
        speedup = r / b
        verdict = "" if target is None else (f"  target >= {target:.2f}x: " + ("met" if speedup >= target else "MISSED"))
        lines.append(f"  {what}: {speedup:.2f}x{verdict}")
    return lines



def read_jmh(paths):
    results = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            results += json.load(f)
    scores = {}
    allocs = {}
    incomplete = {}  # name -> "k of n iterations": an iteration failed, JMH kept the others
    for r in results:
        name = r["benchmark"]
        if name.startswith(PACKAGE):
            name = name[len(PACKAGE):]
        metric = r["primaryMetric"]
        if metric["scoreUnit"] != "ns/op":
            sys.exit(f"table.py: {name} is in {metric['scoreUnit']}, expected ns/op")
        error = metric.get("scoreError")
        if not isinstance(error, (int, float)) or error != error:  # "NaN" with one iteration
            error = None
        if r.get("params"):
            name += " " + ",".join(f"{k}={v}" for k, v in sorted(r["params"].items()))
        scores[name] = (metric["score"], error)
        measured = sum(len(fork) for fork in metric.get("rawData", []))
        wanted = r.get("measurementIterations", 0) * max(1, len(metric.get("rawData", [])))
        if measured < wanted:
            incomplete[name] = f"{measured} of {wanted} iterations"
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")  # with -prof gc
        if alloc is not None:
            allocs[name] = alloc["score"]
    return results, scores, allocs, incomplete


def read_c(path):
    """name -> ns/op; a name measured more than once (before and after the JVMs) gets the mean."""
    runs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, value = line.split()
            runs.setdefault(name, []).append(float(value))
    return {name: sum(values) / len(values) for name, values in runs.items()}


def fmt_score(score):
    if score is None:
        return "-"
    value, error = score if isinstance(score, tuple) else (score, None)
    text = f"{value:,.0f}"
    if error is not None:
        text += f" ±{error:,.0f}"
    return text


def fmt_ratio(a, b):
    if a is None or b is None:
        return "-"
    a = a[0] if isinstance(a, tuple) else a
    b = b[0] if isinstance(b, tuple) else b
    return f"{a / b:.2f}"


def rate(score):
    """ns per operation -> (operations per second, its error margin)."""
    if score is None:
        return None
    value, error = score if isinstance(score, tuple) else (score, None)
    per_second = 1e9 / value
    return (per_second, per_second * error / value if error is not None else None)


def java_version(java):
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, check=True).stderr
        return out.splitlines()[1].strip() if len(out.splitlines()) > 1 else out.strip()
    except (OSError, subprocess.CalledProcessError):
        return java


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--jmh", required=True, action="append", help="a JMH JSON result file; may be repeated")
    p.add_argument("--c", required=True)
    p.add_argument("--java", default="java")
    p.add_argument("--java-vt", help="the JVM of the virtual-thread benchmarks, when not --java")
    p.add_argument("--cpus", default="not pinned")
    a = p.parse_args()

    results, jmh, allocs, incomplete = read_jmh(a.jmh)
    c = read_c(a.c)

    header = ["benchmark (64-byte messages, 127.0.0.1)", "JDK API", "sockets4j ns/op", "JDK ns/op",
              "C ns/op", "s4j/JDK", "s4j/C"]
    lines = []
    used = set()
    for row, s4j_name, jdk_name, jdk_api, c_name in ROWS:
        s4j = jmh.get(s4j_name)
        jdk = jmh.get(jdk_name)
        if s4j is None and jdk is None:
            continue  # not selected in this run
        used.update((s4j_name, jdk_name))
        cs = c.get(c_name)
        lines.append([row, jdk_api, fmt_score(s4j), fmt_score(jdk), fmt_score(cs),
                      fmt_ratio(s4j, jdk), fmt_ratio(s4j, cs)])

    first = results[0] if results else {}
    print()
    print(f"sockets4j benchmarks, {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    print(f"  host: {platform.node()}, {platform.system()} {platform.release()}, {os.cpu_count()} CPUs;"
          f" run pinned to CPUs: {a.cpus}")
    print(f"  JVM: {java_version(a.java)} ({a.java})")
    if a.java_vt and a.java_vt != a.java:
        print(f"  JVM of the virtual-thread benchmarks: {java_version(a.java_vt)} ({a.java_vt})")
    if first:
        print(f"  JMH {first.get('jmhVersion', '?')}: {first.get('forks')} fork(s),"
              f" {first.get('warmupIterations')} x {first.get('warmupTime')} warm-up,"
              f" {first.get('measurementIterations')} x {first.get('measurementTime')} measured;"
              f" ± is JMH's 99.9% error margin")
    print()
    if lines:
        widths = [max(len(r[i]) for r in [header] + lines) for i in range(len(header))]
        def show(r):
            cells = [r[0].ljust(widths[0]), r[1].ljust(widths[1])] + [r[i].rjust(widths[i]) for i in range(2, len(r))]
            print("  ".join(cells).rstrip())
        show(header)
        print("  ".join("-" * w for w in widths))
        for r in lines:
            show(r)
    rate_lines = []
    for row, s4j_name, jdk_name, jdk_api, c_name, unit, (reference, lowest) in RATE_ROWS:
        s4j = jmh.get(s4j_name)
        jdk = jmh.get(jdk_name)
        if s4j is None and jdk is None:
            continue
        used.update((s4j_name, jdk_name))
        s4j_rate, jdk_rate, c_rate = rate(s4j), rate(jdk), rate(c.get(c_name) if c_name else None)
        ref = jdk_rate if reference == "JDK" else c_rate
        failed = [f"{n}: {incomplete[n]}" for n in (s4j_name, jdk_name) if n in incomplete]
        if failed:
            verdict = "not measured, an iteration failed (" + "; ".join(failed) + ")"
        elif s4j_rate is None or ref is None:
            verdict = "not measured"
        else:
            ratio = s4j_rate[0] / ref[0]
            verdict = f"{'met' if ratio >= lowest else 'MISSED'} ({ratio:.2f}x)"
        rate_lines.append([row, jdk_api, unit, fmt_score(s4j_rate), fmt_score(jdk_rate), fmt_score(c_rate),
                           fmt_ratio(s4j_rate, jdk_rate), fmt_ratio(s4j_rate, c_rate),
                           f">= {lowest:.2f}x {reference}: {verdict}"])
    if rate_lines:
        print()
        rate_header = ["rates (higher is better)", "JDK API", "unit", "sockets4j", "JDK", "C",
                       "s4j/JDK", "s4j/C", "target"]
        widths = [max(len(r[i]) for r in [rate_header] + rate_lines) for i in range(len(rate_header))]
        def show_rate(r):
            cells = [r[i].ljust(widths[i]) for i in range(3)] + [r[i].rjust(widths[i]) for i in range(3, 8)] + [r[8]]
            print("  ".join(cells).rstrip())
        show_rate(rate_header)
        print("  ".join("-" * w for w in widths))
        for r in rate_lines:
            show_rate(r)
    targets = batch_targets(jmh, c)
    if targets:
        print()
        print("batches, speed-up per datagram (reference ns / batch ns):")
        for line in targets:
            print(line)
    others = sorted(set(jmh) - used)
    if others:
        print()
        print("other JMH results:")
        for name in others:
            print(f"  {name}: {fmt_score(jmh[name])} ns/op")
    if incomplete:
        print()
        print("incomplete (an iteration failed; see the JMH output above):")
        for name in sorted(incomplete):
            print(f"  {name}: {incomplete[name]}")
    if allocs:
        print()
        print("allocated per operation (-prof gc, gc.alloc.rate.norm):")
        for name in sorted(allocs):
            print(f"  {name}: {allocs[name]:,.1f} B/op")
    print()


if __name__ == "__main__":
    main()
