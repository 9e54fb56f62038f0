package dev.cyberdevstudio.models.download;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes the partial file. A seam so tests can play a disk that fills up in the middle of a download. */
interface PartWriter extends Closeable {

    /** Writes all of {@code src} at {@code position}. */
    void write(ByteBuffer src, long position) throws IOException;

    long size() throws IOException;

    void truncate(long size) throws IOException;

    void force() throws IOException;

    @FunctionalInterface
    interface Opener {
        PartWriter open(Path file) throws IOException;
    }

    static PartWriter open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        return new PartWriter() {
            @Override
            public void write(ByteBuffer src, long position) throws IOException {
                long at = position;
                while (src.hasRemaining()) {
                    at += channel.write(src, at);
                }
            }

            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public void truncate(long size) throws IOException {
                channel.truncate(size);
            }

            @Override
            public void force() throws IOException {
                channel.force(true);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
