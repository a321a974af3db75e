#!/bin/bash
# Runs inside the clean room after `make` and `make test` have passed, in the same checkout: breaks
# the set-up the ways a real run breaks it, and checks that a plain `make` then succeeds again,
# with no `make clean`. Cheap: the object files stay, so no case rebuilds much.
#   1. a truncated CMake cache;
#   2. a failed configure (a package's pkg-config file missing, as when libfreetype-dev was not in
#      the Makefile's list), then the package back;
#   3. cmake killed mid-configure;
#   4. the build killed mid-compile;
#   5. a package install interrupted (a package unpacked but not configured, no deps stamp).
# usage: recover.sh CHECKOUT
set -u
cd "$1" || exit 2
fails=0
say() { printf '\n== recover: %s\n' "$*"; }
fail() { echo "FAIL: $*"; fails=$((fails+1)); }
# `make` must exit 0 and write outputs/manifest.json afresh
make_ok() {
  rm -f outputs/manifest.json
  if make </dev/null; then
    [ -s outputs/manifest.json ] || fail "$1: make exited 0 but wrote no outputs/manifest.json"
  else
    fail "$1: make failed"
  fi
}
# is a process of process group $1 running with "$2" in its command line? (no procps needed)
group_runs() {
  local d st rest
  for d in /proc/[0-9]*; do
    { read -r st < "$d/stat"; } 2>/dev/null || continue
    rest=${st##*) }; set -- "$1" "$2" $rest
    [ "$5" = "$1" ] || continue
    { tr '\0' ' ' < "$d/cmdline"; } 2>/dev/null | grep -q -- "$2" && return 0
  done
  return 1
}
# run a command in its own process group and SIGKILL the whole group as soon as the test $1 holds
kill_when() {
  local cond=$1; shift
  setsid "$@" </dev/null & local pid=$! i
  for i in $(seq 1 3000); do
    eval "$cond" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  kill -KILL -- "-$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return 0
}
state() { local f; for f in build/CMakeCache.txt build/Makefile build/.configured; do [ -e $f ] && printf '%s ' "$f"; done; echo; }

say "1. a truncated CMake cache"
c=$(wc -c < build/CMakeCache.txt)
head -c $((c / 2)) build/CMakeCache.txt > /tmp/cache.half && cat /tmp/cache.half > build/CMakeCache.txt
make_ok "truncated cache"

say "2. a failed configure (freetype2.pc hidden), then make again with it back"
pc=$(pkg-config --variable=pcfiledir freetype2)/freetype2.pc
rm -f build/CMakeCache.txt build/.configured build/Makefile   # as a checkout never configured
mv "$pc" "$pc.hidden"
if make build </dev/null > /tmp/failed-configure.log 2>&1; then fail "make succeeded with freetype2.pc hidden"; fi
grep -q "freetype2.*not found" /tmp/failed-configure.log || { fail "configure did not fail on freetype2"; tail -20 /tmp/failed-configure.log; }
[ -e build/CMakeCache.txt ] && fail "the failed configure left build/CMakeCache.txt behind"
[ -e build/.configured ] && fail "the failed configure left its stamp"
mv "$pc.hidden" "$pc"
make_ok "after a failed configure"

say "3. cmake killed mid-configure (as soon as it has written the cache, before the build files)"
rm -f build/CMakeCache.txt build/.configured build/Makefile
kill_when '[ -e build/CMakeCache.txt ]' make build
echo "left behind: $(state)"
make_ok "after a killed configure"

say "4. the build killed mid-compile"
touch src/cli/main.cpp src/core/text.cpp
kill_when 'group_runs $pid cc1plus && sleep 1' make build
make_ok "after a killed build"

say "5. an interrupted package install (unzip unpacked, not configured; no deps stamp)"
deb=$(ls /var/cache/apt/archives/unzip_*.deb 2>/dev/null | head -1)
if [ -z "$deb" ]; then
  (cd /tmp && apt-get download unzip >/dev/null 2>&1); deb=$(ls /tmp/unzip_*.deb 2>/dev/null | head -1)
fi
if [ -n "$deb" ]; then
  dpkg --remove unzip >/dev/null && dpkg --unpack "$deb" >/dev/null
  dpkg-query -W -f='${Status}\n' unzip
  rm -f build/.deps-ok
  make_ok "after an interrupted install"
  dpkg-query -W -f='${Status}\n' unzip | grep -q 'install ok installed' || fail "unzip not installed again"
else
  fail "no unzip .deb to simulate an interrupted install with"
fi

echo
[ $fails = 0 ] && echo "recover: make succeeded again after each of the 5 breakages" || echo "recover: $fails failure(s)"
exit $((fails > 0))
