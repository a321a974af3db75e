#!/usr/bin/python3
"""make bench, second part: `digivestland all` on synthetic inputs of 430 and 4 300
municipalities (tests/bench/synth.py), printing the wall time and the peak memory (maximum
resident set size) of each run, and how both grow per municipality, so linear growth shows as
flat per-municipality figures.

usage: scale.py DIGIVESTLAND SOURCE_DIR [N ...]   (default N: 430 4300)"""
import os, shutil, subprocess, sys, tempfile, time

cli, src = sys.argv[1], sys.argv[2]
sizes = [int(n) for n in sys.argv[3:]] or [430, 4300]
here = os.path.dirname(os.path.abspath(__file__))
work = tempfile.mkdtemp(prefix="dv-scale-")
# CPU seconds (user + system) as well as wall time: on a shared machine the wall time also
# measures the other jobs, the CPU time only this run.
print("%-30s %9s %9s %9s %9s %14s" % ("digivestland all (synthetic)", "kommunar", "wall s", "CPU s", "peak MB", "KB per kommune"))
try:
    for n in sizes:
        inputs = os.path.join(work, "in-%d" % n)
        subprocess.run([sys.executable, os.path.join(here, "synth.py"), src, str(n), inputs], check=True)
        out = os.path.join(work, "out-%d" % n)
        ledger = os.path.join(work, "ledger-%d.sqlite" % n)
        t0 = time.monotonic()
        p = subprocess.Popen([cli, "--quiet", "--inputs", inputs, "--templates", os.path.join(src, "templates"),
                              "--out", out, "--reskontro", ledger, "--ny-reskontro", "all"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = p.stderr.read()
        _, status, usage = os.wait4(p.pid, 0)
        seconds = time.monotonic() - t0
        if os.waitstatus_to_exitcode(status) != 0:
            sys.stderr.write(err.decode())
            sys.exit("scale.py: the run for %d municipalities failed" % n)
        files = sum(len(f) for _, _, f in os.walk(out))
        peak_kb = usage.ru_maxrss  # Linux: kilobytes
        cpu = usage.ru_utime + usage.ru_stime
        print("%-30s %9d %9.1f %9.1f %9.0f %14.1f   (%d files)" % ("", n, seconds, cpu, peak_kb / 1024, peak_kb / n, files))
        shutil.rmtree(out)
finally:
    shutil.rmtree(work, ignore_errors=True)
