#!/usr/bin/env python3
"""An OTLP/gRPC receiver that accepts every export and keeps nothing: the far end of the tracing
part's exporter, so the services pay for building, batching, encoding and sending spans, and a
collector's own work stays out of the figures.

Usage: otlp_sink.py PORT. Speaks just enough HTTP/2 (cleartext, prior knowledge, as gRPC clients
do): each request stream is read to its end and answered 200 with an empty gRPC message and
grpc-status 0; request headers are not decoded. On SIGTERM it prints one JSON line: exports
answered, request bytes received, connections.
"""

import json
import signal
import socket
import struct
import sys
import threading

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
DATA, HEADERS, SETTINGS, PING, WINDOW_UPDATE = 0x0, 0x1, 0x4, 0x6, 0x8
END_STREAM, ACK, END_HEADERS = 0x1, 0x1, 0x4
MAX_WINDOW = 2 ** 31 - 1

# HPACK without the dynamic table: ":status: 200" is static entry 8; content-type (static entry 31)
# and grpc-status are literals never indexed.
RESPONSE_HEADERS = b"\x88" + b"\x0f\x10" + bytes([len(b"application/grpc")]) + b"application/grpc"
TRAILERS = b"\x00" + bytes([len(b"grpc-status")]) + b"grpc-status" + b"\x01" + b"0"
EMPTY_MESSAGE = b"\x00\x00\x00\x00\x00"  # not compressed, length 0: an empty ExportTraceServiceResponse

counts = {"exports": 0, "bytes": 0, "connections": 0}
lock = threading.Lock()


def frame(kind, flags, stream, payload=b""):
    return struct.pack(">I", len(payload))[1:] + bytes([kind, flags]) + struct.pack(">I", stream) + payload


def read_exactly(connection, size):
    data = b""
    while len(data) < size:
        chunk = connection.recv(size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def serve(connection):
    with lock:
        counts["connections"] += 1
    try:
        if read_exactly(connection, len(PREFACE)) != PREFACE:
            return
        # Our settings: the largest stream window; then the connection window opened as far.
        connection.sendall(frame(SETTINGS, 0, 0, struct.pack(">HI", 0x4, MAX_WINDOW))
                           + frame(WINDOW_UPDATE, 0, 0, struct.pack(">I", MAX_WINDOW - 65535)))
        while True:
            header = read_exactly(connection, 9)
            length = struct.unpack(">I", b"\x00" + header[:3])[0]
            kind, flags = header[3], header[4]
            stream = struct.unpack(">I", header[5:9])[0] & 0x7FFFFFFF
            payload = read_exactly(connection, length) if length else b""
            out = b""
            if kind == SETTINGS and not flags & ACK:
                out += frame(SETTINGS, ACK, 0)
            elif kind == PING and not flags & ACK:
                out += frame(PING, ACK, 0, payload)
            elif kind == DATA:
                with lock:
                    counts["bytes"] += length
                if length:
                    out += frame(WINDOW_UPDATE, 0, 0, struct.pack(">I", length))
            if kind in (DATA, HEADERS) and flags & END_STREAM:
                out += (frame(HEADERS, END_HEADERS, stream, RESPONSE_HEADERS) + frame(DATA, 0, stream, EMPTY_MESSAGE)
                        + frame(HEADERS, END_HEADERS | END_STREAM, stream, TRAILERS))
                with lock:
                    counts["exports"] += 1
            if out:
                connection.sendall(out)
    except (EOFError, OSError):
        pass
    finally:
        connection.close()


def main():
    port = int(sys.argv[1])
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(16)

    def report(*_):
        with lock:
            print(json.dumps(counts), flush=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, report)
    while True:
        connection, _ = server.accept()
        threading.Thread(target=serve, args=(connection,), daemon=True).start()


if __name__ == "__main__":
    main()
