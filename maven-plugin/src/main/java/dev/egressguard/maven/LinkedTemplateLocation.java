package dev.egressguard.maven;

import java.io.File;

/**
 * Linked templates whose {@code templateLink.uri} starts with {@code prefix} are read from
 * {@code directory} (inside the project; relative paths from the project's base directory) plus
 * the rest of the URI's path. Nothing is fetched.
 * <pre>{@code
 * <linkedTemplateLocations>
 *   <linkedTemplateLocation>
 *     <prefix>https://raw.githubusercontent.com/org/repo/main/infra/</prefix>
 *     <directory>src/main/arm</directory>
 *   </linkedTemplateLocation>
 * </linkedTemplateLocations>
 * }</pre>
 * The short form {@code <linkedTemplateLocation>PREFIX=DIR</linkedTemplateLocation>}, and
 * {@code -Degress.linkedTemplateLocations=PREFIX=DIR,PREFIX2=DIR2}, are read by {@link #set(String)}.
 */
public class LinkedTemplateLocation {

    private String prefix;
    private File directory;

    public LinkedTemplateLocation() {
    }

    LinkedTemplateLocation(String prefix, File directory) {
        this.prefix = prefix;
        this.directory = directory;
    }

    /**
     * {@code PREFIX=DIR}, split at the last '='. Maven calls a method named {@code set} with the
     * text of an element that has no child elements, and for each comma-separated part of a property.
     */
    public void set(String entry) {
        int eq = entry == null ? -1 : entry.lastIndexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) {
            throw new IllegalArgumentException("'" + entry + "' is not PREFIX=DIR");
        }
        this.prefix = entry.substring(0, eq).trim();
        this.directory = new File(entry.substring(eq + 1).trim());
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public File getDirectory() {
        return directory;
    }

    public void setDirectory(File directory) {
        this.directory = directory;
    }
}
