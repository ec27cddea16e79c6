package com.deepenrich.camel;

import org.apache.camel.CamelContext;

/**
 * The component's generated configurer, checking every text it is given before binding it. camel-main binds
 * {@code camel.component.deepenrich.*} through it: a number or duration Camel cannot read would become 0, and a
 * misspelt option would be refused without naming the one meant.
 */
final class CheckingComponentConfigurer extends DeepEnrichComponentConfigurer {

    @Override
    public boolean configure(CamelContext camelContext, Object obj, String name, Object value, boolean ignoreCase) {
        OptionValues.check(name, value, getOptionType(name, ignoreCase), " of the deepenrich component");
        if (super.configure(camelContext, obj, name, value, ignoreCase)) {
            return true;
        }
        // only a text comes from a properties file; other values (Spring's own settings) may go elsewhere
        if (value instanceof String && !name.contains(".")) {
            throw new IllegalArgumentException(
                    "Unknown option of the deepenrich component: " + OptionNames.COMPONENT.describeUnknown(name));
        }
        return false;
    }
}
