#!/usr/bin/env python3
"""Edits binary crush maps in ways crushtool's text compiler cannot express (see COMMANDS.txt).

usage: patch.py IN OUT EDIT...   where EDIT is one of
  key:ID:TEXT:NEWID        move the name_map or type_map entry (ID, TEXT) to key NEWID
  rename:ID:TEXT:NEWTEXT   turn the name_map entry (ID, TEXT) into (ID, NEWTEXT);
                           NEWTEXT may use Python string escapes and is written as UTF-8
  step:OP:A1:A2=OP2:B1:B2  replace the first rule step (OP, A1, A2) by (OP2, B1, B2)
key and rename edits must match exactly once in the file, step edits at least once,
or the script fails.
"""
import struct, sys


def entry(key, text):
    return struct.pack("<iI", key, len(text)) + text


def replace_once(data, old, new, what):
    if data.count(old) != 1:
        sys.exit(f"{what}: found {data.count(old)} times, expected once")
    return data.replace(old, new)


data = open(sys.argv[1], "rb").read()
for edit in sys.argv[3:]:
    kind, _, rest = edit.partition(":")
    if kind == "key":
        key, text, new = rest.split(":")
        data = replace_once(data, entry(int(key), text.encode()), entry(int(new), text.encode()), edit)
    elif kind == "rename":
        key, text, new = rest.split(":", 2)
        new = new.encode("latin-1").decode("unicode_escape").encode("utf-8")
        data = replace_once(data, entry(int(key), text.encode()), entry(int(key), new), edit)
    elif kind == "step":
        old, new = rest.split("=")
        o = struct.pack("<Iii", *(int(x) for x in old.split(":")))
        n = struct.pack("<Iii", *(int(x) for x in new.split(":")))
        if o not in data:
            sys.exit(f"{edit}: not found")
        data = data.replace(o, n, 1)
    else:
        sys.exit(f"unknown edit {edit}")
open(sys.argv[2], "wb").write(data)
