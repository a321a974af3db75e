#!/bin/bash
# make clean-room: proves that a fresh Debian bookworm machine with nothing but git and make runs
# the two set-up commands of README.md.
#
#  1. mmdebstrap makes a minimal bookworm root (variant apt, plus git, make, ca-certificates);
#  2. the current commit (HEAD, not the uncommitted work) is cloned into it as /clean-room/main,
#     with a read-only copy of ../shared beside it as CI has it;
#  3. inside, as root through chroot, with /proc /sys /dev bound: `make`, then `make test`, exactly
#     as README.md says; `make` must write outputs/manifest.json;
#  4. then recover.sh breaks the set-up (truncated CMake cache, failed configure, cmake killed,
#     build killed, package install interrupted) and checks that `make` succeeds again each time.
#
# Prints each step's time and the test summary; on a failure, the last lines of that step's log,
# and exits non-zero. The mounts and the root are removed at the end, also when interrupted.
# Downloaded .deb files (never installed state) are kept between runs in CLEAN_ROOM_CACHE
# (default /var/cache/digivestland-clean-room); .debs the run did not use are pruned after a pass.
#
# Needs root (make clean-room uses sudo when not root) and the Debian archive, reached the way this
# machine reaches it (its apt sources and its Acquire::Check-Valid-Until setting).
# Environment: CLEAN_ROOM_CACHE, CLEAN_ROOM_LOGS (keep the step logs there), CLEAN_ROOM_TMP (where
# the root is made; default /var/tmp), CLEAN_ROOM_SKIP_RECOVER=1 (skip step 4).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
src="$(git -C "$here" rev-parse --show-toplevel)"
suite=bookworm
cache="${CLEAN_ROOM_CACHE:-/var/cache/digivestland-clean-room}"
path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

[ "$(id -u)" = 0 ] || { echo "clean-room: needs root (chroot, mounts): sudo $0" >&2; exit 2; }

t_start=$(date +%s)
work=""; root=/nonexistent; logs=""; child=""
summary=()

