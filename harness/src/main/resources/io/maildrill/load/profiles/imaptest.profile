# imaptest's default stress mix, so that rates compare one to one with Dovecot's imaptest
# (release-2.3, the states[] table of src/client-state.c): each client walks the states in this
# order, takes each with its probability and, once taken, takes it again with its repeat
# probability; after LOGOUT it starts again on a new connection. COPY (33%) is left out, as
# imaptest itself leaves it out unless copybox= is given. What each step sends, and the one
# difference (every FETCH also asks for UID, which the oracle needs), is in docs/load.md.
profile imaptest
description imaptest's default command mix and probabilities
mailbox INBOX
messages 30

persona imaptest weight 1 think 0ms pipeline 10
step LOGIN 100
step LIST 50
step STATUS 50
step SELECT 100
step FETCH 100
step FETCH2 100 repeat 30
step STORE 50
step DELETE 100
step EXPUNGE 100
step APPEND 100 repeat 5
step LOGOUT 100
