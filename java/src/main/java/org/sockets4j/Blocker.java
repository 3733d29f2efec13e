package org.sockets4j;

import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.spi.AbstractInterruptibleChannel;

/**
 * The interrupt hook of one socket's blocking calls. The JDK lets code outside it learn of a
 * {@link Thread#interrupt()} aimed at a thread blocked in a call only through
 * {@link AbstractInterruptibleChannel}: between {@code begin()} and {@code end()} an interrupt closes
 * the channel, and {@code end()} then throws {@link ClosedByInterruptException} in the interrupted
 * thread. This class is that channel for nothing but its hook; its close closes the socket, which wakes
 * the call wherever it waits (in the kernel, or parked). Not a view users see.
 */
final class Blocker extends AbstractInterruptibleChannel {

    private final Socket socket;

    Blocker(Socket socket) {
        this.socket = socket;
    }

    /** Before a call that may block: an interrupt from now on (or one already pending) closes the socket. */
    void enter() {
        begin();
    }

    /**
     * After the call: throws {@link ClosedByInterruptException} when an interrupt closed the socket
     * under this thread; the thread keeps its interrupt status, as with NIO's channels.
     */
    void leave() throws ClosedByInterruptException {
        try {
            end(true);
        } catch (ClosedByInterruptException e) {
            throw e;
        } catch (AsynchronousCloseException e) {
            throw new AssertionError("end(true) reports interrupts only", e);
        }
    }

    @Override
    protected void implCloseChannel() throws IOException {
        socket.close();
    }
}
