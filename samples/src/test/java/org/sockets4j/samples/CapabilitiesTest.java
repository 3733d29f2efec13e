package org.sockets4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockets4j.Errno;
import org.sockets4j.Family;
import org.sockets4j.MsgFlag;

class CapabilitiesTest {

    @Test
    void listsEveryValueOfTheApisTablesWithThisPlatformsAnswer() {
        List<Capabilities.Row> rows = Capabilities.rows();
        for (Family f : Family.values()) {
            assertTrue(rows.contains(new Capabilities.Row("family", f.name(), f.cName(),
                    f.nativeValue().isPresent() ? Integer.toString(f.nativeValue().getAsInt()) : "-", f.isSupported())), f.name());
        }
        for (MsgFlag m : MsgFlag.values()) {
            assertTrue(rows.stream().anyMatch(r -> r.kind().equals("flag") && r.name().equals(m.name())
                    && r.supported() == m.isSupported()), m.name());
        }
    }

    @Test
    void printsTextAndMarkdownWithTheErrorTable() {
        CliRun text = CliRun.sockets4j("capabilities");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("family +INET +AF_INET +\\d+ +yes")), text.out());

        CliRun md = CliRun.sockets4j("capabilities", "--markdown", "--errors");
        assertEquals(0, md.exitCode(), md.err());
        assertTrue(md.out().contains("| kind | name | C name | value | supported |"), md.out());
        assertTrue(md.out().contains("| ECONNREFUSED | " + Errno.ECONNREFUSED.code() + " | Connection refused |"), md.out());
    }
}
