package org.sockets4j.samples;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --model}: {@code thread-per-client}, {@code virtual} or {@code poller}, in any case. */
public final class ModelConverter implements ITypeConverter<Model> {

    @Override
    public Model convert(String value) {
        String wanted = value.toLowerCase(Locale.ROOT);
        for (Model model : Model.values()) {
            if (model.option().equals(wanted)) return model;
        }
        throw new TypeConversionException("'" + value + "' is not a model; use " + Model.CHOICES);
    }
}
