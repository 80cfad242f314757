using System.IO.Pipes;
using System.Text;
using DockerReorder.Cli.Output;

namespace DockerReorder.Cli.Tests.Output;

/// <summary>Standard output and error written with write(2): the descriptor's shared offset, and a reader that went away.</summary>
public sealed class StandardStreamTests
{
    /// <summary>Writes go where the descriptor's offset is and move it on, so output redirected to a file that others also write (<c>{ docker-reorder; echo done; } &gt; log</c>) is appended, never overwritten.</summary>
    [Fact]
    public void Two_writers_on_one_descriptor_append()
    {
        if (!OperatingSystem.IsLinux()) return; // the stream is Linux's; elsewhere the console's streams are used
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "log");
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
        {
            int descriptor = (int)file.SafeFileHandle.DangerousGetHandle();
            new StandardStream(descriptor).Write("first\n"u8);
            new StandardStream(descriptor).Write("second\n"u8);
        }
        Assert.Equal("first\nsecond\n", File.ReadAllText(path));
    }

    /// <summary>Everything written arrives, in order, also when it is more than a pipe holds at once.</summary>
    [Fact]
    public async Task Writes_everything_through_a_pipe()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var reader = new AnonymousPipeServerStream(PipeDirection.In);
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"line {i}\n"));
        var received = Task.Run(() =>
        {
            using var read = new StreamReader(reader, Encoding.UTF8);
            return read.ReadToEnd();
        });
        using (var writeEnd = reader.ClientSafePipeHandle)
        {
            new StandardStream((int)writeEnd.DangerousGetHandle()).Write(Encoding.UTF8.GetBytes(text));
        }
        reader.DisposeLocalCopyOfClientHandle();
        Assert.Equal(text, await received);
    }

    /// <summary>When the reader has gone (<c>docker-reorder | head -1</c>), the rest of the output is dropped quietly, as the console does, instead of failing the run.</summary>
    [Fact]
    public void A_closed_pipe_ends_the_output_quietly()
    {
        if (!OperatingSystem.IsLinux()) return;
        var reader = new AnonymousPipeServerStream(PipeDirection.In);
        var writeEnd = reader.ClientSafePipeHandle;
        reader.Dispose(); // the read end is closed: every write now fails with EPIPE
        var stream = new StandardStream((int)writeEnd.DangerousGetHandle());
        stream.Write(new byte[100_000]);
        stream.Write("more"u8);
        stream.Flush();
        writeEnd.Dispose();
    }

    /// <summary>A write that fails for another reason (here a full disk) is an error on standard output, so the run can say so; standard error drops it.</summary>
    [Fact]
    public void A_failed_write_throws_unless_quiet()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write);
        int descriptor = (int)full.SafeFileHandle.DangerousGetHandle();
        var error = Assert.Throws<IOException>(() => new StandardStream(descriptor).Write("text"u8));
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        new StandardStream(descriptor, quietOnFailure: true).Write("text"u8);
    }
}
