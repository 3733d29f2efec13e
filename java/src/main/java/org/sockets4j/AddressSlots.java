package org.sockets4j;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.sockets4j.internal.NativeMemory;
import org.sockets4j.internal.OptionLayout;
import org.sockets4j.internal.Scratch;

/**
 * The address layout for option codecs, over {@link AddressCodec}: a getsockopt's address arrives in the thread's
 * scratch slot; a setsockopt's struct gets fresh slots (options are off the hot path, except ints and flags,
 * which carry no address).
 */
final class AddressSlots implements OptionLayout {

    static final AddressSlots INSTANCE = new AddressSlots();

    private AddressSlots() {}

    @Override
    public long outSlot() {
        return Scratch.get().outAddress();
    }

    @Override
    public InetAddress outIp() {
        return outSocketAddress().getAddress();
    }

    @Override
    public InetSocketAddress outSocketAddress() {
        return (InetSocketAddress) AddressCodec.read(Scratch.get().out());
    }

    @Override
    public Slots slots() {
        return new Three();
    }

    /** Three address slots of the layout, for the structs that carry several addresses. */
    private static final class Three implements Slots {
        private final ByteBuffer memory = ByteBuffer.allocateDirect(3 * Scratch.ADDRESS_SIZE)
                .order(ByteOrder.nativeOrder());
        private final long base = NativeMemory.address(memory);

        private ByteBuffer slot(int i) {
            return memory.slice(i * Scratch.ADDRESS_SIZE, Scratch.ADDRESS_SIZE).order(ByteOrder.nativeOrder());
        }

        @Override
        public long ip(int i, InetAddress ip) {
            if (ip != null) AddressCodec.writeIp(ip, slot(i));
            return base + (long) i * Scratch.ADDRESS_SIZE;
        }

        @Override
        public long socketAddress(int i, InetSocketAddress address) {
            AddressCodec.write(address, Family.INET6, "value", slot(i));
            return base + (long) i * Scratch.ADDRESS_SIZE;
        }
    }
}
