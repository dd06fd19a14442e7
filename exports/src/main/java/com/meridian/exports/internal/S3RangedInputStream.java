package com.meridian.exports.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * An S3 object read through ranged GETs, so that the app never fetches more of it than the reader gets near:
 * {@link #skip} before reading moves the position without any request (a download of {@code bytes=N-M} starts its
 * first GET at N), and each GET asks for a window that starts at {@value #FIRST_WINDOW} bytes and doubles up to
 * {@value #MAX_WINDOW}, so a small range costs one small request and a whole file streams in bounded pieces. A
 * window that is left unread is aborted, not drained.
 */
final class S3RangedInputStream extends InputStream {

    static final int FIRST_WINDOW = 256 * 1024;
    static final int MAX_WINDOW = 16 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final long length;
    private long position;
    private ResponseInputStream<GetObjectResponse> window;
    private long windowEnd;
    private long nextWindow = FIRST_WINDOW;

    S3RangedInputStream(S3Client s3, String bucket, String key, long length) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        if (window == null || position >= windowEnd) {
            openWindow();
        }
        int read = window.read(buffer, offset, (int) Math.min(count, windowEnd - position));
        if (read < 0) {
            throw new EOFException("s3://" + bucket + "/" + key + " ended at " + position + " of " + length + " bytes");
        }
        position += read;
        return read;
    }

    /** Moves the position; the bytes skipped are never requested (an open window past them is dropped). */
    @Override
    public long skip(long count) {
        long skipped = Math.max(0, Math.min(count, length - position));
        if (skipped > 0) {
            dropWindow();
            position += skipped;
        }
        return skipped;
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public void close() {
        dropWindow();
        position = length;
    }

    private void openWindow() {
        dropWindow();
        long end = Math.min(length, position + nextWindow);
        String range = "bytes=" + position + "-" + (end - 1);
        window = s3.getObject(get -> get.bucket(bucket).key(key).range(range));
        windowEnd = end;
        nextWindow = Math.min(MAX_WINDOW, nextWindow * 2);
    }

    private void dropWindow() {
        if (window != null) {
            if (position < windowEnd) {
                window.abort(); // the rest of this window is not wanted: do not download it
            }
            try {
                window.close();
            } catch (IOException ignored) {
                // the connection is gone either way
            }
            window = null;
        }
    }
}
