package org.encounter.privacy;

import java.nio.file.Path;
import java.util.List;
import org.encounter.base.PersonalData;
import org.springframework.context.ApplicationContext;

/**
 * The privacy benchmark's way into the package-private erasure runner and export files (org.encounter.bench cannot
 * see them). Test code only; nothing in the app uses it.
 */
public final class PrivacyBench {

    private PrivacyBench() {
    }

    /** The export's sections in the order the builder writes them (its progress counts these). */
    public static List<String> exportSections(ApplicationContext context) {
        return context.getBean(Features.class).forExport().stream().map(PersonalData::section).toList();
    }

    /** Erases the person of a pending request now, joining the caller's transaction, as the scheduled run does. */
    public static boolean erase(ApplicationContext context, long requestId) {
        return context.getBean(ErasureRunner.class).erase(requestId);
    }

    /** Where a finished export's file is. */
    public static Path exportFile(ApplicationContext context, String fileName) {
        return context.getBean(ExportFiles.class).path(fileName);
    }

    /** Removes an export's file (and anything half-written beside it). */
    public static void deleteExportFile(ApplicationContext context, String fileName) {
        context.getBean(ExportFiles.class).delete(fileName);
    }
}
