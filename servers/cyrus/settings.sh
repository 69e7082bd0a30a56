# Sourced by start and stop so that both agree on paths, ports and users. Every value can be
# overridden from the environment; nothing here has side effects.
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"

SERVER_NAME=cyrus
log() { printf 'cyrus: %s\n' "$*" >&2; }

# Cyrus' processes run as $CYRUS_RUN_AS and must traverse this path: keep it out of any 0700
# temp directory (see servers/README.md, "UNAVAILABLE").
CYRUS_DIR=${MAILDRILL_CYRUS_DIR:-$MAILDRILL_SERVERS_DIR/cyrus}
CYRUS_IMAP_PORT=${MAILDRILL_CYRUS_IMAP_PORT:-11143}
CYRUS_POP3_PORT=${MAILDRILL_CYRUS_POP3_PORT:-11110}
CYRUS_IMAPS_PORT=${MAILDRILL_CYRUS_IMAPS_PORT:-11993}
CYRUS_POP3S_PORT=${MAILDRILL_CYRUS_POP3S_PORT:-11995}
CYRUS_LMTP_PORT=${MAILDRILL_CYRUS_LMTP_PORT:-11024}
CYRUS_USER_COUNT=${MAILDRILL_CYRUS_USER_COUNT:-5}
# Bounded waits, in seconds: readiness after start, shutdown before SIGKILL.
CYRUS_START_TIMEOUT=${MAILDRILL_CYRUS_START_TIMEOUT:-20}
CYRUS_STOP_TIMEOUT=${MAILDRILL_CYRUS_STOP_TIMEOUT:-10}
# The existing unprivileged "mail" account owns the spool: no new system user is needed,
# and Debian's own cyrus user (made by cyrus-common's postinst, which never runs here) is absent.
CYRUS_RUN_AS=mail

# Debian 12's packages, unpacked (never installed: they conflict with Dovecot's).
CYRUS_ROOT=$CYRUS_DIR/root
CYRUS_BIN=$CYRUS_ROOT/usr/lib/cyrus/bin
CYRUS_CONF=$CYRUS_DIR/imapd.conf
CYRUS_MASTER_CONF=$CYRUS_DIR/cyrus.conf
CYRUS_DATA=$CYRUS_DIR/data
CYRUS_SASLDB=$CYRUS_DIR/sasldb2
CYRUS_PIDFILE=$CYRUS_DIR/run/master.pid
CYRUS_LOG=$CYRUS_DIR/master.log
# The unpacked libcyrus*.so live here; master passes its environment on to every service.
export LD_LIBRARY_PATH=$CYRUS_ROOT/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}

# The master's PID when our instance is running, nothing otherwise.
cyrus_running_pid() { live_pid "$CYRUS_PIDFILE" master; }

cyrus_log_tail() {
  if [[ -r $CYRUS_LOG ]]; then
    log "last lines of $CYRUS_LOG:"
    tail -n 20 "$CYRUS_LOG" >&2
  fi
}
