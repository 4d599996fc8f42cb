package io.skyx.custody.platform;

/**
 * The ledger commands custody sends (the contract's CreditDeposit / ReserveWithdrawal / CompleteWithdrawal /
 * RefundWithdrawal). Each has an idempotency key: a repeated key is answered with the original result and changes
 * nothing.
 */
public sealed interface LedgerCommand {

    /** The command's idempotency key. */
    String key();

    /** After N confirmations: reserve → the user's available balance. Key {@code "<chain>:<txid>:<output>"}. */
    record CreditDeposit(long userId, CustodyAsset asset, long amount, String key) implements LedgerCommand {
    }

    /** The user's available → withdrawing ({@code amount} = everything that leaves the balance, fee included). */
    record ReserveWithdrawal(long withdrawalId, long userId, CustodyAsset asset, long amount) implements LedgerCommand {
        @Override
        public String key() {
            return "withdrawal:" + withdrawalId + ":reserve";
        }
    }

    /** The coins left on chain: the user's withdrawing → reserve. */
    record CompleteWithdrawal(long withdrawalId) implements LedgerCommand {
        @Override
        public String key() {
            return "withdrawal:" + withdrawalId + ":complete";
        }
    }

    /** A definite failure: the user's withdrawing → available. */
    record RefundWithdrawal(long withdrawalId) implements LedgerCommand {
        @Override
        public String key() {
            return "withdrawal:" + withdrawalId + ":refund";
        }
    }
}
