package com.deepenrich.camel.quarkus.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * Build steps of the deepenrich extension: what a native image of an application using the component needs beyond
 * what Camel Quarkus core registers for every component.
 */
class DeepEnrichProcessor {

    static final String FEATURE = "camel-deepenrich";

    static final String COMPONENT_PACKAGE = "com.deepenrich.camel";

    /** The Kamelets the jar ships, loaded from the classpath by name ({@code classpath:kamelets}). */
    static final List<String> KAMELETS = List.of(
            "kamelets/deepenrich-sink.kamelet.yaml",
            "kamelets/deepenrich-source.kamelet.yaml",
            "kamelets/deepenrich-poll-source.kamelet.yaml");

    /** The service files Camel looks up by path; each names the class it instantiates. */
    static final List<String> SERVICE_FILES = List.of(
            "META-INF/services/org/apache/camel/component/deepenrich",
            "META-INF/services/org/apache/camel/configurer/deepenrich-component",
            "META-INF/services/org/apache/camel/configurer/deepenrich-endpoint",
            "META-INF/services/org/apache/camel/urifactory/deepenrich-endpoint",
            "META-INF/services/org/apache/camel/dev-console/deepenrich",
            "META-INF/services/org/apache/camel/invoke-on-header/com.deepenrich.camel.producer.DeepEnrichProducer",
            "META-INF/services/org/apache/camel/TypeConverterLoader");

    /** The component list that tooling and Camel's runtime catalog read. */
    static final String COMPONENT_LIST = "META-INF/services/org/apache/camel/component.properties";

    /** Read and written by Jackson, reached by the bean language and simple expressions ({@code ${body.contacts}}). */
    static final List<String> DATA_PACKAGES = List.of(COMPONENT_PACKAGE + ".model", COMPONENT_PACKAGE + ".ledger");

    /** Micrometer is optional: its binding is reached only after a class-presence check and never reflectively. */
    static final String METRICS_PACKAGE = COMPONENT_PACKAGE + ".metrics";

    static final DotName DEEPENRICH_EXCEPTION = DotName.createSimple(COMPONENT_PACKAGE + ".DeepEnrichException");
    static final DotName AGGREGATION_STRATEGY = DotName
            .createSimple(COMPONENT_PACKAGE + ".DeepEnrichAggregationStrategy");
    static final DotName MANAGED_RESOURCE = DotName.createSimple("org.apache.camel.api.management.ManagedResource");
    static final String JACKSON_ANNOTATIONS = "com.fasterxml.jackson.annotation";
    static final String CAMEL_JMX = "org.apache.camel.management.JmxManagementStrategy";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** The component's classes in the combined index, which the other steps read. */
    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem("com.deepenrich.camel", "camel-deepenrich");
    }

    /** The API is https: the native image needs the JDK's TLS. */
    @BuildStep
    ExtensionSslNativeSupportBuildItem sslNativeSupport() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    @BuildStep
    NativeImageResourceBuildItem kamelets() {
        return new NativeImageResourceBuildItem(KAMELETS);
    }

    @BuildStep
    NativeImageResourceBuildItem serviceFiles() {
        List<String> files = new ArrayList<>(SERVICE_FILES);
        files.add(COMPONENT_LIST);
        return new NativeImageResourceBuildItem(files);
    }

    /** The classes the service files name, which Camel instantiates by reflection. */
    @BuildStep
    ReflectiveClassBuildItem serviceClasses() {
        List<String> classes = new ArrayList<>();
        for (String file : SERVICE_FILES) {
            classes.addAll(ourClassesNamedIn(file));
        }
        return ReflectiveClassBuildItem.builder(classes.toArray(String[]::new)).build();
    }

    /**
     * Jackson's model (the model and ledger packages, and every class of the component with a Jackson annotation),
     * what routes and Kamelets name by class ({@code #class:DeepEnrichAggregationStrategy}, the exceptions in
     * {@code onException}) and the enums that options and headers convert to.
     */
    @BuildStep
    void reflectiveClasses(CombinedIndexBuildItem combinedIndex, BuildProducer<ReflectiveClassBuildItem> reflective) {
        IndexView index = combinedIndex.getIndex();
        TreeSet<String> classes = new TreeSet<>();
        for (ClassInfo type : index.getKnownClasses()) {
            String name = type.name().toString();
            if (!name.startsWith(COMPONENT_PACKAGE + ".") || name.startsWith(METRICS_PACKAGE + ".")) {
                continue;
            }
            if (inDataPackage(type) || type.isEnum() || hasJacksonAnnotation(type)) {
                classes.add(name);
            }
        }
        classes.add(AGGREGATION_STRATEGY.toString());
        classes.add(DEEPENRICH_EXCEPTION.toString());
        index.getAllKnownSubclasses(DEEPENRICH_EXCEPTION).forEach(type -> classes.add(type.name().toString()));
        reflective.produce(ReflectiveClassBuildItem.builder(classes.toArray(String[]::new)).methods().fields().build());
    }

    /** With camel-management present, JMX reads the endpoints' managed attributes and operations by reflection. */
    @BuildStep
    void managedResources(CombinedIndexBuildItem combinedIndex, BuildProducer<ReflectiveClassBuildItem> reflective) {
        if (!onClasspath(CAMEL_JMX)) {
            return;
        }
        TreeSet<String> classes = new TreeSet<>();
        for (AnnotationInstance instance : combinedIndex.getIndex().getAnnotations(MANAGED_RESOURCE)) {
            String name = instance.target().asClass().name().toString();
            if (name.startsWith(COMPONENT_PACKAGE + ".")) {
                classes.add(name);
            }
        }
        if (!classes.isEmpty()) {
            reflective.produce(ReflectiveClassBuildItem.builder(classes.toArray(String[]::new)).methods().build());
        }
    }

    private static boolean inDataPackage(ClassInfo type) {
        String packageName = type.name().packagePrefix();
        return DATA_PACKAGES.stream().anyMatch(Predicate.isEqual(packageName));
    }

    private static boolean hasJacksonAnnotation(ClassInfo type) {
        return type.annotations().stream()
                .anyMatch(annotation -> annotation.name().toString().startsWith(JACKSON_ANNOTATIONS + "."));
    }

    static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The component's classes a service file names: {@code class=...}, or one class per line (TypeConverterLoader). */
    static List<String> ourClassesNamedIn(String serviceFile) {
        List<String> classes = new ArrayList<>();
        try {
            for (URL url : Collections.list(Thread.currentThread().getContextClassLoader().getResources(serviceFile))) {
                try (InputStream in = url.openStream()) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String value = line.strip();
                        if (value.startsWith("class=")) {
                            value = value.substring("class=".length());
                        }
                        if (value.startsWith(COMPONENT_PACKAGE + ".")) {
                            classes.add(value);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + serviceFile, e);
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException(serviceFile + " names no class of the deepenrich component");
        }
        return classes;
    }
}
