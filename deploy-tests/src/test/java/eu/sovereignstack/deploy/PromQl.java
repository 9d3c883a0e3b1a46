package eu.sovereignstack.deploy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL to check an alert's or a panel's query without a Prometheus: whether it is plausible (strings
 * closed, brackets balanced and nested, ranges that are durations, only known functions), and which metric names it
 * queries. Not a parser: a query that passes may still be wrong, one that fails certainly is.
 */
final class PromQl {

    /** Aggregation operators and functions (Prometheus 2.x and 3.x). */
    static final Set<String> FUNCTIONS = Set.of(
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
            "quantile", "limitk", "limit_ratio",
            "abs", "absent", "absent_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min", "day_of_month",
            "day_of_week", "day_of_year", "days_in_month", "delta", "deriv", "exp", "floor", "histogram_avg",
            "histogram_count", "histogram_fraction", "histogram_quantile", "histogram_stddev", "histogram_stdvar",
            "histogram_sum", "holt_winters", "double_exponential_smoothing", "hour", "idelta", "increase", "irate",
            "label_join", "label_replace", "ln", "log2", "log10", "minute", "month", "predict_linear", "rate", "resets",
            "round", "scalar", "sgn", "sort", "sort_desc", "sort_by_label", "sort_by_label_desc", "sqrt", "time",
            "timestamp", "vector", "year", "avg_over_time", "min_over_time", "max_over_time", "sum_over_time",
            "count_over_time", "quantile_over_time", "stddev_over_time", "stdvar_over_time", "last_over_time",
            "present_over_time", "mad_over_time", "acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh",
            "sin", "sinh", "tan", "tanh", "deg", "rad", "pi");

    /** Words that are neither functions nor metric names. */
    private static final Set<String> KEYWORDS = Set.of(
            "and", "or", "unless", "atan2", "bool", "offset", "group_left", "group_right", "inf", "nan");

    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)");
    private static final Pattern TOKEN = Pattern.compile(
            "(?<number>\\d+(\\.\\d+)?([eE][+-]?\\d+)?[a-zA-Z]*)|(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)");
    private static final Pattern RANGE = Pattern.compile(
            "\\s*(\\$\\{?\\w+}?|(\\d+(ms|s|m|h|d|w|y))+)(\\s*:\\s*(\\$\\{?\\w+}?|(\\d+(ms|s|m|h|d|w|y))+)?)?\\s*");

    private PromQl() {
    }

    /** What makes the query implausible; empty when nothing was found. */
    static List<String> problems(String query) {
        List<String> problems = new ArrayList<>();
        if (query == null || query.isBlank()) {
            problems.add("empty query");
            return problems;
        }
        String code = withoutStrings(query, problems);
        Deque<Character> open = new ArrayDeque<>();
        Deque<Integer> openedAt = new ArrayDeque<>();
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                open.push(c);
                openedAt.push(i);
            } else if (c == ')' || c == ']' || c == '}') {
                char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (open.isEmpty() || open.peek() != expected) {
                    problems.add("unbalanced '" + c + "' at " + i);
                    return problems;
                }
                open.pop();
                int start = openedAt.pop();
                if (c == ']' && !RANGE.matcher(code.substring(start + 1, i)).matches()) {
                    problems.add("range [" + code.substring(start + 1, i) + "] is not a duration");
                }
            }
        }
        if (!open.isEmpty()) {
            problems.add("unclosed '" + open.peek() + "'");
            return problems;
        }
        String stripped = strip(code);
        Matcher token = TOKEN.matcher(stripped);
        while (token.find()) {
            String name = token.group("name");
            if (name != null && isCall(stripped, token.end()) && !FUNCTIONS.contains(name) && !KEYWORDS.contains(name)) {
                problems.add("unknown function " + name + "()");
            }
        }
        return problems;
    }

    /** The metric names the query selects (a plausible query; see {@link #problems}). */
    static Set<String> metricNames(String query) {
        String stripped = strip(withoutStrings(query, new ArrayList<>()));
        Set<String> names = new LinkedHashSet<>();
        Matcher token = TOKEN.matcher(stripped);
        while (token.find()) {
            String name = token.group("name");
            if (name == null || KEYWORDS.contains(name) || isCall(stripped, token.end()) && FUNCTIONS.contains(name)) {
                continue;
            }
            names.add(name);
        }
        return names;
    }

    /** The query without label matchers, ranges and grouping clauses: what is left names metrics and functions. */
    private static String strip(String code) {
        String stripped = code.replaceAll("\\{[^{}]*}", " ").replaceAll("\\[[^\\[\\]]*]", " ");
        String previous;
        do {
            previous = stripped;
            stripped = GROUPING.matcher(stripped).replaceAll(" ");
        } while (!stripped.equals(previous));
        return stripped.replaceAll("\\$\\{?\\w+}?", " ");
    }

    private static boolean isCall(String code, int end) {
        int i = end;
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return i < code.length() && code.charAt(i) == '(';
    }

    /** The query with each string literal ("...", '...', `...`) blanked; an unclosed one is a problem. */
    private static String withoutStrings(String query, List<String> problems) {
        StringBuilder code = new StringBuilder(query.length());
        char quote = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                code.append(' ');
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
                code.append(' ');
            } else {
                code.append(c);
            }
        }
        if (quote != 0) {
            problems.add("unclosed string (" + quote + ")");
        }
        return code.toString();
    }
}
