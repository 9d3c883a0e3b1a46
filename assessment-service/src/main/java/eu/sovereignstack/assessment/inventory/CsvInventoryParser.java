package eu.sovereignstack.assessment.inventory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import eu.sovereignstack.assessment.domain.Criticality;
import eu.sovereignstack.assessment.domain.DataClassification;
import eu.sovereignstack.assessment.domain.Deployment;
import eu.sovereignstack.assessment.domain.Inventory;
import eu.sovereignstack.assessment.domain.InventoryItem;
import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.domain.Organisation;
import eu.sovereignstack.assessment.domain.Usage;
import eu.sovereignstack.catalog.contract.DeploymentModel;

/**
 * Reads an inventory from CSV: a header row naming the columns of {@link CsvColumn} (only
 * {@code name} is required), then one row per item. Empty cells mean absent; lists
 * ({@code data_locations}, {@code depends_on}) are separated by ';' or '|'. Errors name the
 * line of the file, and the column when one value is wrong.
 */
@ApplicationScoped
public class CsvInventoryParser {

    // Thread-safe once configured; creating one per call would rebuild its caches.
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final CsvSchema WITH_HEADER = CsvSchema.emptySchema().withHeader();
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;|]");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * @param organisation whom the inventory belongs to; {@code null} gives
     *        {@value CycloneDxInventoryParser#UNNAMED_ORGANISATION}
     */
    public Inventory parse(String csv, Organisation organisation) throws InventoryFormatException {
        String text = csv == null || csv.isEmpty() || csv.charAt(0) != BYTE_ORDER_MARK ? csv : csv.substring(1);
        if (text == null || text.isBlank()) {
            throw new InventoryFormatException("line 1",
                    "the file is empty; it needs a header row naming the columns (at least name) and one row per item");
        }
        List<Row> rows = rows(text);
        if (rows.isEmpty()) {
            throw new InventoryFormatException("line 2", "the file has a header row but no items; add one row per item");
        }
        List<InventoryItem> items = new ArrayList<>(rows.size());
        Map<String, Integer> lineOfId = new HashMap<>();
        for (Row row : rows) {
            InventoryItem item = item(row);
            Integer earlier = lineOfId.putIfAbsent(item.id(), row.line());
            if (earlier != null) {
                throw new InventoryFormatException(row.at(CsvColumn.ID),
                        "id '" + item.id() + "' is already used on line " + earlier + "; ids must be unique");
            }
            items.add(item);
        }
        for (int i = 0; i < rows.size(); i++) {
            checkDependencies(rows.get(i), items.get(i), lineOfId.keySet());
        }
        Organisation owner = organisation != null ? organisation
                : new Organisation(CycloneDxInventoryParser.UNNAMED_ORGANISATION, null, null);
        return new Inventory(owner, List.copyOf(items));
    }

    /** One data row: its first line in the file and its non-empty cells. */
    private record Row(int line, Map<CsvColumn, String> cells) {

        String get(CsvColumn column) {
            return cells.get(column);
        }

        String at(CsvColumn column) {
            return "line " + line + ", column " + column.header();
        }
    }

    /*
     * Walks the tokens rather than binding maps: the location of a row's first field is the
     * only one Jackson reports reliably as the row's first line (blank lines and quoted line
     * breaks included).
     */
    private static List<Row> rows(String text) throws InventoryFormatException {
        try (CsvParser parser = (CsvParser) MAPPER.reader()
                .with(WITH_HEADER)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                .createParser(text)) {
            JsonToken token = parser.nextToken();
            Map<String, CsvColumn> columns = columns(parser.getSchema());
            List<Row> rows = new ArrayList<>();
            Map<CsvColumn, String> cells = new EnumMap<>(CsvColumn.class);
            CsvColumn column = null;
            int line = 0;
            for (; token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT -> {
                        cells = new EnumMap<>(CsvColumn.class);
                        line = 0;
                    }
                    case FIELD_NAME -> {
                        if (line == 0) {
                            line = parser.currentTokenLocation().getLineNr();
                        }
                        column = columns.get(parser.currentName());
                    }
                    case VALUE_STRING -> {
                        String value = ItemFields.present(parser.getText());
                        if (column != null && value != null) {
                            cells.put(column, value);
                        }
                    }
                    case END_OBJECT -> {
                        // a row of empty cells (",,,") is what spreadsheets export for blank lines
                        if (!cells.isEmpty()) {
                            if (rows.size() == Limits.ITEMS) {
                                throw new InventoryFormatException("line " + line, "the file has more than "
                                        + Limits.ITEMS + " items; at most " + Limits.ITEMS + " items are allowed");
                            }
                            rows.add(new Row(line, cells));
                        }
                    }
                    default -> {
                    }
                }
            }
            return rows;
        } catch (JacksonException e) {
            throw readError(e);
        } catch (IOException | RuntimeException e) {
            throw new InventoryFormatException("file", "the file could not be read as CSV: " + e.getMessage(), e);
        }
    }

    private static Map<String, CsvColumn> columns(CsvSchema header) throws InventoryFormatException {
        Map<String, CsvColumn> byHeader = new HashMap<>();
        Set<CsvColumn> seen = EnumSet.noneOf(CsvColumn.class);
        for (CsvSchema.Column entry : header) {
            String name = entry.getName();
            if (name == null || name.isBlank()) {
                throw new InventoryFormatException("line 1", "column " + (entry.getIndex() + 1)
                        + " has no header; name every column, choosing from " + CsvColumn.headers());
            }
            Optional<CsvColumn> column = CsvColumn.forHeader(name);
            if (column.isEmpty()) {
                throw new InventoryFormatException("line 1, column " + name.strip(),
                        "unknown column '" + name.strip() + "'; the columns are " + CsvColumn.headers());
            }
            if (!seen.add(column.get())) {
                throw new InventoryFormatException("line 1, column " + name.strip(),
                        "column " + column.get().header() + " appears twice in the header");
            }
            byHeader.put(name, column.get());
        }
        if (!seen.contains(CsvColumn.NAME)) {
            throw new InventoryFormatException("line 1",
                    "the header has no name column, which is required; the columns are " + CsvColumn.headers());
        }
        return byHeader;
    }

    private static InventoryFormatException readError(JacksonException e) {
        JsonLocation location = e.getLocation();
        String where = location != null && location.getLineNr() > 0 ? "line " + location.getLineNr() : "file";
        String original = String.valueOf(e.getOriginalMessage());
        String message;
        if (original.startsWith("Too many entries")) {
            message = "the row has more cells than the header has columns; put values that contain a comma in double quotes";
        } else if (original.startsWith("Missing closing quote")) {
            message = "a quoted value is never closed; add the missing double quote";
        } else {
            message = "the file is not valid CSV: " + original.lines().findFirst().orElse(original);
        }
        return new InventoryFormatException(where, message, e);
    }

    private static InventoryItem item(Row row) throws InventoryFormatException {
        String id = ItemFields.text(row.get(CsvColumn.ID), Limits.ID, row.at(CsvColumn.ID), "id");
        return new InventoryItem(
                id != null ? id : "item-" + row.line(),
                ItemFields.required(row.get(CsvColumn.NAME), Limits.NAME, row.at(CsvColumn.NAME), "name"),
                ItemFields.text(row.get(CsvColumn.SLUG), Limits.SLUG, row.at(CsvColumn.SLUG), "slug"),
                purl(row),
                ItemFields.text(row.get(CsvColumn.VERSION), Limits.VERSION, row.at(CsvColumn.VERSION), "version"),
                ItemFields.text(row.get(CsvColumn.LICENCE), Limits.LICENCE, row.at(CsvColumn.LICENCE), "licence"),
                deployment(row),
                users(row),
                ItemFields.constant(DataClassification.class, row.get(CsvColumn.DATA_CLASSIFICATION),
                        row.at(CsvColumn.DATA_CLASSIFICATION), "data classification"),
                ItemFields.constant(Criticality.class, row.get(CsvColumn.CRITICALITY),
                        row.at(CsvColumn.CRITICALITY), "criticality"),
                ItemFields.constant(Usage.class, row.get(CsvColumn.USAGE), row.at(CsvColumn.USAGE), "usage"),
                dependsOn(row),
                library(row),
                ItemFields.text(row.get(CsvColumn.SUPPLIER), Limits.NAME, row.at(CsvColumn.SUPPLIER), "supplier"));
    }

    private static Boolean library(Row row) throws InventoryFormatException {
        String value = ItemFields.present(row.get(CsvColumn.LIBRARY));
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new InventoryFormatException(row.at(CsvColumn.LIBRARY), "library must be true or false, not '"
                    + ItemFields.oneLine(value, 40) + "'");
        };
    }

    private static String purl(Row row) throws InventoryFormatException {
        return ItemFields.purl(row.get(CsvColumn.PURL), row.at(CsvColumn.PURL));
    }

    private static Deployment deployment(Row row) throws InventoryFormatException {
        DeploymentModel model = ItemFields.constant(DeploymentModel.class, row.get(CsvColumn.DEPLOYMENT),
                row.at(CsvColumn.DEPLOYMENT), "deployment");
        String provider = ItemFields.text(row.get(CsvColumn.PROVIDER), Limits.NAME, row.at(CsvColumn.PROVIDER), "provider");
        String country = ItemFields.country(row.get(CsvColumn.PROVIDER_COUNTRY), row.at(CsvColumn.PROVIDER_COUNTRY));
        Set<String> locations = new LinkedHashSet<>();
        for (String location : list(row.get(CsvColumn.DATA_LOCATIONS))) {
            locations.add(ItemFields.country(location, row.at(CsvColumn.DATA_LOCATIONS)));
        }
        if (locations.size() > Limits.COUNTRIES) {
            throw new InventoryFormatException(row.at(CsvColumn.DATA_LOCATIONS), "data_locations lists "
                    + locations.size() + " countries; at most " + Limits.COUNTRIES + " are allowed");
        }
        if (model == null && provider == null && country == null && locations.isEmpty()) {
            return null;
        }
        // a provider without a model: self-hosted on rented infrastructure
        return new Deployment(model != null ? model : DeploymentModel.SELF_HOSTED, provider, country, List.copyOf(locations));
    }

    private static Integer users(Row row) throws InventoryFormatException {
        String value = row.get(CsvColumn.USERS);
        if (value == null) {
            return null;
        }
        int users;
        try {
            users = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InventoryFormatException(row.at(CsvColumn.USERS),
                    "'" + value + "' is not a whole number; users must be a number of 0 or more, such as 250");
        }
        if (users < 0) {
            throw new InventoryFormatException(row.at(CsvColumn.USERS),
                    "users is " + users + "; it must be a number of 0 or more");
        }
        return users;
    }

    private static List<String> dependsOn(Row row) throws InventoryFormatException {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : list(row.get(CsvColumn.DEPENDS_ON))) {
            ids.add(ItemFields.text(id, Limits.ID, row.at(CsvColumn.DEPENDS_ON), "an id in depends_on"));
        }
        if (ids.size() > Limits.DEPENDS_ON) {
            throw new InventoryFormatException(row.at(CsvColumn.DEPENDS_ON), "depends_on lists " + ids.size()
                    + " items; at most " + Limits.DEPENDS_ON + " are allowed");
        }
        return List.copyOf(ids);
    }

    private static void checkDependencies(Row row, InventoryItem item, Set<String> ids) throws InventoryFormatException {
        for (String id : item.dependsOn()) {
            if (id.equals(item.id())) {
                throw new InventoryFormatException(row.at(CsvColumn.DEPENDS_ON),
                        "the item depends on itself; list only other items' ids");
            }
            if (!ids.contains(id)) {
                throw new InventoryFormatException(row.at(CsvColumn.DEPENDS_ON),
                        "'" + id + "' is not the id of any item in this file");
            }
        }
    }

    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        return LIST_SEPARATOR.splitAsStream(cell).map(ItemFields::present).filter(value -> value != null).toList();
    }
}
