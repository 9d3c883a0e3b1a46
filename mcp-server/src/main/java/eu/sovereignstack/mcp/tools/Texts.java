package eu.sovereignstack.mcp.tools;

import static eu.sovereignstack.mcp.tools.Results.value;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The short text beside each assessment tool's structured result: what a person asked, in a few
 * lines, with the numbers an architect quotes. The structured result holds everything else.
 */
final class Texts {

    /** Findings and alternatives listed in a text at most; the structured result has them all. */
    private static final int LISTED = 10;

    private Texts() {
    }

    static String status(JsonNode status) {
        StringBuilder text = new StringBuilder("Assessment ").append(value(status.path("id"))).append(" is ")
                .append(value(status.path("state")));
        if (status.hasNonNull("phase")) {
            text.append(" (").append(status.path("phase").asText()).append(", ").append(status.path("progress").asInt())
                    .append(" % done)");
        }
        text.append(", ").append(status.path("items").asInt()).append(" items.");
        if (status.hasNonNull("problem")) {
            text.append(" Problem: ").append(value(status.path("problem").path("detail")));
        } else if (!"failed".equals(status.path("state").asText()) && !"cancelled".equals(status.path("state").asText())) {
            text.append(" Ask get_assessment again for its result.");
        }
        return text.toString();
    }

    static String summary(JsonNode summary) {
        JsonNode organisation = summary.path("organisation");
        StringBuilder text = new StringBuilder("Assessment ").append(value(summary.path("name"))).append(" (")
                .append(value(summary.path("id"))).append(") of ").append(value(organisation.path("name")))
                .append(": score ").append(number(organisation.path("score"))).append("/100, SEAL ")
                .append(value(organisation.path("seal"))).append(", confidence ").append(number(organisation.path("confidence")))
                .append(".\nLevels: ").append(levels(organisation.path("levels")))
                .append("\n").append(summary.path("items").asInt()).append(" items, ").append(summary.path("waves").asInt())
                .append(" migration waves, ").append(summary.path("licenceIssues").asInt()).append(" licence issues.");
        JsonNode policy = summary.path("policy");
        if (policy.isObject()) {
            text.append("\nPolicy gate: ").append(policy.path("passed").asBoolean() ? "passed" : "failed");
        }
        return text.toString();
    }

    static String item(JsonNode item) {
        JsonNode score = item.path("assessment");
        StringBuilder text = new StringBuilder(value(item.path("name"))).append(" (").append(value(item.path("id"))).append(')')
                .append(item.hasNonNull("product") ? ", catalog product " + item.path("product").asText() : ", not in the catalog")
                .append(": SEAL ").append(value(score.path("seal"))).append(", score ").append(number(score.path("score")))
                .append(", confidence ").append(number(score.path("confidence")))
                .append(".\nLevels: ").append(levels(score.path("levels")));
        int listed = 0;
        for (JsonNode finding : score.path("findings")) {
            if (listed++ == LISTED) {
                text.append("\n- ... and ").append(score.path("findings").size() - LISTED).append(" more findings");
                break;
            }
            text.append("\n- ").append(value(finding.path("objective"))).append(" capped at ").append(value(finding.path("cap")))
                    .append(" (").append(value(finding.path("severity"))).append("): ").append(value(finding.path("message")));
            for (JsonNode fact : finding.path("facts")) {
                text.append("\n  ").append(value(fact.path("fact"))).append(" of ").append(value(fact.path("about"))).append(": ")
                        .append(fact.path("known").asBoolean(true)
                                ? value(fact.path("value")) + " (source: " + value(fact.path("source")) + ", " + value(fact.path("asOf")) + ")"
                                : "unknown");
            }
        }
        JsonNode plan = item.path("plan");
        text.append("\nPlan: ").append(value(plan.path("disposition")));
        if (plan.hasNonNull("effort")) {
            text.append(", effort ").append(plan.path("effort").asText());
        }
        listed = 0;
        for (JsonNode option : plan.path("alternatives")) {
            if (listed++ == LISTED) {
                break;
            }
            text.append("\n- ").append(value(option.path("name"))).append(" (").append(value(option.path("fit")))
                    .append("): score ").append(number(option.path("scoreAfter"))).append(" (").append(signed(option.path("gain")))
                    .append("), SEAL ").append(value(option.path("sealAfter"))).append(", levels ")
                    .append(levels(option.path("levelsAfter")));
        }
        return text.toString();
    }

    static String plan(JsonNode plan) {
        StringBuilder text = new StringBuilder().append(plan.path("waves").size()).append(" migration waves");
        for (JsonNode wave : plan.path("waves")) {
            text.append("\n- wave ").append(wave.path("number").asInt()).append(": ").append(wave.path("items").size())
                    .append(" items, effort ").append(wave.path("effort").asInt()).append(" (cumulative ")
                    .append(wave.path("cumulativeEffort").asInt()).append(')');
        }
        text.append("\n").append(plan.path("licenceIssues").size()).append(" licence issues.");
        JsonNode policy = plan.path("policy");
        if (policy.isObject()) {
            text.append("\nPolicy gate: ").append(policy.path("passed").asBoolean() ? "passed" : "failed")
                    .append(" (minimum levels ").append(levels(policy.path("minimumSeal"))).append(')');
        } else {
            text.append("\nNo policy gate was asked.");
        }
        return text.toString();
    }

    static String comparison(JsonNode comparison) {
        StringBuilder text = new StringBuilder("From ").append(value(comparison.path("from").path("name"))).append(" to ")
                .append(value(comparison.path("to").path("name"))).append(": score ").append(signed(comparison.path("scoreDelta")))
                .append(", SEAL ").append(signed(comparison.path("sealDelta")));
        for (JsonNode objective : comparison.path("objectives")) {
            if (objective.path("delta").asInt() != 0) {
                text.append("\n- ").append(value(objective.path("objective"))).append(": ").append(objective.path("from").asInt())
                        .append(" -> ").append(objective.path("to").asInt());
            }
        }
        return text.append("\n").append(comparison.path("resolvedFindings").size()).append(" findings resolved, ")
                .append(comparison.path("newFindings").size()).append(" new.").toString();
    }

    /** "SOV-1 3, SOV-2 1, ..." */
    private static String levels(JsonNode levels) {
        StringBuilder text = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = levels.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> level = it.next();
            text.append(text.isEmpty() ? "" : ", ").append(level.getKey()).append(' ').append(level.getValue().asText());
        }
        return text.isEmpty() ? "none" : text.toString();
    }

    private static String number(JsonNode number) {
        return number.isNumber() ? String.format(java.util.Locale.ROOT, "%.2f", number.asDouble()).replaceAll("\\.?0+$", "") : "unknown";
    }

    private static String signed(JsonNode number) {
        return number.isNumber() && number.asDouble() > 0 ? "+" + number(number) : number(number);
    }
}
