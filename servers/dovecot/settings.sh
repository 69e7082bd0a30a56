# Sourced by start, stop and reset-user so that all three agree on paths, ports and users.
# Every value can be overridden from the environment; nothing here has side effects.
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"

MAILDRILL_SERVERS_DIR=${MAILDRILL_SERVERS_DIR:-/tmp/maildrill-servers}
# Dovecot's auth and mail processes run unprivileged and must traverse this path, so it
# lives outside any 0700 temp directory (see servers/README.md, "UNAVAILABLE").
DOVECOT_DIR=${MAILDRILL_DOVECOT_DIR:-$MAILDRILL_SERVERS_DIR/dovecot}
DOVECOT_HOST=127.0.0.1
DOVECOT_IMAP_PORT=${MAILDRILL_DOVECOT_IMAP_PORT:-10143}
DOVECOT_POP3_PORT=${MAILDRILL_DOVECOT_POP3_PORT:-10110}
DOVECOT_LMTP_PORT=${MAILDRILL_DOVECOT_LMTP_PORT:-10024}
DOVECOT_IMAPS_PORT=${MAILDRILL_DOVECOT_IMAPS_PORT:-10993}
DOVECOT_POP3S_PORT=${MAILDRILL_DOVECOT_POP3S_PORT:-10995}
DOVECOT_USER_COUNT=${MAILDRILL_DOVECOT_USER_COUNT:-5}
# Connections one imap process serves. Dovecot's default, 1, makes each IMAP session a process
# (at most service imap's process_limit of them); a load run holding thousands of IDLE sessions
# sets e.g. 100 (docs/load.md). The conformance runs keep 1, Dovecot's usual setup.
DOVECOT_IMAP_CLIENT_LIMIT=${MAILDRILL_DOVECOT_IMAP_CLIENT_LIMIT:-1}
# Bounded waits, in seconds: readiness after start, shutdown before SIGKILL.
DOVECOT_START_TIMEOUT=${MAILDRILL_DOVECOT_START_TIMEOUT:-20}
DOVECOT_STOP_TIMEOUT=${MAILDRILL_DOVECOT_STOP_TIMEOUT:-10}

DOVECOT_CONF=$DOVECOT_DIR/dovecot.conf
DOVECOT_RUN=$DOVECOT_DIR/run
DOVECOT_LOG=$DOVECOT_DIR/dovecot.log
DOVECOT_MAIL=$DOVECOT_DIR/mail
DOVECOT_PIDFILE=$DOVECOT_RUN/master.pid

log() { printf 'dovecot: %s\n' "$*" >&2; }

# The master's PID when our instance is running, nothing otherwise. Checks the command name
# too, so a stale master.pid whose number was reused by another process is not trusted.
dovecot_running_pid() {
  local pid
  [[ -r $DOVECOT_PIDFILE ]] || return 0
  pid=$(<"$DOVECOT_PIDFILE")
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  if kill -0 "$pid" 2>/dev/null && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == dovecot ]]; then
    printf '%s\n' "$pid"
  fi
}

dovecot_users() {
  local i
  for ((i = 1; i <= DOVECOT_USER_COUNT; i++)); do printf 'user%d\n' "$i"; done
}

dovecot_log_tail() {
  if [[ -r $DOVECOT_LOG ]]; then
    log "last lines of $DOVECOT_LOG:"
    tail -n 20 "$DOVECOT_LOG" >&2
  fi
}
