#!/usr/bin/env python3
"""results.py -- write one "## title" section of bench/RESULTS.md.

Every benchmark script owns one section, from its "## title" line up to
the next line that starts with "## ". Writing it replaces that section
where it stands and leaves the others alone; a section not there yet is
appended.

As a module (the bench/ folder on sys.path):
    import results
    results.write_section("bench/RESULTS.md", text)   # text starts "## title"

As a command (for the shell scripts):
    python3 bench/results.py bench/RESULTS.md < SECTION
"""
import os
import sys


def write_section(path, text):
    text = text.rstrip("\n") + "\n"
    title = text.splitlines()[0].rstrip()
    if not title.startswith("## "):
        raise ValueError("a section starts with a '## ' line, not %r" % title)
    old = "# jishi benchmark results\n"
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
    lines = old.splitlines(keepends=True)
    start = next((i for i, l in enumerate(lines) if l.rstrip() == title), None)
    if start is None:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")),
                   len(lines))
        new = "".join(lines[:start]) + text + ("\n" + "".join(lines[end:]) if end < len(lines) else "")
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: results.py RESULTS_MD < SECTION")
    write_section(sys.argv[1], sys.stdin.read())
