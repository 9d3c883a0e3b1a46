package eu.sovereignstack.catalog.domain;

import java.util.Arrays;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** The kinds of catalog entry whose writes are recorded, by the name the change feed gives them. */
public enum EntryKind {
    PRODUCT("product"),
    PROVIDER("provider"),
    OFFERING("offering"),
    ALTERNATIVE("alternative");

    private final String code;

    EntryKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The kind of this feed name, if any. */
    public static java.util.Optional<EntryKind> byCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    /** Stores the kind by its feed name. */
    @Converter
    public static class Column implements AttributeConverter<EntryKind, String> {

        @Override
        public String convertToDatabaseColumn(EntryKind kind) {
            return kind == null ? null : kind.code;
        }

        @Override
        public EntryKind convertToEntityAttribute(String code) {
            return code == null ? null : Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("unknown entry kind " + code));
        }
    }
}
