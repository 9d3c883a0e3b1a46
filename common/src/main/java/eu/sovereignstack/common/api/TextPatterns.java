package eu.sovereignstack.common.api;

/**
 * The patterns every service's text fields keep to, written so that ECMA-262 regular
 * expressions (OpenAPI tools, browsers) read them as Java does.
 */
public final class TextPatterns {

    /** No control characters (line breaks included): the characters of {@code \p{Cc}}. */
    public static final String SINGLE_LINE = "^[^\\x00-\\x1F\\x7F-\\x9F]*$";
    /** Free text may hold line breaks and tabs, but no other control characters. */
    public static final String MULTI_LINE = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";

    private TextPatterns() {
    }
}
