package eu.sovereignstack.e2e.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/** A test class against the running suite (started once per test run, see {@link SovereignStackExtension}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SovereignStackExtension.class)
public @interface SovereignStackTest {
}
