package com.deepenrich.camel.springboot;

import java.util.List;
import java.util.stream.Collectors;

import com.deepenrich.camel.OptionNames;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A misspelt {@code camel.component.deepenrich.*} property fails the start (the properties class ignores no unknown
 * name); this names the option it was meant to be, as camel-main and endpoint URIs do.
 */
public class MisspeltPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

    static final String PREFIX = "camel.component.deepenrich.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
        List<String> unknown = cause.getUnboundProperties().stream().map(property -> property.getName().toString())
                .filter(name -> name.startsWith(PREFIX)).sorted().toList();
        if (unknown.isEmpty()) {
            return null;
        }
        String description = unknown.stream().map(MisspeltPropertyFailureAnalyzer::describe)
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis(description, "Correct the property's name: the deepenrich component guide lists "
                                                + "its options.",
                cause);
    }

    private static String describe(String property) {
        return property + " is no option of the deepenrich component"
               + OptionNames.closestComponentOption(property.substring(PREFIX.length()))
                       .map(option -> ": did you mean " + PREFIX + StringHelper.camelCaseToDash(option) + "?")
                       .orElse("");
    }
}
