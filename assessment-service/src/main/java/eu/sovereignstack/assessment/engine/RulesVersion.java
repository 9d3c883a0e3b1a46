package eu.sovereignstack.assessment.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import eu.sovereignstack.assessment.engine.licence.Compatibility;
import eu.sovereignstack.assessment.engine.licence.LicenceCheck;
import eu.sovereignstack.assessment.engine.licence.OsadlMatrix;
import eu.sovereignstack.assessment.engine.licence.StackComponent;
import eu.sovereignstack.assessment.engine.licence.Verdict;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;
import eu.sovereignstack.assessment.engine.rules.AggregationWeight;
import eu.sovereignstack.assessment.engine.rules.DispositionRule;
import eu.sovereignstack.assessment.engine.rules.EffortRule;
import eu.sovereignstack.assessment.engine.rules.Fact;
import eu.sovereignstack.assessment.engine.rules.FitWeight;
import eu.sovereignstack.assessment.engine.rules.PlanCase;
import eu.sovereignstack.assessment.engine.rules.RankingWeight;
import eu.sovereignstack.assessment.engine.rules.ReleaseAge;
import eu.sovereignstack.assessment.engine.rules.SeverityEscalation;
import eu.sovereignstack.assessment.engine.rules.SovereigntyRule;
import eu.sovereignstack.assessment.engine.rules.UnknownFact;
import eu.sovereignstack.common.licence.LicenceNames;
import eu.sovereignstack.common.licence.SpdxLicences;

/**
 * The version of the rules a result was computed with: a fingerprint of the compiled code that
 * turns facts into levels, scores, rankings, plans and licence verdicts (every class of the
 * engine, its rule tables and its licence check, with their nested classes), of the data they
 * read (the OSADL matrix, the licence families, the licence names) and of the scoring profile's
 * weights. Any change to a rule, a threshold or a weight gives another version; results computed
 * with one version are the same for the same inputs. {@code RulesVersionTest} keeps the list
 * complete.
 */
public final class RulesVersion {

    /** The classes whose code decides a result. */
    static final List<Class<?>> CODE = List.of(
            AssessmentEngine.class, AssertionPrecedence.class, FactsAssembler.class, SovereigntyScorer.class, AlternativeRanker.class, ItemPlanner.class,
            Libraries.class, WavePlanner.class, Aggregation.class, PolicyCheck.class, DependencyCycleException.class,
            SovereigntyRule.class, UnknownFact.class, Fact.class, SeverityEscalation.class, DispositionRule.class, EffortRule.class,
            AggregationWeight.class, RankingWeight.class, FitWeight.class, ReleaseAge.class, PlanCase.class,
            LicenceCheck.class, OsadlMatrix.class, Compatibility.class, StackComponent.class, Verdict.class,
            SpdxLicences.class, LicenceNames.class);
    /** The data the code reads, as class-path resources. */
    static final List<String> DATA = List.of(OsadlMatrix.RESOURCE, "/licences/licence-families.csv", "/licences/licence-names.csv");

    private static final String CODE_FINGERPRINT = fingerprint();

    private RulesVersion() {
    }

    /** The version of the rules with these weights: 12 hexadecimal digits. */
    public static String of(Map<SovereigntyObjective, Integer> weights) {
        MessageDigest digest = sha256();
        digest.update(CODE_FINGERPRINT.getBytes(StandardCharsets.UTF_8));
        Arrays.stream(SovereigntyObjective.values())
                .forEach(objective -> digest.update((objective.id() + "=" + weights.get(objective) + ";").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    private static String fingerprint() {
        MessageDigest digest = sha256();
        TreeSet<Class<?>> classes = new TreeSet<>(Comparator.comparing(Class::getName));
        Deque<Class<?>> pending = new ArrayDeque<>(CODE);
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (classes.add(type)) {
                pending.addAll(List.of(type.getDeclaredClasses()));
            }
        }
        for (Class<?> type : classes) {
            digest.update(type.getName().getBytes(StandardCharsets.UTF_8));
            digest.update(read(type, "/" + type.getName().replace('.', '/') + ".class"));
        }
        for (String resource : DATA) {
            digest.update(resource.getBytes(StandardCharsets.UTF_8));
            digest.update(read(RulesVersion.class, resource));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] read(Class<?> near, String resource) {
        try (InputStream in = near.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
