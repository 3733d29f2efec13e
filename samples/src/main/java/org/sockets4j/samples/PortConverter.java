package org.sockets4j.samples;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a TCP port: a decimal number from 0 to 65535 (0: let the kernel pick one). */
public final class PortConverter implements ITypeConverter<Integer> {

    /** The highest port number. */
    static final int MAX = 65535;

    @Override
    public Integer convert(String value) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a port number (0-" + MAX + ")");
        }
        if (port < 0 || port > MAX) {
            throw new TypeConversionException("port " + port + " is out of range (0-" + MAX + ")");
        }
        return port;
    }
}
