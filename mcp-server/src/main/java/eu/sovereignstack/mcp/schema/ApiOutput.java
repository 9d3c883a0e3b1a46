package eu.sovereignstack.mcp.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a tool's structured result is, in the schemas of the suite's OpenAPI document: either one
 * of its component schemas ({@link #value}), or an object whose properties are ({@link #properties}).
 * Read by {@link ApiSchemas} from the marker classes of {@link OutputSchemas}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiOutput {

    /** The component schema the result is, e.g. {@code ProductPage}. */
    String value() default "";

    /**
     * Or the result's properties, each {@code name=Schema}: a component schema, {@code Schema[]} for
     * an array of them, or {@code string}.
     */
    String[] properties() default {};

    /** The properties every result has. */
    String[] required() default {};
}
