package io.skyx.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Reads back the QR codes the app renders. The image is a clean, upright, computer-made code, so it is read as
 * zxing's {@code PURE_BARCODE}: the module grid is taken from the image itself. zxing's default detector is made
 * for camera photos and looks for the three finder patterns heuristically; on about 1 in 100 random otpauth URIs
 * the data modules hold a finder-like 1:1:3:1:1 run and it gives {@code NotFoundException} or
 * {@code ChecksumException} whatever the size, quiet zone or error-correction level (see {@link QrCodeTest}).
 */
final class QrDecoder {

    private static final String PREFIX = "data:image/png;base64,";

    private QrDecoder() {
    }

    static String decodeDataUri(String dataUri) throws IOException, NotFoundException, ChecksumException,
            FormatException {
        assertThat(dataUri).startsWith(PREFIX);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(dataUri.substring(PREFIX.length()))));
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), px)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
