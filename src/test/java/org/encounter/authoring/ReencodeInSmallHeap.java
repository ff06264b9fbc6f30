package org.encounter.authoring;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap by {@link ImageDecodeMemoryTest}: re-encodes one file and prints
 * the result and the heap's peak use, or dies with OutOfMemoryError.
 */
public final class ReencodeInSmallHeap {

    private ReencodeInSmallHeap() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        ImageService.StoredImage image = ImageCodec.reencode(file, Files.size(file), 8L * 1024 * 1024);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("stored " + image.width() + "x" + image.height() + " " + image.mediaType()
                + " heap-peak-bytes=" + peak);
    }
}
