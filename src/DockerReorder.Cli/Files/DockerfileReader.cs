using System.Buffers;
using System.Text;

namespace DockerReorder.Cli.Files;

/// <summary>Reads a Dockerfile and refuses what is not a text Dockerfile: binary files (a NUL byte) and invalid UTF-8.</summary>
public static class DockerfileReader
{
    /// <summary>Reads <paramref name="fullPath"/>; throws <see cref="FileProblem"/> with a one-line message naming <paramref name="displayPath"/>.</summary>
    /// <param name="fullPath">The file.</param>
    /// <param name="displayPath">Its name in messages.</param>
    /// <param name="withWriteTime">False when the modification time is not needed (only writing back compares it): a small file is then read without its status.</param>
    public static DockerfileContent Read(string fullPath, string displayPath, bool withWriteTime = true)
    {
        if (OperatingSystem.IsLinux() && ReadSmallFile(fullPath, withWriteTime) is { } small)
        {
            Check(small.Bytes, displayPath);
            return small;
        }
        byte[] bytes;
        DateTime mtime;
        try
        {
            // One open gives both, from the file a symbolic link finally names (saves two system calls a file).
            using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.None);
            mtime = File.GetLastWriteTimeUtc(handle);
            bytes = ReadAll(handle) ?? File.ReadAllBytes(fullPath);
        }
        catch (UnauthorizedAccessException) { throw new FileProblem($"{displayPath}: permission denied"); }
        catch (FileNotFoundException) { throw new FileProblem($"{displayPath}: no such file or directory"); }
        catch (DirectoryNotFoundException) { throw new FileProblem($"{displayPath}: no such file or directory"); }
        catch (IOException e) { throw new FileProblem($"{displayPath}: cannot read: {e.Message}"); }
        Check(bytes, displayPath);
        return new DockerfileContent(bytes, mtime);
    }

    // Linux, a file under 64 KiB: open, fstat (the time, when wanted), read to the end, close; four or five system calls where
    // File.OpenHandle makes eight (two are the advisory flock it takes for FileShare.Read, which guards nothing here: the
    // write checks bytes and time again). Null for anything else (an error, a bigger file): the general path then answers
    // with its own errors.
    private static DockerfileContent? ReadSmallFile(string fullPath, bool withWriteTime)
    {
        int descriptor = PosixFileCalls.Open(KernelPaths.Shorten(fullPath));
        if (descriptor < 0) return null;
        using var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(descriptor, ownsHandle: true);
        var buffer = ArrayPool<byte>.Shared.Rent(FirstReadSize);
        try
        {
            DateTime? mtime = withWriteTime ? File.GetLastWriteTimeUtc(handle) : null;
            int length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= SmallFileLimit) return null;
                    var larger = ArrayPool<byte>.Shared.Rent(SmallFileLimit);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                nint n = PosixFileCalls.Read(descriptor, ref buffer[length], buffer.Length - length);
                if (n == 0) return new DockerfileContent(buffer.AsSpan(0, length).ToArray(), mtime);
                if (n > 0) length += (int)n;
                else if (System.Runtime.InteropServices.Marshal.GetLastPInvokeError() != PosixFileCalls.Interrupted) return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    private const int SmallFileLimit = 64 * 1024;

    // Most Dockerfiles fit in the first buffer: a one-file run then does not grow the heap by a 64 KiB buffer.
    private const int FirstReadSize = 8 * 1024;

    // The bytes of a file of known length, or null for what File.ReadAllBytes handles itself (no length, too long, shrunk meanwhile).
    private static byte[]? ReadAll(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        long length = RandomAccess.GetLength(handle);
        if (length == 0 || length > Array.MaxLength) return null;
        var bytes = new byte[length];
        int read = 0;
        while (read < bytes.Length)
        {
            int n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
            if (n == 0) return null;
            read += n;
        }
        return bytes;
    }

    /// <summary>Throws <see cref="FileProblem"/> when <paramref name="bytes"/> hold a NUL byte or are not valid UTF-8.</summary>
    public static void Check(ReadOnlySpan<byte> bytes, string displayPath)
    {
        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var (line, column) = PositionOf(bytes, nul);
            throw new FileProblem($"{displayPath}:{line}:{column}: binary file (NUL byte), skipped");
        }
        int invalid = FirstInvalidUtf8(bytes);
        if (invalid >= 0)
        {
            var (line, column) = PositionOf(bytes, invalid);
            throw new FileProblem($"{displayPath}:{line}:{column}: invalid UTF-8");
        }
    }

    /// <summary>Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1.</summary>
    public static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return -1;
        int offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed);
            if (status != OperationStatus.Done) return offset;
            offset += consumed;
        }
        return -1;
    }

    // 1-based line and column (in characters, as the syntax tree counts them) of a byte offset.
    private static (int Line, int Column) PositionOf(ReadOnlySpan<byte> bytes, int offset)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (bytes[i] == '\n') { line++; lineStart = i + 1; }
        }
        return (line, Encoding.UTF8.GetCharCount(bytes[lineStart..offset]) + 1);
    }
}
