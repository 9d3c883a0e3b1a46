package eu.sovereignstack.assessment.inventory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.license.Acknowledgement;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.Service;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.xml.sax.SAXParseException;

import eu.sovereignstack.assessment.domain.Criticality;
import eu.sovereignstack.assessment.domain.Deployment;
import eu.sovereignstack.assessment.domain.Inventory;
import eu.sovereignstack.assessment.domain.InventoryItem;
import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.domain.Organisation;
import eu.sovereignstack.assessment.domain.Usage;
import eu.sovereignstack.common.licence.LicenceNames;

/**
 * Reads an inventory from a CycloneDX SBOM (JSON or XML): every component, nested ones
 * included, becomes a self-hosted item used internally, depending on what the SBOM's
 * dependency graph says. Libraries count as LOW criticality, everything else as MEDIUM.
 * Errors name a line and column of the file, or the path of the component that is wrong.
 */
@ApplicationScoped
public class CycloneDxInventoryParser {

    /** The organisation's name when neither the caller nor the file gives one. */
    public static final String UNNAMED_ORGANISATION = "Unnamed organisation";

    private static final String CYCLONEDX_FORMAT = "CycloneDX";
    private static final Pattern NOT_IN_LICENSE_REF = Pattern.compile("[^A-Za-z0-9.-]+");
    private static final Pattern INTERNAL_DETAIL = Pattern.compile(", from `[^`]*`");
    private static final Pattern ENUM_VALUES = Pattern.compile("not one of the values accepted for Enum class: \\[([^]]*)]");

    // Both are thread-safe: each parse reads with the mapper it built once.
    private final JsonParser jsonParser = new JsonParser();
    private final XmlParser xmlParser = new XmlParser();

    /**
     * @param organisation whom the inventory belongs to; {@code null} takes the SBOM's supplier,
     *        manufacturer or described component, else {@value #UNNAMED_ORGANISATION}
     */
    public Inventory parseJson(byte[] sbom, Organisation organisation) throws InventoryFormatException {
        requireContent(sbom);
        Bom bom;
        try {
            bom = jsonParser.parse(sbom);
        } catch (ParseException e) {
            throw readError(e, "JSON");
        } catch (RuntimeException e) {
            throw new InventoryFormatException("document", "the SBOM could not be read as CycloneDX JSON: " + e.getMessage(), e);
        }
        if (bom == null) {
            throw new InventoryFormatException("document", "the SBOM is empty; it must be a CycloneDX JSON object");
        }
        if (bom.getBomFormat() != null && !CYCLONEDX_FORMAT.equalsIgnoreCase(bom.getBomFormat().strip())) {
            throw new InventoryFormatException("bomFormat",
                    "bomFormat is '" + bom.getBomFormat() + "'; only CycloneDX SBOMs can be read here");
        }
        return inventory(bom, organisation);
    }

    /**
     * Like {@link #parseJson}, for the XML form. A DOCTYPE is refused before the library sees
     * the file, so no entity is ever resolved.
     */
    public Inventory parseXml(byte[] sbom, Organisation organisation) throws InventoryFormatException {
        requireContent(sbom);
        XmlSbomScanner.scan(sbom);
        Bom bom;
        try {
            bom = xmlParser.parse(sbom);
        } catch (ParseException e) {
            throw readError(e, "XML");
        } catch (RuntimeException e) {
            throw new InventoryFormatException("document", "the SBOM could not be read as CycloneDX XML: " + e.getMessage(), e);
        }
        if (bom == null) {
            throw new InventoryFormatException("document", "the SBOM is empty; it must be a CycloneDX <bom> document");
        }
        return inventory(bom, organisation);
    }

