/**
 * sockets4j: the Berkeley sockets API for Java on Linux, macOS and Windows,
 * through a small native library loaded over JNI.
 */
module org.sockets4j {
    exports org.sockets4j;
    exports org.sockets4j.option;
}
