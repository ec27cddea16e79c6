package com.deepenrich.camel;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness of the crash tests: its waits, and no child JVM outliving its test. */
@Timeout(60)
class NodeProcessTest {

    @Test
    void aConditionThatHeldOnceIsReachedEvenIfItNoLongerHolds() throws Exception {
        NodeProcess node = NodeProcess.start(SleepingNode.class);
        AtomicInteger checks = new AtomicInteger();

        assertDoesNotThrow(() -> node.await("held at the first check only", () -> checks.incrementAndGet() == 1));

        assertTrue(node.isAlive());
        node.kill();
    }

    @Test
    void aWaitFailsNamingTheExitCodeWhenTheProcessEndsFirst() throws Exception {
        NodeProcess node = NodeProcess.start(SleepingNode.class, "exit");

        AssertionError failure = assertThrows(AssertionError.class, () -> node.await("never", () -> false));

        assertTrue(failure.getMessage().startsWith("the process ended (3) before: never"), failure.getMessage());
    }

    @Test
    void theReaperKillsANodeLeftAlive() throws Exception {
        NodeProcess node = NodeProcess.start(SleepingNode.class);
        node.await("started", () -> node.lines().contains(SleepingNode.STARTED));

        new NodeProcessReaper().afterTestExecution(null);

        assertFalse(node.isAlive());
    }

    @Test
    void aNodeEndsWhenTheJvmThatStartedItIsKilled() throws Exception {
        NodeProcess parent = NodeProcess.start(ParentNode.class);
        parent.await("its child started", () -> parent.lines().stream().anyMatch(l -> l.startsWith("CHILD ")));
        long childPid = Long.parseLong(parent.lines().stream().filter(l -> l.startsWith("CHILD ")).findFirst()
                .orElseThrow().substring("CHILD ".length()));
        Optional<ProcessHandle> child = ProcessHandle.of(childPid);
        assertTrue(child.isPresent() && child.get().isAlive(), "precondition: the grandchild runs");

        parent.kill(); // SIGKILL: no shutdown hook of the parent runs

        await().atMost(Duration.ofSeconds(20)).until(() -> !child.get().isAlive());
    }

    /** The reaper runs after every test without being named: JUnit detects it (junit-platform.properties). */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class ANodeATestLeftAlive {

        NodeProcess left;

        @Test
        @Order(1)
        void isLeftAliveByThisTest() throws Exception {
            left = NodeProcess.start(SleepingNode.class);
            left.await("started", () -> left.lines().contains(SleepingNode.STARTED));
        }

        @Test
        @Order(2)
        void isDeadWhenTheNextTestRuns() {
            assertFalse(left.isAlive());
        }
    }

    /**
     * Prints {@value #STARTED} and sleeps a minute; with the argument {@code exit}, ends at once with code 3. Not
     * public, as a main class need not be.
     */
    static final class SleepingNode {

        static final String STARTED = "STARTED";

        private SleepingNode() {
        }

        public static void main(String[] args) throws InterruptedException {
            if (args.length > 0 && args[0].equals("exit")) {
                System.exit(3);
            }
            System.out.println(STARTED);
            Thread.sleep(60_000);
        }
    }

    /** Starts a {@link SleepingNode}, prints {@code CHILD <its pid>} and sleeps a minute. */
    static final class ParentNode {

        private ParentNode() {
        }

        public static void main(String[] args) throws Exception {
            NodeProcess child = NodeProcess.start(SleepingNode.class);
            System.out.println("CHILD " + child.pid());
            Thread.sleep(60_000);
        }
    }
}
