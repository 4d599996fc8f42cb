package io.skyx.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodeTest {

    /** A real enrolment URI whose code zxing's camera detector cannot find (NotFoundException at any size). */
    private static final String DETECTOR_MISSES = "otpauth://totp/SkyX%3At4367bc988d294389%40example.com"
            + "?secret=3JBA4FAWT2JMCVYHLHTQLJUP4LVBUDCK&issuer=SkyX&algorithm=SHA1&digits=6&period=30";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    @Test
    void aCodeWithAFinderLikeRunInItsDataReadsBack() throws Exception {
        assertThat(QrDecoder.decodeDataUri(QrCode.pngDataUri(DETECTOR_MISSES))).isEqualTo(DETECTOR_MISSES);
    }

    @Test
    void randomEnrolmentUrisAllReadBack() throws Exception {
        long seed = System.nanoTime();
        System.out.println("QrCodeTest seed " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 400; i++) {
            String uri = enrolmentUri(random);
            assertThat(QrDecoder.decodeDataUri(QrCode.pngDataUri(uri))).as("seed %d, %s", seed, uri).isEqualTo(uri);
        }
    }

    @Test
    void theQuietZoneIsFourModulesWide() throws Exception {
        BufferedImage img = image(QrCode.pngDataUri(DETECTOR_MISSES));
        assertThat(img.getWidth()).isEqualTo(QrCode.SIZE);
        int top = 0;
        while (!black(img, top, top)) {
            top++;
        }
        int finder = 0;
        while (black(img, top + finder, top)) {
            finder++;
        }
        int module = finder / 7;
        assertThat(finder).as("the finder's top row is 7 modules").isEqualTo(module * 7);
        assertThat(top).as("white border in px, module %d px", module).isGreaterThanOrEqualTo(4 * module);
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < top; y++) {
                assertThat(black(img, x, y) || black(img, y, x)).isFalse();
            }
        }
    }

    private static String enrolmentUri(Random random) {
        StringBuilder secret = new StringBuilder();
        for (int k = 0; k < 32; k++) {
            secret.append(BASE32.charAt(random.nextInt(BASE32.length())));
        }
        String user = Long.toHexString(random.nextLong() | Long.MIN_VALUE);
        return "otpauth://totp/SkyX%3At" + user + "%40example.com?secret=" + secret
                + "&issuer=SkyX&algorithm=SHA1&digits=6&period=30";
    }

    private static BufferedImage image(String dataUri) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()))));
    }

    private static boolean black(BufferedImage img, int x, int y) {
        return (img.getRGB(x, y) & 0xFFFFFF) == 0;
    }
}
