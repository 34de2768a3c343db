import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws the bulk step's curve: requests SUCCEEDED over time since the first submit, against the
 * floor (Graph's POST /teams limit and one operation time: the fastest any client could go) and the
 * 1.1 × floor target. JDK only, headless.
 *
 * <pre>java -Djava.awt.headless=true Plot.java bulk.csv out.png N limitPerSecond operationSeconds [title]</pre>
 */
public class Plot {

    public static void main(String[] args) throws Exception {
        List<double[]> points = new ArrayList<>();
        double observedUntil = -1;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank() || !Character.isDigit(line.charAt(0))) {
                continue;
            }
            String[] parts = line.split(",");
            points.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
            if (parts.length > 2 && parts[2].equals("end")) {
                observedUntil = Double.parseDouble(parts[0]);
            }
        }
        int n = Integer.parseInt(args[2]);
        double limit = Double.parseDouble(args[3]);
        double operation = Double.parseDouble(args[4]);
        String title = args.length > 5 ? args[5] : "Bulk: " + n + " team requests";
        double floor = n / limit + operation;

        double lastT = points.isEmpty() ? 0 : points.get(points.size() - 1)[0];
        double xMax = niceCeil(Math.max(lastT, floor * 1.1) * 1.05);
        double yMax = niceCeil(n * 1.05);

        int width = 1000;
        int height = 600;
        int left = 80;
        int right = 30;
        int top = 50;
        int bottom = 95;
        int plotW = width - left - right;
        int plotH = height - top - bottom;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));

        // grid and ticks
        double xStep = tickStep(xMax);
        double yStep = tickStep(yMax);
        g.setStroke(new BasicStroke(1f));
        for (double x = 0; x <= xMax + 1e-9; x += xStep) {
            int px = left + (int) Math.round(x / xMax * plotW);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(px, top, px, top + plotH);
            g.setColor(Color.DARK_GRAY);
            text(g, fmt(x), px, top + plotH + 18, 0.5);
        }
        for (double y = 0; y <= yMax + 1e-9; y += yStep) {
            int py = top + plotH - (int) Math.round(y / yMax * plotH);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(left, py, left + plotW, py);
            g.setColor(Color.DARK_GRAY);
            text(g, fmt(y), left - 8, py + 5, 1.0);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, plotW, plotH);

        // floor: limit per second after one operation time, capped at N; then the 1.1 x floor target
        g.setColor(new Color(120, 120, 120));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
        Path2D ideal = new Path2D.Double();
        ideal.moveTo(px(0, xMax, left, plotW), py(0, yMax, top, plotH));
        ideal.lineTo(px(operation, xMax, left, plotW), py(0, yMax, top, plotH));
        ideal.lineTo(px(floor, xMax, left, plotW), py(n, yMax, top, plotH));
        ideal.lineTo(px(xMax, xMax, left, plotW), py(n, yMax, top, plotH));
        g.draw(ideal);
        g.setColor(new Color(200, 60, 60));
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 4f}, 0f));
        int target = (int) Math.round(px(floor * 1.1, xMax, left, plotW));
        g.drawLine(target, top, target, top + plotH);

        // measured
        g.setColor(new Color(30, 100, 200));
        g.setStroke(new BasicStroke(2.5f));
        Path2D measured = new Path2D.Double();
        measured.moveTo(px(0, xMax, left, plotW), py(0, yMax, top, plotH));
        double prevY = 0;
        for (double[] p : points) {
            measured.lineTo(px(p[0], xMax, left, plotW), py(prevY, yMax, top, plotH));
            measured.lineTo(px(p[0], xMax, left, plotW), py(p[1], yMax, top, plotH));
            prevY = p[1];
        }
        g.draw(measured);
        double lastY = points.isEmpty() ? 0 : points.get(points.size() - 1)[1];
        if (observedUntil >= 0 && lastY < n) {
            g.setColor(new Color(30, 100, 200));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            int ex = (int) Math.round(px(observedUntil, xMax, left, plotW));
            int ey = (int) Math.round(py(lastY, yMax, top, plotH));
            g.fillOval(ex - 4, ey - 4, 8, 8);
            text(g, String.format(Locale.ROOT, "%,d of %,d SUCCEEDED when the observation ended (%s s)", (long) lastY, n, fmt(observedUntil)),
                    ex - 8, ey - 12, 1.0);
        }

        // labels and legend
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        text(g, title, width / 2, 30, 0.5);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        text(g, "seconds since the first submit", left + plotW / 2, top + plotH + 42, 0.5);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        text(g, "requests SUCCEEDED", -(top + plotH / 2), 25, 0.5);
        g.setTransform(saved);

        // legend in one row under the axis label, outside the plot area
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int ly = height - 22;
        int lx = left;
        lx = legend(g, lx, ly, new Color(30, 100, 200), new BasicStroke(2.5f), "measured");
        lx = legend(g, lx, ly, new Color(120, 120, 120),
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f),
                String.format(Locale.ROOT, "floor: %s/s after %s s, all done at %s s", fmt(limit), fmt(operation), fmt(floor)));
        legend(g, lx, ly, new Color(200, 60, 60),
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 4f}, 0f),
                String.format(Locale.ROOT, "target: 1.1 x floor = %s s", fmt(floor * 1.1)));
        g.dispose();
        ImageIO.write(image, "png", new File(args[1]));
    }

    static double px(double x, double xMax, int left, int plotW) {
        return left + x / xMax * plotW;
    }

    static double py(double y, double yMax, int top, int plotH) {
        return top + plotH - y / yMax * plotH;
    }

    /** Draws one legend entry at x and returns where the next one starts. */
    static int legend(Graphics2D g, int x, int y, Color color, BasicStroke stroke, String label) {
        g.setColor(color);
        g.setStroke(stroke);
        g.drawLine(x, y - 4, x + 30, y - 4);
        g.setColor(Color.BLACK);
        g.drawString(label, x + 38, y);
        return x + 38 + g.getFontMetrics().stringWidth(label) + 30;
    }

    /** Draws text anchored at x by the given fraction of its width (0 left, 0.5 centre, 1 right). */
    static void text(Graphics2D g, String s, int x, int y, double anchor) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(s, x - (int) Math.round(m.stringWidth(s) * anchor), y);
    }

    static String fmt(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v)) : String.format(Locale.ROOT, "%.1f", v);
    }

    static double niceCeil(double v) {
        double step = tickStep(v);
        return Math.max(step, Math.ceil(v / step) * step);
    }

    static double tickStep(double range) {
        double raw = range / 8;
        double mag = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        double norm = raw / mag;
        double nice = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
        return nice * mag;
    }
}
