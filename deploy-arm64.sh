#!/usr/bin/env bash
# Publishes the `octopilot` host for linux-arm64 (self-contained, ReadyToRun), stages it as the vehicle computer's file
# system (opt/, etc/, var/) and installs it: into a folder for inspection (--dest) or onto a vehicle over ssh (--target).
# Run ./deploy-arm64.sh --help for the options; deploy/README.md for the layout, the unit's hardening and the checks.
set -euo pipefail

readonly EXIT_FAILED=1        # publish, copy, remote install or unit verification failed
readonly EXIT_USAGE=2         # bad command line (unknown flag, missing value, --dest with --target, bad --onnxruntime-lib)
readonly EXIT_PREREQUISITE=3  # a tool this run needs is missing or too old (dotnet, ssh, rsync, sudo on the target)
readonly MIN_DOTNET_MAJOR=10
readonly MAX_EXPOSURE_PERCENT=25  # systemd-analyze security: overall exposure must stay <= 2.5 (of 10)
readonly ELF_MACHINE_AARCH64=183  # e_machine EM_AARCH64 (0xB7)
readonly REMOTE_STAGE=/var/tmp/octopilot-deploy

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly root
readonly project="$root/runtime/Octopilot.Host/Octopilot.Host.csproj"

usage() {
  cat <<EOF
Usage: ./deploy-arm64.sh --dest DIR [--onnxruntime-lib PATH] [--build-dir DIR]
       ./deploy-arm64.sh --target USER@HOST [--onnxruntime-lib PATH] [--build-dir DIR]

Publishes runtime/Octopilot.Host for linux-arm64 (self-contained, ReadyToRun) and stages the vehicle computer's files:
  opt/octopilot/                     the binary, .NET runtime, libonnxruntime.so, runtime/config/*.json, onnx/models/
  etc/octopilot/octopilot.json       the service configuration (deploy/octopilot.json)
  etc/octopilot/vehicle-settings.json  the pipeline settings it names (deploy/vehicle-settings.json)
  etc/systemd/system/octopilot.service   the hardened unit (deploy/octopilot.service)
  etc/systemd/system/octopilot.service.d/jetson-gpu.conf   GPU device access, only with --onnxruntime-lib
  var/lib/octopilot/drives/          the drive log folder (the service's only writable path)

  --dest DIR              stage into DIR for inspection; no root needed. DIR must be absent, empty, or a tree this
                          script staged before: it is wiped and rebuilt, so running twice gives the same tree.
  --target USER@HOST      stage locally, copy to HOST with rsync over ssh, create the octopilot user and group if
                          missing, install, systemctl daemon-reload, enable and (re)start octopilot.service, waiting for
                          READY=1. Needs root or passwordless sudo on HOST. Re-running replaces the release in place.
  --onnxruntime-lib PATH  bundle a locally built GPU libonnxruntime.so (aarch64 ELF) instead of the NuGet package's
                          CPU build (no linux-arm64 GPU package exists); libonnxruntime_providers_*.so next to PATH
                          are bundled too, and the Jetson GPU device drop-in is installed.
  --build-dir DIR         MSBuild artifacts for the arm64 publish (default \$DEPLOY_ARM64_BUILD_DIR or
                          artifacts/deploy-arm64); kept between runs so a re-run publishes incrementally.
  -h, --help              this text.

Checks: the dotnet SDK (>= $MIN_DOTNET_MAJOR), ssh and rsync for --target, every model against its .sha256, the binary is
an aarch64 ELF, and when systemd-analyze is installed: 'systemd-analyze verify' of the staged unit (against the staged
binary) and 'systemd-analyze security --offline=true' exposure <= 2.5.
Exit codes: 0 done, $EXIT_FAILED failed, $EXIT_USAGE usage error, $EXIT_PREREQUISITE missing prerequisite.
EOF
}

say() { echo "deploy-arm64: $*" >&2; }
fail() { say "$*"; exit "$EXIT_FAILED"; }
usage_error() { say "$*"; say "run ./deploy-arm64.sh --help for the options"; exit "$EXIT_USAGE"; }
missing() { say "$*"; exit "$EXIT_PREREQUISITE"; }

# Prints "CLASS DATA MACHINE" from an ELF header (e_ident[EI_CLASS], e_ident[EI_DATA], e_machine little-endian at
# offset 18), or nothing when the file is not ELF.
elf_header() {
  local -a b
  read -r -a b <<<"$(od -An -tu1 -N20 -v -- "$1" 2>/dev/null | tr -s ' \n' '  ')" || true
  if [[ ${#b[@]} -ge 20 && ${b[0]} -eq 127 && ${b[1]} -eq 69 && ${b[2]} -eq 76 && ${b[3]} -eq 70 ]]; then
    echo "${b[4]} ${b[5]} $((b[18] + 256 * b[19]))"
  fi
}

# True when $1 is a 64-bit little-endian aarch64 ELF file.
is_aarch64_elf() {
  [[ "$(elf_header "$1")" == "2 1 $ELF_MACHINE_AARCH64" ]]
}

# ---- command line --------------------------------------------------------------------------------------------------
dest=""
target=""
ort_lib=""
build_dir="${DEPLOY_ARM64_BUILD_DIR:-$root/artifacts/deploy-arm64}"
while [[ $# -gt 0 ]]; do
  arg="$1"
  case "$arg" in
    -h|--help) usage; exit 0 ;;
    --dest|--target|--onnxruntime-lib|--build-dir)
      [[ $# -ge 2 && -n "$2" && "$2" != --* ]] || usage_error "$arg needs a value"
      value="$2"; shift 2 ;;
    --dest=*|--target=*|--onnxruntime-lib=*|--build-dir=*)
      value="${arg#*=}"; arg="${arg%%=*}"; shift
      [[ -n "$value" ]] || usage_error "$arg needs a value" ;;
    *) usage_error "unknown option '$arg'" ;;
  esac
  case "$arg" in
    --dest) dest="$value" ;;
    --target) target="$value" ;;
    --onnxruntime-lib) ort_lib="$value" ;;
    --build-dir) build_dir="$value" ;;
  esac
done

if [[ -n "$dest" && -n "$target" ]]; then
  usage_error "--dest and --target are exclusive: stage into a folder, or install onto a vehicle, not both"
fi
if [[ -z "$dest" && -z "$target" ]]; then
  usage_error "say where to install: --dest DIR (a staging folder) or --target USER@HOST (a vehicle computer)"
fi
if [[ -n "$target" && ! "$target" =~ ^([A-Za-z0-9._-]+@)?[A-Za-z0-9._:-]+$ ]]; then
  usage_error "--target '$target': expected USER@HOST or HOST (an ssh destination)"
fi
if [[ -n "$ort_lib" ]]; then
  [[ -f "$ort_lib" ]] || usage_error "--onnxruntime-lib '$ort_lib': no such file"
  header="$(elf_header "$ort_lib")"
  [[ -n "$header" ]] || usage_error "--onnxruntime-lib '$ort_lib': not an ELF file; give the libonnxruntime.so built for the vehicle computer"
  is_aarch64_elf "$ort_lib" || usage_error "--onnxruntime-lib '$ort_lib': an ELF file for another machine (EI_CLASS EI_DATA e_machine = $header; a 64-bit little-endian aarch64 library is 2 1 $ELF_MACHINE_AARCH64); build ONNX Runtime for linux-aarch64"
  ort_lib="$(cd "$(dirname "$ort_lib")" && pwd)/$(basename "$ort_lib")"
fi
if [[ -n "$dest" ]]; then
  mkdir -p "$(dirname "$dest")" 2>/dev/null || true
  [[ -d "$(dirname "$dest")" ]] || usage_error "--dest '$dest': parent folder does not exist and cannot be created"
  dest="$(cd "$(dirname "$dest")" && pwd)/$(basename "$dest")"
  if [[ -e "$dest" && ! -d "$dest" ]]; then
    usage_error "--dest '$dest' is a file, not a folder"
  fi
  if [[ -d "$dest" && ! -f "$dest/.octopilot-stage" && -n "$(ls -A "$dest")" ]]; then
    usage_error "--dest '$dest' is not empty and was not staged by this script (no .octopilot-stage): refusing to wipe it"
  fi
fi

# ---- prerequisites -------------------------------------------------------------------------------------------------
command -v dotnet >/dev/null || missing "dotnet not found on PATH: install the .NET $MIN_DOTNET_MAJOR SDK (https://dot.net)"
# Run in the repository so global.json's SDK pin applies; it fails when no installed SDK satisfies it.
sdk_version="$(cd "$root" && dotnet --version 2>&1)" || missing "no .NET SDK satisfies $root/global.json: $sdk_version"
[[ "${sdk_version%%.*}" =~ ^[0-9]+$ && "${sdk_version%%.*}" -ge $MIN_DOTNET_MAJOR ]] \
  || missing ".NET SDK $sdk_version is too old: $MIN_DOTNET_MAJOR or newer is needed"
if [[ -n "$target" ]]; then
  command -v ssh >/dev/null || missing "ssh not found on PATH: --target copies over ssh (apt-get install openssh-client)"
  command -v rsync >/dev/null || missing "rsync not found on PATH: --target copies with rsync (apt-get install rsync)"
fi

# ---- stage ---------------------------------------------------------------------------------------------------------
mkdir -p "$build_dir" || usage_error "--build-dir '$build_dir' cannot be created"
build_dir="$(cd "$build_dir" && pwd)"
if [[ -n "$dest" ]]; then
  case "$build_dir/" in
    "$dest"/*) usage_error "--build-dir '$build_dir' is inside --dest '$dest', which is wiped on every run" ;;
  esac
  case "$dest/" in
    "$build_dir"/*) usage_error "--dest '$dest' is inside --build-dir '$build_dir': pick a folder outside it" ;;
  esac
  stage="$dest"
else
  stage="$build_dir/stage"
fi
rm -rf -- "$stage"
mkdir -p "$stage"
touch "$stage/.octopilot-stage"
opt="$stage/opt/octopilot"

say "publishing linux-arm64 (self-contained, ReadyToRun) with SDK $sdk_version into $opt"
publish_log="$build_dir/publish.log"
started=$SECONDS
if ! dotnet publish "$project" -c Release -r linux-arm64 --self-contained -p:PublishReadyToRun=true \
      -p:SatelliteResourceLanguages=en --artifacts-path "$build_dir/msbuild" -o "$opt" --nologo -v quiet --disable-build-servers -nodeReuse:false \
      >"$publish_log" 2>&1; then
  tail -n 40 "$publish_log" >&2
  fail "dotnet publish failed (full log: $publish_log)"
fi
say "published in $((SECONDS - started)) s"

is_aarch64_elf "$opt/octopilot" || fail "$opt/octopilot is not an aarch64 ELF executable: '$(elf_header "$opt/octopilot")'"
for config in rig-default-8cam.json scenario-highway.json sim-vehicle-1280x960.json; do
  [[ -f "$opt/runtime/config/$config" ]] || fail "the publish has no runtime/config/$config: check Octopilot.Host.csproj's content items"
done
models=0
while IFS= read -r -d '' checksum; do
  (cd "$(dirname "$checksum")" && sha256sum --check --quiet --strict "$(basename "$checksum")") >&2 \
    || fail "model checksum mismatch: $checksum"
  models=$((models + 1))
done < <(find "$opt/onnx/models" -name 'model.onnx.sha256' -print0 2>/dev/null)
[[ $models -gt 0 ]] || fail "the publish has no onnx/models/**/model.onnx.sha256: check Octopilot.Host.csproj's content items"
say "$models model(s) match their SHA-256"

if [[ -n "$ort_lib" ]]; then
  install -m 0755 "$ort_lib" "$opt/libonnxruntime.so"
  for provider in "$(dirname "$ort_lib")"/libonnxruntime_providers_*.so; do
    [[ -e "$provider" ]] || continue
    is_aarch64_elf "$provider" || fail "$provider (next to --onnxruntime-lib) is not an aarch64 ELF library"
    install -m 0755 "$provider" "$opt/$(basename "$provider")"
  done
  install -D -m 0644 "$root/deploy/jetson-gpu.conf" "$stage/etc/systemd/system/octopilot.service.d/jetson-gpu.conf"
  say "bundled $(basename "$ort_lib") as libonnxruntime.so (+ providers) and the Jetson GPU device drop-in"
fi

install -D -m 0644 "$root/deploy/README.md" "$opt/deploy/README.md"
commit="$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
if [[ "$commit" != unknown && -n "$(git -C "$root" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
  commit="$commit+local-changes"
fi
printf 'octopilot %s linux-arm64\n' "$commit" >"$opt/RELEASE"
install -D -m 0644 "$root/deploy/octopilot.json" "$stage/etc/octopilot/octopilot.json"
install -D -m 0644 "$root/deploy/vehicle-settings.json" "$stage/etc/octopilot/vehicle-settings.json"
install -D -m 0644 "$root/deploy/octopilot.service" "$stage/etc/systemd/system/octopilot.service"
install -d -m 0750 "$stage/var/lib/octopilot/drives"

# ---- unit checks (where systemd-analyze exists) --------------------------------------------------------------------
# verify runs against a throw-away root holding the host's own units (for sysinit.target & co.), the staged unit and
# drop-in, and the staged binary at /opt/octopilot/octopilot, so ExecStart is checked against what ships. verify
# reports unknown keys on stderr with exit code 0, so any output counts as a failure.
if command -v systemd-analyze >/dev/null; then
  vroot="$build_dir/verify-root"
  rm -rf -- "$vroot"
  units_dir=/usr/lib/systemd/system
  [[ -d "$units_dir" ]] || units_dir=/lib/systemd/system
  mkdir -p "$vroot/usr/lib/systemd" "$vroot/opt/octopilot" "$vroot/etc"
  cp -a "$units_dir" "$vroot/usr/lib/systemd/system"
  cp -a "$stage/etc/systemd" "$vroot/etc/systemd"
  cp -a "$opt/octopilot" "$vroot/opt/octopilot/octopilot"
  verify_output="$(cd / && systemd-analyze verify --root="$vroot" /etc/systemd/system/octopilot.service 2>&1)" \
    || fail "systemd-analyze verify failed:"$'\n'"$verify_output"
  [[ -z "$verify_output" ]] || fail "systemd-analyze verify reported problems:"$'\n'"$verify_output"
  security_output="$(systemd-analyze security --offline=true --root="$vroot" --threshold=$MAX_EXPOSURE_PERCENT octopilot.service 2>&1)" \
    || fail "systemd-analyze security: exposure above $((MAX_EXPOSURE_PERCENT / 10)).$((MAX_EXPOSURE_PERCENT % 10)):"$'\n'"$security_output"
  rm -rf -- "$vroot"
  say "systemd-analyze verify: ok; $(grep -o 'Overall exposure level.*' <<<"$security_output" || echo 'security: ok')"
else
  say "systemd-analyze not found: unit verification skipped (apt-get install systemd to check the unit here)"
fi

if [[ -n "$dest" ]]; then
  say "staged into $dest ($(du -sh "$dest" | cut -f1))"
  exit 0
fi

# ---- install onto the target ---------------------------------------------------------------------------------------
ssh_options=(-o BatchMode=yes -o ConnectTimeout=15)
remote() { ssh "${ssh_options[@]}" "$target" "$@"; }
remote true 2>/dev/null || fail "cannot ssh to $target without a password prompt (BatchMode): set up a key (ssh-copy-id $target)"
if [[ "$(remote id -u)" == 0 ]]; then
  sudo=""
else
  remote sudo -n true 2>/dev/null || missing "$target: the user is not root and has no passwordless sudo; the install needs one of them"
  sudo="sudo -n"
fi
remote command -v rsync >/dev/null || missing "$target has no rsync: install it there (apt-get install rsync)"
remote command -v systemctl >/dev/null || missing "$target has no systemctl: the service needs systemd"

say "copying the staged tree to $target:$REMOTE_STAGE"
rsync -a --delete --exclude=.octopilot-stage -e "ssh ${ssh_options[*]}" "$stage/" "$target:$REMOTE_STAGE/" \
  || fail "rsync to $target failed"

say "installing on $target"
# shellcheck disable=SC2087  # expanded locally on purpose: the stage path is this script's constant
remote "$sudo bash -s" <<EOF || fail "install on $target failed (see the lines above)"
set -euo pipefail
stage=$REMOTE_STAGE
getent group octopilot >/dev/null || groupadd --system octopilot
id -u octopilot >/dev/null 2>&1 || useradd --system --gid octopilot --no-create-home --home-dir /nonexistent \
  --shell /usr/sbin/nologin --comment "Octopilot driving service" octopilot
getent group video >/dev/null || { echo "no group 'video' on this machine: the unit's SupplementaryGroups=video (camera and GPU device access) would fail" >&2; exit 1; }

# The release swaps in whole: a running service keeps its open files until it restarts below.
rm -rf /opt/octopilot.new /opt/octopilot.old
cp -a "\$stage/opt/octopilot" /opt/octopilot.new
chown -R root:root /opt/octopilot.new
if [ -d /opt/octopilot ]; then mv /opt/octopilot /opt/octopilot.old; fi
mv /opt/octopilot.new /opt/octopilot
rm -rf /opt/octopilot.old

install -d -m 0755 /etc/octopilot
install -m 0644 "\$stage/etc/octopilot/octopilot.json" "\$stage/etc/octopilot/vehicle-settings.json" /etc/octopilot/
install -m 0644 "\$stage/etc/systemd/system/octopilot.service" /etc/systemd/system/octopilot.service
if [ -f "\$stage/etc/systemd/system/octopilot.service.d/jetson-gpu.conf" ]; then
  install -D -m 0644 "\$stage/etc/systemd/system/octopilot.service.d/jetson-gpu.conf" /etc/systemd/system/octopilot.service.d/jetson-gpu.conf
else
  rm -f /etc/systemd/system/octopilot.service.d/jetson-gpu.conf
fi
install -d -m 0755 /var/lib/octopilot
install -d -m 0750 -o octopilot -g octopilot /var/lib/octopilot/drives

systemctl daemon-reload
if command -v systemd-analyze >/dev/null; then
  out="\$(systemd-analyze verify /etc/systemd/system/octopilot.service 2>&1)" || { echo "\$out" >&2; exit 1; }
  if [ -n "\$out" ]; then echo "\$out" >&2; exit 1; fi
fi
systemctl enable --quiet octopilot.service
# Type=notify: restart/start return once READY=1 arrived (model loaded, every camera delivered) or fail.
if systemctl is-active --quiet octopilot.service; then systemctl restart octopilot.service; else systemctl start octopilot.service; fi
systemctl --no-pager --lines=5 status octopilot.service || true
cat /opt/octopilot/RELEASE
EOF
say "installed and running on $target"
