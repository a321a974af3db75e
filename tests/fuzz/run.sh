#!/bin/sh
# make fuzz: builds the two libFuzzer harnesses (JSON input loader, template engine) with clang
# under AddressSanitizer and UndefinedBehaviorSanitizer, and runs each for FUZZ_SECONDS (default
# 60) from a seed corpus of the shipped inputs, the malformed-input corpus and the templates.
# A finding stops with the crashing input saved under BUILD/fuzz/findings/; turn it into a case of
# tests/data/bad/ (or a template test) once fixed. Exit 0: no finding within the time.
#
# usage: run.sh SOURCE_DIR BUILD_DIR [SECONDS]
set -eu
src=$(cd "$1" && pwd)
out="$2/fuzz"
seconds="${3:-60}"
mkdir -p "$out/findings" "$out/seed-inputs" "$out/seed-template" "$out/corpus-inputs" "$out/corpus-template"

CXX="${FUZZ_CXX:-clang++}"
FLAGS="-std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -I$src/src"
CORE="$src/src/core/diagnostic.cpp $src/src/core/money.cpp $src/src/core/date.cpp $src/src/core/text.cpp
      $src/src/core/checkdigit.cpp $src/src/core/unicode.cpp $src/src/model/model.cpp $src/src/model/local_text.cpp"
CORE_LIBS="$(pkg-config --libs libutf8proc)"

# Built again only when a source is newer than the harness (a sanitizer build takes minutes).
stale() { [ ! -x "$1" ] || [ -n "$(find "$src/src" "$src/tests/fuzz" -newer "$1" -name '*.[ch]*' | head -1)" ]; }
if stale "$out/fuzz_inputs" || stale "$out/fuzz_template"; then
echo "fuzz: building the harnesses with $CXX (ASan, UBSan, libFuzzer)"
# shellcheck disable=SC2086
$CXX $FLAGS -o "$out/fuzz_inputs" "$src/tests/fuzz/fuzz_inputs.cpp" $CORE \
    "$src/src/input/json_reader.cpp" "$src/src/input/inputs.cpp" "$src/src/input/occasions.cpp" $CORE_LIBS
# shellcheck disable=SC2086
$CXX $FLAGS -o "$out/fuzz_template" "$src/tests/fuzz/fuzz_template.cpp" $CORE \
    "$src/src/report/view_value.cpp" "$src/src/templates/document.cpp" "$src/src/templates/mustache.cpp" \
    "$src/src/templates/markdown.cpp" $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions $CORE_LIBS
fi

# Seeds: the shipped inputs and every raw malformed case; the templates in both målformer.
cp "$src"/inputs/*.json "$out/seed-inputs/"
python3 - "$src" "$out/seed-inputs" <<'PY'
import glob, json, os, sys
src, dst = sys.argv[1], sys.argv[2]
for case in glob.glob(os.path.join(src, "tests/data/bad/*.json")):
    spec = json.load(open(case))
    if "raw" in spec:
        open(os.path.join(dst, os.path.basename(case)), "w").write(spec["raw"])
PY
for f in "$src"/templates/nn/*.md "$src"/templates/nb/*.md; do
    cp "$f" "$out/seed-template/$(basename "$(dirname "$f")")-$(basename "$f")"
done

status=0
for h in inputs template; do
    echo "fuzz: $h for $seconds s"
    dict=""
    [ "$h" = inputs ] && dict="-dict=$src/tests/fuzz/json.dict"
    # shellcheck disable=SC2086
    if ! "$out/fuzz_$h" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
            -print_final_stats=1 -artifact_prefix="$out/findings/$h-" $dict \
            "$out/corpus-$h" "$out/seed-$h" > "$out/$h.log" 2>&1; then
        echo "fuzz: FINDING in the $h harness (see $out/$h.log and $out/findings/)"
        tail -40 "$out/$h.log"
        status=1
    else
        grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$out/$h.log" | sed "s/^/fuzz: $h: /"
    fi
done
[ $status -eq 0 ] && echo "fuzz: no finding"
exit $status
