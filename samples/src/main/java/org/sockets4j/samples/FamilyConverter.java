package org.sockets4j.samples;

import java.util.Locale;
import org.sockets4j.Family;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --family}: {@code inet}, {@code inet6} or {@code unix}, in any case. */
public final class FamilyConverter implements ITypeConverter<Family> {

    /** The accepted values, as the help text lists them. */
    static final String CHOICES = "inet, inet6 or unix";

    @Override
    public Family convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "inet" -> Family.INET;
            case "inet6" -> Family.INET6;
            case "unix" -> Family.UNIX;
            default -> throw new TypeConversionException("'" + value + "' is not an address family; use " + CHOICES);
        };
    }
}
