package eu.sovereignstack.gateway.openapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Build step (process-classes): writes the suite's OpenAPI document from the services' documents,
 * which their own builds store. The gateway then serves it as its static document, and clients
 * are generated from it.
 * <p>
 * Arguments: {@code <output file> <version> <backend>=<service document> ...}
 */
public final class MergeOpenApi {

    private MergeOpenApi() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: MergeOpenApi <output> <version> <backend>=<openapi.json> ...");
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<OpenApiMerger.Source> sources = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] source = args[i].split("=", 2);
            Path file = Path.of(source[1]);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing: build the " + source[0] + " service first (./mvnw package)");
            }
            sources.add(new OpenApiMerger.Source(source[0], mapper.readTree(file.toFile())));
        }
        ObjectNode info = mapper.createObjectNode()
                .put("title", "Sovereign Stack API")
                .put("version", args[1])
                .put("description", """
                        The suite behind one entry point: the catalog of open-source and sovereign software \
                        and cloud offerings (/api/v1/catalog), and sovereignty assessments of an \
                        organisation's inventory against the EU Cloud Sovereignty Framework, with \
                        alternatives, licence checks and migration waves (/api/v1/assessments, \
                        /api/v1/scoring-profiles). Every call needs a bearer token of a federation \
                        member's realm; errors are RFC 9457 problem+json.""");
        info.putObject("contact").put("name", "Sovereign Stack").put("url", "https://sovereignstack.eu");
        Path output = Path.of(args[0]);
        Files.createDirectories(output.getParent());
        mapper.writeValue(output.toFile(), OpenApiMerger.merge(info, sources));
    }
}