    private static void requireContent(byte[] sbom) throws InventoryFormatException {
        if (sbom == null || new String(sbom, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new InventoryFormatException("document", "the SBOM is empty");
        }
    }

    private static Inventory inventory(Bom bom, Organisation organisation) throws InventoryFormatException {
        List<Located> components = flatten(bom);
        Map<String, String> pathOfId = new HashMap<>();
        List<String> ids = new ArrayList<>(components.size());
        for (int i = 0; i < components.size(); i++) {
            Located located = components.get(i);
            String ref = ItemFields.text(located.component().getBomRef(), Limits.ID, located.path() + ".bom-ref", "bom-ref");
            String id = ref != null ? ref : "component-" + (i + 1);
            String earlier = pathOfId.putIfAbsent(id, located.path());
            if (earlier != null) {
                throw new InventoryFormatException(located.path(), "'" + id + "' is the bom-ref of both " + earlier
                        + " and " + located.path() + "; every component needs a unique bom-ref");
            }
            ids.add(id);
        }
        Map<String, Set<String>> dependsOn = dependencies(bom, pathOfId.keySet(), otherRefs(bom));
        List<InventoryItem> items = new ArrayList<>(components.size());
        for (int i = 0; i < components.size(); i++) {
            items.add(item(components.get(i), ids.get(i), dependsOn.getOrDefault(ids.get(i), Set.of())));
        }
        return new Inventory(organisation != null ? organisation : organisation(bom.getMetadata()), List.copyOf(items));
    }

    /** A component and where it is in the file, e.g. {@code components[2].components[0]}. */
    private record Located(Component component, String path) {
    }

    private static List<Located> flatten(Bom bom) throws InventoryFormatException {
        List<Located> flat = new ArrayList<>();
        addAll(bom.getComponents(), "components", flat);
        if (flat.isEmpty()) {
            throw new InventoryFormatException("components", "the SBOM lists no components");
        }
        return flat;
    }

    private static void addAll(List<Component> components, String path, List<Located> flat) throws InventoryFormatException {
        if (components == null) {
            return;
        }
        for (int i = 0; i < components.size(); i++) {
            Component component = components.get(i);
            String at = path + "[" + i + "]";
            if (component == null) {
                throw new InventoryFormatException(at, "the component is empty (null)");
            }
            if (flat.size() == Limits.ITEMS) {
                throw new InventoryFormatException(at, "the SBOM lists more than " + Limits.ITEMS
                        + " components, nested ones included; at most " + Limits.ITEMS + " items are allowed");
            }
            flat.add(new Located(component, at));
            addAll(component.getComponents(), at + ".components", flat);
        }
    }

    /**
     * Who depends on whom, among the components of this SBOM only. The metadata component's
     * entry and refs to services fall out; a ref that names nothing in the SBOM is an error.
     */
    private static Map<String, Set<String>> dependencies(Bom bom, Set<String> ids, Set<String> otherRefs)
            throws InventoryFormatException {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        if (bom.getDependencies() == null) {
            return graph;
        }
        for (int i = 0; i < bom.getDependencies().size(); i++) {
            Dependency entry = bom.getDependencies().get(i);
            if (entry == null) {
                continue;
            }
            checkRef(entry.getRef(), "dependencies[" + i + "].ref", ids, otherRefs);
            List<Dependency> named = entry.getDependencies() == null ? List.of() : entry.getDependencies();
            for (int j = 0; j < named.size(); j++) {
                if (named.get(j) != null) {
                    checkRef(named.get(j).getRef(), "dependencies[" + i + "].dependsOn[" + j + "]", ids, otherRefs);
                }
            }
            if (!ids.contains(entry.getRef()) || entry.getDependencies() == null) {
                continue;
            }
            Set<String> targets = graph.computeIfAbsent(entry.getRef(), ref -> new LinkedHashSet<>());
            for (Dependency target : entry.getDependencies()) {
                if (target != null && ids.contains(target.getRef()) && !target.getRef().equals(entry.getRef())) {
                    targets.add(target.getRef());
                }
            }
            if (targets.size() > Limits.DEPENDS_ON) {
                throw new InventoryFormatException("dependencies", "'" + entry.getRef() + "' depends on " + targets.size()
                        + " components; at most " + Limits.DEPENDS_ON + " are allowed per item");
            }
        }
        return graph;
    }

    private static void checkRef(String ref, String path, Set<String> ids, Set<String> otherRefs) throws InventoryFormatException {
        if (ref == null || !ids.contains(ref) && !otherRefs.contains(ref)) {
            throw new InventoryFormatException(path, "'" + ref + "' is the bom-ref of no component or service of this SBOM");
        }
    }

    /** The bom-refs a dependency may name besides the components': the metadata component's and the services'. */
    private static Set<String> otherRefs(Bom bom) {
        Set<String> refs = new HashSet<>();
        if (bom.getMetadata() != null && bom.getMetadata().getComponent() != null) {
            refs.add(bom.getMetadata().getComponent().getBomRef());
        }
        Deque<Service> services = new ArrayDeque<>(bom.getServices() == null ? List.of() : bom.getServices());
        while (!services.isEmpty()) {
            Service service = services.pop();
            if (service != null) {
                refs.add(service.getBomRef());
                if (service.getServices() != null) {
                    services.addAll(service.getServices());
                }
            }
        }
        refs.remove(null);
        return refs;
    }

    private static InventoryItem item(Located located, String id, Set<String> dependsOn) throws InventoryFormatException {
        Component component = located.component();
        String path = located.path();
        String name = ItemFields.text(component.getName(), Limits.NAME, path + ".name", "name");
        if (name == null) {
            throw new InventoryFormatException(path, "the component has no name; every component needs one");
        }
        return new InventoryItem(
                id,
                name,
                null,
                ItemFields.purl(component.getPurl(), path + ".purl"),
                ItemFields.text(component.getVersion(), Limits.VERSION, path + ".version", "version"),
                ItemFields.text(licence(component.getLicenses()), Limits.LICENCE, path + ".licenses", "the licence"),
                Deployment.selfHosted(),
                null,
                null,
                component.getType() == Component.Type.LIBRARY ? Criticality.LOW : Criticality.MEDIUM,
                Usage.INTERNAL,
                List.copyOf(dependsOn),
                component.getType() == Component.Type.LIBRARY,
                supplier(component));
    }

    /** Who supplies a component: its supplier, else its manufacturer, publisher or author, as the SBOM names them. */
    @SuppressWarnings("deprecation") // getAuthor(): how CycloneDX before 1.6 names the author
    private static String supplier(Component component) {
        String named = firstName(component.getSupplier(), component.getManufacturer());
        if (named != null) {
            return named;
        }
        String publisher = ItemFields.oneLine(component.getPublisher(), Limits.NAME);
        return publisher != null ? publisher : ItemFields.oneLine(component.getAuthor(), Limits.NAME);
    }

    /**
     * One SPDX expression for a component's licences: the expression when the SBOM gives one, as
     * written; else the licences it lists as alternatives (joined with OR), only the concluded ones
     * when some are marked so. CycloneDX leaves the list's meaning to the reader; its libraries call
     * the entries disjunctive, and Maven, whose POM licences SBOM generators copy, says any of them
     * may be chosen. A licence given by name becomes its SPDX id (with its exception) when the name
     * is a known one ({@link LicenceNames}), else a LicenseRef.
     */
    static String licence(LicenseChoice choice) {
        if (choice == null) {
            return null;
        }
        if (choice.getExpression() != null && ItemFields.present(choice.getExpression().getValue()) != null) {
            return choice.getExpression().getValue().strip();
        }
        if (choice.getLicenses() == null) {
            return null;
        }
        List<License> listed = choice.getLicenses().stream().filter(Objects::nonNull).toList();
        List<License> concluded = listed.stream().filter(l -> l.getAcknowledgement() == Acknowledgement.CONCLUDED).toList();
        Set<String> alternatives = new LinkedHashSet<>();
        for (License license : concluded.isEmpty() ? listed : concluded) {
            String id = ItemFields.present(license.getId());
            String name = ItemFields.present(license.getName());
            String expression = id != null ? id : name == null ? null : LicenceNames.standard().spdx(name).orElseGet(() -> licenseRef(name));
            if (expression != null) {
                alternatives.add(expression.contains(" OR ") || expression.contains(" AND ") ? "(" + expression + ")" : expression);
            }
        }
        return alternatives.isEmpty() ? null : String.join(" OR ", alternatives);
    }

    /** A licence known only by a name no list has: a LicenseRef made of it, null when nothing of it is left. */
    private static String licenseRef(String name) {
        String reduced = NOT_IN_LICENSE_REF.matcher(name).replaceAll("-").replaceAll("^-+|-+$", "");
        return reduced.isEmpty() ? null : "LicenseRef-" + reduced;
    }

    @SuppressWarnings("deprecation") // getManufacture(): how CycloneDX 1.5 spells the manufacturer
    private static Organisation organisation(Metadata metadata) {
        String name = null;
        if (metadata != null) {
            name = firstName(metadata.getSupplier(), metadata.getManufacturer(), metadata.getManufacture());
            if (name == null && metadata.getComponent() != null) {
                name = ItemFields.oneLine(metadata.getComponent().getName(), Limits.NAME);
            }
        }
        return new Organisation(name != null ? name : UNNAMED_ORGANISATION, null, null);
    }

    private static String firstName(OrganizationalEntity... entities) {
        for (OrganizationalEntity entity : entities) {
            String name = entity == null ? null : ItemFields.oneLine(entity.getName(), Limits.NAME);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static InventoryFormatException readError(ParseException e, String format) {
        Throwable cause = e.getCause();
        if (cause instanceof SAXParseException sax) {
            return new InventoryFormatException(XmlSbomScanner.where(sax.getLineNumber(), sax.getColumnNumber()),
                    "the SBOM is not well-formed XML: " + sax.getMessage(), e);
        }
        if (cause instanceof JsonProcessingException jackson) {
            return readError(jackson, format);
        }
        String detail = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
        return new InventoryFormatException("document", "the SBOM could not be read as CycloneDX " + format + ": " + detail, e);
    }

    private static InventoryFormatException readError(JsonProcessingException e, String format) {
        String where = location(e);
        String original = firstLine(e.getOriginalMessage());
        String path = e instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
        StreamConstraintsException limit = find(e, StreamConstraintsException.class);
        if (limit != null) {
            // Jackson gives no location here; the top-level field at least says where to look
            String top = path.split("[.\\[]", 2)[0];
            return new InventoryFormatException(where.equals("document") && !top.isEmpty() ? top : where,
                    "the SBOM is nested too deeply or holds an oversized value: "
                            + INTERNAL_DETAIL.matcher(firstLine(limit.getOriginalMessage())).replaceAll(""), e);
        }
        if (syntaxError(e)) {
            if (isTruncated(e)) {
                return new InventoryFormatException(where, "the " + format + " ends before it is complete; the file may be truncated", e);
            }
            return new InventoryFormatException(where, "the SBOM is not valid " + format + ": " + original, e);
        }
        if (path.isEmpty()) {
            String expected = "JSON".equals(format) ? "a JSON object" : "a <bom> document";
            return new InventoryFormatException(where.equals("document") ? "line 1, column 1" : where,
                    "the SBOM must be " + expected + " in the CycloneDX format: " + original, e);
        }
        if (e instanceof InvalidFormatException invalid) {
            String value = "'" + invalid.getValue() + "'";
            Matcher allowed = ENUM_VALUES.matcher(String.valueOf(e.getOriginalMessage()));
            String hint = allowed.find() ? "; use one of " + allowed.group(1) : " for this field";
            return new InventoryFormatException(where, path + " is " + value + ", which is not a valid value" + hint, e);
        }
        if (e instanceof MismatchedInputException) {
            return new InventoryFormatException(where, path + " has the wrong type for CycloneDX: " + original, e);
        }
        return new InventoryFormatException(where, path + " cannot be read: " + original, e);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean syntaxError(Throwable e) {
        return find(e, StreamReadException.class) != null || find(e, XMLStreamException.class) != null;
    }

    private static boolean isTruncated(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonEOFException || String.valueOf(t.getMessage()).startsWith("Unexpected end-of-input")) {
                return true;
            }
        }
        return false;
    }

    // A mapping error wrapping a parser error may carry no location of its own.
    private static String location(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            JsonLocation location = t instanceof JsonProcessingException jackson ? jackson.getLocation() : null;
            if (location != null && location.getLineNr() > 0) {
                return XmlSbomScanner.where(location.getLineNr(), location.getColumnNr());
            }
        }
        return "document";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    // Jackson appends " at [Source: ...]" on further lines, and start markers in parentheses.
    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.lines().findFirst().orElse(message);
        int marker = line.indexOf(" (start marker at");
        return marker > 0 ? line.substring(0, marker) : line;
    }
}
