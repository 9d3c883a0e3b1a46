package eu.sovereignstack.assessment.engine;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import eu.sovereignstack.assessment.engine.model.AlternativeOption;
import eu.sovereignstack.assessment.engine.model.AssessmentResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.ItemResult;
import eu.sovereignstack.assessment.engine.model.Finding;
import eu.sovereignstack.assessment.engine.model.LicenceIssue;
import eu.sovereignstack.assessment.engine.model.MigrationWave;
import eu.sovereignstack.assessment.engine.model.SealLevel;
import eu.sovereignstack.assessment.engine.model.Severity;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;
import eu.sovereignstack.assessment.engine.rules.AggregationWeight;

/** An assessment as files: one CSV row per item, issue-tracker work items, a Markdown report. */
public final class Reports {

    /** Work-item priorities, lowest first. */
    private static final List<String> PRIORITIES = List.of("Low", "Medium", "High", "Highest");

    private static final CsvMapper CSV = new CsvMapper();
    /** What makes a spreadsheet read a cell as a formula. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Reports() {
    }

    /** One row per item: scores per objective, disposition and target. */
    public static String itemsCsv(AssessmentResult result) {
        StringWriter out = new StringWriter();
        itemsCsv(result.items()::forEach, out);
        return out.toString();
    }

