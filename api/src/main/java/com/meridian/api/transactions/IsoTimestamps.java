package com.meridian.api.transactions;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}'s text of an {@link OffsetDateTime}, character for character,
 * written directly: the listing writes two timestamps per row, and the formatter's general machinery took a tenth
 * of a page's CPU. Years outside 0000-9999, which the formatter writes with a sign, go to the formatter.
 */
final class IsoTimestamps {

    private IsoTimestamps() {
    }

    static String format(OffsetDateTime value) {
        int year = value.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
        }
        StringBuilder text = new StringBuilder(35);
        pad(text, year, 4).append('-');
        pad(text, value.getMonthValue(), 2).append('-');
        pad(text, value.getDayOfMonth(), 2).append('T');
        pad(text, value.getHour(), 2).append(':');
        pad(text, value.getMinute(), 2).append(':');
        pad(text, value.getSecond(), 2);
        int nano = value.getNano();
        if (nano > 0) {
            // as many digits as needed, up to nine: trailing zeros are not written
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            pad(text.append('.'), nano, digits);
        }
        // "Z", "+HH:MM" or "+HH:MM:SS": the formatter's offset pattern "+HH:MM:ss" with "Z" for zero
        return text.append(value.getOffset().getId()).toString();
    }

    private static StringBuilder pad(StringBuilder text, int number, int width) {
        String digits = Integer.toString(number);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
