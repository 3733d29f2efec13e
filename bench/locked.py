#!/usr/bin/env python3
"""Runs a command while holding JMH's lock file (/tmp/jmh.lock by default), so
that bench/run's C reference programs and JMH runs do not overlap another
benchmark run on the same machine: a second JMH refuses to start while the
lock is held, and this waits for one that holds it.

JMH takes the lock with FileChannel.tryLock, an fcntl record lock on Linux;
fcntl.lockf is the same kind of lock. Such a lock belongs to one process, so
the command's own JMH must be told to skip it (-Djmh.ignoreLock=true).

Usage: locked.py LOCK_FILE COMMAND [ARG...]
"""

import fcntl
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    path, command = sys.argv[1], sys.argv[2:]
    with open(path, "a") as lock:
        try:
            fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            print(f"bench/run: another benchmark run holds {path}; waiting for it to end", file=sys.stderr, flush=True)
            fcntl.lockf(lock, fcntl.LOCK_EX)
        sys.exit(subprocess.call(command))


if __name__ == "__main__":
    main()
