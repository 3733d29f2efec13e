package org.sockets4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README.md's tables are the code's tables: declared once, printed by `tables`, shown there. */
class ReadmeTablesTest {

    private static String section(String readme, String name) {
        String begin = "<!-- tables:" + name + " -->\n", end = "<!-- /tables:" + name + " -->";
        int from = readme.indexOf(begin), to = readme.indexOf(end);
        assertTrue(from >= 0 && to > from, "README.md lacks the " + name + " markers");
        return readme.substring(from + begin.length(), to);
    }

    @Test
    void theReadmeShowsTheCodesTables() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertEquals(Tables.optionTable(), section(readme, "options"),
                "README.md's option table is stale: run ci/readme-tables");
        assertEquals(Tables.errorTable(), section(readme, "errors"),
                "README.md's error table is stale: run ci/readme-tables");
    }

    @Test
    void theCommandPrintsBoth() {
        CliRun run = CliRun.sockets4j("tables", "--options", "--errors");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Tables.optionTable() + "\n" + Tables.errorTable(), run.out());
    }
}
