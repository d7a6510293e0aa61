package io.github.camelmapiq.mapiq.springboot;

import java.util.Set;

import io.github.camelmapiq.mapiq.MapiqConfiguration;
import io.github.camelmapiq.mapiq.client.http.MapiqClientFactory;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Turns a bean reference ({@code #name} or {@code #bean:name}) in a {@code camel.component.mapiq.*} property into the
 * Spring bean of that name, for the options that hold an object: {@code configuration}, {@code stateRepository},
 * {@code httpClient}, {@code clientFactory}, {@code sslContextParameters}.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class MapiqComponentConverter implements GenericConverter {

    private final ApplicationContext applicationContext;

    public MapiqComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, MapiqConfiguration.class),
                new ConvertiblePair(String.class, StateRepository.class),
                new ConvertiblePair(String.class, CloseableHttpClient.class),
                new ConvertiblePair(String.class, MapiqClientFactory.class),
                new ConvertiblePair(String.class, SSLContextParameters.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString();
        if (!reference.startsWith("#")) {
            throw new IllegalArgumentException("Expected a bean reference, #name or #bean:name, for a "
                                               + targetType.getType().getSimpleName());
        }
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length()) : reference.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
