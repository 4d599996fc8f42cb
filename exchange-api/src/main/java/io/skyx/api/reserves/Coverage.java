package io.skyx.api.reserves;

import java.math.BigInteger;

/**
 * One asset's reserves against what it owes, in base units. {@code liabilities} is what users are owed (available +
 * locked + withdrawing); {@code withdrawalsMined} is the part of their withdrawing balances whose coins have already
 * left in a block (the withdrawal completes only after its confirmations), so the reserves must cover
 * {@code liabilities - withdrawalsMined}. The ratio is an integer in basis points (floor), never a double.
 */
record Coverage(String asset, BigInteger hot, BigInteger cold, BigInteger liabilities, BigInteger pendingWithdrawals,
                BigInteger withdrawalsMined) {

    private static final BigInteger BP = BigInteger.valueOf(10_000);

    /** Hot plus cold. */
    BigInteger reserves() {
        return hot.add(cold);
    }

    /** What the reserves must cover now. */
    BigInteger covered() {
        return liabilities.subtract(withdrawalsMined).max(BigInteger.ZERO);
    }

    /** reserves / covered in basis points (10 000 = 100 %), null when nothing is owed. */
    Long ratioBp() {
        BigInteger owed = covered();
        return owed.signum() == 0 ? null
                : reserves().multiply(BP).divide(owed).min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    }

    /** Whether the reserves cover what is owed (true when nothing is owed). */
    boolean solvent() {
        return reserves().compareTo(covered()) >= 0;
    }

    /** The ratio as a percentage with two decimals ("100.00"), or null when nothing is owed. */
    static String percent(Long bp) {
        return bp == null ? null : (bp / 100) + "." + String.format("%02d", bp % 100);
    }
}
