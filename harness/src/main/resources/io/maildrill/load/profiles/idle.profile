# Many clients that stay in IDLE (RFC 2177) and a few that change the mailbox under them: every
# EXISTS, EXPUNGE and FETCH pushed to an idle client goes through the oracle as it arrives (EXISTS
# never shrinks without an EXPUNGE, an EXPUNGE names a message the client knows). For holding
# thousands of idle sessions; docs/load.md says how to tune Dovecot for that.
profile idle
description clients idling in IDLE while a few append, delete and expunge on the same accounts
mailbox INBOX
messages 30

persona idler weight 49 think 0ms idle 29m
step LOGIN 100
step SELECT 100
step IDLE 100

persona changer weight 1 think 1s
step LOGIN 100
step SELECT 100
step APPEND 100
step DELETE 100
step EXPUNGE 100
