# Sourced by start and stop so that both agree on paths, ports and users. Every value can be
# overridden from the environment; nothing here has side effects.
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"

SERVER_NAME=courier
log() { printf 'courier: %s\n' "$*" >&2; }

# The mail processes run as $COURIER_MAIL_USER and must traverse this path: keep it out of any
# 0700 temp directory (see servers/README.md, "UNAVAILABLE").
COURIER_DIR=${MAILDRILL_COURIER_DIR:-$MAILDRILL_SERVERS_DIR/courier}
COURIER_IMAP_PORT=${MAILDRILL_COURIER_IMAP_PORT:-12143}
COURIER_POP3_PORT=${MAILDRILL_COURIER_POP3_PORT:-12110}
COURIER_IMAPS_PORT=${MAILDRILL_COURIER_IMAPS_PORT:-12993}
COURIER_POP3S_PORT=${MAILDRILL_COURIER_POP3S_PORT:-12995}
COURIER_USER_COUNT=${MAILDRILL_COURIER_USER_COUNT:-5}
# Bounded waits, in seconds: readiness after start, shutdown before SIGKILL.
COURIER_START_TIMEOUT=${MAILDRILL_COURIER_START_TIMEOUT:-20}
COURIER_STOP_TIMEOUT=${MAILDRILL_COURIER_STOP_TIMEOUT:-10}
# Virtual users' mail belongs to the existing unprivileged "mail" account: no new system user.
COURIER_MAIL_USER=mail

# Debian 12's courier-base/courier-imap/courier-pop, unpacked (never installed: they conflict
# with Dovecot's). courier-authlib comes from apt: it conflicts with nothing.
COURIER_ROOT=$COURIER_DIR/root
# Bind-mounted over /etc/courier and /run/courier inside a private mount namespace, because
# authlib's paths (authdaemonrc, userdb.dat, the authdaemon socket) are compiled in.
COURIER_ETC=$COURIER_DIR/etc
COURIER_RUN=$COURIER_DIR/run
COURIER_MAIL=$COURIER_DIR/mail
# The process that owns the namespace: a generated script whose name is its command name.
COURIER_RUNNER=$COURIER_DIR/courier-ns
COURIER_PIDFILE=$COURIER_DIR/courier-ns.pid
# The runner's mount namespace (mnt:[inode]), so stop still finds its daemons if it died.
COURIER_NSFILE=$COURIER_DIR/courier-ns.mnt
COURIER_LOG=$COURIER_DIR/courier.log

courier_running_pid() { live_pid "$COURIER_PIDFILE" courier-ns; }

courier_log_tail() {
  if [[ -r $COURIER_LOG ]]; then
    log "last lines of $COURIER_LOG:"
    tail -n 20 "$COURIER_LOG" >&2
  fi
}
