package org.sockets4j;

/**
 * Whether the tests run on Wine rather than on Windows: Wine hands the Unix
 * environment to Windows programs, so its own variables are visible.
 */
final class Wine {

    private Wine() {}

    static boolean running() {
        return System.getProperty("os.name", "").startsWith("Windows")
                && (System.getenv("WINEPREFIX") != null || System.getenv("WINELOADER") != null
                        || System.getenv("WINEDEBUG") != null);
    }
}
