# Sourced by start and stop so that both agree on paths, ports and users. Every value can be
# overridden from the environment; nothing here has side effects.
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"

SERVER_NAME=greenmail
log() { printf 'greenmail: %s\n' "$*" >&2; }

# The version maildrill embeds (io.maildrill.target.EmbeddedGreenMail.VERSION): the standalone
# target is named "greenmail" too and shares its expectations file.
GREENMAIL_VERSION=2.1.13
GREENMAIL_DIR=${MAILDRILL_GREENMAIL_DIR:-$MAILDRILL_SERVERS_DIR/greenmail}
GREENMAIL_IMAP_PORT=${MAILDRILL_GREENMAIL_IMAP_PORT:-15143}
GREENMAIL_POP3_PORT=${MAILDRILL_GREENMAIL_POP3_PORT:-15110}
GREENMAIL_SMTP_PORT=${MAILDRILL_GREENMAIL_SMTP_PORT:-15025}
GREENMAIL_IMAPS_PORT=${MAILDRILL_GREENMAIL_IMAPS_PORT:-15993}
GREENMAIL_POP3S_PORT=${MAILDRILL_GREENMAIL_POP3S_PORT:-15995}
GREENMAIL_API_PORT=${MAILDRILL_GREENMAIL_API_PORT:-15080}
GREENMAIL_USER_COUNT=${MAILDRILL_GREENMAIL_USER_COUNT:-5}
# Bounded waits, in seconds: readiness after start (a JVM on 2 busy cores), shutdown before SIGKILL.
GREENMAIL_START_TIMEOUT=${MAILDRILL_GREENMAIL_START_TIMEOUT:-20}
GREENMAIL_STOP_TIMEOUT=${MAILDRILL_GREENMAIL_STOP_TIMEOUT:-10}

GREENMAIL_JAR=$GREENMAIL_DIR/lib/greenmail-standalone-$GREENMAIL_VERSION.jar
GREENMAIL_KEYSTORE=$GREENMAIL_DIR/keystore.p12
GREENMAIL_PIDFILE=$GREENMAIL_DIR/run/greenmail.pid
GREENMAIL_LOG=$GREENMAIL_DIR/greenmail.log
GREENMAIL_API=http://$SERVER_HOST:$GREENMAIL_API_PORT

# The JVM's PID when our instance runs, nothing otherwise. "java" alone could be any JVM that
# got the PID (James runs one too): ours was started with this instance's jar.
greenmail_running_pid() {
  local pid
  pid=$(live_pid "$GREENMAIL_PIDFILE" java)
  [[ -n $pid ]] || return 0
  if tr '\0' '\n' 2>/dev/null <"/proc/$pid/cmdline" | grep -qxF "$GREENMAIL_JAR"; then
    printf '%s\n' "$pid"
  fi
}

greenmail_log_tail() {
  if [[ -r $GREENMAIL_LOG ]]; then
    log "last lines of $GREENMAIL_LOG:"
    tail -n 20 "$GREENMAIL_LOG" >&2
  fi
}
