package io.github.camelmapiq.mapiq.client.http;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Set;

import io.github.camelmapiq.mapiq.MapiqClientSettings;
import io.github.camelmapiq.mapiq.MapiqConfiguration;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.Ssl;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code sslContextParameters} decides which servers are trusted: a token endpoint with a self-signed certificate is
 * refused by default and reached once its certificate is in the trust store the parameters name.
 */
class TlsIsConfiguredFromSslContextParametersTest {

    private final Ssl ssl = new Ssl();
    private final MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
            new OAuth2TokenProvider(), Set.of(), new MockWebServerWrapper(ssl)));
    private final DefaultCamelContext context = new DefaultCamelContext();
    private final MapiqClients clients = new MapiqClients();

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        clients.close();
        context.stop();
        server.shutdown();
    }

    private MapiqConfiguration configuration() {
        MapiqConfiguration c = new MapiqConfiguration();
        c.setTokenUrl(server.tokenEndpointUrl("mapiq").toString());
        c.setBaseUrl(server.baseUrl().toString());
        c.setClientId("camel-client");
        c.setClientSecret("camel-secret");
        return c;
    }

    @Test
    void selfSignedServerIsRefusedByDefault() {
        assertThatThrownBy(() -> clients.clientFor(MapiqClientSettings.of(configuration(), context)).checkCredentials())
                .hasMessageContaining("could not be reached")
                .hasStackTraceContaining("SSLHandshakeException");
    }

    @Test
    void serverTrustedThroughSslContextParametersIsReached(@TempDir Path dir) throws Exception {
        MapiqConfiguration c = configuration();
        c.setSslContextParameters(trusting(serverCertificateStore(dir)));

        assertThatCode(() -> clients.clientFor(MapiqClientSettings.of(c, context)).checkCredentials()).doesNotThrowAnyException();
    }

    /** A PKCS12 trust store holding only the server's certificate. */
    private Path serverCertificateStore(Path dir) throws Exception {
        KeyStore serverKeys = ssl.getSslKeystore().getKeyStore();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        String alias = serverKeys.aliases().nextElement();
        trust.setCertificateEntry("mock-oauth2-server", serverKeys.getCertificate(alias));
        Path file = dir.resolve("truststore.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, "changeit".toCharArray());
        }
        return file;
    }

    private static SSLContextParameters trusting(Path trustStore) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + trustStore);
        store.setPassword("changeit");
        store.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }
}
