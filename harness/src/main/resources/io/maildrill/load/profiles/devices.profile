# Many devices on one account: a phone that polls with NOOP, a webmail tab that lists headers
# first and opens a body on demand, and a desktop that stays in IDLE between flagging, deleting
# and expunging. Every device must see the others' changes: the oracle checks each response,
# pushed ones included, against what the session was told.
profile devices
description a phone polling, a webmail tab listing headers, a desktop idling, flagging and expunging, on one account
mailbox INBOX
messages 200

persona phone weight 2 think 500ms
step LOGIN 100
step SELECT 100
step NOOP 100
step NOOP 100
step FETCH 30
step NOOP 100
step LOGOUT 10

persona webmail weight 1 think 200ms
step LOGIN 100
step SELECT 100
step FETCH 100
step FETCH2 50
step STORE 20
step LOGOUT 20

persona desktop weight 1 think 300ms idle 5s
step LOGIN 100
step SELECT 100
step FETCH 100
step IDLE 100
step STORE 50
step APPEND 40
step DELETE 30
step EXPUNGE 30
step NOOP 100
step LOGOUT 5
