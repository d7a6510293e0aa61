package io.github.camelmapiq.quarkus.mapiq.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link MapiqExtensionTest} against the native executable ({@code -Pnative}): same routes, same checks. */
@QuarkusIntegrationTest
class MapiqExtensionIT extends MapiqExtensionTest {
}