    /** {@link #itemsCsv(AssessmentResult)}, written row by row as the items come: any number of them in little memory. */
    public static void itemsCsv(AssessmentEngine.Items items, Writer out) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        List<String> columns = new ArrayList<>(List.of("id", "name", "product", "matched_by", "deployment", "criticality",
                "score", "seal", "confidence"));
        for (SovereigntyObjective objective : SovereigntyObjective.values()) {
            columns.add(objective.id());
        }
        columns.addAll(List.of("findings", "top_finding", "disposition", "effort", "target", "score_after", "library", "part_of"));
        columns.forEach(schema::addColumn);
        try (SequenceWriter rows = CSV.writer(schema.build()).writeValues(out)) {
            items.forEach(item -> {
                try {
                    rows.write(neutralised(itemRow(item)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> itemRow(ItemResult item) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", item.id());
        row.put("name", item.name());
        row.put("product", item.product());
        row.put("matched_by", item.matchedBy());
        row.put("deployment", item.deployment().model());
        row.put("criticality", item.criticality());
        row.put("score", item.assessment().score());
        row.put("seal", item.assessment().seal());
        row.put("confidence", item.assessment().confidence());
        item.assessment().levels().forEach((objective, level) -> row.put(objective.id(), level));
        row.put("findings", item.assessment().findings().size());
        row.put("top_finding", item.assessment().findings().isEmpty() ? null : item.assessment().findings().get(0).code());
        row.put("disposition", item.plan().disposition());
        row.put("effort", item.plan().effort());
        AlternativeOption chosen = item.plan().chosen();
        row.put("target", chosen == null ? null : chosen.product());
        row.put("score_after", chosen == null ? null : chosen.scoreAfter());
        row.put("library", item.library());
        row.put("part_of", String.join(";", item.partOf()));
        return row;
    }

    /**
     * One work item per migrating item, in wave order, with columns issue trackers import
     * (Jira and GitLab map Summary/Title, Description, Labels, Priority, estimate).
     */
    public static String workItemsCsv(AssessmentResult result) {
        CsvSchema schema = CsvSchema.builder().setUseHeader(true)
                .addColumn("Summary").addColumn("Description").addColumn("Labels").addColumn("Priority")
                .addColumn("Wave").addColumn("Effort").addColumn("Estimate points").build();
        Map<String, ItemResult> items = result.items().stream().collect(Collectors.toMap(ItemResult::id, i -> i));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MigrationWave wave : result.waves()) {
            for (MigrationWave.WaveItem waveItem : wave.items()) {
                ItemResult item = items.get(waveItem.id());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("Summary", "Wave " + wave.number() + ": " + summary(item));
                row.put("Description", description(item));
                row.put("Labels", "sovereignty wave-" + wave.number() + " " + item.plan().disposition().name().toLowerCase(Locale.ROOT));
                row.put("Priority", priority(item));
                row.put("Wave", wave.number());
                row.put("Effort", item.plan().effort());
                row.put("Estimate points", item.plan().effortPoints());
                rows.add(row);
            }
        }
        return write(schema, rows);
    }

    /**
     * A report a person hands to management: summary, objectives, top findings with the facts
     * and evidence they rest on, waves, licences.
     */
    public static String markdown(UUID id, Instant createdAt, AssessmentResult result) {
        AssessmentResult.OrganisationResult org = result.organisation();
        StringBuilder md = new StringBuilder();
        md.append("# Sovereignty assessment: ").append(org.name()).append("\n\n");
        md.append("Assessment `").append(id).append("` of ").append(createdAt).append(", profile `")
                .append(result.profile()).append("`, ").append(org.itemCount()).append(" items (")
                .append(org.unknownItems()).append(" not in the catalog)")
                .append(org.libraries() == 0 ? "" : ", of which " + org.libraries() + " libraries: they count in the applications "
                        + "and services that use them, where their findings cap the levels and their unknown facts lower the "
                        + "confidence")
                .append(".\n\n");
        md.append("## Summary\n\n");
        md.append(String.format(Locale.ROOT, "- **Score today: %.1f / 100**, overall SEAL %d (%s).%n", org.score(), org.seal(),
                SealLevel.of(org.seal()).title()));
        md.append(String.format(Locale.ROOT, "- **Score once the plan is done: %.1f / 100**, overall SEAL %d.%n",
                org.projectedScore(), org.projectedSeal()));
        md.append(String.format(Locale.ROOT, "- Confidence %.0f%%: the share of the facts the score rests on that are known.%n",
                org.confidence() * 100));
        int points = result.waves().isEmpty() ? 0 : result.waves().get(result.waves().size() - 1).cumulativeEffort();
        long migrating = result.items().stream().filter(i -> i.plan().disposition().migrates()).count();
        md.append("- ").append(migrating).append(" items to migrate in ").append(result.waves().size())
                .append(" waves, ").append(points).append(" effort points in all.\n");
        if (!result.policy().minimumSeal().isEmpty()) {
            md.append("- Policy gate: ").append(result.policy().passed() ? "**passed**" : "**not passed**").append(" (")
                    .append(result.policy().items().size()).append(" items miss a minimum).\n");
        }
        md.append("\n## Objectives\n\n| objective | weight | level today | after the plan |\n|---|---|---|---|\n");
        for (SovereigntyObjective objective : SovereigntyObjective.values()) {
            md.append("| ").append(objective.id()).append(' ').append(objective.title()).append(" | ")
                    .append(result.weights().get(objective)).append("% | ").append(org.levels().get(objective)).append(" | ")
                    .append(org.projectedLevels().get(objective)).append(" |\n");
        }
        md.append("\n## Top findings\n\n");
        List<Map.Entry<ItemResult, Finding>> findings = new ArrayList<>();
        // A library's unknowns lower confidence only: its findings of what is known are the ones that count.
        result.items().forEach(item -> item.assessment().findings().stream()
                .filter(f -> !item.library() || Libraries.known(f))
                .forEach(f -> findings.add(Map.entry(item, f))));
        findings.sort(Comparator.comparing((Map.Entry<ItemResult, Finding> e) -> e.getValue().severity()).reversed()
                .thenComparing(e -> -AggregationWeight.of(e.getKey().criticality())));
        findings.stream().filter(e -> e.getValue().severity().compareTo(Severity.MEDIUM) >= 0).limit(10)
                .forEach(e -> {
                    md.append("- **").append(e.getValue().severity()).append("** `").append(e.getValue().code())
                            .append("` (").append(e.getValue().caps().stream().map(c -> c.objective().id())
                                    .collect(Collectors.joining(", "))).append("; ").append(e.getKey().name()).append("): ")
                            .append(e.getValue().message()).append('\n');
                    e.getValue().facts().forEach(fact -> md.append("  - ").append(fact.describe()).append('\n'));
                });
        md.append("\nEach finding lists the facts it rests on: their value, source, date, how they were obtained and who "
                + "asserted them. \"unknown\" means nobody has stated the fact; it is scored pessimistically.\n");
        md.append("\n## Migration waves\n\n");
        for (MigrationWave wave : result.waves()) {
            md.append("### Wave ").append(wave.number()).append(" (").append(wave.effort()).append(" points, ")
                    .append(wave.cumulativeEffort()).append(" cumulative)\n\n");
            Map<String, ItemResult> items = result.items().stream().collect(Collectors.toMap(ItemResult::id, i -> i));
            for (MigrationWave.WaveItem waveItem : wave.items()) {
                md.append("- ").append(summary(items.get(waveItem.id()))).append(" (").append(waveItem.effort()).append(")\n");
            }
            md.append('\n');
        }
        if (!result.licenceIssues().isEmpty()) {
            md.append("## Licences of the target stack\n\n");
            for (LicenceIssue issue : result.licenceIssues()) {
                md.append("- **").append(issue.kind()).append("** ").append(String.join(", ", issue.items())).append(": ")
                        .append(issue.reason()).append('\n');
            }
        }
        return md.toString();
    }

    private static String summary(ItemResult item) {
        AlternativeOption chosen = item.plan().chosen();
        return switch (item.plan().disposition()) {
            case REHOST -> "Self-host " + item.name();
            case REPLATFORM -> "Move " + item.name() + " to " + chosen.deployment().provider();
            case REPURCHASE -> "Replace " + item.name() + " with " + chosen.name();
            case REFACTOR -> "Replace " + item.name() + " with " + chosen.name() + " (partial fit)";
            case RETIRE -> "Retire " + item.name();
            case RETAIN -> "Keep " + item.name();
        };
    }

    private static String description(ItemResult item) {
        StringBuilder text = new StringBuilder();
        text.append(String.join("\n", item.plan().reasons()));
        item.assessment().findings().stream().filter(f -> f.severity().compareTo(Severity.MEDIUM) >= 0)
                .forEach(f -> text.append("\n- ").append(f.code()).append(": ").append(f.message()));
        return text.toString();
    }

    /**
     * A work item's priority: how serious its worst finding is, moved by how critical the item
     * is to the organisation (one step down for low and medium criticality, one up for critical).
     * A high finding on a medium item is Medium; on a high item High; on a critical item Highest.
     */
    private static String priority(ItemResult item) {
        Severity worst = item.assessment().findings().stream().map(Finding::severity).max(Comparator.naturalOrder())
                .orElse(Severity.INFO);
        int severity = switch (worst) {
            case CRITICAL -> 3;
            case HIGH -> 2;
            case MEDIUM -> 1;
            default -> 0;
        };
        int shift = switch (item.criticality()) {
            case CRITICAL -> 1;
            case HIGH -> 0;
            default -> -1;
        };
        return PRIORITIES.get(Math.max(0, Math.min(PRIORITIES.size() - 1, severity + shift)));
    }

    /**
     * Writes the rows, every text cell neutralised: a spreadsheet reads a cell that starts with
     * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return as a formula, so such
     * a cell (an inventory's item named {@code =HYPERLINK(...)}) gets a leading apostrophe, which
     * spreadsheets show as text and do not evaluate (OWASP, CSV injection). Numbers stay numbers.
     */
    /** The text as a spreadsheet shows it and never evaluates. */
    static String neutralised(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** The row with every text cell {@linkplain #neutralised(String) neutralised}. */
    private static Map<String, Object> neutralised(Map<String, Object> row) {
        Map<String, Object> cells = new LinkedHashMap<>();
        row.forEach((column, value) -> cells.put(column, value instanceof String text ? neutralised(text) : value));
        return cells;
    }

    private static String write(CsvSchema schema, List<Map<String, Object>> rows) {
        List<Map<String, Object>> safe = rows.stream().map(Reports::neutralised).toList();
        try {
            return CSV.writer(schema).writeValueAsString(safe);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSV", e);
        }
    }
}
