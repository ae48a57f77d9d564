package dev.dsls.review;

/**
 * Why a change cannot be reviewed: no git repository above a file, a revision the repository does not
 * have, a repository that cannot be read. The message names the file or the revision, for the user.
 */
public final class ReviewException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReviewException(String message) {
        super(message);
    }
}