# --- cleanup ---------------------------------------------------------------------------------------
mounts_under() { awk -v r="$root" '$5 == r || index($5, r "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r; }
# end what runs in the root, unmount everything under it (the tmpfs last), then remove it
remove_root() {
  local p m
  [ -n "$child" ] && kill -TERM -- "-$child" 2>/dev/null
  # processes whose root is the clean room (a stray soffice or java, an interrupted make)
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -KILL "${p#/proc/}" 2>/dev/null
  done
  [ -n "$child" ] && { kill -KILL -- "-$child" 2>/dev/null; wait "$child" 2>/dev/null; }
  child=""
  sleep 0.2
  for m in $(mounts_under); do umount "$m" 2>/dev/null || umount -l "$m"; done
  if [ -n "$(mounts_under)" ]; then
    # never rm -rf through a bind mount: it would delete the host's files
    echo "clean-room: still mounted, $work left in place:" >&2; mounts_under >&2
    return 1
  fi
  rm -rf --one-file-system "$root"
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  remove_root || rc=1
  if [ -n "$work" ] && [ -e "$work" ] && [ ! -e "$root" ]; then
    [ -n "${CLEAN_ROOM_LOGS:-}" ] || rm -rf "$logs"
    rm -rf "$work"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'echo "clean-room: interrupted" >&2; exit 130' INT
trap 'echo "clean-room: terminated" >&2; exit 143' TERM

work="$(mktemp -d "${CLEAN_ROOM_TMP:-/var/tmp}/digivestland-clean-room.XXXXXX")"
chmod 755 "$work"   # apt's _apt user reads its lists below it
root="$work/root"
logs="${CLEAN_ROOM_LOGS:-$work/logs}"
mkdir -p "$logs" "$root"
# The root lives in memory unless CLEAN_ROOM_TMPFS=0: dpkg's many fsyncs, the build and the final
# removal cost far less there (a few GiB at the end; the machine has 24).
if [ "${CLEAN_ROOM_TMPFS:-1}" != 0 ]; then
  mount -t tmpfs -o "size=${CLEAN_ROOM_TMPFS_SIZE:-12g},mode=755" clean-room "$root"
fi

fmt() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
# step NAME LOG COMMAND...: runs COMMAND in its own process group (so a signal reaches the trap at
# once and the trap can end it), logs its output, prints its time; on failure the log's last lines.
step() {
  local name=$1 log=$2 t0 rc; shift 2
  t0=$(date +%s); step_t0=$t0
  printf 'clean-room: %-34s ' "$name ..."
  setsid "$@" </dev/null >"$log" 2>&1 & child=$!
  rc=0; wait "$child" || rc=$?
  child=""
  local dt=$(( $(date +%s) - t0 ))
  summary+=("$(printf '%-34s %s' "$name" "$(fmt $dt)")")
  if [ $rc != 0 ]; then
    echo "FAILED after $(fmt $dt) (exit $rc); last lines of its log ($(basename "$log")):"
    tail -n "${CLEAN_ROOM_TAIL:-60}" "$log" | sed 's/^/  | /'
    exit 1
  fi
  echo "ok, $(fmt $dt)"
}
# a command inside the clean room, as root, in the plain environment of a fresh machine
in_root=(chroot "$root" /usr/bin/env -i HOME=/root PATH="$path" LANG=C.UTF-8 TERM=dumb)

sha="$(git -C "$src" rev-parse HEAD)"
echo "clean-room: Debian $suite root in $root, commit $(git -C "$src" log -1 --format='%h %s' "$sha")"
if [ -n "$(git -C "$src" status --porcelain --untracked-files=no)" ]; then
  echo "clean-room: note: uncommitted changes in $src are not part of this run (HEAD is)"
fi

# --- 0. mmdebstrap on this machine ----------------------------------------------------------------
if ! command -v mmdebstrap >/dev/null; then
  step "install mmdebstrap (host)" "$logs/mmdebstrap-install.log" sh -c \
    'apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends mmdebstrap'
fi

# --- 1. the root ----------------------------------------------------------------------------------
mkdir -p "$cache/archives/partial"
exec 9>"$cache/lock"
flock -w 3600 9 || { echo "clean-room: $cache is locked by another run" >&2; exit 1; }
mirrors=()
if grep -qs "^VERSION_CODENAME=$suite" /etc/os-release; then
  for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list; do
    grep -qs "$suite" "$f" && mirrors+=("$f")   # the archive as this machine reaches it
  done
fi
aptopts=()
if apt-config dump 2>/dev/null | grep -q '^Acquire::Check-Valid-Until "false"'; then
  aptopts+=(--aptopt='Acquire::Check-Valid-Until "false"')
fi
step "mmdebstrap (bookworm, apt+git+make)" "$logs/mmdebstrap.log" \
  mmdebstrap --variant=apt --include=git,make,ca-certificates --skip=essential/unlink "${aptopts[@]}" \
    --setup-hook='mkdir -p "$1/var/cache/apt/archives"' \
    --setup-hook="mount --bind '$cache/archives' \"\$1/var/cache/apt/archives\"" \
    --customize-hook='umount "$1/var/cache/apt/archives"' \
    "$suite" "$root" "${mirrors[@]}"

# --- 2. the checkout, with ../shared beside it ------------------------------------------------------
mkdir -p "$root/clean-room"
git clone --quiet --no-checkout "$src" "$root/clean-room/main"
git -C "$root/clean-room/main" checkout --quiet --detach "$sha"
if [ -d "$src/../shared" ]; then
  cp -a "$src/../shared" "$root/clean-room/shared"
  chmod -R a-w "$root/clean-room/shared"
fi
cp "$here/recover.sh" "$root/clean-room/recover.sh"

for d in proc sys dev; do
  mount --rbind "/$d" "$root/$d"
  mount --make-rslave "$root/$d"
done
# .debs that `make` downloads land in the cache too
mount --bind "$cache/archives" "$root/var/cache/apt/archives"

# This machine's own CA certificates (a TLS-inspecting proxy's, in /usr/local/share/ca-certificates),
# so that npm in the root (make test: html_tools_setup) reaches the npm registry as this machine does.
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  "${in_root[@]}" update-ca-certificates >/dev/null
fi

# --- 3. the two commands of README.md -------------------------------------------------------------
step "make" "$logs/make.log" "${in_root[@]}" sh -c 'cd /clean-room/main && make'
co="$root/clean-room/main"
[ -s "$co/outputs/manifest.json" ] || { echo "clean-room: make wrote no outputs/manifest.json"; exit 1; }
# where the time of `make` went, from the stamps it leaves
t_deps=$(stat -c %Y "$co/build/.deps-ok"); t_conf=$(stat -c %Y "$co/build/.configured")
t_out=$(stat -c %Y "$co/outputs/manifest.json")
make_parts="packages $(fmt $((t_deps - step_t0))), configure $(fmt $((t_conf - t_deps))), compile and pipeline $(fmt $((t_out - t_conf)))"
summary[-1]+="  ($make_parts)"
echo "clean-room:   of which $make_parts"
step "make test" "$logs/make-test.log" "${in_root[@]}" sh -c 'cd /clean-room/main && make test'
tests_line="$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$logs/make-test.log" | tail -1 || true)"
[ -n "$tests_line" ] || { echo "clean-room: make test printed no ctest summary"; tail -40 "$logs/make-test.log"; exit 1; }

# --- 4. make again after breaking it ----------------------------------------------------------------
if [ "${CLEAN_ROOM_SKIP_RECOVER:-0}" != 1 ]; then
  step "make again after 5 breakages" "$logs/recover.log" "${in_root[@]}" bash /clean-room/recover.sh /clean-room/main
  recover_line="$(tail -1 "$logs/recover.log" || true)"
fi

# --- after a pass: keep only the .debs this root uses ----------------------------------------------
keep="$("${in_root[@]}" dpkg-query -W -f='${Package}_${Version}_${Architecture}.deb\n' | sed 's/:/%3a/')"
pruned=0
for f in "$cache"/archives/*.deb; do
  [ -e "$f" ] || continue
  grep -qxF "$(basename "$f")" <<<"$keep" || { rm -f "$f"; pruned=$((pruned + 1)); }
done
rm -rf "$cache/archives/partial"/*
npkg=$(wc -l <<<"$keep"); used=$(df -h --output=used "$root" | tail -1 | tr -d ' ')
t0=$(date +%s); remove_root
summary+=("$(printf '%-34s %s' "remove the root" "$(fmt $(( $(date +%s) - t0 )))")")

echo
echo "clean-room: passed on commit ${sha:0:12}"
for s in "${summary[@]}"; do echo "  $s"; done
echo "  total                              $(fmt $(( $(date +%s) - t_start )))"
echo "  tests: $tests_line"
[ -n "${recover_line:-}" ] && echo "  $recover_line"
echo "  the root at the end: $npkg packages, $used on disk"
echo "  .deb cache: $(du -sh "$cache/archives" | cut -f1) in $cache ($pruned unused pruned)"
# the plain closing line: the tests the fresh machine ran
n=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$tests_line"); f=$(sed -E 's/.* ([0-9]+) tests? failed.*/\1/' <<<"$tests_line")
echo "clean-room: $((n - f)) passed, $f failed"
