package com.deepenrich.camel;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Kills every {@link NodeProcess} still alive once a test method returns or fails (before its {@code @AfterEach}
 * methods stop what the node talks to and JUnit deletes its temporary directories), and after each test and each
 * test class for those started around them. A node left alive would go on using what the next test uses (a
 * database, a port, a work dir). Registered for every test class by JUnit's extension auto-detection
 * ({@code junit-platform.properties} and {@code META-INF/services}, both in the test-jar the examples use).
 */
public final class NodeProcessReaper implements AfterTestExecutionCallback, AfterEachCallback, AfterAllCallback {

    @Override
    public void afterTestExecution(ExtensionContext context) {
        NodeProcess.killAll();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        NodeProcess.killAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        NodeProcess.killAll();
    }
}
