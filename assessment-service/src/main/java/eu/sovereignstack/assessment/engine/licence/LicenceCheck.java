package eu.sovereignstack.assessment.engine.licence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.model.v2.license.AbstractExtractedLicenseInfo;
import org.spdx.library.model.v2.license.AnyLicenseInfo;
import org.spdx.library.model.v2.license.ConjunctiveLicenseSet;
import org.spdx.library.model.v2.license.DisjunctiveLicenseSet;
import org.spdx.library.model.v2.license.OrLaterOperator;
import org.spdx.library.model.v2.license.SpdxListedLicense;
import org.spdx.library.model.v2.license.WithExceptionOperator;

import eu.sovereignstack.assessment.domain.Usage;
import eu.sovereignstack.assessment.engine.model.IssueKind;
import eu.sovereignstack.assessment.engine.model.LicenceIssue;
import eu.sovereignstack.common.licence.InvalidLicenceException;
import eu.sovereignstack.common.licence.LicenceFamily;
import eu.sovereignstack.common.licence.SpdxLicences;

/**
 * Checks the licences of a target stack for conflicts and obligations, with the OSADL
 * compatibility matrix. Pure: the same stack always gives the same issues in the same order.
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>Unknown licence.</b> A component whose licence is missing, is not a valid SPDX
 * expression, or names a {@code LicenseRef-*} other than {@code LicenseRef-Proprietary} gets
 * one {@link IssueKind#UNKNOWN_LICENCE} issue and takes no part in the rules below.</li>
 * <li><b>Reach.</b> A component reaches others by distribution when it is
 * {@link Usage#DISTRIBUTED} or a dependency, directly or through others, of a distributed
 * component (a distributed work ships what it includes); likewise as a network service.
 * Distribution wins when both apply. {@link Usage#INTERNAL} components reached by neither are
 * not checked: nothing of them reaches anyone.</li>
 * <li><b>Combination.</b> For every {@code dependsOn} edge A &rarr; B where A reaches others,
 * B is included in A's work, so the OSADL matrix is asked with leading = A's licence and
 * subordinate = B's. Deeper levels are covered by the edges below. Expressions are read in
 * disjunctive normal form: {@code X OR Y} is fine if any option is (on either side), and an
 * option {@code X AND Y} is fine only if all its licences are. {@code X WITH exception} is the
 * matrix's entry for it if there is one ({@code GPL-2.0-only WITH Classpath-exception-2.0}),
 * else X; spellings are mapped by {@link OsadlMatrix#matrixName(String)}. Per licence pair:
 * <ul>
 * <li>for a network service, the matrix (which is about distribution) applies only when one
 * side is network copyleft (AGPL family); otherwise nothing is distributed and the pair is
 * fine;</li>
 * <li>{@code LicenseRef-Proprietary} leading: permissive or weak copyleft subordinates are fine,
 * strong or network copyleft ones a conflict (the copyleft licence would have to cover the
 * whole work);</li>
 * <li>{@code LicenseRef-Proprietary} subordinate: fine under a permissive leading licence,
 * a conflict under a strong or network copyleft one, and a check under a weak copyleft one
 * (MPL, EPL, LGPL allow proprietary parts only across file or library boundaries);</li>
 * <li>two proprietary parts, or the same licence on both sides, are fine; a listed licence
 * that is not open source (e.g. SSPL-1.0) next to a proprietary part needs a check;</li>
 * <li>otherwise OSADL: Yes or Same is fine, No a {@link IssueKind#CONFLICT} with OSADL's
 * explanation, Check dependency a {@link IssueKind#CHECK_NEEDED} with OSADL's explanation,
 * Unknown or a pair outside the matrix a {@link IssueKind#CHECK_NEEDED} ("not covered by the
 * OSADL matrix").</li>
 * </ul>
 * One issue per edge, of the worst kind of the best option; its reason names the pairs that
 * decide it.</li>
 * <li><b>Network copyleft.</b> A component whose licence makes AGPL unavoidable (every
 * option of the expression includes a network copyleft licence) and that reaches others as a
 * network service gets a {@link IssueKind#NETWORK_COPYLEFT_OBLIGATION}: users interacting with
 * it over a network must be offered its corresponding source (AGPL-3.0 section 13).</li>
 * <li><b>Output.</b> Duplicates are dropped; issues are ordered by kind (conflict, network
 * copyleft obligation, check needed, unknown licence), then by item ids. Cycles in
 * {@code dependsOn} and ids outside the stack are tolerated; for a repeated item id the
 * first component counts.</li>
 * </ol>
 */
public class LicenceCheck {

    static final String PROPRIETARY = "LicenseRef-Proprietary";
    /** Options an expression may expand to; real ones have a handful. */
    static final int MAX_OPTIONS = 64;

