using System.Runtime.InteropServices;

namespace DockerReorder.Cli.Files;

/// <summary>
/// POSIX <c>open(2)</c>, <c>read(2)</c> and <c>faccessat(2)</c> on Linux: reading a small file without the locking and
/// status calls of <see cref="File.OpenHandle"/>, and asking whether anything is at a path in one call.
/// </summary>
public static class PosixFileCalls
{
    /// <summary>Linux's <c>EINTR</c>: interrupted before anything was read; try again.</summary>
    public const int Interrupted = 4;

    private const int NoSuchFile = 2; // ENOENT
    private const int NotADirectory = 20; // ENOTDIR
    private const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC (Linux, every architecture .NET runs on)
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const int ExistenceOnly = 0; // F_OK
    private const int SymbolicLinkNoFollow = 0x100; // AT_SYMLINK_NOFOLLOW

    /// <summary>Opens <paramref name="path"/> for reading (following symbolic links); a descriptor, or -1.</summary>
    public static int Open(string path) => OpenCore(path, ReadOnlyCloseOnExec);

    /// <summary>Reads up to <paramref name="count"/> bytes into <paramref name="buffer"/>; the count read (0 at the end), or -1 with the error in <see cref="Marshal.GetLastPInvokeError"/>.</summary>
    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    public static extern nint Read(int descriptor, ref byte buffer, nint count);

    /// <summary>
    /// True when nothing at all is at <paramref name="path"/>: not a file, a directory or a symbolic link (dangling or
    /// not), exactly when <c>lstat</c> fails with ENOENT or ENOTDIR. False when something is there or the call cannot
    /// tell (another error, a C library without the flag): the caller then asks the usual way.
    /// </summary>
    public static bool NothingAt(string path) =>
        AccessCore(CurrentDirectory, path, ExistenceOnly, SymbolicLinkNoFollow) != 0 && Marshal.GetLastPInvokeError() is NoSuchFile or NotADirectory;

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenCore([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "faccessat", SetLastError = true)]
    private static extern int AccessCore(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode, int flags);
}
