/**
 * Skycoin's binary encoding (skycoin-protocol.md §6): {@link io.skyx.node.encoding.Encoder} and
 * {@link io.skyx.node.encoding.Decoder} are the little-endian primitives, {@link io.skyx.node.encoding.Codec} is
 * the size + encode + decode contract each type's hand-written codec implements, and
 * {@link io.skyx.node.encoding.DecodeException} with its {@link io.skyx.node.encoding.DecodeError} code is the
 * only failure bad bytes can produce.
 */
package io.skyx.node.encoding;
