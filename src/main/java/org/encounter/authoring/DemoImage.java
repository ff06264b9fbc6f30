package org.encounter.authoring;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A simple drawn picture for the demo world: two chairs facing each other across a table. */
final class DemoImage {

    private DemoImage() {
    }

    static byte[] chairs() {
        BufferedImage image = new BufferedImage(960, 540, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(236, 243, 241));
            g.fillRect(0, 0, 960, 540);
            g.setColor(new Color(205, 222, 218));
            g.fillRect(0, 400, 960, 140);
            g.setColor(new Color(28, 116, 106));
            g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            chair(g, 250, false);
            chair(g, 710, true);
            g.setColor(new Color(120, 90, 60));
            g.fillRoundRect(400, 300, 160, 18, 8, 8);
            g.drawLine(480, 318, 480, 420);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void chair(Graphics2D g, int x, boolean facingLeft) {
        int back = facingLeft ? x + 60 : x - 60;
        g.drawLine(back, 180, back, 420);
        g.drawLine(x - 60, 320, x + 60, 320);
        g.drawLine(facingLeft ? x - 60 : x + 60, 320, facingLeft ? x - 60 : x + 60, 420);
    }
}
