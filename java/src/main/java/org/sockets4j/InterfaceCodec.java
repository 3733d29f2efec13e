package org.sockets4j;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sockets4j.internal.NativeConstants;

/**
 * Reads the interface table that {@code SIOCGIFCONF} fills (control.h's {@code s4j_interface}): fixed
 * rows of a NUL-terminated name, then an address in {@link AddressCodec}'s layout. Sizes come from C.
 */
final class InterfaceCodec {

    /** The most rows one call asks for. */
    static final int MAX_ROWS = 256;

    private static final int ROW = NativeConstants.require("S4J_INTERFACE_SIZE");
    private static final int NAME_MAX = NativeConstants.require("S4J_INTERFACE_NAME_MAX");

    private InterfaceCodec() {}

    /** Memory for {@link #MAX_ROWS} rows, for C to fill. */
    static ByteBuffer table() {
        return ByteBuffer.allocateDirect(MAX_ROWS * ROW).order(ByteOrder.nativeOrder());
    }

    /** The first {@code rows} rows of {@code table}. */
    static List<InterfaceEntry> decode(ByteBuffer table, int rows) {
        List<InterfaceEntry> entries = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            byte[] name = new byte[NAME_MAX];
            table.get(i * ROW, name);
            int length = 0;
            while (length < name.length && name[length] != 0) length++;
            ByteBuffer address = table.slice(i * ROW + NAME_MAX, ROW - NAME_MAX).order(ByteOrder.nativeOrder());
            InetSocketAddress a = (InetSocketAddress) AddressCodec.read(address);
            entries.add(new InterfaceEntry(new String(name, 0, length, StandardCharsets.UTF_8), a.getAddress()));
        }
        return List.copyOf(entries);
    }
}
