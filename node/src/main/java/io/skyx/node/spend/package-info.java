/**
 * Building unsigned transactions from a pool of unspent outputs, as Skycoin's {@code transaction.Create}
 * (src/transaction/create.go, choose.go, hours.go): which outputs to spend, how the remaining coin hours are shared
 * among the receivers, and the change output.
 */
package io.skyx.node.spend;
