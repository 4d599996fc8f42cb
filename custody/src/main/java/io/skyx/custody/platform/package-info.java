/**
 * What custody needs from the platform, declared here and implemented by exchange-api (custody never imports it):
 * {@link io.skyx.custody.platform.Ledger} to submit money commands, {@link io.skyx.custody.platform.WithdrawalSettings}
 * to read a user's whitelist.
 */
package io.skyx.custody.platform;
