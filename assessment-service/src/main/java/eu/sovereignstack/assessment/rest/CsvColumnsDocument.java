package eu.sovereignstack.assessment.rest;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import eu.sovereignstack.assessment.inventory.CsvColumn;

/**
 * Publishes the CSV columns the parser reads, with their rules, as the description of the CSV
 * upload's body: the document is written from {@link CsvColumn}, so it cannot list a column the
 * parser does not take, nor miss one it does.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class CsvColumnsDocument implements OASFilter {

    static final String OPERATION = "createAssessmentFromCsv";

    @Override
    public Operation filterOperation(Operation operation) {
        if (OPERATION.equals(operation.getOperationId()) && operation.getRequestBody() != null) {
            operation.getRequestBody().setDescription(description());
        }
        return operation;
    }

    /** The columns as a Markdown table, after what holds for the whole file. */
    static String description() {
        return "A CSV inventory (RFC 4180, UTF-8, a byte order mark is ignored): a header row naming the columns, "
                + "in any order, then one row per item. Headers ignore case and take ' ' or '-' for '_'. Only name is "
                + "required; an empty cell means absent; lists are separated by ';' or '|'. An error names the line "
                + "and column where it is.\n\n| column | holds |\n|---|---|\n"
                + Arrays.stream(CsvColumn.values())
                        .map(column -> "| " + column.header() + " | " + column.rule() + " |")
                        .collect(Collectors.joining("\n"));
    }
}
