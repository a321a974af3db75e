#!/usr/bin/python3
"""The JSON Schemas in schemas/ must accept the shipped inputs and catch what an editor can catch
of the malformed corpus (tests/data/bad): types, enums, unknown and missing keys, patterns.
Rules a schema cannot express (check digits, duplicates, cross-file references) are the
program's job and are not counted here."""
import copy, glob, json, os, sys
import jsonschema

src = sys.argv[1]
schemas = {n: json.load(open(os.path.join(src, "schemas", n + ".schema.json"))) for n in ("kommunar", "portefolje", "samarbeid")}
good = {n: json.load(open(os.path.join(src, "inputs", n + ".json"))) for n in schemas}
failures = []
for n, s in schemas.items():
    jsonschema.Draft202012Validator.check_schema(s)
    for e in jsonschema.Draft202012Validator(s).iter_errors(good[n]):
        failures.append("shipped %s.json rejected by its schema: %s at %s" % (n, e.message, list(e.absolute_path)))


def walk(doc, path):
    parts = [p.replace("~1", "/").replace("~0", "~") for p in path.split("/")[1:]]
    for p in parts[:-1]:
        doc = doc[int(p)] if isinstance(doc, list) else doc[p]
    return doc, (parts[-1] if parts else None)


def apply(doc, ops):
    doc = copy.deepcopy(doc)
    for op in ops:
        if op["path"] == "" and op["op"] == "replace":
            doc = op["value"]
            continue
        if op["op"] == "move":
            parent, key = walk(doc, op["from"])
            value = parent.pop(key)
            op = {"op": "add", "path": op["path"], "value": value}
        parent, key = walk(doc, op["path"])
        if isinstance(parent, list):
            key = int(key)
        if op["op"] == "remove":
            del parent[key]
        else:
            parent[key] = op["value"]
    return doc


caught = total = 0
for case in sorted(glob.glob(os.path.join(src, "tests/data/bad/*.json"))):
    spec = json.load(open(case))
    if "patch" not in spec:
        continue
    name = spec["file"].replace(".json", "")
    total += 1
    doc = apply(good[name], spec["patch"])
    if any(True for _ in jsonschema.Draft202012Validator(schemas[name]).iter_errors(doc)):
        caught += 1
for f in failures:
    print("schema: " + f)
print("schema: shipped inputs valid; the schemas catch %d of %d patched malformed inputs" % (caught, total))
sys.exit(1 if failures or caught < 15 else 0)
