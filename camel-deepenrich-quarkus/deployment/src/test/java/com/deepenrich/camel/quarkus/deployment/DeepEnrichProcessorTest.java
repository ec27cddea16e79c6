package com.deepenrich.camel.quarkus.deployment;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import com.deepenrich.camel.DeepEnrichAggregationStrategy;
import com.deepenrich.camel.DeepEnrichComponent;
import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.DeepEnrichRateLimitException;
import com.deepenrich.camel.InvalidContactsPolicy;
import com.deepenrich.camel.client.BulkRequest;
import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import com.deepenrich.camel.ledger.JdbcDeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.ContactOutcome;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.SubmissionProgress;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepEnrichProcessorTest {

    private final DeepEnrichProcessor processor = new DeepEnrichProcessor();
    private final Index index = ComponentJar.index();

    @Test
    void featureAndSslSupportAreNamedCamelDeepenrich() {
        assertEquals("camel-deepenrich", processor.feature().getName());
        assertEquals("camel-deepenrich", processor.sslNativeSupport().getExtension());
    }

    @Test
    void theComponentJarIsIndexed() {
        assertEquals("com.deepenrich.camel", processor.indexComponent().getGroupId());
        assertEquals("camel-deepenrich", processor.indexComponent().getArtifactId());
    }

    @Test
    void everyKameletTheJarShipsIsANativeResource() {
        assertEquals(ComponentJar.filesUnder("kamelets"),
                processor.kamelets().getResources().stream().sorted().toList());
    }

    @Test
    void everyServiceFileIsANativeResourceAndItsClassIsReflective() throws Exception {
        List<String> files = processor.serviceFiles().getResources();
        for (String file : files) {
            assertNotNull(getClass().getClassLoader().getResource(file), file);
        }
        Set<String> ourServiceFiles = new TreeSet<>(ComponentJar.filesUnder("META-INF/services"));
        assertEquals(ourServiceFiles, new TreeSet<>(files), "every service file of the jar, no other");

        ReflectiveClassBuildItem services = processor.serviceClasses();
        assertEquals(Set.of("com.deepenrich.camel.DeepEnrichComponent",
                "com.deepenrich.camel.DeepEnrichComponentConfigurer",
                "com.deepenrich.camel.DeepEnrichEndpointConfigurer",
                "com.deepenrich.camel.DeepEnrichEndpointUriFactory",
                "com.deepenrich.camel.console.DeepEnrichDevConsole",
                "com.deepenrich.camel.producer.DeepEnrichProducerInvokeOnHeaderFactory",
                "com.deepenrich.camel.converter.DeepEnrichConvertersLoader"), new TreeSet<>(services.getClassNames()));
        assertTrue(services.isConstructors());
        for (String name : services.getClassNames()) {
            Class.forName(name, false, getClass().getClassLoader());
        }
    }

    @Test
    void jacksonModelRoutesReachAndExceptionsAreReflectiveWithMethodsAndFields() {
        ReflectiveClassBuildItem item = single(reflectiveClasses());
        Set<String> names = new TreeSet<>(item.getClassNames());
        for (Class<?> type : List.of(Contact.class, EnrichedContact.class, EnrichmentResult.class,
                ContactOutcome.class, SubmissionProgress.class, PendingEnrichment.class, BulkRequest.class,
                InvalidContactsPolicy.class, DeepEnrichAggregationStrategy.class, DeepEnrichException.class,
                DeepEnrichRateLimitException.class, FileDeepEnrichLedger.class, JdbcDeepEnrichLedger.class)) {
            assertTrue(names.contains(type.getName()), type.getName());
        }
        for (ClassInfo exception : index.getAllKnownSubclasses(DotName.createSimple(DeepEnrichException.class))) {
            assertTrue(names.contains(exception.name().toString()), exception.name().toString());
        }
        for (ClassInfo type : index.getKnownClasses()) {
            if (type.isEnum()) {
                assertTrue(names.contains(type.name().toString()), type.name().toString());
            }
        }
        assertTrue(item.isMethods() && item.isFields() && item.isConstructors());
    }

    @Test
    void nothingOfTheOptionalMicrometerBindingIsRegistered() {
        List<String> names = single(reflectiveClasses()).getClassNames().stream().toList();
        assertFalse(names.stream().anyMatch(name -> name.startsWith("com.deepenrich.camel.metrics.")), names::toString);
        assertFalse(names.contains(DeepEnrichComponent.class.getName()), "Camel Quarkus core registers the component");
    }

    @Test
    void withCamelManagementTheManagedEndpointIsReflective() {
        ReflectiveClassBuildItem item = single(managedResources());
        assertEquals(List.of(DeepEnrichEndpoint.class.getName()), List.copyOf(item.getClassNames()));
        assertTrue(item.isMethods());
    }

    @Test
    void withoutCamelManagementNothingIsRegisteredForJmx() throws Exception {
        List<ReflectiveClassBuildItem> items = withClassLoaderWithoutCamel(this::managedResources);
        assertTrue(items.isEmpty(), items::toString);
    }

    private List<ReflectiveClassBuildItem> reflectiveClasses() {
        List<ReflectiveClassBuildItem> items = new ArrayList<>();
        processor.reflectiveClasses(new CombinedIndexBuildItem(index, index), items::add);
        return items;
    }

    private List<ReflectiveClassBuildItem> managedResources() {
        List<ReflectiveClassBuildItem> items = new ArrayList<>();
        processor.managedResources(new CombinedIndexBuildItem(index, index), items::add);
        return items;
    }

    private static ReflectiveClassBuildItem single(List<ReflectiveClassBuildItem> items) {
        assertEquals(1, items.size(), items::toString);
        return items.get(0);
    }

    private static <T> T withClassLoaderWithoutCamel(Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (URLClassLoader jdkOnly = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(jdkOnly);
            return call.call();
        } finally {
            thread.setContextClassLoader(original);
        }
    }
}
