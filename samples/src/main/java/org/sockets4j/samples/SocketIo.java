package org.sockets4j.samples;

import java.io.EOFException;
import java.io.IOException;
import org.sockets4j.Socket;

/**
 * The two loops every stream program needs around {@code send} and {@code recv}:
 * a stream socket may send or receive fewer bytes than asked for.
 */
final class SocketIo {

    private SocketIo() {}

    /** Sends {@code buf[offset, offset + length)} on a blocking socket, calling {@code send} until all is sent. */
    static void sendAll(Socket socket, byte[] buf, int offset, int length) throws IOException {
        int end = offset + length;
        while (offset < end) {
            int sent = socket.send(buf, offset, end - offset);
            if (sent <= 0) {
                // A blocking send never returns WOULD_BLOCK or 0 for a non-empty buffer; refuse to spin if it does.
                throw new IOException("send returned " + sent + " with " + (end - offset) + " bytes left");
            }
            offset += sent;
        }
    }

    /**
     * Receives exactly {@code length} bytes into {@code buf[offset, ...)} on a blocking socket.
     *
     * @throws EOFException if the peer ends the stream first
     */
    static void recvFully(Socket socket, byte[] buf, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = socket.recv(buf, offset + done, length - done);
            if (n == Socket.EOF) {
                throw new EOFException("the peer closed the connection after " + done + " of " + length + " bytes");
            }
            if (n <= 0) throw new IOException("recv returned " + n + " with " + (length - done) + " bytes missing");
            done += n;
        }
    }
}
