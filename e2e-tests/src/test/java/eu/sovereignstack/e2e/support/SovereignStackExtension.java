package eu.sovereignstack.e2e.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link SovereignStack} once per test run and shares it with every test class: it
 * lives in the root store, which JUnit closes (stopping the suite) when the run ends. A failed
 * start is kept too, so the other classes fail at once with the same cause instead of trying again.
 * Test classes and methods can take a {@link SovereignStack} parameter.
 */
public final class SovereignStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SovereignStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SovereignStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    private static SovereignStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Startup.class, key -> Startup.attempt(), Startup.class)
                .stack();
    }

    /** The outcome of the one start: the running suite, or why it could not start. */
    private record Startup(SovereignStack running, RuntimeException failure) implements AutoCloseable {

        static Startup attempt() {
            try {
                return new Startup(SovereignStack.start(), null);
            } catch (RuntimeException e) {
                return new Startup(null, e);
            }
        }

        SovereignStack stack() {
            if (failure != null) {
                throw new IllegalStateException("the Sovereign Stack did not start: " + failure.getMessage(), failure);
            }
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }
}
