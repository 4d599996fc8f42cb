package io.skyx.api.account;

import io.skyx.api.security.SkyxUser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's account security (docs/account-security.md): 2FA, the withdrawal whitelist and the
 * auto-sweep addresses. Browser session only: a signed API-key request is refused, so a leaked key cannot turn
 * these off.
 */
@RestController
@RequestMapping("/api/v1/account")
class AccountController {

    record CodeRequest(String code) { }

    record WhitelistModeRequest(Boolean enabled, String code) { }

    record WhitelistAddRequest(String asset, String address, String label, String code) { }

    record SweepRequest(String asset, String address, String minimum, String code) { }

    record EntryView(long id, String asset, String address, String label, Instant createdAt, Instant usableAt,
                     boolean usable) { }

    record SweepView(String asset, String address, String minimum, Instant usableAt, boolean usable) { }

    private static final int MAX_QR_TEXT = 200;

    private final TwoFactor twoFactor;
    private final AccountSettings settings;

    AccountController(TwoFactor twoFactor, AccountSettings settings) {
        this.twoFactor = twoFactor;
        this.settings = settings;
    }

    @GetMapping("/security")
    Map<String, Object> security(Authentication auth) {
        long user = user(auth).id();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("twoFactor", twoFactor.enabled(user) ? "on" : "off");
        m.put("whitelist", settings.whitelistOn(user) ? "on" : "off");
        m.put("whitelistCoolOffSeconds", settings.coolOff().toSeconds());
        m.put("whitelistEntries", settings.whitelist(user).size());
        m.put("autoSweep", settings.sweeps(user).stream().map(AccountStore.Sweep::asset).toList());
        return m;
    }

    @PostMapping("/2fa/enrol")
    TwoFactor.Enrolment enrol(Authentication auth) {
        SkyxUser u = user(auth);
        return twoFactor.enrol(u.id(), u.email());
    }

    @PostMapping("/2fa/confirm")
    Map<String, String> confirm(@RequestBody(required = false) CodeRequest body, Authentication auth) {
        twoFactor.confirm(user(auth).id(), body == null ? null : body.code());
        return Map.of("twoFactor", "on");
    }

    @PostMapping("/2fa/disable")
    Map<String, String> disable(@RequestBody(required = false) CodeRequest body, Authentication auth) {
        twoFactor.disable(user(auth).id(), body == null ? null : body.code());
        return Map.of("twoFactor", "off");
    }

    @GetMapping("/whitelist")
    Map<String, Object> whitelist(Authentication auth) {
        long user = user(auth).id();
        Instant now = settings.now();
        List<EntryView> entries = settings.whitelist(user).stream().map(e -> view(e, now)).toList();
        return Map.of("enabled", settings.whitelistOn(user), "entries", entries);
    }

    @PutMapping("/whitelist/enabled")
    Map<String, Object> whitelistMode(@RequestBody(required = false) WhitelistModeRequest body,
                                      Authentication auth) {
        if (body == null || body.enabled() == null) {
            throw new AccountException(AccountError.BAD_REQUEST, "enabled (true or false) is required", "enabled");
        }
        long user = user(auth).id();
        settings.setWhitelistOn(user, body.enabled(), body.code());
        return Map.of("enabled", body.enabled());
    }

    @PostMapping("/whitelist")
    ResponseEntity<EntryView> add(@RequestBody(required = false) WhitelistAddRequest body, Authentication auth) {
        if (body == null) {
            throw new AccountException(AccountError.BAD_REQUEST, "asset and address are required");
        }
        AccountStore.Entry e = settings.addWhitelisted(user(auth).id(), body.asset(), body.address(), body.label(),
                body.code());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(e, settings.now()));
    }

    @DeleteMapping("/whitelist/{id}")
    ResponseEntity<Void> remove(@PathVariable("id") long id, @RequestBody(required = false) CodeRequest body,
                                Authentication auth) {
        settings.removeWhitelisted(user(auth).id(), id, body == null ? null : body.code());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/auto-sweep")
    List<SweepView> sweeps(Authentication auth) {
        Instant now = settings.now();
        return settings.sweeps(user(auth).id()).stream().map(s -> view(s, now)).toList();
    }

    @PutMapping("/auto-sweep")
    SweepView putSweep(@RequestBody(required = false) SweepRequest body, Authentication auth) {
        if (body == null) {
            throw new AccountException(AccountError.BAD_REQUEST, "asset, address and minimum are required");
        }
        return view(settings.putSweep(user(auth).id(), body.asset(), body.address(), body.minimum(), body.code()),
                settings.now());
    }

    @DeleteMapping("/auto-sweep/{asset}")
    ResponseEntity<Void> deleteSweep(@PathVariable("asset") String asset,
                                     @RequestBody(required = false) CodeRequest body, Authentication auth) {
        settings.deleteSweep(user(auth).id(), asset, body == null ? null : body.code());
        return ResponseEntity.noContent().build();
    }

    private static EntryView view(AccountStore.Entry e, Instant now) {
        return new EntryView(e.id(), e.asset(), e.address(), e.label(), e.createdAt(), e.usableAt(),
                !e.usableAt().isAfter(now));
    }

    private static SweepView view(AccountStore.Sweep s, Instant now) {
        return new SweepView(s.asset(), s.address(), io.skyx.api.market.Decimals.format(s.minimum(),
                Addresses.scale(s.asset())), s.usableAt(), !s.usableAt().isAfter(now));
    }

    /**
     * A QR code of a short text the page shows (a deposit address as a payment URI, such as
     * {@code bitcoin:bcrt1q…}) as a PNG data URI, so the browser needs no QR library.
     */
    @GetMapping("/qr")
    Map<String, String> qr(@RequestParam("text") String text, Authentication auth) {
        user(auth);
        if (text.isEmpty() || text.length() > MAX_QR_TEXT || !text.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new AccountException(AccountError.BAD_REQUEST,
                    "text must be 1 to " + MAX_QR_TEXT + " printable ASCII characters without spaces", "text");
        }
        return Map.of("qrPng", QrCode.pngDataUri(text));
    }

    /** The session user; a signed API-key request (or none) is refused. */
    private static SkyxUser user(Authentication auth) {
        if (auth instanceof UsernamePasswordAuthenticationToken && auth.getPrincipal() instanceof SkyxUser u) {
            return u;
        }
        throw new AccountException(AccountError.SESSION_ONLY, "account security is managed from a browser session");
    }
}
