package org.ratatosk.messaging.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.platform.InvalidInput;

/** The {@code uri} of one destination of a command as a QR code, for a device to scan. */
@Stateless
public class QrCodes {

    static final int PNG_SIZE = 400;

    public enum Format {
        PNG("image/png"), SVG("image/svg+xml");

        public final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    public record Image(Format format, byte[] content) {
    }

    @Inject
    Commands commands;

    /** Same authentication and ownership as reading the command; the destination is its index. */
    public Image render(ApiClient client, String commandId, String destination, String format) {
        return render(commands.envelope(client, commandId), destination, format);
    }

    /** For a caller that has already read the envelope it may see (the operator). */
    public Image render(JsonObject envelope, String destination, String format) {
        Format chosen = format(format);
        JsonArray destinations = envelope.getJsonArray("destinations");
        int index = index(destination, destinations.size());
        String uri = destinations.getJsonObject(index).getString("uri", null);
        if (uri == null) {
            throw InvalidInput.field("Destination " + index + " has no uri");
        }
        return new Image(chosen, chosen == Format.PNG ? png(uri) : svg(uri).getBytes(StandardCharsets.UTF_8));
    }

    static Format format(String format) {
        String name = format == null || format.isBlank() ? "png" : format.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "png" -> Format.PNG;
            case "svg" -> Format.SVG;
            default -> throw InvalidInput.field("format must be png or svg");
        };
    }

    static int index(String destination, int count) {
        if (destination == null || destination.isBlank()) {
            return 0;
        }
        try {
            int index = Integer.parseInt(destination.trim());
            if (index >= 0 && index < count) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below like an index out of range
        }
        throw InvalidInput.field("destination must be an index from 0 to " + (count - 1));
    }

    static byte[] png(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(readable(text, PNG_SIZE), "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One unit per module, each row's dark runs as rectangles of one path. */
    static String svg(String text) {
        BitMatrix matrix = readable(text, 0);
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && matrix.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(' ').append(y)
                        .append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + width + " " + height
                + "\" width=\"" + width * 8 + "\" height=\"" + height * 8 + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + width + "\" height=\"" + height + "\" fill=\"#ffffff\"/>"
                + "<path fill=\"#000000\" d=\"" + path + "\"/></svg>\n";
    }

    /**
     * The encoder's own mask choice, unless a reader cannot read it back: for a few texts (about 1 in 200 of
     * our URIs) the chosen mask draws data that ZXing's detector, as a scanning app's would, takes for a finder
     * pattern, and it reads nothing or garbage. Then the first mask that reads back is used.
     */
    static BitMatrix readable(String text, int size) {
        BitMatrix chosen = matrix(text, size, null);
        if (readsBack(text, size == PNG_SIZE ? chosen : matrix(text, PNG_SIZE, null))) {
            return chosen;
        }
        for (int mask = 0; mask < 8; mask++) {
            if (readsBack(text, matrix(text, PNG_SIZE, mask))) {
                return matrix(text, size, mask);
            }
        }
        return chosen;
    }

    private static boolean readsBack(String text, BitMatrix matrix) {
        try {
            return text.equals(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(MatrixToImageWriter.toBufferedImage(matrix))))).getText());
        } catch (ReaderException e) {
            return false;
        }
    }

    private static BitMatrix matrix(String text, int size, Integer mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
        } catch (WriterException e) {
            throw InvalidInput.field("The uri is too long for a QR code");
        }
    }
}
