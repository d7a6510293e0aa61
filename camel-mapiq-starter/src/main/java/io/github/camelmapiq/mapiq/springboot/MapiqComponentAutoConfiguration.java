package io.github.camelmapiq.mapiq.springboot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.MapiqConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.apache.camel.support.service.ServiceHelper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code mapiq} component from the Spring Boot properties {@code camel.component.mapiq.*}, as
 * camel-spring-boot's own starters configure theirs: a {@link ComponentCustomizer} copies every option the application
 * sets onto the component when Camel creates it. Options the application does not set keep the component's default.
 * <p>
 * Switched off with {@code camel.component.mapiq.enabled=false} (or {@code camel.component.enabled=false}); the
 * customizer alone with {@code camel.component.mapiq.customizer.enabled=false}. The application's own
 * {@code ComponentCustomizer} beans run after this one, so code may adjust what the properties set.
 * <p>
 * A property the component does not have stops the start with the property's name; values never appear in messages,
 * since options may be secrets.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, MapiqComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, MapiqComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", MapiqComponentConfiguration.PREFIX })
public class MapiqComponentAutoConfiguration {

    /** Properties of camel-spring-boot's own, not options of the component. */
    private static final Set<String> STARTER_PROPERTIES = Set.of("enabled", "customizer");

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final MapiqComponentConfiguration configuration;

    public MapiqComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
                                           MapiqComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureMapiqComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                applyConfiguredOptions(target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        MapiqComponentConfiguration.PREFIX + ".customizer")
                       && target instanceof MapiqComponent;
            }

            @Override
            public int getOrder() {
                // first: the properties, then the application's customizers
                return Ordered.HIGHEST;
            }
        };
    }

    /** Sets each option present in the Spring environment, through the component's generated configurer. */
    void applyConfiguredOptions(Component component) {
        Map<String, Object> options = configuration.options();
        Map<String, String> optionsByRelaxedName = new TreeMap<>();
        options.keySet().forEach(option -> optionsByRelaxedName.put(relaxed(option), option));

        List<String> toSet = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String key : configuredKeys()) {
            String option = optionsByRelaxedName.get(relaxed(key));
            if (option != null) {
                toSet.add(option);
            } else if (!STARTER_PROPERTIES.contains(relaxed(key))) {
                unknown.add(MapiqComponentConfiguration.PREFIX + "." + key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("The " + MapiqConstants.SCHEME + " component has no option "
                                               + String.join(", ", unknown) + " (see its documentation)");
        }
        // the configurer is resolved when the component is initialised (as camel-spring-boot's starters do)
        ServiceHelper.initService(component);
        PropertyConfigurer configurer = component.getComponentPropertyConfigurer();
        // configuration first: the other options refine it
        toSet.sort((a, b) -> Boolean.compare(!"configuration".equals(a), !"configuration".equals(b)));
        for (String option : toSet) {
            Object value = options.get(option);
            if (value != null && !configurer.configure(camelContext, component, option, value, true)) {
                throw new IllegalStateException("The " + MapiqConstants.SCHEME + " component did not accept option "
                                                + MapiqComponentConfiguration.PREFIX + "." + option);
            }
        }
    }

    /** The keys under {@code camel.component.mapiq} that the application sets, as written. */
    private Set<String> configuredKeys() {
        return Binder.get(applicationContext.getEnvironment())
                .bind(MapiqComponentConfiguration.PREFIX, Bindable.mapOf(String.class, Object.class))
                .map(Map::keySet).orElse(Set.of());
    }

    private static String relaxed(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
