# A POP3 client on one computer downloads what is new and deletes it, while an IMAP client keeps
# appending new mail to the same INBOX. One POP3 session in ten loses its connection before QUIT:
# then nothing it marked may be removed (RFC 1939 §6), and the next session lists it again. The
# oracle checks STAT against LIST, each RETR against LIST's size and the corpus hash, that a marked
# message is listed no more, and across sessions what QUIT removed and what a dropped session kept.
profile pop3
description POP3 downloads and deletes the new mail IMAP appends
mailbox INBOX
messages 30

persona downloader protocol pop3 weight 1 think 200ms
step LOGIN 100
step STAT 100
step LIST 100
step UIDL 100
step RETR 100
step DELE 100
step DROP 10
step QUIT 100

persona sender weight 1 think 200ms
step LOGIN 100
step SELECT 100
step APPEND 100 repeat 50
step LOGOUT 100
