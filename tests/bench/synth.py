#!/usr/bin/python3
"""Synthetic inputs for the scale benchmark: N municipalities, copies of the shipped ones with
new kommunenummer (5000 and up, clear of the real 46xx), valid organisation numbers (MOD11),
names and registered names marked with the copy's number; the host stays the one host; the
portfolio and settings are the shipped ones.

usage: synth.py SOURCE_DIR N OUT_DIR"""
import copy, json, os, sys

WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def orgnr(serial):
    """The serial-th nine-digit organisation number from 810 000 000 with a valid MOD11 digit."""
    base = 81_000_000 + serial * 10  # up to nine steps below never reach the next serial
    while True:
        digits = [int(c) for c in str(base)]
        check = 11 - sum(w * d for w, d in zip(WEIGHTS, digits)) % 11
        if check == 11:
            check = 0
        if check != 10:
            return str(base) + str(check)
        base += 1


def main():
    src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    kommunar = json.load(open(os.path.join(src, "inputs", "kommunar.json")))
    real = kommunar["kommunar"]
    if n > 5000 + len(real):
        sys.exit("synth.py: at most 5000 municipalities fit four-digit numbers from 5000")
    made, serial = [], 0
    while len(made) < n:
        for k in real:
            if len(made) == n:
                break
            copy_no = len(made) // len(real)
            if copy_no == 0:
                made.append(k)
                continue
            c = copy.deepcopy(k)
            c["vertskommune"] = False
            c["kommunenummer"] = str(5000 + serial)
            c["organisasjonsnummer"] = orgnr(serial)
            serial += 1
            c["namn"] = "%s %d" % (k["namn"], copy_no)
            words = k["registrert_namn"].rsplit(" ", 1)
            c["registrert_namn"] = "%s %d %s" % (words[0], copy_no, words[1])
            made.append(c)
    kommunar["kommunar"] = made
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "kommunar.json"), "w") as f:
        json.dump(kommunar, f, ensure_ascii=False, indent=1)
    with open(os.path.join(src, "inputs", "portefolje.json")) as f_in, open(os.path.join(out, "portefolje.json"), "w") as f_out:
        f_out.write(f_in.read())
    # The knowledge base's sourced member count ("40 of 43") is checked against the memberships:
    # scale it with the copies (400 of 430), within the schema's 0–1000 (1000 of 4 300 still fits).
    with open(os.path.join(src, "inputs", "samarbeid.json")) as f:
        samarbeid = json.load(f)
    count = samarbeid.get("kunnskapsgrunnlag", {}).get("medlemstal")
    if count and "tal" in count:
        count["tal"] = min(1000, count["tal"] * len(made) // len(real))
    with open(os.path.join(out, "samarbeid.json"), "w") as f:
        json.dump(samarbeid, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
