#!/usr/bin/env python3
"""Runs programs on a real pseudo-terminal for scripts/bench.sh (Python 3 standard library only).

  ptyrun.py first-screen --cols 100 --rows 30 --marker TEXT [--row N] [--runs N] -- CMD...
      Starts CMD on a fresh pty of that size, feeds its output to a small VT parser and stops the
      clock when TEXT appears on screen row N, i.e. when that row is drawn.
      Peak RSS (VmHWM from /proc/PID/status) is read once the output has gone quiet. Prints one
      JSON object per run: {"ms": …, "rss_kb": …}. Without --row, TEXT may be on any row.

  ptyrun.py run --cols 200 --rows 60 -- CMD...
      Runs CMD on a pty of that size, draining its output, and exits with its status.
"""
import argparse
import fcntl
import json
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time


class Screen:
    """Just enough of a VT100/xterm to know what text is on which row.

    Handles printable UTF-8 (wide East Asian characters count as one cell here, which is good
    enough for finding ASCII markers), CR, LF, BS, TAB, CUP/HVP, CUU/CUD/CUF/CUB, CHA, VPA, ED,
    EL, ECH, REP, and ignores every other CSI, OSC, DCS and charset sequence.
    """

    def __init__(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.grid = [[" "] * cols for _ in range(rows)]
        self.x = self.y = 0
        self.state = "text"
        self.params = ""
        self.last = " "
        self.decoder = __import__("codecs").getincrementaldecoder("utf-8")("replace")

    def row_text(self, row):
        return "".join(self.grid[row])

    def feed(self, data):
        for ch in self.decoder.decode(data):
            self._char(ch)

    def _put(self, ch):
        if self.x >= self.cols:
            self.x = 0
            self._lf()
        self.grid[self.y][self.x] = ch
        self.last = ch
        self.x += 1

    def _lf(self):
        if self.y + 1 < self.rows:
            self.y += 1
        else:
            self.grid.pop(0)
            self.grid.append([" "] * self.cols)

    def _char(self, ch):
        state = self.state
        if state == "text":
            if ch == "\x1b":
                self.state = "esc"
            elif ch == "\r":
                self.x = 0
            elif ch == "\n" or ch == "\x0b" or ch == "\x0c":
                self._lf()
            elif ch == "\b":
                self.x = max(0, self.x - 1)
            elif ch == "\t":
                self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
            elif ch < " " or ch == "\x7f":
                pass
            else:
                self._put(ch)
        elif state == "esc":
            if ch == "[":
                self.state, self.params = "csi", ""
            elif ch == "]":
                self.state = "osc"
            elif ch in "P_^X":
                self.state = "string"
            elif ch in "()*+-./#%":
                self.state = "charset"
            else:
                self.state = "text"  # ESC 7, ESC 8, ESC =, ESC >, ESC M …: no visible text
                if ch == "M":
                    self.y = max(0, self.y - 1)
        elif state == "charset":
            self.state = "text"
        elif state in ("osc", "string"):
            if ch == "\x07":
                self.state = "text"
            elif ch == "\x1b":
                self.state = "string-esc"
        elif state == "string-esc":
            self.state = "text" if ch == "\\" else "string"
        elif state == "csi":
            if "\x40" <= ch <= "\x7e":
                self.state = "text"
                self._csi(self.params, ch)
            else:
                self.params += ch

    def _csi(self, params, final):
        if params[:1] in ("?", ">", "=", "<"):
            return
        numbers = []
        for part in params.split(";"):
            try:
                numbers.append(int(part) if part else None)
            except ValueError:
                numbers.append(None)

        def n(index, default=1):
            value = numbers[index] if index < len(numbers) else None
            return default if value in (None, 0) and default == 1 else (value if value is not None else default)

        if final in "Hf":
            self.y = min(self.rows - 1, max(0, n(0) - 1))
            self.x = min(self.cols - 1, max(0, n(1) - 1))
        elif final == "A":
            self.y = max(0, self.y - n(0))
        elif final == "B":
            self.y = min(self.rows - 1, self.y + n(0))
        elif final == "C":
            self.x = min(self.cols - 1, self.x + n(0))
        elif final == "D":
            self.x = max(0, self.x - n(0))
        elif final == "G" or final == "`":
            self.x = min(self.cols - 1, max(0, n(0) - 1))
        elif final == "d":
            self.y = min(self.rows - 1, max(0, n(0) - 1))
        elif final == "J":
            mode = n(0, 0)
            if mode == 0:
                self.grid[self.y][self.x:] = [" "] * (self.cols - self.x)
                for row in range(self.y + 1, self.rows):
                    self.grid[row] = [" "] * self.cols
            elif mode == 1:
                for row in range(0, self.y):
                    self.grid[row] = [" "] * self.cols
                self.grid[self.y][: self.x + 1] = [" "] * (self.x + 1)
            else:
                self.grid = [[" "] * self.cols for _ in range(self.rows)]
        elif final == "K":
            mode = n(0, 0)
            row = self.grid[self.y]
            if mode == 0:
                row[self.x:] = [" "] * (self.cols - self.x)
            elif mode == 1:
                row[: self.x + 1] = [" "] * (self.x + 1)
            else:
                self.grid[self.y] = [" "] * self.cols
        elif final == "X":
            count = min(n(0), self.cols - self.x)
            self.grid[self.y][self.x:self.x + count] = [" "] * count
        elif final == "b":
            for _ in range(n(0)):
                self._put(self.last)


def open_pty(cols, rows):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return master, slave


def spawn(command, slave, env):
    def child_setup():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    return subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env,
                            preexec_fn=child_setup, close_fds=True)


