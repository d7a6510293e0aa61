package io.github.camelmapiq.quarkus.mapiq.deployment;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourcePatternsBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * What Quarkus needs to know about the mapiq: component at build time. In JVM mode the component only has to be in
 * the index (Camel Quarkus then finds its services); native mode also needs the classes Jackson binds by reflection,
 * TLS, and the Kamelet files as resources of the image.
 */
class MapiqProcessor {

    static final String FEATURE = "camel-mapiq";
    static final String GROUP_ID = "io.github.camelmapiq";
    static final String ARTIFACT_ID = "camel-mapiq";
    /** The records (POJOs) of the Mapiq API and their mapper: everything here is bound by Jackson. */
    static final String MODEL_PACKAGE = "io.github.camelmapiq.mapiq.client.model";
    static final String COMPONENT_PACKAGE = "io.github.camelmapiq.mapiq";
    /** The Kamelets of camel-mapiq-kamelets, when the application has that jar. */
    static final String KAMELETS = "kamelets/mapiq-*.kamelet.yaml";

    private static final DotName TYPE_REFERENCE = DotName.createSimple("com.fasterxml.jackson.core.type.TypeReference");

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /**
     * The component jar carries no Jandex index of its own; indexing it here makes it an application archive, so that
     * Camel Quarkus registers its component, configurers and URI factory, and so that the model can be found below.
     */
    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem(GROUP_ID, ARTIFACT_ID);
    }

    /** Calls to Mapiq and to its token endpoint are HTTPS. */
    @BuildStep
    ExtensionSslNativeSupportBuildItem sslNativeSupport() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    /**
     * Every class of the model package, found in the index rather than listed, so a record added to the model is
     * registered without touching this class; plus the {@code TypeReference} subclasses whose generic signature
     * Jackson reads, and the containers Jackson fills when it binds to {@code Map} and {@code List}.
     */
    @BuildStep
    void registerForReflection(CombinedIndexBuildItem combinedIndex, BuildProducer<ReflectiveClassBuildItem> reflective) {
        IndexView index = combinedIndex.getIndex();
        List<String> model = new ArrayList<>();
        for (ClassInfo type : index.getClassesInPackage(DotName.createSimple(MODEL_PACKAGE))) {
            model.add(type.name().toString());
        }
        reflective.produce(ReflectiveClassBuildItem.builder(model.toArray(String[]::new))
                .reason(getClass().getName()).methods().fields().build());

        List<String> typeReferences = new ArrayList<>();
        for (ClassInfo type : index.getAllKnownSubclasses(TYPE_REFERENCE)) {
            if (type.name().toString().startsWith(COMPONENT_PACKAGE + ".")) {
                typeReferences.add(type.name().toString());
            }
        }
        if (!typeReferences.isEmpty()) {
            reflective.produce(ReflectiveClassBuildItem.builder(typeReferences.toArray(String[]::new))
                    .reason(getClass().getName()).build());
        }
        reflective.produce(ReflectiveClassBuildItem.builder("java.util.LinkedHashMap", "java.util.ArrayList")
                .reason(getClass().getName()).build());
    }

    @BuildStep
    NativeImageResourcePatternsBuildItem kameletResources() {
        return NativeImageResourcePatternsBuildItem.builder().includeGlob(KAMELETS).build();
    }
}
