package org.sockets4j.samples;

import java.nio.charset.StandardCharsets;

/** How the samples print bytes from the network: as UTF-8 text, one printed line per chunk. */
final class Text {

    private Text() {}

    /** {@code buf[offset, offset + length)} as text, without one trailing line end ({@code println} adds its own). */
    static String ofChunk(byte[] buf, int offset, int length) {
        String text = new String(buf, offset, length, StandardCharsets.UTF_8);
        if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
        if (text.endsWith("\r")) text = text.substring(0, text.length() - 1);
        return text;
    }
}
