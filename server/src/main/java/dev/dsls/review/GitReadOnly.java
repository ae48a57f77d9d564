package dev.dsls.review;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystems;
import java.util.Locale;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Makes JGit a reader of repositories and nothing else, for this process. Left to its defaults JGit
 * starts {@code git config --system} to find the system configuration, reads the user's
 * {@code ~/.gitconfig}, and on first use measures the file system's timestamp resolution with probe
 * files inside {@code .git} (for some seconds) and saves the result to {@code ~/.config/jgit/config}.
 * dsls only reads commits and blobs, so none of that is needed: the system, user and JGit
 * configurations are empty and in memory (never loaded, never saved), the file systems' timestamp
 * resolution is taken as the conservative 2 seconds JGit itself falls back to, and the host name is
 * never looked up. Environment variables and properties are read as JGit always does.
 */
public final class GitReadOnly extends SystemReader {
    /** FS.FileStoreAttributes' configuration section and key (JGit 5.6 and later). */
    private static final String FILESYSTEM = "filesystem";
    private static final String TIMESTAMP_RESOLUTION = "timestampResolution";

    private static volatile boolean installed;

    private final SystemReader delegate;

    private GitReadOnly(SystemReader delegate) {
        this.delegate = delegate;
    }

    /** Installs the reader for the process (once; later calls do nothing). Call before any other JGit use. */
    public static void install() {
        if (installed) {
            return;
        }
        synchronized (GitReadOnly.class) {
            if (!installed) {
                SystemReader current = SystemReader.getInstance();
                if (!(current instanceof GitReadOnly)) {
                    SystemReader.setInstance(new GitReadOnly(current));
                }
                installed = true;
            }
        }
    }

    @Override
    public String getHostname() {
        return "localhost";
    }

    @Override
    public String getenv(String variable) {
        // Every JGit path that would read the system configuration asks this first.
        return "GIT_CONFIG_NOSYSTEM".equals(variable) ? "1" : delegate.getenv(variable);
    }

    @Override
    public String getProperty(String key) {
        return delegate.getProperty(key);
    }

    @Override
    public FileBasedConfig openUserConfig(Config parent, FS fs) {
        return new MemoryConfig(parent, fs);
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        return new MemoryConfig(parent, fs);
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
        MemoryConfig config = new MemoryConfig(parent, fs);
        // FS.FileStoreAttributes reads these (through the user configuration, whose base this is) before it
        // would measure a file store; its key is "<java.vendor>|<java.version>|<file store name>".
        String prefix = System.getProperty("java.vendor") + '|' + System.getProperty("java.version") + '|';
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        for (FileStore store : FileSystems.getDefault().getFileStores()) {
            config.setString(FILESYSTEM, prefix + storeKey(store, windows), TIMESTAMP_RESOLUTION, "2 seconds");
        }
        return config;
    }

    private static String storeKey(FileStore store, boolean windows) {
        if (windows) {
            try {
                if (store.getAttribute("volume:vsn") instanceof Integer serial) {
                    return serial.toString();
                }
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                // the name, as JGit falls back to
            }
        }
        return store.name();
    }

    @Override
    public long getCurrentTime() {
        return delegate.getCurrentTime();
    }

    @Override
    public int getTimezone(long when) {
        return delegate.getTimezone(when);
    }

    /** A configuration that lives in memory only: nothing to load, never outdated, saved nowhere. */
    private static final class MemoryConfig extends FileBasedConfig {
        MemoryConfig(Config parent, FS fs) {
            super(parent, null, fs);
        }

        @Override
        public void load() {
            // nothing to read
        }

        @Override
        public void save() {
            // nothing is written
        }

        @Override
        public boolean isOutdated() {
            return false;
        }

        @Override
        public String toString() {
            return "GitReadOnly.MemoryConfig";
        }
    }
}
