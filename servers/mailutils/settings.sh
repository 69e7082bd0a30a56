# Sourced by start and stop so that both agree on paths, ports and users. Every value can be
# overridden from the environment; nothing here has side effects.
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"

SERVER_NAME=mailutils
log() { printf 'mailutils: %s\n' "$*" >&2; }

# imap4d and pop3d switch to the logged-in system user, who must traverse this path to reach
# the mail: keep it out of any 0700 temp directory (see servers/README.md, "UNAVAILABLE").
MAILUTILS_DIR=${MAILDRILL_MAILUTILS_DIR:-$MAILDRILL_SERVERS_DIR/mailutils}
MAILUTILS_IMAP_PORT=${MAILDRILL_MAILUTILS_IMAP_PORT:-13143}
MAILUTILS_POP3_PORT=${MAILDRILL_MAILUTILS_POP3_PORT:-13110}
MAILUTILS_IMAPS_PORT=${MAILDRILL_MAILUTILS_IMAPS_PORT:-13993}
MAILUTILS_POP3S_PORT=${MAILDRILL_MAILUTILS_POP3S_PORT:-13995}
MAILUTILS_USER_COUNT=${MAILDRILL_MAILUTILS_USER_COUNT:-5}
# Bounded waits, in seconds: readiness after start, shutdown before SIGKILL.
MAILUTILS_START_TIMEOUT=${MAILDRILL_MAILUTILS_START_TIMEOUT:-20}
MAILUTILS_STOP_TIMEOUT=${MAILDRILL_MAILUTILS_STOP_TIMEOUT:-10}

# Mailutils authenticates against the system's passwd/shadow (the only file-based alternative,
# virtdomain, wants logins as user1@domain), so the test users are throwaway system accounts.
# This GECOS marks them as ours: start only ever changes accounts that carry it.
MAILUTILS_GECOS='maildrill test user (servers/mailutils)'

MAILUTILS_ETC=$MAILUTILS_DIR/etc
MAILUTILS_DATA=$MAILUTILS_DIR/data
MAILUTILS_LOCKS=$MAILUTILS_DIR/lock
MAILUTILS_IMAP_CONF=$MAILUTILS_ETC/imap4d.conf
MAILUTILS_POP3_CONF=$MAILUTILS_ETC/pop3d.conf
MAILUTILS_IMAP_PIDFILE=$MAILUTILS_DIR/run/imap4d.pid
MAILUTILS_POP3_PIDFILE=$MAILUTILS_DIR/run/pop3d.pid
MAILUTILS_IMAP_LOG=$MAILUTILS_DIR/imap4d.log
MAILUTILS_POP3_LOG=$MAILUTILS_DIR/pop3d.log

# The PIDs of our two master daemons when they run, nothing otherwise.
mailutils_imap_pid() { live_pid "$MAILUTILS_IMAP_PIDFILE" imap4d; }
mailutils_pop3_pid() { live_pid "$MAILUTILS_POP3_PIDFILE" pop3d; }

# Every imap4d/pop3d process started with one of this instance's configuration files: the
# masters and the per-connection children they fork (which keep running, with the old
# configuration, when a master is killed). Nothing else runs with these files.
mailutils_processes() {
  local d cmdline
  for d in /proc/[0-9]*; do
    cmdline=$(tr '\0' ' ' 2>/dev/null <"$d/cmdline") || continue
    case $cmdline in
      *"--config-file=$MAILUTILS_IMAP_CONF "* | *"--config-file=$MAILUTILS_POP3_CONF "*)
        printf '%s\n' "${d#/proc/}" ;;
    esac
  done
  return 0
}

mailutils_log_tail() {
  local f
  for f in "$MAILUTILS_IMAP_LOG" "$MAILUTILS_POP3_LOG"; do
    if [[ -r $f ]]; then
      log "last lines of $f:"
      tail -n 10 "$f" >&2
    fi
  done
}
