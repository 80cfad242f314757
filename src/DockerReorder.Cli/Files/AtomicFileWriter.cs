namespace DockerReorder.Cli.Files;

/// <summary>
/// Replaces a file's content atomically: writes a temporary file in the same folder, gives it the
/// original's Unix permissions, checks that the original still has the content that was read, then
/// renames over it. A symbolic link is written through: its target is replaced, the link stays.
/// </summary>
public static class AtomicFileWriter
{
    /// <summary>Replaces <paramref name="fullPath"/> with <paramref name="newBytes"/> when it still holds <paramref name="expected"/>; throws <see cref="FileProblem"/> otherwise.</summary>
    public static void Replace(string fullPath, string displayPath, DockerfileContent expected, byte[] newBytes)
    {
        var target = SymbolicLinks.ResolveFile(fullPath);
        UnixFileMode? mode = OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(target);
        if (mode is { } m && (m & UnixFileMode.UserWrite) == 0) throw new FileProblem($"{displayPath}: read-only file, not written");
        var directory = Path.GetDirectoryName(target)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.docker-reorder-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(newBytes);
                stream.Flush(flushToDisk: true);
            }
            if (mode is { } unixMode && !OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, unixMode);
            WriteBarrier.Wait();
            EnsureUnchanged(target, displayPath, expected);
            File.Move(temporary, target, overwrite: true);
        }
        catch (UnauthorizedAccessException) { throw new FileProblem($"{displayPath}: permission denied, not written"); }
        catch (IOException e) when (e is not FileNotFoundException) { throw new FileProblem($"{displayPath}: cannot write: {e.Message}"); }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Creates or replaces a context file (a <c>.dockerignore</c>) atomically; <paramref name="expectedContent"/> null means it must not exist yet.</summary>
    public static void ReplaceText(string fullPath, string displayPath, byte[]? expectedContent, byte[] newBytes)
    {
        if (expectedContent is null)
        {
            if (File.Exists(fullPath)) throw new FileProblem($"{displayPath}: file appeared on disk since it was read, not written");
            var directory = Path.GetDirectoryName(fullPath)!;
            var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.docker-reorder-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
            try
            {
                File.WriteAllBytes(temporary, newBytes);
                File.Move(temporary, fullPath, overwrite: false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new FileProblem($"{displayPath}: cannot write: {e.Message}"); }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
            return;
        }
        Replace(fullPath, displayPath, new DockerfileContent(expectedContent, null), newBytes);
    }

    private static void EnsureUnchanged(string target, string displayPath, DockerfileContent expected)
    {
        byte[] now;
        try { now = File.ReadAllBytes(target); }
        catch (FileNotFoundException) { throw new FileProblem($"{displayPath}: file was removed since it was read, not written"); }
        bool sameTime = expected.LastWriteTimeUtc is not { } t || File.GetLastWriteTimeUtc(target) == t;
        if (!sameTime || !now.AsSpan().SequenceEqual(expected.Bytes))
            throw new FileProblem($"{displayPath}: file changed on disk since it was read, not written");
    }
}
