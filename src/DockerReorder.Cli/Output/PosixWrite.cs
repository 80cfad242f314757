using System.Runtime.InteropServices;

namespace DockerReorder.Cli.Output;

/// <summary>POSIX <c>write(2)</c>, for writing standard output and error without <see cref="Console"/>.</summary>
internal static class PosixWrite
{
    /// <summary>Linux's <c>EINTR</c>: interrupted before anything was written; try again.</summary>
    public const int Interrupted = 4;

    /// <summary>Linux's <c>EAGAIN</c>: a non-blocking descriptor is full; try again later.</summary>
    public const int WouldBlock = 11;

    /// <summary>Linux's <c>EPIPE</c>: the reading end is closed (<c>docker-reorder | head -1</c>).</summary>
    public const int BrokenPipe = 32;

    /// <summary>Writes up to <paramref name="count"/> bytes from <paramref name="buffer"/>; the count written, or -1 with the error in <see cref="Marshal.GetLastPInvokeError"/>.</summary>
    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    public static extern nint Write(int descriptor, ref byte buffer, nint count);
}
