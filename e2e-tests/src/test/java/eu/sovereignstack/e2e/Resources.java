package eu.sovereignstack.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import eu.sovereignstack.e2e.support.Api;
import eu.sovereignstack.e2e.support.Reply;

/** The example inventories (copied from the assessment-service's tests) and how to submit them. */
final class Resources {

    static final String ASSESSMENTS = "/api/v1/assessments";

    private Resources() {
    }

    static String text(String name) {
        try (InputStream in = Resources.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The municipality's inventory as JSON (six items, a policy gate on SOV-2 and SOV-3). */
    static Reply submitMunicipality(Api.Request caller) {
        return caller.postJson(ASSESSMENTS, text("assessments/municipality.json"));
    }
}
