package com.meridian.api.feeds.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;

/** Reading optional fields of a pushed JSON record; a field of the wrong type is a {@link FeedRecordException}. */
final class Json {

    private Json() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            String text = value.stringValue().strip();
            return text.isEmpty() ? null : text;
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        throw new FeedRecordException("INVALID_FIELD", field + " must be a string");
    }

    static String required(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            throw new FeedRecordException("MISSING_FIELD", field + " is required");
        }
        return text;
    }

    static BigDecimal decimal(JsonNode node, String field) {
        String text = required(node, field);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new FeedRecordException("INVALID_AMOUNT", field + " is not a decimal number");
        }
    }

    /** A date ({@code 2026-11-20}) or the date part of a date-time with offset, as the source wrote it. */
    static LocalDate date(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new FeedRecordException("INVALID_DATE", field + " is not an ISO-8601 date: " + text);
        }
    }
}
