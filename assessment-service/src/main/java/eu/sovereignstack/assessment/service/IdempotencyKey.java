package eu.sovereignstack.assessment.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A client's {@code Idempotency-Key} and a fingerprint of the request it came with: a retry of
 * the same request under the same key gets the assessment the first one created; another
 * request under that key is refused.
 */
public record IdempotencyKey(String value, String requestHash) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 128;
    /** Visible ASCII only: a key travels in a header and is shown in problems. */
    public static final String PATTERN = "^[\\x21-\\x7E]{1,128}$";

    /** The key (null when the client sent none) with the SHA-256 of the request's parts. */
    public static IdempotencyKey of(String value, byte[]... requestParts) {
        if (value == null) {
            return null;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : requestParts) {
                digest.update(Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(part);
            }
            return new IdempotencyKey(value, HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