    private static final Comparator<List<String>> LISTS = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    };
    private static final Comparator<LicenceIssue> ORDER = Comparator.comparing(LicenceIssue::kind)
            .thenComparing(LicenceIssue::items, LISTS)
            .thenComparing(LicenceIssue::licences, LISTS)
            .thenComparing(LicenceIssue::reason);

    private final SpdxLicences spdx;
    private final OsadlMatrix matrix;

    /** {@code spdx} is constructed first, which also sets the SPDX library up to work offline. */
    public LicenceCheck(SpdxLicences spdx, OsadlMatrix matrix) {
        this.spdx = spdx;
        this.matrix = matrix;
    }

    /** The issues of a stack, deduplicated and ordered (see the class comment for the rules). */
    public List<LicenceIssue> check(List<StackComponent> stack) {
        Map<String, StackComponent> byId = new LinkedHashMap<>();
        stack.forEach(component -> byId.putIfAbsent(component.itemId(), component));

        Set<LicenceIssue> issues = new TreeSet<>(ORDER);
        Map<String, Reading> readings = new HashMap<>();
        Map<String, List<List<Leaf>>> licensed = new HashMap<>();
        for (StackComponent component : byId.values()) {
            String expression = expressionOf(component);
            Reading reading = readings.computeIfAbsent(expression, this::read);
            if (reading.problem() != null) {
                issues.add(new LicenceIssue(IssueKind.UNKNOWN_LICENCE, List.of(component.itemId()),
                        expression.isEmpty() ? List.of() : List.of(expression),
                        "The licence of " + component.name() + " cannot be assessed: " + reading.problem()));
            } else {
                licensed.put(component.itemId(), reading.options());
            }
        }

        Map<String, String> distributedVia = reach(byId, Usage.DISTRIBUTED);
        Map<String, String> networkVia = reach(byId, Usage.NETWORK_SERVICE);
        Map<Pair, Outcome> outcomes = new HashMap<>();
        for (StackComponent including : byId.values()) {
            Usage reach = distributedVia.containsKey(including.itemId()) ? Usage.DISTRIBUTED
                    : networkVia.containsKey(including.itemId()) ? Usage.NETWORK_SERVICE : null;
            if (reach == null || !licensed.containsKey(including.itemId())) {
                continue;
            }
            String root = (reach == Usage.DISTRIBUTED ? distributedVia : networkVia).get(including.itemId());
            for (String dependencyId : new LinkedHashSet<>(including.dependsOn())) {
                StackComponent included = byId.get(dependencyId);
                if (included == null || included == including || !licensed.containsKey(dependencyId)) {
                    continue;
                }
                Outcome outcome = outcomes.computeIfAbsent(
                        new Pair(expressionOf(including), expressionOf(included), reach),
                        pair -> combine(licensed.get(including.itemId()), licensed.get(dependencyId), reach));
                if (outcome.level() != Level.FINE) {
                    issues.add(new LicenceIssue(
                            outcome.level() == Level.CONFLICT ? IssueKind.CONFLICT : IssueKind.CHECK_NEEDED,
                            List.of(including.itemId(), included.itemId()),
                            List.of(expressionOf(including), expressionOf(included)),
                            describe(including) + " includes " + describe(included) + " and "
                                    + reachOf(including, reach, byId.get(root)) + ": "
                                    + String.join(" ", outcome.reasons())));
                }
            }
        }

        for (StackComponent component : byId.values()) {
            List<List<Leaf>> options = licensed.get(component.itemId());
            if (options == null || !networkVia.containsKey(component.itemId())
                    || !options.stream().allMatch(LicenceCheck::hasNetworkCopyleft)) {
                continue;
            }
            issues.add(new LicenceIssue(IssueKind.NETWORK_COPYLEFT_OBLIGATION, List.of(component.itemId()),
                    List.of(expressionOf(component)),
                    describe(component) + " is under a network copyleft licence and "
                            + reachOf(component, Usage.NETWORK_SERVICE, byId.get(networkVia.get(component.itemId())))
                            + ": users interacting with it over a network must be offered its corresponding"
                            + " source code (AGPL-3.0 section 13)."));
        }
        return List.copyOf(issues);
    }

    /**
     * The components that reach others with a usage, each with the component of that usage it
     * reaches them through (itself, or the first one found that depends on it).
     */
    private static Map<String, String> reach(Map<String, StackComponent> byId, Usage usage) {
        Map<String, String> via = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        byId.values().stream().filter(c -> c.usage() == usage).map(StackComponent::itemId).sorted()
                .forEach(id -> {
                    via.put(id, id);
                    queue.add(id);
                });
        while (!queue.isEmpty()) {
            String id = queue.poll();
            for (String dependency : byId.get(id).dependsOn()) {
                if (byId.containsKey(dependency) && !via.containsKey(dependency)) {
                    via.put(dependency, via.get(id));
                    queue.add(dependency);
                }
            }
        }
        return via;
    }

    private Outcome combine(List<List<Leaf>> leading, List<List<Leaf>> subordinate, Usage reach) {
        Outcome best = null;
        for (List<Leaf> leadingOption : leading) {
            for (List<Leaf> subordinateOption : subordinate) {
                Outcome worst = null;
                for (Leaf lead : leadingOption) {
                    for (Leaf sub : subordinateOption) {
                        worst = Outcome.worse(worst, pair(lead, sub, reach));
                    }
                }
                best = Outcome.better(best, worst);
                if (best.level() == Level.FINE) {
                    return best;
                }
            }
        }
        return best;
    }

    private Outcome pair(Leaf lead, Leaf sub, Usage reach) {
        if (reach == Usage.NETWORK_SERVICE && lead.family() != LicenceFamily.NETWORK_COPYLEFT
                && sub.family() != LicenceFamily.NETWORK_COPYLEFT) {
            return Outcome.FINE;
        }
        if (lead.proprietary() && sub.proprietary() || lead.term().equalsIgnoreCase(sub.term())) {
            return Outcome.FINE;
        }
        if (lead.proprietary()) {
            return switch (sub.family()) {
                case PERMISSIVE, WEAK_COPYLEFT -> Outcome.FINE;
                case STRONG_COPYLEFT, NETWORK_COPYLEFT -> Outcome.of(Level.CONFLICT, "A proprietary work cannot include "
                        + sub.term() + " code: that copyleft licence would have to cover the whole work.");
                case PROPRIETARY -> notCovered(lead, sub);
            };
        }
        if (sub.proprietary()) {
            return switch (lead.family()) {
                case PERMISSIVE -> Outcome.FINE;
                case WEAK_COPYLEFT -> Outcome.of(Level.CHECK, "A work under the weak copyleft licence " + lead.term()
                        + " may include proprietary code only across the file or library boundaries it allows;"
                        + " check how the parts are combined.");
                case STRONG_COPYLEFT, NETWORK_COPYLEFT -> Outcome.of(Level.CONFLICT, "A work under the copyleft licence "
                        + lead.term() + " must be licensed as a whole under it, which proprietary code is not.");
                case PROPRIETARY -> notCovered(lead, sub);
            };
        }
        return matrix.compatibility(lead.term(), sub.term())
                .map(verdict -> switch (verdict.compatibility()) {
                    case YES, SAME -> Outcome.FINE;
                    case NO -> Outcome.of(Level.CONFLICT, "OSADL: " + verdict.explanation());
                    case CHECK_DEPENDENCY -> Outcome.of(Level.CHECK, "OSADL: " + verdict.explanation());
                    case UNKNOWN -> Outcome.of(Level.CHECK, sub.term() + " in a work under " + lead.term()
                            + " is not covered by the OSADL matrix (rated Unknown). OSADL: " + verdict.explanation());
                })
                .orElseGet(() -> notCovered(lead, sub));
    }

    private static Outcome notCovered(Leaf lead, Leaf sub) {
        return Outcome.of(Level.CHECK, sub.term() + " in a work under " + lead.term()
                + " is not covered by the OSADL matrix; check the combination by hand.");
    }

    private static boolean hasNetworkCopyleft(List<Leaf> option) {
        return option.stream().anyMatch(leaf -> leaf.family() == LicenceFamily.NETWORK_COPYLEFT);
    }

    private static String expressionOf(StackComponent component) {
        return component.licence() == null ? "" : component.licence().trim();
    }

    private static String describe(StackComponent component) {
        return component.name() + " (" + expressionOf(component) + ")";
    }

    private static String reachOf(StackComponent component, Usage reach, StackComponent root) {
        String how = reach == Usage.DISTRIBUTED ? "is distributed" : "is offered as a network service";
        return root == null || root == component ? how : how + " as part of " + root.name();
    }

    // Reading expressions

    /** A single licence term of an expression, e.g. {@code GPL-2.0+} or {@code X WITH exception}. */
    private record Leaf(String term, LicenceFamily family, boolean proprietary) {
    }

    /** An expression as options (OR) of licences that all apply (AND), or why it cannot be read. */
    private record Reading(List<List<Leaf>> options, String problem) {

        static Reading problem(String problem) {
            return new Reading(List.of(), problem);
        }
    }

    private static final class Unreadable extends Exception {

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private Reading read(String expression) {
        if (expression.isEmpty()) {
            return Reading.problem("no licence is given.");
        }
        try {
            AnyLicenseInfo parsed = spdx.tree(expression);
            List<List<Leaf>> options = new ArrayList<>();
            for (List<Leaf> option : options(parsed)) {
                List<Leaf> distinct = option.stream().distinct().sorted(Comparator.comparing(Leaf::term)).toList();
                if (!options.contains(distinct)) {
                    options.add(distinct);
                }
            }
            // The library keeps set members unordered; sorting keeps the chosen reasons stable.
            options.sort(Comparator.comparing(option -> option.stream().map(Leaf::term).toList(), LISTS));
            return new Reading(List.copyOf(options), null);
        } catch (InvalidLicenceException | Unreadable e) {
            return Reading.problem(e.getMessage() + ".");
        } catch (InvalidSPDXAnalysisException | RuntimeException e) {
            return Reading.problem("not a valid SPDX licence expression.");
        }
    }

    private List<List<Leaf>> options(AnyLicenseInfo licence) throws InvalidSPDXAnalysisException, Unreadable {
        if (licence instanceof DisjunctiveLicenseSet or) {
            List<List<Leaf>> options = new ArrayList<>();
            for (AnyLicenseInfo member : or.getMembers()) {
                options.addAll(options(member));
            }
            return limited(options);
        }
        if (licence instanceof ConjunctiveLicenseSet and) {
            List<List<Leaf>> options = List.of(List.of());
            for (AnyLicenseInfo member : and.getMembers()) {
                List<List<Leaf>> memberOptions = options(member);
                List<List<Leaf>> product = new ArrayList<>();
                for (List<Leaf> left : options) {
                    for (List<Leaf> right : memberOptions) {
                        product.add(Stream.concat(left.stream(), right.stream()).toList());
                    }
                }
                options = limited(product);
            }
            return options;
        }
        return List.of(List.of(leaf(licence)));
    }

    private static List<List<Leaf>> limited(List<List<Leaf>> options) throws Unreadable {
        if (options.size() > MAX_OPTIONS) {
            throw new Unreadable("the expression has more than " + MAX_OPTIONS + " options to choose from");
        }
        return options;
    }

    private Leaf leaf(AnyLicenseInfo licence) throws InvalidSPDXAnalysisException, Unreadable {
        String term = term(licence);
        String id = term.split("\\s")[0].replace("+", "");
        if (id.regionMatches(true, 0, "LicenseRef-", 0, "LicenseRef-".length()) && !id.equalsIgnoreCase(PROPRIETARY)) {
            throw new Unreadable("'" + id + "' is not a licence the check knows; use an SPDX licence id or "
                    + PROPRIETARY);
        }
        try {
            return new Leaf(term, spdx.analyse(term).family(), id.equalsIgnoreCase(PROPRIETARY));
        } catch (InvalidLicenceException e) {
            throw new Unreadable(e.getMessage());
        }
    }

    private static String term(AnyLicenseInfo licence) throws InvalidSPDXAnalysisException, Unreadable {
        if (licence instanceof WithExceptionOperator with) {
            return term(with.getLicense()) + " WITH " + with.getException().getLicenseExceptionId();
        }
        if (licence instanceof OrLaterOperator orLater) {
            return term(orLater.getLicense()) + "+";
        }
        if (licence instanceof SpdxListedLicense listed) {
            return listed.getLicenseId();
        }
        if (licence instanceof AbstractExtractedLicenseInfo reference) {
            return reference.getLicenseId();
        }
        throw new Unreadable("unsupported licence term '" + licence + "'");
    }

    // Outcomes

    /** Ordered from worst to best. */
    private enum Level {
        CONFLICT, CHECK, FINE
    }

    private record Outcome(Level level, List<String> reasons) {

        static final Outcome FINE = new Outcome(Level.FINE, List.of());

        static Outcome of(Level level, String reason) {
            return new Outcome(level, List.of(reason));
        }

        /** Under AND every pair applies: the worst counts, and all reasons of that kind. */
        static Outcome worse(Outcome current, Outcome next) {
            if (current == null || next.level().compareTo(current.level()) < 0) {
                return next;
            }
            if (next.level() == current.level() && next.level() != Level.FINE) {
                Set<String> reasons = new LinkedHashSet<>(current.reasons());
                reasons.addAll(next.reasons());
                return new Outcome(current.level(), List.copyOf(reasons));
            }
            return current;
        }

        /** Under OR the licensee picks: the best option counts, the first of equals. */
        static Outcome better(Outcome current, Outcome next) {
            return current == null || next.level().compareTo(current.level()) > 0 ? next : current;
        }
    }

    private record Pair(String leading, String subordinate, Usage reach) {
    }
}
