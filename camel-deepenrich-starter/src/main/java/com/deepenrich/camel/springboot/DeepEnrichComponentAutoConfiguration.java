package com.deepenrich.camel.springboot;

import com.deepenrich.camel.DeepEnrichComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures every {@code deepenrich} component Camel creates from {@code camel.component.deepenrich.*}; off with
 * {@code camel.component.deepenrich.enabled=false} (or its customizer with {@code ...customizer.enabled=false}).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, DeepEnrichComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.deepenrich"})
public class DeepEnrichComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final DeepEnrichComponentConfiguration configuration;

    public DeepEnrichComponentAutoConfiguration(ApplicationContext applicationContext,
                                                DeepEnrichComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureDeepEnrichComponent() {
        return new ComponentCustomizer() {

            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext,
                        "camel.component.customizer", "camel.component.deepenrich.customizer")
                       && target instanceof DeepEnrichComponent;
            }
        };
    }
}
