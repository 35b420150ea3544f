package org.ratatosk.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.testsupport.QrImages;

class QrCodesTest {

    static final String URI = "com.nexusgroup.plugout:///?url=https%3A%2F%2Fhermod.example%2Fhermod%2Frest%2Fms%2F"
            + "6f1c0c1e-8d3c-4c2a-9d7e-0e2b5f3f6a11&token=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4";

    @Test
    void pngCarriesTheText() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(URI)));
        assertEquals(QrCodes.PNG_SIZE, image.getWidth());
        assertEquals(URI, decode(image));
    }

    @Test
    void svgPathDrawsTheSameCode() throws Exception {
        assertEquals(URI, decode(svgImage(QrCodes.svg(URI))));
    }

    private static BufferedImage svgImage(String svg) {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        box.find();
        BitMatrix drawn = new BitMatrix(Integer.parseInt(box.group(1)), Integer.parseInt(box.group(2)));
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z").matcher(svg);
        while (run.find()) {
            drawn.setRegion(Integer.parseInt(run.group(1)), Integer.parseInt(run.group(2)), Integer.parseInt(run.group(3)), 1);
        }
        BitMatrix scaled = new BitMatrix(drawn.getWidth() * 4, drawn.getHeight() * 4);
        for (int y = 0; y < drawn.getHeight(); y++) {
            for (int x = 0; x < drawn.getWidth(); x++) {
                if (drawn.get(x, y)) {
                    scaled.setRegion(x * 4, y * 4, 4, 4);
                }
            }
        }
        return MatrixToImageWriter.toBufferedImage(scaled);
    }

    @Test
    void formatIsPngOrSvgInAnyCase() {
        assertEquals(QrCodes.Format.PNG, QrCodes.format(null));
        assertEquals(QrCodes.Format.PNG, QrCodes.format(""));
        assertEquals(QrCodes.Format.PNG, QrCodes.format("PNG"));
        assertEquals(QrCodes.Format.SVG, QrCodes.format("svg"));
        DomainException gif = assertThrows(DomainException.class, () -> QrCodes.format("gif"));
        assertEquals(400, gif.code().status());
        assertEquals(ErrorCode.INVALID_FIELD, gif.code());
    }

    @Test
    void destinationIsAnIndexWithinTheCommand() {
        assertEquals(0, QrCodes.index(null, 1));
        assertEquals(2, QrCodes.index(" 2 ", 3));
        for (String bad : new String[] {"3", "-1", "one", "1.0", "99999999999"}) {
            assertEquals(400, assertThrows(DomainException.class, () -> QrCodes.index(bad, 3)).code().status(), bad);
        }
    }

    @Test
    void aCodeTheReaderCannotReadWithTheChosenMaskIsDrawnWithAnother() throws Exception {
        String uri = "com.nexusgroup.plugout:///?url=http%3A%2F%2Flocalhost%3A8280%2Fhermod%2Frest%2Fms%2F"
                + "5b8b3789-46b2-4144-9b80-3d818d9fc626&token=U_h2PQRFsB50MeTYo-Jafs5MbQniA-fTMLPRI-jGVbE";
        BitMatrix chosen = new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, QrCodes.PNG_SIZE, QrCodes.PNG_SIZE,
                Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                        EncodeHintType.MARGIN, 4));
        assertThrows(ReaderException.class, () -> decode(MatrixToImageWriter.toBufferedImage(chosen)));
        assertEquals(uri, decode(ImageIO.read(new ByteArrayInputStream(QrCodes.png(uri)))));
        assertEquals(uri, decode(svgImage(QrCodes.svg(uri))));
    }

    @Test
    void everyUriOfAThousandReadsBack() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            byte[] token = new byte[32];
            random.nextBytes(token);
            String uri = "com.nexusgroup.plugout:///?url=https%3A%2F%2Fhermod.example%2Fhermod%2Frest%2Fms%2F"
                    + new UUID(random.nextLong(), random.nextLong()) + "&token="
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
            assertEquals(uri, decode(ImageIO.read(new ByteArrayInputStream(QrCodes.png(uri)))), uri);
        }
    }

    private static String decode(BufferedImage image) throws Exception {
        return QrImages.text(image);
    }
}
