/**
 * The trading core's sequencer (DESIGN.md §4): commands are sequenced on one thread and applied to the
 * deterministic engine; a second thread appends each batch with its events to the Journal (pipelined group
 * commit) and only then are they acknowledged. Projections follow the journal as readers on their own threads.
 * Snapshots, recovery (latest snapshot + journal replay) and the operators' state hash live here. Public facade:
 * {@link io.skyx.api.sequencer.Sequencer}; submit with Sequencer.submit, wait for read models with
 * Projections.reach.
 */
package io.skyx.api.sequencer;
