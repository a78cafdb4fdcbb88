package io.reclab.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.util.Optional;

/**
 * Says on the console why a test did not run: an opt-in test whose assumption failed (no {@code ../shared} data, no
 * Chromium) or a disabled one prints one {@code SKIPPED <class>.<test>: <reason>} line, so a green build never hides
 * what it did not check. Registered for every module's tests through the JUnit service file of this test jar and
 * {@code junit.jupiter.extensions.autodetection.enabled} (root pom).
 */
public final class SkipReasons implements TestWatcher {
    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        System.out.println("SKIPPED " + name(context) + ": " + (cause == null || cause.getMessage() == null ? "assumption not met"
                : cause.getMessage().replaceFirst("^Assumption failed: ", "")));
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        System.out.println("SKIPPED " + name(context) + ": " + reason.orElse("disabled"));
    }

    private static String name(ExtensionContext c) {
        return c.getRequiredTestClass().getSimpleName() + "." + c.getRequiredTestMethod().getName();
    }
}
