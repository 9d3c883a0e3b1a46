package eu.sovereignstack.gateway.proxy;

import java.util.UUID;
import java.util.regex.Pattern;

/** X-Request-Id: a sane incoming one is kept, anything else replaced by a fresh UUID. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._:-]{8,128}$");

    private RequestIds() {
    }

    public static String reuseOrCreate(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
