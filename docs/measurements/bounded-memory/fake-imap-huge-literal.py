import socket, sys, threading
# A fake IMAP server on loopback: normal enough for discovery, then one FETCH answered with a
# literal announced as {4000000000} of which 256 MiB are streamed, after which it stalls.
def handle(c):
    f = c.makefile('rb')
    c.sendall(b"* OK [CAPABILITY IMAP4rev1] fake\r\n")
    try:
        for line in f:
            parts = line.decode('latin-1').split(' ', 2)
            tag = parts[0]; cmd = parts[1].strip().upper() if len(parts) > 1 else ''
            if cmd == 'CAPABILITY':
                c.sendall(b"* CAPABILITY IMAP4rev1\r\n" + tag.encode() + b" OK done\r\n")
            elif cmd == 'LOGOUT':
                c.sendall(b"* BYE bye\r\n" + tag.encode() + b" OK done\r\n"); break
            elif cmd in ('SELECT', 'EXAMINE'):
                c.sendall(b"* 1 EXISTS\r\n* FLAGS ()\r\n" + tag.encode() + b" OK [READ-WRITE] done\r\n")
            elif cmd == 'FETCH':
                c.sendall(b"* 1 FETCH (BODY[] {4000000000}\r\n")
                chunk = b"x" * 65536
                for _ in range(4096):
                    c.sendall(chunk)
                threading.Event().wait(120)
                break
            else:
                c.sendall(tag.encode() + b" OK done\r\n")
    except OSError:
        pass
    finally:
        c.close()
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(16)
while True:
    c, _ = s.accept()
    threading.Thread(target=handle, args=(c,), daemon=True).start()
