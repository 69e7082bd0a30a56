# Sourced by start and stop so that both agree on paths, ports and users. Every value can be
# overridden from the environment; nothing here has side effects.
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"

SERVER_NAME=james
log() { printf 'james: %s\n' "$*" >&2; }

JAMES_VERSION=3.8.1
JAMES_DIR=${MAILDRILL_JAMES_DIR:-$MAILDRILL_SERVERS_DIR/james}
# 14xxx: beside Dovecot (10xxx), Cyrus (11xxx), Courier (12xxx), Mailutils (13xxx) and
# GreenMail (15xxx), so all of them can run at once.
JAMES_IMAP_PORT=${MAILDRILL_JAMES_IMAP_PORT:-14143}
JAMES_POP3_PORT=${MAILDRILL_JAMES_POP3_PORT:-14110}
JAMES_IMAPS_PORT=${MAILDRILL_JAMES_IMAPS_PORT:-14993}
JAMES_POP3S_PORT=${MAILDRILL_JAMES_POP3S_PORT:-14995}
JAMES_SMTP_PORT=${MAILDRILL_JAMES_SMTP_PORT:-14025}
JAMES_LMTP_PORT=${MAILDRILL_JAMES_LMTP_PORT:-14024}
# WebAdmin (REST, no authentication) is how start creates users; loopback only.
JAMES_WEBADMIN_PORT=${MAILDRILL_JAMES_WEBADMIN_PORT:-14080}
JAMES_USER_COUNT=${MAILDRILL_JAMES_USER_COUNT:-5}
# Bounded waits, in seconds. A JVM with Guice wiring ~300 jars needs ~5 s on 2 shared cores;
# 60 s leaves room for a loaded CI machine.
JAMES_START_TIMEOUT=${MAILDRILL_JAMES_START_TIMEOUT:-60}
JAMES_STOP_TIMEOUT=${MAILDRILL_JAMES_STOP_TIMEOUT:-10}
# A bounded heap: the memory store keeps every message on the heap, and several servers share
# this machine. Part of the fingerprint, so a change restarts.
JAMES_JAVA_OPTS=${MAILDRILL_JAMES_JAVA_OPTS:--Xms64m -Xmx512m}

# The install (Maven Central zip + runtime jars) is kept apart from the configuration, so a
# configuration change never touches the ~122 MB cache and a second start never downloads.
JAMES_APP=$JAMES_DIR/james-server-memory-app
JAMES_JAR=$JAMES_APP/james-server-memory-app.jar
# James reads conf/ and writes var/ below its working directory (-Dworking.directory).
JAMES_HOME=$JAMES_DIR/home
JAMES_CONF=$JAMES_HOME/conf
JAMES_PIDFILE=$JAMES_DIR/run/james.pid
JAMES_LOG=$JAMES_DIR/james.log
JAMES_STDOUT=$JAMES_DIR/stdout.log
JAMES_WEBADMIN=http://$SERVER_HOST:$JAMES_WEBADMIN_PORT

# The JVM's PID when our instance runs, nothing otherwise. The command name of every JVM is
# "java", so the working directory on its command line tells ours from another one.
james_running_pid() {
  local pid
  pid=$(live_pid "$JAMES_PIDFILE" java)
  [[ -n $pid ]] || return 0
  if tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "-Dworking.directory=$JAMES_HOME"; then
    printf '%s\n' "$pid"
  fi
}

james_log_tail() {
  local f
  for f in "$JAMES_LOG" "$JAMES_STDOUT"; do
    if [[ -s $f ]]; then
      log "last lines of $f:"
      tail -n 20 "$f" >&2
    fi
  done
}
