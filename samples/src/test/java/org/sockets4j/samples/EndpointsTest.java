package org.sockets4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockets4j.Family;

/** The address text the samples print, and host resolution by family. */
class EndpointsTest {

    @ParameterizedTest
    @CsvSource({
        "0:0:0:0:0:0:0:0, [::]:7",
        "0:0:0:0:0:0:0:1, [::1]:7",
        "fe80:0:0:0:0:0:0:1, [fe80::1]:7",
        "1:0:0:0:0:0:0:0, [1::]:7",
        "2001:db8:0:0:1:0:0:1, [2001:db8::1:0:0:1]:7",
        "2001:db8:0:1:1:1:1:1, [2001:db8:0:1:1:1:1:1]:7",
        "2001:0:0:1:0:0:0:1, [2001:0:0:1::1]:7",
        "127.0.0.1, 127.0.0.1:7",
    })
    void formatsInetAddresses(String literal, String expected) throws UnknownHostException {
        assertEquals(expected, Endpoints.format(new InetSocketAddress(InetAddress.getByName(literal), 7)));
    }

    @Test
    void formatsUnixAddresses() {
        assertEquals("/tmp/x.sock", Endpoints.format(UnixDomainSocketAddress.of("/tmp/x.sock")));
        assertEquals("unnamed", Endpoints.format(UnixDomainSocketAddress.of("")));
    }

    @Test
    void wildcardOfEachFamily() throws UnknownHostException {
        assertEquals(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 1), Endpoints.wildcard(Family.INET, 1));
        assertEquals(new InetSocketAddress(InetAddress.getByName("::"), 1), Endpoints.wildcard(Family.INET6, 1));
    }

    @Test
    void resolvesLiteralsByFamily() throws UnknownHostException {
        assertEquals(Family.INET6, Endpoints.familyOf(Endpoints.resolve("::1", 1, null).getAddress()));
        assertEquals(Family.INET, Endpoints.familyOf(Endpoints.resolve("127.0.0.1", 1, Family.INET).getAddress()));
        UnknownHostException e = assertThrows(UnknownHostException.class,
                () -> Endpoints.resolve("127.0.0.1", 1, Family.INET6));
        assertEquals("127.0.0.1 has no IPv6 address", e.getMessage());
    }
}
