package eu.sovereignstack.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A compact JWS taken apart, to forge what Keycloak never issues: a real token with changed
 * claims but its original signature, the same claims signed with a key Keycloak does not know,
 * or with no signature at all.
 */
public final class Jwt {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String rawHeader;
    private final ObjectNode header;
    private final ObjectNode claims;
    private final String rawSignature;

    private Jwt(String rawHeader, ObjectNode header, ObjectNode claims, String rawSignature) {
        this.rawHeader = rawHeader;
        this.header = header;
        this.claims = claims;
        this.rawSignature = rawSignature;
    }

    public static Jwt parse(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS: " + parts.length + " parts");
        }
        return new Jwt(parts[0], object(parts[0]), object(parts[1]), parts[2]);
    }

    /** A copy of the header (alg, kid, typ). */
    public ObjectNode header() {
        return header.deepCopy();
    }

    /** A copy of the claims. */
    public ObjectNode claims() {
        return claims.deepCopy();
    }

    /** The same token with some claims changed; header and signature stay as they were. */
    public Jwt withClaims(Consumer<ObjectNode> change) {
        ObjectNode changed = claims.deepCopy();
        change.accept(changed);
        return new Jwt(rawHeader, header, changed, rawSignature);
    }

    /** Header, (possibly changed) claims and the original signature. */
    public String compact() {
        return rawHeader + "." + encode(claims) + "." + rawSignature;
    }

    /** The claims signed RS256 with a fresh RSA key, under the original header (so the same key id). */
    public String signedWithForeignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair foreign = generator.generateKeyPair();
            ObjectNode rs256 = header.deepCopy().put("alg", "RS256");
            String signingInput = encode(rs256) + "." + encode(claims);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(foreign.getPrivate());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + ENCODER.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims under {@code "alg": "none"} and an empty signature. */
    public String unsigned() {
        ObjectNode none = Json.MAPPER.createObjectNode().put("alg", "none").put("typ", "JWT");
        return encode(none) + "." + encode(claims) + ".";
    }

    private static ObjectNode object(String segment) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(DECODER.decode(segment));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(ObjectNode json) {
        return ENCODER.encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
    }
}
