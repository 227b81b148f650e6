package app.rebound;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class of the slow tier (a browser, child JVMs killed mid-work, accuracy over many
 * simulated shops, concurrency rounds, fuzzing): the inner loop skips them with {@code mvn test
 * -DexcludedGroups=slow}; the README's test command and {@code .ci/run} run every tier.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {}
