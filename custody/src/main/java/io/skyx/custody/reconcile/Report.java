package io.skyx.custody.reconcile;

import io.skyx.custody.platform.CustodyAsset;
import java.time.Instant;
import java.util.List;

/**
 * One reconciliation run of one asset (amounts in the smallest unit).
 *
 * @param id            the stored run's id (0 before it is stored)
 * @param journalSeq    the ledger was read as of this command
 * @param blockHeight   the chain was read at this block, after the ledger
 * @param holdings      the wallet's confirmed coins at that block
 * @param minedInFlight withdrawals pending in the ledger whose transaction is already in a block
 * @param uncredited    confirmed deposit outputs the ledger has not credited (yet)
 * @param ledgerOwned   −reserve: what the ledger says the platform holds on chain
 * @param surplus       holdings + minedInFlight − uncredited − ledgerOwned (the operator's own coins; below zero
 *                      it is a RESERVE_SHORT difference)
 */
public record Report(long id, CustodyAsset asset, long journalSeq, long blockHeight, String blockHash, long holdings,
                     long minedInFlight, long uncredited, long ledgerOwned, long surplus, List<Difference> differences,
                     Instant at) {

    /** Defensive copy. */
    public Report {
        differences = List.copyOf(differences);
    }

    /** The same run with its stored id and time. */
    Report stored(long newId, Instant storedAt) {
        return new Report(newId, asset, journalSeq, blockHeight, blockHash, holdings, minedInFlight, uncredited,
                ledgerOwned, surplus, differences, storedAt);
    }
}