def read_hwm(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def stop(process, master):
    """SIGTERM, drain until the child has gone (so it can restore the terminal), SIGKILL after 2 s."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 2
    while process.poll() is None and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                os.read(master, 65536)
            except OSError:
                break
    if process.poll() is None:
        process.kill()
    process.wait()


def first_screen(args, env):
    master, slave = open_pty(args.cols, args.rows)
    screen = Screen(args.cols, args.rows)
    rows = range(args.rows) if args.row is None else [args.row if args.row >= 0 else args.rows + args.row]
    start = time.perf_counter()
    process = spawn(args.command, slave, env)
    os.close(slave)
    chunks = []  # (time read, bytes): parsed after the run, so parsing never delays a read
    rss = None
    quiet_deadline = None
    hard_deadline = start + args.timeout
    marker = args.marker.encode()
    try:
        while True:
            now = time.perf_counter()
            if now > hard_deadline or (quiet_deadline is not None and now >= quiet_deadline):
                break
            wait = (quiet_deadline if quiet_deadline is not None else hard_deadline) - now
            ready, _, _ = select.select([master], [], [], max(0.0, wait))
            if not ready:
                continue
            try:
                data = os.read(master, 65536)
            except OSError:
                break  # the child closed the pty
            if not data:
                break
            stamp = time.perf_counter()
            chunks.append((stamp, data))
            # Cheap test on raw bytes: once the marker's last letter has arrived, wait for quiet.
            if quiet_deadline is not None or marker[-1:] in data:
                quiet_deadline = stamp + args.quiet
        # The output went quiet: the screen is complete; the peak RSS so far covers start-up.
        rss = read_hwm(process.pid)
    finally:
        stop(process, master)
        os.close(master)
    seen = None
    transcript = bytearray()
    for stamp, data in chunks:
        transcript += data
        screen.feed(data)
        if any(args.marker in screen.row_text(row) for row in rows):
            seen = stamp
            break
    if seen is None:
        tail = bytes(transcript[-600:]).decode("utf-8", "replace")
        sys.stderr.write(f"ptyrun: '{args.marker}' never appeared on row {list(rows) if len(rows) == 1 else 'any'} of {' '.join(args.command)}; screen:\n")
        for line in range(args.rows):
            sys.stderr.write("  |" + screen.row_text(line).rstrip() + "\n")
        sys.stderr.write(f"  last bytes: {tail!r}\n")
        return None
    return {"ms": (seen - start) * 1000, "rss_kb": rss}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    fs = sub.add_parser("first-screen")
    fs.add_argument("--cols", type=int, default=100)
    fs.add_argument("--rows", type=int, default=30)
    fs.add_argument("--marker", required=True)
    fs.add_argument("--row", type=int, default=None, help="screen row of the marker (negative counts from the bottom); default any row")
    fs.add_argument("--runs", type=int, default=1)
    fs.add_argument("--quiet", type=float, default=0.15, help="seconds of silence that end the first screen")
    fs.add_argument("--timeout", type=float, default=10)
    fs.add_argument("command", nargs="+")
    run = sub.add_parser("run")
    run.add_argument("--cols", type=int, default=80)
    run.add_argument("--rows", type=int, default=24)
    run.add_argument("--timeout", type=float, default=120)
    run.add_argument("command", nargs="+")
    args = parser.parse_args()

    env = dict(os.environ)
    env.setdefault("TERM", "xterm-256color")
    env.setdefault("LANG", "C.UTF-8")
    env["COLUMNS"], env["LINES"] = (str(args.cols), str(args.rows))

    if args.mode == "first-screen":
        for _ in range(args.runs):
            result = first_screen(args, env)
            if result is None:
                return 1
            print(json.dumps(result), flush=True)
        return 0

    master, slave = open_pty(args.cols, args.rows)
    process = spawn(args.command, slave, env)
    os.close(slave)
    deadline = time.monotonic() + args.timeout
    while process.poll() is None and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                if not os.read(master, 1 << 20):
                    break
            except OSError:
                break
    if process.poll() is None and time.monotonic() >= deadline:
        sys.stderr.write(f"ptyrun: {' '.join(args.command)} timed out\n")
        stop(process, master)
        return 124
    status = process.wait()
    os.close(master)
    return status


if __name__ == "__main__":
    sys.exit(main())
