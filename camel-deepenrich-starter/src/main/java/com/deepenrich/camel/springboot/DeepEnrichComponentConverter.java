package com.deepenrich.camel.springboot;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.stereotype.Component;

/**
 * Binds the object options ({@code camel.component.deepenrich.ledger=#myLedger}) to the Spring bean of that name.
 */
@Component
@ConfigurationPropertiesBinding
public class DeepEnrichComponentConverter implements GenericConverter {

    private final ApplicationContext applicationContext;

    public DeepEnrichComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return DeepEnrichComponentConfiguration.BEAN_REFERENCE_TYPES.stream()
                .map(type -> new ConvertiblePair(String.class, type))
                .collect(Collectors.toSet());
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString();
        if (!reference.startsWith("#")) {
            throw new IllegalArgumentException("'" + reference + "' is not a bean reference: write #name or #bean:name"
                                               + " to use the " + targetType.getType().getName() + " bean called name");
        }
        String name = reference.startsWith("#bean:") ? reference.substring(6) : reference.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
