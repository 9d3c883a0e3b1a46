package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.service.JsonDocuments.text;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.sovereignstack.catalog.domain.EntryKind;
import eu.sovereignstack.catalog.service.JsonDocuments;
import eu.sovereignstack.catalog.service.SourceEntry;
import eu.sovereignstack.common.problem.ProblemException;

/**
 * SovereignSky's cloud and data-centre providers ({@code data/datacenters/datacenters.json} of
 * github.com/terchris/sovereignsky-site, MIT) as provider entries: its identifier is the slug,
 * {@code vendorCountryId} the home country, {@code providerType} the type, and the countries of its
 * regions become the provider's data locations. Every fact cites the dataset at the version
 * imported.
 */
final class SovereignSkyProviders {

    static final String SOURCE = "sovereignsky";
    static final String REPOSITORY = "https://github.com/terchris/sovereignsky-site";
    /** At most this many providers per import (the dataset has 43). */
    static final int MAX = 500;
    private static final Map<String, String> TYPES = Map.of("hyperscaler", "HYPERSCALER", "regional_cloud", "REGIONAL_CLOUD",
            "datacenter_operator", "DATACENTER_OPERATOR");

    private SovereignSkyProviders() {
    }

    /** The providers of the dataset, each as the API shows a provider (without what the catalog derives). */
    static List<SourceEntry> entries(JsonNode dataset, String version, ObjectMapper json) {
        if (!dataset.isArray()) {
            throw ProblemException.invalid("body", "must be the array of datacenters.json");
        }
        if (dataset.size() > MAX) {
            throw ProblemException.invalid("body", "has " + dataset.size() + " providers; at most " + MAX + " per import");
        }
        String source = "SovereignSky datacenters.json (" + REPOSITORY + " at " + version + ")";
        List<SourceEntry> entries = new ArrayList<>();
        for (JsonNode provider : dataset) {
            String slug = text(provider, "identifier");
            ObjectNode view = json.createObjectNode();
            view.put("slug", slug == null ? null : slug.toLowerCase(Locale.ROOT));
            view.put("name", text(provider, "name"));
            view.put("country", text(provider, "vendorCountryId"));
            String type = text(provider, "providerType");
            view.put("type", type == null ? null : TYPES.getOrDefault(type, type));
            view.put("website", text(provider, "url"));
            view.putArray("certifications");
            Set<String> countries = new LinkedHashSet<>();
            provider.path("regions").forEach(region -> {
                String country = text(region, "countryId");
                if (country != null) {
                    countries.add(country);
                }
            });
            ArrayNode locations = view.putArray("dataLocations");
            countries.forEach(locations::add);
            LocalDate asOf = date(text(provider, "dateModified"));
            view.put("factsAsOf", asOf == null ? null : asOf.toString());
            ObjectNode evidence = view.putObject("evidence");
            evidence.set("entry", evidence(json, source, asOf, null));
            evidence.set("country", evidence(json, source, asOf, "\"vendorCountryId\": \"" + text(provider, "vendorCountryId") + "\""));
            if (!countries.isEmpty()) {
                evidence.set("dataLocations", evidence(json, source, asOf, null));
            }
            view.set("origin", json.createObjectNode().put("node", SOURCE).put("member", REPOSITORY));
            entries.add(new SourceEntry(EntryKind.PROVIDER, view.path("slug").asText(""), view));
        }
        return entries;
    }

    private static ObjectNode evidence(ObjectMapper json, String source, LocalDate asOf, String excerpt) {
        ObjectNode evidence = json.createObjectNode();
        evidence.put("source", source);
        evidence.put("asOf", asOf == null ? null : asOf.toString());
        evidence.put("method", "IMPORTED");
        evidence.put("assertedBy", "SovereignSky (Terje Christensen, MIT)");
        if (excerpt != null) {
            evidence.put("excerpt", excerpt);
        }
        return evidence;
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
