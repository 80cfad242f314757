using System.Text;

namespace DockerReorder.Cli.Output;

/// <summary>Standard output (as bytes and as UTF-8 text without BOM, lines ended by <c>\n</c>) and standard error.</summary>
public sealed class OutputChannels : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Wraps the given streams.</summary>
    public OutputChannels(Stream output, Stream error)
    {
        OutputStream = output;
        // Small buffers: a writer holds its chars and 3 bytes per char, all fresh memory a one-file run faults in
        // (8 Ki chars were ~40 KB, 10 pages); output of a hook's run fits, a big diff costs a write per 6 KB.
        Out = new StreamWriter(output, Utf8NoBom, bufferSize: 1 << 11, leaveOpen: true) { NewLine = "\n" };
        Error = new StreamWriter(error, Utf8NoBom, bufferSize: 1 << 10, leaveOpen: true) { NewLine = "\n", AutoFlush = true };
    }

    /// <summary>The process's standard output and error.</summary>
    public static OutputChannels ForConsole() => new(StandardStream.Output(), StandardStream.Error());

    /// <summary>Standard output as raw bytes (flush <see cref="Out"/> first).</summary>
    public Stream OutputStream { get; }

    /// <summary>Standard output as text.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error as text.</summary>
    public TextWriter Error { get; }

    /// <summary>Writes <paramref name="bytes"/> to standard output exactly.</summary>
    public void WriteBytes(byte[] bytes)
    {
        Out.Flush();
        OutputStream.Write(bytes);
        OutputStream.Flush();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Out.Flush();
        Out.Dispose();
        Error.Dispose();
        OutputStream.Flush();
    }
}
