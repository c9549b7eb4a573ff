#!/usr/bin/env python3
"""Scripted structured replies for `switchboard mock-providers --replies`, one per caller turn
in the order `llm-stream eval` asks them: for each case file, its utterances (the reading the
case expects, as an LLM that understood perfectly would answer), then its calls' turns ("-",
which is no JSON: the script's rules decide those, as after a failed reading).

Usage: understand-oracle.py SCRIPT_SLOTS CASES... > replies.txt
SCRIPT_SLOTS: the script's slot names, comma-separated (every key is sent, null when unknown,
as a strict schema requires)."""
import json
import sys

import yaml


def main() -> None:
    slots = sys.argv[1].split(",")
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as handle:
            cases = yaml.safe_load(handle)
        for case in cases.get("utterances") or []:
            values = {name: None for name in slots}
            values.update({k: str(v) for k, v in (case.get("slots") or {}).items()})
            print(json.dumps({"intent": case.get("intent"), "slots": values}, ensure_ascii=False))
        for call in cases.get("calls") or []:
            for _ in call["turns"]:
                print("-")


if __name__ == "__main__":
    main()
