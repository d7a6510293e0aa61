package io.github.camelmapiq.examples.springboot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Component;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;

/**
 * Sets the Spring properties {@code camel.component.<name>.*} on the Camel component {@code <name>} when Camel
 * creates it, as camel-spring-boot's starters do for their own components, for a component that has no starter.
 * <p>
 * Values go through Camel's property binding with the component's generated configurer, so they mean what they mean
 * in Camel Main's {@code application.properties}: durations such as {@code 20s}, {@code #bean:name} references,
 * Camel {@code {{placeholders}}}. Spring {@code ${placeholders}} are resolved first, and names may be kebab-case
 * ({@code client-id}) or camelCase. An option the component does not have stops the start with its full property
 * name, instead of being ignored. Error messages never carry a value, since options may be secrets.
 */
public final class ComponentOptionsFromEnvironment implements ComponentCustomizer {

    private final Environment environment;
    private final String componentName;
    private final String prefix;

    public ComponentOptionsFromEnvironment(Environment environment, String componentName) {
        this.environment = environment;
        this.componentName = componentName;
        this.prefix = "camel.component." + componentName;
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return componentName.equals(name);
    }

    @Override
    public void configure(String name, Component component) {
        Map<String, String> properties = readProperties();
        if (properties.isEmpty()) {
            return;
        }
        PropertyConfigurerGetter configurer = configurerOf(component);
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, String> propertyNames = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        properties.forEach((key, value) -> {
            String option = StringHelper.dashToCamelCase(key);
            if (configurer.getOptionType(option, true) != null) {
                options.put(option, value);
                propertyNames.put(option, prefix + "." + key);
            } else {
                unknown.add(prefix + "." + key);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("The " + componentName + " component has no option "
                                               + String.join(", ", unknown) + " (see its documentation)");
        }
        try {
            PropertyBindingSupport.build()
                    .withConfigurer((PropertyConfigurer) configurer)
                    .withReflection(false)
                    .withIgnoreCase(true)
                    .withMandatory(true)
                    .bind(component.getCamelContext(), component, options);
        } catch (PropertyBindingException e) {
            String option = e.getPropertyName();
            Class<?> type = configurer.getOptionType(option, true);
            throw new IllegalArgumentException("Invalid value of " + propertyNames.getOrDefault(option,
                    prefix + "." + option) + (type != null ? ": cannot convert it to " + type.getSimpleName() : ""));
        }
    }

    /**
     * This component's properties, keys relative to {@code camel.component.<name>}. Spring placeholders are resolved
     * strictly: Spring's {@code Binder} would keep an unresolvable {@code ${MAPIQ_CLIENT_SECRET}} as the value.
     */
    private Map<String, String> readProperties() {
        try {
            Map<String, String> raw = new Binder(ConfigurationPropertySources.get(environment))
                    .bind(prefix, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
            Map<String, String> resolved = new LinkedHashMap<>();
            raw.forEach((key, value) -> resolved.put(key, environment.resolveRequiredPlaceholders(value)));
            return resolved;
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot read the " + prefix + ".* properties: "
                                            + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        }
    }

    /** The component's generated configurer, which knows its option names and types. */
    private static PropertyConfigurerGetter configurerOf(Component component) {
        // a component resolves its configurer when initialised (as Camel Main does, initialise it first)
        ServiceHelper.initService(component);
        if (component.getComponentPropertyConfigurer() instanceof PropertyConfigurerGetter getter
            && getter instanceof PropertyConfigurer) {
            return getter;
        }
        throw new IllegalStateException("Component " + component.getClass().getName()
                                        + " has no generated property configurer");
    }
}
