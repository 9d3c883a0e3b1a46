package eu.sovereignstack.mcp.schema;

/**
 * The tools' structured results. Each is what the API answers (its JSON, as it is), so each
 * output schema is the API's own, from the suite's OpenAPI document: a tool and the endpoint it
 * calls cannot drift apart. Where the API answers an array, or a tool combines two answers, the
 * result is an object holding them (MCP results are objects).
 */
public final class OutputSchemas {

    private OutputSchemas() {
    }

    @ApiOutput("ProductPage")
    public static final class ProductPage {
    }

    @ApiOutput("Product")
    public static final class Product {
    }

    @ApiOutput(properties = {"product=string", "alternatives=Alternative[]", "offerings=Offering[]"},
            required = {"product", "alternatives", "offerings"})
    public static final class Alternatives {
    }

    @ApiOutput(properties = {"status=AssessmentStatus", "summary=AssessmentSummaryView"}, required = "status")
    public static final class AssessmentState {
    }

    @ApiOutput("ItemResult")
    public static final class Item {
    }

    @ApiOutput("AssessmentPlan")
    public static final class Plan {
    }

    @ApiOutput("Comparison")
    public static final class Comparison {
    }
}
