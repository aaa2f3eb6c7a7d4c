#!/usr/bin/env python3
"""Keep the code in small pieces: no function over 100 lines and no source
file over 600 lines in plugin/ and tools/ (the project's style rules).

    scripts/check-size.py [--max-function N] [--max-file N] [DIR ...]

Prints one line per violation (path:line: what) and exits 1 when there is
any, 0 otherwise. A function is a brace block that follows a parameter list
and is not a control statement; its length counts the lines from the line of
its opening brace to the line of its closing one. Comments and string
literals are ignored when braces are matched.
"""
import argparse
import os
import re
import sys

SOURCE_SUFFIXES = (".c", ".h", ".cpp")
CONTROL = re.compile(r"\b(if|for|while|switch|catch|do|else)\s*(\(.*\))?\s*$", re.S)


def strip_comments_and_strings(text):
    """Blanks out comments and literals, keeping newlines (line numbers)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(c + re.sub(r"[^\n]", " ", text[i + 1:j]) + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def is_function_head(head):
    """Whether the text before a '{' ends a function's declarator."""
    head = head.strip()
    if not head or head.endswith("=") or head.endswith(","):
        return False
    # const, override, noexcept, -> T, and a constructor's initialiser list
    # may follow the parameter list.
    m = re.search(r"\)\s*(const|override|final|noexcept|\s|->\s*[\w:<>*&, ]+)*$", head)
    if not m:
        return False
    if CONTROL.search(head) or re.search(r"\b(if|for|while|switch)\s*\(", head.split("\n")[-1]):
        return False
    if re.search(r"\[[^\]]*\]\s*\([^)]*\)\s*(mutable\s*)?(->\s*[\w:<>*&]+\s*)?$", head):
        return False  # a lambda: part of its enclosing function
    return True


def functions(text):
    """Yields (start line, line count, head) of every top-level function."""
    code = strip_comments_and_strings(text)
    stack = []  # (kind, line) for each open brace
    head_start = 0
    line = 1
    for i, c in enumerate(code):
        if c == "\n":
            line += 1
        elif c == "{":
            head = code[head_start:i]
            inside_function = any(entry[0] == "function" for entry in stack)
            kind = "block" if inside_function else (
                "function" if is_function_head(head) else "scope")
            stack.append((kind, line, head))
            head_start = i + 1
        elif c == "}":
            if stack:
                kind, start, head = stack.pop()
                if kind == "function":
                    yield start, line - start + 1, head.strip().split("\n")[-1]
            head_start = i + 1
        elif c == ";":
            head_start = i + 1


def check(path, max_function, max_file):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    problems = []
    lines = text.count("\n")
    if lines > max_file:
        problems.append("%s:1: file has %d lines (at most %d)" % (path, lines, max_file))
    for start, count, head in functions(text):
        if count > max_function:
            problems.append("%s:%d: function has %d lines (at most %d): %s"
                            % (path, start, count, max_function, head[:70]))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-function", type=int, default=100)
    parser.add_argument("--max-file", type=int, default=600)
    parser.add_argument("dirs", nargs="*")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    dirs = args.dirs or [os.path.join(root, "plugin"), os.path.join(root, "tools")]
    problems = []
    for top in dirs:
        if os.path.isfile(top):
            problems += check(top, args.max_function, args.max_file)
            continue
        for base, _, names in sorted(os.walk(top)):
            for name in sorted(names):
                if name.endswith(SOURCE_SUFFIXES):
                    problems += check(os.path.join(base, name),
                                      args.max_function, args.max_file)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
