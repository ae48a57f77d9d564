package dev.dsls.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity, parsed as apimachinery's resource.ParseQuantity does: a signed
 * decimal number followed by a binary suffix (Ki..Ei), a decimal SI suffix (n, u, m, "", k, M..E) or
 * a decimal exponent (e3, E-2).
 */
public final class Quantity implements Comparable<Quantity> {
    private static final Pattern SYNTAX = Pattern.compile("^([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))([a-zA-Z]*[-+]?[0-9]*)$");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final String text;
    private final BigDecimal value;

    private Quantity(String text, BigDecimal value) {
        this.text = text;
        this.value = value;
    }

    /** Parses a quantity, or throws IllegalArgumentException with a message a user can act on. */
    public static Quantity parse(String text) {
        String trimmed = text.strip();
        Matcher matcher = SYNTAX.matcher(trimmed);
        if (trimmed.isEmpty() || !matcher.matches()) {
            throw new IllegalArgumentException(String.format("\"%s\" is not a quantity: write a number with an"
                    + " optional suffix, such as 500m, 2, 128Mi or 1G", text));
        }
        BigDecimal number = new BigDecimal(matcher.group(1).startsWith("+") ? matcher.group(1).substring(1)
                : matcher.group(1).endsWith(".") ? matcher.group(1) + "0" : matcher.group(1));
        BigDecimal multiplier = multiplier(matcher.group(2), text);
        return new Quantity(text, number.multiply(multiplier));
    }

    /** True when the text parses as a quantity. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static Quantity ofMillis(long millis) {
        return new Quantity(millis + "m", BigDecimal.valueOf(millis).divide(THOUSAND));
    }

    public static Quantity ofUnits(long units) {
        return new Quantity(Long.toString(units), BigDecimal.valueOf(units));
    }

    private static BigDecimal multiplier(String suffix, String text) {
        switch (suffix) {
            case "": return BigDecimal.ONE;
            case "n": return new BigDecimal("1e-9");
            case "u": return new BigDecimal("1e-6");
            case "m": return new BigDecimal("1e-3");
            case "k": return new BigDecimal("1e3");
            case "M": return new BigDecimal("1e6");
            case "G": return new BigDecimal("1e9");
            case "T": return new BigDecimal("1e12");
            case "P": return new BigDecimal("1e15");
            case "E": return new BigDecimal("1e18");
            case "Ki": return new BigDecimal(BigInteger.TWO.pow(10));
            case "Mi": return new BigDecimal(BigInteger.TWO.pow(20));
            case "Gi": return new BigDecimal(BigInteger.TWO.pow(30));
            case "Ti": return new BigDecimal(BigInteger.TWO.pow(40));
            case "Pi": return new BigDecimal(BigInteger.TWO.pow(50));
            case "Ei": return new BigDecimal(BigInteger.TWO.pow(60));
            default:
                if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
                    try {
                        int exponent = Integer.parseInt(suffix.substring(1));
                        if (Math.abs(exponent) <= 1000) {
                            return BigDecimal.ONE.scaleByPowerOfTen(exponent);
                        }
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                }
                throw new IllegalArgumentException(String.format("\"%s\" has the unknown unit \"%s\": use one of"
                        + " n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei (\"MB\" is written M, \"GB\" G)",
                        text, suffix));
        }
    }

    public String text() {
        return text;
    }

    public BigDecimal decimal() {
        return value;
    }

    public boolean isNegative() {
        return value.signum() < 0;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    /** Thousandths of a unit, rounded up, as the scheduler counts cpu. */
    public long milliValue() {
        return saturated(value.multiply(THOUSAND));
    }

    /** Whole units, rounded up, as the scheduler counts memory, storage and extended resources. */
    public long value() {
        return saturated(value);
    }

    /** Rounds up to a long; quantities beyond the long range clamp to its ends, as no node has that much. */
    private static long saturated(BigDecimal amount) {
        BigInteger whole = amount.setScale(0, RoundingMode.CEILING).toBigInteger();
        if (whole.bitLength() >= 64) {
            return whole.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return whole.longValue();
    }

    public boolean isInteger() {
        return value.stripTrailingZeros().scale() <= 0;
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Quantity quantity && value.compareTo(quantity.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
