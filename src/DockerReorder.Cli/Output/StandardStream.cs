using System.Runtime.InteropServices;

namespace DockerReorder.Cli.Output;

/// <summary>
/// Standard output or error on Linux, written with <c>write(2)</c> at the descriptor's shared offset, as
/// <see cref="Console"/>'s streams do, without setting up the terminal and its signal-handling thread, which
/// the console does on its first write (a tenth of checking one small Dockerfile was console set-up).
/// </summary>
/// <remarks>
/// Like the console, a closed pipe ends the output quietly instead of failing the run. Any other failure
/// (a full disk, a closed descriptor) is an <see cref="IOException"/>, unless <paramref name="quietOnFailure"/>:
/// standard error has nowhere to report its own failure, so it drops what it cannot write.
/// </remarks>
public sealed class StandardStream(int descriptor, bool quietOnFailure = false) : Stream
{
    private bool _done;

    /// <summary>Standard output: the process's own, or <see cref="Console"/>'s where <c>write(2)</c> is not known to behave as on Linux.</summary>
    public static Stream Output() => OperatingSystem.IsLinux() ? new StandardStream(1) : Console.OpenStandardOutput();

    /// <summary>Standard error, as <see cref="Output"/>; it never fails the run.</summary>
    public static Stream Error() => OperatingSystem.IsLinux() ? new StandardStream(2, quietOnFailure: true) : Console.OpenStandardError();

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty && !_done)
        {
            nint written = PosixWrite.Write(descriptor, ref MemoryMarshal.GetReference(buffer), buffer.Length);
            if (written >= 0)
            {
                buffer = buffer[(int)written..];
                continue;
            }
            switch (Marshal.GetLastPInvokeError())
            {
                case PosixWrite.Interrupted: break;
                case PosixWrite.WouldBlock: Thread.Sleep(1); break;
                case PosixWrite.BrokenPipe: _done = true; break;
                case var _ when quietOnFailure: _done = true; break;
                case var error: throw new IOException($"cannot write to {(descriptor == 1 ? "standard output" : $"descriptor {descriptor}")}: {Marshal.GetPInvokeErrorMessage(error)}");
            }
        }
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void WriteByte(byte value) => Write([value]);

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();
}
