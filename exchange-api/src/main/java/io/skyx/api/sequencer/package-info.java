/**
 * The trading core's sequencer (DESIGN.md §4): commands are sequenced on one thread, applied to the
 * deterministic engine, journaled with their projections in one PostgreSQL transaction (group commit) and only
 * then acknowledged. Snapshots, recovery (latest snapshot + journal replay) and the operators' state hash live
 * here. Public facade: {@link io.skyx.api.sequencer.Sequencer}.
 */
package io.skyx.api.sequencer;
