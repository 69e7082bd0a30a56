# Sourced by the scripts under servers/ and by .ci/run: small helpers with no side effects.

# Microseconds since the epoch. Digits only, so a locale with a decimal comma does not matter
# and no external tool (bc, date +%N) is needed on a bare image.
now_us() { printf '%s\n' "${EPOCHREALTIME//[!0-9]/}"; }

# Seconds elapsed since a now_us value, with millisecond precision, e.g. "0.084s".
since() {
  local ms=$((($(now_us) - $1) / 1000))
  printf '%d.%03ds\n' $((ms / 1000)) $((ms % 1000))
}

# ---- Shared by every servers/<name>/ script: one contract, one implementation ----
# Each script sets SERVER_NAME (lower case, e.g. cyrus) and defines log() before using these.

MAILDRILL_SERVERS_DIR=${MAILDRILL_SERVERS_DIR:-/tmp/maildrill-servers}
SERVER_HOST=127.0.0.1

# user1..userN, one per line.
test_users() {
  local i
  for ((i = 1; i <= $1; i++)); do printf 'user%d\n' "$i"; done
}

# A self-signed certificate for 127.0.0.1 and localhost, created once: clients trust it with
# `--trust CERT`. The SAN carries both the IP and the name so either passes hostname checks.
ensure_self_signed_cert() {
  local cert=$1 key=$2
  [[ -s $cert && -s $key ]] && return 0
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -sha256 \
    -subj '/CN=localhost/O=maildrill test server' \
    -addext 'subjectAltName=IP:127.0.0.1,DNS:localhost' \
    -addext 'extendedKeyUsage=serverAuth' \
    -keyout "$key" -out "$cert" 2>/dev/null
  chmod 0600 "$key"
  chmod 0644 "$cert"
}

# True when HOST:PORT sends a first line starting with PREFIX ("* OK", "+OK", "220") within 2 s.
# A subshell, so the descriptor and the silenced stderr of `exec` never leak into the caller.
greets() (
  port=$1 expected=$2 line=''
  exec 3<>"/dev/tcp/$SERVER_HOST/$port" || exit 1
  IFS= read -r -t 2 line <&3 || true
  [[ $line == "$expected"* ]]
) 2>/dev/null

# Waits at most TIMEOUT seconds until every "PORT:PREFIX" greets, while `kill -0 PID` holds.
# Usage: wait_for_greetings TIMEOUT PID 11143:'* OK' 11110:'+OK'
wait_for_greetings() {
  local timeout=$1 pid=$2 deadline spec
  shift 2
  deadline=$((SECONDS + timeout))
  for spec in "$@"; do
    until greets "${spec%%:*}" "${spec#*:}"; do
      if ! alive "$pid"; then
        log "exited during startup"
        return 1
      fi
      if ((SECONDS >= deadline)); then
        log "no greeting on port ${spec%%:*} within ${timeout}s"
        return 1
      fi
      sleep 0.1
    done
  done
}

# True when PID is a running process. A zombie (state Z: exited, not yet reaped — this machine's
# PID 1 reaps orphans late) counts as gone, or every stop would wait for its full timeout.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

# The PID recorded in PIDFILE when that process is alive and its command name is COMM (a
# reused PID of another program is not ours); nothing otherwise.
live_pid() {
  local pidfile=$1 comm=$2 pid
  [[ -r $pidfile ]] || return 0
  pid=$(<"$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  if alive "$pid" && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$comm" ]]; then
    printf '%s\n' "$pid"
  fi
}

# SIGTERM to PID and its process group members, SIGKILL after TIMEOUT seconds. Succeeds when
# nothing is running.
stop_pid() {
  local pid=$1 timeout=$2 deadline
  [[ -n $pid ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + timeout))
  while alive "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
  if alive "$pid"; then
    log "pid $pid still alive after ${timeout}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
}

# Downloads Debian packages and unpacks them into ROOT without installing them (for servers
# whose packages conflict with Dovecot's), then installs from apt only the libraries they need
# that are missing. Usage: unpack_debs ROOT DEBDIR PACKAGE... [-- EXTRA_APT_PACKAGE...]
unpack_debs() {
  local root=$1 debs=$2 packages=() extra=() seen_dashes=0 p
  shift 2
  for p in "$@"; do
    if [[ $p == -- ]]; then seen_dashes=1; continue; fi
    ((seen_dashes)) && extra+=("$p") || packages+=("$p")
  done
  mkdir -p "$debs"
  (cd "$debs" && { apt-get download "${packages[@]}" >&2 2>/dev/null ||
    { apt-get update -q >&2 && apt-get download "${packages[@]}" >&2; }; })
  rm -rf "$root"
  mkdir -p "$root"
  for p in "$debs"/*.deb; do dpkg-deb -x "$p" "$root"; done
  local needed
  needed=$(for p in "$debs"/*.deb; do dpkg-deb -f "$p" Depends; done |
    tr ',' '\n' | sed 's/^ *//; s/[ |(].*//' | grep '^lib' | sort -u)
  # shellcheck disable=SC2086
  "$(dirname "${BASH_SOURCE[0]}")/apt-install" $needed "${extra[@]}"
}

# Writes DIR/target.env atomically from NAME=VALUE arguments (no quotes: readable by `source`,
# Java Properties and env files), then prints the IMAP and POP3 URIs of the target on stdout.
write_target_env() {
  local dir=$1
  shift
  printf '%s\n' "$@" >"$dir/target.env.new"
  mv "$dir/target.env.new" "$dir/target.env"
  grep -E '^MAILDRILL_[A-Z]+_TARGET=' "$dir/target.env" | cut -d= -f2- | tr , '\n'
}

# The upstream version of a package whose .deb unpack_debs downloaded into DEBDIR (or of an
# installed package when DEBDIR is empty), e.g. "3.6.1" for 3.6.1-4+deb12u4; nothing when unknown.
package_version() {
  local debs=$1 package=$2 version=''
  if [[ -n $debs ]]; then
    local deb
    for deb in "$debs/${package}_"*.deb; do
      [[ -e $deb ]] && version=$(dpkg-deb -f "$deb" Version)
    done
  else
    version=$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null || true)
  fi
  version=${version#*:}
  printf '%s\n' "${version%%-*}"
}
