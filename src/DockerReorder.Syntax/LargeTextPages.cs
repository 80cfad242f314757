using System.Runtime.InteropServices;

namespace DockerReorder.Syntax;

/// <summary>
/// Asks Linux to back a large text with transparent huge pages before it is written (the decoded text, and the fixed
/// text the analysis writes): the text of a 5 MiB file is 10 MiB of fresh memory, and on a virtual machine its 2,560 first-touch page faults cost more than the whole parse.
/// A hint only: where huge pages are off or the call fails, nothing changes.
/// </summary>
public static partial class LargeTextPages
{
    private const int HugePage = 2 * 1024 * 1024;
    private const int AdviseHugePage = 14; // MADV_HUGEPAGE

    /// <summary>Advises the whole 2 MiB pages inside <paramref name="chars"/>; call before the first write.</summary>
    public static unsafe void Advise(Span<char> chars)
    {
        if (!OperatingSystem.IsLinux() || (long)chars.Length * sizeof(char) < 2L * HugePage) return;
        fixed (char* p = chars)
        {
            long start = ((long)p + HugePage - 1) & ~(long)(HugePage - 1);
            long end = (long)(p + chars.Length) & ~(long)(HugePage - 1);
            if (end > start) _ = madvise((nint)start, (nuint)(end - start), AdviseHugePage);
        }
    }

    [LibraryImport("libc")]
    private static partial int madvise(nint address, nuint length, int advice);
}
