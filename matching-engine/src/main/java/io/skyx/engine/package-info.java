/**
 * The SkyX matching engine: a deterministic, single-threaded state machine over all markets and all user
 * balances. Public API: {@link io.skyx.engine.ExchangeEngine} (created by {@link io.skyx.engine.Engines}),
 * configured by {@link io.skyx.engine.EngineConfig}, reporting to an {@link io.skyx.engine.EventSink}.
 *
 * <h2>Units (all integers, no floating point anywhere)</h2>
 * <ul>
 * <li>Amounts (balances, deposits, fees, budgets, notionals) are in the asset's smallest unit: SKY in droplets
 *     (scale 6), BTC in satoshis (scale 8).</li>
 * <li>Order sizes are in lots: one lot is {@code baseLotUnits} base units. Prices are in ticks: price 1 for
 *     size 1 costs {@code quoteTickUnits} quote units. So the notional of {@code size} lots at {@code price} is
 *     {@code price * size * quoteTickUnits} quote units and their base amount is {@code size * baseLotUnits}.
 *     SKY-BTC: lot = 1 SKY = 1_000_000 droplets, tick = 1 satoshi per SKY, so a price is satoshis per whole SKY
 *     and "5 SKY at 0.00000050 BTC" is size 5, price 50, notional 250 satoshis.</li>
 * <li>Fee rates are parts per million (ppm) of the notional: maker 0.1 % = 1000, taker 0.2 % = 2000. Fees are
 *     charged in the quote asset: the buyer pays notional + fee, the seller receives notional - fee.</li>
 * </ul>
 *
 * <h2>Fee rounding (in the exchange's favour, exact, bounded)</h2>
 * An order's fees are rounded up over the order as a whole: after any number of trades the order has paid
 * exactly {@code ceil(sum(tradeNotional * tradeRatePpm) / 1_000_000)}, where each trade uses the maker or taker
 * rate of the order's role in it. Each trade charges the increase of that ceiling, so rounding never costs the
 * user more than one unit per order and never creates or destroys a unit: every unit a buyer pays is either
 * the seller's or the fee account's. The trade event records both fees.
 *
 * <h2>Locks</h2>
 * An ASK locks {@code size * baseLotUnits} base units. A limit BID (GTC, IOC, FOK, POST_ONLY) locks its notional
 * at its limit price plus the largest fee that notional could cost at the market's larger fee rate, i.e.
 * {@code N + ceil(N * max(maker, taker) / 1e6)}. A MARKET BID locks exactly its quote budget (which covers
 * notional and fees). A FOK_BUDGET BID locks its budget plus the fee of the budget at the larger rate.
 * Locks are spent by trades and released when the order fills, is cancelled or expires; amends re-lock what the
 * new price/size need. An order is refused (INSUFFICIENT_FUNDS) if its lock exceeds the available balance.
 *
 * <h2>Accounts</h2>
 * Per asset: each user's AVAILABLE, LOCKED and WITHDRAWING balances, and the system accounts FEES, RESERVE and
 * SETTLEMENT_POOL ({@link io.skyx.engine.AccountKind}). Every movement between them is a {@code posted} event;
 * per asset all accounts sum to zero after every command, so -RESERVE is everything the exchange holds for
 * users, fees and the pool. RESERVE is the counterpart of coins that arrived (creditDeposit) or left
 * (completeWithdrawal, paySettlementOnChain) on chain, and of pool funding.
 *
 * <h2>Identifiers and time</h2>
 * Order ids are assigned by the caller and unique among open orders (all markets); client order ids are unique
 * among a user's open orders. Sequence numbers come with each command and must increase; timestamps are
 * milliseconds supplied by the caller.
 */
package io.skyx.engine;
