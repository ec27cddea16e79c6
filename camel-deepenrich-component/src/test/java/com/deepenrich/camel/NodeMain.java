package com.deepenrich.camel;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The main class of a {@link NodeProcess} child: runs the node's main class (the first argument) with the other
 * arguments, and halts the JVM once the test JVM that started it is gone, whatever way it went (even a SIGKILL that
 * ran none of its shutdown hooks): its standard input, the test JVM's pipe, then closes.
 */
public final class NodeMain {

    private NodeMain() {
    }

    public static void main(String[] args) throws Throwable {
        Thread watch = new Thread(NodeMain::haltWhenTheParentIsGone, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.setAccessible(true); // as the java launcher, which runs the main method of a class that is not public
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause(); // as if thrown by the node's main method itself
        }
    }

    private static void haltWhenTheParentIsGone() {
        try {
            while (System.in.read() != -1) {
                // the test JVM writes nothing: only the end of the stream matters
            }
        } catch (IOException e) {
            // a broken pipe: the parent is gone too
        }
        Runtime.getRuntime().halt(137);
    }
}
