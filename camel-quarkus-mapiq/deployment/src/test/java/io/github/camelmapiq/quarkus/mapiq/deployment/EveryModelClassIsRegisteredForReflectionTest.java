package io.github.camelmapiq.quarkus.mapiq.deployment;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Native mode binds the Mapiq records only if each class of the model package is registered for reflection with its
 * methods and fields. The build items a real Quarkus build produces are compared with the classes the camel-mapiq jar
 * holds in that package, read from the jar itself: a model class the extension misses fails this test.
 */
class EveryModelClassIsRegisteredForReflectionTest {

    /** The build runs the recorder in another class loader than the test method: a system property carries the set. */
    private static final String REGISTERED = "camel-quarkus-mapiq.test.registered-with-methods-and-fields";

    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .withEmptyApplication()
            .addBuildChainCustomizer(chain -> chain.addBuildStep(context -> {
                Set<String> registered = new TreeSet<>();
                for (ReflectiveClassBuildItem item : context.consumeMulti(ReflectiveClassBuildItem.class)) {
                    if (item.isMethods() && item.isFields()) {
                        registered.addAll(item.getClassNames());
                    }
                }
                System.setProperty(REGISTERED, String.join(",", registered));
                context.produce(new FeatureBuildItem("mapiq-reflection-recorder"));
            }).consumes(ReflectiveClassBuildItem.class).produces(FeatureBuildItem.class).build());

    @Test
    void everyClassOfTheModelPackageIsRegisteredWithItsMethodsAndFields() throws Exception {
        Set<String> model = classesInTheComponentJar(MapiqProcessor.MODEL_PACKAGE);
        assertThat(model).as("classes of %s in camel-mapiq", MapiqProcessor.MODEL_PACKAGE)
                .contains(MapiqProcessor.MODEL_PACKAGE + ".Workday", MapiqProcessor.MODEL_PACKAGE + ".CheckinEvent",
                        MapiqProcessor.MODEL_PACKAGE + ".WorkspaceReservation", MapiqProcessor.MODEL_PACKAGE + ".MapiqRecord");

        Set<String> registered = new TreeSet<>(Arrays.asList(System.getProperty(REGISTERED, "").split(",")));

        assertThat(registered).as("classes registered for reflection with methods and fields").containsAll(model);
    }

    /** Every class (nested ones too) directly in {@code packageName}, listed from the jar or folder that holds it. */
    private static Set<String> classesInTheComponentJar(String packageName) throws IOException, URISyntaxException {
        String folder = packageName.replace('.', '/') + "/";
        URL anyModelClass = ClassLoader.getSystemClassLoader().getResource(folder + "MapiqRecord.class");
        assertThat(anyModelClass).as("the camel-mapiq jar on the test class path").isNotNull();
        Set<String> names = new TreeSet<>();
        if ("jar".equals(anyModelClass.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) anyModelClass.openConnection();
            try (JarFile jar = new JarFile(connection.getJarFileURL().toURI().getPath())) {
                jar.stream().map(entry -> entry.getName())
                        .filter(name -> name.startsWith(folder) && name.indexOf('/', folder.length()) < 0)
                        .forEach(name -> addClass(names, name));
            }
        } else {
            try (Stream<Path> files = Files.list(Path.of(anyModelClass.toURI()).getParent())) {
                files.forEach(file -> addClass(names, folder + file.getFileName()));
            }
        }
        return names;
    }

    private static void addClass(Set<String> names, String entry) {
        if (entry.endsWith(".class") && !entry.endsWith("package-info.class")) {
            names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
        }
    }
}
