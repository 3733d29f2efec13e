package org.sockets4j;

import java.io.Serializable;

/**
 * The facts of one failed system call, shared by every exception that reports
 * one ({@link NativeError}): the operation, the portable {@link Errno} and the
 * OS's own number. Serializable, so that the exceptions holding it are; its
 * form is its components.
 *
 * @param operation  the call that failed: {@code connect}, {@code bind}, {@code recv}, ...
 * @param errno      the portable code; the same on every OS for the same failure
 * @param nativeCode the OS's number for the error ({@code errno}, or a {@code WSAE*} code on Windows); 0 when Java
 *                   detected it
 * @serial exclude
 */
public record NativeFailure(String operation, Errno errno, int nativeCode) implements Serializable {

    /**
     * The message every exception of this library uses: operation, detail, text and portable name.
     *
     * @param detail what the call was made on, e.g. the remote address; may be null or empty
     * @return the message
     */
    String message(String detail) {
        return operation + (detail == null || detail.isEmpty() ? "" : " " + detail) + ": " + errno.description()
                + " (" + errno.name() + ")";
    }
}
